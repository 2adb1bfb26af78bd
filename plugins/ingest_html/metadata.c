/* SPDX-License-Identifier: MIT */
/*
 * The page's metadata, most trusted first: JSON-LD NewsArticle/Article
 * (headline, datePublished, dateModified, author, publisher), then
 * OpenGraph and article:* meta tags, the outlets' own (content_author,
 * jpnncom_news_pubdate), then <title>, <link rel=canonical>, <html lang>.
 * A value already found is never replaced by a less trusted one.
 */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/datetime.h"
#include "html.h"

/*
 * JSON-LD strings often carry HTML entities ("&quot;", "&#8211;") that no
 * parser decoded: libxml2 reads the page, then the text, and decodes them.
 */
static char *decode_entities(const char *s)
{
	htmlDocPtr doc = htmlReadMemory(s, (int)strlen(s), NULL, "UTF-8",
					HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
						HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	struct wp_strbuf t = { 0 };

	if (doc) {
		xmlNodePtr root = xmlDocGetRootElement(doc);

		if (root)
			wp_html_node_text(root, &t);
		xmlFreeDoc(doc);
	}
	wp_strbuf_rtrim(&t, " ");
	return t.buf;
}

static void set_once(char **field, const char *value)
{
	if (*field || !value)
		return;
	while (*value == ' ' || *value == '\n' || *value == '\t')
		value++;
	if (!*value)
		return;
	*field = strchr(value, '&') ? decode_entities(value) : strdup(value);
}

static void add_author(struct page_meta *m, const char *name)
{
	if (!name || !*name || m->n_authors == sizeof(m->authors) / sizeof(*m->authors))
		return;
	for (size_t i = 0; i < m->n_authors; i++) {
		if (strcmp(m->authors[i], name) == 0)
			return;
	}
	char *copy = strdup(name);

	if (copy)
		m->authors[m->n_authors++] = copy;
}

/* A meta tag naming the editor (Kompas's content_editor): an "Editor: X" byline, as meta reads one.
 */
static void add_editor_line(struct page_meta *m, const char *name)
{
	char *line;

	if (!name || !*name || m->n_bylines == sizeof(m->bylines) / sizeof(*m->bylines) ||
	    asprintf(&line, "Editor: %s", name) < 0)
		return;
	m->bylines[m->n_bylines++] = line;
}

static bool is_article_type(const cJSON *type)
{
	static const char *const types[] = { "NewsArticle",          "Article",
					     "ReportageNewsArticle", "AnalysisNewsArticle",
					     "BlogPosting",          "WebPage" };
	const cJSON *t;

	if (cJSON_IsArray(type)) {
		cJSON_ArrayForEach(t, type)
		{
			if (is_article_type(t))
				return true;
		}
		return false;
	}
	for (size_t i = 0; cJSON_IsString(type) && i < sizeof(types) / sizeof(*types); i++) {
		if (strcmp(type->valuestring, types[i]) == 0)
			return true;
	}
	return false;
}

static const char *name_of(const cJSON *item)
{
	if (cJSON_IsString(item))
		return item->valuestring;
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "name"));
}

static void read_ld_article(const cJSON *o, struct page_meta *m)
{
	const cJSON *author = cJSON_GetObjectItemCaseSensitive(o, "author"), *a;

	/* A WebPage is the weakest: only its name and dates, and only if nothing better. */
	set_once(&m->title, cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "headline")));
	set_once(&m->description,
		 cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "description")));
	set_once(&m->published,
		 cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "datePublished")));
	set_once(&m->modified,
		 cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "dateModified")));
	set_once(&m->site, name_of(cJSON_GetObjectItemCaseSensitive(o, "publisher")));
	if (cJSON_IsArray(author)) {
		cJSON_ArrayForEach(a, author) add_author(m, name_of(a));
	} else {
		add_author(m, name_of(author));
	}
}

/* Finds article objects anywhere: a list, an @graph, or the object itself. */
static void read_ld(const cJSON *o, struct page_meta *m, int depth)
{
	const cJSON *item;

	if (depth > 4)
		return;
	if (cJSON_IsArray(o)) {
		cJSON_ArrayForEach(item, o) read_ld(item, m, depth + 1);
		return;
	}
	if (!cJSON_IsObject(o))
		return;
	if (is_article_type(cJSON_GetObjectItemCaseSensitive(o, "@type")))
		read_ld_article(o, m);
	read_ld(cJSON_GetObjectItemCaseSensitive(o, "@graph"), m, depth + 1);
}

static const char *attr(xmlNodePtr n, const char *name)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		if (a->name && strcasecmp((const char *)a->name, name) == 0 && a->children &&
		    a->children->content)
			return (const char *)a->children->content;
	}
	return NULL;
}

static void read_meta_tag(xmlNodePtr n, struct page_meta *m)
{
	const char *key = attr(n, "property");
	const char *content = attr(n, "content");

	if (!key)
		key = attr(n, "name");
	if (!key)
		key = attr(n, "itemprop");
	if (!key || !content)
		return;
	if (!strcasecmp(key, "og:title") || !strcasecmp(key, "twitter:title"))
		set_once(&m->title, content);
	else if (!strcasecmp(key, "og:description") || !strcasecmp(key, "description"))
		set_once(&m->description, content);
	else if (!strcasecmp(key, "article:published_time") || !strcasecmp(key, "datePublished") ||
		 !strcasecmp(key, "pubdate") || !strcasecmp(key, "jpnncom_news_pubdate") ||
		 !strcasecmp(key, "content_PublishedDate"))
		set_once(&m->published, content);
	else if (!strcasecmp(key, "article:modified_time") || !strcasecmp(key, "dateModified"))
		set_once(&m->modified, content);
	else if (!strcasecmp(key, "og:url"))
		set_once(&m->url, content);
	else if (!strcasecmp(key, "og:site_name"))
		set_once(&m->site, content);
	else if (!strcasecmp(key, "author") || !strcasecmp(key, "article:author") ||
		 !strcasecmp(key, "content_author") || !strcasecmp(key, "jpnncom_news_author"))
		add_author(m, strncmp(content, "http", 4) == 0 ? NULL : content);
	else if (!strcasecmp(key, "content_editor"))
		add_editor_line(m, content);
}

/* The metadata of one source (JSON-LD, meta tags, the rest), merged afterwards. */
struct sources {
	struct page_meta ld, tags;
	char *title_tag, *h1;
};

#define BYLINE_MAX 100 /* bytes: more is an author box with a biography */

/* An element's class and id, "class id " lowercased, read once for every test of them. */
struct class_names {
	char text[256];
};

static void class_names_of(xmlNodePtr n, struct class_names *c)
{
	static const char *const keys[] = { "class", "id" };
	size_t k = 0;

	/* Each followed by a space; cut short if need be. */
	for (size_t i = 0; i < 2; i++) {
		for (const char *v = attr(n, keys[i]); v && *v && k + 2 < sizeof(c->text); v++)
			c->text[k++] = (char)tolower((unsigned char)*v);
		if (k + 1 < sizeof(c->text))
			c->text[k++] = ' ';
	}
	c->text[k] = '\0';
}

/*
 * The first of words that is a whole part of the element's class or id
 * ("detail__author", "main-content-author", "author-2", "date-header"),
 * not followed by one of not_words ("author-box"); -1 if none.
 */
static int class_word(const struct class_names *c, const char *const *words, size_t n_words,
		      const char *const *not_words, size_t n_not_words)
{
	const char *names = c->text;

	for (size_t i = 0; i < n_words; i++) {
		size_t len = strlen(words[i]);

		for (const char *at = strstr(names, words[i]); at; at = strstr(at + 1, words[i])) {
			const char *end = at + len + (at[len] == 's');
			bool whole = (at == names || strchr(" -_", at[-1])) && *end &&
				     strchr(" -_0123456789", *end);

			/* "author-box": the word goes on to say it is something else. */
			for (size_t j = 0; whole && (*end == '-' || *end == '_') && j < n_not_words;
			     j++)
				whole = strncmp(end + 1, not_words[j], strlen(not_words[j])) != 0;
			if (whole)
				return (int)i;
		}
	}
	return -1;
}

enum byline { BYLINE_NONE, BYLINE_AUTHOR, BYLINE_EDITOR };

/*
 * The element a page marks as its author: itemprop or rel "author", or a
 * class or id whose part is author, penulis, reporter, byline, writer or
 * nama-redaksi (Sindonews),
 * not the author's box, biography or picture; or as its editor (editor,
 * penyunting, redaktur: "<div id=editor>Editor: Nama").
 */
static enum byline byline_element(xmlNodePtr n, const struct class_names *c)
{
	static const char *const words[] = { "author", "penulis",    "reporter",
					     "byline", "writer",     "nama-redaksi",
					     "editor", "penyunting", "redaktur" };
	static const int first_editor_word = 6;
	static const char *const not_name[] = { "box",   "bio",  "avatar", "image",  "img",
						"photo", "desc", "social", "follow", "wrap" };
	const char *prop = attr(n, "itemprop"), *rel = attr(n, "rel");

	if ((prop && !strcasecmp(prop, "author")) || (rel && !strcasecmp(rel, "author")))
		return BYLINE_AUTHOR;
	int w = class_word(c, words, sizeof(words) / sizeof(*words), not_name,
			   sizeof(not_name) / sizeof(*not_name));

	return w < 0 ? BYLINE_NONE : w < first_editor_word ? BYLINE_AUTHOR : BYLINE_EDITOR;
}

/*
 * The element a page prints its date in ("date-header" of Blogger,
 * "detail__date", "post-date", "read__time"): the dates stage reads its
 * text for `published` when the metadata gives none. A comment's date is
 * the comment's.
 */
static bool date_element(const struct class_names *c)
{
	/* words[0] first: an element of a comment is never the page's. */
	static const char *const words[] = { "comment", "date", "tanggal", "time", "timestamp" };
	static const char *const not_date[] = { "picker", "range", "select", "input" };
	int w = class_word(c, words, sizeof(words) / sizeof(*words), not_date,
			   sizeof(not_date) / sizeof(*not_date));

	return w > 0;
}

#define DATE_LINE_MAX 80 /* bytes: a date, maybe with its weekday, time and place */

/* True if the element's text is short, has a digit, and was kept as a date line. */
static bool read_date_line(xmlNodePtr n, struct page_meta *m)
{
	struct wp_strbuf t = { 0 };

	wp_html_node_text(n, &t);
	wp_strbuf_rtrim(&t, " ");
	if (t.len >= 6 && t.len <= DATE_LINE_MAX && !t.error && strpbrk(t.buf, "0123456789")) {
		m->date_lines[m->n_date_lines++] = t.buf;
		return true;
	}
	wp_strbuf_fini(&t);
	return false;
}

/* "Editor: Nama", "Penyunting Nama": what an editor's element must open with. */
static bool has_editor_label(const char *s)
{
	static const char *const labels[] = { "editor", "penyunting", "redaktur" };

	s += strspn(s, " ");
	for (size_t i = 0; i < sizeof(labels) / sizeof(*labels); i++) {
		size_t len = strlen(labels[i]);

		if (!strncasecmp(s, labels[i], len) && (s[len] == ':' || s[len] == ' '))
			return true;
	}
	return false;
}

/*
 * True if the element's text was short enough to be a byline and was kept.
 * An editor's element counts only with its label (meta reads it so): a
 * "pilihan-editor" box of headlines is not a name.
 */
static bool read_byline(xmlNodePtr n, enum byline kind, struct page_meta *m)
{
	struct wp_strbuf t = { 0 };

	wp_html_node_text(n, &t);
	if (kind == BYLINE_EDITOR && !(t.buf && has_editor_label(t.buf))) {
		wp_strbuf_fini(&t);
		return false;
	}
	wp_strbuf_rtrim(&t, " ");
	if (t.len >= 2 && t.len <= BYLINE_MAX && !t.error) {
		m->bylines[m->n_bylines++] = t.buf;
		return true;
	}
	wp_strbuf_fini(&t);
	return false;
}

static void read_script(xmlNodePtr n, struct sources *src)
{
	const char *type = attr(n, "type");
	struct wp_strbuf json = { 0 };

	if (!type || strcasecmp(type, "application/ld+json") != 0)
		return;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->content)
			wp_strbuf_puts(&json, (const char *)c->content);
	}
	cJSON *o = json.buf ? cJSON_Parse(json.buf) : NULL;

	read_ld(o, &src->ld, 0);
	cJSON_Delete(o);
	wp_strbuf_fini(&json);
}

static void walk(xmlNodePtr n, struct sources *src, int depth)
{
	for (; n && depth < 256; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *tag = (const char *)n->name;
		struct class_names names;
		enum byline kind;

		if (!strcasecmp(tag, "script")) {
			read_script(n, src);
			continue;
		}
		class_names_of(n, &names);
		if (!strcasecmp(tag, "meta")) {
			read_meta_tag(n, &src->tags);
		} else if (!strcasecmp(tag, "title") && !src->title_tag) {
			struct wp_strbuf t = { 0 };

			wp_html_node_text(n, &t);
			src->title_tag = t.buf;
		} else if (src->tags.n_bylines <
				   sizeof(src->tags.bylines) / sizeof(*src->tags.bylines) &&
			   strcasecmp(tag, "meta") && strcasecmp(tag, "link") &&
			   (kind = byline_element(n, &names)) != BYLINE_NONE &&
			   read_byline(n, kind, &src->tags)) {
			continue;
		} else if (src->tags.n_date_lines <
				   sizeof(src->tags.date_lines) / sizeof(*src->tags.date_lines) &&
			   strcasecmp(tag, "meta") && date_element(&names) &&
			   read_date_line(n, &src->tags)) {
			continue;
		} else if (!strcasecmp(tag, "h1") && !src->h1) {
			struct wp_strbuf t = { 0 };

			wp_html_node_text(n, &t);
			wp_strbuf_rtrim(&t, " ");
			src->h1 = t.buf;
		} else if (!strcasecmp(tag, "link")) {
			const char *rel = attr(n, "rel");

			if (rel && !strcasecmp(rel, "canonical"))
				set_once(&src->tags.url, attr(n, "href"));
		} else if (!strcasecmp(tag, "html")) {
			set_once(&src->tags.lang, attr(n, "lang"));
		}
		walk(n->children, src, depth + 1);
	}
}

/* "chuck-ross", a CMS's author slug, is "Chuck Ross". */
static void unslug(char *name)
{
	bool slug = strchr(name, '-') && !strchr(name, ' ');

	for (const char *c = name; slug && *c; c++)
		slug = islower((unsigned char)*c) || *c == '-';
	for (char *c = name; slug && *c; c++) {
		if (*c == '-')
			*c = ' ';
		else if (c == name || c[-1] == ' ')
			*c = (char)toupper((unsigned char)*c);
	}
}

/* Authors as CMS slugs read as names. */
static void unslug_authors(struct page_meta *m)
{
	for (size_t i = 0; i < m->n_authors; i++)
		unslug(m->authors[i]);
}

/* Moves *from into *to unless *to is set. */
static void take(char **to, char **from)
{
	if (!*to) {
		*to = *from;
		*from = NULL;
	}
}

void page_meta_read(htmlDocPtr doc, struct page_meta *m)
{
	struct sources src = { 0 };

	walk(xmlDocGetRootElement(doc), &src, 0);
	*m = src.ld;
	src.ld = (struct page_meta){ 0 };
	take(&m->title, &src.tags.title);
	take(&m->title, &src.title_tag);
	take(&m->description, &src.tags.description);
	take(&m->published, &src.tags.published);
	take(&m->modified, &src.tags.modified);
	take(&m->url, &src.tags.url);
	take(&m->site, &src.tags.site);
	take(&m->lang, &src.tags.lang);
	if (!m->n_authors) {
		for (size_t i = 0; i < src.tags.n_authors; i++)
			add_author(m, src.tags.authors[i]);
	}
	for (size_t i = 0; i < src.tags.n_bylines; i++)
		m->bylines[m->n_bylines++] = src.tags.bylines[i];
	src.tags.n_bylines = 0;
	for (size_t i = 0; i < src.tags.n_date_lines; i++)
		m->date_lines[m->n_date_lines++] = src.tags.date_lines[i];
	src.tags.n_date_lines = 0;
	wp_iso_datetime(m->published);
	wp_iso_datetime(m->modified);
	page_title_trim(m, src.h1);
	unslug_authors(m);
	page_meta_fini(&src.tags);
	free(src.title_tag);
	free(src.h1);
}

void page_meta_fini(struct page_meta *m)
{
	free(m->title);
	free(m->description);
	free(m->published);
	free(m->modified);
	free(m->url);
	free(m->site);
	free(m->lang);
	for (size_t i = 0; i < m->n_bylines; i++)
		free(m->bylines[i]);
	for (size_t i = 0; i < m->n_date_lines; i++)
		free(m->date_lines[i]);
	for (size_t i = 0; i < m->n_authors; i++)
		free(m->authors[i]);
	*m = (struct page_meta){ 0 };
}
