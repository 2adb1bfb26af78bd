/* SPDX-License-Identifier: MIT */
/* The article model: ids, fields by path, tags, errors, children, the record. */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "id.h"
#include "json.h"
#include "wa-test.h"

static struct wa_article *make(const char *text)
{
	struct wa_article *a = wa_article_new("rusia.txt", strdup(text), strlen(text), NULL, 0);

	if (!a)
		WA_TEST_FAIL("out of memory");
	return a;
}

WA_TEST(id_is_xxh3_128_canonical_hex)
{
	char id[WA_ID_SIZE];

	/* Cross-checked with `xxhsum -H2`. */
	wa_id_of("abc", 3, id);
	ASSERT_STR_EQ(id, "06b05ab6733a618578af5f94892f3950");
	wa_id_of("", 0, id);
	ASSERT_STR_EQ(id, "99aa06d3014798d86001c324468d497f");
	ASSERT_TRUE(wa_id_is_valid(id, strlen(id)));
	ASSERT_FALSE(wa_id_is_valid("06B05AB6733A618578AF5F94892F3950", 32));
	ASSERT_FALSE(wa_id_is_valid("06b05a", 6));
}

WA_TEST(new_article_has_identity_and_source)
{
	struct wa_article *a = make("abc");
	size_t len;

	ASSERT_STR_EQ(wa_article_id(a), "06b05ab6733a618578af5f94892f3950");
	ASSERT_STR_EQ(wa_article_source_file(a), "rusia.txt");
	ASSERT_OK(memcmp(wa_article_raw(a, &len), "abc", 3));
	ASSERT_EQ(len, 3);
	ASSERT_STR_EQ(wa_article_get_string(a, "source.file"), "rusia.txt");
	ASSERT_STR_EQ(wa_article_get_string(a, "received"), "1970-01-01T00:00:00Z");
	ASSERT_NULL(wa_article_record(a, NULL));
	wa_article_free(a);
}

WA_TEST(fields_by_dotted_path)
{
	struct wa_article *a = make("x");

	ASSERT_OK(wa_article_set_string(a, "dateline.city", "Minsk"));
	ASSERT_OK(wa_article_set_string(a, "dateline.outlet", "TRIBUNNEWS.COM"));
	ASSERT_OK(wa_article_set_number(a, "spam.score", 0.25));
	ASSERT_OK(wa_article_set_json(a, "authors", "[\"Setya Krisna Sumarga\"]"));
	ASSERT_STR_EQ(wa_article_get_string(a, "dateline.city"), "Minsk");
	/* Replacing keeps one key. */
	ASSERT_OK(wa_article_set_string(a, "dateline.city", "Moskow"));
	ASSERT_OK(wa_article_finish(a));
	ASSERT_CONTAINS(wa_article_record(a, NULL),
			"\"dateline\":{\"city\":\"Moskow\",\"outlet\":\"TRIBUNNEWS.COM\"}");
	ASSERT_CONTAINS(wa_article_record(a, NULL), "\"authors\":[\"Setya Krisna Sumarga\"]");
	/* A string is not an object: the path cannot go through it. */
	ASSERT_EQ(wa_article_set_string(a, "dateline.city.name", "x"), -EINVAL);
	ASSERT_EQ(wa_article_set_string(a, "a..b", "x"), -EINVAL);
	ASSERT_EQ(wa_article_set_json(a, "x", "{broken"), -EINVAL);
	ASSERT_NULL(wa_article_get_string(a, "spam.score"));
	wa_article_free(a);
}

/* A structured field set as JSON reads like any other, whatever a later stage does with it. */
WA_TEST(json_fields_read_and_extend_like_built_ones)
{
	struct wa_article *a = make("x");
	const struct cJSON *entities;
	char *json;

	ASSERT_OK(
		wa_article_set_json(a, "spam", "{ \"score\": 0.8,\n \"evidence\": [\"SLOT88\"] }"));
	ASSERT_OK(wa_article_set_json(a, "entities", "[{\"type\":\"country\",\"code\":\"BY\"}]"));
	ASSERT_OK(wa_article_set_json(a, "tags", "[{\"name\":\"nuklir\",\"score\":0.5}]"));
	ASSERT_OK(wa_article_set_json(a, "title", "\"Latihan \\\"Zapad\\\"\""));
	ASSERT_STR_EQ(wa_article_title(a), "Latihan \"Zapad\"");
	/* Another stage reads it back as JSON, compact, and adds to it. */
	json = wa_article_get_json(a, "spam");
	ASSERT_STR_EQ(json, "{\"score\":0.8,\"evidence\":[\"SLOT88\"]}");
	free(json);
	ASSERT_OK(wa_article_set_string(a, "spam.verdict", "injected"));
	ASSERT_STR_EQ(wa_article_get_string(a, "spam.verdict"), "injected");
	ASSERT_TRUE(wa_article_has_tag(a, "nuklir"));
	ASSERT_OK(wa_article_add_tag(a, "nuklir", 0.9, "r1"));
	ASSERT_OK(wa_article_add_tag(a, "latihan", 0.4, "r2"));
	entities = wa_article_field(a, "entities");
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetArrayItem(entities, 0), "code"), "BY");
	ASSERT_OK(wa_article_finish(a));
	ASSERT_CONTAINS(
		wa_article_record(a, NULL),
		"\"spam\":{\"score\":0.8,\"evidence\":[\"SLOT88\"],\"verdict\":\"injected\"}");
	ASSERT_CONTAINS(wa_article_record(a, NULL),
			"\"tags\":[{\"name\":\"nuklir\",\"score\":0.9},"
			"{\"name\":\"latihan\",\"score\":0.4,\"rule\":\"r2\"}]");
	ASSERT_NULL(strchr(wa_article_record(a, NULL), '\n'));
	wa_article_free(a);
}

WA_TEST(record_keeps_contract_field_order)
{
	struct wa_article *a = make("x");
	const char *r;

	ASSERT_OK(wa_article_set_title(a, "Judul"));
	ASSERT_OK(wa_article_set_text(a, "Isi \"kutipan\"\nbaris", 19));
	ASSERT_OK(wa_article_finish(a));
	r = wa_article_record(a, NULL);
	ASSERT_TRUE(strncmp(r, "{\"warta\":1,\"id\":\"", 17) == 0);
	ASSERT_CONTAINS(r, "\"text\":\"Isi \\\"kutipan\\\"\\nbaris\"");
	ASSERT_STR_EQ(wa_article_title(a), "Judul");
	ASSERT_TRUE(wa_article_has_text(a));
	wa_article_free(a);
}

WA_TEST(tags_merge_by_name_keeping_the_higher_score)
{
	struct wa_article *a = make("x");

	ASSERT_OK(wa_article_add_tag(a, "nuklir", 0.5, "nuclear"));
	ASSERT_OK(wa_article_add_tag(a, "nuklir", 0.9, "nuclear-2"));
	ASSERT_OK(wa_article_add_tag(a, "nuklir", 0.1, NULL));
	ASSERT_OK(wa_article_add_tag(a, "belarus", 1.0, NULL));
	ASSERT_TRUE(wa_article_has_tag(a, "nuklir"));
	ASSERT_FALSE(wa_article_has_tag(a, "rusia"));
	ASSERT_OK(wa_article_finish(a));
	ASSERT_CONTAINS(
		wa_article_record(a, NULL),
		"\"tags\":[{\"name\":\"nuklir\",\"score\":0.9,\"rule\":\"nuclear\"},{\"name\":\"belarus\",\"score\":1}]");
	wa_article_free(a);
}

WA_TEST(errors_and_rejection)
{
	struct wa_article *a = make("x");

	ASSERT_NULL(wa_article_rejection(a));
	ASSERT_OK(wa_article_add_error(a, "meta", "no date in '%s'", "x"));
	ASSERT_OK(wa_article_reject(a, "refused: %s", "binary"));
	ASSERT_STR_EQ(wa_article_rejection(a), "refused: binary");
	ASSERT_OK(wa_article_finish(a));
	ASSERT_CONTAINS(wa_article_record(a, NULL),
			"\"errors\":[{\"plugin\":\"meta\",\"error\":\"no date in 'x'\"}]");
	wa_article_free(a);
}

WA_TEST(children_have_their_own_id_and_the_parent_source)
{
	struct wa_article *a = make("feed"), *child = NULL;

	ASSERT_OK(wa_article_spawn(a, "item one", 8, &child));
	ASSERT_NOT_NULL(child);
	ASSERT_OK(wa_article_spawn(a, "item two", 8, &child));
	ASSERT_EQ(wa_article_n_children(a), 2);
	ASSERT_STR_EQ(wa_article_source_file(wa_article_child(a, 1)), "rusia.txt");
	ASSERT_STR_EQ(wa_article_get_string(wa_article_child(a, 0), "received"),
		      "1970-01-01T00:00:00Z");
	ASSERT_NE(strcmp(wa_article_id(wa_article_child(a, 0)),
			 wa_article_id(wa_article_child(a, 1))),
		  0);
	ASSERT_NULL(wa_article_child(a, 2));
	wa_article_free(a);
}

static int memo_frees;

static void count_free(void *data)
{
	memo_frees++;
	free(data);
}

/* What a stage derives from the text lives as long as that text does. */
WA_TEST(memos_are_shared_replaced_and_dropped_with_the_text)
{
	struct wa_article *a = make("Teks pertama.");

	memo_frees = 0;
	ASSERT_OK(wa_article_set_text(a, "Teks pertama.", 13));
	ASSERT_NULL(wa_article_memo(a, "tokens"));
	ASSERT_OK(wa_article_set_memo(a, "tokens", strdup("v1"), count_free));
	ASSERT_OK(wa_article_set_memo(a, "people", strdup("p"), count_free));
	ASSERT_STR_EQ(wa_article_memo(a, "tokens"), "v1");
	ASSERT_OK(wa_article_set_memo(a, "tokens", strdup("v2"), count_free));
	ASSERT_EQ(memo_frees, 1);
	ASSERT_STR_EQ(wa_article_memo(a, "tokens"), "v2");
	/* Another field leaves them; a new text drops them all. */
	ASSERT_OK(wa_article_set_string(a, "title", "Judul"));
	ASSERT_NOT_NULL(wa_article_memo(a, "people"));
	ASSERT_OK(wa_article_set_text(a, "Teks kedua.", 11));
	ASSERT_EQ(memo_frees, 3);
	ASSERT_NULL(wa_article_memo(a, "tokens"));
	ASSERT_NULL(wa_article_memo(a, "people"));
	ASSERT_OK(wa_article_set_memo(a, "tokens", strdup("v3"), count_free));
	wa_article_free(a);
	ASSERT_EQ(memo_frees, 4);
}

WA_TEST_MAIN(WA_TEST_ENTRY(id_is_xxh3_128_canonical_hex),
	     WA_TEST_ENTRY(memos_are_shared_replaced_and_dropped_with_the_text),
	     WA_TEST_ENTRY(new_article_has_identity_and_source),
	     WA_TEST_ENTRY(fields_by_dotted_path), WA_TEST_ENTRY(record_keeps_contract_field_order),
	     WA_TEST_ENTRY(json_fields_read_and_extend_like_built_ones),
	     WA_TEST_ENTRY(tags_merge_by_name_keeping_the_higher_score),
	     WA_TEST_ENTRY(errors_and_rejection),
	     WA_TEST_ENTRY(children_have_their_own_id_and_the_parent_source))
