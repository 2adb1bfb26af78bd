/* SPDX-License-Identifier: MIT */
/*
 * The search index's tokenizer, "warta", registered on every connection.
 *
 * A token is a run of letters, marks and digits. It is case-folded and
 * stripped of diacritics (so "Prancis" finds "PRANCIS" and "Perancis" does
 * not need an accent), then stemmed with Snowball's Indonesian and English
 * stemmers; when the two stems differ both are indexed at the same position,
 * so "latihan" finds "berlatih" and "melatih", and "exercises" finds
 * "exercise", without knowing the article's language. Queries go through the
 * same steps (their two stems are alternatives); prefix queries ("latih*")
 * are folded but not stemmed.
 */
#ifndef WA_TOKENIZER_H
#define WA_TOKENIZER_H

#include <sqlite3.h>

/* Registers the tokenizer with FTS5. Returns SQLITE_OK or an SQLite error code. */
int wa_tokenizer_register(fts5_api *api);

#endif
