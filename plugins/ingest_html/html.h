/* SPDX-License-Identifier: MIT */
/* ingest_html's parts: the page's own metadata and links (the text is common/html_text.c). */
#ifndef INGEST_HTML_H
#define INGEST_HTML_H

#include <libxml/HTMLparser.h>
#include <stdbool.h>

#include "../common/html_text.h"
#include "../common/strbuf.h"

struct wa_article;

/* What the page says about itself: JSON-LD first, then meta tags, then <title>. */
struct page_meta {
	char *title, *description, *published, *modified, *url, *site, *lang;
	char *bylines[4]; /* the texts of the elements the page marks as its author */
	size_t n_bylines;
	char *date_lines[2]; /* ... and as its date */
	size_t n_date_lines;
	char *authors[8];
	size_t n_authors;
};

void page_meta_read(htmlDocPtr doc, struct page_meta *meta);
void page_meta_fini(struct page_meta *meta);

/* Cuts a suffix naming the site, a date, or what follows the page's <h1> from m->title (title.c).
 */
void page_title_trim(struct page_meta *meta, const char *h1);

/* The anchors of links to other sites than page_url's, to removed[] as "links" (links.c). */
int page_external_links(htmlDocPtr doc, const char *page_url, struct wa_article *article);

#endif
