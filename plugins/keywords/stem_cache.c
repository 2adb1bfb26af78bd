/* SPDX-License-Identifier: MIT */
#include "stem_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS        4096 /* per thread: about 300 KB; slot_of() takes 12 bits */
#define CACHED_BYTES 32   /* words and stems up to 31 bytes are cached */

struct slot {
	uint64_t hash; /* of the word and the algorithm; 0: empty */
	uint8_t word_len, stem_len;
	char word[CACHED_BYTES];
	char stem[CACHED_BYTES];
};

struct thread_stems {
	struct thread_stems *next;
	struct slot slots[SLOTS];
};

int stem_cache_init(struct stem_cache *c)
{
	int r;

	c->all = NULL;
	if ((r = pthread_key_create(&c->key, NULL)) != 0)
		return -r;
	if ((r = pthread_mutex_init(&c->lock, NULL)) != 0) {
		pthread_key_delete(c->key);
		return -r;
	}
	return 0;
}

void stem_cache_fini(struct stem_cache *c)
{
	while (c->all) {
		struct thread_stems *next = c->all->next;

		free(c->all);
		c->all = next;
	}
	pthread_mutex_destroy(&c->lock);
	pthread_key_delete(c->key);
}

static struct thread_stems *this_thread(struct stem_cache *c)
{
	struct thread_stems *t = pthread_getspecific(c->key);

	if (t)
		return t;
	if (!(t = calloc(1, sizeof(*t))))
		return NULL;
	if (pthread_setspecific(c->key, t) != 0) {
		free(t);
		return NULL;
	}
	pthread_mutex_lock(&c->lock);
	t->next = c->all;
	c->all = t;
	pthread_mutex_unlock(&c->lock);
	return t;
}

/* The word's key in the table: its hash mixed with the algorithm (never 0, the empty mark). */
static uint64_t key_of(uint32_t word_hash, int algorithm)
{
	return (((uint64_t)word_hash << 8 | (uint8_t)algorithm) * UINT64_C(0x9e3779b97f4a7c15)) | 1;
}

static struct slot *slot_of(struct thread_stems *t, uint64_t key)
{
	return &t->slots[key >> 52]; /* the product's high bits are its best mixed */
}

void stem_cache_prefetch(struct stem_cache *c, int algorithm, uint32_t word_hash)
{
	struct thread_stems *t = pthread_getspecific(c->key);

	if (t)
		__builtin_prefetch(slot_of(t, key_of(word_hash, algorithm)));
}

const char *stem_cache_stem(struct stem_cache *c, int algorithm, struct sb_stemmer *stemmer,
			    const char *word, size_t len, uint32_t word_hash, size_t *ret_len)
{
	struct thread_stems *t = len < CACHED_BYTES ? this_thread(c) : NULL;
	uint64_t hash = key_of(word_hash, algorithm);
	struct slot *s = t ? slot_of(t, hash) : NULL;

	if (s && s->hash == hash && s->word_len == len && memcmp(s->word, word, len) == 0) {
		*ret_len = s->stem_len;
		return s->stem;
	}
	const char *stem =
		(const char *)sb_stemmer_stem(stemmer, (const sb_symbol *)word, (int)len);
	size_t n = stem ? (size_t)sb_stemmer_length(stemmer) : 0;

	if (!stem || n == 0)
		return NULL;
	*ret_len = n;
	if (!s || n >= CACHED_BYTES)
		return stem; /* the stemmer's buffer: valid until its next call */
	s->hash = hash;
	s->word_len = (uint8_t)len;
	memcpy(s->word, word, len);
	s->stem_len = (uint8_t)n;
	memcpy(s->stem, stem, n);
	return s->stem;
}
