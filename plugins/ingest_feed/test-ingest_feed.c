/* SPDX-License-Identifier: MIT */
/*
 * ingest_feed: RSS and Atom items become articles of their own, with the
 * item's metadata; bad items are skipped, external entities never read.
 */
#include <stdio.h>

#include "wa-pipeline.h"

static const char conf[] = "pipeline = { 'ingest_json', 'ingest_feed', 'ingest_html', "
			   "'ingest_text', 'normalize', 'clean', 'meta', 'dates' }";

static size_t n_records(struct wa_test_run *r)
{
	size_t n = 0;

	while (wa_pipeline_record(r->article, n))
		n++;
	return n;
}

static const cJSON *record_field(struct wa_test_run *r, size_t i, const char *path)
{
	return wa_json_get_path(wa_article_fields(wa_pipeline_record(r->article, i)), path);
}

static void run_fixture(struct wa_test_run *r, const char *name)
{
	char path[512], data[16384];
	FILE *f;
	size_t len;

	snprintf(path, sizeof(path), "%s/tests/fixtures/feeds/%s", WA_SOURCE_ROOT, name);
	f = fopen(path, "rb");
	ASSERT_NOT_NULL(f);
	len = fread(data, 1, sizeof(data), f);
	fclose(f);
	wa_test_run_start(r, conf, name, data, len);
}

WA_TEST(an_rss_feed_gives_an_article_per_item)
{
	struct wa_test_run r = { 0 };

	run_fixture(&r, "antara-style.rss");
	ASSERT_EQ(n_records(&r), 2); /* the third item has neither title nor text */
	ASSERT_STR_EQ(cJSON_GetStringValue(record_field(&r, 0, "title")),
		      "TNI AL gelar latihan pendaratan di Natuna");
	ASSERT_STR_EQ(cJSON_GetStringValue(record_field(&r, 0, "source.format")), "feed");
	ASSERT_STR_EQ(cJSON_GetStringValue(record_field(&r, 0, "source.url")),
		      "https://www.antaranews.com/berita/1001/tni-al-gelar-latihan");
	ASSERT_STR_EQ(cJSON_GetStringValue(record_field(&r, 0, "published")),
		      "2025-08-03T10:00:00+07:00");
	ASSERT_STR_EQ(cJSON_GetStringValue(record_field(&r, 0, "outlet")), "Antara");
	ASSERT_STR_EQ(cJSON_GetStringValue(cJSON_GetArrayItem(record_field(&r, 0, "authors"), 0)),
		      "Rizka Khaerunnisa");
	/* content:encoded is read as HTML, and the text stages clean it. */
	ASSERT_STR_EQ(
		cJSON_GetStringValue(record_field(&r, 0, "text")),
		"TNI Angkatan Laut menggelar latihan pendaratan amfibi di perairan Natuna yang "
		"melibatkan 1.200 prajurit Korps Marinir.\n\n"
		"Latihan itu berlangsung hingga Rabu (6/8) dan ditutup dengan demonstrasi "
		"pembebasan pantai, kata Kepala Dinas Penerangan TNI AL.");
	ASSERT_STR_EQ(cJSON_GetStringValue(record_field(&r, 0, "dateline.city")), "Jakarta");
	ASSERT_STR_EQ(
		wa_json_get_string(cJSON_GetArrayItem(record_field(&r, 0, "dates"), 0), "date"),
		"2025-08-06");
	/* No description-only item loses its text. */
	ASSERT_CONTAINS(cJSON_GetStringValue(record_field(&r, 1, "text")),
			"kapal bantu rumah sakit");
	wa_test_run_done(&r);
}

static const char atom[] =
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
	" <title>Airspace Review</title>\n"
	" <entry><title>Rafale Kedua Tiba</title>"
	"  <link rel=\"alternate\" href=\"https://example.org/rafale-kedua\"/>"
	"  <published>2026-02-20T08:00:00+07:00</published>"
	"  <updated>2026-02-20T09:30:00+07:00</updated>"
	"  <author><name>Roni Sontani</name></author>"
	"  <content type=\"html\">&lt;p&gt;Dua pesawat tempur Rafale tambahan mendarat di "
	"Pekanbaru setelah penerbangan feri dari Prancis.&lt;/p&gt;</content></entry>\n"
	"</feed>\n";

WA_TEST(an_atom_feed_too)
{
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, conf, "feed.xml", atom, strlen(atom));
	ASSERT_EQ(n_records(&r), 1);
	ASSERT_STR_EQ(cJSON_GetStringValue(record_field(&r, 0, "title")), "Rafale Kedua Tiba");
	ASSERT_STR_EQ(cJSON_GetStringValue(record_field(&r, 0, "source.url")),
		      "https://example.org/rafale-kedua");
	ASSERT_STR_EQ(cJSON_GetStringValue(record_field(&r, 0, "published")),
		      "2026-02-20T08:00:00+07:00");
	ASSERT_STR_EQ(cJSON_GetStringValue(record_field(&r, 0, "updated")),
		      "2026-02-20T09:30:00+07:00");
	ASSERT_STR_EQ(cJSON_GetStringValue(cJSON_GetArrayItem(record_field(&r, 0, "authors"), 0)),
		      "Roni Sontani");
	ASSERT_STR_EQ(cJSON_GetStringValue(record_field(&r, 0, "outlet")), "Airspace Review");
	ASSERT_CONTAINS(cJSON_GetStringValue(record_field(&r, 0, "text")),
			"Dua pesawat tempur Rafale tambahan");
	wa_test_run_done(&r);
}

WA_TEST(the_same_item_in_two_copies_of_a_feed_is_one_article)
{
	static const char item[] = "<item><title>Kapal Selam Baru</title><description>TNI AL "
				   "menerima kapal selam baru hari ini.</description></item>";
	char one[1024], two[1024];
	struct wa_test_run a = { 0 }, b = { 0 };

	snprintf(one, sizeof(one), "<rss><channel><title>A</title>%s</channel></rss>", item);
	snprintf(two, sizeof(two),
		 "<rss><channel><title>A</title><item><title>Lain</title><description>Berita "
		 "lain.</description></item>%s</channel></rss>",
		 item);
	wa_test_run_start(&a, conf, "a.rss", one, strlen(one));
	wa_test_run_start(&b, conf, "b.rss", two, strlen(two));
	ASSERT_STR_EQ(wa_article_id(wa_pipeline_record(a.article, 0)),
		      wa_article_id(wa_pipeline_record(b.article, 1)));
	wa_test_run_done(&a);
	wa_test_run_done(&b);
}

WA_TEST(external_entities_are_never_read)
{
	static const char xxe[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
		"<rss><channel><title>X</title><item><title>Judul &secret;</title>"
		"<description>Isi berita &secret; di sini.</description></item>"
		"</channel></rss>";
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, conf, "xxe.rss", xxe, strlen(xxe));
	for (size_t i = 0; wa_pipeline_record(r.article, i); i++) {
		const char *rec = wa_article_record(wa_pipeline_record(r.article, i), NULL);

		ASSERT_NULL(strstr(rec, "root:"));
	}
	wa_test_run_done(&r);
}

WA_TEST(a_feed_without_items_is_refused_and_other_xml_is_not_a_feed)
{
	static const char empty[] = "<rss><channel><title>Kosong</title></channel></rss>";
	static const char other[] = "<?xml version=\"1.0\"?><catalog><book>Buku</book></catalog>";
	struct wa_test_run r = { 0 };

	wa_test_run_start(&r, conf, "empty.rss", empty, strlen(empty));
	ASSERT_EQ(r.status, WA_PIPELINE_REJECTED);
	ASSERT_CONTAINS(wa_article_rejection(r.article), "feed without any readable item");
	wa_test_run_done(&r);
	wa_test_run_start(&r, conf, "catalog.xml", other, strlen(other));
	ASSERT_STR_EQ(wa_test_string(&r, "source.format"), "text");
	wa_test_run_done(&r);
}

WA_TEST_MAIN(WA_TEST_ENTRY(an_rss_feed_gives_an_article_per_item), WA_TEST_ENTRY(an_atom_feed_too),
	     WA_TEST_ENTRY(the_same_item_in_two_copies_of_a_feed_is_one_article),
	     WA_TEST_ENTRY(external_entities_are_never_read),
	     WA_TEST_ENTRY(a_feed_without_items_is_refused_and_other_xml_is_not_a_feed))
