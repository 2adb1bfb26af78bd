/* SPDX-License-Identifier: MIT */
/*
 * Document frequencies learnt from the stream: in how many of the
 * articles seen so far each term (a stem, or two stems joined by a space)
 * appears. Kept in STATE/keywords-df.tsv, written whole to a temporary
 * name and renamed at most every DF_SAVE_SECONDS and at exit, so a crash
 * loses at most that long's counts, and a fast stream does not rewrite a
 * large table several times a second.
 *
 * The table is capped at max_terms (DF_MAX_TERMS): when it is full, the
 * least frequent terms are forgotten until it is DF_KEEP_SHARE full, so
 * that a forgetting is paid for by many new terms. (Forgetting only the
 * terms seen once freed nothing once every term had been seen twice: each
 * new term then rebuilt the whole table, a few articles a second.)
 */
#ifndef KEYWORDS_DF_H
#define KEYWORDS_DF_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "../common/wordset.h"

#define DF_SAVE_SECONDS 30
#define DF_MAX_TERMS    200000
#define DF_KEEP_SHARE   0.75

struct df_table {
	struct wp_wordset terms; /* term -> index into counts */
	uint32_t *counts;
	char **names;
	size_t n, cap;
	size_t max_terms;
	uint64_t documents;
	uint64_t unsaved; /* articles counted since the last save */
	time_t saved_at;  /* CLOCK_MONOTONIC seconds of the last save (or of opening) */
	char *path;       /* NULL: in memory only */
	pthread_mutex_t lock;
};

/* Loads `path` if it exists; NULL or a dry run keeps it in memory only. */
int df_open(struct df_table *t, const char *path, bool save);
/* Saves (when it has a path) and frees. */
void df_close(struct df_table *t);

/*
 * Counts one more article holding these distinct terms, then writes each
 * term's document frequency into df[] (as of this article) and the number
 * of articles into *ret_documents. Returns 0 or -ENOMEM; when this article
 * was the one to save the table and that failed, *ret_save_error says why
 * (the counts stay, and saving is tried again later).
 */
int df_add_article(struct df_table *t, const char *const *terms, const size_t *lengths, size_t n,
		   uint32_t *df, uint64_t *ret_documents, int *ret_save_error);

#endif
