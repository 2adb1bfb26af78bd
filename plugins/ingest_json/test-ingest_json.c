/* SPDX-License-Identifier: MIT */
/* ingest_json: objects, arrays and JSON Lines in, one article per item out. */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "json.h"
#include "pipeline.h"
#include "plugin.h"
#include "wa-test.h"

struct run {
	struct wa_config config;
	struct wa_plugin_catalog *catalog;
	struct wa_plugin_set *set;
	struct wa_article *article;
	int status;
};

static void run(struct run *r, const char *name, const char *bytes)
{
	static const char conf[] = "pipeline = { 'ingest_json', 'ingest_text' }";
	char *error = NULL, *copy = strdup(bytes);

	ASSERT_OK(wa_config_init_defaults(&r->config));
	ASSERT_OK(wa_config_load_string(conf, strlen(conf), "test", &r->config, &error));
	ASSERT_OK(wa_config_set_path(&r->config.spool_dir, wa_test_dir));
	ASSERT_OK(wa_config_resolve(&r->config));
	ASSERT_OK(wa_plugin_catalog_new(NULL, &r->catalog));
	ASSERT_OK(wa_plugin_set_new(r->catalog, &r->config, 0, &r->set, &error));
	r->article = wa_article_new(name, copy, strlen(bytes), NULL, 0);
	ASSERT_NOT_NULL(r->article);
	r->status = wa_pipeline_run(r->set, NULL, r->article);
}

static void done(struct run *r)
{
	wa_article_free(r->article);
	wa_plugin_set_free(r->set);
	wa_plugin_catalog_free(r->catalog);
	wa_config_fini(&r->config);
}

static const cJSON *field(struct wa_article *a, const char *path)
{
	return wa_json_get_path(wa_article_fields(a), path);
}

static size_t n_records(struct run *r)
{
	size_t n = 0;

	while (wa_pipeline_record(r->article, n))
		n++;
	return n;
}

WA_TEST(one_object_is_one_article_with_its_metadata)
{
	struct run r = { 0 };
	struct wa_article *a;

	run(&r, "kompas.json",
	    "\xef\xbb\xbf {\"headline\": \"TNI AL Terima Dua Kapal Baru\", \"content\": "
	    "\"SURABAYA - TNI AL menerima dua kapal patroli.\", \"url\": "
	    "\"https://example.com/a\", \"datePublished\": \"2026-11-20T09:00:00+07:00\", "
	    "\"author\": [{\"name\": \"Rina\"}, \"Budi\"], \"publisher\": {\"name\": \"Kompas\"}}");
	ASSERT_OK(r.status);
	ASSERT_EQ(n_records(&r), 1);
	a = wa_pipeline_record(r.article, 0);
	ASSERT_STR_EQ(wa_article_title(a), "TNI AL Terima Dua Kapal Baru");
	ASSERT_STR_EQ(wa_article_text(a), "SURABAYA - TNI AL menerima dua kapal patroli.");
	ASSERT_STR_EQ(wa_article_get_string(a, "source.format"), "json");
	ASSERT_STR_EQ(wa_article_get_string(a, "source.url"), "https://example.com/a");
	ASSERT_STR_EQ(wa_article_get_string(a, "published"), "2026-11-20T09:00:00+07:00");
	ASSERT_STR_EQ(wa_article_get_string(a, "outlet"), "Kompas");
	ASSERT_EQ(cJSON_GetArraySize(field(a, "authors")), 2);
	ASSERT_STR_EQ(cJSON_GetArrayItem(field(a, "authors"), 0)->valuestring, "Rina");
	done(&r);
}

/* Scrapers' and converted feeds' dates, made ISO 8601 as the record keeps them. */
WA_TEST(publication_dates_in_scraper_forms_become_iso)
{
	static const struct {
		const char *json, *published;
	} cases[] = {
		{ "{\"title\": \"Kapal Selam Baru\", \"content\": \"Kapal selam tiba di "
		  "Surabaya.\", \"publish_date\": \"2026-11-30 14:05:00\"}",
		  "2026-11-30T14:05:00" },
		{ "{\"title\": \"Kapal Selam Baru\", \"content\": \"Kapal selam tiba di "
		  "Surabaya.\", \"pubDate\": \"Mon, 30 Nov 2026 14:05:00 +0700\"}",
		  "2026-11-30T14:05:00+07:00" },
		{ "{\"title\": \"Kapal Selam Baru\", \"content\": \"Kapal selam tiba di "
		  "Surabaya.\", \"publishedAt\": \"kemarin sore\"}",
		  "kemarin sore" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct run r = { 0 };

		run(&r, "scraper.json", cases[i].json);
		ASSERT_OK(r.status);
		ASSERT_STR_EQ(wa_article_get_string(wa_pipeline_record(r.article, 0), "published"),
			      cases[i].published);
		done(&r);
	}
}

WA_TEST(an_array_gives_an_article_per_item_with_its_own_id)
{
	const char *item = "{\"title\":\"Satu\",\"text\":\"Isi satu.\"}";
	char file[256], other[256];
	struct run r = { 0 }, s = { 0 };

	snprintf(file, sizeof(file),
		 "[%s, {\"title\":\"Dua\",\"text\":\"Isi dua.\"}, "
		 "{\"title\":\"Tanpa isi\"}, 42]",
		 item);
	run(&r, "crawl.json", file);
	ASSERT_OK(r.status);
	ASSERT_EQ(n_records(&r), 2); /* the item without text and the number are skipped */
	ASSERT_STR_EQ(wa_article_title(wa_pipeline_record(r.article, 0)), "Satu");
	ASSERT_STR_EQ(wa_article_title(wa_pipeline_record(r.article, 1)), "Dua");
	ASSERT_TRUE(strcmp(wa_article_id(wa_pipeline_record(r.article, 0)),
			   wa_article_id(wa_pipeline_record(r.article, 1))) != 0);
	/* The same item in another file is the same article. */
	snprintf(other, sizeof(other), "[{\"title\":\"Lain\",\"text\":\"Lain.\"}, %s]", item);
	run(&s, "crawl2.json", other);
	ASSERT_STR_EQ(wa_article_id(wa_pipeline_record(r.article, 0)),
		      wa_article_id(wa_pipeline_record(s.article, 1)));
	done(&r);
	done(&s);
}

WA_TEST(json_lines_survive_a_bad_line)
{
	struct run r = { 0 };

	run(&r, "feed.jsonl",
	    "{\"title\":\"A\",\"body\":\"Pertama.\"}\n"
	    "{\"title\":\"B\",\"body\":\"Kedua.\"\n"
	    "\n"
	    "{\"title\":\"C\",\"body\":\"Ketiga.\"}\n");
	ASSERT_OK(r.status);
	ASSERT_EQ(n_records(&r), 2);
	ASSERT_STR_EQ(wa_article_title(wa_pipeline_record(r.article, 1)), "C");
	done(&r);
}

WA_TEST(broken_json_is_refused_with_the_offset)
{
	struct run r = { 0 };

	run(&r, "rusak.json", "{\"title\": \"Rusak\", \"text\": \"Terpotong di");
	ASSERT_EQ(r.status, WA_PIPELINE_REJECTED);
	ASSERT_CONTAINS(wa_article_rejection(r.article), "malformed JSON at byte");
	done(&r);
	run(&r, "tanpa-isi.json", "{\"title\": \"Hanya judul\"}");
	ASSERT_EQ(r.status, WA_PIPELINE_REJECTED);
	ASSERT_CONTAINS(wa_article_rejection(r.article), "without text");
	done(&r);
}

WA_TEST(text_that_only_looks_like_json_stays_text)
{
	struct run r = { 0 };

	run(&r, "berita.txt", "[FOTO] Latihan Gabungan di Natuna\n\nPrajurit berlatih.\n");
	ASSERT_OK(r.status);
	ASSERT_STR_EQ(wa_article_get_string(r.article, "source.format"), "text");
	ASSERT_STR_EQ(wa_article_title(r.article), "[FOTO] Latihan Gabungan di Natuna");
	done(&r);
}

/*
 * A scraper that kept the body's markup: its paragraphs become the text and
 * its related link goes to removed[], as a page's would. A "<" in plain
 * text is no markup.
 */
WA_TEST(a_body_in_markup_is_read_as_a_page)
{
	struct run r = { 0 };
	struct wa_article *a;

	run(&r, "republika.json",
	    "{\"title\": \"TNI AL dan US Navy Gelar CARAT\", \"content\": \"<p><strong>"
	    "SURABAYA --</strong> TNI AL dan US Navy menggelar latihan bersama di Laut "
	    "Jawa.</p><p><strong>Baca Juga</strong></p><ul><li><a href=\\\"#\\\">TNI AL "
	    "Terima Kapal Baru</a></li></ul><p>Latihan pertama digelar pada 1995.</p>\"}");
	ASSERT_OK(r.status);
	a = wa_pipeline_record(r.article, 0);
	/* The link list is gone here; the "Baca Juga" heading is clean's to remove. */
	ASSERT_TRUE(strncmp(wa_article_text(a), "SURABAYA -- TNI AL dan US Navy menggelar", 40) ==
		    0);
	ASSERT_NULL(strchr(wa_article_text(a), '<'));
	ASSERT_NULL(strstr(wa_article_text(a), "Kapal Baru"));
	ASSERT_NOT_NULL(strstr(wa_article_text(a), "\n\nLatihan pertama digelar pada 1995."));
	done(&r);

	run(&r, "plain.json", "{\"title\": \"Jarak\", \"content\": \"Jarak tembak < 5 km.\"}");
	ASSERT_OK(r.status);
	ASSERT_STR_EQ(wa_article_text(wa_pipeline_record(r.article, 0)), "Jarak tembak < 5 km.");
	done(&r);
}

WA_TEST_MAIN(WA_TEST_ENTRY(publication_dates_in_scraper_forms_become_iso),
	     WA_TEST_ENTRY(a_body_in_markup_is_read_as_a_page),
	     WA_TEST_ENTRY(one_object_is_one_article_with_its_metadata),
	     WA_TEST_ENTRY(an_array_gives_an_article_per_item_with_its_own_id),
	     WA_TEST_ENTRY(json_lines_survive_a_bad_line),
	     WA_TEST_ENTRY(broken_json_is_refused_with_the_offset),
	     WA_TEST_ENTRY(text_that_only_looks_like_json_stays_text))
