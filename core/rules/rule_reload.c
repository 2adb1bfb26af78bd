/* SPDX-License-Identifier: MIT */
/*
 * The reload machinery: uv_fs_event watches (one per directory; a
 * directory watch sees files being replaced by rename, which is how most
 * editors save), a debounce timer, one compile at a time on the thread
 * pool, and the statistics timer.
 */
#include "rule_reload.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "banned.h"
#include "json.h"
#include "scheduler.h"
#include "warta/log.h"

#define QUIET_MS       250
#define STATS_EVERY_MS 5000
#define MAX_WATCHES    64

struct wa_rule_reload {
	uv_loop_t *loop;
	struct wa_scheduler *scheduler;
	int state_fd;
	char *dir;
	struct wa_rules_limits limits;
	uv_fs_event_t *watches[MAX_WATCHES]; /* each freed by its close callback */
	size_t n_watches;
	uv_timer_t quiet_timer;
	uv_timer_t stats_timer;
	uv_work_t work;
	bool compiling;
	bool again; /* a change arrived while compiling */
	bool closing;
	unsigned open_handles;
	/* The compile's result, handed from the worker to the loop: */
	struct wa_rules *loaded;
	struct wa_rules_report report;
	int result;
	char *work_dir;
};

static void maybe_free(struct wa_rule_reload *rr)
{
	if (!rr->closing || rr->open_handles > 0 || rr->compiling)
		return;
	free(rr->dir);
	free(rr);
}

static void on_closed(uv_handle_t *handle)
{
	struct wa_rule_reload *rr = handle->data;

	rr->open_handles--;
	maybe_free(rr);
}

static void on_watch_closed(uv_handle_t *handle)
{
	struct wa_rule_reload *rr = handle->data;

	free(handle);
	rr->open_handles--;
	maybe_free(rr);
}

static void close_watches(struct wa_rule_reload *rr)
{
	for (size_t i = 0; i < rr->n_watches; i++)
		uv_close((uv_handle_t *)rr->watches[i], on_watch_closed);
	rr->n_watches = 0;
}

static void on_quiet(uv_timer_t *timer);

static void on_change(uv_fs_event_t *handle, const char *filename, int events, int status)
{
	struct wa_rule_reload *rr = handle->data;

	(void)filename;
	(void)events;
	(void)status;
	/* Each change restarts the quiet period. */
	if (!rr->closing)
		uv_timer_start(&rr->quiet_timer, on_quiet, QUIET_MS, 0);
}

static void watch(struct wa_rule_reload *rr, const char *dir)
{
	uv_fs_event_t *w;
	int r;

	if (rr->n_watches == MAX_WATCHES) {
		wa_log_warning("more than %d rule directories: changes in '%s' need a SIGHUP",
			       MAX_WATCHES, dir);
		return;
	}
	w = malloc(sizeof(*w));
	if (!w || uv_fs_event_init(rr->loop, w) < 0) {
		free(w);
		return;
	}
	w->data = rr;
	rr->open_handles++;
	rr->watches[rr->n_watches++] = w;
	r = uv_fs_event_start(w, on_change, dir, 0);
	if (r == UV_ENOENT)
		wa_log_debug("no '%s' to watch for rules: a SIGHUP loads it once it exists", dir);
	else if (r < 0)
		wa_log_warning("cannot watch '%s' for rule changes (%s): changes need a SIGHUP",
			       dir, uv_strerror(r));
}

/* Watches what the running set was loaded from (the rules dir alone if there is none). */
static void rewatch(struct wa_rule_reload *rr)
{
	struct wa_rules *rules = wa_scheduler_rules(rr->scheduler);

	close_watches(rr);
	if (!rules) {
		watch(rr, rr->dir);
		return;
	}
	for (size_t i = 0; i < wa_rules_n_watch_dirs(rules); i++)
		watch(rr, wa_rules_watch_dir(rules, i));
}

static void compile_work(uv_work_t *req)
{
	struct wa_rule_reload *rr = req->data;

	rr->result = wa_rules_load(rr->work_dir, &rr->limits, &rr->loaded, &rr->report);
}

static void start_compile(struct wa_rule_reload *rr);

static void after_compile(uv_work_t *req, int status)
{
	struct wa_rule_reload *rr = req->data;
	struct wa_rules *running;

	rr->compiling = false;
	free(rr->work_dir);
	rr->work_dir = NULL;
	/* When closing, the scheduler may already be on its way out: do not touch it. */
	if (status < 0 || rr->closing) {
		wa_rules_unref(rr->loaded);
		rr->loaded = NULL;
		wa_rules_report_fini(&rr->report);
		maybe_free(rr);
		return;
	}
	running = wa_scheduler_rules(rr->scheduler);
	if (rr->result < 0) {
		for (size_t i = 0; i < rr->report.n_lines; i++)
			wa_log_error("%s", rr->report.lines[i]);
		wa_log_error("rules in '%s' not reloaded (%s); the running set stays", rr->dir,
			     rr->result == -EINVAL ? "see above" : wa_strerror(rr->result));
	} else if (running &&
		   strcmp(wa_rules_version(running), wa_rules_version(rr->loaded)) == 0 &&
		   strcmp(wa_rules_dir(running), rr->dir) == 0) {
		wa_rules_unref(rr->loaded); /* a save without a change */
	} else {
		wa_log_notice("rules reloaded from '%s': %zu rules, version %s", rr->dir,
			      wa_rules_count(rr->loaded), wa_rules_version(rr->loaded));
		wa_scheduler_set_rules(rr->scheduler, rr->loaded);
	}
	rr->loaded = NULL;
	wa_rules_report_fini(&rr->report);
	rewatch(rr);
	if (rr->again)
		start_compile(rr);
}

static void start_compile(struct wa_rule_reload *rr)
{
	if (rr->compiling) {
		rr->again = true;
		return;
	}
	rr->again = false;
	rr->work_dir = strdup(rr->dir);
	if (!rr->work_dir)
		return;
	rr->work.data = rr;
	rr->compiling = true;
	if (uv_queue_work(rr->loop, &rr->work, compile_work, after_compile) < 0) {
		rr->compiling = false;
		free(rr->work_dir);
		rr->work_dir = NULL;
	}
}

static void on_quiet(uv_timer_t *timer)
{
	start_compile(timer->data);
}

static void write_stats(struct wa_rule_reload *rr)
{
	struct wa_rules *rules = wa_scheduler_rules(rr->scheduler);
	cJSON *stats;
	char *json;
	int fd;

	if (!rules)
		return;
	stats = wa_rules_stats(rules);
	json = stats ? wa_json_print(stats) : NULL;
	cJSON_Delete(stats);
	if (!json)
		return;
	fd = openat(rr->state_fd, WA_RULES_STATS_FILE ".new",
		    O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	if (fd >= 0) {
		size_t len = strlen(json);
		bool ok = write(fd, json, len) == (ssize_t)len;

		close(fd);
		/* Statistics are advisory: no fsync, a crash may lose the last few seconds. */
		if (ok)
			(void)renameat(rr->state_fd, WA_RULES_STATS_FILE ".new", rr->state_fd,
				       WA_RULES_STATS_FILE);
	}
	free(json);
}

static void on_stats_timer(uv_timer_t *timer)
{
	write_stats(timer->data);
}

int wa_rule_reload_new(uv_loop_t *loop, struct wa_scheduler *scheduler, const char *rules_dir,
		       const struct wa_rules_limits *limits, int state_fd,
		       struct wa_rule_reload **ret_reload)
{
	struct wa_rule_reload *rr = calloc(1, sizeof(*rr));

	if (!rr)
		return -ENOMEM;
	rr->dir = strdup(rules_dir);
	if (!rr->dir) {
		free(rr);
		return -ENOMEM;
	}
	rr->loop = loop;
	rr->scheduler = scheduler;
	rr->state_fd = state_fd;
	rr->limits = *limits;
	uv_timer_init(loop, &rr->quiet_timer);
	uv_timer_init(loop, &rr->stats_timer);
	rr->quiet_timer.data = rr->stats_timer.data = rr;
	rr->open_handles = 2;
	uv_timer_start(&rr->stats_timer, on_stats_timer, STATS_EVERY_MS, STATS_EVERY_MS);
	rewatch(rr);
	*ret_reload = rr;
	return 0;
}

int wa_rule_reload_request(struct wa_rule_reload *rr, const char *rules_dir,
			   const struct wa_rules_limits *limits)
{
	char *dir = strdup(rules_dir);

	if (!dir)
		return -ENOMEM;
	free(rr->dir);
	rr->dir = dir;
	rr->limits = *limits;
	start_compile(rr);
	return 0;
}

void wa_rule_reload_close(struct wa_rule_reload *rr)
{
	if (!rr)
		return;
	write_stats(rr);
	rr->closing = true;
	close_watches(rr);
	uv_close((uv_handle_t *)&rr->quiet_timer, on_closed);
	uv_close((uv_handle_t *)&rr->stats_timer, on_closed);
	maybe_free(rr);
}
