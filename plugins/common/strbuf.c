/* SPDX-License-Identifier: MIT */
#include "strbuf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int reserve(struct wp_strbuf *b, size_t more)
{
	if (b->error)
		return b->error;
	if (b->len + more + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 256;

	while (cap < b->len + more + 1)
		cap *= 2;
	char *buf = realloc(b->buf, cap);

	if (!buf) {
		b->cap = 0;
		return b->error = -ENOMEM;
	}
	b->buf = buf;
	b->cap = cap;
	return 0;
}

void wp_strbuf_put_slow(struct wp_strbuf *b, const void *p, size_t n)
{
	if (reserve(b, n) < 0)
		return;
	memcpy(b->buf + b->len, p, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void wp_strbuf_rtrim(struct wp_strbuf *b, const char *chars)
{
	while (b->len > 0 && strchr(chars, b->buf[b->len - 1]))
		b->buf[--b->len] = '\0';
}

void wp_strbuf_json_string(struct wp_strbuf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	wp_strbuf_putc(b, '"');
	for (const char *run = s;; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		wp_strbuf_put(b, run, (size_t)(s - run));
		if (c == '\0')
			break;
		if (c == '"' || c == '\\') {
			char esc[2] = { '\\', (char)c };

			wp_strbuf_put(b, esc, 2);
		} else {
			char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

			wp_strbuf_put(b, esc, 6);
		}
		run = s + 1;
	}
	wp_strbuf_putc(b, '"');
}

void wp_strbuf_uint(struct wp_strbuf *b, unsigned long long v)
{
	char digits[24];
	size_t n = sizeof(digits);

	do
		digits[--n] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	wp_strbuf_put(b, digits + n, sizeof(digits) - n);
}

void wp_strbuf_fini(struct wp_strbuf *b)
{
	free(b->buf);
	*b = (struct wp_strbuf){ 0 };
}
