/* SPDX-License-Identifier: MIT */
/* The store: opening, migrating and upserting records (see store.h). */
#include "store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"
#include "checkpointer.h"
#include "json.h"
#include "rank.h"
#include "row.h"
#include "schema.h"
#include "tokenizer.h"

enum statement {
	FIND,
	INSERT,
	UPDATE,
	FTS_DELETE,
	FTS_INSERT,
	DELETE_TAGS,
	DELETE_ENTITIES,
	DELETE_QUOTES,
	DELETE_DUPLICATES,
	INSERT_TAG,
	INSERT_ENTITY,
	INSERT_QUOTE,
	INSERT_DUPLICATE,
	N_STATEMENTS,
};

static const char *const statement_sql[N_STATEMENTS] = {
	[FIND] = "SELECT rowid, title, text FROM articles WHERE id = ?1",
	[INSERT] = "INSERT INTO articles (id, received, date, file, outlet, title, lang, "
		   "published, text, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[UPDATE] =
		"UPDATE articles SET id = ?1, received = ?2, date = ?3, file = ?4, outlet = ?5, "
		"title = ?6, lang = ?7, published = ?8, text = ?9, record = ?10 WHERE rowid = ?11",
	[FTS_DELETE] = "INSERT INTO fts (fts, rowid, title, text) VALUES ('delete', ?1, ?2, ?3)",
	[FTS_INSERT] = "INSERT INTO fts (rowid, title, text) VALUES (?1, ?2, ?3)",
	[DELETE_TAGS] = "DELETE FROM tags WHERE article = ?1",
	[DELETE_ENTITIES] = "DELETE FROM entities WHERE article = ?1",
	[DELETE_QUOTES] = "DELETE FROM quotes WHERE article = ?1",
	[DELETE_DUPLICATES] = "DELETE FROM duplicates WHERE article = ?1",
	[INSERT_TAG] = "INSERT OR REPLACE INTO tags (article, name, score, rule, date) "
		       "VALUES (?1, ?2, ?3, ?4, ?5)",
	[INSERT_ENTITY] = "INSERT OR REPLACE INTO entities (article, type, name, mentions, date, "
			  "code) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[INSERT_QUOTE] = "INSERT INTO quotes (article, speaker, text) VALUES (?1, ?2, ?3)",
	[INSERT_DUPLICATE] = "INSERT OR IGNORE INTO duplicates (article, other) VALUES (?1, ?2)",
};

/*
 * With WA_STORE_CHECKPOINT_APART a commit that leaves this much in the
 * write-ahead log wakes the checkpointer (a checkpoint writes each page
 * once however often it changed, so a longer log saves rewriting the
 * index pages every commit touches)...
 */
#define CHECKPOINT_BYTES (16 << 20)
/*
 * ...and one that leaves this much (the checkpointer could not keep up, or
 * never found the log still long enough to restart it) checkpoints itself,
 * so the log stays bounded.
 */
#define CHECKPOINT_BYTES_MAX (128 << 20)

#define NEW_STORE_PAGE_SIZE 16384

struct wa_store {
	sqlite3 *db;
	sqlite3_stmt *statements[N_STATEMENTS];
	bool read_only;
	struct wa_checkpointer *checkpointer;       /* NULL: SQLite checkpoints inside commits */
	int log_pages_at_poke;                      /* the log's length when it was last poked */
	int checkpoint_pages, checkpoint_pages_max; /* the limits above, in pages */
};

int wa_store_errno(int code)
{
	switch (code & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return 0;
	case SQLITE_FULL:
		return -ENOSPC;
	case SQLITE_NOMEM:
		return -ENOMEM;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return -EBUSY;
	case SQLITE_READONLY:
		return -EROFS;
	case SQLITE_CANTOPEN:
		return -ENOENT;
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return -EACCES;
	default:
		return -EIO;
	}
}

void wa_store_close(struct wa_store *store)
{
	if (!store)
		return;
	for (int i = 0; i < N_STATEMENTS; i++)
		sqlite3_finalize(store->statements[i]);
	/* First, so that the last connection to close checkpoints and removes the log. */
	wa_checkpointer_stop(store->checkpointer);
	sqlite3_close_v2(store->db);
	free(store);
}

static int fail(struct wa_store *store, int code, const char *what, char **ret_error)
{
	const char *msg = store->db ? sqlite3_errmsg(store->db) : sqlite3_errstr(code);

	if (asprintf(ret_error, "%s: %s", what, msg) < 0)
		*ret_error = NULL;
	wa_store_close(store);
	return wa_store_errno(code) ? wa_store_errno(code) : -EIO;
}

int wa_store_register_fts5(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *stmt;
	int r;

	r = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL);
	if (r != SQLITE_OK)
		return r;
	sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", NULL);
	(void)sqlite3_step(stmt);
	r = sqlite3_finalize(stmt);
	if (r != SQLITE_OK)
		return r;
	if (!api)
		return SQLITE_ERROR;
	r = wa_tokenizer_register(api);
	return r == SQLITE_OK ? wa_rank_register(api) : r;
}

/* Called by SQLite after each commit, in place of its own checkpoint. */
static int on_commit(void *userdata, sqlite3 *db, const char *name, int pages)
{
	struct wa_store *store = userdata;

	if (pages < store->log_pages_at_poke)
		store->log_pages_at_poke = 0; /* the log restarted */
	if (pages >= store->checkpoint_pages_max) {
		(void)sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	} else if (pages - store->log_pages_at_poke >= store->checkpoint_pages) {
		wa_checkpointer_poke(store->checkpointer);
		store->log_pages_at_poke = pages;
	}
	return SQLITE_OK;
}

/* The store's page size in bytes (4096 if it cannot be read). */
static int page_size(sqlite3 *db)
{
	sqlite3_stmt *stmt;
	int size = 0;

	if (sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		size = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return size > 0 ? size : 4096;
}

static int checkpoint_apart(struct wa_store *store, const char *path, bool durable,
			    char **ret_error)
{
	int r = wa_checkpointer_start(path, durable, &store->checkpointer);
	int page = page_size(store->db);

	if (r < 0) {
		if (asprintf(ret_error, "%s: cannot start the checkpoints' thread: %s", path,
			     strerror(-r)) < 0)
			*ret_error = NULL;
		wa_store_close(store);
		return r;
	}
	store->checkpoint_pages = CHECKPOINT_BYTES / page;
	store->checkpoint_pages_max = CHECKPOINT_BYTES_MAX / page;
	sqlite3_wal_hook(store->db, on_commit, store);
	return 0;
}

int wa_store_open(const char *path, unsigned flags, struct wa_store **ret_store, char **ret_error)
{
	struct wa_store *store = calloc(1, sizeof(*store));
	int open_flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
	char *error = NULL, pragmas[256];
	int from, r;

	*ret_error = NULL;
	if (!store)
		return -ENOMEM;
	store->read_only = flags & WA_STORE_READ_ONLY;
	open_flags |= store->read_only ? SQLITE_OPEN_READONLY
				       : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	r = sqlite3_open_v2(path, &store->db, open_flags, NULL);
	if (r != SQLITE_OK)
		return fail(store, r, path, ret_error);
	sqlite3_busy_timeout(store->db, 5000);
	/* Foreign data must not be able to run code: no extensions, defensive mode. */
	sqlite3_db_config(store->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	/*
	 * A new store gets 16 KiB pages: an outlet's article with its record
	 * (10-15 KB) then lies on one page where 4 KiB pages chained four, and
	 * a commit writes a quarter of the log frames (two pwrites each). The
	 * daemon's throughput with the store rose 15-20% on such articles.
	 * An existing store keeps its page size: WAL mode fixes it.
	 */
	snprintf(pragmas, sizeof(pragmas),
		 "PRAGMA page_size = %d; PRAGMA journal_mode = WAL; PRAGMA synchronous = %s; "
		 "PRAGMA temp_store = MEMORY;",
		 NEW_STORE_PAGE_SIZE, flags & WA_STORE_DURABLE ? "FULL" : "NORMAL");
	r = wa_store_register_fts5(store->db);
	if (r != SQLITE_OK)
		return fail(store, r, "cannot register the search functions", ret_error);
	if (!store->read_only) {
		r = sqlite3_exec(store->db, pragmas, NULL, NULL, NULL);
		if (r != SQLITE_OK)
			return fail(store, r, path, ret_error);
		r = wa_schema_migrate(store->db, &from, &error);
		if (r != SQLITE_OK) {
			if (asprintf(ret_error, "%s: cannot migrate the schema: %s", path,
				     error ? error : sqlite3_errmsg(store->db)) < 0)
				*ret_error = NULL;
			sqlite3_free(error);
			wa_store_close(store);
			return -EIO;
		}
		for (int i = 0; i < N_STATEMENTS; i++) {
			r = sqlite3_prepare_v3(store->db, statement_sql[i], -1,
					       SQLITE_PREPARE_PERSISTENT, &store->statements[i],
					       NULL);
			if (r != SQLITE_OK)
				return fail(store, r, statement_sql[i], ret_error);
		}
		if ((flags & WA_STORE_CHECKPOINT_APART) &&
		    (r = checkpoint_apart(store, path, flags & WA_STORE_DURABLE, ret_error)) < 0)
			return r;
	} else {
		sqlite3_stmt *stmt;
		int version = 0;

		r = sqlite3_prepare_v2(store->db, "PRAGMA user_version", -1, &stmt, NULL);
		if (r == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
			version = sqlite3_column_int(stmt, 0);
		sqlite3_finalize(stmt);
		if (r != SQLITE_OK)
			return fail(store, r, path, ret_error);
		if (version != WA_STORE_SCHEMA_VERSION) {
			if (asprintf(ret_error,
				     "%s: schema version %d, this warta reads %d (start the daemon "
				     "once to migrate it)",
				     path, version, WA_STORE_SCHEMA_VERSION) < 0)
				*ret_error = NULL;
			wa_store_close(store);
			return -EPROTO;
		}
	}
	*ret_store = store;
	return 0;
}

sqlite3 *wa_store_db(struct wa_store *store)
{
	return store->db;
}

int wa_store_begin(struct wa_store *store)
{
	return wa_store_errno(sqlite3_exec(store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL));
}

int wa_store_commit(struct wa_store *store)
{
	return wa_store_errno(sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL));
}

void wa_store_rollback(struct wa_store *store)
{
	if (!sqlite3_get_autocommit(store->db))
		(void)sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Runs a statement with no result rows and resets it. */
static int run(sqlite3_stmt *stmt)
{
	int r = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return r == SQLITE_DONE ? 0 : wa_store_errno(r);
}

static void bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(stmt, i);
}

/* Removes the old row's index entries and derived rows; returns its rowid, 0 if none. */
static int64_t forget_old(struct wa_store *s, const char *id, int *ret)
{
	sqlite3_stmt *find = s->statements[FIND];
	int64_t rowid = 0;
	int r;

	sqlite3_bind_text(find, 1, id, -1, SQLITE_STATIC);
	r = sqlite3_step(find);
	if (r == SQLITE_ROW) {
		sqlite3_stmt *del = s->statements[FTS_DELETE];

		rowid = sqlite3_column_int64(find, 0);
		sqlite3_bind_int64(del, 1, rowid);
		sqlite3_bind_value(del, 2, sqlite3_column_value(find, 1));
		sqlite3_bind_value(del, 3, sqlite3_column_value(find, 2));
		*ret = run(del);
		for (int i = DELETE_TAGS; i <= DELETE_DUPLICATES && *ret == 0; i++) {
			sqlite3_bind_int64(s->statements[i], 1, rowid);
			*ret = run(s->statements[i]);
		}
	} else {
		*ret = r == SQLITE_DONE ? 0 : wa_store_errno(r);
	}
	sqlite3_reset(find);
	sqlite3_clear_bindings(find);
	return rowid;
}

static int put_derived_rows(struct wa_store *s, int64_t rowid, const struct wa_store_row *row)
{
	int r = 0;

	for (size_t i = 0; i < row->n_tags && r == 0; i++) {
		sqlite3_stmt *st = s->statements[INSERT_TAG];
		const struct wa_store_tag *tag = &row->tags[i];

		sqlite3_bind_int64(st, 1, rowid);
		bind_text(st, 2, tag->name);
		if (tag->has_score)
			sqlite3_bind_double(st, 3, tag->score);
		bind_text(st, 4, tag->rule);
		bind_text(st, 5, row->date);
		r = run(st);
	}
	for (size_t i = 0; i < row->n_entities && r == 0; i++) {
		sqlite3_stmt *st = s->statements[INSERT_ENTITY];
		const struct wa_store_entity *entity = &row->entities[i];

		sqlite3_bind_int64(st, 1, rowid);
		bind_text(st, 2, entity->type);
		bind_text(st, 3, entity->name);
		if (entity->has_mentions)
			sqlite3_bind_int64(st, 4, entity->mentions);
		bind_text(st, 5, row->date);
		bind_text(st, 6, entity->code);
		r = run(st);
	}
	for (size_t i = 0; i < row->n_duplicates && r == 0; i++) {
		sqlite3_stmt *st = s->statements[INSERT_DUPLICATE];

		sqlite3_bind_int64(st, 1, rowid);
		bind_text(st, 2, row->duplicates[i]);
		r = run(st);
	}
	for (size_t i = 0; i < row->n_quotes && r == 0; i++) {
		sqlite3_stmt *st = s->statements[INSERT_QUOTE];

		sqlite3_bind_int64(st, 1, rowid);
		bind_text(st, 2, row->quotes[i].speaker);
		bind_text(st, 3, row->quotes[i].text);
		r = run(st);
	}
	return r;
}

int wa_store_put_row(struct wa_store *s, const struct wa_store_row *row)
{
	int64_t rowid;
	sqlite3_stmt *st;
	int r;

	rowid = forget_old(s, row->id, &r);
	if (r < 0)
		return r;
	st = s->statements[rowid ? UPDATE : INSERT];
	bind_text(st, 1, row->id);
	bind_text(st, 2, row->received);
	bind_text(st, 3, row->date);
	bind_text(st, 4, row->file);
	bind_text(st, 5, row->outlet);
	bind_text(st, 6, row->title);
	bind_text(st, 7, row->lang);
	bind_text(st, 8, row->published);
	bind_text(st, 9, row->text);
	bind_text(st, 10, row->rest);
	if (rowid)
		sqlite3_bind_int64(st, 11, rowid);
	r = run(st);
	if (r < 0)
		return r;
	if (!rowid)
		rowid = sqlite3_last_insert_rowid(s->db);
	st = s->statements[FTS_INSERT];
	sqlite3_bind_int64(st, 1, rowid);
	bind_text(st, 2, row->title);
	bind_text(st, 3, row->text);
	r = run(st);
	return r < 0 ? r : put_derived_rows(s, rowid, row);
}

int wa_store_put(struct wa_store *s, const char *json, size_t len)
{
	struct wa_store_row *row = NULL;
	cJSON *record = NULL;
	char *compact = NULL;
	int r;

	if (wa_json_parse(json, len, &record, NULL) < 0) {
		r = -EINVAL;
		goto out;
	}
	/* Stored as the daemon stores it: compact, whatever the input's layout. */
	compact = wa_json_print(record);
	r = compact ? wa_store_row_new(record, compact, strlen(compact), &row) : -ENOMEM;
	if (r == 0)
		r = wa_store_put_row(s, row);
out:
	free(row);
	free(compact);
	cJSON_Delete(record);
	return r;
}

int wa_store_delete_before(struct wa_store *s, const char *before, int limit)
{
	/*
	 * The oldest `limit` articles dated before the cutoff, the same set at
	 * each step (by date, then rowid) until the last step deletes them.
	 */
#define OLDEST "(SELECT rowid FROM articles WHERE date < ?1 ORDER BY date, rowid LIMIT ?2)"
	static const char *const steps[] = {
		("INSERT INTO fts (fts, rowid, title, text) SELECT 'delete', rowid, title, text "
		 "FROM articles WHERE rowid IN " OLDEST),
		"DELETE FROM tags WHERE article IN " OLDEST,
		"DELETE FROM entities WHERE article IN " OLDEST,
		"DELETE FROM quotes WHERE article IN " OLDEST,
		"DELETE FROM duplicates WHERE article IN " OLDEST,
		"DELETE FROM articles WHERE rowid IN " OLDEST,
	};
#undef OLDEST
	int r = 0, n = 0;

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]) && r == 0; i++) {
		sqlite3_stmt *st;

		r = wa_store_errno(sqlite3_prepare_v2(s->db, steps[i], -1, &st, NULL));
		if (r < 0)
			break;
		sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, limit);
		r = run(st);
		n = sqlite3_changes(s->db);
		sqlite3_finalize(st);
	}
	return r < 0 ? r : n;
}
