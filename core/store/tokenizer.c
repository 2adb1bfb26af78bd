/* SPDX-License-Identifier: MIT */
/*
 * The FTS5 tokenizer: see tokenizer.h. One instance per connection and
 * table, used by one thread at a time.
 *
 * Indexing runs on the daemon's single committer thread, so it must be
 * cheap. Runs of ASCII letters and digits, most of any article, are found
 * and folded eight bytes a step; only a word with a character beyond ASCII
 * goes through utf8proc. The stems of recent tokens are kept in
 * a direct-mapped cache (news vocabulary is Zipfian: most tokens of an
 * article were seen in the previous ones), which spares the two Snowball
 * stemmers most of the time.
 */
#include "tokenizer.h"

#include <libstemmer.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <warta/swar.h>

#include "banned.h"
#include "unicode.h"

#define MAX_TOKEN_BYTES 256 /* longer runs are indexed folded, unstemmed */
#define CACHE_BITS      14
#define CACHED_BYTES    32 /* tokens and stems up to 31 bytes are cached */
/*
 * A folded token lies in a buffer with this many bytes to spare after it,
 * so that it is hashed and compared eight bytes a step.
 */
#define PAD 8

#define HASH_SEED       UINT64_C(0xcbf29ce484222325)
#define HASH_MULTIPLIER UINT64_C(0x9e3779b97f4a7c15)

struct cached_stems {
	uint64_t hash;
	uint8_t len, id_len, en_len; /* len 0: empty slot */
	bool en_too;                 /* the English stem is indexed beside the Indonesian */
	char token[CACHED_BYTES];    /* folded; a multiple of 8 bytes, read padded */
	char id[CACHED_BYTES];
	char en[CACHED_BYTES];
};

struct tokenizer {
	struct sb_stemmer *indonesian;
	struct sb_stemmer *english;
	struct cached_stems *cache; /* 1 << CACHE_BITS slots */
};

/* The n bytes at s (1 to 8 of them, and 8 readable), as one word. */
static inline uint64_t load_padded(const char *s, int n)
{
	uint64_t w = wa_swar_load(s);

	return n >= 8 ? w : w & ((UINT64_C(1) << (8 * n)) - 1);
}

/* A multiply hash of a padded token: tokens are short, so a step or two. */
static uint64_t hash_padded(const char *s, int len)
{
	uint64_t hash = HASH_SEED ^ (uint64_t)len;

	for (int i = 0; i < len; i += 8) {
		hash = (hash ^ load_padded(s + i, len - i)) * HASH_MULTIPLIER;
		hash ^= hash >> 29;
	}
	return hash;
}

static bool same_padded(const char *a, const char *b, int len)
{
	for (int i = 0; i < len; i += 8)
		if (load_padded(a + i, len - i) != load_padded(b + i, len - i))
			return false;
	return true;
}

/* An ASCII letter or digit, folded; 0 for any other byte. */
static inline char fold_ascii(unsigned char c)
{
	if ((unsigned)(c | 0x20) - 'a' < 26)
		return (char)(c | 0x20);
	return (unsigned)c - '0' < 10 ? (char)c : 0;
}

/*
 * The length in bytes of the character at text[i] if it is part of a word,
 * minus its length if not. An invalid byte is a separator of its own.
 */
static int word_char_at(const char *text, int i, int len)
{
	unsigned char c = (unsigned char)text[i];
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	if (c < 0x80)
		return fold_ascii(c) ? 1 : -1;
	n = utf8proc_iterate((const utf8proc_uint8_t *)text + i, len - i, &cp);
	if (n <= 0)
		return -1;
	return wa_unicode_is_word(cp) ? (int)n : -(int)n;
}

static void destroy(Fts5Tokenizer *p)
{
	struct tokenizer *t = (struct tokenizer *)p;

	if (!t)
		return;
	if (t->indonesian)
		sb_stemmer_delete(t->indonesian);
	if (t->english)
		sb_stemmer_delete(t->english);
	free(t->cache);
	free(t);
}

static int create(void *ctx, const char **args, int n_args, Fts5Tokenizer **ret)
{
	struct tokenizer *t = calloc(1, sizeof(*t));

	(void)ctx;
	(void)args;
	(void)n_args;
	if (!t)
		return SQLITE_NOMEM;
	t->indonesian = sb_stemmer_new("indonesian", "UTF_8");
	t->english = sb_stemmer_new("english", "UTF_8");
	t->cache = calloc((size_t)1 << CACHE_BITS, sizeof(*t->cache));
	if (!t->indonesian || !t->english || !t->cache) {
		destroy((Fts5Tokenizer *)t);
		return SQLITE_ERROR;
	}
	*ret = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

typedef int token_fn(void *ctx, int flags, const char *token, int len, int start, int end);

/*
 * Emits the Indonesian stem, and at the same position the English one when
 * the English stemmer changed the word (a word it leaves alone is found
 * through its Indonesian stem, from queries and documents alike, since both
 * go through here). Most Indonesian words thus cost one index entry.
 */
static int emit_stems(void *ctx, token_fn *fn, const char *id, int id_len, const char *en,
		      int en_len, bool en_too, int start, int end)
{
	int r = fn(ctx, 0, id, id_len, start, end);

	if (r == SQLITE_OK && en_too)
		r = fn(ctx, FTS5_TOKEN_COLOCATED, en, en_len, start, end);
	return r;
}

/* Stems a folded, padded token through the cache. */
static int stem(struct tokenizer *t, void *ctx, token_fn *fn, const char *folded, int len,
		int start, int end)
{
	struct cached_stems *slot = NULL;
	uint64_t hash = 0;
	const char *id, *en;
	int id_len, en_len;
	bool en_too;

	if (len < CACHED_BYTES) {
		hash = hash_padded(folded, len);
		slot = &t->cache[(hash * HASH_MULTIPLIER) >> (64 - CACHE_BITS)];
		if (slot->hash == hash && slot->len == len && same_padded(slot->token, folded, len))
			return emit_stems(ctx, fn, slot->id, slot->id_len, slot->en, slot->en_len,
					  slot->en_too, start, end);
	}
	/* Each result lives in its own stemmer until that stemmer's next call. */
	id = (const char *)sb_stemmer_stem(t->indonesian, (const sb_symbol *)folded, len);
	en = (const char *)sb_stemmer_stem(t->english, (const sb_symbol *)folded, len);
	if (!id || !en)
		return SQLITE_NOMEM;
	id_len = sb_stemmer_length(t->indonesian);
	en_len = sb_stemmer_length(t->english);
	en_too = (en_len != len || memcmp(en, folded, (size_t)len) != 0) &&
		 (en_len != id_len || memcmp(en, id, (size_t)id_len) != 0);
	if (slot && id_len < CACHED_BYTES && en_len < CACHED_BYTES) {
		slot->hash = hash;
		slot->len = (uint8_t)len;
		slot->id_len = (uint8_t)id_len;
		slot->en_len = (uint8_t)en_len;
		slot->en_too = en_too;
		memcpy(slot->token, folded, (size_t)len);
		memcpy(slot->id, id, (size_t)id_len);
		memcpy(slot->en, en, (size_t)en_len);
	}
	return emit_stems(ctx, fn, id, id_len, en, en_len, en_too, start, end);
}

/*
 * Emits a folded token: stemmed unless a number, a query's prefix or too
 * long. A token to stem must be padded.
 */
static int emit_folded(struct tokenizer *t, void *ctx, token_fn *fn, bool is_prefix,
		       const char *folded, int len, int start, int end)
{
	if (is_prefix || len > MAX_TOKEN_BYTES || (folded[0] >= '0' && folded[0] <= '9'))
		return fn(ctx, 0, folded, len, start, end);
	return stem(t, ctx, fn, folded, len, start, end);
}

/* Folds and emits a token with characters beyond ASCII (the bytes [start, end) of text). */
static int emit_unicode(struct tokenizer *t, void *ctx, token_fn *fn, bool is_prefix,
			const char *text, int start, int end)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n =
		utf8proc_map((const utf8proc_uint8_t *)text + start, end - start, &folded,
			     UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	char padded[MAX_TOKEN_BYTES + PAD];
	int r;

	if (n < 0)
		return fn(ctx, 0, text + start, end - start, start, end); /* as it is */
	if (n <= MAX_TOKEN_BYTES) {
		memcpy(padded, folded, (size_t)n);
		r = emit_folded(t, ctx, fn, is_prefix, padded, (int)n, start, end);
	} else {
		r = emit_folded(t, ctx, fn, is_prefix, (const char *)folded, (int)n, start, end);
	}
	free(folded);
	return r;
}

/*
 * Folds the run of ASCII letters and digits at text[i] into folded[n],
 * eight bytes a step; returns where the run stops (at len, at any other
 * byte, or where folded would hold MAX_TOKEN_BYTES).
 */
static int fold_ascii_run(const char *text, int i, int len, char *folded, int *n)
{
	while (i + 8 <= len && *n + 8 <= MAX_TOKEN_BYTES) {
		uint64_t w = wa_swar_load(text + i), letters = wa_swar_letters(w);
		uint64_t stop = ~(letters | wa_swar_digits(w)) & WA_SWAR_HIGH;
		int k = stop ? __builtin_ctzll(stop) / 8 : 8;
		uint64_t lower = w | letters >> 2; /* a letter's 0x80 flag, moved to 0x20 */

		memcpy(folded + *n, &lower, 8); /* bytes past k are padding */
		*n += k;
		i += k;
		if (k < 8)
			return i;
	}
	for (char c; i < len && *n < MAX_TOKEN_BYTES && (c = fold_ascii((unsigned char)text[i]));
	     i++)
		folded[(*n)++] = c;
	return i;
}

static int tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int len, token_fn *fn)
{
	struct tokenizer *t = (struct tokenizer *)p;
	/* Only the query's last token can be a prefix ("latih*"). */
	bool is_prefix = flags & FTS5_TOKENIZE_PREFIX;
	char folded[MAX_TOKEN_BYTES + PAD];
	int i = 0, r = SQLITE_OK;

	while (i < len && r == SQLITE_OK) {
		int start = i, n = 0, next;

		i = fold_ascii_run(text, i, len, folded, &n);
		next = i < len ? word_char_at(text, i, len) : -1;
		if (next < 0) {
			if (n > 0)
				r = emit_folded(t, ctx, fn, is_prefix && i == len, folded, n, start,
						i);
			if (i < len)
				i -= next;
			continue;
		}
		/* The word goes on beyond ASCII, or past MAX_TOKEN_BYTES. */
		while (i < len && (next = word_char_at(text, i, len)) > 0)
			i += next;
		r = emit_unicode(t, ctx, fn, is_prefix && i == len, text, start, i);
		if (i < len)
			i -= next;
	}
	return r;
}

int wa_tokenizer_register(fts5_api *api)
{
	fts5_tokenizer tokenizer = { create, destroy, tokenize };

	return api->xCreateTokenizer(api, "warta", NULL, &tokenizer, NULL);
}
