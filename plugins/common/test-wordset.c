/* SPDX-License-Identifier: MIT */
/*
 * Word sets: every stage's "is this word one of ours?". Keys that are
 * prefixes of each other, values replaced, growth past thousands of keys.
 */
#include <stdio.h>
#include <string.h>

#include "wa-test.h"
#include "wordset.h"

WA_TEST(words_are_found_exactly_with_their_values)
{
	struct wp_wordset set = { 0 };
	int value = 0;

	ASSERT_FALSE(wp_wordset_find(&set, "tni", 3, &value));
	ASSERT_OK(wp_wordset_add(&set, "tni", 3, 1));
	ASSERT_OK(wp_wordset_add(&set, "tni al", 6, 2));
	ASSERT_OK(wp_wordset_add(&set, "", 0, 3));
	ASSERT_TRUE(wp_wordset_find(&set, "tni al", 6, &value));
	ASSERT_EQ(value, 2);
	/* Only the first len bytes are the key: "tni" out of "tni al". */
	ASSERT_TRUE(wp_wordset_find(&set, "tni al", 3, &value));
	ASSERT_EQ(value, 1);
	ASSERT_FALSE(wp_wordset_find(&set, "tn", 2, NULL));
	ASSERT_FALSE(wp_wordset_find(&set, "tni a", 5, NULL));
	ASSERT_TRUE(wp_wordset_find(&set, "x", 0, &value));
	ASSERT_EQ(value, 3);
	/* Adding again replaces the value, not the key. */
	ASSERT_OK(wp_wordset_add(&set, "tni", 3, 7));
	ASSERT_TRUE(wp_wordset_find(&set, "tni", 3, &value));
	ASSERT_EQ(value, 7);
	ASSERT_EQ(set.n, 3);
	wp_wordset_fini(&set);
	ASSERT_FALSE(wp_wordset_find(&set, "tni", 3, NULL));
}

WA_TEST(thousands_of_words_survive_growth)
{
	struct wp_wordset set = { 0 };
	char word[32];
	int value;

	for (int i = 0; i < 20000; i++) {
		int n = snprintf(word, sizeof(word), "kata%d", i);

		ASSERT_OK(wp_wordset_add(&set, word, (size_t)n, i));
	}
	for (int i = 0; i < 20000; i++) {
		int n = snprintf(word, sizeof(word), "kata%d", i);

		ASSERT_TRUE(wp_wordset_find(&set, word, (size_t)n, &value));
		ASSERT_EQ(value, i);
	}
	ASSERT_FALSE(wp_wordset_find(&set, "kata20000", 9, NULL));
	ASSERT_FALSE(wp_wordset_find(&set, "kata", 4, NULL));
	wp_wordset_fini(&set);
}

WA_TEST(keys_filed_under_one_hash_are_all_probed)
{
	struct wp_wordset set = { 0 };
	size_t cursor = 0;
	const char *key;
	int value, seen = 0;

	/* Two keys under one made-up hash, a third of another length. */
	ASSERT_OK(wp_wordset_add_hashed(&set, "laut china", 10, 42, 1));
	ASSERT_OK(wp_wordset_add_hashed(&set, "laut natuna", 11, 42, 2));
	ASSERT_OK(wp_wordset_add_hashed(&set, "laut jawa!", 10, 42, 3));
	while ((key = wp_wordset_probe(&set, 42, 10, &cursor, &value))) {
		ASSERT_TRUE(strlen(key) == 10);
		ASSERT_TRUE((value == 1 && !strcmp(key, "laut china")) ||
			    (value == 3 && !strcmp(key, "laut jawa!")));
		seen |= 1 << value;
	}
	ASSERT_EQ(seen, (1 << 1) | (1 << 3));
	cursor = 0;
	ASSERT_TRUE(wp_wordset_probe(&set, 42, 11, &cursor, &value) != NULL);
	ASSERT_EQ(value, 2);
	cursor = 0;
	ASSERT_TRUE(wp_wordset_probe(&set, 43, 10, &cursor, NULL) == NULL);
	/* A key is found only under the hash it was filed with. */
	ASSERT_TRUE(wp_wordset_find_hashed(&set, "laut natuna", 11, 42, &value));
	ASSERT_FALSE(wp_wordset_find(&set, "laut natuna", 11, NULL));
	ASSERT_OK(wp_wordset_add(&set, "natuna", 6, 4));
	ASSERT_TRUE(
		wp_wordset_find_hashed(&set, "natuna", 6, wp_wordset_hash("natuna", 6), &value));
	ASSERT_EQ(value, 4);
	wp_wordset_fini(&set);
}

WA_TEST_MAIN(WA_TEST_ENTRY(words_are_found_exactly_with_their_values),
	     WA_TEST_ENTRY(thousands_of_words_survive_growth),
	     WA_TEST_ENTRY(keys_filed_under_one_hash_are_all_probed))
