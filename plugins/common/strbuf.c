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

	if (!buf)
		return b->error = -ENOMEM;
	b->buf = buf;
	b->cap = cap;
	return 0;
}

void wp_strbuf_put(struct wp_strbuf *b, const void *p, size_t n)
{
	if (reserve(b, n) < 0)
		return;
	memcpy(b->buf + b->len, p, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void wp_strbuf_putc(struct wp_strbuf *b, char c)
{
	wp_strbuf_put(b, &c, 1);
}

void wp_strbuf_puts(struct wp_strbuf *b, const char *s)
{
	wp_strbuf_put(b, s, strlen(s));
}

void wp_strbuf_rtrim(struct wp_strbuf *b, const char *chars)
{
	while (b->len > 0 && strchr(chars, b->buf[b->len - 1]))
		b->buf[--b->len] = '\0';
}

void wp_strbuf_fini(struct wp_strbuf *b)
{
	free(b->buf);
	*b = (struct wp_strbuf){ 0 };
}
