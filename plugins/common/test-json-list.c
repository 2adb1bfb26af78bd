/* SPDX-License-Identifier: MIT */
/*
 * Lists written as JSON text (dates[], quotes[], quantities[]): what the
 * record gets must be the JSON cJSON would have printed for the same
 * list, escapes and numbers included, and an empty list sets nothing.
 */
#include <cjson/cJSON.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "article.h" /* the core's: wa_article_new */
#include "json_list.h"
#include "wa-test.h"

static struct wa_article *make(void)
{
	static const char text[] = "Jakarta - Latihan dimulai.";
	struct wa_article *a = wa_article_new("a.txt", strdup(text), strlen(text), NULL, 0);

	if (!a)
		WA_TEST_FAIL("out of memory");
	return a;
}

WA_TEST(a_list_reads_back_as_the_objects_written)
{
	static const char quote[] = "\"Kami siap,\" katanya\ttegas\\\n\x01 di Natuna";
	struct wa_article *a = make();
	struct wp_json_list l = { 0 };

	wp_json_object_begin(&l);
	wp_json_string(&l, "text", quote, strlen(quote));
	wp_json_string(&l, "speaker", NULL, 0);
	wp_json_uint(&l, "offset", 4294967296ULL);
	wp_json_bool(&l, "weekday_mismatch", true);
	wp_json_object_end(&l);
	wp_json_object_begin(&l);
	wp_json_double(&l, "value", 245.2);
	wp_json_string(&l, "unit", "triliun", 4); /* only the length given */
	wp_json_object_end(&l);
	ASSERT_OK(wp_json_list_set(a, "quotes", &l));

	char *json = wa_article_get_json(a, "quotes");
	cJSON *list = cJSON_Parse(json);

	ASSERT_TRUE(cJSON_GetArraySize(list) == 2);
	cJSON *first = cJSON_GetArrayItem(list, 0), *second = cJSON_GetArrayItem(list, 1);

	ASSERT_STR_EQ(cJSON_GetObjectItem(first, "text")->valuestring, quote);
	ASSERT_TRUE(cJSON_IsNull(cJSON_GetObjectItem(first, "speaker")));
	ASSERT_TRUE(cJSON_GetObjectItem(first, "offset")->valuedouble == 4294967296.0);
	ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItem(first, "weekday_mismatch")));
	ASSERT_TRUE(cJSON_GetObjectItem(second, "value")->valuedouble == 245.2);
	ASSERT_STR_EQ(cJSON_GetObjectItem(second, "unit")->valuestring, "tril");
	/* Byte for byte what cJSON prints for the same list. */
	char *printed = cJSON_PrintUnformatted(list);

	ASSERT_STR_EQ(json, printed);
	free(printed);
	cJSON_Delete(list);
	free(json);
	wa_article_free(a);
}

WA_TEST(numbers_are_written_as_the_record_printer_writes_them)
{
	static const double values[] = { 0, -3, 9000, 1e12, 1e15, 0.1, -2.5e-7, 1.0 / 3, DBL_MAX };
	static const char *const expect[] = { "0",
					      "-3",
					      "9000",
					      "1000000000000",
					      "1e+15",
					      "0.1",
					      "-2.5e-07",
					      "0.33333333333333331",
					      "1.7976931348623157e+308" };

	for (size_t i = 0; i < sizeof(values) / sizeof(*values); i++) {
		struct wp_strbuf b = { 0 };

		wp_strbuf_double(&b, values[i]);
		ASSERT_STR_EQ(b.buf, expect[i]);
		ASSERT_TRUE(strtod(b.buf, NULL) == values[i]);
		wp_strbuf_fini(&b);
	}
	struct wp_strbuf b = { 0 };

	wp_strbuf_double(&b, NAN);
	ASSERT_STR_EQ(b.buf, "null");
	wp_strbuf_fini(&b);
}

WA_TEST(an_empty_list_sets_nothing)
{
	struct wa_article *a = make();
	struct wp_json_list l = { 0 };

	ASSERT_OK(wp_json_list_set(a, "dates", &l));
	ASSERT_TRUE(wa_article_get_json(a, "dates") == NULL);
	wa_article_free(a);
}

WA_TEST_MAIN(WA_TEST_ENTRY(a_list_reads_back_as_the_objects_written),
	     WA_TEST_ENTRY(numbers_are_written_as_the_record_printer_writes_them),
	     WA_TEST_ENTRY(an_empty_list_sets_nothing))
