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

WA_TEST_MAIN(WA_TEST_ENTRY(print_matches_cjson_byte_for_byte),
	     WA_TEST_ENTRY(parse_reports_the_error_offset),
	     WA_TEST_ENTRY(set_path_creates_and_replaces),
	     WA_TEST_ENTRY(lookups_are_case_sensitive))
