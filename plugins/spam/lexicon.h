/* SPDX-License-Identifier: MIT */
/* data/spam.txt: gambling terms by kind, looked up by folded words. */
#ifndef SPAM_LEXICON_H
#define SPAM_LEXICON_H

#include <stddef.h>

struct wa_plugin_ctx;

enum term_kind { TERM_NONE, TERM_GAME, TERM_SLANG, TERM_CTA, TERM_PROVIDER, TERM_ALLOW };

#define TERM_MAX_WORDS 3

struct term {
	char *text; /* folded words, one space apart */
	enum term_kind kind;
};

struct lexicon {
	struct term *terms; /* sorted by text */
	size_t n;
};

int lexicon_load(const struct wa_plugin_ctx *ctx, struct lexicon *ret, char **ret_error);
void lexicon_fini(struct lexicon *lex);
enum term_kind lexicon_find(const struct lexicon *lex, const char *words);

#endif
