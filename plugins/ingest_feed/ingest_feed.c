/* SPDX-License-Identifier: MIT */
/*
 * ingest_feed: RSS 2.0, RSS 1.0 (RDF) and Atom files, one article per item.
 *
 * Each item becomes a child article whose bytes (and so whose id) are the
 * item's own XML: the same item in tomorrow's copy of the feed is the same
 * article, recorded once. Its text is content:encoded or Atom content when
 * present, read as HTML by the same extractor as web pages, else the
 * description or summary; its date pubDate (RFC 822, made ISO 8601),
 * dc:date, published or updated; its outlet the channel's title.
 *
 * The XML parser recovers from broken markup and never loads external
 * entities or DTDs (no network, no XXE); an item without title or text is
 * skipped with a warning and the others still come out.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <warta/plugin.h>

#include "../common/html_text.h"
#include "../common/rfc822.h"
#include "../common/strbuf.h"

#define SNIFF_BYTES 2048

struct ingest_feed {
	const struct wa_plugin_ctx *ctx;
};

static bool has_extension(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && strcasecmp(name + n - e, ext) == 0;
}

/* The first element after the XML declaration, comments and processing instructions. */
static bool looks_like_feed(const char *s, size_t n)
{
	static const char *const roots[] = { "<rss", "<feed", "<rdf:RDF" };
	size_t end = n < SNIFF_BYTES ? n : SNIFF_BYTES;

	for (size_t i = 0; i < end; i++) {
		if (s[i] != '<')
			continue;
		if (i + 1 < end && (s[i + 1] == '?' || s[i + 1] == '!'))
			continue;
		for (size_t k = 0; k < sizeof(roots) / sizeof(*roots); k++) {
			size_t len = strlen(roots[k]);

			if (i + len < end && strncmp(s + i, roots[k], len) == 0 &&
			    (s[i + len] == ' ' || s[i + len] == '>' || s[i + len] == '\n'))
				return true;
		}
		return false;
	}
	return false;
}

static bool named(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* The first child element with this local name (any namespace), optionally with a prefix. */
static xmlNodePtr child(xmlNodePtr n, const char *name, const char *prefix)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
		if (!named(c, name))
			continue;
		if (!prefix ||
		    (c->ns && c->ns->prefix && !strcmp((const char *)c->ns->prefix, prefix)))
			return c;
	}
	return NULL;
}

static char *text_of(xmlNodePtr n)
{
	struct wp_strbuf t = { 0 };

	if (!n)
		return NULL;
	wp_html_node_text(n, &t);
	wp_strbuf_rtrim(&t, " ");
	if (!t.len) {
		wp_strbuf_fini(&t);
		return NULL;
	}
	return t.buf;
}

static char *raw_content(xmlNodePtr n)
{
	xmlChar *content = n ? xmlNodeGetContent(n) : NULL;
	char *copy = content ? strdup((const char *)content) : NULL;

	xmlFree(content);
	return copy;
}

static const char *atom_link(xmlNodePtr item)
{
	for (xmlNodePtr c = item->children; c; c = c->next) {
		if (!named(c, "link"))
			continue;
		xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
		bool alternate = !rel || !strcmp((const char *)rel, "alternate");

		xmlFree(rel);
		if (alternate) {
			xmlAttrPtr href = xmlHasProp(c, (const xmlChar *)"href");

			if (href && href->children && href->children->content)
				return (const char *)href->children->content;
		}
	}
	return NULL;
}

static int set_date(struct wa_article *a, const char *field, const char *value)
{
	char iso[64];

	if (!value)
		return 0;
	/* RSS says RFC 822; Atom and dc:date say ISO 8601, kept as they are. */
	if (wp_rfc822_to_iso(value, iso, sizeof(iso)))
		return wa_article_set_string(a, field, iso);
	return wa_article_set_string(a, field, value);
}

static int fill(struct wa_article *a, xmlNodePtr item, const char *outlet)
{
	char *title = text_of(child(item, "title", NULL));
	char *link = text_of(child(item, "link", NULL));
	char *date = text_of(child(item, "pubDate", NULL));
	char *updated = text_of(child(item, "updated", NULL));
	char *author = text_of(child(item, "creator", "dc"));
	char *body = raw_content(child(item, "encoded", "content"));
	int r = wa_article_set_string(a, "source.format", "feed");

	if (!date)
		date = text_of(child(item, "date", "dc"));
	if (!date)
		date = text_of(child(item, "published", NULL));
	if (!date && updated)
		date = strdup(updated);
	if (!author)
		author = text_of(child(child(item, "author", NULL), "name", NULL));
	if (!author)
		author = text_of(child(item, "author", NULL));
	if (!body)
		body = raw_content(child(item, "content", NULL));
	if (!body)
		body = raw_content(child(item, "description", NULL));
	if (!body)
		body = raw_content(child(item, "summary", NULL));
	if (r == 0 && title)
		r = wa_article_set_title(a, title);
	if (r == 0 && (link || atom_link(item)))
		r = wa_article_set_string(a, "source.url", link ? link : atom_link(item));
	if (r == 0)
		r = set_date(a, "published", date);
	if (r == 0 && updated && date && strcmp(updated, date) != 0)
		r = set_date(a, "updated", updated);
	if (r == 0 && outlet)
		r = wa_article_set_string(a, "outlet", outlet);
	if (r == 0 && author) {
		cJSON *list = cJSON_CreateArray();
		char *json = NULL;

		if (list && cJSON_AddItemToArray(list, cJSON_CreateString(author)))
			json = cJSON_PrintUnformatted(list);
		r = json ? wa_article_set_json(a, "authors", json) : -ENOMEM;
		free(json);
		cJSON_Delete(list);
	}
	if (r == 0 && body)
		r = wp_html_set_body(a, body);
	if (r == 0 && !wa_article_text(a) && title)
		r = wa_article_set_text(a, "", 0); /* a headline-only item is still news */
	free(title);
	free(link);
	free(date);
	free(updated);
	free(author);
	free(body);
	return r;
}

/* The item's own XML: its bytes, and so its id. */
static int spawn_item(struct wa_article *parent, xmlDocPtr doc, xmlNodePtr item,
		      struct wa_article **ret_child)
{
	xmlBufferPtr buf = xmlBufferCreate();
	int r = -ENOMEM;

	if (buf && xmlNodeDump(buf, doc, item, 0, 0) >= 0)
		r = wa_article_spawn(parent, xmlBufferContent(buf), (size_t)xmlBufferLength(buf),
				     ret_child);
	xmlBufferFree(buf);
	return r;
}

static bool is_item(xmlNodePtr n)
{
	return named(n, "item") || named(n, "entry");
}

static int ingest_feed_process(void *state, struct wa_article *a)
{
	struct ingest_feed *f = state;
	size_t n, items = 0, skipped = 0;
	const char *raw = wa_article_raw(a, &n), *name = wa_article_source_file(a);
	int r = 0;

	if (!looks_like_feed(raw, n) && !has_extension(name, ".rss") &&
	    !has_extension(name, ".atom"))
		return WA_PLUGIN_DECLINED;
	if (n > INT32_MAX)
		return wa_article_reject(a, "refused: a feed over 2 GiB");
	xmlDocPtr doc = xmlReadMemory(raw, (int)n, NULL, NULL,
				      XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
					      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;

	if (!root) {
		xmlFreeDoc(doc);
		return wa_article_reject(a, "refused: not a readable RSS or Atom feed");
	}
	/* RSS 2.0 keeps items in <channel>; Atom and RSS 1.0 under the root. */
	xmlNodePtr channel = child(root, "channel", NULL);
	char *outlet = text_of(child(channel ? channel : root, "title", NULL));

	for (xmlNodePtr list = root; list && r == 0; list = list == root ? channel : NULL) {
		for (xmlNodePtr it = list->children; it && r == 0; it = it->next) {
			struct wa_article *item;

			if (!is_item(it))
				continue;
			if (!child(it, "title", NULL) && !child(it, "description", NULL) &&
			    !child(it, "encoded", "content") && !child(it, "content", NULL) &&
			    !child(it, "summary", NULL)) {
				skipped++;
				continue;
			}
			r = spawn_item(a, doc, it, &item);
			if (r == 0)
				r = fill(item, it, outlet);
			items += r == 0;
		}
	}
	free(outlet);
	xmlFreeDoc(doc);
	if (r < 0)
		return r;
	if (skipped)
		wa_plugin_log(f->ctx, WA_LOG_WARNING,
			      "'%s': %zu feed item(s) without title or text, skipped", name,
			      skipped);
	if (!items)
		return wa_article_reject(a, "refused: a feed without any readable item");
	return WA_PLUGIN_OK;
}

static int ingest_feed_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	struct ingest_feed *f = calloc(1, sizeof(*f));

	if (!f)
		return -ENOMEM;
	wp_libxml_init();
	f->ctx = ctx;
	*ret_state = f;
	return 0;
}

static void ingest_feed_fini(void *state)
{
	free(state);
}

WA_PLUGIN_DEFINE(ingest_feed) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "ingest_feed",
	.summary = "RSS and Atom feeds: one article per item, HTML content read as pages are",
	.kind = WA_PLUGIN_INGEST,
	.init = ingest_feed_init,
	.process = ingest_feed_process,
	.fini = ingest_feed_fini,
};
