/* SPDX-License-Identifier: MIT */
/* The eight-byte tests answer for each byte as a byte-at-a-time test would. */
#include <stdlib.h>
#include <warta/swar.h>

#include "wa-test.h"

WA_TEST(every_byte_among_any_neighbours)
{
	unsigned seed = 5;

	for (unsigned b = 0; b <= 0x80; b++) {
		for (unsigned x = 0; x < 256; x++) {
			char bytes[8];

			for (int k = 0; k < 8; k++)
				bytes[k] = (char)rand_r(&seed);
			int at = rand_r(&seed) % 8;

			bytes[at] = (char)x;
			uint64_t w = wa_swar_load(bytes);
			uint64_t bit = UINT64_C(0x80) << (8 * at);
			bool equal = (wa_swar_equal(w, (unsigned char)b) & bit) != 0;
			bool below = (wa_swar_below(w, (unsigned char)b) & bit) != 0;

			if (equal != (x == b) || below != (x < b))
				WA_TEST_FAIL("byte %#x at %d against %#x: equal %d, below %d", x,
					     at, b, equal, below);
			if ((wa_swar_equal(w, (unsigned char)b) |
			     wa_swar_below(w, (unsigned char)b)) &
			    ~WA_SWAR_HIGH)
				WA_TEST_FAIL("bits other than the high ones set");
		}
	}
}

WA_TEST(a_count_is_the_number_of_bytes_that_passed)
{
	unsigned seed = 9;

	for (int round = 0; round < 100000; round++) {
		uint64_t passed = 0;
		unsigned n = 0;

		for (int k = 0; k < 8; k++) {
			if (rand_r(&seed) % 2) {
				passed |= UINT64_C(0x80) << (8 * k);
				n++;
			}
		}
		ASSERT_EQ(wa_swar_count(passed), n);
	}
}

static bool is_word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

WA_TEST(letters_digits_and_word_ends_as_byte_tests_say)
{
	unsigned seed = 11;

	for (unsigned x = 0; x < 256; x++) {
		uint64_t w = (uint64_t)x << 24 | UINT64_C(0xff00ff00007f0020);
		bool letter = (wa_swar_letters(w) >> 31) & 1, digit = (wa_swar_digits(w) >> 31) & 1;

		ASSERT_EQ(letter, x < 0x80 && ((x | 0x20) >= 'a' && (x | 0x20) <= 'z'));
		ASSERT_EQ(digit, x >= '0' && x <= '9');
	}
	/* Texts of word bytes and separators, every start and length. */
	static const char pieces[] = "aZ09\x80\xff _-.'\n@[`{/:";

	for (int round = 0; round < 20000; round++) {
		char text[40];
		size_t len = (size_t)(rand_r(&seed) % 40),
		       at = len ? (size_t)(rand_r(&seed) % len) : 0;

		for (size_t i = 0; i < len; i++)
			text[i] = pieces[rand_r(&seed) % 8 ? (size_t)(rand_r(&seed) % 6)
							   : 6 + (size_t)rand_r(&seed) %
									     (sizeof(pieces) - 7)];
		size_t end = at;

		while (end < len && is_word_byte((unsigned char)text[end]))
			end++;
		ASSERT_EQ(wa_swar_word_end(text, at, len), end);
	}
}

WA_TEST_MAIN(WA_TEST_ENTRY(every_byte_among_any_neighbours),
	     WA_TEST_ENTRY(a_count_is_the_number_of_bytes_that_passed),
	     WA_TEST_ENTRY(letters_digits_and_word_ends_as_byte_tests_say))
