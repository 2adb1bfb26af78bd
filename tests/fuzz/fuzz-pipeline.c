/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: any bytes through the ingest plugins and every text stage
 * (normalize, spam, clean, meta, dates, langid).
 *
 * Built twice over (tests/fuzz/meson.build). As fuzz-pipeline, every
 * ingest plugin is tried and the first byte chooses the file name, since
 * the plugins treat *.json, *.eml... differently from anything else. As
 * fuzz-html, fuzz-feed and fuzz-email, FUZZ_INGEST names one parser and
 * FUZZ_FILE the file, so each parser gets a corpus and a budget of its own.
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

#ifndef FUZZ_INGEST
#define FUZZ_INGEST "ingest_json', 'ingest_email', 'ingest_feed', 'ingest_html', 'ingest_text"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct wa_plugin_set *pipeline(void)
{
	static const char conf[] = "pipeline = { '" FUZZ_INGEST "', 'normalize', 'spam', 'clean', "
				   "'meta', 'dates', 'langid', 'entities', 'quotes', "
				   "'quantities', 'keywords', 'duplicates' }";
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
	    /* A dry run: the learning stages must not write state files where it runs. */
	    wa_plugin_set_new(catalog, &config, WA_PLUGIN_SET_DRY_RUN, &set, &error) < 0)
		abort();
	return set;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef FUZZ_FILE
	const char *name = FUZZ_FILE;
#else
	static const char *const names[] = { "fuzz.json", "fuzz.jsonl", "fuzz.txt", "fuzz" };

	if (size == 0)
		return 0;
	const char *name = names[data[0] % 4];

	data++, size--;
#endif
	void *copy = malloc(size ? size : 1);
	struct wa_article *a;

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	a = wa_article_new(name, copy, size, NULL, 0);
	if (!a)
		return 0;
	(void)wa_pipeline_run(pipeline(), NULL, a);
	for (size_t i = 0; wa_pipeline_record(a, i); i++)
		(void)wa_article_record(wa_pipeline_record(a, i), NULL);
	wa_article_free(a);
	return 0;
}
