/* SPDX-License-Identifier: MIT */
/* The per-article run: ingest order, refusals, plugin errors, drops, multi-article inputs. */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "pipeline.h"
#include "wa-test.h"

static int decline(void *state, struct wa_article *a)
{
	(void)state;
	(void)a;
	return WA_PLUGIN_DECLINED;
}

static int fail_eio(void *state, struct wa_article *a)
{
	(void)state;
	(void)a;
	return -EIO;
}

static int accept_text(void *state, struct wa_article *a)
{
	size_t len;
	const char *raw = wa_article_raw(a, &len);

	(void)state;
	return wa_article_set_text(a, raw, len);
}

static int refuse(void *state, struct wa_article *a)
{
	(void)state;
	return wa_article_reject(a, "refused: not a feed");
}

/* Splits "a|b|c" into one child per item, as a feed would. */
static int split_items(void *state, struct wa_article *a)
{
	size_t len;
	const char *raw = wa_article_raw(a, &len), *end = raw + len;

	(void)state;
	while (raw < end) {
		const char *bar = memchr(raw, '|', (size_t)(end - raw));
		size_t n = bar ? (size_t)(bar - raw) : (size_t)(end - raw);
		struct wa_article *child;
		int r = wa_article_spawn(a, raw, n, &child);

		if (r == 0)
			r = wa_article_set_text(child, raw, n);
		if (r < 0)
			return r;
		raw += n + 1;
	}
	return 0;
}

static int mark(void *state, struct wa_article *a)
{
	return wa_article_set_string(a, "marked", state);
}

static int drop_if_spam(void *state, struct wa_article *a)
{
	(void)state;
	return strstr(wa_article_text(a), "spam") ? WA_PLUGIN_DROP : 0;
}

#define PLUGIN(fn, k)                                                                   \
	{                                                                               \
		.abi_version = WA_PLUGIN_ABI_VERSION, .size = sizeof(struct wa_plugin), \
		.name = #fn, .kind = k, .process = fn                                   \
	}

static const struct wa_plugin p_decline = PLUGIN(decline, WA_PLUGIN_INGEST);
static const struct wa_plugin p_fail = PLUGIN(fail_eio, WA_PLUGIN_INGEST);
static const struct wa_plugin p_accept = PLUGIN(accept_text, WA_PLUGIN_INGEST);
static const struct wa_plugin p_refuse = PLUGIN(refuse, WA_PLUGIN_INGEST);
static const struct wa_plugin p_split = PLUGIN(split_items, WA_PLUGIN_INGEST);
static const struct wa_plugin p_mark = PLUGIN(mark, WA_PLUGIN_ANALYZE);
static const struct wa_plugin p_analyze_fail = PLUGIN(fail_eio, WA_PLUGIN_ANALYZE);
static const struct wa_plugin p_drop = PLUGIN(drop_if_spam, WA_PLUGIN_ANALYZE);

struct fixture {
	struct wa_plugin_ctx ctx[8];
	struct wa_plugin_ctx *ingest[4], *analyze[4];
	struct wa_plugin_set set;
	size_t n_ctx;
};

static struct wa_plugin_ctx *ctx_for(struct fixture *f, const struct wa_plugin *p)
{
	struct wa_plugin_ctx *ctx = &f->ctx[f->n_ctx++];

	ctx->plugin = p;
	ctx->state = (void *)"yes";
	return ctx;
}

static void add(struct fixture *f, const struct wa_plugin *p)
{
	if (p->kind == WA_PLUGIN_INGEST)
		f->ingest[f->set.n_ingest++] = ctx_for(f, p);
	else
		f->analyze[f->set.n_analyze++] = ctx_for(f, p);
	f->set.ingest = f->ingest;
	f->set.analyze = f->analyze;
}

static struct wa_article *article(const char *text)
{
	return wa_article_new("a.txt", strdup(text), strlen(text), NULL, 0);
}

WA_TEST(ingest_plugins_are_asked_in_order_until_one_accepts)
{
	struct fixture f = { 0 };
	struct wa_article *a = article("Jakarta - isi");

	add(&f, &p_decline);
	add(&f, &p_fail);
	add(&f, &p_accept);
	add(&f, &p_mark);
	ASSERT_OK(wa_pipeline_run(&f.set, NULL, a));
	ASSERT_STR_EQ(wa_article_text(a), "Jakarta - isi");
	ASSERT_STR_EQ(wa_article_get_string(a, "marked"), "yes");
	/* The failing ingest plugin is on record, and did not cost the article. */
	ASSERT_CONTAINS(wa_article_record(a, NULL), "\"errors\":[{\"plugin\":\"fail_eio\"");
	ASSERT_TRUE(wa_pipeline_record(a, 0) == a);
	ASSERT_NULL(wa_pipeline_record(a, 1));
	wa_article_free(a);
}

WA_TEST(no_taker_means_rejected_with_a_reason)
{
	struct fixture f = { 0 };
	struct wa_article *a = article("x");

	add(&f, &p_decline);
	ASSERT_EQ(wa_pipeline_run(&f.set, NULL, a), WA_PIPELINE_REJECTED);
	ASSERT_STR_EQ(wa_article_rejection(a), "no ingest plugin accepts this content");
	wa_article_free(a);
}

WA_TEST(a_rejection_stops_the_ingest_chain)
{
	struct fixture f = { 0 };
	struct wa_article *a = article("x");

	add(&f, &p_refuse);
	add(&f, &p_accept);
	ASSERT_EQ(wa_pipeline_run(&f.set, NULL, a), WA_PIPELINE_REJECTED);
	ASSERT_STR_EQ(wa_article_rejection(a), "refused: not a feed");
	ASSERT_NULL(wa_article_text(a));
	wa_article_free(a);
}

WA_TEST(analysis_errors_are_recorded_and_the_run_goes_on)
{
	struct fixture f = { 0 };
	struct wa_article *a = article("x");

	add(&f, &p_accept);
	add(&f, &p_analyze_fail);
	add(&f, &p_mark);
	ASSERT_OK(wa_pipeline_run(&f.set, NULL, a));
	ASSERT_STR_EQ(wa_article_get_string(a, "marked"), "yes");
	ASSERT_CONTAINS(wa_article_record(a, NULL),
			"\"errors\":[{\"plugin\":\"fail_eio\",\"error\":\"Input/output error\"}]");
	wa_article_free(a);
}

WA_TEST(a_drop_yields_no_record)
{
	struct fixture f = { 0 };
	struct wa_article *a = article("buy spam now");

	add(&f, &p_accept);
	add(&f, &p_drop);
	add(&f, &p_mark);
	ASSERT_EQ(wa_pipeline_run(&f.set, NULL, a), WA_PIPELINE_DROPPED);
	ASSERT_NULL(wa_pipeline_record(a, 0));
	ASSERT_NULL(wa_article_get_string(a, "marked"));
	wa_article_free(a);
}

WA_TEST(one_file_many_articles)
{
	struct fixture f = { 0 };
	struct wa_article *a = article("satu|dua spam|tiga");

	add(&f, &p_split);
	add(&f, &p_drop);
	add(&f, &p_mark);
	ASSERT_OK(wa_pipeline_run(&f.set, NULL, a));
	/* The container has no record of its own; the dropped item has none either. */
	ASSERT_STR_EQ(wa_article_text(wa_pipeline_record(a, 0)), "satu");
	ASSERT_STR_EQ(wa_article_text(wa_pipeline_record(a, 1)), "tiga");
	ASSERT_NULL(wa_pipeline_record(a, 2));
	ASSERT_STR_EQ(wa_article_get_string(wa_pipeline_record(a, 1), "marked"), "yes");
	wa_article_free(a);
}

WA_TEST_MAIN(WA_TEST_ENTRY(ingest_plugins_are_asked_in_order_until_one_accepts),
	     WA_TEST_ENTRY(no_taker_means_rejected_with_a_reason),
	     WA_TEST_ENTRY(a_rejection_stops_the_ingest_chain),
	     WA_TEST_ENTRY(analysis_errors_are_recorded_and_the_run_goes_on),
	     WA_TEST_ENTRY(a_drop_yields_no_record), WA_TEST_ENTRY(one_file_many_articles))
