/* SPDX-License-Identifier: MIT */
/*
 * The commands over the archive: search, show, stats, export.
 *
 * They find the store as the daemon does (STATE/warta.db, the state
 * directory coming from -c FILE, --spool or --state), or take --db PATH.
 * Output is a table for people (bold highlights on a terminal, unless
 * NO_COLOR is set) or, with --json, one JSON object per line for scripts.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "banned.h"
#include "cli_store.h"
#include "json.h"
#include "store/query.h"
#include "store/store.h"

#define BAR_WIDTH 40
/*
 * Ranking scores every match, which takes seconds when a common word
 * matches most of a million articles. A search ranks the newest RANKED
 * matches (after the filters) instead: for news, what is recent comes first
 * anyway, and finding where they start walks the index newest first, which
 * FTS5 does without scoring.
 */
#define RANKED 300

enum store_command {
	CMD_SEARCH,
	CMD_SHOW,
	CMD_STATS,
	CMD_EXPORT,
};

static bool use_color(void)
{
	const char *no_color = getenv("NO_COLOR");

	return isatty(STDOUT_FILENO) && !(no_color && no_color[0]);
}

static const char *column_text(sqlite3_stmt *stmt, int i)
{
	const char *s = (const char *)sqlite3_column_text(stmt, i);

	return s ? s : "";
}

/* Prints s on one line: paragraph breaks of a snippet become spaces. */
static void print_one_line(const char *indent, const char *s)
{
	fputs(indent, stdout);
	for (; *s; s++)
		if (*s == '\n') {
			if (s[1] != '\n')
				putchar(' ');
		} else {
			putchar(*s);
		}
	putchar('\n');
}

/* The whole record: the stored JSON with its text put back. */
#define RECORD_SQL "json_set(a.record, '$.text', a.text)"

static int finish(sqlite3 *db, sqlite3_stmt *stmt, int r, const char *command)
{
	sqlite3_finalize(stmt);
	if (r != SQLITE_DONE && r != SQLITE_OK) {
		fprintf(stderr, "warta %s: %s\n", command, sqlite3_errmsg(db));
		return WA_EXIT_FAILURE;
	}
	return WA_EXIT_OK;
}

/* The row from which the newest RANKED matches start, or 0 if there are fewer. */
static int64_t newest_matches_from(sqlite3 *db, const struct wa_query *q)
{
	struct wa_query newest = *q;
	sqlite3_stmt *stmt;
	int64_t rowid = 0;
	long n = 0;

	newest.limit = RANKED;
	if (wa_query_prepare(db, &newest, "a.rowid", NULL, NULL, "fts.rowid DESC", &stmt) !=
	    SQLITE_OK)
		return 0;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		rowid = sqlite3_column_int64(stmt, 0);
		n++;
	}
	sqlite3_finalize(stmt);
	return n == RANKED ? rowid : 0;
}

static int run_search(sqlite3 *db, struct wa_store_options *o)
{
	bool color = use_color(), text = o->query.text && o->query.text[0];
	char columns[512];
	sqlite3_stmt *stmt;
	long n = 0;
	int r;

	if (!o->query.limit)
		o->query.limit = 20;
	if (text)
		o->query.min_rowid = newest_matches_from(db, &o->query);
	snprintf(columns, sizeof(columns),
		 "a.id, a.date, coalesce(a.outlet, ''), coalesce(a.title, ''), %s, %s",
		 text ? (color ? "snippet(fts, 1, '\x1b[1m', '\x1b[0m', '…', 16)"
			       : (o->json ? "snippet(fts, 1, '', '', '…', 16)"
					  : "snippet(fts, 1, '[', ']', '…', 16)"))
		      : "substr(a.text, 1, 120)",
		 text ? "warta_rank(fts, 5.0, 1.0)" : "0");
	r = wa_query_prepare(db, &o->query, columns, NULL, NULL, NULL, &stmt);
	if (r != SQLITE_OK) {
		fprintf(stderr, "warta search: %s\n", sqlite3_errmsg(db));
		return WA_EXIT_USAGE;
	}
	while ((r = sqlite3_step(stmt)) == SQLITE_ROW) {
		n++;
		if (o->json) {
			cJSON *row = cJSON_CreateObject();
			char *line;

			cJSON_AddStringToObject(row, "id", column_text(stmt, 0));
			cJSON_AddStringToObject(row, "date", column_text(stmt, 1));
			cJSON_AddStringToObject(row, "outlet", column_text(stmt, 2));
			cJSON_AddStringToObject(row, "title", column_text(stmt, 3));
			cJSON_AddStringToObject(row, "snippet", column_text(stmt, 4));
			cJSON_AddNumberToObject(row, "rank", sqlite3_column_double(stmt, 5));
			line = wa_json_print(row);
			cJSON_Delete(row);
			if (line)
				printf("%s\n", line);
			free(line);
			continue;
		}
		printf("%s%.12s%s  %s  %-16.16s  %s\n", color ? "\x1b[2m" : "",
		       column_text(stmt, 0), color ? "\x1b[0m" : "", column_text(stmt, 1),
		       column_text(stmt, 2), column_text(stmt, 3));
		print_one_line("    ", column_text(stmt, 4));
	}
	if (!o->json && r == SQLITE_DONE)
		printf("%ld article%s\n", n, n == 1 ? "" : "s");
	return finish(db, stmt, r, "search");
}

static int run_show(sqlite3 *db, struct wa_store_options *o, const char *id)
{
	sqlite3_stmt *stmt;
	int r, found = 0;

	r = sqlite3_prepare_v2(db,
			       "SELECT " RECORD_SQL " FROM articles a WHERE a.id >= ?1 AND a.id < "
			       "?1 || 'g' LIMIT 2",
			       -1, &stmt, NULL);
	if (r != SQLITE_OK)
		return finish(db, stmt, r, "show");
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *record = column_text(stmt, 0);
		cJSON *root;

		if (++found > 1) {
			fprintf(stderr, "warta show: '%s' is the start of more than one id\n", id);
			sqlite3_finalize(stmt);
			return WA_EXIT_USAGE;
		}
		if (o->n_fields == 0) {
			printf("%s\n", record);
			continue;
		}
		if (wa_json_parse(record, strlen(record), &root, NULL) < 0)
			continue;
		for (size_t i = 0; i < o->n_fields; i++) {
			cJSON *value = wa_json_get_path(root, o->fields[i]);
			char *s = value ? (cJSON_IsString(value) ? strdup(value->valuestring)
								 : wa_json_print(value))
					: strdup("null");

			printf("%s%s%s\n", o->n_fields > 1 ? o->fields[i] : "",
			       o->n_fields > 1 ? ": " : "", s ? s : "");
			free(s);
		}
		cJSON_Delete(root);
	}
	if (r == SQLITE_DONE && found == 0) {
		fprintf(stderr, "warta show: no article '%s'\n", id);
		sqlite3_finalize(stmt);
		return WA_EXIT_FAILURE;
	}
	return finish(db, stmt, r, "show");
}

struct stats_group {
	const char *by;
	const char *key;      /* the selected expression (NULL shows as "(unknown)") */
	const char *group_by; /* written so that an index covers it */
	const char *join;     /* to count rows of another table per article */
	const char *dated;    /* that table counted alone, by its own date column */
};

static const struct stats_group groups[] = {
	{ "tag", "t.name", "t.name", "JOIN tags t ON t.article = a.rowid", "tags t" },
	{ "entity", "e.type || ':' || e.name", "e.type, e.name",
	  "JOIN entities e ON e.article = a.rowid", "entities e" },
	{ "outlet", "a.outlet", "a.outlet COLLATE NOCASE", NULL, NULL },
	{ "day", "a.date", "a.date", NULL, NULL },
	{ "lang", "a.lang", "a.lang", NULL, NULL },
};

/*
 * Counts of tags or entities over a period need no article: their rows carry
 * the date, and an index on (date, name) answers alone. Counted per date
 * first, in the index's order, then summed: grouping the rows by name
 * directly would sort every one of them.
 */
static bool dates_only(const struct wa_query *q)
{
	return !(q->text && q->text[0]) && q->n_tags == 0 && q->n_entities == 0 && !q->outlet &&
	       !q->lang;
}

static int prepare_stats(sqlite3 *db, const struct wa_query *q, const struct stats_group *g,
			 bool by_day, sqlite3_stmt **ret_stmt)
{
	char columns[128], sql[512];
	int n = 0;

	snprintf(columns, sizeof(columns), "%s AS key, count(*)", g->key);
	if (!g->dated || !dates_only(q))
		return wa_query_prepare(db, q, columns, g->join, g->group_by,
					by_day ? "key" : "count(*) DESC, key", ret_stmt);
	snprintf(sql, sizeof(sql),
		 "SELECT key, sum(n) FROM (SELECT %s AS key, count(*) AS n FROM %s WHERE 1%s%s "
		 "GROUP BY date, %s) GROUP BY key ORDER BY sum(n) DESC, key",
		 g->key, g->dated, q->since ? " AND date >= ?" : "",
		 q->until ? " AND date <= ?" : "", g->group_by);
	if (sqlite3_prepare_v2(db, sql, -1, ret_stmt, NULL) != SQLITE_OK)
		return sqlite3_errcode(db);
	if (q->since)
		sqlite3_bind_text(*ret_stmt, ++n, q->since, -1, SQLITE_STATIC);
	if (q->until)
		sqlite3_bind_text(*ret_stmt, ++n, q->until, -1, SQLITE_STATIC);
	return SQLITE_OK;
}

static int run_stats(sqlite3 *db, struct wa_store_options *o)
{
	const char *by = o->by ? o->by : "tag";
	bool by_day = strcmp(by, "day") == 0;
	struct row {
		char *key;
		long count;
	} *rows = NULL;
	size_t g, n_rows = 0;
	sqlite3_stmt *stmt;
	long max = 0;
	int r;

	for (g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
		if (strcmp(groups[g].by, by) == 0)
			break;
	if (g == sizeof(groups) / sizeof(groups[0])) {
		fprintf(stderr, "warta stats: --by wants tag, entity, outlet, day or lang\n");
		return WA_EXIT_USAGE;
	}
	r = prepare_stats(db, &o->query, &groups[g], by_day, &stmt);
	if (r != SQLITE_OK)
		return finish(db, NULL, r, "stats");
	while ((r = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct row *grown = realloc(rows, (n_rows + 1) * sizeof(*rows));
		const char *key = (const char *)sqlite3_column_text(stmt, 0);

		if (!grown || !(grown[n_rows].key = strdup(key ? key : "(unknown)"))) {
			rows = grown ? grown : rows;
			r = SQLITE_NOMEM;
			break;
		}
		rows = grown;
		rows[n_rows].count = sqlite3_column_int64(stmt, 1);
		if (rows[n_rows].count > max)
			max = rows[n_rows].count;
		n_rows++;
	}
	for (size_t i = 0; i < n_rows; i++) {
		if (o->json) {
			cJSON *row = cJSON_CreateObject();
			char *line;

			cJSON_AddStringToObject(row, by, rows[i].key);
			cJSON_AddNumberToObject(row, "count", (double)rows[i].count);
			line = wa_json_print(row);
			cJSON_Delete(row);
			if (line)
				printf("%s\n", line);
			free(line);
		} else if (by_day) {
			int width = max ? (int)(rows[i].count * BAR_WIDTH / max) : 0;

			printf("%-10s %8ld  ", rows[i].key, rows[i].count);
			for (int b = 0; b < width; b++)
				fputs(use_color() || getenv("LANG") ? "\u2588" : "#", stdout);
			putchar('\n');
		} else {
			printf("%-48s %8ld\n", rows[i].key, rows[i].count);
		}
		free(rows[i].key);
	}
	free(rows);
	return finish(db, stmt, r, "stats");
}

static int run_export(sqlite3 *db, struct wa_store_options *o)
{
	sqlite3_stmt *stmt;
	int r;

	r = wa_query_prepare(db, &o->query, RECORD_SQL, NULL, NULL, "a.date, a.received", &stmt);
	if (r != SQLITE_OK)
		return finish(db, NULL, r, "export");
	while ((r = sqlite3_step(stmt)) == SQLITE_ROW)
		if (printf("%s\n", column_text(stmt, 0)) < 0) {
			r = SQLITE_IOERR;
			break;
		}
	return finish(db, stmt, r, "export");
}

static int run(int argc, char **argv, enum store_command command, const char *name)
{
	struct wa_store_options o = { 0 };
	struct wa_store *store;
	const char *id = NULL;
	int r;

	r = wa_cli_parse_store_options(argc, argv, name,
				       command == CMD_SHOW     ? "csSdjf"
				       : command == CMD_STATS  ? "csSdjteolFUDb"
				       : command == CMD_EXPORT ? "csSdteolFUD"
							       : "csSdjteolFUDn",
				       &o);
	if (r != WA_EXIT_OK)
		return r < 0 ? WA_EXIT_OK : r;
	if ((command == CMD_SEARCH || command == CMD_EXPORT) && optind < argc)
		o.query.text = argv[optind++];
	if (command == CMD_SHOW) {
		if (optind == argc) {
			fputs(wa_cli_help(name), stderr);
			return WA_EXIT_USAGE;
		}
		id = argv[optind++];
	}
	if (optind < argc) {
		fprintf(stderr, "warta %s: unexpected argument '%s'\n", name, argv[optind]);
		return WA_EXIT_USAGE;
	}
	wa_json_init();
	r = wa_cli_open_store(&o.overrides, o.db, WA_STORE_READ_ONLY, &store);
	if (r != WA_EXIT_OK)
		return r;
	switch (command) {
	case CMD_SEARCH:
		r = run_search(wa_store_db(store), &o);
		break;
	case CMD_SHOW:
		r = run_show(wa_store_db(store), &o, id);
		break;
	case CMD_STATS:
		r = run_stats(wa_store_db(store), &o);
		break;
	case CMD_EXPORT:
		r = run_export(wa_store_db(store), &o);
		break;
	}
	wa_store_close(store);
	return r;
}

int wa_cmd_search(int argc, char **argv)
{
	return run(argc, argv, CMD_SEARCH, "search");
}

int wa_cmd_show(int argc, char **argv)
{
	return run(argc, argv, CMD_SHOW, "show");
}

int wa_cmd_stats(int argc, char **argv)
{
	return run(argc, argv, CMD_STATS, "stats");
}

int wa_cmd_export(int argc, char **argv)
{
	return run(argc, argv, CMD_EXPORT, "export");
}
