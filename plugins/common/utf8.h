/* SPDX-License-Identifier: MIT */
/* UTF-8 steps for text that ingest has already made valid. */
#ifndef WP_UTF8_H
#define WP_UTF8_H

#include <stddef.h>
#include <stdint.h>

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

#endif
