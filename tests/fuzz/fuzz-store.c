/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: any bytes as a record into the store (an in-memory one), then
 * searched: the record parser, the rows made of it, the upsert, the tokenizer
 * and the ranking on hostile text.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "json.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct wa_store *store(void)
{
	static struct wa_store *s;
	char *error = NULL;

	if (s)
		return s;
	wa_json_init();
	if (wa_store_open(":memory:", 0, &s, &error) < 0)
		abort();
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wa_store *s = store();
	sqlite3_stmt *stmt;

	if (wa_store_begin(s) < 0)
		abort();
	(void)wa_store_put(s, (const char *)data, size);
	/* The same bytes as a query, through the same tokenizer, ranked as searches are. */
	if (sqlite3_prepare_v2(
		    wa_store_db(s),
		    "SELECT rowid, warta_rank(fts, 5.0, 1.0) FROM fts WHERE fts MATCH ?1 "
		    "ORDER BY 2",
		    -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, (const char *)data, (int)size, SQLITE_STATIC);
		while (sqlite3_step(stmt) == SQLITE_ROW)
			;
		sqlite3_finalize(stmt);
	}
	wa_store_rollback(s);
	return 0;
}
