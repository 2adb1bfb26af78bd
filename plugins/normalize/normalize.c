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
#include <warta/swar.h>

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

/* Maps code points, for text with bad bytes only: NFC wants valid UTF-8 first. */
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

/* What one byte of the text is to the line builder below. */
enum byte_kind { B_PLAIN, B_SPACE, B_NEWLINE, B_DROP, B_MULTIBYTE };

static const unsigned char byte_kind[256] = {
	[0x00 ... 0x08] = B_DROP, ['\t'] = B_SPACE,
	['\n'] = B_NEWLINE,       ['\v'] = B_SPACE,
	['\f'] = B_SPACE,         [0x0d ... 0x1f] = B_DROP,
	[' '] = B_SPACE,          [0x21 ... 0x7e] = B_PLAIN,
	[0x7f] = B_DROP,          [0x80 ... 0xff] = B_MULTIBYTE,
};

/*
 * Copies the run of plain bytes at s (n left, the first one B_PLAIN) to
 * out, which has 8 bytes of room past the run; returns its length. A
 * single space between two B_PLAIN bytes is plain too: it is what the
 * builder would write there, and so a run is most of a line, not a word.
 * Eight bytes a step (swar.h's exact byte tests; the lowest set bit is the
 * first byte on a little-endian machine); a space in a step's last byte
 * ends the run, its neighbour unseen.
 */
static inline size_t copy_plain_run(const char *s, size_t n, char *out)
{
	size_t i = 0;

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	for (uint64_t w; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		memcpy(out + i, &w, 8);
		uint64_t plain = wa_swar_below(w, 0x7f) & ~wa_swar_below(w, '!');
		uint64_t inner_space = wa_swar_equal(w, ' ') & (plain >> 8);
		uint64_t stop = ~(plain | inner_space) & WA_SWAR_HIGH;

		if (stop)
			return i + (size_t)__builtin_ctzll(stop) / 8;
	}
#endif
	for (; i < n; i++) {
		if (byte_kind[(unsigned char)s[i]] != B_PLAIN &&
		    !(s[i] == ' ' && i + 1 < n && byte_kind[(unsigned char)s[i + 1]] == B_PLAIN))
			break;
		out[i] = s[i];
	}
	return i;
}

/*
 * Where the builder stands between two pieces of content: the space or
 * line breaks seen since the last one go out only before the next, so
 * lines come out trimmed, space runs as one space, blank runs as one
 * blank line, and nothing blank at either end.
 */
struct line_builder {
	char *out;
	size_t len;
	unsigned breaks; /* line breaks since the last content */
	bool space;      /* a space since the last content, on this line */
};

static inline void put_separator(struct line_builder *b)
{
	if (b->len > 0) {
		if (b->breaks)
			b->out[b->len++] = '\n';
		if (b->breaks > 1)
			b->out[b->len++] = '\n';
		else if (!b->breaks && b->space)
			b->out[b->len++] = ' ';
	}
	b->breaks = 0;
	b->space = false;
}

static void put_mapped(struct line_builder *b, const char *s, size_t n)
{
	if (n == 1 && (*s == ' ' || *s == '\n')) {
		if (*s == ' ')
			b->space = true;
		else
			b->breaks++, b->space = false;
	} else if (n > 0) {
		put_separator(b);
		memcpy(b->out + b->len, s, n);
		b->len += n;
	}
}

/*
 * One pass over valid UTF-8 in NFC: code points mapped and lines rebuilt.
 * Plain ASCII, nearly all of a text, goes through a byte table without
 * decoding. out has room for len + 8 bytes: nothing written is longer
 * than what it stands for, a separator included (it stands for the spaces
 * or line breaks read before it), and copy_plain_run writes up to 8 bytes
 * past a run.
 */
static size_t normalize_lines(const char *text, size_t len, char *out)
{
	struct line_builder b = { .out = out };

	for (size_t i = 0; i < len;) {
		switch (byte_kind[(unsigned char)text[i]]) {
		case B_PLAIN: {
			put_separator(&b);
			size_t n = copy_plain_run(text + i, len - i, b.out + b.len);

			i += n, b.len += n;
			break;
		}
		case B_SPACE:
			b.space = true;
			i++;
			break;
		case B_NEWLINE:
			b.breaks++, b.space = false;
			i++;
			break;
		case B_DROP:
			i++;
			break;
		case B_MULTIBYTE: {
			uint32_t cp;
			size_t n = wp_utf8_decode(text + i, len - i, &cp);
			const char *rep = replacement(cp);

			put_mapped(&b, rep ? rep : text + i, rep ? strlen(rep) : n);
			i += n;
			break;
		}
		}
	}
	out[b.len] = '\0';
	return b.len;
}

/*
 * Could NFC change this text? Only combining marks, Hangul jamo, and the
 * few characters NFC replaces outright (singletons such as U+212B ANGSTROM
 * SIGN, composition exclusions such as U+0958) can; most news text has
 * none, and skipping utf8proc then saves most of this stage's time.
 */
static bool may_need_nfc(const char *s, size_t len)
{
	for (size_t i = 0;;) {
		i += wp_ascii_span(s + i, len - i);
		if (i == len)
			return false;
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
}

static int normalize_process(void *state, struct wa_article *a)
{
	const char *text = wa_article_text(a);
	utf8proc_uint8_t *nfc = NULL;
	struct wp_strbuf repaired = { 0 };
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
	char *out = malloc(len + 8);

	r = out ? wa_article_set_text(a, out, normalize_lines(text, len, out)) : -ENOMEM;
	free(out);
	free(nfc);
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
