/* SPDX-License-Identifier: MIT */
/*
 * The archive: every article record in an embedded SQLite database.
 *
 * Tables: articles (one row per id, the record as JSON without its text,
 * which has a column of its own), tags, entities and quotes (rows derived
 * from the record, for filters and counts), and fts, an FTS5 index over
 * title and text with warta's tokenizer (tokenizer.h). Writes are upserts
 * keyed by article id, so a record stored twice is one row. The schema has
 * a version (PRAGMA user_version) and migrations run at open.
 *
 * The daemon writes through the out_sqlite output plugin; the search, show,
 * stats, export, retro and db commands read the same file. One writer at a
 * time; readers do not block it (WAL).
 */
#ifndef WA_STORE_H
#define WA_STORE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

struct wa_store;

#define WA_STORE_FILE           "warta.db"
#define WA_STORE_SCHEMA_VERSION 5

enum wa_store_flags {
	WA_STORE_READ_ONLY = 1 << 0,
	WA_STORE_DURABLE = 1 << 1, /* synchronous=FULL: a commit is on disk when it returns */
	/* Checkpoints on a thread of their own, never inside a commit (the daemon's committer). */
	WA_STORE_CHECKPOINT_APART = 1 << 2,
};

/*
 * Opens (creating and migrating unless read-only) the store at path. On
 * failure returns a negative errno and sets *ret_error (caller frees).
 */
int wa_store_open(const char *path, unsigned flags, struct wa_store **ret_store, char **ret_error);
void wa_store_close(struct wa_store *store);

/* Registers warta's tokenizer and ranking function with db's FTS5 (done by open). */
int wa_store_register_fts5(sqlite3 *db);

/* The connection, for queries (store_query.c and the commands). */
sqlite3 *wa_store_db(struct wa_store *store);

int wa_store_begin(struct wa_store *store);
int wa_store_commit(struct wa_store *store);
void wa_store_rollback(struct wa_store *store);

/*
 * Stores one record (JSON as written to the outbox), replacing an earlier
 * one with the same id. Inside a transaction. Returns 0, -EINVAL for a
 * record that is not a JSON object with an id, -ENOSPC, -EIO, -ENOMEM.
 */
int wa_store_put(struct wa_store *store, const char *record, size_t len);

/* Stores a record already made into rows (row.h): the daemon's way, with no JSON to parse. */
struct wa_store_row;
int wa_store_put_row(struct wa_store *store, const struct wa_store_row *row);

/*
 * Deletes the oldest articles whose date is before `before` (YYYY-MM-DD),
 * at most `limit` of them, so that one transaction stays short however
 * much is due. Returns how many or -errno.
 */
int wa_store_delete_before(struct wa_store *store, const char *before, int limit);

/* An SQLite result code as a negative errno (SQLITE_FULL is -ENOSPC). */
int wa_store_errno(int sqlite_code);

#endif
