/* SPDX-License-Identifier: MIT */
/*
 * The anchor texts of a page's links to other sites, as one removed[]
 * entry of kind "links", a line per link, for the spam stage: hacked
 * pages carry gambling links ("SLOT GACOR HARI INI") in footers and
 * sidebars, outside the article, where no text stage would see them.
 * Read before the extractor prunes the page, so footers count too.
 */
#include <string.h>
#include <strings.h>
#include <warta/article.h>

#include "html.h"

#define MAX_LINKS       100 /* anchors recorded per page */
#define MAX_ANCHOR      200 /* bytes of one anchor text */
#define MAX_LINKS_DEPTH 256

struct links {
	const char *host; /* the page's own host, without "www."; NULL when unknown */
	size_t host_len, n;
	struct wp_strbuf out;
};

/* The host of an absolute http(s) URL, without "www."; NULL for any other. */
static const char *host_of(const char *url, size_t *ret_len)
{
	const char *host;

	if (!strncasecmp(url, "https://", 8))
		host = url + 8;
	else if (!strncasecmp(url, "http://", 7))
		host = url + 7;
	else
		return NULL;
	if (!strncasecmp(host, "www.", 4))
		host += 4;
	*ret_len = strcspn(host, ":/?#");
	return *ret_len ? host : NULL;
}

static bool is_external(const struct links *l, const char *href)
{
	size_t len;
	const char *host = host_of(href, &len);

	if (!host)
		return false;
	if (!l->host)
		return true;
	/* The site's own subdomains are the site: news.example.com on example.com. */
	return !(len >= l->host_len &&
		 !strncasecmp(host + len - l->host_len, l->host, l->host_len) &&
		 (len == l->host_len || host[len - l->host_len - 1] == '.'));
}

static void add_anchor(struct links *l, xmlNodePtr a)
{
	struct wp_strbuf t = { 0 };

	wp_html_node_text(a, &t);
	wp_strbuf_rtrim(&t, " ");
	if (t.len && t.len <= MAX_ANCHOR && !t.error) {
		if (l->out.len)
			wp_strbuf_putc(&l->out, '\n');
		wp_strbuf_put(&l->out, t.buf, t.len);
		l->n++;
	}
	wp_strbuf_fini(&t);
}

static void walk(struct links *l, xmlNodePtr n, int depth)
{
	for (; n && depth < MAX_LINKS_DEPTH && l->n < MAX_LINKS; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)n->name, "a")) {
			for (xmlAttrPtr at = n->properties; at; at = at->next) {
				if (!strcmp((const char *)at->name, "href") && at->children &&
				    at->children->content &&
				    is_external(l, (const char *)at->children->content))
					add_anchor(l, n);
			}
			continue;
		}
		walk(l, n->children, depth + 1);
	}
}

int page_external_links(htmlDocPtr doc, const char *page_url, struct wa_article *a)
{
	struct links l = { 0 };
	int r = 0;

	l.host = page_url ? host_of(page_url, &l.host_len) : NULL;
	walk(&l, xmlDocGetRootElement(doc), 0);
	if (l.out.error)
		r = l.out.error;
	else if (l.out.len)
		r = wa_article_add_removed(a, "links", l.out.buf, l.out.len);
	wp_strbuf_fini(&l.out);
	return r;
}
