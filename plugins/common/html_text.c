/* SPDX-License-Identifier: MIT */
/*
 * The article's text in a page: prune, score, collect.
 *
 *  1. Prune what is never the article: scripts, styles, forms, navigation,
 *     asides, footers; hidden elements (display:none, visibility:hidden,
 *     the hidden attribute: where gambling blocks hide, so their text goes
 *     to removed[] as "hidden"); containers whose class or id says
 *     boilerplate, in English (share, related, comment, sidebar) and in
 *     the Indonesian outlets' own names (baca-juga, inject-baca-juga,
 *     kompasidRec, sisip_, recommended-article, berita-terkait), unless
 *     the same names also say content (article, content, detail).
 *  2. Score paragraphs by length and commas, credit their parent fully and
 *     their grandparent half (the Readability heuristic), discount by
 *     link density, and take the best container.
 *  3. Collect that container's paragraphs, headings, quotes and list items
 *     as paragraphs of text; figure captions go to removed[] as captions.
 */
#include "html_text.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <warta/article.h>

#include "list_field.h"

#define MAX_DEPTH         200  /* deeper trees are hostile: their content is ignored */
#define MIN_PARAGRAPH     25   /* characters before a paragraph counts for scoring */
#define FORM_MAX_TEXT     500  /* a form with more text is a page wrapped in a form */
#define SIBLING_MIN_SCORE 10   /* a sibling block joins the best one with this score... */
#define SIBLING_SHARE     0.2  /* ...or this share of the best one's */
#define SIBLING_PARAGRAPH 80   /* a sibling paragraph joins with this much text... */
#define SIBLING_LINKS     0.25 /* ...and links under this share of it */

static size_t text_length(xmlNodePtr n, size_t *ret_link_length);

static const char *const dropped_tags[] = {
	"script", "style",  "noscript", "nav",   "aside",    "footer",   "iframe",
	"svg",    "button", "select",   "input", "textarea", "template", "object",
	"embed",  "canvas", "header",   "menu",  "dialog",
};

/* Class and id words of boilerplate containers (matched inside the names, case-folded). */
static const char *const unlikely[] = {
	"comment",      "share",       "social",      "related",   "sidebar",     "footer",
	"banner",       "breadcrumb",  "newsletter",  "subscribe", "popup",       "modal",
	"cookie",       "advert",      "ads",         "iklan",     "sponsor",     "promo",
	"pagination",   "pager",       "menu",        "navbar",    "baca-juga",   "bacajuga",
	"baca_juga",    "inject-baca", "kompasidrec", "sisip",     "recommended", "rekomendasi",
	"widget-other", "lihat-juga",  "terkait",     "populer",   "terpopuler",  "tag-list",
	"tags",         "author-box",  "disqus",      "outbrain",  "taboola",     "komentar",
};

/* ...unless the names also say this is where the article is. */
static const char *const likely[] = { "article", "content", "body",  "detail", "main",
				      "post",    "entry",   "story", "read__", "txt-article" };

static const char *const block_tags[] = {
	"p",  "div", "section", "article", "main", "h1",         "h2",  "h3",    "h4",
	"h5", "h6",  "li",      "ul",      "ol",   "blockquote", "pre", "table", "tr",
	"td", "th",  "figure",  "br",      "hr",   "dl",         "dt",  "dd",    "center",
};

static bool tag_in(xmlNodePtr n, const char *const *tags, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		if (strcasecmp((const char *)n->name, tags[i]) == 0)
			return true;
	}
	return false;
}

#define TAG_IN(n, list) tag_in((n), (list), sizeof(list) / sizeof(*(list)))

static const char *attr(xmlNodePtr n, const char *name)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		if (a->name && strcasecmp((const char *)a->name, name) == 0)
			return a->children && a->children->content
				       ? (const char *)a->children->content
				       : "";
	}
	return NULL;
}

static bool names_contain(const char *names, const char *const *words, size_t count)
{
	for (size_t i = 0; names && i < count; i++) {
		if (strcasestr(names, words[i]))
			return true;
	}
	return false;
}

static bool name_boundary(const char *names, const char *at)
{
	return at == names || strchr(" -_", at[-1]);
}

/*
 * A boilerplate word as a whole part of a class or id name ("related",
 * "related-posts", "berita_terkait", "comments"), not inside another word:
 * "pager" is not in "PageBuilder-pageRow".
 */
static bool names_have_word(const char *names, const char *const *words, size_t count)
{
	for (size_t i = 0; names && i < count; i++) {
		size_t n = strlen(words[i]);

		for (const char *at = strcasestr(names, words[i]); at;
		     at = strcasestr(at + 1, words[i])) {
			const char *end = at + n;

			if (*end == 's')
				end++;
			if (name_boundary(names, at) && (!*end || strchr(" -_0123456789", *end)))
				return true;
		}
	}
	return false;
}

static bool is_hidden(xmlNodePtr n)
{
	const char *style = attr(n, "style"), *aria = attr(n, "aria-hidden");
	char folded[256];
	size_t k = 0;

	if (attr(n, "hidden") || (aria && !strcasecmp(aria, "true")))
		return true;
	if (!style)
		return false;
	for (size_t i = 0; style[i] && k + 1 < sizeof(folded); i++) {
		if (!isspace((unsigned char)style[i]))
			folded[k++] = (char)tolower((unsigned char)style[i]);
	}
	folded[k] = '\0';
	return strstr(folded, "display:none") || strstr(folded, "visibility:hidden") ||
	       strstr(folded, "left:-9999") || strstr(folded, "text-indent:-9999") ||
	       strstr(folded, "font-size:0;") || strstr(folded, "opacity:0;");
}

static bool is_boilerplate_container(xmlNodePtr n)
{
	const char *cls = attr(n, "class"), *id = attr(n, "id");

	if (!strcasecmp((const char *)n->name, "body") ||
	    !strcasecmp((const char *)n->name, "html"))
		return false;
	if (!names_have_word(cls, unlikely, sizeof(unlikely) / sizeof(*unlikely)) &&
	    !names_have_word(id, unlikely, sizeof(unlikely) / sizeof(*unlikely)))
		return false;
	return !names_contain(cls, likely, sizeof(likely) / sizeof(*likely)) &&
	       !names_contain(id, likely, sizeof(likely) / sizeof(*likely));
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
			bool block = TAG_IN(c, block_tags);

			if (block && out->len && out->buf[out->len - 1] != ' ')
				wp_strbuf_putc(out, ' ');
			wp_html_node_text(c, out);
			if (block && out->len && out->buf[out->len - 1] != ' ')
				wp_strbuf_putc(out, ' ');
		}
	}
}

static void record_removed(struct wa_article *a, const char *kind, xmlNodePtr n)
{
	struct wp_strbuf t = { 0 };

	wp_html_node_text(n, &t);
	wp_strbuf_rtrim(&t, " ");
	if (t.len)
		(void)wa_article_add_removed(a, kind, t.buf, t.len);
	wp_strbuf_fini(&t);
}

static bool is_comment_section(xmlNodePtr n)
{
	static const char *const words[] = { "comment", "comments", "komentar" };
	const char *cls = attr(n, "class"), *id = attr(n, "id");

	return names_have_word(cls, words, 3) || names_have_word(id, words, 3);
}

/* Step 1. */
static void prune(xmlNodePtr n, struct wa_article *a, cJSON *comments, int depth)
{
	for (xmlNodePtr c = n->children, next; c; c = next) {
		next = c->next;
		if (c->type == XML_COMMENT_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		bool hidden = is_hidden(c);

		/* Some sites wrap the whole page in one <form>: only small forms go. */
		bool small_form = !strcasecmp((const char *)c->name, "form") &&
				  text_length(c, NULL) < FORM_MAX_TEXT;

		if (depth >= MAX_DEPTH || hidden || small_form || TAG_IN(c, dropped_tags) ||
		    is_boilerplate_container(c)) {
			if (hidden)
				record_removed(a, "hidden", c);
			else if (is_comment_section(c))
				wp_html_comments(c, comments);
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		prune(c, a, comments, depth + 1);
	}
}

struct scored {
	xmlNodePtr node;
	double score;
};

struct scores {
	struct scored *v;
	size_t n, cap;
};

static struct scored *score_of(struct scores *s, xmlNodePtr node)
{
	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].node == node)
			return &s->v[i];
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct scored *v = realloc(s->v, cap * sizeof(*v));

		if (!v)
			return NULL;
		s->v = v, s->cap = cap;
	}
	s->v[s->n] = (struct scored){ .node = node };
	return &s->v[s->n++];
}

static size_t text_length(xmlNodePtr n, size_t *ret_link_length)
{
	size_t len = 0;

	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			for (const char *s = (const char *)c->content; *s; s++)
				len += !isspace((unsigned char)*s);
		} else if (c->type == XML_ELEMENT_NODE) {
			size_t links = 0, inner = text_length(c, &links);

			len += inner;
			if (!strcasecmp((const char *)c->name, "a"))
				links = inner;
			if (ret_link_length)
				*ret_link_length += links;
		}
	}
	return len;
}

static size_t count_commas(xmlNodePtr n)
{
	struct wp_strbuf t = { 0 };
	size_t commas = 0;

	wp_html_node_text(n, &t);
	for (size_t i = 0; i < t.len; i++)
		commas += t.buf[i] == ',';
	wp_strbuf_fini(&t);
	return commas;
}

static bool has_block_child(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && TAG_IN(c, block_tags))
			return true;
	}
	return false;
}

/* Step 2: paragraph scores flow to their ancestors. */
static void score_paragraphs(xmlNodePtr n, struct scores *s, int depth)
{
	for (xmlNodePtr c = n->children; c && depth < MAX_DEPTH; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *tag = (const char *)c->name;
		bool paragraph = !strcasecmp(tag, "p") || !strcasecmp(tag, "pre") ||
				 ((!strcasecmp(tag, "div") || !strcasecmp(tag, "td")) &&
				  !has_block_child(c));

		if (paragraph) {
			size_t len = text_length(c, NULL);

			if (len >= MIN_PARAGRAPH && c->parent) {
				double score =
					1 + (double)count_commas(c) + fmin((double)len / 100, 3);
				/* Parent in full, grandparent half, then a third per level more. */
				xmlNodePtr up = c->parent;

				for (int level = 0; up && up->type == XML_ELEMENT_NODE && level < 5;
				     level++, up = up->parent) {
					struct scored *p = score_of(s, up);

					if (p)
						p->score += level == 0   ? score
							    : level == 1 ? score / 2
									 : score / (level * 3);
				}
			}
		}
		score_paragraphs(c, s, depth + 1);
	}
}

static double link_density(xmlNodePtr n, size_t *ret_len)
{
	size_t links = 0, len = text_length(n, &links);

	*ret_len = len;
	return len ? (double)links / (double)len : 0;
}

/* Step 2: the best container, its score discounted by its links. */
static xmlNodePtr best_container(struct scores *s, double *ret_score)
{
	xmlNodePtr best = NULL;
	double best_score = 0;

	for (size_t i = 0; i < s->n; i++) {
		size_t len;
		double score = s->v[i].score * (1 - link_density(s->v[i].node, &len));

		s->v[i].score = score;
		if (score > best_score)
			best = s->v[i].node, best_score = score;
	}
	*ret_score = best_score;
	return best;
}

/*
 * Articles split over sibling blocks (one <section> per few paragraphs)
 * take the siblings that scored well too, and sibling paragraphs of prose
 * (the Readability rule).
 */
static bool belongs_with(struct scores *s, xmlNodePtr sibling, double best_score)
{
	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].node == sibling)
			return s->v[i].score >= fmax(SIBLING_MIN_SCORE, best_score * SIBLING_SHARE);
	}
	if (strcasecmp((const char *)sibling->name, "p") != 0)
		return false;
	size_t len;
	double links = link_density(sibling, &len);

	return len > SIBLING_PARAGRAPH && links < SIBLING_LINKS;
}

static bool is_link_list(xmlNodePtr n)
{
	size_t links = 0, len = text_length(n, &links);

	return len > 0 && (double)links / (double)len > 0.5;
}

static void collect(xmlNodePtr n, struct wa_article *a, struct wp_strbuf *out, int depth);

static void end_paragraph(struct wp_strbuf *out)
{
	wp_strbuf_rtrim(out, " ");
	if (out->len && out->buf[out->len - 1] != '\n')
		wp_strbuf_puts(out, "\n\n");
}

/* Step 3: block elements end paragraphs; inline text runs on. */
static void collect_node(xmlNodePtr c, struct wa_article *a, struct wp_strbuf *out, int depth)
{
	if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
		put_text(out, (const char *)c->content);
		return;
	}
	if (c->type != XML_ELEMENT_NODE || depth >= MAX_DEPTH)
		return;
	const char *tag = (const char *)c->name;

	if (!strcasecmp(tag, "figcaption") || !strcasecmp(tag, "caption")) {
		record_removed(a, "caption", c);
		return;
	}
	bool block = TAG_IN(c, block_tags);

	if (block && (!strcasecmp(tag, "ul") || !strcasecmp(tag, "ol")) && is_link_list(c)) {
		record_removed(a, "related", c);
		return;
	}
	if (block)
		end_paragraph(out);
	collect(c, a, out, depth + 1);
	if (block)
		end_paragraph(out);
}

static void collect(xmlNodePtr n, struct wa_article *a, struct wp_strbuf *out, int depth)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		collect_node(c, a, out, depth);
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
	double score;

	cJSON *comments = cJSON_CreateArray();
	int r = 0;

	if (!root || !comments) {
		cJSON_Delete(comments);
		return root ? -ENOMEM : 0;
	}
	prune(root, a, comments, 0);
	r = wp_set_list_field(a, "comments", comments);
	cJSON_Delete(comments);
	if (r < 0)
		return r;
	struct scores s = { 0 };

	score_paragraphs(root, &s, 0);
	xmlNodePtr best = best_container(&s, &score);

	if (!best || !best->parent) {
		/* No container of prose (a page of short lines): keep the whole body. */
		collect(best ? best : root, a, out, 0);
	} else {
		for (xmlNodePtr c = best->parent->children; c; c = c->next) {
			if (c == best ||
			    (c->type == XML_ELEMENT_NODE && belongs_with(&s, c, score))) {
				collect_node(c, a, out, 0);
			}
		}
	}
	free(s.v);
	wp_strbuf_rtrim(out, " \n");
	return out->error;
}
