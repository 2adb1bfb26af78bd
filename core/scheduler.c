/* SPDX-License-Identifier: MIT */
/*
 * Scheduler. See scheduler.h for the contract.
 *
 * libuv's thread pool is FIFO for all work, so at most ANALYSES_PER_WORKER
 * analysis jobs per worker are ever queued on it and the pool has one
 * thread more than the workers: the single commit job never waits behind
 * more than a few short analyses. The loop
 * thread only moves pointers and names; all file I/O of an article happens
 * in its jobs.
 */
#include "scheduler.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "banned.h"
#include "crash.h"
#include "nameset.h"
#include "pipeline.h"
#include "rules/rules.h"

#define HANG_CHECK_MS       1000
#define QUEUE_PER_FLIGHT    4
#define ANALYSES_PER_WORKER 8

struct plugin_ref {
	uint64_t generation; /* distinct for every pipeline a scheduler installs */
	struct wa_plugin_set *set;
	struct wa_plugin_catalog *catalog;
	unsigned refs;
};

enum job_outcome {
	JOB_READY,   /* records to commit */
	JOB_DROPPED, /* nothing to record; retire the input */
	JOB_GONE,    /* someone else took the file */
	JOB_FAILED,  /* moved to failed/ */
	JOB_ERROR,   /* left where it was; a later rescan or start retries */
};

struct job {
	uv_work_t req;
	struct wa_scheduler *s;
	struct plugin_ref *plugins;
	struct wa_rules *rules; /* the set it started with */
	char *name;             /* inbox name, or work/ name when recovering */
	bool from_work;
	bool solo;
	uint64_t started_ms;
	enum job_outcome outcome;
	struct wa_article **records; /* the new records (duplicates excluded) */
	size_t n_recorded;
	bool duplicate;       /* some record was already recorded or in flight */
	uint64_t staged_into; /* generation of the pipeline whose outputs hold its records; 0: none
			       */
	bool not_retired;     /* set by the commit: recorded, but still in work/ */
	struct wa_claim claim;
	atomic_bool claimed; /* claim.id is valid (read by the hang check) */
	struct wa_article *article;
	struct job *prev, *next;
};

struct queued {
	char *name;
	bool from_work;
	bool solo; /* crashed or hung before: run it with nothing else in flight */
};

struct queue {
	struct queued *items;
	size_t head, len, cap;
};

struct job_list {
	struct job *first, *last;
	size_t len;
};

struct wa_scheduler {
	uv_loop_t *loop;
	struct wa_spool *spool;
	struct wa_seen *seen;
	struct wa_watcher *watcher;
	struct wa_scheduler_options options;
	struct plugin_ref *plugins;
	struct wa_rules *rules; /* NULL: no rules stage */

	struct queue recovered; /* work/ leftovers, served first */
	struct queue deferred;  /* recorded but not retired (disk full): taken up again on retry */
	struct queue pending;   /* inbox names */
	struct wa_nameset *names;
	struct wa_nameset *reoffered; /* names seen again while their job ran */

	struct job_list analysing, ready;
	struct job **batch;
	size_t n_batch;
	uv_work_t commit_req;
	bool committing;
	/* The pipeline the running commit uses: a reload may swap s->plugins meanwhile. */
	struct plugin_ref *committing_plugins;
	uint64_t generations;
	int commit_error;
	bool solo_running;
	unsigned in_flight;

	bool paused;
	bool stopping;
	bool offering; /* inside wa_scheduler_offer(): do not call back into the watcher */
	uv_timer_t retry_timer, hang_timer, stop_timer;
	int n_open_handles;
	wa_scheduler_idle_fn *on_idle;
	void *idle_userdata;

	struct wa_scheduler_stats stats;
};

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* ---- small containers ---- */

static int queue_push(struct queue *q, char *name, bool from_work, bool solo)
{
	if (q->len == q->cap) {
		size_t cap = q->cap ? q->cap * 2 : 64;
		struct queued *items = malloc(cap * sizeof(*items));

		if (!items)
			return -ENOMEM;
		for (size_t i = 0; i < q->len; i++)
			items[i] = q->items[(q->head + i) % q->cap];
		free(q->items);
		q->items = items;
		q->head = 0;
		q->cap = cap;
	}
	q->items[(q->head + q->len) % q->cap] = (struct queued){ name, from_work, solo };
	q->len++;
	return 0;
}

static struct queued queue_pop(struct queue *q)
{
	struct queued item = q->items[q->head];

	q->head = (q->head + 1) % q->cap;
	q->len--;
	return item;
}

static void queue_clear(struct queue *q)
{
	while (q->len > 0)
		free(queue_pop(q).name);
	free(q->items);
	memset(q, 0, sizeof(*q));
}

static void list_append(struct job_list *l, struct job *j)
{
	j->next = NULL;
	j->prev = l->last;
	if (l->last)
		l->last->next = j;
	else
		l->first = j;
	l->last = j;
	l->len++;
}

static void list_remove(struct job_list *l, struct job *j)
{
	if (j->prev)
		j->prev->next = j->next;
	else
		l->first = j->next;
	if (j->next)
		j->next->prev = j->prev;
	else
		l->last = j->prev;
	j->prev = j->next = NULL;
	l->len--;
}

/* ---- plugin set references ---- */

static void plugins_unref(struct plugin_ref *ref)
{
	if (!ref || --ref->refs > 0)
		return;
	wa_plugin_set_free(ref->set);
	wa_plugin_catalog_free(ref->catalog);
	free(ref);
}

static struct plugin_ref *plugins_ref(struct plugin_ref *ref)
{
	ref->refs++;
	return ref;
}

int wa_scheduler_set_plugins(struct wa_scheduler *s, struct wa_plugin_set *set,
			     struct wa_plugin_catalog *catalog)
{
	struct plugin_ref *ref = calloc(1, sizeof(*ref));

	if (!ref) {
		wa_plugin_set_free(set);
		wa_plugin_catalog_free(catalog);
		return -ENOMEM;
	}
	ref->set = set;
	ref->catalog = catalog;
	ref->refs = 1;
	ref->generation = ++s->generations;
	plugins_unref(s->plugins);
	s->plugins = ref;
	return 0;
}

void wa_scheduler_set_rules(struct wa_scheduler *s, struct wa_rules *rules)
{
	wa_rules_unref(s->rules);
	s->rules = rules;
}

struct wa_rules *wa_scheduler_rules(const struct wa_scheduler *s)
{
	return s->rules;
}

/* ---- construction ---- */

void wa_scheduler_options_from_config(const struct wa_config *c, struct wa_scheduler_options *o)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	o->workers = c->workers > 0 ? c->workers : cores > 0 ? (int)cores : 1;
	/* Enough finished articles waiting to make commit batches worth their fsync. */
	o->max_in_flight = c->max_in_flight > 0 ? c->max_in_flight : o->workers * 64;
	if (o->max_in_flight < o->workers)
		o->max_in_flight = o->workers;
	o->max_article_bytes = c->max_article_bytes;
	o->article_timeout_ms = c->article_timeout_ms;
	o->max_attempts = c->max_attempts;
	o->batch_max = c->batch_max;
	o->retry_interval_ms = c->retry_interval_ms;
	o->durability = c->durability;
}

int wa_scheduler_new(uv_loop_t *loop, struct wa_spool *spool, struct wa_seen *seen,
		     const struct wa_scheduler_options *options, struct wa_scheduler **ret)
{
	struct wa_scheduler *s = calloc(1, sizeof(*s));

	if (!s)
		return -ENOMEM;
	s->loop = loop;
	s->spool = spool;
	s->seen = seen;
	s->options = *options;
	s->names = wa_nameset_new();
	s->reoffered = wa_nameset_new();
	s->batch = calloc((size_t)options->batch_max, sizeof(*s->batch));
	if (!s->names || !s->reoffered || !s->batch) {
		wa_nameset_free(s->names);
		wa_nameset_free(s->reoffered);
		free(s->batch);
		free(s);
		return -ENOMEM;
	}
	uv_timer_init(loop, &s->retry_timer);
	uv_timer_init(loop, &s->hang_timer);
	uv_timer_init(loop, &s->stop_timer);
	s->retry_timer.data = s->hang_timer.data = s->stop_timer.data = s;
	s->n_open_handles = 3;
	*ret = s;
	return 0;
}

void wa_scheduler_set_options(struct wa_scheduler *s, const struct wa_scheduler_options *o)
{
	struct job **batch;

	/* The batch array is sized for batch_max; grow it only while no commit uses it. */
	if (o->batch_max > s->options.batch_max) {
		if (s->committing)
			return;
		batch = realloc(s->batch, (size_t)o->batch_max * sizeof(*batch));
		if (!batch)
			return;
		s->batch = batch;
	}
	s->options = *o;
}

void wa_scheduler_set_watcher(struct wa_scheduler *s, struct wa_watcher *watcher)
{
	s->watcher = watcher;
}

static void free_job(struct job *j)
{
	plugins_unref(j->plugins);
	wa_rules_unref(j->rules);
	free(j->records);
	wa_article_free(j->article);
	free(j->claim.data);
	free(j->name);
	free(j);
}

static void on_handle_closed(uv_handle_t *handle)
{
	struct wa_scheduler *s = handle->data;

	if (--s->n_open_handles > 0)
		return;
	plugins_unref(s->plugins);
	wa_rules_unref(s->rules);
	wa_nameset_free(s->names);
	wa_nameset_free(s->reoffered);
	free(s->batch);
	free(s);
}

void wa_scheduler_free(struct wa_scheduler *s)
{
	struct job *j;

	if (!s)
		return;
	queue_clear(&s->pending);
	queue_clear(&s->recovered);
	queue_clear(&s->deferred);
	while ((j = s->ready.first)) {
		list_remove(&s->ready, j);
		free_job(j);
	}
	uv_close((uv_handle_t *)&s->retry_timer, on_handle_closed);
	uv_close((uv_handle_t *)&s->hang_timer, on_handle_closed);
	uv_close((uv_handle_t *)&s->stop_timer, on_handle_closed);
}

void wa_scheduler_get_stats(const struct wa_scheduler *s, struct wa_scheduler_stats *ret)
{
	*ret = s->stats;
	ret->in_flight = s->in_flight;
	ret->queued = (unsigned)(s->pending.len + s->recovered.len);
	ret->paused = s->paused;
}

static void pump(struct wa_scheduler *s);

/* ---- analysis: one article, on a worker thread ---- */

static void fail_claimed(struct job *j, const char *reason)
{
	struct wa_claim *c = &j->claim;
	int r = wa_spool_fail(j->s->spool, WA_SPOOL_WORK, c->work_name, c->name, c->id, reason);

	if (r < 0) {
		wa_log(WA_LOG_ERROR, "[%s '%s'] cannot move to failed/ (%s): %s; it stays in work/",
		       c->id, c->name, reason, wa_strerror(r));
		j->outcome = JOB_ERROR;
		return;
	}
	wa_log(WA_LOG_WARNING, "[%s '%s'] failed: %s", c->id, c->name, reason);
	j->outcome = JOB_FAILED;
	wa_spool_attempts_clear(j->s->spool, c->id);
}

/* Claims the job's file; false if there is nothing to analyse (j->outcome says why). */
static bool claim(struct job *j)
{
	struct wa_scheduler *s = j->s;
	enum wa_spool_dir dir = j->from_work ? WA_SPOOL_WORK : WA_SPOOL_INBOX;
	int r;

	if (j->from_work)
		r = wa_spool_reclaim(s->spool, j->name, s->options.max_article_bytes, &j->claim);
	else
		r = wa_spool_claim(s->spool, j->name, s->options.max_article_bytes, &j->claim);
	if (r == 0)
		return true;
	if (r == WA_SPOOL_GONE) {
		j->outcome = JOB_GONE;
		return false;
	}
	if (r < 0) {
		wa_log_error("cannot claim '%s': %s, will retry", j->name, wa_strerror(r));
		j->outcome = JOB_ERROR;
		return false;
	}
	/* WA_SPOOL_REFUSED: the file was not opened, or not kept. */
	r = wa_spool_fail(s->spool, dir, j->name, j->claim.name, NULL, j->claim.reason);
	if (r < 0) {
		wa_log_error("'%s' %s, but cannot be moved to failed/: %s", j->name,
			     j->claim.reason, wa_strerror(r));
		j->outcome = JOB_ERROR;
	} else if (r == WA_SPOOL_GONE) {
		j->outcome = JOB_GONE;
	} else {
		wa_log_warning("'%s' failed: %s", j->claim.name, j->claim.reason);
		j->outcome = JOB_FAILED;
	}
	return false;
}

static int stage_records(struct job *j, struct wa_plugin_set *set, bool reserve);

static void analyze_work(uv_work_t *req)
{
	struct job *j = req->data;
	struct wa_claim *c = &j->claim;
	int r;

	if (!claim(j))
		return;
	atomic_store(&j->claimed, true);
	wa_crash_set_article(c->id);
	j->article = wa_article_new(c->name, c->data, c->len, c->id, time(NULL));
	c->data = NULL; /* the article owns it now (or freed it) */
	if (!j->article) {
		fail_claimed(j, "out of memory while reading");
		goto out;
	}
	r = wa_pipeline_run(j->plugins->set, j->rules, j->article);
	if (r == WA_PIPELINE_REJECTED)
		fail_claimed(j, wa_article_rejection(j->article));
	else if (r == WA_PIPELINE_DROPPED)
		j->outcome = JOB_DROPPED;
	else if (r < 0)
		fail_claimed(j, "out of memory while analysing");
	else
		j->outcome = JOB_READY;
	if (j->outcome == JOB_READY) {
		r = stage_records(j, j->plugins->set, true);
		if (r == -ENOMEM)
			fail_claimed(j, "out of memory while writing outputs");
		/* Otherwise a failure (a full disk) is retried by the committer. */
		j->staged_into = r == 0 ? j->plugins->generation : 0;
	}
out:
	wa_crash_set_article(NULL);
}

static void finish_job(struct wa_scheduler *s, struct job *j)
{
	s->in_flight--;
	if (j->solo)
		s->solo_running = false;
	free_job(j);
}

/* Queues an inbox name again (it may be a new file, or already gone: the claim tells). */
static void requeue_name(struct wa_scheduler *s, const char *name)
{
	char *copy = strdup(name);

	if (!copy || wa_nameset_add(s->names, name) < 0) {
		free(copy);
		return;
	}
	if (queue_push(&s->pending, copy, false, false) < 0) {
		wa_nameset_remove(s->names, name);
		free(copy);
	}
}

static void after_analyze(uv_work_t *req, int status)
{
	struct job *j = req->data;
	struct wa_scheduler *s = j->s;

	(void)status;
	list_remove(&s->analysing, j);
	if (!j->from_work) {
		wa_nameset_remove(s->names, j->name);
		/* A new file under the same name arrived while this one was claimed. */
		if (wa_nameset_contains(s->reoffered, j->name)) {
			wa_nameset_remove(s->reoffered, j->name);
			requeue_name(s, j->name);
		}
	}
	switch (j->outcome) {
	case JOB_READY:
	case JOB_DROPPED:
		list_append(&s->ready, j);
		break;
	case JOB_FAILED:
		s->stats.failed++;
		finish_job(s, j);
		break;
	case JOB_ERROR:
		/*
		 * Left in place for the periodic rescan: rescanning now would spin
		 * on a file that cannot be moved while, say, the disk is full.
		 */
		finish_job(s, j);
		break;
	case JOB_GONE:
		finish_job(s, j);
		break;
	}
	pump(s);
}

static int start_job(struct wa_scheduler *s, struct queued item)
{
	struct job *j = calloc(1, sizeof(*j));
	int r;

	if (!j) {
		free(item.name);
		return -ENOMEM;
	}
	j->s = s;
	j->name = item.name;
	j->from_work = item.from_work;
	j->plugins = plugins_ref(s->plugins);
	j->rules = s->rules ? wa_rules_ref(s->rules) : NULL;
	j->started_ms = now_ms();
	j->solo = item.solo;
	j->req.data = j;
	r = uv_queue_work(s->loop, &j->req, analyze_work, after_analyze);
	if (r < 0) {
		free_job(j);
		return r;
	}
	list_append(&s->analysing, j);
	s->in_flight++;
	s->solo_running = j->solo;
	return 0;
}

/* ---- commit: a batch of finished articles, on a worker thread ---- */

static bool is_disk_full(int r)
{
	return r == -ENOSPC || r == -EDQUOT;
}

/* Runs every output over one record; returns 0, or the first error. */
/*
 * Staging: each new record goes through every output's process() on the
 * worker that analysed it, so the expensive part of writing (creating and
 * filling files) runs in parallel; the committer then only flushes. Ids are
 * reserved first, so an identical article in flight is a duplicate and no
 * output ever sees it.
 */
static int stage_records(struct job *j, struct wa_plugin_set *set, bool reserve)
{
	struct wa_seen *seen = j->s->seen;
	struct wa_article *a;
	int r;

	for (size_t i = 0; reserve && (a = wa_pipeline_record(j->article, i)); i++) {
		struct wa_article **grown;

		r = wa_seen_reserve(seen, wa_article_id(a));
		if (r < 0)
			return r;
		if (r == 1) {
			j->duplicate = true;
			continue;
		}
		grown = realloc(j->records, (j->n_recorded + 1) * sizeof(*grown));
		if (!grown)
			return -ENOMEM;
		j->records = grown;
		j->records[j->n_recorded++] = a;
	}
	for (size_t i = 0; i < j->n_recorded; i++) {
		for (size_t k = 0; k < set->n_output; k++) {
			const struct wa_plugin_ctx *ctx = set->output[k];

			r = ctx->plugin->process(ctx->state, j->records[i]);
			if (r < 0) {
				if (!is_disk_full(r))
					wa_log_article(WA_LOG_ERROR, j->records[i],
						       "output '%s' failed: %s", ctx->plugin->name,
						       wa_strerror(r));
				return r;
			}
		}
	}
	return 0;
}

/*
 * Stages again what failed to stage, or was staged into a pipeline that a
 * reload has since replaced (on the commit thread: `to` is the committing
 * pipeline, kept alive by the committer's reference).
 */
static int restage(struct job *j, struct plugin_ref *to)
{
	int r;

	if (j->staged_into == to->generation)
		return 0;
	wa_crash_set_article(j->claim.id);
	r = stage_records(j, to->set, false);
	wa_crash_set_article(NULL);
	if (r < 0)
		return r;
	j->staged_into = to->generation;
	return 0;
}

static int journal_batch(struct wa_scheduler *s, bool durable)
{
	const char **ids;
	size_t n = 0;
	int r;

	for (size_t i = 0; i < s->n_batch; i++)
		n += s->batch[i]->n_recorded;
	ids = malloc((n ? n : 1) * sizeof(*ids));
	if (!ids)
		return -ENOMEM;
	n = 0;
	for (size_t i = 0; i < s->n_batch; i++) {
		for (size_t k = 0; k < s->batch[i]->n_recorded; k++)
			ids[n++] = wa_article_id(s->batch[i]->records[k]);
	}
	r = wa_seen_journal(s->seen, ids, n, durable);
	free(ids);
	return r;
}

static void commit_work(uv_work_t *req)
{
	struct wa_scheduler *s = req->data;
	struct wa_plugin_set *set = s->committing_plugins->set;
	bool durable = s->options.durability == WA_DURABILITY_FULL;
	int r = 0;

	for (size_t i = 0; i < s->n_batch && r == 0; i++)
		r = restage(s->batch[i], s->committing_plugins);
	for (size_t i = 0; i < set->n_output && r == 0; i++) {
		const struct wa_plugin_ctx *ctx = set->output[i];

		r = ctx->plugin->flush(ctx->state);
		if (r < 0 && !is_disk_full(r))
			wa_log_error("output '%s' could not commit a batch: %s", ctx->plugin->name,
				     wa_strerror(r));
	}
	/* Only now are the records durable, so only now may their ids be journaled. */
	if (r == 0)
		r = journal_batch(s, durable);
	if (r < 0) {
		s->commit_error = r;
		return;
	}
	for (size_t i = 0; i < s->n_batch; i++) {
		struct job *j = s->batch[i];
		int rr = wa_spool_retire(s->spool, &j->claim);

		j->not_retired = rr < 0;
		if (rr < 0)
			wa_log_warning(
				"[%s '%s'] recorded, but cannot be moved out of work/ yet: %s",
				j->claim.id, j->claim.name, wa_strerror(rr));
		if (j->solo)
			wa_spool_attempts_clear(s->spool, j->claim.id);
	}
	s->commit_error = 0;
}

static void on_retry_timer(uv_timer_t *timer)
{
	struct wa_scheduler *s = timer->data;

	/* Taken up again, they are found already recorded and only retired. */
	while (s->deferred.len > 0) {
		struct queued item = queue_pop(&s->deferred);

		if (queue_push(&s->recovered, item.name, true, false) < 0)
			free(item.name);
	}
	if (!s->paused) {
		pump(s);
		return;
	}
	s->paused = false;
	wa_log_notice("retrying the commit of %zu article(s)", s->ready.len);
	pump(s);
}

static void after_commit(uv_work_t *req, int status)
{
	struct wa_scheduler *s = req->data;
	int r = s->commit_error;

	(void)status;
	s->committing = false;
	plugins_unref(s->committing_plugins);
	s->committing_plugins = NULL;
	if (r < 0) {
		/* Back to the head of the queue, in order; nothing leaves work/. */
		for (size_t i = s->n_batch; i-- > 0;) {
			struct job *j = s->batch[i];

			j->next = s->ready.first;
			j->prev = NULL;
			if (s->ready.first)
				s->ready.first->prev = j;
			else
				s->ready.last = j;
			s->ready.first = j;
			s->ready.len++;
		}
		s->n_batch = 0;
		s->paused = true;
		if (is_disk_full(r))
			wa_log_warning(
				"disk full while committing: claiming paused, retrying in %lld ms",
				(long long)s->options.retry_interval_ms);
		else
			wa_log_error("commit failed (%s): claiming paused, retrying in %lld ms",
				     wa_strerror(r), (long long)s->options.retry_interval_ms);
		uv_timer_start(&s->retry_timer, on_retry_timer,
			       (uint64_t)s->options.retry_interval_ms, 0);
		pump(s);
		return;
	}
	for (size_t i = 0; i < s->n_batch; i++) {
		struct job *j = s->batch[i];

		if (j->outcome == JOB_DROPPED) {
			s->stats.dropped++;
		} else if (j->duplicate && j->n_recorded == 0) {
			s->stats.duplicates++;
			wa_log(WA_LOG_NOTICE,
			       "[%s '%s'] duplicate of an article already recorded; moved to done/ without a new record",
			       j->claim.id, j->claim.name);
		} else {
			s->stats.recorded += j->n_recorded;
			wa_log(WA_LOG_DEBUG, "[%s '%s'] recorded", j->claim.id, j->claim.name);
		}
		if (j->not_retired) {
			char *name = strdup(j->claim.work_name);

			if (name && queue_push(&s->deferred, name, true, false) < 0)
				free(name);
			if (!uv_is_active((uv_handle_t *)&s->retry_timer))
				uv_timer_start(&s->retry_timer, on_retry_timer,
					       (uint64_t)s->options.retry_interval_ms, 0);
		} else {
			s->stats.retired++;
		}
		finish_job(s, j);
	}
	s->n_batch = 0;
	pump(s);
}

static void maybe_commit(struct wa_scheduler *s)
{
	int r;

	if (s->committing || s->paused || s->ready.len == 0)
		return;
	s->n_batch = 0;
	while (s->ready.first && s->n_batch < (size_t)s->options.batch_max) {
		struct job *j = s->ready.first;

		list_remove(&s->ready, j);
		s->batch[s->n_batch++] = j;
	}
	s->committing = true;
	s->committing_plugins = plugins_ref(s->plugins);
	s->commit_error = 0;
	s->commit_req.data = s;
	r = uv_queue_work(s->loop, &s->commit_req, commit_work, after_commit);
	if (r < 0) {
		s->commit_error = r;
		after_commit(&s->commit_req, r);
	}
}

/* ---- the loop side ---- */

static size_t queue_capacity(const struct wa_scheduler *s)
{
	return (size_t)s->options.max_in_flight * QUEUE_PER_FLIGHT;
}

static void on_hang_timer(uv_timer_t *timer)
{
	struct wa_scheduler *s = timer->data;
	uint64_t now = now_ms();

	for (struct job *j = s->analysing.first; j; j = j->next) {
		if (!atomic_load(&j->claimed) ||
		    now - j->started_ms < (uint64_t)s->options.article_timeout_ms)
			continue;
		/*
		 * A thread cannot be cancelled safely, and the stuck one holds a
		 * worker forever. Count it against the article and exit, so the
		 * supervisor restarts us and the article is retried alone.
		 */
		wa_spool_attempts_bump(wa_spool_attempts_fd(s->spool), j->claim.id);
		wa_log_error(
			"[%s '%s'] has run for %llu ms, more than article_timeout_ms: the pipeline hangs on it; exiting to be restarted",
			j->claim.id, j->claim.name, (unsigned long long)(now - j->started_ms));
		_exit(WA_EXIT_HUNG);
	}
}

static void check_idle(struct wa_scheduler *s)
{
	wa_scheduler_idle_fn *cb = s->on_idle;

	if (!s->stopping || s->in_flight > 0 || s->committing || !cb)
		return;
	s->on_idle = NULL;
	uv_timer_stop(&s->stop_timer);
	cb(s, s->idle_userdata);
}

static void pump(struct wa_scheduler *s)
{
	maybe_commit(s);
	/*
	 * Several analyses queued per worker keep every thread busy across the
	 * loop's hand-offs (measured: 2 per worker, 2,800 articles/s; 8, 6,000);
	 * the committer waits behind at most that many, each ~100 us.
	 */
	while (!s->stopping && !s->paused && !s->solo_running &&
	       s->analysing.len < ANALYSES_PER_WORKER * (size_t)s->options.workers &&
	       s->in_flight < (unsigned)s->options.max_in_flight) {
		struct queue *q = s->recovered.len ? &s->recovered : &s->pending;

		if (q->len == 0)
			break;
		/* An article that crashed us before runs with nothing else in flight. */
		if (q->items[q->head].solo && s->in_flight > 0)
			break;
		if (start_job(s, queue_pop(q)) < 0) {
			wa_log_error("cannot start a job: out of memory");
			break;
		}
	}
	if (s->analysing.len > 0 && !uv_is_active((uv_handle_t *)&s->hang_timer))
		uv_timer_start(&s->hang_timer, on_hang_timer, HANG_CHECK_MS, HANG_CHECK_MS);
	else if (s->analysing.len == 0)
		uv_timer_stop(&s->hang_timer);
	if (!s->stopping && !s->offering && s->watcher && s->pending.len < queue_capacity(s) / 2)
		wa_watcher_resume(s->watcher);
	check_idle(s);
}

bool wa_scheduler_offer(const char *name, void *userdata)
{
	struct wa_scheduler *s = userdata;
	char *copy;

	if (s->stopping)
		return true;
	if (wa_nameset_contains(s->names, name)) {
		/* Possibly a new file under a name being claimed: look again afterwards. */
		(void)wa_nameset_add(s->reoffered, name);
		return true;
	}
	if (s->pending.len >= queue_capacity(s))
		return false;
	copy = strdup(name);
	if (!copy || wa_nameset_add(s->names, name) < 0) {
		free(copy);
		return false;
	}
	if (queue_push(&s->pending, copy, false, false) < 0) {
		wa_nameset_remove(s->names, name);
		free(copy);
		return false;
	}
	s->offering = true;
	pump(s);
	s->offering = false;
	return true;
}

static int recover_one(struct wa_scheduler *s, const char *work_name)
{
	char id[WA_ID_SIZE], reason[128];
	const char *name = work_name;
	int attempts = 0, r;
	char *copy;

	if (wa_spool_parse_work_name(work_name, id, &name))
		attempts = wa_spool_attempts(s->spool, id);
	else
		id[0] = '\0';
	if (attempts >= s->options.max_attempts) {
		snprintf(reason, sizeof(reason), "crashed or hung the pipeline %d times", attempts);
		r = wa_spool_fail(s->spool, WA_SPOOL_WORK, work_name, name, id[0] ? id : NULL,
				  reason);
		if (r < 0)
			return r;
		wa_log_error("[%s '%s'] failed: %s", id, name, reason);
		wa_spool_attempts_clear(s->spool, id);
		s->stats.failed++;
		return 0;
	}
	copy = strdup(work_name);
	if (!copy)
		return -ENOMEM;
	if (attempts > 0)
		wa_log_warning(
			"[%s '%s'] crashed or hung the pipeline %d time(s) before; retrying it alone",
			id, name, attempts);
	r = queue_push(&s->recovered, copy, true, attempts > 0);
	if (r < 0)
		free(copy);
	return r;
}

int wa_scheduler_recover(struct wa_scheduler *s)
{
	struct dirent *d;
	DIR *dir;
	int fd, r = 0;

	fd = openat(wa_spool_work_fd(s->spool), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	dir = fdopendir(fd);
	if (!dir) {
		close(fd);
		return -ENOMEM;
	}
	while (r >= 0 && (d = readdir(dir))) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		r = recover_one(s, d->d_name);
	}
	closedir(dir);
	if (s->recovered.len > 0)
		wa_log_notice("%zu article(s) left in work/ by an earlier run are processed again",
			      s->recovered.len);
	pump(s);
	return r;
}

static void on_stop_timer(uv_timer_t *timer)
{
	struct wa_scheduler *s = timer->data;
	wa_scheduler_idle_fn *cb = s->on_idle;

	wa_log_warning(
		"%u article(s) still in flight after the shutdown timeout; they stay in work/ for the next start",
		s->in_flight);
	s->on_idle = NULL;
	if (cb)
		cb(s, s->idle_userdata);
}

void wa_scheduler_stop(struct wa_scheduler *s, int64_t timeout_ms, wa_scheduler_idle_fn *done,
		       void *userdata)
{
	struct queued item;

	s->stopping = true;
	s->on_idle = done;
	s->idle_userdata = userdata;
	/* Queued names stay where they are, in inbox/ and work/, for the next start. */
	while (s->pending.len > 0) {
		item = queue_pop(&s->pending);
		wa_nameset_remove(s->names, item.name);
		free(item.name);
	}
	queue_clear(&s->recovered);
	queue_clear(&s->deferred);
	uv_timer_start(&s->stop_timer, on_stop_timer, (uint64_t)timeout_ms, 0);
	/* A paused commit may be retried until the deadline; nothing else starts. */
	pump(s);
}
