/* SPDX-License-Identifier: MIT */
/*
 * The people the entities stage found, mention by mention, handed to the
 * stages after it (quotes) as the article memo WP_PEOPLE_MEMO, so they need
 * not print and parse entities[] again to know who is named where.
 */
#ifndef WP_PEOPLE_H
#define WP_PEOPLE_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define WP_PEOPLE_MEMO "warta.people"

struct wp_person_mention {
	uint32_t start, end; /* code points of the text */
	char *name;          /* the person's canonical name */
};

struct wp_people {
	struct wp_person_mention *v; /* by start */
	size_t n;
};

static inline int wp_person_mention_order(const void *a, const void *b)
{
	const struct wp_person_mention *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

static inline void wp_people_free(void *data)
{
	struct wp_people *p = data;

	for (size_t i = 0; p && i < p->n; i++)
		free(p->v[i].name);
	if (p)
		free(p->v);
	free(p);
}

#endif
