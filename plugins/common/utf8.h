/* SPDX-License-Identifier: MIT */
/*
 * UTF-8 steps: validation for the ingest plugins, and decoding and
 * encoding for text that ingest has already made valid.
 */
#ifndef WP_UTF8_H
#define WP_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Bytes at s before the first that is not ASCII (n if none), read eight
 * at a time: news text is nearly all ASCII, and the passes that look for
 * the rest skip it this way.
 */
static inline size_t wp_ascii_span(const char *s, size_t n)
{
	size_t i = 0;

	for (uint64_t w; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
	}
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

/* Decodes the code point at s (n > 0 bytes left); returns its length, at least 1. */
static inline size_t wp_utf8_decode(const char *s, size_t n, uint32_t *ret_cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = u[0] < 0x80 ? 1 : u[0] < 0xe0 ? 2 : u[0] < 0xf0 ? 3 : 4;

	if (len > n || (len > 1 && u[0] < 0xc0)) {
		*ret_cp = 0xfffd;
		return 1;
	}
	uint32_t cp = len == 1 ? u[0] : u[0] & (0x7f >> len);

	for (size_t i = 1; i < len; i++)
		cp = cp << 6 | (u[i] & 0x3f);
	*ret_cp = cp;
	return len;
}

/* Writes cp to out (4 bytes room); returns the length. */
static inline size_t wp_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}
/*
 * Length of the valid UTF-8 sequence at s (Unicode 15, table 3-7: no
 * overlongs, no surrogates, nothing past U+10FFFF), or 0 if invalid.
 */
static inline size_t wp_utf8_valid_length(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return n >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		unsigned char lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;

		return n >= 3 && s[1] >= lo && s[1] <= hi && (s[2] & 0xc0) == 0x80 ? 3 : 0;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		unsigned char lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;

		return n >= 4 && s[1] >= lo && s[1] <= hi && (s[2] & 0xc0) == 0x80 &&
				       (s[3] & 0xc0) == 0x80
			       ? 4
			       : 0;
	}
	return 0;
}

/* True if s[0..n) is well-formed UTF-8 throughout. */
static inline bool wp_utf8_valid(const char *s, size_t n)
{
	for (size_t i = 0, k;; i += k) {
		i += wp_ascii_span(s + i, n - i);
		if (i == n)
			return true;
		if (!(k = wp_utf8_valid_length((const unsigned char *)s + i, n - i)))
			return false;
	}
}

#endif
