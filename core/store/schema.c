/* SPDX-License-Identifier: MIT */
/*
 * The store's schema, as the migrations that build it: migration N takes a
 * store from user_version N-1 to N. Existing migrations are never edited;
 * a change is a new one at the end (and WA_STORE_SCHEMA_VERSION goes up).
 */
#include "schema.h"

#include <stddef.h>

#include "store.h"

static const char *const migrations[] = {
	/* 1: articles, tags, entities and the search index. */
	"CREATE TABLE articles ("
	"  rowid INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  received TEXT NOT NULL,"
	"  date TEXT NOT NULL," /* published, else the day received: YYYY-MM-DD */
	"  file TEXT, outlet TEXT, title TEXT, lang TEXT, published TEXT,"
	"  text TEXT NOT NULL DEFAULT '',"
	"  record TEXT NOT NULL);" /* the record without "text" */
	"CREATE INDEX articles_date ON articles(date);"
	"CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE, date);"
	"CREATE TABLE tags ("
	"  article INTEGER NOT NULL, name TEXT NOT NULL, score REAL, rule TEXT,"
	"  PRIMARY KEY (name, article)) WITHOUT ROWID;"
	"CREATE INDEX tags_article ON tags(article);"
	"CREATE TABLE entities ("
	"  article INTEGER NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, mentions INTEGER,"
	"  PRIMARY KEY (type, name, article)) WITHOUT ROWID;"
	"CREATE INDEX entities_article ON entities(article);"
	"CREATE VIRTUAL TABLE fts USING fts5(title, text, content='articles',"
	"  content_rowid='rowid', tokenize='warta');",

	/* 2: quotations with their speakers; the language of each article for counts. */
	"CREATE TABLE quotes ("
	"  article INTEGER NOT NULL, speaker TEXT, text TEXT NOT NULL);"
	"CREATE INDEX quotes_article ON quotes(article);"
	"CREATE INDEX articles_lang ON articles(lang, date);",

	/* 3: the article's date on tags and entities, so counts over a period read one index. */
	"ALTER TABLE tags ADD COLUMN date TEXT;"
	"UPDATE tags SET date = (SELECT date FROM articles WHERE rowid = tags.article);"
	"CREATE INDEX tags_date ON tags(date, name);"
	"ALTER TABLE entities ADD COLUMN date TEXT;"
	"UPDATE entities SET date = (SELECT date FROM articles WHERE rowid = entities.article);"
	"CREATE INDEX entities_date ON entities(date, type, name);",

	/*
	 * 4: entity codes (country:BY finds Belarus however the text spelt it)
	 * and the near-duplicate pairs of the records, both filled from the
	 * stored records.
	 */
	"ALTER TABLE entities ADD COLUMN code TEXT;"
	"UPDATE entities SET code = (SELECT json_extract(e.value, '$.code')"
	"  FROM articles a, json_each(a.record, '$.entities') e"
	"  WHERE a.rowid = entities.article AND json_valid(a.record)"
	"  AND json_extract(e.value, '$.type') = entities.type"
	"  AND json_extract(e.value, '$.name') = entities.name);"
	"CREATE INDEX entities_code ON entities(type, code) WHERE code IS NOT NULL;"
	"CREATE TABLE duplicates ("
	"  article INTEGER NOT NULL, other TEXT NOT NULL,"
	"  PRIMARY KEY (other, article)) WITHOUT ROWID;"
	"CREATE INDEX duplicates_article ON duplicates(article);"
	"INSERT OR IGNORE INTO duplicates (article, other)"
	"  SELECT a.rowid, d.value FROM articles a, json_each(a.record, '$.duplicates') d"
	"  WHERE json_valid(a.record) AND d.type = 'text';",

	/*
	 * 5: tags and entities keyed by article first. Each article's rows then
	 * go where the newest article's went, a page or two per commit, instead
	 * of one page per distinct name scattered over the whole table; that
	 * also makes the separate article index redundant. Counts by name read
	 * the date indexes, which cover them.
	 */
	"CREATE TABLE tags_by_article ("
	"  article INTEGER NOT NULL, name TEXT NOT NULL, score REAL, rule TEXT, date TEXT,"
	"  PRIMARY KEY (article, name)) WITHOUT ROWID;"
	"INSERT INTO tags_by_article SELECT article, name, score, rule, date FROM tags"
	"  ORDER BY article, name;"
	"DROP TABLE tags;"
	"ALTER TABLE tags_by_article RENAME TO tags;"
	"CREATE INDEX tags_date ON tags(date, name);"
	"CREATE TABLE entities_by_article ("
	"  article INTEGER NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, mentions INTEGER,"
	"  date TEXT, code TEXT, PRIMARY KEY (article, type, name)) WITHOUT ROWID;"
	"INSERT INTO entities_by_article SELECT article, type, name, mentions, date, code"
	"  FROM entities ORDER BY article, type, name;"
	"DROP TABLE entities;"
	"ALTER TABLE entities_by_article RENAME TO entities;"
	"CREATE INDEX entities_date ON entities(date, type, name);"
	"CREATE INDEX entities_code ON entities(type, code) WHERE code IS NOT NULL;",
};

_Static_assert(sizeof(migrations) / sizeof(migrations[0]) == WA_STORE_SCHEMA_VERSION,
	       "one migration per schema version");

int wa_schema_migrate(sqlite3 *db, int *ret_from, char **ret_error)
{
	sqlite3_stmt *stmt;
	int version = 0, r;

	r = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL);
	if (r != SQLITE_OK)
		return r;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		version = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	*ret_from = version;
	if (version > WA_STORE_SCHEMA_VERSION) {
		*ret_error = sqlite3_mprintf("schema version %d is newer than this warta's (%d)",
					     version, WA_STORE_SCHEMA_VERSION);
		return SQLITE_ERROR;
	}
	for (int v = version; v < WA_STORE_SCHEMA_VERSION; v++) {
		char *sql = sqlite3_mprintf("BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
					    migrations[v], v + 1);

		if (!sql)
			return SQLITE_NOMEM;
		r = sqlite3_exec(db, sql, NULL, NULL, ret_error);
		sqlite3_free(sql);
		if (r != SQLITE_OK) {
			(void)sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return r;
		}
	}
	return SQLITE_OK;
}

const char *wa_schema_migration(int version)
{
	if (version < 1 || version > WA_STORE_SCHEMA_VERSION)
		return NULL;
	return migrations[version - 1];
}
