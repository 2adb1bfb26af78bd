/* SPDX-License-Identifier: MIT */
/*
 * A record field's list of objects (dates[], quotes[], quantities[])
 * written straight as compact JSON text for wa_article_set_json. Building
 * a cJSON tree only to print it cost those stages a third of their time:
 * a node and a string copy per member, then a print and a free of each.
 *
 *	struct wp_json_list l = { 0 };
 *	wp_json_object_begin(&l);
 *	wp_json_string(&l, "text", "28 Juli", 7);
 *	wp_json_uint(&l, "offset", 120);
 *	wp_json_object_end(&l);
 *	r = wp_json_list_set(a, "dates", &l);	(also frees it)
 *
 * Keys are the caller's literals, written as they are.
 */
#ifndef WP_JSON_LIST_H
#define WP_JSON_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

struct wa_article;

struct wp_json_list {
	struct wp_strbuf out;
	size_t n;       /* objects begun */
	bool first_key; /* no member written yet in the current object */
};

void wp_json_object_begin(struct wp_json_list *l);
void wp_json_object_end(struct wp_json_list *l);
/* A string member of s[0..len) (valid UTF-8), or null when s is NULL. */
void wp_json_string(struct wp_json_list *l, const char *key, const char *s, size_t len);
void wp_json_uint(struct wp_json_list *l, const char *key, unsigned long long v);
void wp_json_double(struct wp_json_list *l, const char *key, double v);
void wp_json_bool(struct wp_json_list *l, const char *key, bool v);

/*
 * Sets the field to the list, or leaves it unset when the list is empty
 * (a record has no empty arrays), and frees the list. 0 or -errno.
 */
int wp_json_list_set(struct wa_article *a, const char *field, struct wp_json_list *l);
void wp_json_list_fini(struct wp_json_list *l);

#endif
