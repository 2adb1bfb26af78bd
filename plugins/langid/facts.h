/* SPDX-License-Identifier: MIT */
/*
 * What the model's two data files say of each word, found by the word's
 * 64-bit hash alone.
 *
 * langid looks up every word of every article. A table that also kept the
 * words cost three cache misses a word found (the slot, the word to
 * compare, its facts); this one costs one, and in the text stages' time
 * langid was the stage slowest per instruction. Two words sharing a hash
 * would share their facts: for a word the model does not know, about one
 * lookup in 2^50 (9,000 words against 64 bits).
 */
#ifndef LANGID_FACTS_H
#define LANGID_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FACTS_MAX_LANGUAGES 31 /* one bit each; the top bit says "rated" */
#define FACTS_RATED         (UINT32_C(1) << FACTS_MAX_LANGUAGES)

struct word_facts {
	uint64_t hash;      /* 0: an empty slot */
	uint32_t languages; /* the languages it is a function word of; FACTS_RATED */
	int32_t ratio;      /* Indonesian-over-Malay log-likelihood ratio, thousandths */
};

struct fact_table {
	struct word_facts *slots;
	size_t mask; /* slots - 1 */
	size_t n;
};

/* The facts of a word, added empty if new; NULL when out of memory. */
struct word_facts *facts_add(struct fact_table *t, const char *word, size_t len);
/* The facts of a word, or NULL if the model does not know it. */
const struct word_facts *facts_find(const struct fact_table *t, const char *word, size_t len);

/*
 * The hash of a word's folded bytes, eight at a time (the last step
 * zero-padded), so that langid hashes an ASCII word with one multiply a
 * step in the pass that finds it. A step is one-to-one in its bytes, and
 * so is the finaliser of splitmix64 after the last: two words of the same
 * length, up to eight bytes, never share a hash.
 */
#define FACTS_HASH_START UINT64_C(0xcbf29ce484222325)

static inline uint64_t facts_hash_step(uint64_t h, uint64_t eight_bytes)
{
	return (h ^ eight_bytes) * UINT64_C(0x9e3779b97f4a7c15);
}

static inline uint64_t facts_hash_end(uint64_t h, size_t len)
{
	h ^= len;
	h = (h ^ (h >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	h = (h ^ (h >> 27)) * UINT64_C(0x94d049bb133111eb);
	h ^= h >> 31;
	return h ? h : 1; /* 0 marks an empty slot */
}

uint64_t facts_hash(const char *word, size_t len);

/*
 * The same in two steps, for a caller with many words: their slots are
 * fetched from memory ahead of the lookups (facts_prefetch a few words
 * before facts_find_hashed), so the cache misses overlap instead of each
 * word waiting for its own.
 */
const struct word_facts *facts_find_hashed(const struct fact_table *t, uint64_t hash);

static inline void facts_prefetch(const struct fact_table *t, uint64_t hash)
{
	if (t->slots)
		__builtin_prefetch(&t->slots[hash & t->mask]);
}
void facts_fini(struct fact_table *t);

#endif
