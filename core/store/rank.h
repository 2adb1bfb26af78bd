/* SPDX-License-Identifier: MIT */
/*
 * The search's ranking function, warta_rank(fts, weight per column...):
 * BM25 that stays fast on common words at a million articles (rank.c).
 * Lower is better, like bm25().
 */
#ifndef WA_RANK_H
#define WA_RANK_H

#include <sqlite3.h>

/* Registers warta_rank with FTS5. Returns SQLITE_OK or an SQLite error code. */
int wa_rank_register(fts5_api *api);

#endif
