/* SPDX-License-Identifier: MIT */
/*
 * The Snowball stems of recently seen words, one cache per worker thread.
 *
 * Stemming was a third of the keyword stage: about 900 instructions a word.
 * Within an article three words in four are distinct, so a cache per
 * article saves nothing; across articles news vocabulary is Zipfian and
 * most words were stemmed for an earlier article. Each thread fills its own
 * direct-mapped table (no locks on the way), and the plugin's state owns
 * every table, so they all go with it.
 */
#ifndef KEYWORDS_STEM_CACHE_H
#define KEYWORDS_STEM_CACHE_H

#include <libstemmer.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

struct thread_stems;

struct stem_cache {
	pthread_key_t key; /* this thread's table */
	pthread_mutex_t lock;
	struct thread_stems *all; /* every thread's table, freed by fini */
};

int stem_cache_init(struct stem_cache *c);
void stem_cache_fini(struct stem_cache *c);

/*
 * The stem of word[0..len) by `stemmer`, whose algorithm is told apart by
 * `algorithm` (a small number the caller picks per language); NULL on OOM
 * or when the stemmer gives none. Valid until the thread's next call.
 * word_hash is the token's (wp_token.hash): the table is keyed by it, with
 * no second hash of the word.
 */
const char *stem_cache_stem(struct stem_cache *c, int algorithm, struct sb_stemmer *stemmer,
			    const char *word, size_t len, uint32_t word_hash, size_t *ret_len);

/* Fetches a word's slot ahead of its stem_cache_stem() (see wp_wordset_prefetch). */
void stem_cache_prefetch(struct stem_cache *c, int algorithm, uint32_t word_hash);

#endif
