/* SPDX-License-Identifier: MIT */
/* The clean stage's parts: the line model and the passes that share it. */
#ifndef CLEAN_H
#define CLEAN_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/strbuf.h"

struct wa_article;

/* One line of the article: a paragraph, or page furniture to remove. */
struct line {
	char *text; /* in the run's copy of the text, NUL-terminated in place */
	size_t len;
	const char *kind; /* NULL while it is article text; else why it was removed */
	size_t words;     /* as split: the passes ask these of every line, often */
	bool body;        /* a paragraph of prose (wp_is_body_text) */
	bool repeat;      /* a short line printed earlier already */
	/*
	 * Cached, as the passes over the header ask each line again: the kind
	 * the line rules give it, the head rules' kind, its dateline's length.
	 */
	const char *rule, *head;
	size_t dateline;
	bool rule_done, head_done, dateline_done;
};

/*
 * Strips citation digits glued to words ("Ukraina245." -> "Ukraina.",
 * "plans.50" -> "plans."), leaving designators (Su-57, KF-21, G7, COVID-19)
 * alone; the removed tokens go to removed[] as "footnote". Rewrites the
 * line in place. Returns 0 or -ENOMEM.
 */
int clean_footnotes(struct wa_article *article, struct line *line);

/*
 * Turns the lines of a comment section into comments[] ({"text"}, with
 * "author" when a "NAME says:" line precedes it). ui(line) tells which
 * lines are form furniture ("Reply", "Email *"). Returns 0 or -ENOMEM.
 */
int clean_comments(struct wa_article *article, struct line *lines, size_t n,
		   bool (*ui)(void *data, struct line *line), void *data);

#endif
