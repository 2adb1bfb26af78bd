/* SPDX-License-Identifier: MIT */
#include "lexicon.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <warta/plugin.h>

static const struct {
	const char *name;
	enum term_kind kind;
} kinds[] = {
	{ "game", TERM_GAME },         { "slang", TERM_SLANG }, { "cta", TERM_CTA },
	{ "provider", TERM_PROVIDER }, { "allow", TERM_ALLOW },
};

static int add_term(struct lexicon *lex, const char *kind, char *words, unsigned lineno,
		    char **ret_error)
{
	enum term_kind k = TERM_NONE;

	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++) {
		if (strcmp(kinds[i].name, kind) == 0)
			k = kinds[i].kind;
	}
	if (k == TERM_NONE) {
		if (asprintf(ret_error, "spam.txt:%u: unknown kind '%s'", lineno, kind) < 0)
			*ret_error = NULL;
		return -EINVAL;
	}
	size_t len = strlen(words);

	while (len && isspace((unsigned char)words[len - 1]))
		len--;
	for (size_t i = 0; i < len; i++)
		words[i] = (char)tolower((unsigned char)words[i]);
	int r = wp_wordset_add(&lex->terms, words, len, (int)k);
	size_t first = strcspn(words, " ");

	if (r < 0 || first == 0)
		return r;
	lex->first_shapes[lexicon_shape_row(words, first)] |= lexicon_shape_bit(words, first);
	return wp_wordset_add(&lex->firsts, words, first, 0);
}

int lexicon_load(const struct wa_plugin_ctx *ctx, struct lexicon *ret, char **ret_error)
{
	struct lexicon lex = { 0 };
	char *text, *save = NULL;
	size_t len;
	unsigned lineno = 0;
	int r = wa_plugin_data_read(ctx, "spam.txt", &text, &len, NULL);

	*ret_error = NULL;
	if (r < 0)
		return r;
	for (char *line = text; line && r == 0; lineno++) {
		char *next = strchr(line, '\n');

		if (next)
			*next++ = '\0';
		char *kind = strtok_r(line, " \t", &save), *words = strtok_r(NULL, "", &save);

		if (kind && kind[0] != '#') {
			if (!words) {
				r = asprintf(ret_error, "spam.txt:%u: a kind without a term",
					     lineno + 1) < 0
					    ? -ENOMEM
					    : -EINVAL;
				break;
			}
			words += strspn(words, " \t");
			r = add_term(&lex, kind, words, lineno + 1, ret_error);
		}
		line = next;
	}
	free(text);
	if (r < 0) {
		lexicon_fini(&lex);
		return r;
	}
	*ret = lex;
	return 0;
}

void lexicon_fini(struct lexicon *lex)
{
	wp_wordset_fini(&lex->terms);
	wp_wordset_fini(&lex->firsts);
}

enum term_kind lexicon_find(const struct lexicon *lex, const char *words)
{
	int kind;

	return wp_wordset_find(&lex->terms, words, strlen(words), &kind) ? (enum term_kind)kind
									 : TERM_NONE;
}

bool lexicon_starts_term(const struct lexicon *lex, const char *word, size_t len)
{
	return lexicon_may_start_term(lex, word, len) &&
	       wp_wordset_find(&lex->firsts, word, len, NULL);
}
