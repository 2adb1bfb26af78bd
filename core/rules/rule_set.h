/* SPDX-License-Identifier: MIT */
/*
 * Inside a rule set: what the loader builds and the runner reads. Only the
 * files of core/rules/ include this.
 */
#ifndef WA_RULE_SET_H
#define WA_RULE_SET_H

#include <lua.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keywords.h"
#include "regex.h"
#include "rules.h"

/* Whatever a rule may hold, so that no rule set can exhaust the daemon. */
#define WA_RULES_MAX_RULES    100000
#define WA_RULES_MAX_TERMS    1000000 /* keywords over all rules and lists */
#define WA_RULES_MAX_FILE     (16 << 20)
#define WA_RULES_MAX_NAME     128
#define WA_RULES_LOAD_MEMORY  (512u << 20) /* the loading state */
#define WA_RULES_LOAD_BUDGET  100000000L   /* instructions to run all rule files */
#define WA_RULES_STATE_MEMORY (256u << 20) /* a worker's state, all rules */

/* One clause of keywords as written (strings and list names), then as keyword ids. */
struct rule_terms {
	char **words;
	size_t n_words;
	char **lists;
	size_t n_lists;
	int32_t *ids; /* resolved: the folded words and every term of the lists */
	size_t n_ids;
};

struct rule_stats {
	atomic_uint_fast64_t hits;
	atomic_uint_fast64_t calls; /* of `where` */
	atomic_uint_fast64_t errors;
	atomic_uint_fast64_t total_ns;
	atomic_uint_fast64_t max_ns;
	atomic_uint failures_in_row;
	atomic_bool quarantined;
};

struct rule {
	char *name;
	char *description;
	char *file; /* relative to the rules directory */
	int line;
	char **tags;
	size_t n_tags;
	struct rule_terms any;
	struct rule_terms *all; /* every clause must hit (a list clause: any of its terms) */
	size_t n_all;
	struct rule_terms none;
	char **patterns; /* regex, as written */
	struct wa_regex **regexes;
	size_t n_regexes;
	unsigned min_hits;
	bool has_where;
	double score;
	char *meta_json; /* echoed into each tag it sets; NULL without meta */
	struct rule_stats stats;
};

struct rule_list {
	char *name;
	char *file; /* relative to the rules directory; NULL for an inline list */
	char **words;
	size_t n_words;
	char *defined_at; /* "FILE:LINE" */
	bool used;
};

/* A rule file's source, kept so that each worker can load the same rules. */
struct rule_file {
	char *name; /* relative to the rules directory */
	char *source;
	size_t len;
};

struct wa_rules {
	atomic_uint refs;
	uint64_t serial; /* unique per loaded set, so worker states know when to reload */
	char version[17];
	char *dir;
	struct wa_rules_limits limits;
	struct rule_file *files;
	size_t n_files;
	struct rule *rules;
	size_t n_rules;
	struct rule_list *lists;
	size_t n_lists;
	struct wa_keywords *keywords;
	char **watch_dirs;
	size_t n_watch_dirs;
};

/*
 * The rule language in a Lua state (rule_dsl.c). In "define" mode each
 * `rule` and `list` call is checked and appended to set; in "bind" mode
 * (worker states) the rules are already known and only their `where`
 * functions are collected, in order, into the table at the registry key
 * WA_RULE_WHERE_KEY.
 */
enum rule_dsl_mode {
	RULE_DSL_DEFINE,
	RULE_DSL_BIND,
};

#define WA_RULE_WHERE_KEY "warta.where"

/*
 * Runs every file of set->files in L (opened with wa_rule_env_open).
 * In define mode appends problems to report and returns -EINVAL if any;
 * in bind mode returns -EINVAL with a message on the stack.
 */
int wa_rule_dsl_run_files(lua_State *L, struct wa_rules *set, enum rule_dsl_mode mode,
			  struct wa_rules_report *report);

/* The environment rules run in (rule_env.c): the safe libraries and warta's helpers. */
int wa_rule_env_open(lua_State *L);
/* Pushes a fresh global table for one rule file, reading through to the shared one. */
void wa_rule_env_push_file_env(lua_State *L);

/* Appends a formatted line to report. Returns 0 or -ENOMEM. */
int wa_rules_report_add(struct wa_rules_report *report, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
