/* SPDX-License-Identifier: MIT */
/*
 * The analysts' tagging rules: a compiled rule set and its run on an article.
 *
 * A rule set is every *.lua file of a rules directory (in name order) with
 * the keyword lists they use. Loading compiles the declarative parts of all
 * rules (keywords, lists, regexes) into one matcher and checks every rule;
 * the set is immutable afterwards and shared by all worker threads, each of
 * which runs the rules' Lua `where` functions in a Lua state of its own.
 * Reloading means loading a new set and swapping the pointer: articles
 * keep the set they started with (see wa_rules_ref).
 *
 * The language itself is documented in scripts/rules/README.md.
 */
#ifndef WA_RULES_H
#define WA_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wa_article;
struct wa_rules;
struct cJSON;

struct wa_rules_limits {
	long max_instructions;     /* per rule call */
	int64_t timeout_ms;        /* per rule call, wall clock */
	size_t max_bytes;          /* memory a rule call may hold */
	unsigned quarantine_after; /* failures in a row that stop a rule until the set changes */
};

/* The defaults of etc/warta.conf. */
void wa_rules_limits_default(struct wa_rules_limits *limits);

/* Problems found while loading: "FILE:LINE: message" lines. */
struct wa_rules_report {
	char **lines;
	size_t n_lines;
};
void wa_rules_report_fini(struct wa_rules_report *report);

/*
 * Loads and compiles the rule set in dir (or the single rule file dir
 * names, with lists relative to its directory). Returns 0 with *ret_rules, or
 * -EINVAL with every problem found in report (-ENOENT if dir does not
 * exist, -ENOMEM). A directory without rules is a valid, empty set.
 */
int wa_rules_load(const char *dir, const struct wa_rules_limits *limits,
		  struct wa_rules **ret_rules, struct wa_rules_report *report);

/* Rule sets are shared by the articles running with them; the last unref frees. */
struct wa_rules *wa_rules_ref(struct wa_rules *rules);
void wa_rules_unref(struct wa_rules *rules);

/* The hash of all rule and list files: the record's "rules_version". */
const char *wa_rules_version(const struct wa_rules *rules);
size_t wa_rules_count(const struct wa_rules *rules);
const char *wa_rules_dir(const struct wa_rules *rules);
/* True if the set has a rule of this name. */
bool wa_rules_has_rule(const struct wa_rules *rules, const char *name);

/* The directories whose changes may change the set: the rules dir and those of its lists. */
size_t wa_rules_n_watch_dirs(const struct wa_rules *rules);
const char *wa_rules_watch_dir(const struct wa_rules *rules, size_t i);

/*
 * Runs every rule on the article (after the analysis stages, before the
 * record is finished), with the calling thread's own Lua state. Adds tags,
 * rule_errors and rules_version. A failing rule is recorded in the article
 * and never stops the others. Returns 0 or -ENOMEM.
 */
int wa_rules_run(struct wa_rules *rules, struct wa_article *article);

/* Frees the calling thread's Lua state (threads that ran rules and are about to exit). */
void wa_rules_thread_release(void);

/*
 * Per-rule counters since the set was loaded: {"version", "rules": [{"name",
 * "file", "hits", "calls", "errors", "quarantined", "mean_us", "max_us"}]}.
 * Caller owns the result; NULL on OOM.
 */
struct cJSON *wa_rules_stats(const struct wa_rules *rules);

#endif
