/* SPDX-License-Identifier: MIT */
/*
 * The article's text in a page: prune (html_prune.c), measure and choose
 * (html_score.c), collect (here).
 *
 * Collecting takes the chosen container's paragraphs, headings, quotes and
 * list items as paragraphs of text. Figure captions go to removed[] as
 * captions, lists and blocks made mostly of links as related links, and in
 * strict mode furniture stays out.
 */
#include "html_text.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <warta/article.h>

#include "html_page.h"
#include "list_field.h"

/* Less article text than this in strict mode, and the page is read again without it. */
#define STRICT_MIN_TEXT 500
#define LINK_BLOCK      0.5 /* a list or block with this share of its text in links is related links */

/* Everything else is inline, custom elements included: their text runs on. */
static const char *const block_tags[] = {
	"p",          "div",     "section", "article",    "main",   "h1",    "h2",
	"h3",         "h4",      "h5",      "h6",         "li",     "ul",    "ol",
	"blockquote", "pre",     "table",   "tbody",      "thead",  "tfoot", "tr",
	"td",         "th",      "figure",  "figcaption", "br",     "hr",    "dl",
	"dt",         "dd",      "center",  "body",       "html",   "form",  "fieldset",
	"address",    "details", "summary", "header",     "footer", "nav",   "aside",
};

bool wp_html_is_block(xmlNodePtr n)
{
	return WP_HTML_TAG_IN(n, block_tags);
}

/* Appends a text node's content, white space runs as one space, none after a line end. */
static void put_text(struct wp_strbuf *out, const char *s)
{
	for (; s && *s; s++) {
		bool space = isspace((unsigned char)*s);

		if (space &&
		    (!out->len || out->buf[out->len - 1] == ' ' || out->buf[out->len - 1] == '\n'))
			continue;
		wp_strbuf_putc(out, space ? ' ' : *s);
	}
}

void wp_html_node_text(xmlNodePtr node, struct wp_strbuf *out)
{
	for (xmlNodePtr c = node->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			put_text(out, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			/* "<li>one</li><li>two</li>" reads "one two", not "onetwo". */
			bool block = wp_html_is_block(c);

			if (block && out->len && out->buf[out->len - 1] != ' ')
				wp_strbuf_putc(out, ' ');
			wp_html_node_text(c, out);
			if (block && out->len && out->buf[out->len - 1] != ' ')
				wp_strbuf_putc(out, ' ');
		}
	}
}

void wp_html_record_removed(struct wa_article *a, const char *kind, xmlNodePtr n)
{
	struct wp_strbuf t = { 0 };

	wp_html_node_text(n, &t);
	wp_strbuf_rtrim(&t, " ");
	if (t.len)
		(void)wa_article_add_removed(a, kind, t.buf, t.len);
	wp_strbuf_fini(&t);
}

/* A list, or a block of short pieces, whose text is mostly links. */
static bool is_link_block(xmlNodePtr n, const struct wp_node_info *info)
{
	const char *tag = (const char *)n->name;

	if (!info->text || (double)info->links / (double)info->text <= LINK_BLOCK)
		return false;
	return !strcmp(tag, "ul") || !strcmp(tag, "ol") ||
	       ((!strcmp(tag, "div") || !strcmp(tag, "section")) &&
		info->commas * 100 < info->text);
}

static void end_paragraph(struct wp_strbuf *out)
{
	wp_strbuf_rtrim(out, " ");
	if (out->len && out->buf[out->len - 1] != '\n')
		wp_strbuf_puts(out, "\n\n");
}

static void collect(struct wp_page *p, xmlNodePtr n, struct wp_strbuf *out, int depth);

/* Step 3: block elements end paragraphs; inline text runs on. */
static void collect_node(struct wp_page *p, xmlNodePtr c, struct wp_strbuf *out, int depth)
{
	if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
		put_text(out, (const char *)c->content);
		return;
	}
	struct wp_node_info *info = wp_page_info(p, c);

	if (!info || info->left_out || depth >= WP_PAGE_MAX_DEPTH)
		return;
	const char *tag = (const char *)c->name;

	if (!strcmp(tag, "figcaption") || !strcmp(tag, "caption")) {
		wp_html_record_removed(p->article, "caption", c);
		return;
	}
	/* A table row is one line, its cells apart: "1 Kyle Busch 5040", not a line per cell. */
	bool cell = !strcmp(tag, "td") || !strcmp(tag, "th");
	bool block = !cell && wp_html_is_block(c);

	if (cell) {
		put_text(out, " ");
		collect(p, c, out, depth + 1);
		put_text(out, " ");
		return;
	}
	if (block && is_link_block(c, info)) {
		wp_html_record_removed(p->article, "related", c);
		return;
	}
	if (block)
		end_paragraph(out);
	collect(p, c, out, depth + 1);
	if (block)
		end_paragraph(out);
}

static void collect(struct wp_page *p, xmlNodePtr n, struct wp_strbuf *out, int depth)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		collect_node(p, c, out, depth);
}

static void collect_chosen(struct wp_page *p, xmlNodePtr n, void *out)
{
	collect_node(p, n, out, 0);
}

/*
 * Strict mode first; when that finds next to no article, the furniture
 * names were on the article's own wrappers, and the page is read again
 * without them, keeping whichever reading found more.
 */
static bool choose(struct wp_page *p, xmlNodePtr root, struct wp_page_choice *ret)
{
	struct wp_page_choice loose;
	bool found;

	p->strict = true;
	wp_page_measure(p, root);
	found = wp_page_choose(p, ret);
	if (found && (ret->text >= STRICT_MIN_TEXT || ret->named))
		return true;
	p->strict = false;
	wp_page_measure(p, root);
	if (wp_page_choose(p, &loose) && (!found || loose.text > ret->text)) {
		*ret = loose;
		return true;
	}
	p->strict = true;
	wp_page_measure(p, root);
	return found && wp_page_choose(p, ret);
}

static void quiet(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

static void quiet_structured(void *ctx, xmlErrorPtr error)
{
	(void)ctx;
	(void)error;
}

void wp_libxml_init(void)
{
	xmlInitParser();
	/* The defaults for threads to come (the workers), and this thread's own. */
	xmlThrDefSetGenericErrorFunc(NULL, quiet);
	xmlThrDefSetStructuredErrorFunc(NULL, quiet_structured);
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
}

int wp_html_main_text(htmlDocPtr doc, struct wa_article *a, struct wp_strbuf *out)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct wp_page page = { .article = a };
	struct wp_page_choice choice;
	cJSON *comments = cJSON_CreateArray();
	int r;

	if (!root || !comments) {
		cJSON_Delete(comments);
		return root ? -ENOMEM : 0;
	}
	r = wp_page_prune(&page, root, comments);
	if (r == 0)
		r = wp_set_list_field(a, "comments", comments);
	cJSON_Delete(comments);
	if (r < 0)
		goto out;
	if (!choose(&page, root, &choice)) {
		/* No container of prose (a page of short lines): keep the whole body. */
		collect(&page, root, out, 0);
	} else {
		wp_page_for_each_chosen(&page, &choice, collect_chosen, out);
	}
	wp_strbuf_rtrim(out, " \n");
	r = out->error;
out:
	/* The document outlives this call (the feed reads on); _private must not dangle. */
	for (size_t i = 0; i < page.n_info; i++)
		page.info[i].node->_private = NULL;
	free(page.info);
	return r;
}

bool wp_html_is_markup(const char *body)
{
	for (const char *lt = strchr(body, '<'); lt; lt = strchr(lt + 1, '<')) {
		const char *name = lt + 1 + (lt[1] == '/');
		size_t n = 0;

		while (isalpha((unsigned char)name[n]) ||
		       (n > 0 && isdigit((unsigned char)name[n])))
			n++;
		if (n > 0 && n <= 10 && (name[n] == '>' || name[n] == ' ' || name[n] == '/'))
			return true;
	}
	return false;
}

int wp_html_set_body(struct wa_article *article, const char *body)
{
	struct wp_strbuf text = { 0 };
	htmlDocPtr doc = NULL;
	int r = 0;

	if (wp_html_is_markup(body))
		doc = htmlReadMemory(body, (int)strlen(body), NULL, "UTF-8",
				     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
					     HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (doc) {
		r = wp_html_main_text(doc, article, &text);
		xmlFreeDoc(doc);
	} else {
		wp_strbuf_puts(&text, body);
	}
	if (r == 0 && text.error)
		r = text.error;
	if (r == 0 && text.len)
		r = wa_article_set_text(article, text.buf, text.len);
	wp_strbuf_fini(&text);
	return r;
}
