/* SPDX-License-Identifier: MIT */
/*
 * Hot reload of the rule set in the daemon.
 *
 * Watches the rules directory and the directories of its list files; a
 * change (after a quiet moment, since editors write in several steps) or
 * a SIGHUP loads the set again on a worker thread, and swaps it into the
 * scheduler if it compiled and differs from the running one. If it does
 * not compile, every problem is logged and the running set stays. Also
 * writes the running set's per-rule statistics to STATE/rules-stats.json
 * every few seconds, for `warta rules stats`.
 */
#ifndef WA_RULE_RELOAD_H
#define WA_RULE_RELOAD_H

#include <uv.h>

#include "rules.h"

struct wa_scheduler;
struct wa_rule_reload;

#define WA_RULES_STATS_FILE "rules-stats.json"

/*
 * Starts watching for the set the scheduler runs now (it may have none).
 * Borrows loop and scheduler; state_fd is the state directory's.
 */
int wa_rule_reload_new(uv_loop_t *loop, struct wa_scheduler *scheduler, const char *rules_dir,
		       const struct wa_rules_limits *limits, int state_fd,
		       struct wa_rule_reload **ret_reload);

/* Loads the set again now, from rules_dir with limits (the configuration may have changed). */
int wa_rule_reload_request(struct wa_rule_reload *reload, const char *rules_dir,
			   const struct wa_rules_limits *limits);

/* Writes the statistics one last time, stops watching and frees (asynchronously). */
void wa_rule_reload_close(struct wa_rule_reload *reload);

#endif
