/* SPDX-License-Identifier: MIT */
/*
 * Runs one article through a pipeline the test names, the way the daemon
 * would, and reads fields of the result: the plugin tests' common harness.
 */
#ifndef WA_PIPELINE_TEST_H
#define WA_PIPELINE_TEST_H

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "json.h"
#include "pipeline.h"
#include "plugin.h"
#include "wa-test.h"

struct wa_test_run {
	struct wa_config config;
	struct wa_plugin_catalog *catalog;
	struct wa_plugin_set *set;
	struct wa_article *article;
	int status;
};

/* conf: a configuration file's text, e.g. "pipeline = { 'ingest_text', 'normalize' }". */
static inline void wa_test_run_start(struct wa_test_run *r, const char *conf, const char *name,
				     const void *bytes, size_t len)
{
	char *error = NULL;
	void *copy = malloc(len ? len : 1);

	ASSERT_NOT_NULL(copy);
	memcpy(copy, bytes, len);
	ASSERT_OK(wa_config_init_defaults(&r->config));
	if (wa_config_load_string(conf, strlen(conf), "test", &r->config, &error) < 0)
		WA_TEST_FAIL("configuration: %s", error);
	ASSERT_OK(wa_config_set_path(&r->config.spool_dir, wa_test_dir));
	ASSERT_OK(wa_config_resolve(&r->config));
	ASSERT_OK(wa_plugin_catalog_new(NULL, &r->catalog));
	if (wa_plugin_set_new(r->catalog, &r->config, 0, &r->set, &error) < 0)
		WA_TEST_FAIL("pipeline: %s", error);
	r->article = wa_article_new(name, copy, len, NULL, 0);
	ASSERT_NOT_NULL(r->article);
	r->status = wa_pipeline_run(r->set, NULL, r->article);
}

static inline void wa_test_run_text(struct wa_test_run *r, const char *conf, const char *text)
{
	wa_test_run_start(r, conf, "article.txt", text, strlen(text));
}

static inline void wa_test_run_done(struct wa_test_run *r)
{
	wa_article_free(r->article);
	wa_plugin_set_free(r->set);
	wa_plugin_catalog_free(r->catalog);
	wa_config_fini(&r->config);
	memset(r, 0, sizeof(*r));
}

static inline const cJSON *wa_test_field(const struct wa_test_run *r, const char *path)
{
	return wa_json_get_path(wa_article_fields(r->article), path);
}

static inline const char *wa_test_string(const struct wa_test_run *r, const char *path)
{
	const cJSON *item = wa_test_field(r, path);

	return cJSON_IsString(item) ? item->valuestring : NULL;
}

/* The text of the first removed[] entry of this kind that contains needle, or NULL. */
static inline const char *wa_test_removed(const struct wa_test_run *r, const char *kind,
					  const char *needle)
{
	const cJSON *entry;

	cJSON_ArrayForEach(entry, wa_test_field(r, "removed"))
	{
		const char *k = wa_json_get_string(entry, "kind"),
			   *t = wa_json_get_string(entry, "text");

		if (k && t && strcmp(k, kind) == 0 && strstr(t, needle))
			return t;
	}
	return NULL;
}

#endif
