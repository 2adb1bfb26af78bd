/* SPDX-License-Identifier: MIT */
/* ingest_html's parts: the page's own metadata and its main text. */
#ifndef INGEST_HTML_H
#define INGEST_HTML_H

#include <libxml/HTMLparser.h>
#include <stdbool.h>

#include "../common/strbuf.h"

struct wa_article;

/* What the page says about itself: JSON-LD first, then meta tags, then <title>. */
struct page_meta {
	char *title, *description, *published, *modified, *url, *site, *lang;
	char *authors[8];
	size_t n_authors;
};

void page_meta_read(htmlDocPtr doc, struct page_meta *meta);
void page_meta_fini(struct page_meta *meta);

/*
 * The article's text, paragraphs one blank line apart, with boilerplate
 * containers removed from the document first (the document is modified).
 * Captions and hidden blocks go to removed[] on the article.
 */
int page_main_text(htmlDocPtr doc, struct wa_article *article, struct wp_strbuf *out);

/* The text of a node and its descendants, white space collapsed. */
void node_text(xmlNodePtr node, struct wp_strbuf *out);

#endif
