/* SPDX-License-Identifier: MIT */
/* data/spam.txt: gambling terms by kind, looked up by folded words. */
#ifndef SPAM_LEXICON_H
#define SPAM_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/wordset.h"

struct wa_plugin_ctx;

enum term_kind { TERM_NONE, TERM_GAME, TERM_SLANG, TERM_CTA, TERM_PROVIDER, TERM_ALLOW };

#define TERM_MAX_WORDS 3

struct lexicon {
	struct wp_wordset terms;  /* folded words, one space apart -> enum term_kind */
	struct wp_wordset firsts; /* the first word of each term */
};

int lexicon_load(const struct wa_plugin_ctx *ctx, struct lexicon *ret, char **ret_error);
void lexicon_fini(struct lexicon *lex);
enum term_kind lexicon_find(const struct lexicon *lex, const char *words);
/* Does some term start with this word? (Most words start none.) */
bool lexicon_starts_term(const struct lexicon *lex, const char *word, size_t len);

#endif
