/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: any bytes through every ingest plugin (JSON, e-mail, feeds,
 * HTML, text) and every text stage (normalize, spam, clean, meta, dates,
 * langid). The first byte chooses the file name's extension, since
 * ingest_json treats a *.json file differently from anything else.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "config.h"
#include "json.h"
#include "pipeline.h"
#include "plugin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct wa_plugin_set *pipeline(void)
{
	static const char conf[] =
		"pipeline = { 'ingest_json', 'ingest_email', 'ingest_feed', 'ingest_html', "
		"'ingest_text', 'normalize', 'spam', 'clean', 'meta', 'dates', 'langid' }";
	static struct wa_plugin_catalog *catalog;
	static struct wa_plugin_set *set;
	static struct wa_config config;
	char *error = NULL;

	if (set)
		return set;
	wa_json_init();
	wa_log_set_level(WA_LOG_ERROR);
	if (wa_config_init_defaults(&config) < 0 ||
	    wa_config_load_string(conf, strlen(conf), "fuzz", &config, &error) < 0 ||
	    wa_config_resolve(&config) < 0 || wa_plugin_catalog_new(NULL, &catalog) < 0 ||
	    wa_plugin_set_new(catalog, &config, 0, &set, &error) < 0)
		abort();
	return set;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "fuzz.json", "fuzz.jsonl", "fuzz.txt", "fuzz" };
	struct wa_article *a;
	void *copy;

	if (size == 0)
		return 0;
	copy = malloc(size - 1 ? size - 1 : 1);
	if (!copy)
		return 0;
	memcpy(copy, data + 1, size - 1);
	a = wa_article_new(names[data[0] % 4], copy, size - 1, NULL, 0);
	if (!a)
		return 0;
	(void)wa_pipeline_run(pipeline(), NULL, a);
	for (size_t i = 0; wa_pipeline_record(a, i); i++)
		(void)wa_article_record(wa_pipeline_record(a, i), NULL);
	wa_article_free(a);
	return 0;
}
