/* SPDX-License-Identifier: MIT */
/* The store's schema and its migrations (schema.c). */
#ifndef WA_SCHEMA_H
#define WA_SCHEMA_H

#include <sqlite3.h>

/*
 * Brings db to WA_STORE_SCHEMA_VERSION, one migration per transaction.
 * *ret_from is the version found. On failure returns the SQLite code and
 * may set *ret_error (free with sqlite3_free).
 */
int wa_schema_migrate(sqlite3 *db, int *ret_from, char **ret_error);

/* The SQL of migration `version` (1-based), for tests that build old stores. */
const char *wa_schema_migration(int version);

#endif
