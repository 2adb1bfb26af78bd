/* SPDX-License-Identifier: MIT */
/*
 * Phrase tables: the multi-word names every reader looks up at each token
 * of the text. Longest first, every length on request, case left to the
 * caller, and one phrase with several entries.
 */
#include <errno.h>
#include <string.h>

#include "phrases.h"
#include "tokens.h"
#include "wa-test.h"

enum { PLACE, COUNTRY, TITLE };

/* The token index of the first token whose text is `word`. */
static size_t token_of(const char *text, const struct wp_tokens *t, const char *word)
{
	for (size_t i = 0; i < t->n; i++)
		if (wp_token_is(text, &t->v[i], word))
			return i;
	return SIZE_MAX;
}

WA_TEST(the_longest_phrase_at_a_token_wins_and_shorter_ones_stay_reachable)
{
	static const char text[] = "Kapal itu berlayar di Laut China Selatan dekat Natuna.";
	struct wp_phrases p = { 0 };
	struct wp_tokens t = { 0 };
	size_t lengths[WP_PHRASE_MAX_TOKENS];
	int entries[WP_PHRASE_MAX_TOKENS], entry;

	ASSERT_OK(wp_phrases_add(&p, "Laut China Selatan", PLACE, 0));
	ASSERT_OK(wp_phrases_add(&p, "Laut China", PLACE, 1));
	ASSERT_OK(wp_phrases_add(&p, "China", COUNTRY, 2));
	ASSERT_OK(wp_phrases_add(&p, "Natuna", PLACE, 3));
	ASSERT_OK(wp_tokenize(text, strlen(text), &t));

	size_t laut = token_of(text, &t, "Laut");

	ASSERT_EQ(wp_phrases_match(&p, &t, laut, &entry), 3);
	ASSERT_EQ(p.v[entry].ref, 0);
	ASSERT_EQ(wp_phrases_match_within(&p, &t, laut, 2, &entry), 2);
	ASSERT_EQ(p.v[entry].ref, 1);
	ASSERT_EQ(wp_phrases_match_within(&p, &t, laut, 1, &entry), 0);
	ASSERT_EQ(wp_phrases_match_all(&p, &t, laut, lengths, entries), 2);
	ASSERT_EQ(lengths[0], 3);
	ASSERT_EQ(lengths[1], 2);
	ASSERT_EQ(p.v[entries[1]].ref, 1);
	ASSERT_EQ(wp_phrases_match(&p, &t, laut + 1, &entry), 1);
	ASSERT_EQ(p.v[entry].kind, COUNTRY);
	ASSERT_EQ(wp_phrases_match(&p, &t, token_of(text, &t, "Natuna"), &entry), 1);
	/* Words that start no phrase, and a phrase cut off by the text's end. */
	ASSERT_EQ(wp_phrases_match(&p, &t, 0, &entry), 0);
	ASSERT_EQ(wp_phrases_match(&p, &t, t.n, &entry), 0);
	wp_tokens_fini(&t);
	wp_phrases_fini(&p);
}

WA_TEST(phrases_match_folded_and_split_as_the_text_is)
{
	static const char text[] = "LAUT CHINA SELATAN memanas; Letjen TNI (Purn) Ahmad hadir.";
	struct wp_phrases p = { 0 };
	struct wp_tokens t = { 0 };
	int entry;

	ASSERT_OK(wp_phrases_add(&p, "Laut China Selatan", PLACE, 0));
	ASSERT_OK(wp_phrases_add(&p, "Letjen TNI (Purn)", TITLE, 1));
	ASSERT_OK(wp_phrases_add(&p, "Letjen TNI (Purn)", COUNTRY, 2));
	ASSERT_OK(wp_tokenize(text, strlen(text), &t));
	ASSERT_EQ(wp_phrases_match(&p, &t, 0, &entry), 3);
	ASSERT_TRUE(wp_phrase_case_fits(&p.v[entry], &t, 0, 3));

	/* "(Purn)" is three tokens in the phrase as in the text. */
	size_t letjen = token_of(text, &t, "Letjen");

	ASSERT_EQ(wp_phrases_match(&p, &t, letjen, &entry), 5);
	/* The same phrase twice: both entries, newest first. */
	ASSERT_EQ(p.v[entry].ref, 2);
	ASSERT_TRUE(p.v[entry].next >= 0);
	ASSERT_EQ(p.v[p.v[entry].next].ref, 1);
	wp_tokens_fini(&t);
	wp_phrases_fini(&p);
}

WA_TEST(a_phrase_of_too_many_words_is_refused)
{
	struct wp_phrases p = { 0 };

	ASSERT_EQ(wp_phrases_add(&p, "satu dua tiga empat lima enam tujuh delapan sembilan", PLACE,
				 0),
		  -E2BIG);
	ASSERT_EQ(wp_phrases_add(&p, "  ", PLACE, 0), -EINVAL);
	wp_phrases_fini(&p);
}

WA_TEST_MAIN(WA_TEST_ENTRY(the_longest_phrase_at_a_token_wins_and_shorter_ones_stay_reachable),
	     WA_TEST_ENTRY(phrases_match_folded_and_split_as_the_text_is),
	     WA_TEST_ENTRY(a_phrase_of_too_many_words_is_refused))
