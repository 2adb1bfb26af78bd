/* SPDX-License-Identifier: MIT */
/*
 * Pipeline run.
 *
 * Ingest plugins are asked in order until one accepts; an ingest plugin
 * that fails (-errno) is recorded and the next one is asked, so that a bug
 * in one format never costs an article another format could read. Each
 * analysis plugin runs on the article and on each child it spawned, and
 * the rules after them.
 */
#include "pipeline.h"

#include <errno.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "banned.h"
#include "rules/rules.h"

static int run_ingest(const struct wa_plugin_set *set, struct wa_article *a)
{
	for (size_t i = 0; i < set->n_ingest; i++) {
		const struct wa_plugin_ctx *ctx = set->ingest[i];
		int r = ctx->plugin->process(ctx->state, a);

		if (wa_article_rejection(a))
			return WA_PIPELINE_REJECTED;
		if (r == WA_PLUGIN_OK)
			return 0;
		if (r == WA_PLUGIN_DROP)
			return WA_PIPELINE_DROPPED;
		if (r < 0) {
			if (r == -ENOMEM)
				return r;
			wa_log_article(WA_LOG_WARNING, a,
				       "ingest plugin '%s' failed: %s, trying the next",
				       ctx->plugin->name, wa_strerror(r));
			(void)wa_article_add_error(a, ctx->plugin->name, "%s", wa_strerror(r));
		}
	}
	if (!wa_article_rejection(a))
		(void)wa_article_reject(a, "no ingest plugin accepts this content");
	return WA_PIPELINE_REJECTED;
}

/* The monotonic clock in nanoseconds, when timings are asked for; else 0. */
static uint64_t now_ns(const struct wa_pipeline_timings *t)
{
	struct timespec ts;

	if (!t)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Adds the time since *since to *total, and starts the next count now. */
static void lap(const struct wa_pipeline_timings *t, uint64_t *since, uint64_t *total)
{
	uint64_t now = now_ns(t);

	*total += now - *since;
	*since = now;
}

/* Returns WA_PIPELINE_DROPPED if a plugin dropped the article. */
static int run_analysis(const struct wa_plugin_set *set, struct wa_rules *rules,
			struct wa_article *a, struct wa_pipeline_timings *t)
{
	uint64_t since = now_ns(t);

	if (t)
		t->runs++;
	for (size_t i = 0; i < set->n_analyze; i++) {
		const struct wa_plugin_ctx *ctx = set->analyze[i];
		int r = ctx->plugin->process(ctx->state, a);

		if (t)
			lap(t, &since, &t->stage_ns[i]);
		if (r == WA_PLUGIN_DROP)
			return WA_PIPELINE_DROPPED;
		if (r == -ENOMEM)
			return r;
		if (r < 0) {
			wa_log_article(WA_LOG_WARNING, a, "plugin '%s' failed: %s",
				       ctx->plugin->name, wa_strerror(r));
			(void)wa_article_add_error(a, ctx->plugin->name, "%s", wa_strerror(r));
		}
	}
	if (rules) {
		int r = wa_rules_run(rules, a);

		if (r < 0)
			return r;
		if (t)
			lap(t, &since, &t->rules_ns);
	}
	int r = wa_article_finish(a);

	if (t)
		lap(t, &since, &t->record_ns);
	return r;
}

bool wa_pipeline_has_record(const struct wa_article *a)
{
	return wa_article_record(a, NULL) != NULL;
}

struct wa_article *wa_pipeline_record(struct wa_article *a, size_t i)
{
	if (wa_pipeline_has_record(a)) {
		if (i == 0)
			return a;
		i--;
	}
	for (size_t c = 0; c < wa_article_n_children(a); c++) {
		struct wa_article *child = wa_article_child(a, c);

		if (!wa_pipeline_has_record(child))
			continue;
		if (i == 0)
			return child;
		i--;
	}
	return NULL;
}

int wa_pipeline_run(const struct wa_plugin_set *set, struct wa_rules *rules, struct wa_article *a)
{
	return wa_pipeline_run_timed(set, rules, a, NULL);
}

int wa_pipeline_run_timed(const struct wa_plugin_set *set, struct wa_rules *rules,
			  struct wa_article *a, struct wa_pipeline_timings *t)
{
	uint64_t since = now_ns(t);
	size_t n_records = 0;
	int r;

	r = run_ingest(set, a);
	if (t)
		lap(t, &since, &t->ingest_ns);
	if (r != 0)
		return r;
	if (wa_article_has_text(a)) {
		r = run_analysis(set, rules, a, t);
		if (r < 0)
			return r;
		n_records += r == 0;
	}
	for (size_t i = 0; i < wa_article_n_children(a); i++) {
		struct wa_article *child = wa_article_child(a, i);

		if (!wa_article_has_text(child))
			continue;
		r = run_analysis(set, rules, child, t);
		if (r < 0)
			return r;
		n_records += r == 0;
	}
	if (n_records > 0)
		return 0;
	if (wa_article_has_text(a) || wa_article_n_children(a) > 0)
		return WA_PIPELINE_DROPPED;
	(void)wa_article_reject(a, "the ingest plugin produced no text");
	return WA_PIPELINE_REJECTED;
}
