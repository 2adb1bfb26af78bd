/* SPDX-License-Identifier: MIT */
/*
 * Scheduler: from inbox names to committed records, on the loop thread.
 *
 * Names offered by the watcher wait in a bounded queue (the inbox itself is
 * the real queue). Up to `workers` articles at a time are claimed and run
 * through the pipeline on libuv's thread pool; finished ones are committed
 * in batches by a single committer job (outputs' process() for each, one
 * flush() each, then the seen journal), and only then are their inputs
 * retired to done/. At most max_in_flight articles are held in memory.
 *
 * A batch that fails to commit (a full disk, an output error) stays in
 * memory and in work/; claiming pauses and the commit is retried, so a good
 * article is never sent to failed/ for a disk problem. An article that
 * runs longer than the timeout hangs the pipeline: it is counted against
 * and the process exits for its supervisor to restart it.
 */
#ifndef WA_SCHEDULER_H
#define WA_SCHEDULER_H

#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

#include "config.h"
#include "plugin.h"
#include "seen.h"
#include "spool.h"
#include "watcher.h"

/* Exit status when an article hung the pipeline (documented in `warta help daemon`). */
#define WA_EXIT_HUNG 4

struct wa_scheduler;

struct wa_scheduler_options {
	int workers;
	int max_in_flight;
	int64_t max_article_bytes;
	int64_t article_timeout_ms;
	int64_t max_attempts;
	int64_t batch_max;
	int64_t retry_interval_ms;
	enum wa_durability durability;
};

struct wa_scheduler_stats {
	uint64_t recorded;   /* records committed (one file may give several) */
	uint64_t duplicates; /* inputs whose content was already recorded */
	uint64_t failed;     /* inputs moved to failed/ */
	uint64_t dropped;    /* inputs a plugin dropped on purpose */
	uint64_t retired;    /* inputs moved to done/ */
	unsigned in_flight;
	unsigned queued;
	bool paused;
};

typedef void wa_scheduler_idle_fn(struct wa_scheduler *scheduler, void *userdata);

/* Fills options from the configuration (resolving the automatic values). */
void wa_scheduler_options_from_config(const struct wa_config *config,
				      struct wa_scheduler_options *ret_options);

/*
 * Borrows loop, spool and seen for its lifetime. Caller owns
 * *ret_scheduler; free with wa_scheduler_free() once it is stopped.
 */
int wa_scheduler_new(uv_loop_t *loop, struct wa_spool *spool, struct wa_seen *seen,
		     const struct wa_scheduler_options *options,
		     struct wa_scheduler **ret_scheduler);
void wa_scheduler_free(struct wa_scheduler *scheduler);

/*
 * Installs a new pipeline, taking ownership of set and catalog. Articles
 * already running finish with the pipeline they started with; the old one
 * is freed when the last of them is done.
 */
int wa_scheduler_set_plugins(struct wa_scheduler *scheduler, struct wa_plugin_set *set,
			     struct wa_plugin_catalog *catalog);
/*
 * Installs a new rule set (NULL: none), taking over the caller's reference.
 * Articles already running finish with the set they started with.
 */
struct wa_rules;
void wa_scheduler_set_rules(struct wa_scheduler *scheduler, struct wa_rules *rules);
/* The current rule set (borrowed), or NULL. */
struct wa_rules *wa_scheduler_rules(const struct wa_scheduler *scheduler);

void wa_scheduler_set_options(struct wa_scheduler *scheduler,
			      const struct wa_scheduler_options *options);

/* The watcher to resume when the queue has room again (borrowed). */
void wa_scheduler_set_watcher(struct wa_scheduler *scheduler, struct wa_watcher *watcher);

/* The wa_watcher_fn: offers an inbox name. */
bool wa_scheduler_offer(const char *name, void *userdata);

/*
 * Queues everything left in work/ by an earlier run, ahead of the inbox.
 * Articles that crashed or hung the pipeline before run alone; those that
 * did so max_attempts times go to failed/ instead.
 */
int wa_scheduler_recover(struct wa_scheduler *scheduler);

/*
 * Stops claiming and calls done() once nothing is in flight, or after
 * timeout_ms with whatever is still running left in work/ (done() is then
 * called with articles still in flight; the caller must not free them).
 */
void wa_scheduler_stop(struct wa_scheduler *scheduler, int64_t timeout_ms,
		       wa_scheduler_idle_fn *done, void *userdata);

void wa_scheduler_get_stats(const struct wa_scheduler *scheduler,
			    struct wa_scheduler_stats *ret_stats);

#endif
