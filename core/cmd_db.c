/* SPDX-License-Identifier: MIT */
/*
 * `warta db check|vacuum|import`: store maintenance.
 *
 * check verifies SQLite's integrity and the search index against the
 * articles; vacuum rebuilds the file compactly and merges the index;
 * import loads records from JSON Lines (`warta export`, out_jsonl) into the
 * store, upserting by id, for restores and benchmarks.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h> /* optind */

#include "banned.h"
#include "cli_store.h"
#include "json.h"
#include "store/store.h"

#define IMPORT_BATCH 5000

static int check(sqlite3 *db)
{
	sqlite3_stmt *stmt;
	int r, problems = 0;

	r = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL);
	while (r == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(stmt, 0);

		if (strcmp(line, "ok") != 0) {
			printf("integrity: %s\n", line);
			problems++;
		}
	}
	sqlite3_finalize(stmt);
	if (sqlite3_exec(db, "INSERT INTO fts (fts, rank) VALUES ('integrity-check', 1)", NULL,
			 NULL, NULL) != SQLITE_OK) {
		printf("search index: %s\n", sqlite3_errmsg(db));
		problems++;
	}
	r = sqlite3_prepare_v2(
		db,
		"SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM tags),"
		" (SELECT count(*) FROM entities), (SELECT min(date) FROM articles),"
		" (SELECT max(date) FROM articles)",
		-1, &stmt, NULL);
	if (r == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		printf("%s: %lld articles, %lld tags, %lld entities, dated %s to %s\n",
		       problems ? "PROBLEMS" : "ok", sqlite3_column_int64(stmt, 0),
		       sqlite3_column_int64(stmt, 1), sqlite3_column_int64(stmt, 2),
		       sqlite3_column_text(stmt, 3) ? (const char *)sqlite3_column_text(stmt, 3)
						    : "-",
		       sqlite3_column_text(stmt, 4) ? (const char *)sqlite3_column_text(stmt, 4)
						    : "-");
	sqlite3_finalize(stmt);
	return problems ? WA_EXIT_FAILURE : WA_EXIT_OK;
}

static int vacuum(sqlite3 *db)
{
	if (sqlite3_exec(db, "INSERT INTO fts (fts) VALUES ('optimize'); VACUUM;", NULL, NULL,
			 NULL) != SQLITE_OK) {
		fprintf(stderr, "warta db vacuum: %s\n", sqlite3_errmsg(db));
		return WA_EXIT_FAILURE;
	}
	printf("ok\n");
	return WA_EXIT_OK;
}

static int import(struct wa_store *store, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	long n = 0, skipped = 0, in_batch = 0;
	bool in_transaction = false;
	ssize_t len;
	int r = 0;

	if (!f) {
		fprintf(stderr, "warta db import: '%s': %s\n", path, wa_strerror(-errno));
		return WA_EXIT_FAILURE;
	}
	while (r == 0 && (len = getline(&line, &cap, f)) > 0) {
		/* Concatenated outbox files end each record with a newline of its own. */
		if (strspn(line, " \t\r\n") == (size_t)len)
			continue;
		if (!in_transaction && (r = wa_store_begin(store)) < 0)
			break;
		in_transaction = true;
		r = wa_store_put(store, line, (size_t)len);
		if (r == -EINVAL) {
			skipped++;
			r = 0;
			continue;
		}
		n += r == 0;
		if (r == 0 && ++in_batch == IMPORT_BATCH) {
			r = wa_store_commit(store);
			in_batch = 0;
			in_transaction = false;
		}
	}
	if (r == 0 && in_transaction)
		r = wa_store_commit(store);
	if (r < 0 && in_transaction)
		wa_store_rollback(store);
	free(line);
	if (f != stdin)
		fclose(f);
	if (r < 0) {
		fprintf(stderr, "warta db import: %s\n", wa_strerror(r));
		return WA_EXIT_FAILURE;
	}
	printf("%ld record(s) imported%s", n, skipped ? ", " : "\n");
	if (skipped)
		printf("%ld line(s) that are not records skipped\n", skipped);
	return WA_EXIT_OK;
}

int wa_cmd_db(int argc, char **argv)
{
	struct wa_store_options o = { 0 };
	struct wa_store *store;
	const char *action;
	int r;

	if (argc < 2 || argv[1][0] == '-') {
		fputs(wa_cli_help("db"), argc < 2 ? stderr : stdout);
		return argc < 2 ? WA_EXIT_USAGE : WA_EXIT_OK;
	}
	action = argv[1];
	argc--;
	argv++;
	r = wa_cli_parse_store_options(argc, argv, "db", "csSd", &o);
	if (r != WA_EXIT_OK)
		return r < 0 ? WA_EXIT_OK : r;
	if (strcmp(action, "import") == 0 ? optind + 1 != argc : optind != argc) {
		fputs(wa_cli_help("db"), stderr);
		return WA_EXIT_USAGE;
	}
	if (strcmp(action, "check") != 0 && strcmp(action, "vacuum") != 0 &&
	    strcmp(action, "import") != 0) {
		fprintf(stderr, "warta db: unknown action '%s' (check, vacuum or import)\n",
			action);
		return WA_EXIT_USAGE;
	}
	wa_json_init();
	/* Even check writes: FTS5's integrity check is an INSERT of a command. */
	r = wa_cli_open_store(&o.overrides, o.db, 0, &store);
	if (r != WA_EXIT_OK)
		return r;
	if (strcmp(action, "check") == 0)
		r = check(wa_store_db(store));
	else if (strcmp(action, "vacuum") == 0)
		r = vacuum(wa_store_db(store));
	else
		r = import(store, argv[optind]);
	wa_store_close(store);
	return r;
}
