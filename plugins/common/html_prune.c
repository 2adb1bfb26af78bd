/* SPDX-License-Identifier: MIT */
/*
 * Step 1 of reading a page: what is never the article goes, and what the
 * page's own class names say about the rest is noted.
 *
 * Removed outright: scripts, styles, forms, navigation, asides, footers,
 * and hidden elements (display:none, visibility:hidden, the hidden
 * attribute: where gambling blocks hide, so their text goes to removed[]
 * as "hidden"). Comment sections go to comments[].
 *
 * Noted, not removed: furniture, containers whose class or id says share,
 * related, sidebar and the like, in English and in the Indonesian outlets'
 * own names (baca-juga, inject-baca-juga, kompasidRec, sisip_,
 * recommended-article, berita-terkait), unless the same names also say
 * content; and the containers a page names its article body
 * (itemprop="articleBody", "entry-content", "article-body", ...).
 * Themes put furniture words on layout wrappers too ("penci_sidebar" on
 * the one that holds the post), so furniture is left out only in strict
 * mode, which a nearly empty result makes the extractor give up.
 */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <warta/article.h>

#include "html_page.h"
#include "html_text.h"

#define FORM_MAX_TEXT 500 /* a form with more text is a page wrapped in a form */

static const char *const dropped_tags[] = {
	"script", "style",  "noscript", "nav",   "aside",    "footer",   "iframe",
	"svg",    "button", "select",   "input", "textarea", "template", "object",
	"embed",  "canvas", "header",   "menu",  "dialog",
};

/* Class and id words of page furniture. */
static const char *const furniture_words[] = {
	"comment",      "share",       "social",      "related",   "sidebar",     "footer",
	"banner",       "breadcrumb",  "newsletter",  "subscribe", "popup",       "modal",
	"cookie",       "advert",      "ads",         "iklan",     "sponsor",     "promo",
	"pagination",   "pager",       "menu",        "navbar",    "baca-juga",   "bacajuga",
	"baca_juga",    "inject-baca", "kompasidrec", "sisip",     "recommended", "rekomendasi",
	"widget-other", "lihat-juga",  "terkait",     "populer",   "terpopuler",  "tag-list",
	"tags",         "author-box",  "disqus",      "outbrain",  "taboola",     "komentar",
};

/* ...unless the names also say this is where the article is (matched anywhere in them). */
static const char *const content_words[] = {
	"article", "content", "body",  "detail", "main",
	"post",    "entry",   "story", "read__", "txt-article"
};

/*
 * Names pages give the container of the article's body, surest first:
 * the common CMS themes, news sites' own, and the Indonesian outlets'.
 */
static const char *const body_names[][12] = {
	{ "articlebody", "article-body", "article__body", "article_body", "story-body", "storybody",
	  "article-content", "article__content", "articlecontent", NULL },
	{ "entry-content", "post-content", "post-body", "postbody", "post_content", "entry_content",
	  "body-text", "article-text", "article__text", "story-content", "storycontent", NULL },
	{ "detail__body-text", "read__content", "txt-article", "detail-text", "itp_bodycontent",
	  "single-content", "content-body", "td-post-content", "post-entry", "text-content",
	  "main-content-body", NULL },
};

/* libxml2's HTML parser lowercases element and attribute names: plain strcmp will do. */
const char *wp_html_attr(xmlNodePtr n, const char *name)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		if (a->name && strcmp((const char *)a->name, name) == 0)
			return a->children && a->children->content
				       ? (const char *)a->children->content
				       : "";
	}
	return NULL;
}

bool wp_html_tag_in(xmlNodePtr n, const char *const *tags, size_t n_tags)
{
	for (size_t i = 0; i < n_tags; i++) {
		if (strcmp((const char *)n->name, tags[i]) == 0)
			return true;
	}
	return false;
}

/*
 * An element's class and id, lowercased once (and cut at a sane length)
 * for the word lists below: pages put dozens of names on an element and
 * the lists hold dozens of words, so every test works on this copy.
 */
struct names {
	char text[384]; /* "class id" */
};

static void fold_names(xmlNodePtr n, struct names *ret)
{
	const char *cls = wp_html_attr(n, "class"), *id = wp_html_attr(n, "id");
	size_t k = 0;

	for (const char *s = cls; s && *s && k + 2 < sizeof(ret->text); s++)
		ret->text[k++] = (char)tolower((unsigned char)*s);
	if (id && k)
		ret->text[k++] = ' ';
	for (const char *s = id; s && *s && k + 1 < sizeof(ret->text); s++)
		ret->text[k++] = (char)tolower((unsigned char)*s);
	ret->text[k] = '\0';
}

static bool names_contain(const struct names *names, const char *const *words, size_t n_words)
{
	for (size_t i = 0; i < n_words; i++) {
		if (strstr(names->text, words[i]))
			return true;
	}
	return false;
}

/*
 * A word as a whole part of a name, plural allowed: "related" is in
 * "related-posts" and "berita_terkait", "pager" is not in "pagebuilder".
 * Words are lowercase.
 */
static bool names_have_word(const struct names *names, const char *const *words, size_t n_words)
{
	const char *text = names->text;

	for (const char *at = text; *at; at++) {
		if (at != text && !strchr(" -_", at[-1]))
			continue;
		for (size_t i = 0; i < n_words && words[i]; i++) {
			size_t n = strlen(words[i]);

			if (words[i][0] != *at || strncmp(at, words[i], n) != 0)
				continue;
			const char *end = at + n + (at[n] == 's');

			if (!*end || strchr(" -_0123456789", *end))
				return true;
		}
	}
	return false;
}

#define COUNT(list) (sizeof(list) / sizeof(*(list)))

static bool is_hidden(xmlNodePtr n)
{
	const char *style = wp_html_attr(n, "style"), *aria = wp_html_attr(n, "aria-hidden");
	char folded[256];
	size_t k = 0;

	if (wp_html_attr(n, "hidden") || (aria && !strcasecmp(aria, "true")))
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

static bool is_furniture(xmlNodePtr n, const struct names *names)
{
	if (!strcmp((const char *)n->name, "body") || !strcmp((const char *)n->name, "html"))
		return false;
	return names_have_word(names, furniture_words, COUNT(furniture_words)) &&
	       !names_contain(names, content_words, COUNT(content_words));
}

static bool is_comment_section(const struct names *names)
{
	static const char *const words[] = { "comment", "comments", "komentar" };

	return names_have_word(names, words, COUNT(words));
}

/* 1 to 3 for the names of body_names (surest first), 0 for none. */
static int body_rank(xmlNodePtr n, const struct names *names)
{
	const char *prop = wp_html_attr(n, "itemprop");

	if (prop && !strcasecmp(prop, "articleBody"))
		return 1;
	for (size_t r = 0; r < COUNT(body_names); r++) {
		if (names_have_word(names, body_names[r], COUNT(body_names[r])))
			return (int)r + 1;
	}
	return 0;
}

static size_t plain_text_length(xmlNodePtr n)
{
	size_t len = 0;

	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			for (const char *s = (const char *)c->content; *s; s++)
				len += !isspace((unsigned char)*s);
		} else if (c->type == XML_ELEMENT_NODE) {
			len += plain_text_length(c);
		}
	}
	return len;
}

static struct wp_node_info *add_info(struct wp_page *p, xmlNodePtr n)
{
	if (p->n_info == p->cap_info) {
		size_t cap = p->cap_info ? p->cap_info * 2 : 256;
		struct wp_node_info *v = realloc(p->info, cap * sizeof(*v));

		if (!v) {
			p->oom = true;
			return NULL;
		}
		p->info = v, p->cap_info = cap;
	}
	p->info[p->n_info] = (struct wp_node_info){ .node = n };
	n->_private = (void *)(uintptr_t)++p->n_info;
	return &p->info[p->n_info - 1];
}

static void prune(struct wp_page *p, xmlNodePtr n, cJSON *comments, int depth)
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
		struct names names;

		fold_names(c, &names);
		bool hidden = is_hidden(c), furniture = !hidden && is_furniture(c, &names);

		/* Some sites wrap the whole page in one <form>: only small forms go. */
		bool small_form = !strcmp((const char *)c->name, "form") &&
				  plain_text_length(c) < FORM_MAX_TEXT;

		if (depth >= WP_PAGE_MAX_DEPTH || hidden || small_form ||
		    WP_HTML_TAG_IN(c, dropped_tags) || (furniture && is_comment_section(&names))) {
			if (hidden)
				wp_html_record_removed(p->article, "hidden", c);
			else if (furniture)
				wp_html_comments(c, comments);
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		struct wp_node_info *info = add_info(p, c);

		if (!info)
			return;
		info->furniture = furniture;
		info->body_rank = body_rank(c, &names);
		prune(p, c, comments, depth + 1);
	}
}

int wp_page_prune(struct wp_page *p, xmlNodePtr root, cJSON *comments)
{
	struct wp_node_info *info = add_info(p, root);

	if (info)
		prune(p, root, comments, 0);
	return p->oom ? -ENOMEM : 0;
}
