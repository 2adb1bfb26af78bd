/* SPDX-License-Identifier: MIT */
#include "strbuf.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
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

void wp_strbuf_json_string_n(struct wp_strbuf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s, *end = s + len;

	wp_strbuf_putc(b, '"');
	for (; s < end; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		wp_strbuf_put(b, run, (size_t)(s - run));
		run = s + 1;
		char esc[6] = { '\\', (char)c };

		switch (c) {
		case '"':
		case '\\':
			wp_strbuf_put(b, esc, 2);
			continue;
		case '\b':
			esc[1] = 'b';
			break;
		case '\f':
			esc[1] = 'f';
			break;
		case '\n':
			esc[1] = 'n';
			break;
		case '\r':
			esc[1] = 'r';
			break;
		case '\t':
			esc[1] = 't';
			break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			wp_strbuf_put(b, esc, 6);
			continue;
		}
		wp_strbuf_put(b, esc, 2);
	}
	wp_strbuf_put(b, run, (size_t)(s - run));
	wp_strbuf_putc(b, '"');
}

void wp_strbuf_json_string(struct wp_strbuf *b, const char *s)
{
	wp_strbuf_json_string_n(b, s, strlen(s));
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

void wp_strbuf_double(struct wp_strbuf *b, double v)
{
	char digits[32];
	int n;

	if (!isfinite(v)) {
		wp_strbuf_puts(b, "null");
		return;
	}
	/* Below 10^15 an integer's digits are what "%1.15g" writes. */
	if (fabs(v) < 1e15 && v == (double)(long long)v && !(v == 0 && signbit(v))) {
		if (v < 0)
			wp_strbuf_putc(b, '-');
		wp_strbuf_uint(b, (unsigned long long)fabs(v));
		return;
	}
	n = snprintf(digits, sizeof(digits), "%1.15g", v);
	if (strtod(digits, NULL) != v)
		n = snprintf(digits, sizeof(digits), "%1.17g", v);
	wp_strbuf_put(b, digits, (size_t)n);
}

void wp_strbuf_fini(struct wp_strbuf *b)
{
	free(b->buf);
	*b = (struct wp_strbuf){ 0 };
}
