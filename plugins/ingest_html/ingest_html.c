/* SPDX-License-Identifier: MIT */
/*
 * ingest_html: saved web pages. libxml2's HTML parser reads them however
 * broken (unclosed tags, stray bytes, truncation); it honours a BOM and
 * <meta charset>, and a page that declares nothing but is valid UTF-8 is
 * read as UTF-8 (libxml2 would assume Latin-1). The page's metadata
 * (metadata.c) and its main text (content.c) become the article; the
 * text stages then clean it like any other.
 *
 * Taken: files whose first markup is <!doctype html>, <html>, <head> or
 * <body> (after a BOM, white space and comments), or any *.html / *.htm.
 */
#include <ctype.h>
#include <errno.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <warta/plugin.h>

#include "../common/utf8.h"
#include "html.h"

#define SNIFF_BYTES 1024

static bool has_extension(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && strcasecmp(name + n - e, ext) == 0;
}

static bool looks_like_html(const char *s, size_t n)
{
	static const char *const starts[] = { "<!doctype html", "<html", "<head", "<body" };
	size_t i = 0, end = n < SNIFF_BYTES ? n : SNIFF_BYTES;

	if (end >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (;;) {
		while (i < end && isspace((unsigned char)s[i]))
			i++;
		if (i + 4 < end && memcmp(s + i, "<!--", 4) == 0) {
			const char *close = memmem(s + i, end - i, "-->", 3);

			if (!close)
				return false;
			i = (size_t)(close - s) + 3;
			continue;
		}
		if (i + 5 < end && memcmp(s + i, "<?xml", 5) == 0) {
			const char *close = memmem(s + i, end - i, "?>", 2);

			if (!close)
				return false;
			i = (size_t)(close - s) + 2;
			continue;
		}
		break;
	}
	for (size_t k = 0; k < sizeof(starts) / sizeof(*starts); k++) {
		size_t len = strlen(starts[k]);

		if (i + len <= end && strncasecmp(s + i, starts[k], len) == 0)
			return true;
	}
	return false;
}

/* UTF-16 (a BOM, or NUL bytes early on): ASCII in UTF-16 would pass for valid UTF-8. */
static bool is_utf16(const char *s, size_t n)
{
	return (n >= 2 && ((unsigned char)s[0] == 0xff || (unsigned char)s[0] == 0xfe)) ||
	       memchr(s, '\0', n < SNIFF_BYTES ? n : SNIFF_BYTES);
}

static int set_authors(struct wa_article *a, const struct page_meta *m)
{
	struct wp_strbuf json = { 0 };

	if (!m->n_authors)
		return 0;
	wp_strbuf_putc(&json, '[');
	for (size_t i = 0; i < m->n_authors; i++) {
		wp_strbuf_puts(&json, i ? ",\"" : "\"");
		for (const char *c = m->authors[i]; *c; c++) {
			if (*c == '"' || *c == '\\')
				wp_strbuf_putc(&json, '\\');
			if ((unsigned char)*c >= 0x20)
				wp_strbuf_putc(&json, *c);
		}
		wp_strbuf_putc(&json, '"');
	}
	wp_strbuf_putc(&json, ']');
	int r = json.error ? json.error : wa_article_set_json(a, "authors", json.buf);

	wp_strbuf_fini(&json);
	return r;
}

static int set_fields(struct wa_article *a, const struct page_meta *m)
{
	int r = wa_article_set_string(a, "source.format", "html");

	if (r == 0 && m->title)
		r = wa_article_set_title(a, m->title);
	if (r == 0 && m->published)
		r = wa_article_set_string(a, "published", m->published);
	if (r == 0 && m->modified)
		r = wa_article_set_string(a, "updated", m->modified);
	if (r == 0 && m->url)
		r = wa_article_set_string(a, "source.url", m->url);
	if (r == 0 && m->site)
		r = wa_article_set_string(a, "outlet", m->site);
	if (r == 0 && m->lang)
		r = wa_article_set_string(a, "source.html_lang", m->lang);
	if (r == 0 && m->description)
		r = wa_article_set_string(a, "source.description", m->description);
	if (r == 0)
		r = set_authors(a, m);
	/* For the meta stage, which reads bylines the way it reads clean's. */
	for (size_t i = 0; r == 0 && i < m->n_bylines; i++)
		r = wa_article_add_removed(a, "author", m->bylines[i], strlen(m->bylines[i]));
	/* For the dates stage, which reads them as it reads clean's header dates. */
	for (size_t i = 0; r == 0 && i < m->n_date_lines; i++)
		r = wa_article_add_removed(a, "date", m->date_lines[i], strlen(m->date_lines[i]));
	return r;
}

static int ingest_html_process(void *state, struct wa_article *a)
{
	size_t n;
	const char *raw = wa_article_raw(a, &n);
	const char *name = wa_article_source_file(a);
	struct page_meta meta = { 0 };
	struct wp_strbuf text = { 0 };

	if (!looks_like_html(raw, n) && !has_extension(name, ".html") &&
	    !has_extension(name, ".htm"))
		return WA_PLUGIN_DECLINED;
	if (n > INT32_MAX)
		return wa_article_reject(a, "refused: an HTML page over 2 GiB");
	/*
	 * Bytes that are valid UTF-8 (and not plain ASCII) are UTF-8 whatever
	 * the page declares: legacy text almost never forms valid multi-byte
	 * sequences, and pages that moved to UTF-8 keep old declarations.
	 */
	const char *encoding = !is_utf16(raw, n) && wp_utf8_valid(raw, n) ? "UTF-8" : NULL;
	htmlDocPtr doc =
		htmlReadMemory(raw, (int)n, NULL, encoding,
			       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
				       HTML_PARSE_NONET | HTML_PARSE_COMPACT);

	if (!doc)
		return wa_article_reject(a, "refused: no HTML document could be read from it");
	page_meta_read(doc, &meta);
	int r = set_fields(a, &meta);

	if (r == 0)
		r = page_external_links(doc, meta.url, a);
	if (r == 0)
		r = wp_html_main_text(doc, a, &text);
	if (r == 0 && !text.len && !meta.title)
		r = wa_article_reject(a, "refused: an HTML page without text");
	else if (r == 0)
		r = wa_article_set_text(a, text.buf ? text.buf : "", text.len);
	wp_strbuf_fini(&text);
	page_meta_fini(&meta);
	xmlFreeDoc(doc);
	return r < 0 ? r : WA_PLUGIN_OK;
}

static int ingest_html_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	wp_libxml_init();
	*ret_state = NULL;
	return 0;
}

WA_PLUGIN_DEFINE(ingest_html) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "ingest_html",
	.summary = "Web pages: JSON-LD/OpenGraph metadata and the main text (libxml2)",
	.kind = WA_PLUGIN_INGEST,
	.init = ingest_html_init,
	.process = ingest_html_process,
};
