/* SPDX-License-Identifier: MIT */
/* data/spam.txt: gambling terms by kind, looked up by folded words. */
#ifndef SPAM_LEXICON_H
#define SPAM_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/wordset.h"

struct wa_plugin_ctx;

enum term_kind { TERM_NONE, TERM_GAME, TERM_SLANG, TERM_CTA, TERM_PROVIDER, TERM_ALLOW };

#define TERM_MAX_WORDS 3

struct lexicon {
	struct wp_wordset terms;  /* folded words, one space apart -> enum term_kind */
	struct wp_wordset firsts; /* the first word of each term */
	/*
	 * The shapes of the first words (below), asked before the set:
	 * nearly every word of an article fails here, without a hash.
	 */
	uint64_t first_shapes[32 * 32];
};

int lexicon_load(const struct wa_plugin_ctx *ctx, struct lexicon *ret, char **ret_error);
void lexicon_fini(struct lexicon *lex);
enum term_kind lexicon_find(const struct lexicon *lex, const char *words);
/* Does some term start with this word? (Most words start none.) */
bool lexicon_starts_term(const struct lexicon *lex, const char *word, size_t len);

/*
 * A word's shape: its first and last bytes pick a mask, its second byte
 * and length a bit of it. Five bits of each byte, the same for an ASCII
 * letter in either case. About one word in sixty of an article has the
 * shape of a term's first word.
 */
static inline size_t lexicon_shape_row(const char *word, size_t len)
{
	return (size_t)(word[0] & 31) << 5 | (size_t)(word[len - 1] & 31);
}

static inline uint64_t lexicon_shape_bit(const char *word, size_t len)
{
	size_t second = len > 1 ? (size_t)(word[1] & 31) : 0;

	return UINT64_C(1) << ((second ^ len << 1) & 63);
}

/* False if no term starts with a word of this shape, in any case; cheaper than the above. */
static inline bool lexicon_may_start_term(const struct lexicon *lex, const char *word, size_t len)
{
	return len > 0 &&
	       lex->first_shapes[lexicon_shape_row(word, len)] & lexicon_shape_bit(word, len);
}

#endif
