/* SPDX-License-Identifier: MIT */
/*
 * The parts of an Internet message (RFC 5322 and MIME, RFCs 2045-2047)
 * that an article needs: header values, decoded bodies, UTF-8.
 */
#ifndef INGEST_EMAIL_MIME_H
#define INGEST_EMAIL_MIME_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/strbuf.h"

struct mime_part {
	const char *headers, *body; /* into the message; not NUL-terminated */
	size_t headers_len, body_len;
};

/* Splits a message or part at its first empty line. */
struct mime_part mime_split(const char *s, size_t len);

/* The unfolded value of header `name` (case-insensitive), or false if absent. */
bool mime_header(const struct mime_part *p, const char *name, struct wp_strbuf *out);

/* A parameter of a header value ("boundary", "charset", "name"), unquoted. */
bool mime_param(const char *value, const char *name, struct wp_strbuf *out);

/* Decodes =?charset?B|Q?...?= words (RFC 2047) into UTF-8. */
void mime_decode_words(const char *value, struct wp_strbuf *out);

/* The part's body: transfer encoding undone, converted to UTF-8 from `charset`. */
void mime_body_text(const struct mime_part *p, struct wp_strbuf *out);

/* Converts bytes in `charset` to UTF-8 (copied as they are when unknown). */
void mime_to_utf8(const char *charset, const char *s, size_t len, struct wp_strbuf *out);

#endif
