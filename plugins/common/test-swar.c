/* SPDX-License-Identifier: MIT */
/* The eight-byte tests answer for each byte as a byte-at-a-time test would. */
#include <stdlib.h>

#include "swar.h"
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
			uint64_t w = wp_swar_load(bytes);
			uint64_t bit = UINT64_C(0x80) << (8 * at);
			bool equal = (wp_swar_equal(w, (unsigned char)b) & bit) != 0;
			bool below = (wp_swar_below(w, (unsigned char)b) & bit) != 0;

			if (equal != (x == b) || below != (x < b))
				WA_TEST_FAIL("byte %#x at %d against %#x: equal %d, below %d", x,
					     at, b, equal, below);
			if ((wp_swar_equal(w, (unsigned char)b) |
			     wp_swar_below(w, (unsigned char)b)) &
			    ~WP_SWAR_HIGH)
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
		ASSERT_EQ(wp_swar_count(passed), n);
	}
}

WA_TEST_MAIN(WA_TEST_ENTRY(every_byte_among_any_neighbours),
	     WA_TEST_ENTRY(a_count_is_the_number_of_bytes_that_passed))
