/* SPDX-License-Identifier: MIT */
/*
 * The FTS5 tokenizer: see tokenizer.h. One instance per connection and
 * table, used by one thread at a time.
 *
 * Indexing runs on the daemon's single committer thread, so it must be
 * cheap: ASCII tokens are folded inline, and the stems of recent tokens are
 * kept in a small direct-mapped cache (news vocabulary is Zipfian: most
 * tokens of an article were seen in the previous ones), which spares both
 * utf8proc and the two Snowball stemmers most of the time.
 */
#include "tokenizer.h"

#include <libstemmer.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "banned.h"
#include "unicode.h"

#define MAX_TOKEN_BYTES 256 /* longer runs are indexed folded, unstemmed */
#define CACHE_SLOTS     16384
#define CACHED_BYTES    32 /* tokens and stems up to 31 bytes are cached */

struct cached_stems {
	uint8_t len, id_len, en_len; /* len 0: empty slot */
	char token[CACHED_BYTES];    /* folded */
	char id[CACHED_BYTES];
	char en[CACHED_BYTES];
};

struct tokenizer {
	struct sb_stemmer *indonesian;
	struct sb_stemmer *english;
	struct cached_stems *cache; /* CACHE_SLOTS */
};

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
	t->cache = calloc(CACHE_SLOTS, sizeof(*t->cache));
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
		      int en_len, bool en_changed, int start, int end)
{
	int r = fn(ctx, 0, id, id_len, start, end);

	if (r == SQLITE_OK && en_changed &&
	    (en_len != id_len || memcmp(en, id, (size_t)id_len) != 0))
		r = fn(ctx, FTS5_TOKEN_COLOCATED, en, en_len, start, end);
	return r;
}

/* Stems a folded token, through the cache. */
static int stem(struct tokenizer *t, void *ctx, token_fn *fn, const char *folded, int len,
		int start, int end)
{
	struct cached_stems *slot = NULL;
	const sb_symbol *id, *en;
	int id_len, en_len;

	if (len < CACHED_BYTES) {
		slot = &t->cache[XXH3_64bits(folded, (size_t)len) & (CACHE_SLOTS - 1)];
		if (slot->len == len && memcmp(slot->token, folded, (size_t)len) == 0)
			return emit_stems(ctx, fn, slot->id, slot->id_len, slot->en, slot->en_len,
					  slot->en_len != len ||
						  memcmp(slot->en, folded, (size_t)len),
					  start, end);
	}
	/* Each result lives in its own stemmer until that stemmer's next call. */
	id = sb_stemmer_stem(t->indonesian, (const sb_symbol *)folded, len);
	en = sb_stemmer_stem(t->english, (const sb_symbol *)folded, len);
	if (!id || !en)
		return SQLITE_NOMEM;
	id_len = sb_stemmer_length(t->indonesian);
	en_len = sb_stemmer_length(t->english);
	if (slot && id_len < CACHED_BYTES && en_len < CACHED_BYTES) {
		slot->len = (uint8_t)len;
		slot->id_len = (uint8_t)id_len;
		slot->en_len = (uint8_t)en_len;
		memcpy(slot->token, folded, (size_t)len);
		memcpy(slot->id, id, (size_t)id_len);
		memcpy(slot->en, en, (size_t)en_len);
	}
	return emit_stems(ctx, fn, (const char *)id, id_len, (const char *)en, en_len,
			  en_len != len || memcmp(en, folded, (size_t)len), start, end);
}

/* Folds, stems and emits one token (the bytes [start, end) of text). */
static int emit(struct tokenizer *t, void *ctx, token_fn *fn, bool is_prefix, const char *text,
		int start, int end)
{
	char ascii[MAX_TOKEN_BYTES];
	utf8proc_uint8_t *folded = NULL;
	const char *token;
	int len = end - start, r;
	bool is_ascii = len <= MAX_TOKEN_BYTES;

	for (int i = 0; i < len && is_ascii; i++) {
		char c = text[start + i];

		is_ascii = (unsigned char)c < 0x80;
		ascii[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	if (is_ascii) {
		token = ascii;
	} else {
		utf8proc_ssize_t n =
			utf8proc_map((const utf8proc_uint8_t *)text + start, len, &folded,
				     UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);

		if (n < 0)
			return fn(ctx, 0, text + start, len, start, end); /* as it is */
		token = (const char *)folded;
		len = (int)n;
	}
	if (is_prefix || len > MAX_TOKEN_BYTES || (token[0] >= '0' && token[0] <= '9'))
		r = fn(ctx, 0, token, len, start, end);
	else
		r = stem(t, ctx, fn, token, len, start, end);
	free(folded);
	return r;
}

static int tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int len, token_fn *fn)
{
	struct tokenizer *t = (struct tokenizer *)p;
	bool is_prefix = flags & FTS5_TOKENIZE_PREFIX;
	int i = 0, start = -1, r = SQLITE_OK;

	while (i < len && r == SQLITE_OK) {
		unsigned char c = (unsigned char)text[i];
		utf8proc_ssize_t n = 1;
		bool in_token;

		if (c < 0x80) {
			in_token = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
				   (c >= 'A' && c <= 'Z');
		} else {
			utf8proc_int32_t cp;

			n = utf8proc_iterate((const utf8proc_uint8_t *)text + i, len - i, &cp);
			if (n <= 0) {
				n = 1;
				in_token = false;
			} else {
				in_token = wa_unicode_is_word(cp);
			}
		}
		if (in_token && start < 0)
			start = i;
		if (!in_token && start >= 0) {
			r = emit(t, ctx, fn, false, text, start, i);
			start = -1;
		}
		i += (int)n;
	}
	/* Only the query's last token can be a prefix ("latih*"). */
	if (r == SQLITE_OK && start >= 0)
		r = emit(t, ctx, fn, is_prefix, text, start, len);
	return r;
}

int wa_tokenizer_register(fts5_api *api)
{
	fts5_tokenizer tokenizer = { create, destroy, tokenize };

	return api->xCreateTokenizer(api, "warta", NULL, &tokenizer, NULL);
}
