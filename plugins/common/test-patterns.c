/* SPDX-License-Identifier: MIT */
/*
 * Pattern files' rules: which ones a search must try at every word of a
 * text (clean warns about such span rules, which cost every article).
 */
#include "patterns.h"
#include "wa-test.h"

static bool starts_at_spaces(const char *regex)
{
	struct wp_pattern p = { .regex = (char *)regex };

	return wp_pattern_starts_at_spaces(&p);
}

WA_TEST(a_rule_that_opens_with_a_word_or_a_bracket_is_tried_only_there)
{
	ASSERT_FALSE(starts_at_spaces("\\((?:baca|lihat)(?:\\s+juga)?\\s*:[^()\\n]{3,200}\\)"));
	ASSERT_FALSE(starts_at_spaces("(?-i:ADVERTISEMENT|Advertisement)"));
	ASSERT_FALSE(starts_at_spaces("[.!?\"] ?\\K(?-i:BACA JUGA|Baca)[ ]*:.*$"));
	ASSERT_FALSE(starts_at_spaces("waktu baca \\d+ menit"));
}

WA_TEST(a_rule_that_may_open_with_nothing_starts_at_spaces)
{
	ASSERT_TRUE(starts_at_spaces("\\s*\\((?:baca|lihat)\\s*:[^()\\n]{3,200}\\)"));
	ASSERT_TRUE(starts_at_spaces(".{0,60}all rights? reserved"));
	ASSERT_TRUE(starts_at_spaces("(?:foo)?bar|.baz"));
}

WA_TEST_MAIN(WA_TEST_ENTRY(a_rule_that_opens_with_a_word_or_a_bracket_is_tried_only_there),
	     WA_TEST_ENTRY(a_rule_that_may_open_with_nothing_starts_at_spaces))
