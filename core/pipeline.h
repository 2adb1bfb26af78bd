/* SPDX-License-Identifier: MIT */
/*
 * The per-article run: ingest, then analysis, then the finished record.
 *
 * Pure computation on one article and its children, with no spool, loop or
 * output access, so the daemon, `warta analyze` and tests all run exactly
 * the same code. Called on worker threads; the plugin set is shared
 * read-only. The rules stage runs last, after analysis, with the calling
 * worker's own Lua state.
 */
#ifndef WA_PIPELINE_H
#define WA_PIPELINE_H

#include <stdint.h>

#include "plugin.h"

struct wa_article;
struct wa_rules;

enum wa_pipeline_status {
	WA_PIPELINE_REJECTED = 1, /* no record: see wa_article_rejection() */
	WA_PIPELINE_DROPPED = 2,  /* a plugin dropped the input; nothing to record */
};

/*
 * Runs the pipeline; rules may be NULL (no rules stage). Returns 0 when at least one record is
 * ready (the article itself and/or its children: see wa_pipeline_for_each_record),
 * WA_PIPELINE_REJECTED or WA_PIPELINE_DROPPED, or -ENOMEM. Plugin errors
 * are recorded in the article and do not stop the run.
 */
int wa_pipeline_run(const struct wa_plugin_set *set, struct wa_rules *rules,
		    struct wa_article *article);

/*
 * Where the time of the runs went, in nanoseconds of the monotonic clock,
 * summed: `warta analyze --timings` prints it, to show which stage (or
 * which plugin of one's own) costs what. stage_ns has a slot per analysis
 * plugin of the set, in pipeline order; the caller allocates it.
 */
struct wa_pipeline_timings {
	uint64_t ingest_ns, rules_ns, record_ns;
	uint64_t *stage_ns;
	uint64_t runs; /* articles and children through the analysis stages */
};

/* wa_pipeline_run, adding the run's times to *timings. */
int wa_pipeline_run_timed(const struct wa_plugin_set *set, struct wa_rules *rules,
			  struct wa_article *article, struct wa_pipeline_timings *timings);

/* True if the article yields a record of its own (it has text and was not dropped). */
bool wa_pipeline_has_record(const struct wa_article *article);

/* The i-th article with a record, in output order: the parent first, then its children. */
struct wa_article *wa_pipeline_record(struct wa_article *article, size_t i);

#endif
