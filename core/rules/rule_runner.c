/* SPDX-License-Identifier: MIT */
/*
 * The rules stage: one keyword scan per article, then each rule decided
 * from the hit counts, and `where` called only for rules whose declarative
 * parts matched.
 *
 * Each worker thread keeps its own Lua state with the rule set's `where`
 * functions in it, rebuilt the first time the thread sees a new set. A
 * rule call runs under the set's limits; a failure goes into the article's
 * rule_errors and the log, and after quarantine_after failures in a row
 * the rule is skipped until the set changes.
 */
#include <errno.h>
#include <lauxlib.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "banned.h"
#include "json.h"
#include "lua_sandbox.h"
#include "rule_run.h"
#include "rules.h"
#include "warta/log.h"

#define MAX_REGEX_MATCHES 1000
#define MAX_ERROR_MESSAGE 300
/*
 * All the `where` calls of one article may take this many rule timeouts,
 * so that many slow rules together cannot outlast article_timeout_ms and
 * make the daemon take a good article for one that hangs the pipeline.
 */
#define ARTICLE_BUDGET_IN_TIMEOUTS 20

static pthread_key_t vm_key;
static pthread_once_t vm_key_once = PTHREAD_ONCE_INIT;

static void close_state(struct rules_vm *vm)
{
	wa_lua_free(vm->L);
	vm->L = NULL;
	free(vm->broken);
	vm->broken = NULL;
	for (size_t i = 0; i < vm->n_regex_cache; i++)
		wa_regex_free(vm->regex_cache[i]);
	vm->n_regex_cache = 0;
}

static void free_vm(void *p)
{
	struct rules_vm *vm = p;

	if (!vm)
		return;
	close_state(vm);
	wa_regex_scratch_free(vm->regex);
	free(vm->subject);
	wa_fold_buf_fini(&vm->folded);
	free(vm->counts);
	free(vm->touched);
	free(vm->word_starts);
	free(vm);
}

static void make_key(void)
{
	(void)pthread_key_create(&vm_key, free_vm);
}

void wa_rules_thread_release(void)
{
	(void)pthread_once(&vm_key_once, make_key);
	free_vm(pthread_getspecific(vm_key));
	(void)pthread_setspecific(vm_key, NULL);
}

/* Loads the set's where functions into a new state; a failure marks the vm broken. */
static int open_state(struct rules_vm *vm, struct wa_rules *set)
{
	lua_State *L = wa_lua_new(WA_RULES_STATE_MEMORY);
	int r;

	close_state(vm);
	vm->serial = set->serial;
	if (!L)
		return -ENOMEM;
	vm->L = L;
	*(struct rules_vm **)lua_getextraspace(L) = vm;
	r = wa_rule_env_open(L);
	if (r == 0) {
		wa_article_view_open(L);
		r = wa_rule_dsl_run_files(L, set, RULE_DSL_BIND, NULL);
	}
	if (r == -ENOMEM)
		return r;
	if (r < 0) {
		const char *msg = lua_tostring(L, -1);

		vm->broken = strdup(msg ? msg : "the rule set did not load");
		if (!vm->broken)
			return -ENOMEM;
		wa_log_error("rules in '%s' did not load in a worker: %s; their where functions "
			     "fail until the set changes",
			     set->dir, vm->broken);
	}
	lua_settop(L, 0);
	return 0;
}

static int get_vm(struct wa_rules *set, struct rules_vm **ret_vm)
{
	struct rules_vm *vm;

	(void)pthread_once(&vm_key_once, make_key);
	vm = pthread_getspecific(vm_key);
	if (!vm) {
		vm = calloc(1, sizeof(*vm));
		if (!vm)
			return -ENOMEM;
		vm->regex = wa_regex_scratch_new();
		if (!vm->regex || pthread_setspecific(vm_key, vm) != 0) {
			free_vm(vm);
			return -ENOMEM;
		}
	}
	if (vm->serial != set->serial || !vm->L) {
		int r = open_state(vm, set);

		if (r < 0)
			return r;
	}
	*ret_vm = vm;
	return 0;
}

static int build_subject(struct rules_vm *vm, struct wa_article *a)
{
	const char *title = wa_article_title(a), *text = wa_article_text(a);
	size_t title_len = title ? strlen(title) : 0, text_len = text ? strlen(text) : 0;
	size_t want = title_len + 2 + text_len + 1;

	/* A text that starts with its title (plain-text ingest) would count the title's words
	 * twice. */
	if (title_len > 0 && text_len >= title_len && memcmp(text, title, title_len) == 0)
		title_len = 0;

	if (want > vm->subject_cap) {
		char *grown = realloc(vm->subject, want);

		if (!grown)
			return -ENOMEM;
		vm->subject = grown;
		vm->subject_cap = want;
	}
	vm->subject_len = 0;
	if (title_len > 0) {
		memcpy(vm->subject, title, title_len);
		memcpy(vm->subject + title_len, "\n\n", 2);
		vm->subject_len = title_len + 2;
	}
	memcpy(vm->subject + vm->subject_len, text ? text : "", text_len);
	vm->subject_len += text_len;
	vm->subject[vm->subject_len] = '\0';
	vm->has_word_starts = false;
	vm->has_folded = false;
	return 0;
}

int wa_rules_vm_fold(struct rules_vm *vm)
{
	int r;

	if (vm->has_folded)
		return 0;
	r = wa_fold(vm->subject, vm->subject_len, &vm->folded);
	vm->has_folded = r == 0;
	return r;
}

struct scan {
	struct rules_vm *vm;
	bool out_of_memory;
};

static void on_hit(int32_t id, size_t start, size_t end, void *userdata)
{
	struct scan *scan = userdata;
	struct rules_vm *vm = scan->vm;

	(void)start;
	(void)end;
	if (vm->counts[id]++ > 0)
		return;
	if (vm->n_touched == vm->touched_cap) {
		size_t cap = vm->touched_cap ? 2 * vm->touched_cap : 256;
		int32_t *grown = realloc(vm->touched, cap * sizeof(*grown));

		if (!grown) {
			scan->out_of_memory = true;
			return;
		}
		vm->touched = grown;
		vm->touched_cap = cap;
	}
	vm->touched[vm->n_touched++] = id;
}

static int scan_keywords(struct rules_vm *vm, struct wa_rules *set)
{
	size_t n = wa_keywords_count(set->keywords);
	struct scan scan = { .vm = vm };

	if (n > vm->counts_cap) {
		free(vm->counts);
		vm->counts = calloc(n, sizeof(*vm->counts));
		if (!vm->counts) {
			vm->counts_cap = 0;
			return -ENOMEM;
		}
		vm->counts_cap = n;
	}
	for (size_t i = 0; i < vm->n_touched; i++)
		vm->counts[vm->touched[i]] = 0;
	vm->n_touched = 0;
	if (wa_keywords_count(set->keywords) == 0)
		return 0;
	/* The matcher reads raw text as folded, unless Unicode folding changes something. */
	if (!wa_fold_is_needed(vm->subject, vm->subject_len)) {
		wa_keywords_scan(set->keywords, vm->subject, vm->subject_len, on_hit, &scan);
	} else {
		int r = wa_rules_vm_fold(vm);

		if (r < 0)
			return r;
		wa_keywords_scan(set->keywords, vm->folded.data, vm->folded.len, on_hit, &scan);
	}
	return scan.out_of_memory ? -ENOMEM : 0;
}

static unsigned count_terms(const struct rules_vm *vm, const struct rule_terms *t)
{
	unsigned n = 0;

	for (size_t i = 0; i < t->n_ids; i++)
		n += vm->counts[t->ids[i]];
	return n;
}

static bool is_given(const struct rule_terms *t)
{
	return t->n_words + t->n_lists > 0;
}

static const char *kind_of(int r)
{
	switch (r) {
	case -E2BIG:
		return "instructions";
	case -ETIME:
		return "timeout";
	case -ENOMEM:
		return "memory";
	default:
		return "error";
	}
}

/* Appends {rule, kind, message} to the article's rule_errors (the message's first line). */
static void add_rule_error(cJSON *errors, const struct rule *rule, const char *kind,
			   const char *message, size_t len)
{
	cJSON *e = cJSON_CreateObject();
	char *msg = strndup(message, len);
	int r = e ? wa_json_set(e, "rule", cJSON_CreateString(rule->name)) : -ENOMEM;

	if (r == 0)
		r = wa_json_set(e, "kind", cJSON_CreateString(kind));
	if (r == 0)
		r = wa_json_set(e, "message", cJSON_CreateString(msg ? msg : "?"));
	free(msg);
	if (r == 0)
		(void)wa_json_append(errors, e);
	else
		cJSON_Delete(e);
}

static void note_failure(struct rules_vm *vm, cJSON *errors, struct rule *rule, const char *kind,
			 const char *message)
{
	struct rule_stats *st = &rule->stats;
	size_t len = strcspn(message, "\n");
	unsigned in_row;

	if (len > MAX_ERROR_MESSAGE)
		len = MAX_ERROR_MESSAGE;
	wa_log_article(WA_LOG_WARNING, vm->article, "rule '%s' (%s:%d) failed, %s: %.*s",
		       rule->name, rule->file, rule->line, kind, (int)len, message);
	add_rule_error(errors, rule, kind, message, len);
	atomic_fetch_add_explicit(&st->errors, 1, memory_order_relaxed);
	in_row = atomic_fetch_add(&st->failures_in_row, 1) + 1;
	if (vm->set->limits.quarantine_after > 0 && in_row >= vm->set->limits.quarantine_after &&
	    !atomic_exchange(&st->quarantined, true))
		wa_log_warning("rule '%s' (%s:%d) failed on %u articles in a row: quarantined "
			       "until the rule set changes",
			       rule->name, rule->file, rule->line, in_row);
}

/*
 * Whether the declarative parts of a rule hold. Regexes run only when the
 * keywords leave the answer open, since they cost a pass over the text each.
 */
static int matches(struct rules_vm *vm, struct rule *rule, cJSON *errors)
{
	unsigned any_hits, hits = 0;

	if (count_terms(vm, &rule->none) > 0)
		return 0;
	for (size_t i = 0; i < rule->n_all; i++) {
		unsigned n = count_terms(vm, &rule->all[i]);

		if (n == 0)
			return 0;
		hits += n;
	}
	any_hits = count_terms(vm, &rule->any);
	hits += any_hits;
	if (rule->n_regexes > 0 && (any_hits == 0 || hits < rule->min_hits)) {
		for (size_t i = 0; i < rule->n_regexes; i++) {
			int n = wa_regex_count(rule->regexes[i], vm->regex, vm->subject,
					       vm->subject_len, MAX_REGEX_MATCHES);

			if (n == -ENOMEM)
				return n;
			if (n < 0) {
				note_failure(vm, errors, rule, "regex",
					     "the regex hit its match limit on this article");
				return 0;
			}
			any_hits += (unsigned)n;
			hits += (unsigned)n;
		}
	}
	if ((is_given(&rule->any) || rule->n_regexes > 0) && any_hits == 0)
		return 0;
	return hits >= rule->min_hits;
}

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void note_time(struct rule_stats *st, int64_t ns)
{
	uint64_t max = atomic_load_explicit(&st->max_ns, memory_order_relaxed);

	atomic_fetch_add_explicit(&st->calls, 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&st->total_ns, (uint64_t)ns, memory_order_relaxed);
	while ((uint64_t)ns > max && !atomic_compare_exchange_weak(&st->max_ns, &max, (uint64_t)ns))
		;
}

/*
 * Calls the rule's where(a). Returns 1 to tag with *score, 0 not to, or
 * -ENOMEM. A failure is noted and counts as "no".
 */
static int call_where(struct rules_vm *vm, size_t index, struct rule *rule, int view, cJSON *errors,
		      double *score)
{
	struct wa_lua_limits limits = {
		.max_instructions = vm->set->limits.max_instructions,
		.timeout_ms = vm->set->limits.timeout_ms,
		.max_bytes = vm->set->limits.max_bytes,
	};
	struct rule_stats *st = &rule->stats;
	lua_State *L = vm->L;
	int64_t start = now_ns();
	int r, verdict = 0;

	if (vm->broken) {
		note_failure(vm, errors, rule, "load", vm->broken);
		return 0;
	}
	lua_getfield(L, LUA_REGISTRYINDEX, WA_RULE_WHERE_KEY);
	lua_rawgeti(L, -1, (lua_Integer)index + 1);
	lua_remove(L, -2);
	lua_pushvalue(L, view);
	vm->rule = rule;
	vm->tags_this_call = 0;
	r = wa_lua_call_limited(L, 1, 1, &limits);
	vm->rule = NULL;
	note_time(st, now_ns() - start);
	if (r < 0) {
		const char *msg = lua_tostring(L, -1);

		note_failure(vm, errors, rule, kind_of(r), msg ? msg : "?");
		lua_pop(L, 1);
		return 0;
	}
	if (atomic_load_explicit(&st->failures_in_row, memory_order_relaxed) > 0)
		atomic_store(&st->failures_in_row, 0);
	if (lua_type(L, -1) == LUA_TNUMBER) {
		*score = lua_tonumber(L, -1);
		verdict = *score > 0;
	} else {
		verdict = lua_toboolean(L, -1);
	}
	lua_pop(L, 1);
	return verdict;
}

static int tag_with_rule(struct rules_vm *vm, struct rule *rule, double score)
{
	atomic_fetch_add_explicit(&rule->stats.hits, 1, memory_order_relaxed);
	for (size_t i = 0; i < rule->n_tags; i++) {
		int r = wa_article_add_rule_tag(vm->article, rule->tags[i], score, rule->name, NULL,
						rule->meta_json);

		if (r < 0)
			return r;
	}
	return 0;
}

/* True (once noted in the article) when the article's time for `where` calls is spent. */
static bool out_of_article_time(struct rules_vm *vm, struct rule *rule, cJSON *errors,
				int64_t deadline_ns, bool *noted)
{
	char message[128];

	if (deadline_ns == 0 || now_ns() < deadline_ns)
		return false;
	if (!*noted) {
		snprintf(message, sizeof(message),
			 "the article's time for rules (%lld ms) was spent: this and later where "
			 "functions skipped",
			 (long long)(vm->set->limits.timeout_ms * ARTICLE_BUDGET_IN_TIMEOUTS));
		wa_log_article(WA_LOG_WARNING, vm->article, "%s", message);
		add_rule_error(errors, rule, "skipped", message, strlen(message));
		*noted = true;
	}
	return true;
}

static int run_rules(struct rules_vm *vm, cJSON *errors)
{
	struct wa_rules *set = vm->set;
	int64_t deadline_ns =
		set->limits.timeout_ms > 0
			? now_ns() + set->limits.timeout_ms * ARTICLE_BUDGET_IN_TIMEOUTS * 1000000
			: 0;
	bool noted = false;
	int view = 0, r = 0;

	for (size_t i = 0; i < set->n_rules && r >= 0; i++) {
		struct rule *rule = &set->rules[i];
		double score = rule->score;

		if (atomic_load_explicit(&rule->stats.quarantined, memory_order_relaxed))
			continue;
		r = matches(vm, rule, errors);
		if (r <= 0)
			continue;
		if (rule->has_where) {
			if (out_of_article_time(vm, rule, errors, deadline_ns, &noted))
				continue;
			if (!view && !vm->broken) {
				wa_article_view_push(vm->L);
				view = lua_gettop(vm->L);
			}
			r = call_where(vm, i, rule, view, errors, &score);
			if (r <= 0)
				continue;
		}
		r = tag_with_rule(vm, rule, score);
	}
	if (view) {
		lua_settop(vm->L, 0);
		wa_article_view_reset(vm->L);
	}
	return r < 0 ? r : 0;
}

int wa_rules_run(struct wa_rules *set, struct wa_article *a)
{
	struct rules_vm *vm;
	cJSON *errors;
	int r;

	r = get_vm(set, &vm);
	if (r < 0)
		return r;
	vm->set = set;
	vm->article = a;
	r = build_subject(vm, a);
	if (r == 0)
		r = scan_keywords(vm, set);
	errors = cJSON_CreateArray();
	if (!errors)
		r = -ENOMEM;
	if (r == 0)
		r = run_rules(vm, errors);
	if (r == 0) {
		r = wa_article_set_item(a, "rule_errors", errors);
		errors = NULL;
	}
	if (r == 0)
		r = wa_article_set_string(a, "rules_version", set->version);
	cJSON_Delete(errors);
	vm->set = NULL;
	vm->article = NULL;
	return r;
}
