/* SPDX-License-Identifier: MIT */
/*
 * `a`, the article as a rule sees it: read-only fields and the methods of
 * scripts/rules/README.md.
 *
 * Fields are read from the record on first use and cached for the rest of
 * the article, so a field a later analysis stage adds (entities, dates,
 * quotes...) is there without any change here; a field no stage filled is
 * nil. `a.tags` is read afresh each time, since rules add tags as they go.
 * Assigning to `a` is an error: a rule changes an article only through
 * a:tag().
 */
#include <errno.h>
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "banned.h"
#include "json.h"
#include "rule_run.h"

#define VIEW_METATABLE "warta.article"
#define VIEW_CACHE     "warta.article.cache"
#define MAX_DEPTH      16
#define MAX_NEAR_HITS  1000

static struct rules_vm *vm_of(lua_State *L)
{
	struct rules_vm *vm = wa_rules_vm_of(L);

	if (!vm->article)
		luaL_error(L, "the article is only available while its rules run");
	return vm;
}

/* The vm, with the article's folded text ready for term searches. */
static struct rules_vm *folded_vm_of(lua_State *L)
{
	struct rules_vm *vm = vm_of(L);

	if (wa_rules_vm_fold(vm) < 0)
		luaL_error(L, "not enough memory");
	return vm;
}

static void push_json(lua_State *L, const cJSON *item, int depth)
{
	const cJSON *child;
	lua_Integer i = 0;

	luaL_checkstack(L, 3, "JSON nested too deeply");
	if (cJSON_IsString(item)) {
		lua_pushstring(L, item->valuestring);
	} else if (cJSON_IsNumber(item)) {
		lua_pushnumber(L, item->valuedouble);
	} else if (cJSON_IsBool(item)) {
		lua_pushboolean(L, cJSON_IsTrue(item));
	} else if ((cJSON_IsArray(item) || cJSON_IsObject(item)) && depth < MAX_DEPTH) {
		lua_newtable(L);
		cJSON_ArrayForEach(child, item)
		{
			push_json(L, child, depth + 1);
			if (cJSON_IsArray(item))
				lua_rawseti(L, -2, ++i);
			else
				lua_setfield(L, -2, child->string);
		}
	} else {
		lua_pushnil(L);
	}
}

static const cJSON *field(const struct rules_vm *vm, const char *name)
{
	return wa_article_field(vm->article, name);
}

/* a.tags: the names of the tags set so far. */
static void push_tag_names(lua_State *L, const struct rules_vm *vm)
{
	const cJSON *tag;
	lua_Integer i = 0;

	lua_newtable(L);
	cJSON_ArrayForEach(tag, field(vm, "tags"))
	{
		const char *name = wa_json_get_string(tag, "name");

		if (name) {
			lua_pushstring(L, name);
			lua_rawseti(L, -2, ++i);
		}
	}
}

/* Folds a Lua string argument into buf; raises on OOM. */
static void fold_arg(lua_State *L, const char *s, size_t len, struct wa_fold_buf *buf)
{
	if (wa_fold(s, len, buf) < 0) {
		wa_fold_buf_fini(buf);
		luaL_error(L, "not enough memory");
	}
}

/* Calls fn(term) for each string in the value at idx (a string or a table of strings). */
typedef bool term_fn(struct rules_vm *vm, const char *folded, size_t len, void *userdata);

static bool for_each_term(lua_State *L, struct rules_vm *vm, int idx, term_fn *fn, void *userdata)
{
	struct wa_fold_buf buf = { 0 };
	lua_Integer n = lua_type(L, idx) == LUA_TTABLE ? (lua_Integer)lua_rawlen(L, idx) : 1;
	bool stop = false;

	for (lua_Integer i = 1; i <= n && !stop; i++) {
		const char *s;
		size_t len = 0;

		if (lua_type(L, idx) == LUA_TTABLE)
			lua_rawgeti(L, idx, i);
		else
			lua_pushvalue(L, idx);
		s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
		if (!s) {
			wa_fold_buf_fini(&buf);
			luaL_error(L, "terms must be strings or tables of strings");
		}
		fold_arg(L, s, len, &buf);
		if (buf.len > 0)
			stop = fn(vm, buf.data, buf.len, userdata);
		lua_pop(L, 1);
	}
	wa_fold_buf_fini(&buf);
	return stop;
}

/* Calls fn(offset) for each whole-word occurrence of term in the folded article. */
static size_t each_occurrence(const struct rules_vm *vm, const char *term, size_t len,
			      size_t *offsets, size_t max)
{
	const char *text = vm->folded.data;
	size_t n = 0, pos = 0;

	while (n < max && pos + len <= vm->folded.len) {
		const char *found = memmem(text + pos, vm->folded.len - pos, term, len);
		size_t at;

		if (!found)
			break;
		at = (size_t)(found - text);
		if (wa_fold_is_whole_word(text, vm->folded.len, at, len)) {
			if (offsets)
				offsets[n] = at;
			n++;
		}
		pos = at + 1;
	}
	return n;
}

static bool term_is_present(struct rules_vm *vm, const char *term, size_t len, void *userdata)
{
	(void)userdata;
	return each_occurrence(vm, term, len, NULL, 1) > 0;
}

/* a:mentions(term, ...): any of the terms (strings or tables of strings) occurs. */
static int view_mentions(lua_State *L)
{
	struct rules_vm *vm = folded_vm_of(L);

	for (int i = 2; i <= lua_gettop(L); i++)
		if (for_each_term(L, vm, i, term_is_present, NULL)) {
			lua_pushboolean(L, 1);
			return 1;
		}
	lua_pushboolean(L, 0);
	return 1;
}

static bool add_count(struct rules_vm *vm, const char *term, size_t len, void *userdata)
{
	*(size_t *)userdata += each_occurrence(vm, term, len, NULL, SIZE_MAX);
	return false;
}

/* a:count(term): how many times the term (or any of a table of terms) occurs. */
static int view_count(lua_State *L)
{
	struct rules_vm *vm = folded_vm_of(L);
	size_t n = 0;

	luaL_checkany(L, 2);
	for_each_term(L, vm, 2, add_count, &n);
	lua_pushinteger(L, (lua_Integer)n);
	return 1;
}

static void build_word_starts(lua_State *L, struct rules_vm *vm)
{
	const char *text = vm->folded.data;
	size_t len = vm->folded.len, n = 0;

	if (vm->has_word_starts)
		return;
	free(vm->word_starts);
	vm->word_starts = malloc((len + 1) * sizeof(*vm->word_starts));
	if (!vm->word_starts)
		luaL_error(L, "not enough memory");
	for (size_t i = 0; i < len; i++)
		if (wa_fold_is_word_at(text, len, i) && !wa_fold_is_word_before(text, i) &&
		    ((unsigned char)text[i] & 0xC0) != 0x80)
			vm->word_starts[n++] = (uint32_t)i;
	vm->n_word_starts = n;
	vm->has_word_starts = true;
}

/* The number of words that start before offset: the word index of a hit there. */
static size_t word_index(const struct rules_vm *vm, size_t offset)
{
	size_t lo = 0, hi = vm->n_word_starts;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (vm->word_starts[mid] < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct positions {
	size_t *words;
	size_t n;
};

static bool collect_positions(struct rules_vm *vm, const char *term, size_t len, void *userdata)
{
	struct positions *p = userdata;
	size_t offsets[MAX_NEAR_HITS];
	size_t n = each_occurrence(vm, term, len, offsets, MAX_NEAR_HITS - p->n);

	for (size_t i = 0; i < n; i++)
		p->words[p->n++] = word_index(vm, offsets[i]);
	return p->n >= MAX_NEAR_HITS;
}

/* a:near(terms_a, terms_b, max_words): some a-term and b-term at most max_words apart. */
static int view_near(lua_State *L)
{
	struct rules_vm *vm = folded_vm_of(L);
	lua_Integer max_words = luaL_optinteger(L, 4, 10);
	struct positions a, b;
	bool near = false;

	luaL_checkany(L, 2);
	luaL_checkany(L, 3);
	build_word_starts(L, vm);
	a.words = lua_newuserdatauv(L, MAX_NEAR_HITS * sizeof(size_t), 0);
	b.words = lua_newuserdatauv(L, MAX_NEAR_HITS * sizeof(size_t), 0);
	a.n = b.n = 0;
	for_each_term(L, vm, 2, collect_positions, &a);
	for_each_term(L, vm, 3, collect_positions, &b);
	for (size_t i = 0; i < a.n && !near; i++)
		for (size_t j = 0; j < b.n && !near; j++) {
			size_t d = a.words[i] > b.words[j] ? a.words[i] - b.words[j]
							   : b.words[j] - a.words[i];

			near = (lua_Integer)d <= max_words;
		}
	lua_pushboolean(L, near);
	return 1;
}

static struct wa_regex *cached_regex(lua_State *L, struct rules_vm *vm, const char *pattern,
				     size_t len)
{
	char error[320];
	struct wa_regex *re;
	int r;

	for (size_t i = 0; i < vm->n_regex_cache; i++) {
		const char *p = wa_regex_pattern(vm->regex_cache[i]);

		if (strlen(p) == len && memcmp(p, pattern, len) == 0)
			return vm->regex_cache[i];
	}
	r = wa_regex_new(pattern, len, &re, error, sizeof(error));
	if (r < 0)
		luaL_error(L, "regex '%s': %s", pattern,
			   r == -ENOMEM ? "not enough memory" : error);
	if (vm->n_regex_cache == WA_RULES_REGEX_CACHE) {
		wa_regex_free(vm->regex_cache[0]);
		memmove(vm->regex_cache, vm->regex_cache + 1,
			(WA_RULES_REGEX_CACHE - 1) * sizeof(*vm->regex_cache));
		vm->n_regex_cache--;
	}
	vm->regex_cache[vm->n_regex_cache++] = re;
	return re;
}

/* a:match(regex): the first match in the title or text, or nil. */
static int view_match(lua_State *L)
{
	struct rules_vm *vm = vm_of(L);
	size_t len, pos = 0, start, end;
	const char *pattern = luaL_checklstring(L, 2, &len);
	struct wa_regex *re = cached_regex(L, vm, pattern, len);
	int r = wa_regex_find(re, vm->regex, vm->subject, vm->subject_len, &pos, &start, &end);

	if (r < 0)
		return luaL_error(L, "regex '%s' stopped: %s", pattern,
				  r == -ENOMEM ? "not enough memory" : "match limit reached");
	if (r == 0)
		lua_pushnil(L);
	else
		lua_pushlstring(L, vm->subject + start, end - start);
	return 1;
}

/* a:mentions_country(code, ...): an entity of type country with one of these ISO codes. */
static int view_mentions_country(lua_State *L)
{
	struct rules_vm *vm = vm_of(L);
	const cJSON *entity;

	cJSON_ArrayForEach(entity, field(vm, "entities"))
	{
		const char *type = wa_json_get_string(entity, "type");
		const char *code = wa_json_get_string(entity, "code");

		if (!type || !code || strcmp(type, "country") != 0)
			continue;
		for (int i = 2; i <= lua_gettop(L); i++) {
			const char *want = luaL_checkstring(L, i);

			if (strcasecmp(want, code) == 0) {
				lua_pushboolean(L, 1);
				return 1;
			}
		}
	}
	lua_pushboolean(L, 0);
	return 1;
}

static bool same_folded(const char *a, const char *b, struct wa_fold_buf *fa,
			struct wa_fold_buf *fb)
{
	if (wa_fold(a, strlen(a), fa) < 0 || wa_fold(b, strlen(b), fb) < 0)
		return false;
	return fa->len == fb->len && memcmp(fa->data, fb->data, fa->len) == 0;
}

static bool entity_is_named(const cJSON *entity, const char *name)
{
	struct wa_fold_buf fa = { 0 }, fb = { 0 };
	const char *canonical = wa_json_get_string(entity, "name");
	const cJSON *alias;
	bool same = canonical && same_folded(canonical, name, &fa, &fb);

	cJSON_ArrayForEach(alias, cJSON_GetObjectItemCaseSensitive(entity, "aliases"))
	{
		if (same)
			break;
		same = cJSON_IsString(alias) && same_folded(alias->valuestring, name, &fa, &fb);
	}
	wa_fold_buf_fini(&fa);
	wa_fold_buf_fini(&fb);
	return same;
}

/* a:has_entity(type [, name]): an entity of that type (named so, or with that alias). */
static int view_has_entity(lua_State *L)
{
	struct rules_vm *vm = vm_of(L);
	const char *type = luaL_checkstring(L, 2);
	const char *name = luaL_optstring(L, 3, NULL);
	const cJSON *entity;

	cJSON_ArrayForEach(entity, field(vm, "entities"))
	{
		const char *t = wa_json_get_string(entity, "type");

		if (t && strcmp(t, type) == 0 && (!name || entity_is_named(entity, name))) {
			lua_pushboolean(L, 1);
			return 1;
		}
	}
	lua_pushboolean(L, 0);
	return 1;
}

static int view_has_tag(lua_State *L)
{
	struct rules_vm *vm = vm_of(L);

	lua_pushboolean(L, wa_article_has_tag(vm->article, luaL_checkstring(L, 2)));
	return 1;
}

/* a:tag(name [, score [, reason]]): sets a tag now, in the name of the running rule. */
static int view_tag(lua_State *L)
{
	struct rules_vm *vm = vm_of(L);
	size_t len;
	const char *name = luaL_checklstring(L, 2, &len);
	double score;
	const char *reason = luaL_optstring(L, 4, NULL);

	if (!vm->rule)
		return luaL_error(L, "a:tag() works only inside a rule's where function");
	score = luaL_optnumber(L, 3, vm->rule->score);
	if (len == 0 || len > WA_RULES_MAX_NAME)
		return luaL_error(L, "a tag name is 1 to %d bytes", WA_RULES_MAX_NAME);
	if (!isfinite(score) || score < 0 || score > 1000)
		return luaL_error(L, "a tag's score is a number from 0 to 1000");
	if (++vm->tags_this_call > WA_RULES_MAX_TAGS_PER_CALL)
		return luaL_error(L, "more than %d tags from one rule", WA_RULES_MAX_TAGS_PER_CALL);
	if (wa_article_add_rule_tag(vm->article, name, score, vm->rule->name, reason, NULL) < 0)
		return luaL_error(L, "not enough memory");
	return 0;
}

static const luaL_Reg methods[] = {
	{ "mentions", view_mentions },
	{ "count", view_count },
	{ "near", view_near },
	{ "match", view_match },
	{ "mentions_country", view_mentions_country },
	{ "has_entity", view_has_entity },
	{ "has_tag", view_has_tag },
	{ "tag", view_tag },
	{ NULL, NULL },
};

static int view_index(lua_State *L)
{
	struct rules_vm *vm = vm_of(L);
	const char *key = luaL_checkstring(L, 2);
	const cJSON *value;

	lua_getfield(L, lua_upvalueindex(1), key); /* a method? */
	if (!lua_isnil(L, -1))
		return 1;
	if (strcmp(key, "tags") == 0) {
		push_tag_names(L, vm);
		return 1;
	}
	lua_getfield(L, LUA_REGISTRYINDEX, VIEW_CACHE);
	if (lua_getfield(L, -1, key) != LUA_TNIL)
		return 1;
	lua_pop(L, 1);
	value = field(vm, key);
	if (strcmp(key, "lang") == 0 && cJSON_IsObject(value))
		value = cJSON_GetObjectItemCaseSensitive(value, "code"); /* a.lang is the code */
	push_json(L, value, 0);
	lua_pushvalue(L, -1);
	lua_setfield(L, -3, key);
	return 1;
}

static int view_newindex(lua_State *L)
{
	return luaL_error(L, "the article is read-only: use a:tag(name) to tag it");
}

void wa_article_view_open(lua_State *L)
{
	luaL_newmetatable(L, VIEW_METATABLE);
	luaL_newlib(L, methods);
	lua_pushcclosure(L, view_index, 1);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, view_newindex);
	lua_setfield(L, -2, "__newindex");
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 1);
}

void wa_article_view_push(lua_State *L)
{
	lua_newtable(L);
	lua_setfield(L, LUA_REGISTRYINDEX, VIEW_CACHE);
	lua_newtable(L);
	luaL_setmetatable(L, VIEW_METATABLE);
}

void wa_article_view_reset(lua_State *L)
{
	lua_pushnil(L);
	lua_setfield(L, LUA_REGISTRYINDEX, VIEW_CACHE);
}
