/* SPDX-License-Identifier: MIT */
/*
 * A page's section labels and breadcrumbs ("Luar Negeri", "Politik dan
 * Hukum", "Berita Terkini"): they have a name's shape and a short
 * headline's, and are neither.
 */
#ifndef META_SECTIONS_H
#define META_SECTIONS_H

#include <stdbool.h>
#include <stddef.h>

/* Whether w[0..n) is a word of section labels (case-insensitive). */
bool meta_is_section_word(const char *w, size_t n);

/*
 * Whether s[0..len) is a section label: section words only, joined by
 * "dan", "&", "/", "|" or ">" at most.
 */
bool meta_is_section_label(const char *s, size_t len);

#endif
