/* SPDX-License-Identifier: MIT */
#include "mime.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

struct mime_part mime_split(const char *s, size_t len)
{
	struct mime_part p = { .headers = s, .headers_len = len, .body = s + len };

	for (size_t i = 0; i < len; i++) {
		/* An empty line: "\n\n" or "\r\n\r\n"; a body-only part starts with one. */
		if (s[i] != '\n')
			continue;
		size_t j = i + 1;

		if (j < len && s[j] == '\r')
			j++;
		if (j < len && s[j] == '\n') {
			p.headers_len = i;
			p.body = s + j + 1;
			p.body_len = len - j - 1;
			return p;
		}
	}
	return p;
}

bool mime_header(const struct mime_part *p, const char *name, struct wp_strbuf *out)
{
	size_t n = strlen(name);
	const char *s = p->headers, *end = p->headers + p->headers_len;

	for (const char *line = s; line < end;) {
		const char *eol = memchr(line, '\n', (size_t)(end - line));

		if (!eol)
			eol = end;
		if ((size_t)(eol - line) > n && line[n] == ':' && strncasecmp(line, name, n) == 0) {
			/* The value, with its continuation lines (folded: start with a blank). */
			const char *v = line + n + 1;

			for (;;) {
				for (; v < eol; v++) {
					if (*v == '\r' || *v == '\t')
						wp_strbuf_putc(out, ' ');
					else
						wp_strbuf_putc(out, *v);
				}
				if (eol >= end || eol + 1 >= end ||
				    (eol[1] != ' ' && eol[1] != '\t'))
					break;
				v = eol + 1;
				eol = memchr(v, '\n', (size_t)(end - v));
				if (!eol)
					eol = end;
			}
			wp_strbuf_rtrim(out, " ");
			if (!out->buf)
				wp_strbuf_puts(out, "");
			size_t lead = strspn(out->buf, " ");

			memmove(out->buf, out->buf + lead, out->len - lead + 1);
			out->len -= lead;
			return true;
		}
		line = eol + 1;
	}
	return false;
}

bool mime_param(const char *value, const char *name, struct wp_strbuf *out)
{
	size_t n = strlen(name);

	for (const char *s = strchr(value, ';'); s; s = strchr(s + 1, ';')) {
		const char *k = s + 1 + strspn(s + 1, " \t");

		if (strncasecmp(k, name, n) != 0 || k[n] != '=')
			continue;
		const char *v = k + n + 1;

		if (*v == '"') {
			const char *close = strchr(v + 1, '"');

			wp_strbuf_put(out, v + 1, close ? (size_t)(close - v - 1) : strlen(v + 1));
		} else {
			wp_strbuf_put(out, v, strcspn(v, "; \t"));
		}
		if (!out->buf)
			wp_strbuf_puts(out, "");
		return true;
	}
	return false;
}

static int hex(char c)
{
	return c >= '0' && c <= '9'                     ? c - '0'
	       : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
							: -1;
}

static void decode_qp(const char *s, size_t len, bool header, struct wp_strbuf *out)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '=' && i + 1 < len && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
			i += s[i + 1] == '\r' && i + 2 < len && s[i + 2] == '\n'
				     ? 2
				     : 1; /* soft break */
		} else if (s[i] == '=' && i + 2 < len && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
			wp_strbuf_putc(out, (char)(hex(s[i + 1]) << 4 | hex(s[i + 2])));
			i += 2;
		} else if (header && s[i] == '_') {
			wp_strbuf_putc(out, ' ');
		} else if (s[i] != '\r') {
			wp_strbuf_putc(out, s[i]);
		}
	}
}

static int base64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

static void decode_base64(const char *s, size_t len, struct wp_strbuf *out)
{
	unsigned bits = 0, n = 0;

	for (size_t i = 0; i < len && s[i] != '='; i++) {
		int v = base64_value(s[i]);

		if (v < 0)
			continue; /* line breaks and stray bytes */
		bits = bits << 6 | (unsigned)v;
		n += 6;
		if (n >= 8) {
			n -= 8;
			wp_strbuf_putc(out, (char)(bits >> n & 0xff));
		}
	}
}

void mime_to_utf8(const char *charset, const char *s, size_t len, struct wp_strbuf *out)
{
	if (!charset || !*charset || !strcasecmp(charset, "utf-8") ||
	    !strcasecmp(charset, "utf8") || !strcasecmp(charset, "us-ascii")) {
		wp_strbuf_put(out, s, len);
		return;
	}
	iconv_t cd = iconv_open("UTF-8", charset);

	if (cd == (iconv_t)-1) {
		wp_strbuf_put(out, s, len); /* unknown: normalize repairs what is not UTF-8 */
		return;
	}
	char buf[1024], *in = (char *)s;
	size_t left = len;

	while (left > 0) {
		char *o = buf;
		size_t room = sizeof(buf);

		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG) {
			wp_strbuf_put(out, buf, sizeof(buf) - room);
			wp_strbuf_puts(out, "\xef\xbf\xbd"); /* skip one bad byte */
			in++, left--;
			continue;
		}
		wp_strbuf_put(out, buf, sizeof(buf) - room);
	}
	iconv_close(cd);
}

void mime_decode_words(const char *value, struct wp_strbuf *out)
{
	const char *s = value;
	bool after_word = false;

	while (*s) {
		const char *start = strstr(s, "=?");
		const char *q1 = start ? strchr(start + 2, '?') : NULL;
		const char *q2 = q1 && q1[1] && q1[2] == '?' ? q1 + 2 : NULL;
		const char *end = q2 ? strstr(q2 + 1, "?=") : NULL;

		if (!end) {
			wp_strbuf_puts(out, s);
			return;
		}
		/* White space between two encoded words is not text (RFC 2047, 6.2). */
		size_t gap = (size_t)(start - s);

		if (!(after_word && strspn(s, " \t") == gap))
			wp_strbuf_put(out, s, gap);
		struct wp_strbuf raw = { 0 }, charset = { 0 };

		wp_strbuf_put(&charset, start + 2, (size_t)(q1 - start - 2));
		if ((q1[1] | 0x20) == 'b')
			decode_base64(q2 + 1, (size_t)(end - q2 - 1), &raw);
		else
			decode_qp(q2 + 1, (size_t)(end - q2 - 1), true, &raw);
		if (charset.buf) {
			char *star = strchr(charset.buf, '*'); /* RFC 2231 language suffix */

			if (star)
				*star = '\0';
		}
		mime_to_utf8(charset.buf, raw.buf ? raw.buf : "", raw.len, out);
		wp_strbuf_fini(&raw);
		wp_strbuf_fini(&charset);
		s = end + 2;
		after_word = true;
	}
}

void mime_body_text(const struct mime_part *p, struct wp_strbuf *out)
{
	struct wp_strbuf encoding = { 0 }, type = { 0 }, charset = { 0 }, raw = { 0 };

	(void)mime_header(p, "Content-Transfer-Encoding", &encoding);
	if (mime_header(p, "Content-Type", &type))
		(void)mime_param(type.buf, "charset", &charset);
	if (encoding.buf && !strcasecmp(encoding.buf, "base64"))
		decode_base64(p->body, p->body_len, &raw);
	else if (encoding.buf && !strcasecmp(encoding.buf, "quoted-printable"))
		decode_qp(p->body, p->body_len, false, &raw);
	else
		wp_strbuf_put(&raw, p->body, p->body_len);
	mime_to_utf8(charset.buf, raw.buf ? raw.buf : "", raw.len, out);
	wp_strbuf_fini(&encoding);
	wp_strbuf_fini(&type);
	wp_strbuf_fini(&charset);
	wp_strbuf_fini(&raw);
}
