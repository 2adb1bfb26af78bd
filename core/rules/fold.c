/* SPDX-License-Identifier: MIT */
/*
 * Folding. ASCII, the bulk of Indonesian and English news, takes a table
 * lookup per byte; other code points go through utf8proc's case folding.
 */
#include "fold.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "banned.h"
#include "unicode.h"

static int reserve(struct wa_fold_buf *buf, size_t extra)
{
	size_t want = buf->len + extra + 1;
	char *grown;

	if (want <= buf->cap)
		return 0;
	if (want < 2 * buf->cap)
		want = 2 * buf->cap;
	grown = realloc(buf->data, want);
	if (!grown)
		return -ENOMEM;
	buf->data = grown;
	buf->cap = want;
	return 0;
}

static bool is_space(utf8proc_int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x85;
}

static bool is_word(utf8proc_int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9') || cp == '_';
	return wa_unicode_is_word(cp);
}

/* Writes the case folding of cp at out: at most 4 code points of 4 bytes each. */
static size_t put_folded(char *out, utf8proc_int32_t cp)
{
	utf8proc_int32_t folded[4];
	int last_boundclass = 0;
	utf8proc_ssize_t n =
		utf8proc_decompose_char(cp, folded, 4, UTF8PROC_CASEFOLD, &last_boundclass);
	size_t len = 0;

	if (n < 0 || n > 4) {
		folded[0] = cp;
		n = 1;
	}
	for (utf8proc_ssize_t i = 0; i < n; i++)
		len += (size_t)utf8proc_encode_char(folded[i], (utf8proc_uint8_t *)out + len);
	return len;
}

/*
 * The output is built in locals (out, o) rather than through buf: stores
 * through a char pointer may alias buf->len, and the compiler would then
 * reload it for every byte.
 */
int wa_fold(const char *text, size_t len, struct wa_fold_buf *buf)
{
	const uint8_t *s = (const uint8_t *)text;
	bool pending_space = false;
	size_t i = 0, o = 0;
	char *out;

	buf->len = 0;
	if (reserve(buf, len) < 0)
		return -ENOMEM;
	out = buf->data;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;

		if (s[i] < 0x80) {
			uint8_t c = s[i++];

			if (c == ' ' || (c >= '\t' && c <= '\r')) {
				pending_space = o > 0;
				continue;
			}
			if (pending_space) {
				out[o++] = ' ';
				pending_space = false;
			}
			out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n > 0 && is_space(cp)) {
			pending_space = o > 0;
			i += (size_t)n;
			continue;
		}
		/* Folding may grow a code point: make room for the worst case and the rest. */
		buf->len = o;
		if (reserve(buf, len - i + 17) < 0)
			return -ENOMEM;
		out = buf->data;
		if (pending_space) {
			out[o++] = ' ';
			pending_space = false;
		}
		if (n < 0) {
			out[o++] = (char)s[i++]; /* invalid: copied as is */
			continue;
		}
		o += put_folded(out + o, cp);
		i += (size_t)n;
	}
	out[o] = '\0';
	buf->len = o;
	return 0;
}

bool wa_fold_is_needed(const char *text, size_t len)
{
	const uint8_t *s = (const uint8_t *)text;

	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp, folded[4];
		utf8proc_ssize_t n;
		int last_boundclass = 0;
		uint64_t eight;

		/* ASCII runs eight bytes at a time: this is most of every article. */
		if (i + 8 <= len) {
			memcpy(&eight, s + i, 8);
			if ((eight & UINT64_C(0x8080808080808080)) == 0) {
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n < 0) {
			i++; /* copied unchanged by wa_fold too */
			continue;
		}
		if (is_space(cp) ||
		    utf8proc_decompose_char(cp, folded, 4, UTF8PROC_CASEFOLD, &last_boundclass) !=
			    1 ||
		    folded[0] != cp)
			return true;
		i += (size_t)n;
	}
	return false;
}

void wa_fold_buf_fini(struct wa_fold_buf *buf)
{
	free(buf->data);
	*buf = (struct wa_fold_buf){ 0 };
}

bool wa_fold_is_word_at(const char *text, size_t len, size_t pos)
{
	utf8proc_int32_t cp;

	if (pos >= len)
		return false;
	if ((uint8_t)text[pos] < 0x80)
		return is_word((uint8_t)text[pos]);
	if (utf8proc_iterate((const uint8_t *)text + pos, (utf8proc_ssize_t)(len - pos), &cp) < 0)
		return false;
	return is_word(cp);
}

bool wa_fold_is_word_before(const char *text, size_t pos)
{
	size_t start = pos;

	if (pos == 0)
		return false;
	if ((uint8_t)text[pos - 1] < 0x80)
		return is_word((uint8_t)text[pos - 1]);
	/* Step back over at most three continuation bytes to the lead byte. */
	while (start > 0 && pos - start < 4 && ((uint8_t)text[start - 1] & 0xC0) == 0x80)
		start--;
	if (start > 0)
		start--;
	return wa_fold_is_word_at(text, pos, start);
}

bool wa_fold_is_whole_word(const char *haystack, size_t haystack_len, size_t pos, size_t needle_len)
{
	size_t end = pos + needle_len;

	if (wa_fold_is_word_at(haystack, haystack_len, pos) &&
	    wa_fold_is_word_before(haystack, pos))
		return false;
	if (end < haystack_len && wa_fold_is_word_before(haystack, end) &&
	    wa_fold_is_word_at(haystack, haystack_len, end))
		return false;
	return true;
}
