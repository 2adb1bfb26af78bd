/* SPDX-License-Identifier: MIT */
/* Configuration: defaults, every kind of mistake named by key, sandboxing. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "wa-test.h"

static int load(const char *text, struct wa_config *c, char **error)
{
	if (wa_config_init_defaults(c) < 0)
		WA_TEST_FAIL("out of memory");
	return wa_config_load_string(text, strlen(text), "test.conf", c, error);
}

/* Asserts that text fails to load with a message containing `expected`. */
static void expect_error(const char *text, const char *expected)
{
	struct wa_config c;
	char *error = NULL;

	ASSERT_TRUE(load(text, &c, &error) < 0);
	ASSERT_CONTAINS(error, "test.conf: ");
	ASSERT_CONTAINS(error, expected);
	free(error);
	wa_config_fini(&c);
}

WA_TEST(defaults_need_no_file)
{
	struct wa_config c;
	char *error = NULL;

	ASSERT_OK(load("", &c, &error));
	ASSERT_OK(wa_config_resolve(&c));
	ASSERT_STR_EQ(c.spool_dir, "spool");
	ASSERT_STR_EQ(c.state_dir, "spool/state");
	ASSERT_EQ(c.durability, WA_DURABILITY_FULL);
	ASSERT_EQ(c.max_attempts, 3);
	ASSERT_FALSE(c.has_pipeline);
	wa_config_fini(&c);
}

WA_TEST(every_key_can_be_set)
{
	struct wa_config c;
	char *error = NULL;

	ASSERT_OK(load("spool = '/srv/spool'\nstate_dir = '/srv/state'\nrules = 'r'\n"
		       "durability = 'fast'\ndone = 'delete'\nlog_level = 'debug'\n"
		       "workers = 3\nmax_in_flight = 10\nmax_article_bytes = 1024\n"
		       "settle_ms = 0\nrescan_interval_ms = 1000\narticle_timeout_ms = 500\n"
		       "max_attempts = 5\nshutdown_timeout_ms = 100\nbatch_max = 8\n"
		       "retry_interval_ms = 50\nplugin_dir = '/p'\n"
		       "local base = '/x'; rules = base .. '/rules'\n",
		       &c, &error));
	ASSERT_STR_EQ(c.spool_dir, "/srv/spool");
	ASSERT_STR_EQ(c.state_dir, "/srv/state");
	ASSERT_STR_EQ(c.rules_dir, "/x/rules");
	ASSERT_STR_EQ(c.plugin_dir, "/p");
	ASSERT_EQ(c.durability, WA_DURABILITY_FAST);
	ASSERT_EQ(c.done, WA_DONE_DELETE);
	ASSERT_EQ(c.log_level, WA_LOG_DEBUG);
	ASSERT_EQ(c.workers, 3);
	ASSERT_EQ(c.max_in_flight, 10);
	ASSERT_EQ(c.max_article_bytes, 1024);
	ASSERT_EQ(c.settle_ms, 0);
	ASSERT_EQ(c.batch_max, 8);
	wa_config_fini(&c);
}

WA_TEST(pipeline_entries_with_options)
{
	struct wa_config c;
	char *error = NULL;

	ASSERT_OK(load(
		"pipeline = { 'ingest_text', { 'out_jsonl', path = 'a.jsonl', sync = true, n = 2 } }",
		&c, &error));
	ASSERT_TRUE(c.has_pipeline);
	ASSERT_EQ(c.n_pipeline, 2);
	ASSERT_STR_EQ(c.pipeline[0].name, "ingest_text");
	ASSERT_EQ(c.pipeline[0].n_options, 0);
	ASSERT_STR_EQ(c.pipeline[1].name, "out_jsonl");
	ASSERT_EQ(c.pipeline[1].n_options, 3);
	for (size_t i = 0; i < 3; i++) {
		const struct wa_config_value *v = &c.pipeline[1].options[i];

		if (strcmp(v->key, "path") == 0)
			ASSERT_STR_EQ(v->string, "a.jsonl");
		else if (strcmp(v->key, "sync") == 0)
			ASSERT_TRUE(v->type == WA_CONFIG_BOOL && v->boolean);
		else
			ASSERT_TRUE(v->type == WA_CONFIG_NUMBER && v->number == 2);
	}
	wa_config_fini(&c);
}

WA_TEST(mistakes_name_the_key)
{
	expect_error("spol = 'x'", "unknown key 'spol'");
	expect_error("workers = 'two'", "key 'workers' must be an integer, got string");
	expect_error("workers = 1.5", "key 'workers' must be an integer, got a fraction");
	expect_error("workers = -1", "key 'workers' must be between 0 and 256, got -1");
	expect_error("durability = 'sometimes'",
		     "key 'durability' must be one of \"full\", \"fast\"");
	expect_error("spool = ''", "key 'spool' must be a non-empty string");
	expect_error("spool = 42", "key 'spool' must be a non-empty string, got number");
	expect_error("pipeline = 'ingest_text'", "key 'pipeline' must be a list of plugins");
	expect_error("pipeline = { { path = 'x' } }",
		     "key 'pipeline' entry 1 must be a plugin name");
	expect_error("pipeline = { { 'out_jsonl', path = {} } }",
		     "option 'path' must be a string, number or boolean");
}

WA_TEST(lua_errors_are_reported_with_the_line)
{
	expect_error("spool = ", "test.conf:1:");
	expect_error("\nspool = nil .. 'x'", "test.conf:2: attempt to concatenate a nil value");
}

WA_TEST(the_sandbox_is_empty)
{
	expect_error("os.execute('touch /tmp/x')", "attempt to index a nil value (global 'os')");
	expect_error("io.open('/etc/passwd')", "global 'io'");
	expect_error("require('x')", "global 'require'");
	expect_error("spool = string.rep('x', 3)", "global 'string'");
}

WA_TEST(endless_and_greedy_files_are_stopped)
{
	expect_error("while true do end", "did not finish");
	expect_error("local t = {} for i = 1, 1e9 do t[i] = i end", "");
}

WA_TEST(load_reads_a_file_and_remembers_its_path)
{
	struct wa_config c;
	char *error = NULL;

	wa_test_write("warta.conf", "durability = 'fast'\n", 20);
	ASSERT_OK(wa_config_init_defaults(&c));
	ASSERT_OK(wa_config_load(wa_test_path("warta.conf"), &c, &error));
	ASSERT_EQ(c.durability, WA_DURABILITY_FAST);
	ASSERT_CONTAINS(c.path, "warta.conf");
	wa_config_fini(&c);
	ASSERT_OK(wa_config_init_defaults(&c));
	ASSERT_TRUE(wa_config_load(wa_test_path("missing.conf"), &c, &error) < 0);
	ASSERT_CONTAINS(error, "No such file");
	free(error);
	wa_config_fini(&c);
}

WA_TEST_MAIN(WA_TEST_ENTRY(defaults_need_no_file), WA_TEST_ENTRY(every_key_can_be_set),
	     WA_TEST_ENTRY(pipeline_entries_with_options), WA_TEST_ENTRY(mistakes_name_the_key),
	     WA_TEST_ENTRY(lua_errors_are_reported_with_the_line),
	     WA_TEST_ENTRY(the_sandbox_is_empty),
	     WA_TEST_ENTRY(endless_and_greedy_files_are_stopped),
	     WA_TEST_ENTRY(load_reads_a_file_and_remembers_its_path))
