/* SPDX-License-Identifier: MIT */
/*
 * A growable byte buffer, always NUL-terminated once anything is in it:
 * the text stages build their output text in one.
 */
#ifndef WP_STRBUF_H
#define WP_STRBUF_H

#include <stddef.h>
#include <string.h>

struct wp_strbuf {
	char *buf;
	size_t len, cap; /* cap is 0 once error is set, so every write takes the slow path */
	int error;       /* sticky: the first -ENOMEM; later writes are no-ops */
};

/* Grows the buffer for n more bytes, then appends them (the out-of-line half of put). */
void wp_strbuf_put_slow(struct wp_strbuf *b, const void *p, size_t n);

/*
 * Appending is inline: the stages write their output a character or a
 * word at a time, and a call per character was a tenth of some stages.
 */
static inline void wp_strbuf_put(struct wp_strbuf *b, const void *p, size_t n)
{
	if (b->len + n < b->cap) {
		memcpy(b->buf + b->len, p, n);
		b->len += n;
		b->buf[b->len] = '\0';
	} else {
		wp_strbuf_put_slow(b, p, n);
	}
}

static inline void wp_strbuf_putc(struct wp_strbuf *b, char c)
{
	if (b->len + 1 < b->cap) {
		b->buf[b->len++] = c;
		b->buf[b->len] = '\0';
	} else {
		wp_strbuf_put_slow(b, &c, 1);
	}
}

static inline void wp_strbuf_puts(struct wp_strbuf *b, const char *s)
{
	wp_strbuf_put(b, s, strlen(s));
}
/* Drops trailing bytes in `chars` (e.g. " \n"). */
void wp_strbuf_rtrim(struct wp_strbuf *b, const char *chars);
/*
 * JSON pieces, for stages that write a field's JSON themselves rather than
 * build a cJSON tree to print it (see json_list.h): a string quoted and
 * escaped as cJSON escapes it (valid UTF-8 in, as the text stages have),
 * an unsigned integer, and a number as the record printer writes one
 * (integers in digits, other values in the fewest of 15 or 17 significant
 * digits that read back exactly; not finite: null).
 */
void wp_strbuf_json_string(struct wp_strbuf *b, const char *s);
void wp_strbuf_json_string_n(struct wp_strbuf *b, const char *s, size_t len);
void wp_strbuf_uint(struct wp_strbuf *b, unsigned long long v);
void wp_strbuf_double(struct wp_strbuf *b, double v);
void wp_strbuf_fini(struct wp_strbuf *b);

#endif
