/* SPDX-License-Identifier: MIT */
/* ingest_text: what becomes text, what is repaired, what is refused. */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "plugin.h"
#include "wa-test.h"

extern const struct wa_plugin wa_plugin_ingest_text;

static struct wa_article *ingest(const void *bytes, size_t len, int *ret)
{
	void *copy = malloc(len ? len : 1);
	struct wa_article *a;

	memcpy(copy, bytes, len);
	a = wa_article_new("berita.txt", copy, len, NULL, 0);
	ASSERT_NOT_NULL(a);
	*ret = wa_plugin_ingest_text.process(NULL, a);
	return a;
}

static double number(struct wa_article *a, const char *field)
{
	char *end;
	const char *record;
	const char *p;

	ASSERT_OK(wa_article_finish(a));
	record = wa_article_record(a, NULL);
	p = strstr(record, field);
	if (!p)
		return -1;
	return strtod(p + strlen(field), &end);
}

WA_TEST(utf8_text_and_its_title_candidate)
{
	const char in[] =
		"\n  Rusia Kirim Iskander-M ke Belarus  \r\n\r\nMINSK - Isi berita.\r\n\n";
	int r;
	struct wa_article *a = ingest(in, sizeof(in) - 1, &r);

	ASSERT_OK(r);
	ASSERT_STR_EQ(wa_article_title(a), "Rusia Kirim Iskander-M ke Belarus");
	ASSERT_STR_EQ(wa_article_text(a),
		      "Rusia Kirim Iskander-M ke Belarus  \n\nMINSK - Isi berita.");
	ASSERT_STR_EQ(wa_article_get_string(a, "source.format"), "text");
	ASSERT_STR_EQ(wa_article_get_string(a, "source.encoding"), "utf-8");
	ASSERT_EQ(number(a, "\"invalid_utf8\":"), -1);
	wa_article_free(a);
}

WA_TEST(invalid_utf8_is_repaired_and_counted)
{
	/* A Latin-1 'é', a truncated 3-byte sequence, an overlong '/', a surrogate. */
	const char in[] = "Caf\xe9 \xe2\x82 x \xc0\xaf y \xed\xa0\x80 z";
	int r;
	struct wa_article *a = ingest(in, sizeof(in) - 1, &r);

	ASSERT_OK(r);
	ASSERT_STR_EQ(
		wa_article_text(a),
		"Caf\xef\xbf\xbd \xef\xbf\xbd x \xef\xbf\xbd\xef\xbf\xbd y \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd z");
	ASSERT_EQ(number(a, "\"invalid_utf8\":"), 7);
	wa_article_free(a);
}

WA_TEST(valid_multibyte_text_is_untouched)
{
	const char in[] =
		"Menhan: \xe2\x80\x9cKami siap\xe2\x80\x9d \xe2\x80\x94 Moskwa \xf0\x9f\x87\xb7\xf0\x9f\x87\xba";
	int r;
	struct wa_article *a = ingest(in, sizeof(in) - 1, &r);

	ASSERT_OK(r);
	ASSERT_STR_EQ(wa_article_text(a), in);
	wa_article_free(a);
}

WA_TEST(byte_order_marks)
{
	const char utf8[] = "\xef\xbb\xbfJudul";
	const char utf16le[] =
		"\xff\xfeJ\0u\0d\0u\0l\0\r\0\n\0=\xd8\x00\xde"; /* ...CRLF and U+1F600 */
	const char utf16be[] = "\xfe\xff\0J\0u\0d\0u\0l";
	int r;
	struct wa_article *a = ingest(utf8, sizeof(utf8) - 1, &r);

	ASSERT_OK(r);
	ASSERT_STR_EQ(wa_article_text(a), "Judul");
	wa_article_free(a);
	a = ingest(utf16le, sizeof(utf16le) - 1, &r);
	ASSERT_OK(r);
	ASSERT_STR_EQ(wa_article_text(a), "Judul\n\xf0\x9f\x98\x80");
	ASSERT_STR_EQ(wa_article_get_string(a, "source.encoding"), "utf-16le");
	wa_article_free(a);
	a = ingest(utf16be, sizeof(utf16be) - 1, &r);
	ASSERT_OK(r);
	ASSERT_STR_EQ(wa_article_text(a), "Judul");
	wa_article_free(a);
}

static void expect_refused(const void *bytes, size_t len, const char *reason)
{
	int r;
	struct wa_article *a = ingest(bytes, len, &r);

	ASSERT_CONTAINS(wa_article_rejection(a), reason);
	ASSERT_NULL(wa_article_text(a));
	wa_article_free(a);
}

WA_TEST(binary_content_is_refused_with_a_reason)
{
	char controls[200];

	expect_refused("%PDF-1.7\n...", 12, "a PDF document");
	expect_refused("\x1f\x8b\x08\x00", 4, "gzip-compressed data");
	expect_refused("PK\x03\x04zip", 7, "ZIP archive");
	expect_refused("teks\0dengan NUL", 15, "NUL bytes");
	memset(controls, '\x01', sizeof(controls));
	expect_refused(controls, sizeof(controls), "control characters");
	expect_refused(" \n\t\n ", 5, "only whitespace");
}

WA_TEST(a_long_first_line_is_not_a_title)
{
	char in[400];
	int r;
	struct wa_article *a;

	memset(in, 'a', sizeof(in));
	a = ingest(in, sizeof(in), &r);
	ASSERT_OK(r);
	ASSERT_NULL(wa_article_title(a));
	wa_article_free(a);
}

WA_TEST_MAIN(WA_TEST_ENTRY(utf8_text_and_its_title_candidate),
	     WA_TEST_ENTRY(invalid_utf8_is_repaired_and_counted),
	     WA_TEST_ENTRY(valid_multibyte_text_is_untouched), WA_TEST_ENTRY(byte_order_marks),
	     WA_TEST_ENTRY(binary_content_is_refused_with_a_reason),
	     WA_TEST_ENTRY(a_long_first_line_is_not_a_title))
