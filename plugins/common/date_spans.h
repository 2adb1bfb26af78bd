/* SPDX-License-Identifier: MIT */
/*
 * Where the dates stage found dates, handed to the stages after it
 * (quantities, which must not count "28 Juli 2026" as 28 of something) as
 * the article memo WP_DATE_SPANS_MEMO, so they need not parse dates[]
 * again. dates[] stays the contract: a stage falls back to it when the
 * memo is missing (dates[] set by another plugin).
 */
#ifndef WP_DATE_SPANS_H
#define WP_DATE_SPANS_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define WP_DATE_SPANS_MEMO "warta.date-spans"

struct wp_date_span {
	uint32_t start, end; /* code points of the text */
};

struct wp_date_spans {
	struct wp_date_span *v; /* in text order */
	size_t n;
};

static inline void wp_date_spans_free(void *data)
{
	struct wp_date_spans *d = data;

	if (d)
		free(d->v);
	free(d);
}

#endif
