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

WA_TEST_MAIN(WA_TEST_ENTRY(parse_reports_the_error_offset),
	     WA_TEST_ENTRY(set_path_creates_and_replaces),
	     WA_TEST_ENTRY(lookups_are_case_sensitive))
