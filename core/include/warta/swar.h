/* SPDX-License-Identifier: MIT */
/*
 * Eight bytes at a time in a 64-bit word: the byte tests that the passes
 * over every byte of every article make (a word's count, control bytes,
 * ASCII runs). Each sets the high bit (0x80) of the bytes that pass and
 * clears every other bit; no carry or borrow crosses from one byte to the
 * next, so the answer is exact for every byte.
 */
#ifndef WA_SWAR_H
#define WA_SWAR_H

#include <stdint.h>
#include <string.h>

#define WA_SWAR_HIGH UINT64_C(0x8080808080808080)
#define WA_SWAR_LOW7 UINT64_C(0x7f7f7f7f7f7f7f7f)

static inline uint64_t wa_swar_load(const char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	return w;
}

/* The bytes of w equal to b. */
static inline uint64_t wa_swar_equal(uint64_t w, unsigned char b)
{
	uint64_t x = w ^ (UINT64_C(0x0101010101010101) * b);

	return ~(((x & WA_SWAR_LOW7) + WA_SWAR_LOW7) | x | WA_SWAR_LOW7);
}

/* The bytes of w below b (b <= 0x80): ASCII bytes only, as bytes from 0x80 are not below. */
static inline uint64_t wa_swar_below(uint64_t w, unsigned char b)
{
	uint64_t sum =
		(w & WA_SWAR_LOW7) + UINT64_C(0x0101010101010101) * (unsigned char)(0x80 - b);

	return ~(sum | w) & WA_SWAR_HIGH;
}

/* The bytes of w that are ASCII letters: setting 0x20 lower-cases them, and only them, into a-z. */
static inline uint64_t wa_swar_letters(uint64_t w)
{
	uint64_t lower = w | UINT64_C(0x2020202020202020);

	return wa_swar_below(lower, 'z' + 1) & ~wa_swar_below(lower, 'a');
}

/* The bytes of w that are ASCII digits. */
static inline uint64_t wa_swar_digits(uint64_t w)
{
	return wa_swar_below(w, '9' + 1) & ~wa_swar_below(w, '0');
}

/*
 * Where the word of letters, digits and bytes beyond ASCII that s[at]
 * is in or before ends: the first other byte at or after at, or len.
 * Eight bytes a step, so the end of a word costs a branch taken once,
 * not a mispredicted one at every word of the text.
 */
static inline size_t wa_swar_word_end(const char *s, size_t at, size_t len)
{
	for (; at + 8 <= len; at += 8) {
		uint64_t w = wa_swar_load(s + at);
		uint64_t other = ~(wa_swar_letters(w) | wa_swar_digits(w) | w) & WA_SWAR_HIGH;

		if (other)
			return at + (size_t)__builtin_ctzll(other) / 8;
	}
	while (at < len && ((unsigned char)s[at] >= 0x80 || wa_swar_letters((unsigned char)s[at]) ||
			    wa_swar_digits((unsigned char)s[at])))
		at++;
	return at;
}

/*
 * How many bytes of w a test passed (high bits only set): summed by one
 * multiplication, as the machine may have no popcount instruction (x86-64
 * before -mpopcnt makes __builtin_popcountll a library call).
 */
static inline unsigned wa_swar_count(uint64_t passed)
{
	return (unsigned)(((passed >> 7) * UINT64_C(0x0101010101010101)) >> 56);
}

#endif
