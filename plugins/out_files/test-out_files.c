/* SPDX-License-Identifier: MIT */
/*
 * out_files: a lone record is in place at once, records under load at the
 * flush; complete, named by id, with no temporary file left behind.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "article.h"
#include "plugin.h"
#include "wa-test.h"

static struct wa_article *finished(const char *text)
{
	struct wa_article *a = wa_article_new("a.txt", strdup(text), strlen(text), NULL, 0);

	ASSERT_OK(wa_article_set_text(a, text, strlen(text)));
	ASSERT_OK(wa_article_finish(a));
	return a;
}

static int count_visible(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ASSERT_NOT_NULL(d);
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void run(bool durable)
{
	struct wa_config c;
	struct wa_plugin_catalog *catalog = NULL;
	struct wa_plugin_set *set = NULL;
	struct wa_article *a = finished("satu"), *b = finished("dua");
	const struct wa_plugin_ctx *ctx;
	char *error = NULL, path[1024], buf[4096];
	FILE *f;
	size_t n;

	ASSERT_OK(wa_config_init_defaults(&c));
	ASSERT_OK(wa_config_set_path(&c.spool_dir, wa_test_dir));
	c.durability = durable ? WA_DURABILITY_FULL : WA_DURABILITY_FAST;
	ASSERT_OK(wa_config_resolve(&c));
	ASSERT_OK(wa_plugin_catalog_new(NULL, &catalog));
	ASSERT_OK(wa_plugin_set_new(catalog, &c, 0, &set, &error));
	ctx = set->output[0];
	ASSERT_STR_EQ(ctx->plugin->name, "out_files");
	snprintf(path, sizeof(path), "%s/outbox", wa_test_dir);
	/* Alone: a consumer sees it at once (and, when durable, it is on disk). */
	ASSERT_OK(ctx->plugin->process(ctx->state, a));
	ASSERT_EQ(count_visible(path), 1);
	/* Another one before the flush: it waits for the batch. */
	ASSERT_OK(ctx->plugin->process(ctx->state, b));
	ASSERT_EQ(count_visible(path), 1);
	ASSERT_OK(ctx->plugin->flush(ctx->state));
	ASSERT_EQ(count_visible(path), 2);
	snprintf(path, sizeof(path), "%s/outbox/.tmp", wa_test_dir);
	ASSERT_EQ(count_visible(path), 0);
	snprintf(path, sizeof(path), "%s/outbox/%s.json", wa_test_dir, wa_article_id(a));
	f = fopen(path, "r");
	ASSERT_NOT_NULL(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	ASSERT_TRUE(n == strlen(wa_article_record(a, NULL)) + 1 && buf[n - 1] == '\n');
	ASSERT_CONTAINS(buf, "\"text\":\"satu\"");
	/* Reprocessing overwrites: still one file per id. */
	ASSERT_OK(ctx->plugin->process(ctx->state, a));
	ASSERT_OK(ctx->plugin->flush(ctx->state));
	snprintf(path, sizeof(path), "%s/outbox", wa_test_dir);
	ASSERT_EQ(count_visible(path), 2);
	wa_plugin_set_free(set);
	wa_plugin_catalog_free(catalog);
	wa_config_fini(&c);
	wa_article_free(a);
	wa_article_free(b);
}

WA_TEST(durable_batches)
{
	run(true);
}

WA_TEST(fast_batches)
{
	run(false);
}

WA_TEST_MAIN(WA_TEST_ENTRY(durable_batches), WA_TEST_ENTRY(fast_batches))
