/* SPDX-License-Identifier: MIT */
/* The shared filters as SQL (see query.h). Every value is bound, never spliced. */
#include "query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

static bool is_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

const char *wa_query_check(const struct wa_query *q)
{
	if (q->since && !is_date(q->since))
		return "--since wants a date as YYYY-MM-DD";
	if (q->until && !is_date(q->until))
		return "--until wants a date as YYYY-MM-DD";
	for (size_t i = 0; i < q->n_entities; i++)
		if (q->entities[i][0] == ':' || q->entities[i][0] == '\0')
			return "--entity wants TYPE:NAME or TYPE (person:Shoigu, country:BY, org)";
	if (q->duplicates_of) {
		size_t n = strlen(q->duplicates_of);

		if (n < 4 || strspn(q->duplicates_of, "0123456789abcdef") != n)
			return "--duplicates-of wants an article id (at least its first 4 "
			       "lowercase hex digits)";
	}
	return NULL;
}

int wa_query_prepare(sqlite3 *db, const struct wa_query *q, const char *columns, const char *join,
		     const char *group_by, const char *order, sqlite3_stmt **ret_stmt)
{
	bool text = q->text && q->text[0];
	/*
	 * Filters on tags and entities name the index's rowid when searching, so
	 * that SQLite tests them before it reads the article's row: a search
	 * whose tag holds 3% of the matches otherwise reads 30 rows per result.
	 */
	const char *row = text ? "fts.rowid" : "a.rowid";
	sqlite3_str *sql = sqlite3_str_new(db);
	sqlite3_stmt *stmt = NULL;
	char *query;
	int r, param = 0;

	*ret_stmt = NULL;
	sqlite3_str_appendf(sql, "SELECT %s FROM ", columns);
	sqlite3_str_appendall(sql,
			      text ? "fts JOIN articles a ON a.rowid = fts.rowid" : "articles a");
	if (join)
		sqlite3_str_appendf(sql, " %s", join);
	sqlite3_str_appendall(sql, text ? " WHERE fts MATCH ?" : " WHERE 1");
	for (size_t i = 0; i < q->n_tags; i++)
		sqlite3_str_appendf(
			sql,
			" AND EXISTS (SELECT 1 FROM tags t WHERE t.article = %s AND t.name = ?)",
			row);
	for (size_t i = 0; i < q->n_entities; i++) {
		if (strchr(q->entities[i], ':'))
			sqlite3_str_appendf(
				sql,
				" AND EXISTS (SELECT 1 FROM entities e WHERE "
				"e.article = %s AND e.type = ? AND "
				"(e.name = ? COLLATE NOCASE OR e.code = ? COLLATE NOCASE))",
				row);
		else
			sqlite3_str_appendf(sql,
					    " AND EXISTS (SELECT 1 FROM entities e WHERE "
					    "e.article = %s AND e.type = ?)",
					    row);
	}
	/* Ids are lowercase hex: a prefix P spans [P, P "g"), which the indexes can walk. */
	if (q->duplicates_of)
		sqlite3_str_appendall(
			sql,
			" AND (a.rowid IN (SELECT d.article FROM duplicates d WHERE "
			"d.other >= ? AND d.other < ? || 'g') OR a.id IN (SELECT d.other FROM "
			"duplicates d JOIN articles o ON o.rowid = d.article WHERE o.id >= ? AND "
			"o.id < ? || 'g'))");
	if (q->outlet)
		sqlite3_str_appendall(sql, " AND a.outlet = ? COLLATE NOCASE");
	if (q->lang)
		sqlite3_str_appendall(sql, " AND a.lang = ?");
	if (q->since)
		sqlite3_str_appendall(sql, " AND a.date >= ?");
	if (q->until)
		sqlite3_str_appendall(sql, " AND a.date <= ?");
	/* On fts.rowid when searching text, so that FTS5 itself skips older documents. */
	if (q->min_rowid > 0)
		sqlite3_str_appendall(sql, text ? " AND fts.rowid >= ?" : " AND a.rowid >= ?");
	if (group_by)
		sqlite3_str_appendf(sql, " GROUP BY %s", group_by);
	if (order)
		sqlite3_str_appendf(sql, " ORDER BY %s", order);
	else
		sqlite3_str_appendall(sql, text ? " ORDER BY warta_rank(fts, 5.0, 1.0)"
						: " ORDER BY a.date DESC, a.received DESC");
	if (q->limit > 0)
		sqlite3_str_appendf(sql, " LIMIT %ld", q->limit);
	query = sqlite3_str_finish(sql);
	if (!query)
		return SQLITE_NOMEM;
	r = sqlite3_prepare_v2(db, query, -1, &stmt, NULL);
	sqlite3_free(query);
	if (r != SQLITE_OK)
		return r;
	if (text)
		sqlite3_bind_text(stmt, ++param, q->text, -1, SQLITE_STATIC);
	for (size_t i = 0; i < q->n_tags; i++)
		sqlite3_bind_text(stmt, ++param, q->tags[i], -1, SQLITE_STATIC);
	for (size_t i = 0; i < q->n_entities; i++) {
		const char *spec = q->entities[i], *colon = strchr(spec, ':');

		sqlite3_bind_text(stmt, ++param, spec, colon ? (int)(colon - spec) : -1,
				  SQLITE_STATIC);
		for (int k = 0; colon && k < 2; k++) /* the name, or the code */
			sqlite3_bind_text(stmt, ++param, colon + 1, -1, SQLITE_STATIC);
	}
	for (int k = 0; q->duplicates_of && k < 4; k++)
		sqlite3_bind_text(stmt, ++param, q->duplicates_of, -1, SQLITE_STATIC);
	if (q->outlet)
		sqlite3_bind_text(stmt, ++param, q->outlet, -1, SQLITE_STATIC);
	if (q->lang)
		sqlite3_bind_text(stmt, ++param, q->lang, -1, SQLITE_STATIC);
	if (q->since)
		sqlite3_bind_text(stmt, ++param, q->since, -1, SQLITE_STATIC);
	if (q->until)
		sqlite3_bind_text(stmt, ++param, q->until, -1, SQLITE_STATIC);
	if (q->min_rowid > 0)
		sqlite3_bind_int64(stmt, ++param, q->min_rowid);
	*ret_stmt = stmt;
	return SQLITE_OK;
}
