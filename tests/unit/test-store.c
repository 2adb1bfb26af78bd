/* SPDX-License-Identifier: MIT */
/*
 * The archive: records in and out, upserts, the stemming search in both
 * languages, the shared filters, retention and schema migration.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "json.h"
#include "store/query.h"
#include "store/row.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/tokenizer.h"
#include "wa-test.h"

static struct wa_store *open_store(unsigned flags)
{
	struct wa_store *store;
	char *error = NULL;

	if (wa_store_open(wa_test_path("warta.db"), flags, &store, &error) < 0)
		WA_TEST_FAIL("cannot open the store: %s", error ? error : "?");
	return store;
}

static void put(struct wa_store *store, const char *record)
{
	ASSERT_OK(wa_store_put(store, record, strlen(record)));
}

/* A record as the pipeline writes it; duplicates is the JSON list of earlier copies' ids. */
static char *record_with(const char *id, const char *date, const char *outlet, const char *lang,
			 const char *title, const char *text, const char *tags,
			 const char *duplicates)
{
	char *r;

	ASSERT_TRUE(
		asprintf(&r,
			 "{\"warta\":1,\"id\":\"%s\",\"received\":\"%sT08:00:00Z\","
			 "\"source\":{\"file\":\"%s.txt\",\"bytes\":10,\"format\":\"text\"},"
			 "\"title\":\"%s\",\"outlet\":\"%s\",\"lang\":{\"code\":\"%s\"},"
			 "\"text\":\"%s\",\"tags\":[%s],"
			 "\"entities\":[{\"type\":\"country\",\"name\":\"Belarus\",\"code\":\"BY\","
			 "\"mentions\":2}],\"quotes\":[{\"speaker\":\"Juru bicara\","
			 "\"text\":\"Kami siap\"}],\"duplicates\":%s}",
			 id, date, id, title, outlet, lang, text, tags, duplicates) > 0);
	return r;
}

static char *record(const char *id, const char *date, const char *outlet, const char *lang,
		    const char *title, const char *text, const char *tags)
{
	return record_with(id, date, outlet, lang, title, text, tags, "[]");
}

static void put_sample(struct wa_store *store)
{
	static const char *const samples[][7] = {
		{ "a1", "2026-03-01", "Kompas", "id", "Prajurit TNI berlatih di Natuna",
		  "Para prajurit berlatih bersama marinir. Latihan gabungan itu berlangsung sepekan.",
		  "{\"name\":\"latihan_militer\",\"score\":1,\"rule\":\"r\"}" },
		{ "a2", "2026-03-05", "Antara", "id", "Kemhan melatih pilot drone",
		  "Kementerian Pertahanan melatih pilot pesawat tanpa awak di Bandung.",
		  "{\"name\":\"drone_nirawak\",\"score\":1,\"rule\":\"r\"}" },
		{ "a3", "2026-04-10", "Reuters", "en", "Joint exercises near Minsk",
		  "Russian and Belarusian troops held joint exercises. The exercise ended Friday.",
		  "{\"name\":\"latihan_militer\",\"score\":0.8,\"rule\":\"r\"},"
		  "{\"name\":\"rusia_belarus\",\"score\":1,\"rule\":\"r\"}" },
		{ "a4", "2026-04-11", "Kompas", "id", "PRESIDEN PRANCIS BERKUNJUNG",
		  "Presiden Prancis tiba di Jakarta untuk membahas pembelian Rafale.", "" },
	};

	ASSERT_OK(wa_store_begin(store));
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		char *r = record(samples[i][0], samples[i][1], samples[i][2], samples[i][3],
				 samples[i][4], samples[i][5], samples[i][6]);

		put(store, r);
		free(r);
	}
	ASSERT_OK(wa_store_commit(store));
}

/* The ids a query selects, sorted, joined with spaces. */
static const char *ids(struct wa_store *store, const struct wa_query *q)
{
	static char out[256];
	sqlite3_stmt *stmt;

	out[0] = '\0';
	ASSERT_EQ(wa_query_prepare(wa_store_db(store), q, "a.id", NULL, NULL, "a.id", &stmt),
		  SQLITE_OK);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		if (out[0])
			strncat(out, " ", sizeof(out) - strlen(out) - 1);
		strncat(out, (const char *)sqlite3_column_text(stmt, 0),
			sizeof(out) - strlen(out) - 1);
	}
	sqlite3_finalize(stmt);
	return out;
}

static const char *search(struct wa_store *store, const char *text)
{
	struct wa_query q = { .text = text };

	return ids(store, &q);
}

static int64_t count(struct wa_store *store, const char *sql)
{
	sqlite3_stmt *stmt;
	int64_t n = -1;

	ASSERT_EQ(sqlite3_prepare_v2(wa_store_db(store), sql, -1, &stmt, NULL), SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

WA_TEST(a_record_comes_back_whole)
{
	struct wa_store *store = open_store(WA_STORE_DURABLE);
	sqlite3_stmt *stmt;
	cJSON *back;
	const char *json;

	put_sample(store);
	ASSERT_EQ(count(store, "SELECT count(*) FROM articles"), 4);
	ASSERT_EQ(count(store, "SELECT count(*) FROM tags"), 4);
	ASSERT_EQ(count(store, "SELECT count(*) FROM entities WHERE name = 'Belarus'"), 4);
	ASSERT_EQ(count(store, "SELECT count(*) FROM quotes"), 4);
	/* The text is stored once, in its column, and put back on the way out. */
	ASSERT_EQ(count(store,
			"SELECT count(*) FROM articles WHERE record LIKE '%berlatih bersama%'"),
		  0);
	ASSERT_EQ(sqlite3_prepare_v2(wa_store_db(store),
				     "SELECT json_set(record, '$.text', text), date, outlet, lang "
				     "FROM articles WHERE id = 'a1'",
				     -1, &stmt, NULL),
		  SQLITE_OK);
	ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
	json = (const char *)sqlite3_column_text(stmt, 0);
	ASSERT_OK(wa_json_parse(json, strlen(json), &back, NULL));
	ASSERT_STR_EQ(wa_json_get_string(back, "title"), "Prajurit TNI berlatih di Natuna");
	ASSERT_CONTAINS(wa_json_get_string(back, "text"), "Latihan gabungan itu");
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetObjectItemCaseSensitive(back, "source"), "file"),
		      "a1.txt");
	ASSERT_STR_EQ((const char *)sqlite3_column_text(stmt, 1), "2026-03-01");
	ASSERT_STR_EQ((const char *)sqlite3_column_text(stmt, 2), "Kompas");
	ASSERT_STR_EQ((const char *)sqlite3_column_text(stmt, 3), "id");
	cJSON_Delete(back);
	sqlite3_finalize(stmt);
	wa_store_close(store);
}

WA_TEST(storing_again_replaces_instead_of_duplicating)
{
	struct wa_store *store = open_store(0);
	char *first = record("b1", "2026-05-01", "Detik", "id", "Kapal selam", "Kapal selam tiba.",
			     "{\"name\":\"lama\",\"score\":1}");
	char *second = record("b1", "2026-05-01", "Detik", "id", "Fregat baru", "Fregat tiba.",
			      "{\"name\":\"baru\",\"score\":1}");

	ASSERT_OK(wa_store_begin(store));
	put(store, first);
	put(store, second);
	put(store, second);
	ASSERT_OK(wa_store_commit(store));
	ASSERT_EQ(count(store, "SELECT count(*) FROM articles"), 1);
	ASSERT_EQ(count(store, "SELECT count(*) FROM tags WHERE name = 'lama'"), 0);
	ASSERT_EQ(count(store, "SELECT count(*) FROM tags WHERE name = 'baru'"), 1);
	ASSERT_EQ(count(store, "SELECT count(*) FROM quotes"), 1);
	/* The old text left the index, the new one is in it once. */
	ASSERT_STR_EQ(search(store, "kapal"), "");
	ASSERT_STR_EQ(search(store, "fregat"), "b1");
	ASSERT_EQ(wa_store_put(store, "not json", 8), -EINVAL);
	ASSERT_EQ(wa_store_put(store, "{\"title\":\"no id\"}", 18), -EINVAL);
	free(first);
	free(second);
	wa_store_close(store);
}

WA_TEST(search_finds_words_in_any_form_in_both_languages)
{
	struct wa_store *store = open_store(0);

	put_sample(store);
	/* Indonesian: berlatih, melatih, latihan share the stem latih. */
	ASSERT_STR_EQ(search(store, "latihan"), "a1 a2");
	ASSERT_STR_EQ(search(store, "berlatih"), "a1 a2");
	ASSERT_STR_EQ(search(store, "pelatihan"), "a1 a2");
	/* English: exercise and exercises. */
	ASSERT_STR_EQ(search(store, "exercise"), "a3");
	ASSERT_STR_EQ(search(store, "EXERCISES"), "a3");
	/* Case and accents do not matter. */
	ASSERT_STR_EQ(search(store, "prancis"), "a4");
	ASSERT_STR_EQ(search(store, "Prancís"), "a4");
	/* FTS5 syntax: phrases, NEAR, OR, NOT, prefixes. */
	ASSERT_STR_EQ(search(store, "\"latihan gabungan\""), "a1");
	ASSERT_STR_EQ(search(store, "\"gabungan latihan\""), "");
	ASSERT_STR_EQ(search(store, "NEAR(prajurit marinir, 3)"), "a1");
	ASSERT_STR_EQ(search(store, "rafale OR minsk"), "a3 a4");
	ASSERT_STR_EQ(search(store, "latihan NOT drone"), "a1");
	ASSERT_STR_EQ(search(store, "belarus*"), "a3");
	wa_store_close(store);
}

WA_TEST(words_end_at_any_separator_and_go_on_through_any_letter)
{
	struct wa_store *store = open_store(0);
	char *r = record("u1", "2026-05-01", "Antara", "id", "Kafé di Türkiye",
			 "“Rudal”—kata juru bicara—buatan TÜRKİYE; ’’Siap’’ ujar Łukasz.\u00a0"
			 "Kode A1B2 dan 2026",
			 "");

	put(store, r);
	free(r);
	/* An ASCII word bounded by punctuation beyond ASCII. */
	ASSERT_STR_EQ(search(store, "rudal"), "u1");
	ASSERT_STR_EQ(search(store, "juru"), "u1");
	ASSERT_STR_EQ(search(store, "siap"), "u1");
	/* A word with letters beyond ASCII is one word, folded and stripped of its marks. */
	ASSERT_STR_EQ(search(store, "turkiye"), "u1");
	ASSERT_STR_EQ(search(store, "kafe"), "u1");
	ASSERT_STR_EQ(search(store, "caf"), "");
	ASSERT_STR_EQ(search(store, "ŁUKASZ"), "u1");
	ASSERT_STR_EQ(search(store, "\"ujar łukasz kode a1b2\""), "u1");
	ASSERT_STR_EQ(search(store, "a1b2"), "u1");
	ASSERT_STR_EQ(search(store, "2026"), "u1");
	/* Twice: the second time the stems come from the cache. */
	ASSERT_STR_EQ(search(store, "kafe"), "u1");
	ASSERT_STR_EQ(search(store, "rudal"), "u1");
	wa_store_close(store);
}

WA_TEST(filters_combine)
{
	struct wa_store *store = open_store(0);
	struct wa_query q = { 0 };

	put_sample(store);
	q.tags[q.n_tags++] = "latihan_militer";
	ASSERT_STR_EQ(ids(store, &q), "a1 a3");
	q.tags[q.n_tags++] = "rusia_belarus";
	ASSERT_STR_EQ(ids(store, &q), "a3");
	q = (struct wa_query){ .outlet = "kompas" };
	ASSERT_STR_EQ(ids(store, &q), "a1 a4");
	q.since = "2026-04-01";
	ASSERT_STR_EQ(ids(store, &q), "a4");
	q = (struct wa_query){ .lang = "en" };
	ASSERT_STR_EQ(ids(store, &q), "a3");
	q = (struct wa_query){ .since = "2026-03-02", .until = "2026-04-10" };
	ASSERT_STR_EQ(ids(store, &q), "a2 a3");
	q = (struct wa_query){ .text = "latihan", .outlet = "Antara" };
	ASSERT_STR_EQ(ids(store, &q), "a2");
	/* With a text, tag and entity filters test the index's rows (query.c). */
	q = (struct wa_query){ .text = "latihan", .n_tags = 1, .tags = { "latihan_militer" } };
	ASSERT_STR_EQ(ids(store, &q), "a1");
	q.n_entities = 1;
	q.entities[0] = "country:BY";
	ASSERT_STR_EQ(ids(store, &q), "a1");
	q.entities[0] = "person";
	ASSERT_STR_EQ(ids(store, &q), "");
	q = (struct wa_query){ .n_entities = 1, .entities = { "country:belarus" } };
	ASSERT_STR_EQ(ids(store, &q), "a1 a2 a3 a4");
	/* Its code finds it too, whatever the name it was written under. */
	q = (struct wa_query){ .n_entities = 1, .entities = { "country:by" } };
	ASSERT_STR_EQ(ids(store, &q), "a1 a2 a3 a4");
	q = (struct wa_query){ .n_entities = 1, .entities = { "country:RU" } };
	ASSERT_STR_EQ(ids(store, &q), "");
	q = (struct wa_query){ .n_entities = 1, .entities = { "person" } };
	ASSERT_STR_EQ(ids(store, &q), "");
	q = (struct wa_query){ .since = "2026-3-1" };
	ASSERT_NOT_NULL(wa_query_check(&q));
	wa_store_close(store);
}

WA_TEST(near_duplicates_are_found_both_ways_and_survive_reprocessing)
{
	struct wa_store *store = open_store(0);
	struct wa_query q = { .duplicates_of = "aaaa1111" };
	char *r;

	/* c1 and c2 copy a1 (their duplicates[] name it); b0 copies nothing. */
	ASSERT_OK(wa_store_begin(store));
	r = record("aaaa1111", "2026-03-01", "Antara", "id", "Asli", "Kapal selam tiba.", "");
	put(store, r);
	free(r);
	r = record_with("cccc2222", "2026-03-02", "Blog", "id", "Salinan", "Kapal selam tiba!", "",
			"[\"aaaa1111\"]");
	put(store, r);
	free(r);
	r = record_with("cccc3333", "2026-03-03", "Blog", "id", "Salinan", "Kapal selam tiba?", "",
			"[\"aaaa1111\",\"cccc2222\"]");
	put(store, r);
	free(r);
	r = record("bbbb0000", "2026-03-04", "Kompas", "id", "Lain", "Pesawat tempur tiba.", "");
	put(store, r);
	free(r);
	ASSERT_OK(wa_store_commit(store));
	/* The original's copies, and a copy's original and sibling copy. */
	ASSERT_STR_EQ(ids(store, &q), "cccc2222 cccc3333");
	q.duplicates_of = "cccc2222";
	ASSERT_STR_EQ(ids(store, &q), "aaaa1111 cccc3333");
	q.duplicates_of = "cccc3";
	ASSERT_STR_EQ(ids(store, &q), "aaaa1111 cccc2222");
	q.duplicates_of = "bbbb0000";
	ASSERT_STR_EQ(ids(store, &q), "");
	/* Stored again (reprocessed) without the pair: the pair is gone, not doubled. */
	r = record("cccc2222", "2026-03-02", "Blog", "id", "Salinan", "Kapal selam tiba!", "");
	put(store, r);
	free(r);
	q.duplicates_of = "aaaa1111";
	ASSERT_STR_EQ(ids(store, &q), "cccc3333");
	ASSERT_EQ(count(store, "SELECT count(*) FROM duplicates"), 2);
	q.duplicates_of = "AAAA";
	ASSERT_NOT_NULL(wa_query_check(&q));
	wa_store_close(store);
}

WA_TEST(retention_deletes_old_articles_everywhere)
{
	struct wa_store *store = open_store(0);

	put_sample(store);
	/* A batch at a time, oldest first: the transaction stays short. */
	ASSERT_OK(wa_store_begin(store));
	ASSERT_EQ(wa_store_delete_before(store, "2026-04-01", 1), 1);
	ASSERT_OK(wa_store_commit(store));
	ASSERT_EQ(count(store, "SELECT count(*) FROM articles"), 3);
	ASSERT_EQ(count(store, "SELECT count(*) FROM articles WHERE id = 'a2'"), 1);
	ASSERT_OK(wa_store_begin(store));
	ASSERT_EQ(wa_store_delete_before(store, "2026-04-01", 100), 1);
	ASSERT_EQ(wa_store_delete_before(store, "2026-04-01", 100), 0);
	ASSERT_OK(wa_store_commit(store));
	ASSERT_EQ(count(store, "SELECT count(*) FROM articles"), 2);
	ASSERT_EQ(count(store, "SELECT count(*) FROM tags"), 2);
	ASSERT_EQ(count(store, "SELECT count(*) FROM quotes"), 2);
	ASSERT_EQ(count(store, "SELECT count(*) FROM entities"), 2);
	ASSERT_STR_EQ(search(store, "latihan"), "");
	ASSERT_STR_EQ(search(store, "exercise"), "a3");
	wa_store_close(store);
}

WA_TEST(an_older_schema_is_migrated_with_its_data)
{
	struct wa_store *store;
	sqlite3 *db;
	char *sql, *r;

	/* A store as the previous version left it: schema 1, with one article. */
	ASSERT_EQ(sqlite3_open(wa_test_path("warta.db"), &db), SQLITE_OK);
	ASSERT_EQ(wa_store_register_fts5(db), SQLITE_OK);
	ASSERT_TRUE(asprintf(&sql,
			     "%s INSERT INTO articles (id, received, date, title, text, record) "
			     "VALUES ('old', '2025-01-01T00:00:00Z', '2025-01-01', 'Lama', "
			     "'Kapal perang lama', '{\"id\":\"old\",\"entities\":[{\"type\":"
			     "\"country\",\"name\":\"Rusia\",\"code\":\"RU\"}],\"duplicates\":"
			     "[\"0123abcd\"]}');"
			     "INSERT INTO entities (article, type, name) SELECT rowid, 'country', "
			     "'Rusia' FROM articles;"
			     "INSERT INTO fts (rowid, title, text) SELECT rowid, title, text FROM "
			     "articles; INSERT INTO tags (article, name) SELECT rowid, 'lama' FROM "
			     "articles; PRAGMA user_version = 1;",
			     wa_schema_migration(1)) > 0);
	ASSERT_EQ(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
	sqlite3_close(db);
	ASSERT_EQ(WA_STORE_SCHEMA_VERSION, 5);

	/* Read-only commands refuse an old schema instead of guessing. */
	{
		char *error = NULL;

		ASSERT_EQ(
			wa_store_open(wa_test_path("warta.db"), WA_STORE_READ_ONLY, &store, &error),
			-EPROTO);
		ASSERT_CONTAINS(error, "schema version 1");
		free(error);
	}
	store = open_store(0);
	ASSERT_EQ(count(store, "PRAGMA user_version"), 5);
	ASSERT_EQ(count(store, "SELECT count(*) FROM articles WHERE id = 'old'"), 1);
	ASSERT_EQ(count(store, "SELECT count(*) FROM quotes"), 0); /* version 2's table */
	/* Version 3 dated the tags from their articles. */
	ASSERT_EQ(count(store, "SELECT count(*) FROM tags WHERE date = '2025-01-01'"), 1);
	/* Version 4 took entity codes and near-duplicate pairs from the stored records. */
	ASSERT_EQ(count(store, "SELECT count(*) FROM entities WHERE code = 'RU'"), 1);
	ASSERT_EQ(count(store, "SELECT count(*) FROM duplicates WHERE other = '0123abcd'"), 1);
	/* Version 5 keyed tags and entities by article, keeping their rows and indexes. */
	ASSERT_EQ(count(store, "SELECT count(*) FROM pragma_index_info('sqlite_autoindex_"
			       "entities_1') WHERE seqno = 0 AND name = 'article'"),
		  1);
	ASSERT_EQ(count(store, "SELECT count(*) FROM pragma_index_info('sqlite_autoindex_"
			       "tags_1') WHERE seqno = 0 AND name = 'article'"),
		  1);
	ASSERT_EQ(count(store, "SELECT count(*) FROM sqlite_schema WHERE name IN "
			       "('entities_date', 'entities_code', 'tags_date')"),
		  3);
	ASSERT_EQ(
		count(store, "SELECT count(*) FROM tags WHERE name = 'lama' AND date IS NOT NULL"),
		1);
	ASSERT_STR_EQ(search(store, "kapal"), "old");
	r = record("new", "2026-01-01", "Antara", "id", "Baru", "Kapal baru", "");
	put(store, r);
	free(r);
	ASSERT_STR_EQ(search(store, "kapal"), "new old");
	ASSERT_EQ(count(store, "SELECT count(*) FROM quotes"), 1);
	wa_store_close(store);
}

/* The row's record is what printing the record without its text gives. */
static void assert_cut_matches_reprint(const char *json)
{
	struct wa_store_row *row;
	cJSON *record, *text;
	char *printed, *expected;

	ASSERT_OK(wa_json_parse(json, strlen(json), &record, NULL));
	printed = wa_json_print(record);
	ASSERT_OK(wa_store_row_new(record, printed, strlen(printed), &row));
	text = cJSON_DetachItemFromObjectCaseSensitive(record, "text");
	expected = wa_json_print(record);
	ASSERT_STR_EQ(row->rest, expected);
	ASSERT_STR_EQ(row->text, cJSON_IsString(text) ? text->valuestring : "");
	free(expected);
	free(row);
	free(printed);
	cJSON_Delete(text);
	cJSON_Delete(record);
}

WA_TEST(a_records_text_is_cut_out_wherever_it_stands)
{
	size_t start, end;

	assert_cut_matches_reprint("{\"id\":\"a\",\"text\":\"Isi\",\"title\":\"Judul\"}");
	assert_cut_matches_reprint("{\"text\":\"Isi\",\"id\":\"a\"}");
	assert_cut_matches_reprint("{\"id\":\"a\",\"title\":\"Judul\",\"text\":\"Isi\"}");
	assert_cut_matches_reprint("{\"id\":\"a\"}");
	/* Members named text further down, and strings that look like JSON, stay. */
	assert_cut_matches_reprint(
		"{\"id\":\"a\",\"quotes\":[{\"text\":\"\\\"Kami siap},\\\" katanya\"}],"
		"\"title\":\"{\\\"text\\\":1}\",\"n\":[1,2.5,true,null,{\"text\":[]}],"
		"\"text\":\"Baris \\\"satu\\\"\\n\\\\dua\",\"z\":false}");
	/* Any layout, not only compact. */
	ASSERT_EQ(wa_json_member_span(" { \"a\" : 1 ,\n \"text\" : \"x\" }", 28, "text", &start,
				      &end),
		  1);
	ASSERT_EQ(start, 11); /* from the comma before: the member is the last */
	ASSERT_EQ(end, 26);
	ASSERT_EQ(wa_json_member_span("{}", 2, "text", &start, &end), 0);
	ASSERT_EQ(wa_json_member_span("[1]", 3, "text", &start, &end), -EINVAL);
	ASSERT_EQ(wa_json_member_span("{\"text\":\"x", 10, "text", &start, &end), -EINVAL);
	ASSERT_EQ(wa_json_member_span("{\"a\" 1}", 7, "text", &start, &end), -EINVAL);
}

WA_TEST(a_row_keeps_what_the_tables_need_and_skips_incomplete_entries)
{
	const char *json =
		"{\"id\":\"r1\",\"received\":\"2026-05-02T01:00:00Z\",\"published\":null,"
		"\"source\":{\"file\":\"r1.txt\"},\"lang\":{\"code\":\"id\",\"confidence\":0.9},"
		"\"outlet\":\"Antara\",\"title\":\"Judul\",\"text\":\"Isi\","
		"\"tags\":[{\"name\":\"latihan\",\"score\":2,\"rule\":\"latihan\"},{\"score\":1},"
		"{\"name\":\"nuklir\"}],"
		"\"entities\":[{\"type\":\"country\",\"name\":\"Belarus\",\"code\":\"BY\","
		"\"mentions\":3},{\"type\":\"person\"},{\"type\":\"org\",\"name\":\"TNI\"}],"
		"\"quotes\":[{\"speaker\":\"Prabowo\",\"text\":\"Siap\"},{\"speaker\":\"X\"},"
		"{\"text\":\"Tanpa nama\"}],\"duplicates\":[\"abcd\",7]}";
	struct wa_store_row *row;
	cJSON *record;

	ASSERT_OK(wa_json_parse(json, strlen(json), &record, NULL));
	ASSERT_OK(wa_store_row_new(record, json, strlen(json), &row));
	ASSERT_STR_EQ(row->id, "r1");
	ASSERT_STR_EQ(row->date, "2026-05-02"); /* no publication date: the day received */
	ASSERT_NULL(row->published);
	ASSERT_STR_EQ(row->lang, "id");
	ASSERT_STR_EQ(row->file, "r1.txt");
	ASSERT_EQ(row->n_tags, 2);
	ASSERT_STR_EQ(row->tags[0].rule, "latihan");
	ASSERT_TRUE(row->tags[0].has_score && row->tags[0].score == 2);
	ASSERT_FALSE(row->tags[1].has_score);
	ASSERT_NULL(row->tags[1].rule);
	ASSERT_EQ(row->n_entities, 2);
	ASSERT_STR_EQ(row->entities[0].code, "BY");
	ASSERT_EQ(row->entities[0].mentions, 3);
	ASSERT_STR_EQ(row->entities[1].name, "TNI");
	ASSERT_NULL(row->entities[1].code);
	ASSERT_EQ(row->n_quotes, 2);
	ASSERT_NULL(row->quotes[1].speaker);
	ASSERT_EQ(row->n_duplicates, 1);
	ASSERT_STR_EQ(row->duplicates[0], "abcd");
	free(row);
	cJSON_Delete(record);

	ASSERT_OK(wa_json_parse("{\"title\":\"no id\"}", 17, &record, NULL));
	ASSERT_EQ(wa_store_row_new(record, "{\"title\":\"no id\"}", 17, &row), -EINVAL);
	cJSON_Delete(record);
}

/* The entity rows of a record whose entities are a tree, and of the same kept as JSON text. */
WA_TEST(entities_kept_as_json_text_give_the_rows_their_tree_gives)
{
	static const char entities[] =
		"[{\"type\":\"country\",\"name\":\"Belarus\",\"code\":\"BY\",\"mentions\":3,"
		"\"aliases\":[\"Belarusia\",\"{\\\"name\\\":1}\"],\"offsets\":[[12,19],[40,47]]},"
		"{\"type\":\"person\",\"aliases\":[{\"name\":\"nested, not the entity's\"}]},"
		"{\"type\":\"org\",\"name\":\"Dewan \\\"Keamanan\\\" PBB \\u00e9\",\"code\":null,"
		"\"mentions\":12},"
		"{\"name\":\"no type\",\"type\":7},"
		"{\"mentions\":1.5e1,\"name\":\"Shoigu\",\"type\":\"person\",\"role\":\"Menhan\"}]";
	const char *json = "{\"id\":\"r2\",\"received\":\"2026-05-02T01:00:00Z\",\"text\":\"Isi\"}";
	struct wa_store_row *from_tree, *from_text;
	cJSON *tree, *text_record, *list, *raw;

	ASSERT_OK(wa_json_parse(json, strlen(json), &tree, NULL));
	ASSERT_OK(wa_json_parse(json, strlen(json), &text_record, NULL));
	ASSERT_OK(wa_json_parse(entities, strlen(entities), &list, NULL));
	ASSERT_OK(wa_json_raw(entities, strlen(entities), &raw, NULL));
	ASSERT_OK(wa_json_set(tree, "entities", list));
	ASSERT_OK(wa_json_set(text_record, "entities", raw));
	ASSERT_OK(wa_store_row_new(tree, json, strlen(json), &from_tree));
	ASSERT_OK(wa_store_row_new(text_record, json, strlen(json), &from_text));
	ASSERT_EQ(from_text->n_entities, 3);
	ASSERT_EQ(from_text->n_entities, from_tree->n_entities);
	for (size_t i = 0; i < from_tree->n_entities; i++) {
		const struct wa_store_entity *a = &from_tree->entities[i],
					     *b = &from_text->entities[i];

		ASSERT_STR_EQ(b->type, a->type);
		ASSERT_STR_EQ(b->name, a->name);
		ASSERT_TRUE((a->code == NULL) == (b->code == NULL));
		if (a->code)
			ASSERT_STR_EQ(b->code, a->code);
		ASSERT_EQ(b->has_mentions, a->has_mentions);
		ASSERT_EQ(b->mentions, a->mentions);
	}
	ASSERT_STR_EQ(from_text->entities[1].name, "Dewan \"Keamanan\" PBB \u00e9");
	ASSERT_EQ(from_text->entities[2].mentions, 15);
	free(from_tree);
	free(from_text);
	cJSON_Delete(tree);
	cJSON_Delete(text_record);
}

/* The id of the best-ranked match. */
static const char *first_ranked(struct wa_store *store, const char *text)
{
	static char out[64];
	struct wa_query q = { .text = text, .limit = 1 };
	sqlite3_stmt *stmt;

	out[0] = '\0';
	ASSERT_EQ(wa_query_prepare(wa_store_db(store), &q, "a.id", NULL, NULL, NULL, &stmt),
		  SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		snprintf(out, sizeof(out), "%s", (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return out;
}

WA_TEST(ranking_prefers_rare_words_and_titles_even_when_a_word_is_everywhere)
{
	struct wa_store *store = open_store(0);
	char id[16], *r;

	/* "kapal" in 2,000 of 3,000 articles: more than the ranking counts exactly. */
	ASSERT_OK(wa_store_begin(store));
	for (int i = 0; i < 3000; i++) {
		snprintf(id, sizeof(id), "k%04d", i);
		r = record(id, "2026-02-01", "Antara", "id", "Berita",
			   i % 3 ? "kapal patroli berlayar pagi ini"
				 : "pesawat terbang rendah pagi ini",
			   "");
		put(store, r);
		free(r);
	}
	r = record("rare", "2026-02-02", "Antara", "id", "Berita",
		   "selam patroli berlayar pagi ini", "");
	put(store, r);
	free(r);
	r = record("in_title", "2026-02-02", "Antara", "id", "Kapal selam",
		   "armada patroli berlayar pagi ini", "");
	put(store, r);
	free(r);
	ASSERT_OK(wa_store_commit(store));
	/* One hit of a rare word outweighs one hit of a word in most articles. */
	ASSERT_STR_EQ(first_ranked(store, "kapal OR selam"), "in_title");
	ASSERT_STR_EQ(first_ranked(store, "(kapal OR selam) NOT armada"), "rare");
	/* A word in the title counts more than the same word in the text. */
	ASSERT_STR_EQ(first_ranked(store, "selam"), "in_title");
	ASSERT_STR_EQ(first_ranked(store, "selam NOT armada"), "rare");
	wa_store_close(store);
}

static off_t file_size(const char *name)
{
	struct stat st;

	return stat(wa_test_path(name), &st) == 0 ? st.st_size : -1;
}

WA_TEST(checkpoints_apart_copy_the_log_into_the_database_while_commits_go_on)
{
	struct wa_store *store = open_store(WA_STORE_CHECKPOINT_APART);
	char id[16], text[2600], *r;
	const struct timespec pause = { 0, 10 * 1000 * 1000 };

	/* About 6 MB in 40 transactions: the log passes 1,000 pages several times. */
	for (int batch = 0; batch < 40; batch++) {
		ASSERT_OK(wa_store_begin(store));
		for (int i = 0; i < 50; i++) {
			size_t len = 0;

			snprintf(id, sizeof(id), "c%02d%02d", batch, i);
			while (len + 64 < sizeof(text))
				len += (size_t)snprintf(
					text + len, sizeof(text) - len,
					"Kapal patroli %d berlayar ke Natuna pagi ini. ",
					batch * 50 + i + (int)len);
			r = record(id, "2026-03-01", "Antara", "id", "Patroli", text, "");
			put(store, r);
			free(r);
		}
		ASSERT_OK(wa_store_commit(store));
	}
	/* The commits left the copying to the checkpointer: wait for it, at most 20 s. */
	for (int waited = 0; file_size("warta.db") < 4 * 1024 * 1024 && waited < 2000; waited++)
		nanosleep(&pause, NULL);
	ASSERT_TRUE(file_size("warta.db") >= 4 * 1024 * 1024);
	ASSERT_EQ(count(store, "SELECT count(*) FROM articles"), 2000);
	wa_store_close(store);

	/* Closed, nothing is left in a log, and every article is there. */
	ASSERT_TRUE(file_size("warta.db-wal") <= 0);
	store = open_store(WA_STORE_READ_ONLY);
	ASSERT_EQ(count(store, "SELECT count(*) FROM articles"), 2000);
	ASSERT_EQ(count(store, "SELECT count(*) FROM fts WHERE fts MATCH 'natuna'"), 2000);
	wa_store_close(store);
}

WA_TEST_MAIN(WA_TEST_ENTRY(a_record_comes_back_whole),
	     WA_TEST_ENTRY(storing_again_replaces_instead_of_duplicating),
	     WA_TEST_ENTRY(search_finds_words_in_any_form_in_both_languages),
	     WA_TEST_ENTRY(filters_combine),
	     WA_TEST_ENTRY(near_duplicates_are_found_both_ways_and_survive_reprocessing),
	     WA_TEST_ENTRY(retention_deletes_old_articles_everywhere),
	     WA_TEST_ENTRY(an_older_schema_is_migrated_with_its_data),
	     WA_TEST_ENTRY(words_end_at_any_separator_and_go_on_through_any_letter),
	     WA_TEST_ENTRY(a_records_text_is_cut_out_wherever_it_stands),
	     WA_TEST_ENTRY(a_row_keeps_what_the_tables_need_and_skips_incomplete_entries),
	     WA_TEST_ENTRY(entities_kept_as_json_text_give_the_rows_their_tree_gives),
	     WA_TEST_ENTRY(ranking_prefers_rare_words_and_titles_even_when_a_word_is_everywhere),
	     WA_TEST_ENTRY(checkpoints_apart_copy_the_log_into_the_database_while_commits_go_on))
