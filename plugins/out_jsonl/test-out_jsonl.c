/* SPDX-License-Identifier: MIT */
/* out_jsonl: one line per record, appended per flush, across instances. */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "plugin.h"
#include "wa-test.h"

static int count_lines(const char *path)
{
	FILE *f = fopen(path, "r");
	int c, n = 0;

	ASSERT_NOT_NULL(f);
	while ((c = fgetc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

static void write_batch(int n_articles)
{
	const char *conf = "pipeline = { 'ingest_text', { 'out_jsonl', path = 'stream.jsonl' } }";
	struct wa_plugin_catalog *catalog = NULL;
	struct wa_plugin_set *set = NULL;
	const struct wa_plugin_ctx *ctx;
	char *error = NULL, text[32];
	struct wa_config c;

	ASSERT_OK(wa_config_init_defaults(&c));
	ASSERT_OK(wa_config_set_path(&c.spool_dir, wa_test_dir));
	ASSERT_OK(wa_config_load_string(conf, strlen(conf), "t", &c, &error));
	ASSERT_OK(wa_config_resolve(&c));
	ASSERT_OK(wa_plugin_catalog_new(NULL, &catalog));
	ASSERT_OK(wa_plugin_set_new(catalog, &c, 0, &set, &error));
	ctx = set->output[0];
	for (int i = 0; i < n_articles; i++) {
		int len = snprintf(text, sizeof(text), "artikel %d", i);
		struct wa_article *a = wa_article_new("a.txt", strdup(text), (size_t)len, NULL, 0);

		ASSERT_OK(wa_article_set_text(a, text, (size_t)len));
		ASSERT_OK(wa_article_finish(a));
		ASSERT_OK(ctx->plugin->process(ctx->state, a));
		wa_article_free(a);
	}
	ASSERT_OK(ctx->plugin->flush(ctx->state));
	/* A flush with nothing new writes nothing. */
	ASSERT_OK(ctx->plugin->flush(ctx->state));
	wa_plugin_set_free(set);
	wa_plugin_catalog_free(catalog);
	wa_config_fini(&c);
}

WA_TEST(lines_accumulate_across_batches_and_restarts)
{
	write_batch(3);
	ASSERT_EQ(count_lines(wa_test_path("stream.jsonl")), 3);
	write_batch(500);
	ASSERT_EQ(count_lines(wa_test_path("stream.jsonl")), 503);
}

WA_TEST_MAIN(WA_TEST_ENTRY(lines_accumulate_across_batches_and_restarts))
