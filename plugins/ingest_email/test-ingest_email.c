/* SPDX-License-Identifier: MIT */
/*
 * ingest_email: a mailed article becomes a record: subject, sender, date,
 * the text part (or the HTML part), encodings and charsets undone.
 */
#include <stdio.h>

#include "wa-pipeline.h"

static const char conf[] = "pipeline = { 'ingest_json', 'ingest_email', 'ingest_feed', "
			   "'ingest_html', 'ingest_text', 'normalize', 'clean', 'meta', 'dates' }";

static void run_message(struct wa_test_run *r, const char *name, const char *text)
{
	wa_test_run_start(r, conf, name, text, strlen(text));
}

WA_TEST(a_multipart_alert_gives_its_plain_text_and_metadata)
{
	char path[512], data[8192];
	struct wa_test_run r = { 0 };
	FILE *f;

	snprintf(path, sizeof(path), "%s/tests/fixtures/email/alert-drone.eml", WA_SOURCE_ROOT);
	f = fopen(path, "rb");
	ASSERT_NOT_NULL(f);
	size_t len = fread(data, 1, sizeof(data), f);

	fclose(f);
	wa_test_run_start(&r, conf, "alert-drone.eml", data, len);
	ASSERT_STR_EQ(wa_test_string(&r, "source.format"), "email");
	/* RFC 2047: a base64 subject and a quoted-printable sender name. */
	ASSERT_STR_EQ(wa_article_title(r.article), "Kemhan terima drone Anka dari Turki");
	ASSERT_STR_EQ(wa_test_string(&r, "source.from"),
		      "Redaksi Berita Pertahanan <redaksi@example-news.id>");
	ASSERT_STR_EQ(wa_test_string(&r, "published"), "2025-08-12T07:00:00+07:00");
	/* Quoted-printable soft breaks joined; Latin-1 converted; the dateline stripped. */
	ASSERT_STR_EQ(
		wa_article_text(r.article),
		"Kementerian Pertahanan menerima tiga unit drone Anka dari Turki yang akan "
		"dioperasikan TNI AU di Lanud Supadio, kata juru bicara Kemhan, Selasa "
		"(12/8/2025).\n\n"
		"Drone itu dibeli dalam kontrak senilai 300 juta dolar AS yang juga mencakup "
		"pelatihan pilot dan teknisi di Ankara, termasuk oleh pakar dari Soci\xc3\xa9t"
		"\xc3\xa9 G\xc3\xa9n\xc3\xa9rale.");
	ASSERT_STR_EQ(
		cJSON_GetArrayItem(wa_test_field(&r, "source.attachments_ignored"), 0)->valuestring,
		"spesifikasi-anka.pdf");
	wa_test_run_done(&r);
}

WA_TEST(an_html_only_message_is_read_like_a_page)
{
	struct wa_test_run r = { 0 };

	/* base64 of "<html><body><div class=\"share\">Bagikan</div><p>Bakamla menangkap kapal
	 * ikan asing di Natuna Utara pada Senin pagi, kata juru bicara.</p></body></html>" */
	run_message(
		&r, "html.eml",
		"From: alerts@example.org\r\nSubject: Bakamla tangkap kapal asing\r\n"
		"Date: Mon, 11 Aug 2025 09:00:00 +0700\r\nMIME-Version: 1.0\r\n"
		"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"
		"\r\n"
		"PGh0bWw+PGJvZHk+PGRpdiBjbGFzcz0ic2hhcmUiPkJhZ2lrYW48L2Rpdj48cD5CYWthbWxhIG1l\r\n"
		"bmFuZ2thcCBrYXBhbCBpa2FuIGFzaW5nIGRpIE5hdHVuYSBVdGFyYSBwYWRhIFNlbmluIHBhZ2ks\r\n"
		"IGthdGEganVydSBiaWNhcmEuPC9wPjwvYm9keT48L2h0bWw+\r\n");
	ASSERT_STR_EQ(wa_article_text(r.article), "Bakamla menangkap kapal ikan asing di Natuna "
						  "Utara pada Senin pagi, kata juru bicara.");
	wa_test_run_done(&r);
}

WA_TEST(a_broken_multipart_still_gives_its_text)
{
	struct wa_test_run r = { 0 };

	run_message(&r, "cut.eml",
		    "From: a@example.org\nSubject: Terpotong\nMIME-Version: 1.0\n"
		    "Content-Type: multipart/alternative; boundary=b1\n\n--b1\n"
		    "Content-Type: text/plain\n\nKapal patroli baru diluncurkan di Batam hari ini "
		    "untuk memperkuat pengawasan Selat Malaka.\n--b1\nContent-Type: text/ht");
	ASSERT_CONTAINS(wa_article_text(r.article), "Kapal patroli baru diluncurkan di Batam");
	wa_test_run_done(&r);
}

WA_TEST(a_message_with_nothing_is_refused_and_plain_text_is_not_mail)
{
	struct wa_test_run r = { 0 };

	run_message(&r, "nothing.eml",
		    "From: a@example.org\nDate: Mon, 11 Aug 2025 09:00:00 +0700\nMIME-Version: "
		    "1.0\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: "
		    "image/png\n\niVBORw0KGgo=\n--x--\n");
	ASSERT_EQ(r.status, WA_PIPELINE_REJECTED);
	ASSERT_CONTAINS(wa_article_rejection(r.article), "neither a text part nor a subject");
	wa_test_run_done(&r);
	wa_test_run_text(
		&r, conf,
		"Catatan: rapat koordinasi\nJAKARTA - Rapat koordinasi keamanan laut digelar "
		"hari ini bersama Bakamla dan TNI AL di Jakarta.\n");
	ASSERT_STR_EQ(wa_test_string(&r, "source.format"), "text");
	wa_test_run_done(&r);
}

WA_TEST_MAIN(WA_TEST_ENTRY(a_multipart_alert_gives_its_plain_text_and_metadata),
	     WA_TEST_ENTRY(an_html_only_message_is_read_like_a_page),
	     WA_TEST_ENTRY(a_broken_multipart_still_gives_its_text),
	     WA_TEST_ENTRY(a_message_with_nothing_is_refused_and_plain_text_is_not_mail))
