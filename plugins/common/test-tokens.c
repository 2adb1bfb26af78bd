/* SPDX-License-Identifier: MIT */
/*
 * Tokens: what every reader sees of the cleaned text. Designators,
 * numbers and abbreviations stay whole, names joined by a hyphen split,
 * and a token is the same whether the eight-byte steps or the byte loop
 * read it.
 */
#include <stdio.h>
#include <string.h>

#include "tokens.h"
#include "wa-test.h"

/* The token whose text is `word`, or NULL. */
static const struct wp_token *find(const char *text, const struct wp_tokens *t, const char *word)
{
	for (size_t i = 0; i < t->n; i++)
		if (wp_token_is(text, &t->v[i], word))
			return &t->v[i];
	return NULL;
}

WA_TEST(designators_numbers_and_abbreviations_stay_whole)
{
	static const char text[] = "Jet Su-57 dan Mi-17V5 tiba di Jl. Sudirman, Rp 245,2 triliun "
				   "untuk 1.000 prajurit. Laga Rusia-Belarus di Bangsa-Bangsa.";
	struct wp_tokens t = { 0 };
	const struct wp_token *k;

	ASSERT_OK(wp_tokenize(text, strlen(text), &t));
	ASSERT_NOT_NULL(k = find(text, &t, "Su-57"));
	ASSERT_TRUE(k->flags & WP_TOKEN_HAS_DIGIT);
	ASSERT_TRUE(k->flags & WP_TOKEN_CAPITAL);
	ASSERT_STR_EQ(wp_token_folded(&t, (size_t)(k - t.v)), "su-57");
	ASSERT_NOT_NULL(find(text, &t, "Mi-17V5"));
	ASSERT_NOT_NULL(k = find(text, &t, "Jl."));
	ASSERT_TRUE(k->flags & WP_TOKEN_ABBREV);
	/* The period after "Jl" ended no sentence. */
	ASSERT_FALSE(find(text, &t, "Sudirman")->flags & WP_TOKEN_SENT_START);
	ASSERT_NOT_NULL(k = find(text, &t, "245,2"));
	ASSERT_TRUE(k->flags & WP_TOKEN_NUMBER);
	ASSERT_NOT_NULL(find(text, &t, "1.000"));
	ASSERT_TRUE(find(text, &t, "Laga")->flags & WP_TOKEN_SENT_START);
	/* Two names, two tokens; a reduplicated word, one. */
	ASSERT_NOT_NULL(find(text, &t, "Rusia"));
	ASSERT_NOT_NULL(find(text, &t, "Belarus"));
	ASSERT_NOT_NULL(find(text, &t, "Bangsa-Bangsa"));
	wp_tokens_fini(&t);
}

WA_TEST(case_and_letters_beyond_ascii_fold)
{
	static const char text[] = "TNI AU dan PRÉSIDEN Macron bertemu di Élysée.";
	struct wp_tokens t = { 0 };
	const struct wp_token *k;

	ASSERT_OK(wp_tokenize(text, strlen(text), &t));
	ASSERT_NOT_NULL(k = find(text, &t, "TNI"));
	ASSERT_TRUE(k->flags & WP_TOKEN_UPPER);
	ASSERT_NOT_NULL(k = find(text, &t, "PRÉSIDEN"));
	ASSERT_TRUE(k->flags & WP_TOKEN_UPPER);
	ASSERT_STR_EQ(wp_token_folded(&t, (size_t)(k - t.v)), "présiden");
	ASSERT_NOT_NULL(k = find(text, &t, "Élysée"));
	ASSERT_TRUE(k->flags & WP_TOKEN_CAPITAL);
	ASSERT_FALSE(k->flags & WP_TOKEN_UPPER);
	ASSERT_STR_EQ(wp_token_folded(&t, (size_t)(k - t.v)), "élysée");
	/* Offsets count characters: "É" is one. */
	ASSERT_EQ(find(text, &t, "bertemu")->chars, find(text, &t, "bertemu")->start - 1);
	wp_tokens_fini(&t);
}

/*
 * Each word at every offset, once with text after it (read eight bytes a
 * step) and once ending the text (its last bytes read one by one): the same
 * token, flags, folded form and hash.
 */
WA_TEST(a_token_is_the_same_wherever_it_falls)
{
	static const char *const words[] = {
		"a",
		"Rafale",
		"KRI",
		"Nanggala-402",
		"pertahanannya",
		"SU35",
		"kemenhan2026",
		"Prabowo",
		"1.000",
		"245,2",
		"M.Si.",
		"Kyïv",
		"ÉLYSÉE",
		"dr.",
		"Bangsa-Bangsa",
		"Jakarta-Bandung",
		"x9y8z7w6v5u4",
		"ABCDEFGHIJKLMNOPQRS",
	};
	char at_end[64], inside[128];
	struct wp_tokens a = { 0 }, b = { 0 };

	for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++) {
		for (int pad = 0; pad < 9; pad++) {
			snprintf(at_end, sizeof(at_end), "%*s%s", pad, "", words[w]);
			snprintf(inside, sizeof(inside), "%s tambahan kata di belakangnya", at_end);
			ASSERT_OK(wp_tokenize(at_end, strlen(at_end), &a));
			ASSERT_OK(wp_tokenize(inside, strlen(inside), &b));
			ASSERT_TRUE(a.n > 0 && b.n > a.n);
			for (size_t i = 0; i < a.n; i++) {
				const struct wp_token *x = &a.v[i], *y = &b.v[i];
				/* The last token of a text has no space after it. */
				unsigned mask = ~(unsigned)WP_TOKEN_SPACE_AFTER;

				if (x->start != y->start || x->end != y->end ||
				    (x->flags & mask) != (y->flags & mask) || x->hash != y->hash ||
				    strcmp(wp_token_folded(&a, i), wp_token_folded(&b, i)) != 0)
					WA_TEST_FAIL(
						"'%s' after %d spaces: token %zu differs ('%s' "
						"%#x, '%s' %#x)",
						words[w], pad, i, wp_token_folded(&a, i), x->flags,
						wp_token_folded(&b, i), y->flags);
			}
		}
	}
	wp_tokens_fini(&a);
	wp_tokens_fini(&b);
}

WA_TEST_MAIN(WA_TEST_ENTRY(designators_numbers_and_abbreviations_stay_whole),
	     WA_TEST_ENTRY(case_and_letters_beyond_ascii_fold),
	     WA_TEST_ENTRY(a_token_is_the_same_wherever_it_falls))
