/* SPDX-License-Identifier: MIT */
/* The plugin registry: ABI checks, external loading, options validated before init. */
#include <assert.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "plugin.h"
#include "wa-test.h"

/* An unversioned change to the descriptor must fail here (the SQLite lesson). */
static_assert(sizeof(void *) != 8 || sizeof(struct wa_plugin) == 80,
	      "struct wa_plugin changed: bump WA_PLUGIN_ABI_VERSION and update this size");

static int noop_process(void *state, struct wa_article *a)
{
	(void)state;
	(void)a;
	return 0;
}

static struct wa_plugin good(void)
{
	return (struct wa_plugin){
		.abi_version = WA_PLUGIN_ABI_VERSION,
		.size = sizeof(struct wa_plugin),
		.name = "ok_plugin",
		.kind = WA_PLUGIN_ANALYZE,
		.process = noop_process,
	};
}

static void expect_refused(struct wa_plugin p, const char *expected)
{
	char err[512];

	ASSERT_EQ(wa_plugin_check(&p, "x.so", err, sizeof(err)), -EPROTO);
	ASSERT_CONTAINS(err, expected);
}

WA_TEST(check_refuses_bad_descriptors)
{
	struct wa_plugin p = good();
	char err[512];

	ASSERT_OK(wa_plugin_check(&p, "x.so", err, sizeof(err)));
	p.abi_version = 99;
	expect_refused(p, "built for ABI version 99, this warta has 1");
	p = good();
	p.size = 40;
	expect_refused(p, "not binary compatible");
	p = good();
	p.name = "Bad-Name";
	expect_refused(p, "no valid name");
	p = good();
	p.kind = 7;
	expect_refused(p, "unknown kind 7");
	p = good();
	p.process = NULL;
	expect_refused(p, "lacks a required callback (process)");
	p = good();
	p.kind = WA_PLUGIN_OUTPUT;
	expect_refused(p, "lacks a required callback (flush)");
}

WA_TEST(catalog_lists_builtins_and_loads_external_plugins)
{
	struct wa_plugin_catalog *catalog = NULL;

	ASSERT_OK(wa_plugin_catalog_new(WA_TEST_PLUGIN_DIR, &catalog));
	ASSERT_NOT_NULL(wa_plugin_catalog_find(catalog, "ingest_text"));
	ASSERT_NOT_NULL(wa_plugin_catalog_find(catalog, "out_files"));
	ASSERT_NOT_NULL(wa_plugin_catalog_find(catalog, "out_jsonl"));
	ASSERT_NOT_NULL(wa_plugin_catalog_find(catalog, "test_faults"));
	ASSERT_NOT_NULL(wa_plugin_catalog_find(catalog, "test_full_disk"));
	/* Built for another ABI: skipped with a logged error, never listed. */
	ASSERT_NULL(wa_plugin_catalog_find(catalog, "test_bad_abi"));
	for (size_t i = 0; i < wa_plugin_catalog_size(catalog); i++) {
		if (wa_plugin_catalog_get(catalog, i) ==
		    wa_plugin_catalog_find(catalog, "test_faults"))
			ASSERT_CONTAINS(wa_plugin_catalog_origin(catalog, i), "test_faults.so");
	}
	wa_plugin_catalog_free(catalog);
	/* A missing directory is not fatal. */
	ASSERT_OK(wa_plugin_catalog_new(wa_test_path("nowhere"), &catalog));
	wa_plugin_catalog_free(catalog);
}

static struct wa_config make_config(void)
{
	struct wa_config c;

	ASSERT_OK(wa_config_init_defaults(&c));
	ASSERT_OK(wa_config_set_path(&c.spool_dir, wa_test_dir));
	ASSERT_OK(wa_config_resolve(&c));
	return c;
}

static int build(const char *pipeline, struct wa_plugin_set **ret_set, char **ret_error)
{
	struct wa_plugin_catalog *catalog = NULL;
	struct wa_config c = make_config();
	char *error = NULL;
	int r;

	if (pipeline)
		ASSERT_OK(wa_config_load_string(pipeline, strlen(pipeline), "t.conf", &c, &error));
	ASSERT_OK(wa_plugin_catalog_new(WA_TEST_PLUGIN_DIR, &catalog));
	*ret_error = NULL;
	r = wa_plugin_set_new(catalog, &c, 0, ret_set, ret_error);
	if (r == 0)
		wa_plugin_set_free(*ret_set);
	wa_plugin_catalog_free(catalog);
	wa_config_fini(&c);
	return r;
}

static void expect_set_error(const char *pipeline, const char *expected)
{
	struct wa_plugin_set *set;
	char *error;

	ASSERT_TRUE(build(pipeline, &set, &error) < 0);
	ASSERT_CONTAINS(error, expected);
	free(error);
}

WA_TEST(default_pipeline_is_builtins_the_outbox_and_the_store)
{
	struct wa_plugin_catalog *catalog = NULL;
	struct wa_config c = make_config();
	struct wa_plugin_set *set = NULL;
	char *error = NULL;

	ASSERT_OK(wa_plugin_catalog_new(WA_TEST_PLUGIN_DIR, &catalog));
	ASSERT_OK(wa_plugin_set_new(catalog, &c, 0, &set, &error));
	/* The structured formats are tried first: text would accept anything. */
	static const char *const ingests[] = { "ingest_json", "ingest_email", "ingest_feed",
					       "ingest_html", "ingest_text" };

	ASSERT_EQ(set->n_ingest, sizeof(ingests) / sizeof(*ingests));
	for (size_t i = 0; i < set->n_ingest; i++)
		ASSERT_STR_EQ(set->ingest[i]->plugin->name, ingests[i]);
	ASSERT_EQ(set->n_output, 2);
	ASSERT_STR_EQ(set->output[0]->plugin->name, "out_files");
	ASSERT_STR_EQ(set->output[1]->plugin->name, "out_sqlite");
	/* The built-in text stages, in the order they depend on; external
	 * plugins run only when configured. */
	static const char *const stages[] = { "normalize",  "spam",     "clean",     "meta",
					      "dates",      "langid",   "entities",  "quotes",
					      "quantities", "keywords", "duplicates" };
	size_t n_stages = 0;

	for (size_t i = 0; i < sizeof(stages) / sizeof(*stages); i++) {
		if (wa_plugin_catalog_find(catalog, stages[i]))
			ASSERT_STR_EQ(set->analyze[n_stages++]->plugin->name, stages[i]);
	}
	ASSERT_EQ(set->n_analyze, n_stages);
	wa_plugin_set_free(set);
	wa_plugin_catalog_free(catalog);
	wa_config_fini(&c);
}

WA_TEST(options_reach_the_plugin)
{
	struct wa_plugin_set *set;
	char *error;
	struct stat st;

	ASSERT_OK(build("pipeline = { 'ingest_text', { 'out_jsonl', path = 'x.jsonl' } }", &set,
			&error));
	ASSERT_OK(stat(wa_test_path("x.jsonl"), &st));
}

WA_TEST(pipeline_mistakes_are_named)
{
	expect_set_error("pipeline = { 'ingest_txt' }", "plugin 'ingest_txt': no such plugin");
	expect_set_error("pipeline = { 'ingest_text', { 'out_jsonl', pth = 'x' } }",
			 "plugin 'out_jsonl': unknown option 'pth'");
	expect_set_error("pipeline = { 'ingest_text', { 'out_jsonl', path = 3 } }",
			 "plugin 'out_jsonl': option 'path' must be a string");
	expect_set_error("pipeline = { 'ingest_text', 'ingest_text' }", "listed twice");
	expect_set_error("pipeline = { 'out_files' }", "has no ingest plugin");
	expect_set_error("pipeline = { 'ingest_text', 'test_bad_abi' }",
			 "plugin 'test_bad_abi': no such plugin");
}

WA_TEST(init_failure_is_reported)
{
	/* out_jsonl cannot open a file in a directory that does not exist. */
	expect_set_error(
		"pipeline = { 'ingest_text', { 'out_jsonl', path = '/nonexistent/dir/x.jsonl' } }",
		"plugin 'out_jsonl': initialisation failed");
}

WA_TEST_MAIN(WA_TEST_ENTRY(check_refuses_bad_descriptors),
	     WA_TEST_ENTRY(catalog_lists_builtins_and_loads_external_plugins),
	     WA_TEST_ENTRY(default_pipeline_is_builtins_the_outbox_and_the_store),
	     WA_TEST_ENTRY(options_reach_the_plugin), WA_TEST_ENTRY(pipeline_mistakes_are_named),
	     WA_TEST_ENTRY(init_failure_is_reported))
