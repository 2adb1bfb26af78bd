/* SPDX-License-Identifier: MIT */
/* The FTS5 tokenizer: see tokenizer.h. One instance per connection and table. */
#include "tokenizer.h"

#include <libstemmer.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "banned.h"

#define MAX_TOKEN_BYTES 256 /* longer runs are indexed folded, unstemmed */

struct tokenizer {
	struct sb_stemmer *indonesian;
	struct sb_stemmer *english;
};

static bool is_token_char(utf8proc_int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ND:
		return true;
	default:
		return false;
	}
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
	if (!t->indonesian || !t->english) {
		destroy((Fts5Tokenizer *)t);
		return SQLITE_ERROR;
	}
	*ret = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

typedef int token_fn(void *ctx, int flags, const char *token, int len, int start, int end);

/* Folds, stems and emits one token (the bytes [start, end) of text). */
static int emit(struct tokenizer *t, void *ctx, token_fn *fn, bool is_prefix, const char *text,
		int start, int end)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n;
	const sb_symbol *id_stem, *en_stem;
	int id_len, r;

	n = utf8proc_map((const utf8proc_uint8_t *)text + start, end - start, &folded,
			 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	if (n < 0)
		return fn(ctx, 0, text + start, end - start, start, end); /* as it is */
	if (is_prefix || n > MAX_TOKEN_BYTES || (folded[0] >= '0' && folded[0] <= '9')) {
		r = fn(ctx, 0, (const char *)folded, (int)n, start, end);
		free(folded);
		return r;
	}
	id_stem = sb_stemmer_stem(t->indonesian, folded, (int)n);
	id_len = sb_stemmer_length(t->indonesian);
	r = id_stem ? fn(ctx, 0, (const char *)id_stem, id_len, start, end)
		    : fn(ctx, 0, (const char *)folded, (int)n, start, end);
	en_stem = sb_stemmer_stem(t->english, folded, (int)n);
	if (r == SQLITE_OK && en_stem && id_stem &&
	    (sb_stemmer_length(t->english) != id_len || memcmp(en_stem, id_stem, (size_t)id_len)))
		r = fn(ctx, FTS5_TOKEN_COLOCATED, (const char *)en_stem,
		       sb_stemmer_length(t->english), start, end);
	free(folded);
	return r;
}

static int tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int len,
		    token_fn *fn)
{
	struct tokenizer *t = (struct tokenizer *)p;
	bool is_prefix = flags & FTS5_TOKENIZE_PREFIX;
	int i = 0, start = -1, r = SQLITE_OK;

	while (i < len && r == SQLITE_OK) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n =
			utf8proc_iterate((const utf8proc_uint8_t *)text + i, len - i, &cp);
		bool in_token;

		if (n <= 0) {
			n = 1;
			in_token = false;
		} else {
			in_token = is_token_char(cp);
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

int wa_tokenizer_register(sqlite3 *db)
{
	fts5_tokenizer tokenizer = { create, destroy, tokenize };
	fts5_api *api = NULL;
	sqlite3_stmt *stmt;
	int r;

	r = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL);
	if (r != SQLITE_OK)
		return r;
	sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", NULL);
	(void)sqlite3_step(stmt);
	r = sqlite3_finalize(stmt);
	if (r != SQLITE_OK)
		return r;
	if (!api)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, "warta", NULL, &tokenizer, NULL);
}
