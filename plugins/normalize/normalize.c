/* SPDX-License-Identifier: MIT */
/*
 * normalize: one spelling for what pages spell many ways, before any other
 * analysis stage reads the text.
 *
 * - Valid UTF-8 (bad bytes become U+FFFD: ingest repairs them, but not
 *   every plugin that sets text does), in NFC (utf8proc), so "é" is one
 *   code point however the page wrote it.
 * - Typographic quotes become ASCII '"' and '\'', and every hyphen, dash
 *   and minus sign becomes '-': later stages and the analysts' rules then
 *   match `Su-57` and "kata dia" whether the page used U+2011 or curly
 *   quotes. Datelines ("REPUBLIKA.CO.ID, MOSKOW --") stay recognisable
 *   because a dash run keeps its length.
 * - Exotic spaces become a space; invisible characters (zero-width space,
 *   word joiner, BOM, soft hyphen) and control characters go.
 * - Lines are kept: each is trimmed and its inner space runs collapsed,
 *   and more than one blank line becomes one. The cleaning stage works
 *   line by line, so line structure is the paragraph structure.
 *
 * Compatibility folding (NFKC) is left to the stages that want it (the
 * spam detector folds 𝘿𝘼𝙁𝙏𝘼𝙍 for matching): applied to the text it
 * would turn "m²" into "m2" and invent footnote digits.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <warta/plugin.h>

#include "../common/strbuf.h"
#include "../common/utf8.h"

/* Code points with one spelling for every later stage. */
static const struct {
	uint32_t from, to; /* a range */
	const char *as;
} mapping[] = {
	{ 0x2018, 0x201b, "'" },  { 0x2032, 0x2032, "'" },  { 0xff07, 0xff07, "'" },
	{ 0x201c, 0x201f, "\"" }, { 0x2033, 0x2033, "\"" }, { 0x00ab, 0x00ab, "\"" },
	{ 0x00bb, 0x00bb, "\"" }, { 0xff02, 0xff02, "\"" }, { 0x2010, 0x2015, "-" },
	{ 0x2212, 0x2212, "-" },  { 0xfe58, 0xfe58, "-" },  { 0xfe63, 0xfe63, "-" },
	{ 0xff0d, 0xff0d, "-" },  { 0x00a0, 0x00a0, " " },  { 0x1680, 0x1680, " " },
	{ 0x2000, 0x200a, " " },  { 0x202f, 0x202f, " " },  { 0x205f, 0x205f, " " },
	{ 0x3000, 0x3000, " " },  { 0x2028, 0x2029, "\n" }, { 0x0085, 0x0085, "\n" },
	{ 0x007f, 0x009f, "" },   { 0x00ad, 0x00ad, "" },   { 0x200b, 0x200b, "" },
	{ 0x2060, 0x2060, "" },   { 0xfeff, 0xfeff, "" },
};

/* What a code point becomes: itself (NULL), "" (dropped), or this. */
static const char *replacement(uint32_t cp)
{
	if (cp < 0x20)
		return cp == '\n' ? NULL : cp == '\t' || cp == '\v' || cp == '\f' ? " " : "";
	if (cp < 0x7f)
		return NULL;
	for (size_t i = 0; i < sizeof(mapping) / sizeof(*mapping); i++) {
		if (cp >= mapping[i].from && cp <= mapping[i].to)
			return mapping[i].as;
	}
	return NULL;
}

/* Appends one line, trimmed, with inner space runs collapsed; words go in whole. */
static void put_line(struct wp_strbuf *out, const char *line, size_t len)
{
	size_t i = 0;

	while (i < len) {
		while (i < len && line[i] == ' ')
			i++;
		if (i == len)
			break;
		const char *space = memchr(line + i, ' ', len - i);
		size_t end = space ? (size_t)(space - line) : len;

		if (out->len > 0 && out->buf[out->len - 1] != '\n')
			wp_strbuf_putc(out,
				       ' '); /* between words, never at the start of the line */
		wp_strbuf_put(out, line + i, end - i);
		i = end;
	}
}

/* Maps code points; plain ASCII is copied in runs, which is nearly all of a text. */
static void map_code_points(const char *text, size_t len, struct wp_strbuf *out)
{
	size_t run = 0;

	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)text[i];

		if ((c >= 0x20 && c < 0x7f) || c == '\n') {
			i++;
			continue;
		}
		wp_strbuf_put(out, text + run, i - run);
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
						      (utf8proc_ssize_t)(len - i), &cp);

		if (n <= 0) {
			/* Ingest repairs bad UTF-8; a plugin that set text may not have. */
			wp_strbuf_puts(out, "\xef\xbf\xbd");
			i++;
		} else {
			const char *rep = replacement((uint32_t)cp);

			if (rep)
				wp_strbuf_puts(out, rep);
			else
				wp_strbuf_put(out, text + i, (size_t)n);
			i += (size_t)n;
		}
		run = i;
	}
	wp_strbuf_put(out, text + run, len - run);
}

/* Maps code points, then rebuilds the lines: at most one blank line in a row, none at the ends. */
static int normalize(const char *text, size_t len, struct wp_strbuf *out)
{
	struct wp_strbuf mapped = { 0 };

	map_code_points(text, len, &mapped);
	if (mapped.error)
		return mapped.error;

	bool blank = false;

	for (size_t start = 0; start < mapped.len;) {
		const char *nl = memchr(mapped.buf + start, '\n', mapped.len - start);
		size_t end = nl ? (size_t)(nl - mapped.buf) : mapped.len;
		size_t span = strspn(mapped.buf + start, " ");

		if (start + span >= end) {
			blank = out->len > 0;
		} else {
			if (out->len > 0)
				wp_strbuf_puts(out, blank ? "\n\n" : "\n");
			put_line(out, mapped.buf + start, end - start);
			blank = false;
		}
		start = end + 1;
	}
	wp_strbuf_fini(&mapped);
	return out->error;
}

/*
 * Could NFC change this text? Only combining marks, Hangul jamo, and the
 * few characters NFC replaces outright (singletons such as U+212B ANGSTROM
 * SIGN, composition exclusions such as U+0958) can; most news text has
 * none, and skipping utf8proc then saves most of this stage's time.
 */
static bool may_need_nfc(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;

		i += wp_utf8_decode(s + i, len - i, &cp);
		const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);

		if (p->combining_class || p->comp_exclusion || (cp >= 0x1100 && cp <= 0x11ff) ||
		    (cp >= 0x0340 && cp <= 0x0344) || cp == 0x0374 || cp == 0x037e ||
		    cp == 0x0387 || (cp >= 0x1f71 && cp <= 0x1ffd) || cp == 0x2000 ||
		    cp == 0x2001 || cp == 0x2126 || cp == 0x212a || cp == 0x212b || cp == 0x2329 ||
		    cp == 0x232a || (cp >= 0xf900 && cp <= 0xfaff) ||
		    (cp >= 0x2f800 && cp <= 0x2fa1f))
			return true;
	}
	return false;
}

static int normalize_process(void *state, struct wa_article *a)
{
	const char *text = wa_article_text(a);
	utf8proc_uint8_t *nfc = NULL;
	struct wp_strbuf out = { 0 }, repaired = { 0 };
	int r;

	if (!text)
		return WA_PLUGIN_OK;
	size_t len = strlen(text);

	/* NFC wants valid UTF-8: bad bytes a plugin left in become U+FFFD first. */
	if (!wp_utf8_valid(text, len)) {
		map_code_points(text, len, &repaired);
		if (repaired.error)
			return repaired.error;
		text = repaired.buf ? repaired.buf : "";
		len = repaired.len;
	}
	if (may_need_nfc(text, len)) {
		utf8proc_ssize_t n =
			utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, &nfc,
				     UTF8PROC_STABLE | UTF8PROC_COMPOSE);

		if (n < 0) {
			wp_strbuf_fini(&repaired);
			return n == UTF8PROC_ERROR_NOMEM
				       ? -ENOMEM
				       : wa_article_add_error(a, "normalize", "NFC failed: %s",
							      utf8proc_errmsg(n));
		}
		text = (const char *)nfc;
		len = (size_t)n;
	}
	r = normalize(text, len, &out);
	if (r == 0)
		r = wa_article_set_text(a, out.buf ? out.buf : "", out.len);
	free(nfc);
	wp_strbuf_fini(&out);
	wp_strbuf_fini(&repaired);
	return r < 0 ? r : WA_PLUGIN_OK;
}

WA_PLUGIN_DEFINE(normalize) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "normalize",
	.summary = "NFC, ASCII quotes and dashes, clean spaces, lines kept as paragraphs",
	.kind = WA_PLUGIN_ANALYZE,
	.process = normalize_process,
};
