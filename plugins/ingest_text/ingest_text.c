/* SPDX-License-Identifier: MIT */
/*
 * ingest_text: plain text articles, the common case (pages scraped to text).
 *
 * Accepts UTF-8, with or without a BOM, and UTF-16 with a BOM (what some
 * Windows tools save), converting it. Invalid UTF-8 is repaired, each
 * maximal invalid sequence becoming U+FFFD, and the repairs are counted in
 * source.invalid_utf8 rather than refused: a stray Latin-1 byte in a scraped
 * page must not cost the analyst the article. Binary content (NUL bytes, a
 * known binary signature, or mostly control characters) is refused with a
 * reason. Line ends become "\n". The first non-empty line is offered as the
 * title candidate; the text keeps everything, for the cleaning stage.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <warta/plugin.h>
#include <warta/swar.h>

#include "../common/utf8.h"

#define TITLE_MAX_BYTES 300

struct signature {
	const char *magic;
	size_t len;
	const char *what;
};

static const struct signature binary_signatures[] = {
	{ "%PDF-", 5, "a PDF document" },
	{ "\x89PNG", 4, "a PNG image" },
	{ "\xff\xd8\xff", 3, "a JPEG image" },
	{ "GIF8", 4, "a GIF image" },
	{ "\x1f\x8b", 2, "gzip-compressed data" },
	{ "PK\x03\x04", 4, "a ZIP archive (or an office document)" },
	{ "\x7f"
	  "ELF",
	  4, "an executable" },
	{ "\xd0\xcf\x11\xe0", 4, "an old Microsoft Office document" },
	{ "Rar!", 4, "a RAR archive" },
	{ "7z\xbc\xaf", 4, "a 7-Zip archive" },
	{ "\xfd"
	  "7zXZ",
	  5, "xz-compressed data" },
	{ "BZh", 3, "bzip2-compressed data" },
};

/* A growable output buffer. */
struct out {
	char *buf;
	size_t len, cap;
};

static int out_reserve(struct out *o, size_t more)
{
	if (o->len + more <= o->cap)
		return 0;
	size_t cap = o->cap ? o->cap : 256;

	while (cap < o->len + more)
		cap *= 2;
	char *buf = realloc(o->buf, cap);

	if (!buf)
		return -ENOMEM;
	o->buf = buf;
	o->cap = cap;
	return 0;
}

static void out_put(struct out *o, const void *p, size_t n)
{
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

/*
 * Bytes to replace by one U+FFFD: the "maximal subpart" of an ill-formed
 * sequence (Unicode 15, section 3.9; what browsers do): a lead byte and
 * the continuation bytes that could still have completed it, or else one
 * byte.
 */
static size_t invalid_run(const unsigned char *s, size_t n)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t need, i;

	if (c >= 0xc2 && c <= 0xdf)
		need = 2;
	else if (c >= 0xe0 && c <= 0xef)
		need = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		need = 4;
	else
		return 1;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	for (i = 1; i < need && i < n; i++) {
		if (s[i] < lo || s[i] > hi)
			break;
		lo = 0x80;
		hi = 0xbf;
	}
	return i;
}

/* Copies UTF-8 with repairs and "\r\n"/"\r" -> "\n"; counts the repairs. */
static int decode_utf8(const unsigned char *s, size_t n, struct out *o, size_t *ret_repaired)
{
	static const char replacement[] = "\xef\xbf\xbd";
	size_t i = 0, repaired = 0;

	/* Worst case: every byte invalid, each becoming a 3-byte U+FFFD. */
	if (out_reserve(o, 3 * n + 1) < 0)
		return -ENOMEM;
	while (i < n) {
		size_t start = i, k;

		/* Plain ASCII is most of every article: copy it in runs, found 8 bytes a step. */
		while (i + 8 <= n) {
			uint64_t w = wa_swar_load((const char *)s + i);

			if ((w & WA_SWAR_HIGH) || wa_swar_equal(w, '\r'))
				break;
			i += 8;
		}
		while (i < n && s[i] < 0x80 && s[i] != '\r')
			i++;
		out_put(o, s + start, i - start);
		if (i == n)
			break;
		k = wp_utf8_valid_length(s + i, n - i);
		if (k == 0) {
			i += invalid_run(s + i, n - i);
			out_put(o, replacement, 3);
			repaired++;
		} else if (s[i] == '\r') {
			out_put(o, "\n", 1);
			i += i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
		} else {
			out_put(o, s + i, k);
			i += k;
		}
	}
	*ret_repaired = repaired;
	return 0;
}

/* UTF-16 (after its BOM) to UTF-8; unpaired surrogates become U+FFFD. */
static int decode_utf16(const unsigned char *s, size_t n, bool big_endian, struct out *o,
			size_t *ret_repaired)
{
	size_t repaired = n % 2;

	for (size_t i = 0; i + 1 < n; i += 2) {
		uint32_t u = big_endian ? (uint32_t)(s[i] << 8 | s[i + 1])
					: (uint32_t)(s[i + 1] << 8 | s[i]);
		char buf[4];

		if (u >= 0xd800 && u <= 0xdbff && i + 3 < n) {
			uint32_t v = big_endian ? (uint32_t)(s[i + 2] << 8 | s[i + 3])
						: (uint32_t)(s[i + 3] << 8 | s[i + 2]);

			if (v >= 0xdc00 && v <= 0xdfff) {
				u = 0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00);
				i += 2;
			}
		}
		if (u >= 0xd800 && u <= 0xdfff) {
			u = 0xfffd;
			repaired++;
		}
		if (u == '\r')
			continue;
		if (out_reserve(o, 4) < 0)
			return -ENOMEM;
		out_put(o, buf, wp_utf8_encode(u, buf));
	}
	*ret_repaired = repaired;
	return 0;
}

/* Why the bytes are not text, or NULL if they may be. */
static const char *binary_reason(const unsigned char *s, size_t n)
{
	size_t controls = 0;

	for (size_t i = 0; i < sizeof(binary_signatures) / sizeof(binary_signatures[0]); i++) {
		const struct signature *sig = &binary_signatures[i];

		if (n >= sig->len && memcmp(s, sig->magic, sig->len) == 0)
			return sig->what;
	}
	if (memchr(s, '\0', n))
		return "binary content (NUL bytes)";
	for (size_t i = 0; i < n; i++) {
		/* Eight bytes at once while none is below a space (most of any text). */
		while (i + 8 <= n && !wa_swar_below(wa_swar_load((const char *)s + i), ' '))
			i += 8;
		if (i < n && s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' &&
		    s[i] != '\f')
			controls++;
	}
	/* Real text has next to none; 1% is far beyond any copy-paste accident. */
	if (controls > 8 && controls * 100 > n)
		return "binary content (control characters)";
	return NULL;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

/* The first non-empty line, trimmed, if it is short enough to be a headline. */
static int set_title_candidate(struct wa_article *a, const char *text, size_t len)
{
	size_t start = 0;

	while (start < len) {
		size_t end = start;

		while (end < len && text[end] != '\n')
			end++;
		size_t b = start, e = end;

		while (b < e && is_blank(text[b]))
			b++;
		while (e > b && is_blank(text[e - 1]))
			e--;
		if (e > b)
			return e - b <= TITLE_MAX_BYTES
				       ? wa_article_set_stringn(a, "title", text + b, e - b)
				       : 0;
		start = end + 1;
	}
	return 0;
}

/* Trims leading and trailing whitespace lines. */
static void trim(const char **text, size_t *len)
{
	while (*len > 0 && (is_blank(**text) || **text == '\n')) {
		(*text)++;
		(*len)--;
	}
	while (*len > 0 && (is_blank((*text)[*len - 1]) || (*text)[*len - 1] == '\n'))
		(*len)--;
}

static int ingest_text_process(void *state, struct wa_article *a)
{
	const unsigned char *s;
	const char *reason, *encoding = "utf-8", *text;
	struct out o = { 0 };
	size_t n, repaired = 0, len;
	int r;

	(void)state;
	s = wa_article_raw(a, &n);
	if (n >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff))) {
		bool big_endian = s[0] == 0xfe;

		encoding = big_endian ? "utf-16be" : "utf-16le";
		r = decode_utf16(s + 2, n - 2, big_endian, &o, &repaired);
		if (r == 0 && o.len && memchr(o.buf, '\0', o.len)) {
			free(o.buf);
			return wa_article_reject(
				a, "refused: binary content (NUL characters in UTF-16 text)");
		}
	} else {
		reason = binary_reason(s, n);
		if (reason)
			return wa_article_reject(a, "refused: %s", reason);
		if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
			s += 3;
			n -= 3;
		}
		r = decode_utf8(s, n, &o, &repaired);
	}
	if (r < 0) {
		free(o.buf);
		return r;
	}
	text = o.buf ? o.buf : "";
	len = o.len;
	trim(&text, &len);
	if (len == 0) {
		free(o.buf);
		return wa_article_reject(a, "refused: no text (only whitespace)");
	}
	r = wa_article_set_string(a, "source.format", "text");
	if (r == 0)
		r = wa_article_set_string(a, "source.encoding", encoding);
	if (r == 0 && repaired > 0)
		r = wa_article_set_number(a, "source.invalid_utf8", (double)repaired);
	if (r == 0)
		r = set_title_candidate(a, text, len);
	if (r == 0)
		r = wa_article_set_text(a, text, len);
	free(o.buf);
	return r;
}

WA_PLUGIN_DEFINE(ingest_text) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "ingest_text",
	.summary = "Plain text in UTF-8 (repaired if invalid) or UTF-16 with a BOM",
	.kind = WA_PLUGIN_INGEST,
	.process = ingest_text_process,
};
