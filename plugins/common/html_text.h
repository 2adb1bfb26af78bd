/* SPDX-License-Identifier: MIT */
/*
 * The main text of an HTML document: what ingest_html takes from a page
 * and ingest_feed from an item's content:encoded.
 */
#ifndef WP_HTML_TEXT_H
#define WP_HTML_TEXT_H

#include <libxml/HTMLparser.h>
#include <stdbool.h>

#include "strbuf.h"

struct wa_article;

/*
 * The article's text, paragraphs one blank line apart, with boilerplate
 * containers removed from the document first (the document is modified).
 * Captions, link lists and hidden blocks go to the article's removed[].
 */
int wp_html_main_text(htmlDocPtr doc, struct wa_article *article, struct wp_strbuf *out);

/*
 * Readies libxml2 for the ingest plugins: initialised once, and silent.
 * Its parsers print every error of a broken page to stderr, which is the
 * daemon's log: a hostile feed must not flood it. Call from init().
 */
void wp_libxml_init(void);

/* Appends the comments of a comment section to list ([{"author", "text"}]). */
struct cJSON;
void wp_html_comments(xmlNodePtr section, struct cJSON *list);

/*
 * Whether body is marked up: a tag ("<p>", "</div>", "<br/>") in it, not
 * merely a "<" ("jarak < 5 km").
 */
bool wp_html_is_markup(const char *body);

/*
 * Sets the article's text from an item's body, as feeds and scrapers' JSON
 * carry it: markup through the page extractor (its boilerplate to
 * removed[]), plain text as it is.
 */
int wp_html_set_body(struct wa_article *article, const char *body);

/* The text of a node and its descendants, white space collapsed. */
void wp_html_node_text(xmlNodePtr node, struct wp_strbuf *out);

#endif
