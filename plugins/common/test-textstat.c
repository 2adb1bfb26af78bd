/* SPDX-License-Identifier: MIT */
/* The shape tests of a line: words counted the same however the line is read. */
#include <stdlib.h>

#include "textstat.h"
#include "wa-test.h"

WA_TEST(words_are_runs_of_non_space)
{
	ASSERT_EQ(wp_count_words("", 0), 0);
	ASSERT_EQ(wp_count_words("   \n ", 5), 0);
	static const char line[] =
		"  Menhan   Sjafrie meninjau\nLanud Roesmin Nurjadin, Pekanbaru. ";

	ASSERT_EQ(wp_count_words(line, sizeof(line) - 1), 7);
	/* A word across the eight-byte steps, and one that ends the text. */
	static const char long_word[] = "x Kosiniak-Kamysz berkata";

	ASSERT_EQ(wp_count_words(long_word, sizeof(long_word) - 1), 3);
}

WA_TEST(chinese_and_japanese_count_characters)
{
	static const char zh[] = "Natuna \xe5\x8d\x97\xe6\xb5\xb7 sea"; /* 南海 */

	ASSERT_EQ(wp_count_words(zh, sizeof(zh) - 1), 4);
}

/* The plain reading, a byte at a time, that the eight-byte steps must agree with. */
static size_t count_slowly(const char *s, size_t len)
{
	size_t n = 0;
	bool in = false;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (wp_is_cjk_lead(c) && i + 2 < len) {
			n++, i += 2, in = false;
			continue;
		}
		bool space = c == ' ' || c == '\n';

		n += !space && !in;
		in = !space;
	}
	return n;
}

WA_TEST(eight_bytes_at_a_time_count_as_one_at_a_time)
{
	static const char *const pieces[] = { " ",        "\n",           "a", "TNI",
					      "\xc3\xa9", "\xe6\x97\xa5", "  " };
	unsigned seed = 3;
	char text[96];

	for (int round = 0; round < 20000; round++) {
		size_t len = 0, target = (size_t)(rand_r(&seed) % 80);

		while (len < target) {
			const char *p = pieces[rand_r(&seed) % (sizeof(pieces) / sizeof(*pieces))];

			memcpy(text + len, p, strlen(p));
			len += strlen(p);
		}
		if (wp_count_words(text, len) != count_slowly(text, len))
			WA_TEST_FAIL("'%.*s': %zu words, one byte at a time %zu", (int)len, text,
				     wp_count_words(text, len), count_slowly(text, len));
	}
}

WA_TEST(a_bare_name_is_two_to_four_capitalised_words)
{
	static const char *const names[] = { "Roni Sontani",    "Sigit P. Santosa",
					     "M. Fauzi Ridwan", "Ni Luh Ayu Sri",
					     "Hashim O'Neil",   "Zoë Kaïd" };
	static const char *const not_names[] = {
		"Roni",                             /* one word is a heading as often as a name */
		"Ahmad Fauzan Rizky Pratama Putra", /* five */
		"CNN Indonesia",                    /* an acronym names an outlet */
		"A Short Heading",                  /* a bare initial opens no name */
		"Baca juga",                        /* a word in small letters */
		"Tim 2025",                         /* digits */
		"Roni Sontani:",                    /* a label */
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		ASSERT_TRUE(wp_is_bare_name(names[i], strlen(names[i])));
	for (size_t i = 0; i < sizeof(not_names) / sizeof(*not_names); i++)
		ASSERT_FALSE(wp_is_bare_name(not_names[i], strlen(not_names[i])));
}

WA_TEST_MAIN(WA_TEST_ENTRY(words_are_runs_of_non_space),
	     WA_TEST_ENTRY(chinese_and_japanese_count_characters),
	     WA_TEST_ENTRY(eight_bytes_at_a_time_count_as_one_at_a_time),
	     WA_TEST_ENTRY(a_bare_name_is_two_to_four_capitalised_words))
