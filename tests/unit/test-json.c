/* SPDX-License-Identifier: MIT */
/* cJSON helpers: ownership on failure, paths, parse error offsets. */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "wa-test.h"

WA_TEST(parse_reports_the_error_offset)
{
	cJSON *root = NULL;
	size_t offset = 0;
	const char *bad = "{\"a\": [1, 2,, 3]}";

	ASSERT_EQ(wa_json_parse(bad, strlen(bad), &root, &offset), -EINVAL);
	ASSERT_EQ(offset, 12);
	ASSERT_OK(wa_json_parse("[1]", 3, &root, &offset));
	ASSERT_TRUE(cJSON_IsArray(root));
	cJSON_Delete(root);
}

WA_TEST(set_path_creates_and_replaces)
{
	cJSON *root = cJSON_CreateObject();
	char *text;

	ASSERT_OK(wa_json_set_path(root, "a.b.c", cJSON_CreateNumber(1)));
	ASSERT_OK(wa_json_set_path(root, "a.b.d", cJSON_CreateString("x")));
	ASSERT_OK(wa_json_set_path(root, "a.b.c", cJSON_CreateNumber(2)));
	text = wa_json_print(root);
	ASSERT_STR_EQ(text, "{\"a\":{\"b\":{\"c\":2,\"d\":\"x\"}}}");
	free(text);
	ASSERT_TRUE(cJSON_IsString(wa_json_get_path(root, "a.b.d")));
	ASSERT_NULL(wa_json_get_path(root, "a.x.d"));
	ASSERT_EQ(wa_json_set_path(root, "a.b.d.e", cJSON_CreateNumber(1)), -EINVAL);
	ASSERT_EQ(wa_json_set_path(root, ".", cJSON_CreateNumber(1)), -EINVAL);
	/* A NULL item (a failed allocation upstream) is reported, not stored. */
	ASSERT_EQ(wa_json_set(root, "n", NULL), -ENOMEM);
	cJSON_Delete(root);
}

WA_TEST(lookups_are_case_sensitive)
{
	cJSON *root = NULL;

	ASSERT_OK(wa_json_parse("{\"Title\":\"a\",\"title\":\"b\"}", 25, &root, NULL));
	ASSERT_STR_EQ(wa_json_get_string(root, "title"), "b");
	ASSERT_STR_EQ(wa_json_get_string(root, "Title"), "a");
	ASSERT_NULL(wa_json_get_string(root, "TITLE"));
	cJSON_Delete(root);
}

/* The record printer must write what cJSON writes, number for number and escape for escape. */
WA_TEST(print_matches_cjson_byte_for_byte)
{
	static const char *const docs[] = {
		"{\"a\":[0,1,-1,42,2147483648,-999999999999999,1e300,-2.5e-7,"
		"0.1,0.71,3.14159265358979,1.5e15,123456789012345678]}",
		"[\"\",\"quote \\\" back \\\\ nl \\n tab \\t bell \\u0007 del \x7f\","
		"\"Türkiye \u2014 \u4e2d\",true,false,null,{},[],[[]],{\"k\":{\"n\":{}}}]",
		"{\"entities\":[{\"type\":\"country\",\"offsets\":[[0,9],[120,129]],\"mentions\":2}],"
		"\"score\":0.419,\"\\u0001key\":-0.0}",
	};

	for (size_t i = 0; i < sizeof(docs) / sizeof(*docs); i++) {
		cJSON *root;

		ASSERT_OK(wa_json_parse(docs[i], strlen(docs[i]), &root, NULL));
		char *mine = wa_json_print(root), *theirs = cJSON_PrintUnformatted(root);

		ASSERT_NOT_NULL(mine);
		ASSERT_STR_EQ(mine, theirs);
		free(mine);
		free(theirs);
		cJSON_Delete(root);
	}
}

/*
 * Strings are copied eight bytes a step between escapes: every byte that
 * needs one (controls, quote, backslash), at every place of strings of
 * every length around a step, among plain and multi-byte text.
 */
WA_TEST(print_escapes_every_byte_at_every_position)
{
	static const char special[] = "\x01\x08\t\n\x0c\r\x1f\"\\";
	static const char plain[] = "Kata \xc3\xa9 Su-57 [\x7f] ~!";

	for (size_t len = 1; len <= 24; len++) {
		for (size_t at = 0; at < len; at++) {
			for (size_t k = 0; k < sizeof(special) - 1; k++) {
				char text[32];

				for (size_t i = 0; i < len; i++)
					text[i] = plain[i % (sizeof(plain) - 1)];
				text[at] = special[k];
				/* The last of them too, so two escapes meet in one step. */
				text[len - 1] = special[(k + at) % (sizeof(special) - 1)];
				text[len] = '\0';
				cJSON *s = cJSON_CreateString(text);
				char *mine = wa_json_print(s), *theirs = cJSON_PrintUnformatted(s);

				ASSERT_NOT_NULL(mine);
				ASSERT_STR_EQ(mine, theirs);
				free(mine);
				free(theirs);
				cJSON_Delete(s);
			}
		}
	}
}

/*
 * A string's plain bytes are passed eight at a step: a control byte, a
 * stray quote or an escape is still found at every place, and the error
 * is reported where it is.
 */
WA_TEST(raw_strings_are_checked_at_every_position)
{
	for (size_t len = 1; len <= 20; len++) {
		for (size_t at = 0; at < len; at++) {
			char text[32] = "\"";
			cJSON *item;
			size_t offset = 99;

			memset(text + 1, 'a', len);
			text[1 + len] = '"';
			text[1 + at] = '\x01';
			ASSERT_EQ(wa_json_raw(text, len + 2, &item, &offset), -EINVAL);
			ASSERT_EQ(offset, 1 + at);
			/* "\a" is no escape; at the end, the closing quote is escaped. */
			text[1 + at] = '\\';
			ASSERT_EQ(wa_json_raw(text, len + 2, &item, NULL), -EINVAL);
			text[1 + at] = '"';
			ASSERT_EQ(wa_json_raw(text, len + 2, &item, &offset), -EINVAL);
		}
	}
}

/* What cJSON would parse is kept as text, compacted; what it would not is refused where it breaks.
 */
WA_TEST(raw_text_is_checked_and_kept_compact)
{
	static const char *const good[] = {
		"[]",
		"{}",
		"0",
		"-0.5e+10",
		"\"\\u00e9 \\n\"",
		"null",
		"true",
		"false",
		"\"\\ud83d\\ude80\"",
		"{\"a\":[1,{\"b\":\"c d\"}],\"e\":null}",
	};
	static const struct {
		const char *text;
		size_t offset;
	} bad[] = {
		{ "", 0 },
		{ "[1,]", 3 },
		{ "{\"a\" 1}", 5 },
		{ "{\"a\":1}}", 7 },
		{ "[01]", 2 },
		{ "\"tab\there\"", 4 },
		{ "\"\\x\"", 1 },
		{ "\"\\ud83d alone\"", 1 },
		{ "\"\\ude80\"", 1 },
		{ "[1] trailing", 4 },
		{ "tru", 0 },
		{ "1.", 2 },
	};
	char deep[2100];
	cJSON *item;
	size_t offset;

	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
		ASSERT_OK(wa_json_raw(good[i], strlen(good[i]), &item, NULL));
		ASSERT_TRUE(cJSON_IsRaw(item));
		ASSERT_STR_EQ(item->valuestring, good[i]);
		cJSON_Delete(item);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		offset = 99;
		ASSERT_EQ(wa_json_raw(bad[i].text, strlen(bad[i].text), &item, &offset), -EINVAL);
		ASSERT_EQ(offset, bad[i].offset);
	}
	/* Pretty-printed text comes out on one line, strings untouched. */
	const char *pretty = " {\n  \"a b\" : [ 1 ,\t2 ],\r\n  \"c\": \" x \\\" y \"\n}\n";
	ASSERT_OK(wa_json_raw(pretty, strlen(pretty), &item, NULL));
	ASSERT_STR_EQ(item->valuestring, "{\"a b\":[1,2],\"c\":\" x \\\" y \"}");
	cJSON_Delete(item);
	/* Only len bytes count. */
	ASSERT_OK(wa_json_raw("[1]junk", 3, &item, NULL));
	ASSERT_STR_EQ(item->valuestring, "[1]");
	cJSON_Delete(item);
	/* Nesting stops where cJSON's does. */
	memset(deep, '[', 1000);
	memset(deep + 1000, ']', 1000);
	ASSERT_OK(wa_json_raw(deep, 2000, &item, NULL));
	cJSON_Delete(item);
	memset(deep, '[', 1001);
	memset(deep + 1001, ']', 1001);
	ASSERT_EQ(wa_json_raw(deep, 2002, &item, NULL), -EINVAL);
}

WA_TEST(raw_nodes_print_verbatim_and_expand_in_place)
{
	cJSON *root = cJSON_CreateObject(), *raw, *inner;
	const char *text = "{\"score\":0.25,\"evidence\":[\"DAFTAR\"]}";
	char *printed;

	ASSERT_OK(wa_json_raw(text, strlen(text), &raw, NULL));
	ASSERT_OK(wa_json_set(root, "spam", raw));
	printed = wa_json_print(root);
	ASSERT_STR_EQ(printed, "{\"spam\":{\"score\":0.25,\"evidence\":[\"DAFTAR\"]}}");
	free(printed);
	/* A path through a raw object expands it; the node keeps its place and key. */
	ASSERT_OK(wa_json_set_path(root, "spam.checked", cJSON_CreateTrue()));
	ASSERT_TRUE(cJSON_IsObject(raw));
	ASSERT_STR_EQ(raw->string, "spam");
	ASSERT_EQ(cJSON_GetObjectItemCaseSensitive(raw, "score")->valuedouble, 0.25);
	/* A raw value below an object is found by a deep expand. */
	ASSERT_OK(wa_json_raw("[[0,5]]", 7, &inner, NULL));
	ASSERT_OK(wa_json_set_path(root, "spam.offsets", inner));
	ASSERT_TRUE(cJSON_IsRaw(wa_json_get_path(root, "spam.offsets")));
	ASSERT_OK(wa_json_expand(root));
	ASSERT_TRUE(cJSON_IsArray(inner));
	ASSERT_EQ(cJSON_GetArrayItem(cJSON_GetArrayItem(inner, 0), 1)->valueint, 5);
	printed = wa_json_print(root);
	ASSERT_STR_EQ(printed, "{\"spam\":{\"score\":0.25,\"evidence\":[\"DAFTAR\"],"
			       "\"checked\":true,\"offsets\":[[0,5]]}}");
	free(printed);
	cJSON_Delete(root);
}

WA_TEST_MAIN(WA_TEST_ENTRY(print_matches_cjson_byte_for_byte),
	     WA_TEST_ENTRY(print_escapes_every_byte_at_every_position),
	     WA_TEST_ENTRY(raw_strings_are_checked_at_every_position),
	     WA_TEST_ENTRY(raw_text_is_checked_and_kept_compact),
	     WA_TEST_ENTRY(raw_nodes_print_verbatim_and_expand_in_place),
	     WA_TEST_ENTRY(parse_reports_the_error_offset),
	     WA_TEST_ENTRY(set_path_creates_and_replaces),
	     WA_TEST_ENTRY(lookups_are_case_sensitive))
