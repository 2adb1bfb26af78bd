/* SPDX-License-Identifier: MIT */
/*
 * A worker thread's rule machinery, and the article being tagged with it.
 * Shared by rule_runner.c (the stage) and article_view.c (what `a` is in
 * a rule); nothing else includes this.
 */
#ifndef WA_RULE_RUN_H
#define WA_RULE_RUN_H

#include <lua.h>
#include <stdbool.h>
#include <stdint.h>

#include "fold.h"
#include "regex.h"
#include "rule_set.h"

#define WA_RULES_MAX_TAGS_PER_CALL 64
#define WA_RULES_REGEX_CACHE       64

struct rules_vm {
	uint64_t serial; /* of the rule set loaded into L */
	lua_State *L;
	char *broken; /* why L could not load the set, or NULL */
	struct wa_regex_scratch *regex;
	struct wa_regex *regex_cache[WA_RULES_REGEX_CACHE]; /* a:match() patterns */
	size_t n_regex_cache;
	/* The article being tagged: */
	struct wa_rules *set;
	struct wa_article *article;
	struct rule *rule; /* whose where() is running */
	unsigned tags_this_call;
	char *subject; /* title, blank line, text: what regexes see */
	size_t subject_len;
	size_t subject_cap;
	struct wa_fold_buf folded; /* the subject folded, for a:mentions() and co; on demand */
	bool has_folded;
	uint32_t *counts; /* hits per keyword id */
	size_t counts_cap;
	int32_t *touched; /* ids with a non-zero count, to reset them */
	size_t n_touched;
	size_t touched_cap;
	uint32_t *word_starts; /* offsets into folded, for a:near(); built on demand */
	size_t n_word_starts;
	bool has_word_starts;
};

/* The vm of the state (stored in its extra space). */
static inline struct rules_vm *wa_rules_vm_of(lua_State *L)
{
	return *(struct rules_vm **)lua_getextraspace(L);
}

/* Folds vm->subject into vm->folded, once per article. Returns 0 or -ENOMEM. */
int wa_rules_vm_fold(struct rules_vm *vm);

/* Registers the view's metatable in L. */
void wa_article_view_open(lua_State *L);
/* Pushes the view of vm->article (a fresh one per article). */
void wa_article_view_push(lua_State *L);
/* Forgets the per-article caches (after the last rule of an article). */
void wa_article_view_reset(lua_State *L);

#endif
