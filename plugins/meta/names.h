/* SPDX-License-Identifier: MIT */
/* Who wrote it: names from byline lines. */
#ifndef META_NAMES_H
#define META_NAMES_H

#include <stddef.h>

struct wa_article;

/*
 * Sets authors[], editors[] and editor_initials from the byline lines clean
 * removed ("Penulis: X", "Laporan Wartawan Tribunnews.com, X", "Editor: Y",
 * "(rds/has)") and the names a web page's markup marks as its author
 * (removed[] kind "author", from ingest_html); failing those, a bare name
 * among the page header's lines (top: its header and date lines in
 * order) next to its date. Lists stay absent when no line names anyone.
 */
int meta_set_names(struct wa_article *article, const char *const *bylines, size_t n_bylines,
		   const char *const *page_authors, size_t n_page_authors, const char *const *top,
		   size_t n_top);

#endif
