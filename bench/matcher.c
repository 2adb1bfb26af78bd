/* SPDX-License-Identifier: MIT */
/*
 * The measurement behind the rules engine's matcher: warta's folded-text
 * Aho-Corasick against Hyperscan's literal matcher (caseless), over the
 * same article files and the same keywords, both reporting every
 * whole-word hit. Built and run by bench/matcher.sh (needs libhyperscan-dev,
 * which is not a dependency of warta).
 *
 *   matcher N_KEYWORDS FILE...
 */
#include <hs/hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fold.h"
#include "keywords.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned long hits;

static void on_hit(int32_t id, size_t start, size_t end, void *userdata)
{
	(void)id;
	(void)start;
	(void)end;
	(void)userdata;
	hits++;
}

struct hs_ctx {
	const char *text;
	size_t len;
	const size_t *lens;
};

static int on_hs_hit(unsigned int id, unsigned long long from, unsigned long long to,
		     unsigned int flags, void *userdata)
{
	struct hs_ctx *c = userdata;

	(void)from;
	(void)flags;
	/* The same whole-word rule as warta's (Hyperscan reports only the end). */
	if (wa_fold_is_whole_word(c->text, c->len, (size_t)to - c->lens[id], c->lens[id]))
		hits++;
	return 0;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = malloc(1 << 20);

	*len = f ? fread(data, 1, (1 << 20) - 1, f) : 0;
	if (f)
		fclose(f);
	data[*len] = '\0';
	return data;
}

int main(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[1]) : 0, n_files = argc - 2;
	const char *syllables[] = { "ka", "ra", "ta", "ma", "sa", "ba", "ri", "lo", "nu", "pe" };
	const char *common[] = { "latihan", "gabungan", "pertahanan", "rusia", "belarus", "rudal" };
	char **words = calloc((size_t)n, sizeof(*words));
	size_t *lens = calloc((size_t)n, sizeof(*lens));
	unsigned *flags = calloc((size_t)n, sizeof(*flags));
	unsigned *ids = calloc((size_t)n, sizeof(*ids));
	struct wa_keywords *k = wa_keywords_new();
	struct wa_fold_buf buf = { 0 };
	hs_database_t *db;
	hs_compile_error_t *err;
	hs_scratch_t *scratch = NULL;
	char **texts;
	size_t *text_lens;
	double t0, ac_s, hs_s, fold_s;
	unsigned long ac_hits, hs_hits;

	if (n <= 0 || n_files <= 0) {
		fprintf(stderr, "usage: matcher N_KEYWORDS FILE...\n");
		return 2;
	}
	srand(1);
	/* Distinct keywords: a few that occur in the articles, the rest made up. */
	for (int i = 0; i < n;) {
		char w[64] = "";

		if (i < 6)
			snprintf(w, sizeof(w), "%s", common[i]);
		else
			for (int s = 0; s < 2 + rand() % 4; s++)
				strcat(w, syllables[rand() % 10]);
		if (wa_keywords_add(k, w, strlen(w)) != i)
			continue; /* already there */
		words[i] = strdup(w);
		lens[i] = strlen(w);
		flags[i] = HS_FLAG_CASELESS;
		ids[i] = (unsigned)i;
		i++;
	}
	wa_keywords_compile(k);
	if (hs_compile_lit_multi((const char *const *)words, flags, ids, lens, (unsigned)n,
				 HS_MODE_BLOCK, NULL, &db, &err) != HS_SUCCESS) {
		fprintf(stderr, "hyperscan: %s\n", err->message);
		return 1;
	}
	hs_alloc_scratch(db, &scratch);
	texts = calloc((size_t)n_files, sizeof(*texts));
	text_lens = calloc((size_t)n_files, sizeof(*text_lens));
	for (int i = 0; i < n_files; i++)
		texts[i] = read_file(argv[i + 2], &text_lens[i]);

	/* Best of three rounds each, alternating, so that neither gets the warm caches. */
	fold_s = ac_s = hs_s = 1e9;
	for (int round = 0; round < 3; round++) {
		double t;

		t0 = now();
		for (int i = 0; i < n_files; i++)
			wa_fold(texts[i], text_lens[i], &buf);
		t = now() - t0;
		fold_s = t < fold_s ? t : fold_s;

		hits = 0;
		t0 = now();
		for (int i = 0; i < n_files; i++) {
			/* As the rules stage does: raw text unless Unicode folding changes
			 * something. */
			if (!wa_fold_is_needed(texts[i], text_lens[i])) {
				wa_keywords_scan(k, texts[i], text_lens[i], on_hit, NULL);
			} else {
				wa_fold(texts[i], text_lens[i], &buf);
				wa_keywords_scan(k, buf.data, buf.len, on_hit, NULL);
			}
		}
		t = now() - t0;
		ac_s = t < ac_s ? t : ac_s;
		ac_hits = hits;

		hits = 0;
		t0 = now();
		for (int i = 0; i < n_files; i++) {
			struct hs_ctx c = { texts[i], text_lens[i], lens };

			hs_scan(db, texts[i], (unsigned)text_lens[i], 0, scratch, on_hs_hit, &c);
		}
		t = now() - t0;
		hs_s = t < hs_s ? t : hs_s;
		hs_hits = hits;
	}

	printf("%6d keywords: warta keywords %6.2f us/article (a full fold would add %.2f; "
	       "%lu hits), Hyperscan %6.2f us/article (%lu hits)\n",
	       n, ac_s / n_files * 1e6, fold_s / n_files * 1e6, ac_hits, hs_s / n_files * 1e6,
	       hs_hits);
	return 0;
}
