/* SPDX-License-Identifier: MIT */
/*
 * Selecting stored articles: the filters every store command shares
 * (search, stats, export, retro), turned into one SQL WHERE clause.
 */
#ifndef WA_QUERY_H
#define WA_QUERY_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WA_QUERY_MAX_FILTERS 16

struct wa_query {
	const char *text; /* FTS5 query syntax; NULL or "" for none */
	const char *tags[WA_QUERY_MAX_FILTERS];
	size_t n_tags;
	const char *entities[WA_QUERY_MAX_FILTERS]; /* "TYPE:NAME", "TYPE:CODE" or "TYPE" */
	size_t n_entities;
	const char *outlet;
	const char *lang;
	const char *since;         /* YYYY-MM-DD, inclusive */
	const char *until;         /* YYYY-MM-DD, inclusive */
	const char *duplicates_of; /* an article id or its prefix: its near-duplicates, both ways */
	long limit;                /* 0: no limit */
	int64_t min_rowid;         /* only articles stored at or after this row; 0: all */
};

/*
 * Prepares "SELECT <columns> FROM articles a [JOIN fts] [<join>] WHERE
 * <filters> [GROUP BY <group_by>] ORDER BY <order> LIMIT" with every
 * parameter bound. Columns may use a.* and, when q->text is set, fts
 * functions (warta_rank(fts, ...), snippet(fts, ...)). Order is rank when searching
 * text, else newest first, unless `order` is given.
 * Returns an SQLite code; on error *ret_stmt is NULL.
 */
int wa_query_prepare(sqlite3 *db, const struct wa_query *q, const char *columns, const char *join,
		     const char *group_by, const char *order, sqlite3_stmt **ret_stmt);

/* Checks the filters' formats (dates, entity specs); returns an error message or NULL. */
const char *wa_query_check(const struct wa_query *q);

#endif
