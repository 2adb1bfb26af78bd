/* SPDX-License-Identifier: MIT */
/*
 * A growable byte buffer, always NUL-terminated once anything is in it:
 * the text stages build their output text in one.
 */
#ifndef WP_STRBUF_H
#define WP_STRBUF_H

#include <stddef.h>

struct wp_strbuf {
	char *buf;
	size_t len, cap;
	int error; /* sticky: the first -ENOMEM; later writes are no-ops */
};

void wp_strbuf_put(struct wp_strbuf *b, const void *p, size_t n);
void wp_strbuf_putc(struct wp_strbuf *b, char c);
void wp_strbuf_puts(struct wp_strbuf *b, const char *s);
/* Drops trailing bytes in `chars` (e.g. " \n"). */
void wp_strbuf_rtrim(struct wp_strbuf *b, const char *chars);
/*
 * JSON pieces, for stages that write a field's JSON themselves rather than
 * build a cJSON tree to print it: a string quoted and escaped (valid
 * UTF-8 in, as the text stages have), and an unsigned integer.
 */
void wp_strbuf_json_string(struct wp_strbuf *b, const char *s);
void wp_strbuf_uint(struct wp_strbuf *b, unsigned long long v);
void wp_strbuf_fini(struct wp_strbuf *b);

#endif
