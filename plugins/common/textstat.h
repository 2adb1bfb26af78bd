/* SPDX-License-Identifier: MIT */
/*
 * What a line of text looks like: the shape tests the text stages share
 * to tell an article's sentences from page furniture.
 */
#ifndef WP_TEXTSTAT_H
#define WP_TEXTSTAT_H

#include <stdbool.h>
#include <stddef.h>

/* Runs of non-space bytes. */
static inline size_t wp_count_words(const char *s, size_t len)
{
	size_t n = 0;
	bool in = false;

	for (size_t i = 0; i < len; i++) {
		bool space = s[i] == ' ' || s[i] == '\n';

		n += !space && !in;
		in = !space;
	}
	return n;
}

/* The line ends as a sentence does: . ! ? or a closing quote or bracket after one. */
static inline bool wp_ends_sentence(const char *s, size_t len)
{
	while (len &&
	       (s[len - 1] == ' ' || s[len - 1] == '"' || s[len - 1] == '\'' || s[len - 1] == ')'))
		len--;
	return len && (s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?');
}

/* A paragraph of prose rather than a headline, label, link or menu. */
static inline bool wp_is_body_line(const char *s, size_t len)
{
	size_t words = wp_count_words(s, len);

	return (words >= 10 && wp_ends_sentence(s, len)) || words >= 30;
}

#endif
