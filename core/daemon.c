/* SPDX-License-Identifier: MIT */
/*
 * `warta daemon`: wires the spool, watcher, scheduler and plugins to one
 * libuv loop, and owns the process's lifecycle: signals (TERM/INT stop,
 * HUP reloads), systemd notification and the single-instance lock.
 *
 * A reload builds the complete new pipeline first and swaps it in only if
 * every step succeeded, so a broken configuration never replaces a working
 * one. Settings that name directories need a restart and say so.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include <uv.h>

#include "banned.h"
#include "cli.h"
#include "crash.h"
#include "json.h"
#include "notify.h"
#include "plugin.h"
#include "rules/rule_reload.h"
#include "scheduler.h"
#include "seen.h"
#include "spool.h"
#include "watcher.h"

#define STATUS_INTERVAL_MS 2000

struct daemon {
	uv_loop_t loop;
	struct wa_cli_overrides overrides;
	struct wa_config config;
	struct wa_spool *spool;
	struct wa_seen *seen;
	struct wa_scheduler *scheduler;
	struct wa_watcher *watcher;
	struct wa_rule_reload *rule_reload;
	uv_signal_t sigterm, sigint, sighup;
	uv_timer_t status_timer, watchdog_timer;
	int lock_fd;
	bool stopping;
	int exit_code;
};

static void watcher_options(const struct wa_config *c, struct wa_watcher_options *ret)
{
	ret->settle_ms = c->settle_ms;
	ret->rescan_interval_ms = c->rescan_interval_ms;
}

static void reload(struct daemon *d)
{
	struct wa_rules_limits limits;
	struct wa_plugin_catalog *catalog;
	struct wa_scheduler_options so;
	struct wa_watcher_options wo;
	struct wa_plugin_set *set;
	struct wa_config next;

	wa_notify_reloading();
	wa_log_notice("reloading the configuration");
	if (wa_cli_load_config(&d->overrides, &next) != WA_EXIT_OK) {
		wa_log_error("reload failed; the running configuration stays");
		goto out;
	}
	if (strcmp(next.spool_dir, d->config.spool_dir) != 0 ||
	    strcmp(next.state_dir, d->config.state_dir) != 0)
		wa_log_warning("'spool' and 'state_dir' changes take effect at the next start");
	if (wa_cli_build_plugins(&next, 0, &catalog, &set) < 0) {
		wa_log_error("reload failed; the running configuration stays");
		wa_config_fini(&next);
		goto out;
	}
	if (wa_scheduler_set_plugins(d->scheduler, set, catalog) < 0) {
		wa_config_fini(&next);
		goto out;
	}
	wa_log_set_level(next.log_level);
	wa_cli_rules_limits(&next, &limits);
	/* The rules compile on a worker thread and swap in when ready (or are reported). */
	if (wa_rule_reload_request(d->rule_reload, next.rules_dir, &limits) < 0)
		wa_log_error("cannot reload the rules: out of memory");
	wa_scheduler_options_from_config(&next, &so);
	wa_scheduler_set_options(d->scheduler, &so);
	watcher_options(&next, &wo);
	wa_watcher_set_options(d->watcher, &wo);
	/* Directories stay as opened at start; everything else is the new file's. */
	wa_config_set_path(&next.spool_dir, d->config.spool_dir);
	wa_config_set_path(&next.state_dir, d->config.state_dir);
	wa_config_fini(&d->config);
	d->config = next;
	wa_log_notice("configuration reloaded");
out:
	wa_notify_ready();
}

static void close_handle(uv_handle_t *h)
{
	if (!uv_is_closing(h))
		uv_close(h, NULL);
}

static void on_scheduler_idle(struct wa_scheduler *scheduler, void *userdata)
{
	struct daemon *d = userdata;
	struct wa_scheduler_stats st;

	wa_scheduler_get_stats(scheduler, &st);
	if (st.in_flight > 0 || st.paused) {
		/* Worker threads may be stuck; the files they hold stay in work/. */
		wa_log_notice("stopped with %u article(s) left in work/", st.in_flight);
		_exit(d->exit_code);
	}
	wa_log_notice("stopped: %llu recorded, %llu duplicates, %llu failed",
		      (unsigned long long)st.recorded, (unsigned long long)st.duplicates,
		      (unsigned long long)st.failed);
	close_handle((uv_handle_t *)&d->sigterm);
	close_handle((uv_handle_t *)&d->sigint);
	close_handle((uv_handle_t *)&d->sighup);
	close_handle((uv_handle_t *)&d->status_timer);
	close_handle((uv_handle_t *)&d->watchdog_timer);
}

static void stop(struct daemon *d)
{
	if (d->stopping)
		return;
	d->stopping = true;
	wa_notify_stopping();
	wa_log_notice("stopping: no new claims, finishing what is in flight");
	wa_watcher_close(d->watcher);
	d->watcher = NULL;
	wa_rule_reload_close(d->rule_reload);
	d->rule_reload = NULL;
	wa_scheduler_set_watcher(d->scheduler, NULL);
	wa_scheduler_stop(d->scheduler, d->config.shutdown_timeout_ms, on_scheduler_idle, d);
}

static void on_signal(uv_signal_t *handle, int signum)
{
	struct daemon *d = handle->data;

	if (signum == SIGHUP) {
		if (!d->stopping)
			reload(d);
		return;
	}
	stop(d);
}

static void on_status_timer(uv_timer_t *timer)
{
	struct daemon *d = timer->data;
	struct wa_scheduler_stats st;

	wa_scheduler_get_stats(d->scheduler, &st);
	wa_notify_status("%llu recorded, %llu duplicates, %llu failed, %u in flight, %u queued%s",
			 (unsigned long long)st.recorded, (unsigned long long)st.duplicates,
			 (unsigned long long)st.failed, st.in_flight, st.queued,
			 st.paused ? ", paused: disk full or output failing" : "");
}

static void on_watchdog_timer(uv_timer_t *timer)
{
	(void)timer;
	wa_notify_watchdog();
}

/* One daemon per state directory: a second would take the first's work/ files as leftovers. */
static int take_lock(struct daemon *d)
{
	d->lock_fd =
		openat(wa_spool_state_fd(d->spool), "lock", O_RDWR | O_CREAT | O_CLOEXEC, 0640);
	if (d->lock_fd < 0)
		return -errno;
	if (flock(d->lock_fd, LOCK_EX | LOCK_NB) < 0)
		return -errno;
	return 0;
}

static int start_signals(struct daemon *d)
{
	uv_signal_t *handles[] = { &d->sigterm, &d->sigint, &d->sighup };
	const int signums[] = { SIGTERM, SIGINT, SIGHUP };

	for (size_t i = 0; i < 3; i++) {
		int r = uv_signal_init(&d->loop, handles[i]);

		if (r < 0)
			return r;
		handles[i]->data = d;
		r = uv_signal_start(handles[i], on_signal, signums[i]);
		if (r < 0)
			return r;
	}
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

static void start_timers(struct daemon *d)
{
	uint64_t watchdog_ms = wa_notify_watchdog_interval_ms();

	uv_timer_init(&d->loop, &d->status_timer);
	d->status_timer.data = d;
	uv_timer_start(&d->status_timer, on_status_timer, STATUS_INTERVAL_MS, STATUS_INTERVAL_MS);
	uv_timer_init(&d->loop, &d->watchdog_timer);
	d->watchdog_timer.data = d;
	if (watchdog_ms > 0)
		uv_timer_start(&d->watchdog_timer, on_watchdog_timer, watchdog_ms, watchdog_ms);
}

static int run(struct daemon *d)
{
	struct wa_scheduler_options so;
	struct wa_watcher_options wo;
	struct wa_plugin_catalog *catalog;
	struct wa_rules_limits limits;
	struct wa_plugin_set *set;
	struct wa_rules *rules;
	char threads[16];
	int r;

	wa_scheduler_options_from_config(&d->config, &so);
	/* Analysis workers plus the committer; must be set before the pool starts. */
	snprintf(threads, sizeof(threads), "%d", so.workers + 1);
	setenv("UV_THREADPOOL_SIZE", threads, 1);

	r = wa_spool_open(d->config.spool_dir, d->config.state_dir, d->config.durability,
			  d->config.done, &d->spool);
	if (r < 0) {
		wa_log_error("cannot open the spool '%s': %s", d->config.spool_dir, wa_strerror(r));
		return WA_EXIT_FAILURE;
	}
	r = take_lock(d);
	if (r < 0) {
		wa_log_error("another warta is running with state directory '%s' (%s)",
			     d->config.state_dir, wa_strerror(r));
		return WA_EXIT_FAILURE;
	}
	r = wa_seen_open(wa_spool_state_fd(d->spool), "seen.ids", (size_t)d->config.seen_window,
			 &d->seen);
	if (r < 0) {
		wa_log_error("cannot open '%s/seen.ids': %s", d->config.state_dir, wa_strerror(r));
		return WA_EXIT_FAILURE;
	}
	wa_crash_install(wa_spool_attempts_fd(d->spool));
	if (wa_cli_build_plugins(&d->config, 0, &catalog, &set) < 0)
		return WA_EXIT_CONFIG;
	/* Records without the analysts' tags would look complete: no start with broken rules. */
	if (wa_cli_load_rules(&d->config, false, &rules) < 0) {
		wa_plugin_set_free(set);
		wa_plugin_catalog_free(catalog);
		return WA_EXIT_CONFIG;
	}
	r = wa_scheduler_new(&d->loop, d->spool, d->seen, &so, &d->scheduler);
	if (r == 0)
		r = wa_scheduler_set_plugins(d->scheduler, set, catalog);
	if (r < 0) {
		wa_rules_unref(rules);
		wa_log_error("cannot start the scheduler: %s", wa_strerror(r));
		return WA_EXIT_FAILURE;
	}
	wa_scheduler_set_rules(d->scheduler, rules);
	if (rules)
		wa_log_notice("rules from '%s': %zu rules, version %s", d->config.rules_dir,
			      wa_rules_count(rules), wa_rules_version(rules));
	wa_cli_rules_limits(&d->config, &limits);
	r = wa_rule_reload_new(&d->loop, d->scheduler, d->config.rules_dir, &limits,
			       wa_spool_state_fd(d->spool), &d->rule_reload);
	if (r < 0) {
		wa_log_error("cannot watch the rules: %s", wa_strerror(r));
		return WA_EXIT_FAILURE;
	}
	r = start_signals(d);
	if (r < 0) {
		wa_log_error("cannot handle signals: %s", wa_strerror(r));
		return WA_EXIT_FAILURE;
	}
	start_timers(d);
	r = wa_scheduler_recover(d->scheduler);
	if (r < 0)
		wa_log_error("cannot take up the files left in work/: %s", wa_strerror(r));

	char inbox[4096];

	snprintf(inbox, sizeof(inbox), "%s/inbox", d->config.spool_dir);
	watcher_options(&d->config, &wo);
	r = wa_watcher_new(&d->loop, inbox, wa_spool_inbox_fd(d->spool), &wo, wa_scheduler_offer,
			   d->scheduler, &d->watcher);
	if (r == 0)
		r = wa_watcher_start(d->watcher);
	if (r < 0) {
		wa_log_error("cannot watch '%s': %s", inbox, wa_strerror(r));
		return WA_EXIT_FAILURE;
	}
	wa_scheduler_set_watcher(d->scheduler, d->watcher);
	wa_log_notice(
		"warta %s ready: drop article files into '%s' (records appear in '%s/outbox')",
		WA_VERSION, inbox, d->config.spool_dir);
	wa_notify_ready();
	uv_run(&d->loop, UV_RUN_DEFAULT);
	return d->exit_code;
}

static void close_walk(uv_handle_t *handle, void *arg)
{
	(void)arg;
	close_handle(handle);
}

static void cleanup(struct daemon *d)
{
	/* These two free their memory in their own close callbacks. */
	wa_rule_reload_close(d->rule_reload);
	wa_scheduler_free(d->scheduler);
	wa_watcher_close(d->watcher);
	/* Whatever an early failure left open (signals, timers). */
	uv_walk(&d->loop, close_walk, NULL);
	uv_run(&d->loop, UV_RUN_DEFAULT);
	if (uv_loop_close(&d->loop) != 0)
		wa_log_debug("loop closed with handles still open");
	wa_seen_free(d->seen);
	if (d->lock_fd >= 0)
		close(d->lock_fd);
	wa_spool_free(d->spool);
	wa_config_fini(&d->config);
}

int wa_cmd_daemon(int argc, char **argv)
{
	static const struct option options[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "spool", required_argument, NULL, 's' },
		{ "state", required_argument, NULL, 'S' },
		{ "rules", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	struct daemon d = { .lock_fd = -1 };
	int opt, r;

	while ((opt = getopt_long(argc, argv, "c:s:r:h", options, NULL)) != -1) {
		switch (opt) {
		case 'c':
			d.overrides.config_path = optarg;
			break;
		case 's':
			d.overrides.spool_dir = optarg;
			break;
		case 'S':
			d.overrides.state_dir = optarg;
			break;
		case 'r':
			d.overrides.rules_dir = optarg;
			break;
		case 'h':
			fputs(wa_cli_help("daemon"), stdout);
			return WA_EXIT_OK;
		default:
			return WA_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "warta daemon: unexpected argument '%s'\n", argv[optind]);
		return WA_EXIT_USAGE;
	}
	r = wa_cli_load_config(&d.overrides, &d.config);
	if (r != WA_EXIT_OK)
		return r;
	wa_log_set_level(d.config.log_level);
	wa_json_init();
	uv_loop_init(&d.loop);
	r = run(&d);
	cleanup(&d);
	return r;
}
