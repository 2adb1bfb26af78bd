/* SPDX-License-Identifier: MIT */
/*
 * keywords: what an article is mostly about, as keywords[] {term, score}:
 * its words and two-word phrases ranked by TF-IDF, the document
 * frequencies learnt from the articles warta has seen (df.h).
 *
 * Words are grouped by their Snowball stem (Indonesian for id and ms
 * text, English for en), so "latihan" and "berlatih" count as one term,
 * shown as the form the article used first; stems never reach any other
 * field. Stopwords (data/stopwords.txt) and numbers are left out; a
 * phrase must occur twice. Scores are (1 + ln tf) * ln(1 + N / df),
 * divided by the article's largest, so the top term scores 1.
 */
#include <errno.h>
#include <libstemmer.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <warta/plugin.h>
#include <xxhash.h>

#include "../common/listfile.h"
#include "../common/strbuf.h"
#include "../common/tokens.h"
#include "../common/wordset.h"
#include "df.h"
#include "stem_cache.h"

#define MIN_WORD_BYTES 3
#define MAX_STEM_BYTES 64
#define MIN_PHRASE_TF  2

struct keywords_config {
	int64_t count;
};

struct keywords {
	const struct wa_plugin_ctx *ctx; /* for the log */
	struct wp_wordset stopwords;
	struct df_table df;
	struct stem_cache stems;
	size_t count;
};

/* The Snowball algorithms for the languages it serves (id and ms share one). */
static const char *const algorithms[] = { "indonesian", "english" };

struct term {
	size_t key;     /* offset of the stem (or "stem stem") in keys */
	size_t surface; /* offset of the first form seen in surfaces */
	uint32_t tf;
	bool phrase;
	double score;
};

/*
 * The article's terms, found by the 64-bit hash of their key (open
 * addressing; a collision between two of an article's few hundred terms
 * is a one-in-10^14 event and would only merge two counts).
 */
struct article_terms {
	uint64_t *slot_hash; /* 0: empty */
	uint32_t *slot_term;
	size_t mask;
	struct term *v;
	size_t n, cap;
	struct wp_strbuf keys, surfaces; /* NUL-separated strings */
};

static int terms_grow(struct article_terms *at)
{
	size_t mask = at->mask ? at->mask * 2 + 1 : 1023;
	uint64_t *h = calloc(mask + 1, sizeof(*h));
	uint32_t *t = calloc(mask + 1, sizeof(*t));

	if (!h || !t) {
		free(h);
		free(t);
		return -ENOMEM;
	}
	for (size_t i = 0; at->slot_hash && i <= at->mask; i++) {
		if (!at->slot_hash[i])
			continue;
		size_t k = at->slot_hash[i] & mask;

		while (h[k])
			k = (k + 1) & mask;
		h[k] = at->slot_hash[i];
		t[k] = at->slot_term[i];
	}
	free(at->slot_hash);
	free(at->slot_term);
	at->slot_hash = h;
	at->slot_term = t;
	at->mask = mask;
	return 0;
}

/* "LANG | word | word": every line applies whatever its language (news mixes them). */
static int add_stopwords(void *data, const char *lang, char **words, size_t n)
{
	int r = 0;

	(void)lang;
	for (size_t i = 0; i < n && r == 0; i++)
		r = wp_wordset_add(data, words[i], strlen(words[i]), 1);
	return r;
}

static int keywords_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	const struct keywords_config *c = wa_plugin_ctx_config(ctx);
	struct keywords *k = calloc(1, sizeof(*k));
	const char *state = wa_plugin_ctx_state_dir(ctx);
	bool persists = wa_plugin_ctx_persists(ctx) && state && *state;
	char path[4096];
	int r;

	if (!k)
		return -ENOMEM;
	if (c->count < 1 || c->count > 100) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "count must be 1 to 100");
		free(k);
		return -EINVAL;
	}
	k->count = (size_t)c->count;
	k->ctx = ctx;
	snprintf(path, sizeof(path), "%s/keywords-df.tsv", state ? state : "");
	char *error = NULL;

	if ((r = wp_list_file_read(ctx, "stopwords.txt", add_stopwords, &k->stopwords, &error)) <
	    0) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "%s", error ? error : strerror(-r));
		free(error);
	} else if (persists && mkdir(state, 0750) < 0 && errno != EEXIST) {
		r = -errno;
		wa_plugin_log(ctx, WA_LOG_ERROR, "%s: %s", state, strerror(-r));
	} else if ((r = df_open(&k->df, state && *state ? path : NULL, persists)) < 0) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "%s: %s", path, strerror(-r));
	}
	if (r == 0 && (r = stem_cache_init(&k->stems)) < 0) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "stem cache: %s", strerror(-r));
		df_close(&k->df);
	}
	if (r < 0) {
		wp_wordset_fini(&k->stopwords);
		free(k);
		return r;
	}
	*ret_state = k;
	return 0;
}

static void keywords_fini(void *state)
{
	struct keywords *k = state;

	stem_cache_fini(&k->stems);
	df_close(&k->df);
	wp_wordset_fini(&k->stopwords);
	free(k);
}

/* The index in algorithms[] for a language, or -1. */
static int algorithm_for(const char *lang)
{
	if (!lang)
		return -1;
	if (strcmp(lang, "id") == 0 || strcmp(lang, "ms") == 0)
		return 0;
	if (strcmp(lang, "en") == 0)
		return 1;
	return -1;
}

/* Counts key (the stem or "stem stem") once more, remembering its first form. */
static int count(struct article_terms *at, const char *key, size_t key_len, const char *surface,
		 size_t surface_len, bool phrase)
{
	uint64_t h = XXH3_64bits(key, key_len) | 1; /* never 0, the empty mark */

	if ((at->n + 1) * 2 > at->mask && terms_grow(at) < 0)
		return -ENOMEM;
	size_t k = h & at->mask;

	while (at->slot_hash[k] && at->slot_hash[k] != h)
		k = (k + 1) & at->mask;
	if (at->slot_hash[k]) {
		at->v[at->slot_term[k]].tf++;
		return 0;
	}
	if (at->n == at->cap) {
		size_t cap = at->cap ? at->cap * 2 : 256;
		struct term *v = realloc(at->v, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		at->v = v;
		at->cap = cap;
	}
	at->v[at->n] = (struct term){
		.key = at->keys.len, .surface = at->surfaces.len, .tf = 1, .phrase = phrase
	};
	wp_strbuf_put(&at->keys, key, key_len);
	wp_strbuf_putc(&at->keys, '\0');
	wp_strbuf_put(&at->surfaces, surface, surface_len);
	wp_strbuf_putc(&at->surfaces, '\0');
	if (at->keys.error || at->surfaces.error)
		return -ENOMEM;
	at->slot_hash[k] = h;
	at->slot_term[k] = (uint32_t)at->n++;
	return 0;
}

/* A word that can be a keyword: letters (a designator's digits allowed), not a stopword. */
static bool content_word(const struct keywords *k, const struct wp_tokens *t, size_t i)
{
	const struct wp_token *w = &t->v[i];

	if (i + WP_WORDSET_AHEAD < t->n) /* asked of every token in turn */
		wp_wordset_prefetch(&k->stopwords, t->v[i + WP_WORDSET_AHEAD].hash);
	return (w->flags & WP_TOKEN_WORD) && w->fold_len >= MIN_WORD_BYTES &&
	       w->fold_len < MAX_STEM_BYTES &&
	       !wp_wordset_find_hashed(&k->stopwords, wp_token_folded(t, i), w->fold_len, w->hash,
				       NULL);
}

static int collect(struct keywords *k, const struct wp_tokens *t, struct sb_stemmer *stemmer,
		   int algorithm, struct article_terms *at)
{
	char prev_stem[MAX_STEM_BYTES], pair[2 * MAX_STEM_BYTES], pair_surface[2 * MAX_STEM_BYTES];
	size_t prev_len = 0, prev = 0;
	bool have_prev = false;
	int r = 0;

	for (size_t i = 0; i < t->n && r == 0; i++) {
		const char *word = wp_token_folded(t, i);
		size_t len = t->v[i].fold_len;

		if (stemmer && i + WP_WORDSET_AHEAD < t->n)
			stem_cache_prefetch(&k->stems, algorithm, t->v[i + WP_WORDSET_AHEAD].hash);
		if (!content_word(k, t, i)) {
			have_prev = false;
			continue;
		}
		const char *stem = word;
		size_t stem_len = len;

		/* Designators (su-35) are kept whole; the stemmer would cut them. */
		if (stemmer && !(t->v[i].flags & WP_TOKEN_HAS_DIGIT)) {
			stem = stem_cache_stem(&k->stems, algorithm, stemmer, word, len,
					       t->v[i].hash, &stem_len);
			if (!stem || stem_len == 0 || stem_len >= MAX_STEM_BYTES)
				stem = word, stem_len = len;
		}
		if ((r = count(at, stem, stem_len, word, len, false)) < 0)
			break;
		/* A phrase: two content words with nothing but a space between them. */
		if (have_prev && prev == i - 1 && (t->v[prev].flags & WP_TOKEN_SPACE_AFTER)) {
			size_t prev_word = t->v[prev].fold_len;

			/* Both stems and both words are shorter than MAX_STEM_BYTES. */
			memcpy(pair, prev_stem, prev_len);
			pair[prev_len] = ' ';
			memcpy(pair + prev_len + 1, stem, stem_len);
			memcpy(pair_surface, wp_token_folded(t, prev), prev_word);
			pair_surface[prev_word] = ' ';
			memcpy(pair_surface + prev_word + 1, word, len);
			r = count(at, pair, prev_len + 1 + stem_len, pair_surface,
				  prev_word + 1 + len, true);
		}
		memcpy(prev_stem, stem, stem_len);
		prev_len = stem_len;
		prev = i;
		have_prev = true;
	}
	return r;
}

static int write_keywords(struct wa_article *a, const struct keywords *k,
			  const struct article_terms *at)
{
	const struct term **ranked;
	struct wp_strbuf json = { 0 };
	size_t n = 0;
	double top = 0;
	int r;

	if (!(ranked = malloc(k->count * sizeof(*ranked)))) /* count is 1 to 100 (keywords_init) */
		return -ENOMEM;
	/*
	 * The best k->count terms, best first, by insertion: an article has
	 * hundreds of terms and the record keeps ten. Equal scores keep the
	 * order the terms came in.
	 */
	for (size_t i = 0; i < at->n; i++) {
		const struct term *t = &at->v[i];

		if (t->score <= 0 || (n == k->count && !(t->score > ranked[n - 1]->score)))
			continue;
		size_t j = n < k->count ? n++ : n - 1;

		for (; j > 0 && ranked[j - 1]->score < t->score; j--)
			ranked[j] = ranked[j - 1];
		ranked[j] = t;
	}
	if (n == 0) {
		free(ranked);
		return 0;
	}
	top = ranked[0]->score;
	wp_strbuf_putc(&json, '[');
	for (size_t i = 0; i < n; i++) {
		char score[64];

		/* Surfaces are folded words of the text: letters, digits, '-', '\'', '.', ' '. */
		wp_strbuf_puts(&json, i ? ",{\"term\":\"" : "{\"term\":\"");
		for (const char *c = at->surfaces.buf + ranked[i]->surface; *c; c++) {
			if (*c == '"' || *c == '\\')
				wp_strbuf_putc(&json, '\\');
			wp_strbuf_putc(&json, *c);
		}
		snprintf(score, sizeof(score), "\",\"score\":%.3f}", ranked[i]->score / top);
		wp_strbuf_puts(&json, score);
	}
	wp_strbuf_putc(&json, ']');
	r = json.error ? json.error : wa_article_set_json(a, "keywords", json.buf);
	wp_strbuf_fini(&json);
	free(ranked);
	return r;
}

static int score_terms(struct keywords *k, struct article_terms *at)
{
	const char **terms = malloc((at->n + 1) * sizeof(*terms));
	size_t *lengths = malloc((at->n + 1) * sizeof(*lengths));
	uint32_t *df = malloc((at->n + 1) * sizeof(*df));
	size_t n = 0, *which = malloc((at->n + 1) * sizeof(*which));
	uint64_t documents = 0;
	int r = terms && lengths && df && which ? 0 : -ENOMEM;

	/* Every distinct term counts toward document frequency; a phrase once it recurs. */
	for (size_t i = 0; r == 0 && i < at->n; i++) {
		if (at->v[i].phrase && at->v[i].tf < MIN_PHRASE_TF)
			continue;
		terms[n] = at->keys.buf + at->v[i].key;
		lengths[n] = strlen(terms[n]);
		which[n++] = i;
	}
	int save_error = 0;

	if (r == 0)
		r = df_add_article(&k->df, terms, lengths, n, df, &documents, &save_error);
	if (save_error < 0)
		wa_plugin_log(
			k->ctx, WA_LOG_WARNING,
			"cannot save the keyword frequencies (kept in memory, retried later): %s",
			strerror(-save_error));
	for (size_t i = 0; r == 0 && i < n; i++) {
		struct term *t = &at->v[which[i]];
		double idf = log(1.0 + (double)documents / (double)(df[i] ? df[i] : 1));

		t->score = (1.0 + log((double)t->tf)) * idf;
	}
	free(terms);
	free(lengths);
	free(df);
	free(which);
	return r;
}

static int keywords_process(void *state, struct wa_article *a)
{
	struct keywords *k = state;
	int algorithm = algorithm_for(wa_article_get_string(a, "lang.code"));
	struct sb_stemmer *stemmer = NULL;
	struct article_terms at = { 0 };
	int r;
	const struct wp_tokens *tokens = wp_article_tokens(a, &r);

	if (!tokens)
		return r;
	/* A stemmer holds per-word state: one per call, never shared between threads. */
	if (algorithm >= 0 && !(stemmer = sb_stemmer_new(algorithms[algorithm], "UTF_8")))
		return -ENOMEM;
	r = collect(k, tokens, stemmer, algorithm, &at);
	if (r == 0 && at.n > 0)
		r = score_terms(k, &at);
	if (r == 0 && at.n > 0)
		r = write_keywords(a, k, &at);
	if (stemmer)
		sb_stemmer_delete(stemmer);
	free(at.slot_hash);
	free(at.slot_term);
	wp_strbuf_fini(&at.keys);
	wp_strbuf_fini(&at.surfaces);
	free(at.v);
	return r < 0 ? r : WA_PLUGIN_OK;
}

static const struct wa_option keywords_options[] = {
	{ "count", WA_OPTION_INT, "10", offsetof(struct keywords_config, count),
	  "How many terms and phrases to list (1 to 100)." },
	{ 0 },
};

WA_PLUGIN_DEFINE(keywords) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "keywords",
	.summary = "Top terms and phrases by TF-IDF against frequencies learnt from the stream",
	.kind = WA_PLUGIN_ANALYZE,
	.options = keywords_options,
	.config_size = sizeof(struct keywords_config),
	.init = keywords_init,
	.process = keywords_process,
	.fini = keywords_fini,
};
