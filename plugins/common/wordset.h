/* SPDX-License-Identifier: MIT */
/*
 * A set of short strings with a value each (open addressing, XXH3): the
 * text stages ask "is this word one of ours?" for every word of every
 * article, so the answer must cost one hash and about one comparison.
 */
#ifndef WP_WORDSET_H
#define WP_WORDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * One slot holds what a probe compares (hash, length) and the answer, so
 * a word that is not in the set costs one cache line; the keys sit in one
 * arena, read only when hash and length already agree.
 */
struct wp_wordset_slot {
	uint32_t hash;
	uint32_t len1; /* the key's length + 1; 0 for an empty slot */
	uint32_t key;  /* offset of the key in the arena */
	int value;
};

struct wp_wordset {
	struct wp_wordset_slot *slots;
	char *arena; /* the keys, each NUL-terminated */
	size_t arena_len, arena_cap;
	size_t mask; /* slots - 1 */
	size_t n;
};

/* Adds key[0..len) with a value (or replaces its value). Returns 0 or -ENOMEM. */
int wp_wordset_add(struct wp_wordset *set, const char *key, size_t len, int value);
/* True if key[0..len) is in the set; its value in *ret_value (may be NULL). */
bool wp_wordset_find(const struct wp_wordset *set, const char *key, size_t len, int *ret_value);

/*
 * The same with the hash given: a word looked up in several sets (a token
 * of the text, see tokens.h) is hashed once, and a key can be filed under
 * a hash made some other way (a phrase's, from its words' hashes: see
 * phrases.h). wp_wordset_hash is the hash wp_wordset_add and _find use.
 */
uint32_t wp_wordset_hash(const char *key, size_t len);
int wp_wordset_add_hashed(struct wp_wordset *set, const char *key, size_t len, uint32_t hash,
			  int value);
bool wp_wordset_find_hashed(const struct wp_wordset *set, const char *key, size_t len,
			    uint32_t hash, int *ret_value);

/*
 * The keys filed under hash h with length len, one per call, for a caller
 * that compares them its own way (without building the key it looks for).
 * *cursor is 0 on the first call; returns NULL when there are no more.
 */
const char *wp_wordset_probe(const struct wp_wordset *set, uint32_t hash, size_t len,
			     size_t *cursor, int *ret_value);

/*
 * Fetches the slot of a hash ahead of its lookup. A caller walking tokens
 * asks for the token WP_WORDSET_AHEAD places on at each lookup: the sets
 * are larger than the cache, and a lookup that waits for memory costs
 * more than all its instructions (perf, 2026-12-03: the lookups were a
 * sixth of the readers' time), while fetches already under way overlap.
 */
#define WP_WORDSET_AHEAD 8

static inline void wp_wordset_prefetch(const struct wp_wordset *set, uint32_t hash)
{
	if (set->n)
		__builtin_prefetch(&set->slots[hash & set->mask]);
}
void wp_wordset_fini(struct wp_wordset *set);

#endif
