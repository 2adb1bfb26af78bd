/* SPDX-License-Identifier: MIT */
/*
 * Word and sentence segmentation of the cleaned text, shared by the
 * stages that read it word by word (entities, quotes, quantities,
 * keywords, near-duplicates).
 *
 * A token is a word, a number or one punctuation character. What makes
 * Indonesian news hard is kept in one token: designators with hyphens and
 * digits (`Su-57`, `Mi-17V5`, `Nanggala-402`), reduplicated words
 * (`Bangsa-Bangsa`), numbers with dot thousands and comma decimals
 * (`1.000`, `245,2`) and abbreviations whose period is not a sentence end
 * (`Jl.`, `Dr.`, `H.`, `No.`, `Laksda.`). A period, `!` or `?` followed by
 * a capital, a quote or a line end, and every blank line, end a sentence.
 */
#ifndef WP_TOKENS_H
#define WP_TOKENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum wp_token_flag {
	WP_TOKEN_WORD = 1 << 0,        /* letters, maybe with digits and inner hyphens */
	WP_TOKEN_NUMBER = 1 << 1,      /* starts with a digit */
	WP_TOKEN_PUNCT = 1 << 2,       /* one character that is neither */
	WP_TOKEN_CAPITAL = 1 << 3,     /* starts with an upper-case letter */
	WP_TOKEN_UPPER = 1 << 4,       /* has letters, all of them upper case */
	WP_TOKEN_ABBREV = 1 << 5,      /* ends in a period that is not a sentence end */
	WP_TOKEN_SENT_START = 1 << 6,  /* the first token of a sentence */
	WP_TOKEN_LINE_START = 1 << 7,  /* the first token of a line */
	WP_TOKEN_SPACE_AFTER = 1 << 8, /* white space follows */
	WP_TOKEN_HAS_DIGIT = 1 << 9,   /* a word with a digit in it (`Su-57`, `G20`) */
};

struct wp_token {
	uint32_t start, end; /* bytes of the text */
	uint32_t chars;      /* code points before start: the offset the record gives */
	uint32_t fold;       /* the lower-cased form: folded + fold, NUL-terminated */
	uint32_t fold_len;
	uint32_t hash; /* wp_wordset_hash of the folded form: each lookup of the token reuses it */
	uint16_t flags;
};

struct wp_tokens {
	struct wp_token *v;
	size_t n, cap;
	char *folded; /* every token lower-cased (full Unicode), each NUL-terminated */
	size_t folded_len, folded_cap;
};

/*
 * Splits text[0..len) (valid UTF-8) into tokens, replacing what `tokens`
 * held (its storage is reused between calls), and folds each. Texts past
 * UINT32_MAX bytes are cut there. Returns 0 or -ENOMEM.
 */
int wp_tokenize(const char *text, size_t len, struct wp_tokens *tokens);
void wp_tokens_fini(struct wp_tokens *tokens);

/* The token lower-cased; abbreviations keep their period ("dr."). */
static inline const char *wp_token_folded(const struct wp_tokens *tokens, size_t i)
{
	return tokens->folded + tokens->v[i].fold;
}

/*
 * The tokens of the article's current text, computed by the first stage
 * that asks and shared with the later ones (a memo, dropped when the text
 * changes). NULL with *ret_error set if out of memory; NULL with 0 if the
 * article has no text.
 */
struct wa_article;
const struct wp_tokens *wp_article_tokens(struct wa_article *article, int *ret_error);

/* Code points of the text before the end of token t (its start is t->chars). */
static inline uint32_t wp_token_end_chars(const char *text, const struct wp_token *t)
{
	uint32_t n = t->chars;

	for (uint32_t b = t->start; b < t->end; b++)
		n += ((unsigned char)text[b] & 0xc0) != 0x80;
	return n;
}

static inline bool wp_token_is(const char *text, const struct wp_token *t, const char *s)
{
	size_t n = t->end - t->start;

	for (size_t i = 0; i < n; i++)
		if (s[i] != text[t->start + i])
			return false;
	return s[n] == '\0';
}

static inline bool wp_token_punct(const char *text, const struct wp_token *t, char c)
{
	return (t->flags & WP_TOKEN_PUNCT) && text[t->start] == c;
}

#endif
