/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "nameset.h"
#include "wa-test.h"

WA_TEST(add_contains_remove_across_growth)
{
	struct wa_nameset *set = wa_nameset_new();
	char name[32];

	ASSERT_NOT_NULL(set);
	for (int i = 0; i < 5000; i++) {
		snprintf(name, sizeof(name), "artikel-%d.txt", i);
		ASSERT_OK(wa_nameset_add(set, name));
	}
	ASSERT_EQ(wa_nameset_add(set, "artikel-42.txt"), 1);
	ASSERT_EQ(wa_nameset_count(set), 5000);
	for (int i = 0; i < 5000; i += 2) {
		snprintf(name, sizeof(name), "artikel-%d.txt", i);
		wa_nameset_remove(set, name);
	}
	ASSERT_EQ(wa_nameset_count(set), 2500);
	ASSERT_FALSE(wa_nameset_contains(set, "artikel-42.txt"));
	ASSERT_TRUE(wa_nameset_contains(set, "artikel-43.txt"));
	wa_nameset_remove(set, "never-added");
	ASSERT_EQ(wa_nameset_count(set), 2500);
	wa_nameset_free(set);
	wa_nameset_free(NULL);
}

WA_TEST_MAIN(WA_TEST_ENTRY(add_contains_remove_across_growth))
