/* SPDX-License-Identifier: MIT */
/*
 * The rule language: `rule "name" { ... }` and `list "name" { ... }`.
 *
 * `rule "name"` returns a function that takes the rule's table, which is
 * what makes the declaration read like YARA's or rspamd's. `list "name"`
 * returns a list reference: called with a table it defines the list, used
 * as a value (`any = list "negara"`) it stands for the list's terms.
 *
 * Loading checks each rule completely and records every problem with the
 * file and line of its declaration, instead of stopping at the first, so
 * that `warta rules check` reports them all at once.
 */
#include <errno.h>
#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"
#include "json.h"
#include "lua_sandbox.h"
#include "rule_set.h"

#define LIST_METATABLE "warta.list"
#define MAX_WORD_BYTES 1024
#define MAX_SCORE      1000.0

struct dsl {
	struct wa_rules *set;
	enum rule_dsl_mode mode;
	struct wa_rules_report *report;
	const char *file;
	size_t n_bound; /* bind mode: rules seen so far */
	size_t cap_rules;
	size_t cap_lists;
	bool failed;
};

static struct dsl *get_dsl(lua_State *L)
{
	return lua_touserdata(L, lua_upvalueindex(1));
}

static int caller_line(lua_State *L)
{
	lua_Debug ar;

	if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar))
		return ar.currentline;
	return 0;
}

static void report(struct dsl *d, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void report(struct dsl *d, int line, const char *fmt, ...)
{
	char message[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	d->failed = true;
	(void)wa_rules_report_add(d->report, "%s:%d: %s", d->file, line, message);
}

static bool is_valid_name(const char *name, size_t len)
{
	if (len == 0 || len > WA_RULES_MAX_NAME)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c < 0x20 || c == 0x7f || c == '"' || c == '\\')
			return false;
	}
	return true;
}

static int push_string_array(char ***array, size_t *n, const char *s, size_t len)
{
	char **grown = realloc(*array, (*n + 1) * sizeof(**array));

	if (!grown)
		return -ENOMEM;
	*array = grown;
	grown[*n] = strndup(s, len);
	if (!grown[*n])
		return -ENOMEM;
	(*n)++;
	return 0;
}

/* The list name if the value at idx is a list reference, else NULL. */
static const char *list_ref_name(lua_State *L, int idx)
{
	const char *name;

	if (!luaL_testudata(L, idx, LIST_METATABLE))
		return NULL;
	lua_getiuservalue(L, idx, 1);
	name = lua_tostring(L, -1);
	lua_pop(L, 1); /* the name stays reachable through the userdata */
	return name;
}

/* Adds one value of a keyword field (a string or a list reference) to terms. */
static int add_term(struct dsl *d, lua_State *L, int idx, struct rule_terms *terms,
		    const char *rule, const char *field, int line)
{
	const char *list = list_ref_name(L, idx);
	size_t len;
	const char *s;

	if (list)
		return push_string_array(&terms->lists, &terms->n_lists, list, strlen(list));
	if (lua_type(L, idx) != LUA_TSTRING) {
		report(d, line, "rule '%s': '%s' holds a %s; keywords are strings or lists", rule,
		       field, luaL_typename(L, idx));
		return 0;
	}
	s = lua_tolstring(L, idx, &len);
	if (len == 0 || len > MAX_WORD_BYTES) {
		report(d, line, "rule '%s': '%s' holds an empty or over-long keyword", rule, field);
		return 0;
	}
	return push_string_array(&terms->words, &terms->n_words, s, len);
}

/* A keyword field: a string, a list reference, or a sequence of those. */
static int parse_terms(struct dsl *d, lua_State *L, int idx, struct rule_terms *terms,
		       const char *rule, const char *field, int line)
{
	int r = 0;

	if (lua_type(L, idx) != LUA_TTABLE)
		return add_term(d, L, idx, terms, rule, field, line);
	for (lua_Integer i = 1, n = (lua_Integer)lua_rawlen(L, idx); i <= n && r == 0; i++) {
		lua_rawgeti(L, idx, i);
		r = add_term(d, L, -1, terms, rule, field, line);
		lua_pop(L, 1);
	}
	return r;
}

/* `all`: each element is its own clause, so a list there means "any of the list". */
static int parse_all(struct dsl *d, lua_State *L, int idx, struct rule *rule, int line)
{
	lua_Integer n = lua_type(L, idx) == LUA_TTABLE ? (lua_Integer)lua_rawlen(L, idx) : 1;
	int r = 0;

	rule->all = calloc((size_t)n, sizeof(*rule->all));
	if (!rule->all)
		return -ENOMEM;
	rule->n_all = (size_t)n;
	if (lua_type(L, idx) != LUA_TTABLE)
		return add_term(d, L, idx, &rule->all[0], rule->name, "all", line);
	for (lua_Integer i = 1; i <= n && r == 0; i++) {
		lua_rawgeti(L, idx, i);
		r = add_term(d, L, -1, &rule->all[i - 1], rule->name, "all", line);
		lua_pop(L, 1);
	}
	return r;
}

static int parse_strings(struct dsl *d, lua_State *L, int idx, char ***array, size_t *n,
			 const char *rule, const char *field, int line)
{
	lua_Integer count = lua_type(L, idx) == LUA_TTABLE ? (lua_Integer)lua_rawlen(L, idx) : 1;

	for (lua_Integer i = 1; i <= count; i++) {
		size_t len;
		const char *s;
		int r;

		if (lua_type(L, idx) == LUA_TTABLE)
			lua_rawgeti(L, idx, i);
		else
			lua_pushvalue(L, idx);
		s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
		if (!s || len == 0) {
			report(d, line, "rule '%s': '%s' must hold non-empty strings", rule, field);
			lua_pop(L, 1);
			return 0;
		}
		r = push_string_array(array, n, s, len);
		lua_pop(L, 1);
		if (r < 0)
			return r;
	}
	return 0;
}

/* meta: a flat table of strings, numbers and booleans, echoed as JSON. */
static int parse_meta(struct dsl *d, lua_State *L, int idx, struct rule *rule, int line)
{
	cJSON *meta = cJSON_CreateObject();
	int r = 0;

	if (!meta)
		return -ENOMEM;
	lua_pushnil(L);
	while (r == 0 && lua_next(L, idx)) {
		cJSON *value = NULL;

		if (lua_type(L, -2) != LUA_TSTRING) {
			report(d, line, "rule '%s': 'meta' keys must be strings", rule->name);
		} else if (lua_type(L, -1) == LUA_TSTRING) {
			value = cJSON_CreateString(lua_tostring(L, -1));
		} else if (lua_type(L, -1) == LUA_TNUMBER) {
			value = cJSON_CreateNumber(lua_tonumber(L, -1));
		} else if (lua_type(L, -1) == LUA_TBOOLEAN) {
			value = cJSON_CreateBool(lua_toboolean(L, -1));
		} else {
			report(d, line, "rule '%s': meta '%s' must be a string, number or boolean",
			       rule->name, lua_tostring(L, -2));
		}
		if (value)
			r = wa_json_set(meta, lua_tostring(L, -2), value);
		lua_pop(L, 1);
	}
	if (r == 0) {
		rule->meta_json = wa_json_print(meta);
		if (!rule->meta_json)
			r = -ENOMEM;
	}
	cJSON_Delete(meta);
	return r;
}

static int parse_field(struct dsl *d, lua_State *L, struct rule *rule, const char *key, int line)
{
	int t = lua_type(L, -1);

	if (strcmp(key, "description") == 0) {
		if (t != LUA_TSTRING)
			report(d, line, "rule '%s': 'description' must be a string", rule->name);
		else if (!(rule->description = strdup(lua_tostring(L, -1))))
			return -ENOMEM;
	} else if (strcmp(key, "tags") == 0) {
		return parse_strings(d, L, lua_gettop(L), &rule->tags, &rule->n_tags, rule->name,
				     "tags", line);
	} else if (strcmp(key, "any") == 0) {
		return parse_terms(d, L, lua_gettop(L), &rule->any, rule->name, "any", line);
	} else if (strcmp(key, "all") == 0) {
		return parse_all(d, L, lua_gettop(L), rule, line);
	} else if (strcmp(key, "none") == 0) {
		return parse_terms(d, L, lua_gettop(L), &rule->none, rule->name, "none", line);
	} else if (strcmp(key, "regex") == 0) {
		/* Compiled by the loader, once every rule is read. */
		return parse_strings(d, L, lua_gettop(L), &rule->patterns, &rule->n_regexes,
				     rule->name, "regex", line);
	} else if (strcmp(key, "min_hits") == 0) {
		lua_Integer n;

		if (!lua_isinteger(L, -1) || (n = lua_tointeger(L, -1)) < 0 || n > 1000000)
			report(d, line,
			       "rule '%s': 'min_hits' must be an integer from 0 to 1000000",
			       rule->name);
		else
			rule->min_hits = (unsigned)n;
	} else if (strcmp(key, "where") == 0) {
		if (t != LUA_TFUNCTION)
			report(d, line, "rule '%s': 'where' must be a function", rule->name);
		rule->has_where = t == LUA_TFUNCTION;
	} else if (strcmp(key, "score") == 0) {
		double score = lua_tonumber(L, -1);

		if (t != LUA_TNUMBER || !isfinite(score) || score < 0 || score > MAX_SCORE)
			report(d, line, "rule '%s': 'score' must be a number from 0 to %g",
			       rule->name, MAX_SCORE);
		else
			rule->score = score;
	} else if (strcmp(key, "meta") == 0) {
		if (t != LUA_TTABLE)
			report(d, line, "rule '%s': 'meta' must be a table", rule->name);
		else
			return parse_meta(d, L, lua_gettop(L), rule, line);
	} else {
		report(d, line,
		       "rule '%s': unknown field '%s' (known: description, tags, any, all, none, "
		       "regex, min_hits, where, score, meta)",
		       rule->name, key);
	}
	return 0;
}

static struct rule *append_rule(struct dsl *d)
{
	struct wa_rules *set = d->set;

	if (set->n_rules == d->cap_rules) {
		size_t cap = d->cap_rules ? 2 * d->cap_rules : 32;
		struct rule *grown = realloc(set->rules, cap * sizeof(*grown));

		if (!grown)
			return NULL;
		set->rules = grown;
		d->cap_rules = cap;
	}
	memset(&set->rules[set->n_rules], 0, sizeof(struct rule));
	return &set->rules[set->n_rules++];
}

static int define_rule(struct dsl *d, lua_State *L, const char *name, int line)
{
	struct rule *rule;
	int r = 0;

	for (size_t i = 0; i < d->set->n_rules; i++)
		if (strcmp(d->set->rules[i].name, name) == 0) {
			report(d, line, "rule '%s' is already defined at %s:%d", name,
			       d->set->rules[i].file, d->set->rules[i].line);
			return 0;
		}
	if (d->set->n_rules >= WA_RULES_MAX_RULES) {
		report(d, line, "more than %d rules", WA_RULES_MAX_RULES);
		return 0;
	}
	rule = append_rule(d);
	if (!rule)
		return -ENOMEM;
	rule->name = strdup(name);
	rule->file = strdup(d->file);
	rule->line = line;
	rule->score = 1.0;
	if (!rule->name || !rule->file)
		return -ENOMEM;
	lua_pushnil(L);
	while (r == 0 && lua_next(L, 1)) {
		if (lua_type(L, -2) != LUA_TSTRING)
			report(d, line,
			       "rule '%s': fields must be named (did you mean any = {...}?)", name);
		else
			r = parse_field(d, L, rule, lua_tostring(L, -2), line);
		lua_pop(L, 1);
	}
	if (r < 0)
		return r;
	if (rule->n_tags == 0)
		r = push_string_array(&rule->tags, &rule->n_tags, name, strlen(name));
	if (rule->any.n_words + rule->any.n_lists + rule->n_all + rule->none.n_words +
			    rule->none.n_lists + rule->n_regexes ==
		    0 &&
	    !rule->has_where)
		report(d, line, "rule '%s' has no condition (any, all, none, regex or where)",
		       name);
	return r;
}

/* The function `rule "name"` returns: takes the rule's table. */
static int rule_body(lua_State *L)
{
	struct dsl *d = get_dsl(L);
	const char *name = lua_tostring(L, lua_upvalueindex(2));
	int line = (int)lua_tointeger(L, lua_upvalueindex(3));
	int r;

	if (lua_type(L, 1) != LUA_TTABLE) {
		if (d->mode == RULE_DSL_DEFINE)
			report(d, line,
			       "rule '%s' must be followed by a table: rule \"%s\" { ... }", name,
			       name);
		return 0;
	}
	if (d->mode == RULE_DSL_BIND) {
		size_t i = d->n_bound++;

		if (i >= d->set->n_rules || strcmp(d->set->rules[i].name, name) != 0)
			return luaL_error(L, "rule '%s' was not there when the set was checked",
					  name);
		lua_getfield(L, LUA_REGISTRYINDEX, WA_RULE_WHERE_KEY);
		lua_getfield(L, 1, "where");
		if (!lua_isfunction(L, -1)) {
			lua_pop(L, 1);
			lua_pushboolean(L, 0);
		}
		lua_rawseti(L, -2, (lua_Integer)i + 1);
		return 0;
	}
	r = define_rule(d, L, name, line);
	if (r < 0)
		return luaL_error(L, "not enough memory");
	return 0;
}

/* rule "name": returns the function that takes the rule's table. */
static int rule_decl(lua_State *L)
{
	struct dsl *d = get_dsl(L);
	size_t len;
	const char *name = lua_tolstring(L, 1, &len);
	int line = caller_line(L);

	if (!name || !is_valid_name(name, len)) {
		if (d->mode == RULE_DSL_DEFINE)
			report(d, line,
			       "a rule needs a name of 1 to %d printable characters: "
			       "rule \"name\" { ... }",
			       WA_RULES_MAX_NAME);
		name = "";
	}
	lua_pushlightuserdata(L, d);
	lua_pushstring(L, name);
	lua_pushinteger(L, line);
	lua_pushcclosure(L, rule_body, 3);
	return 1;
}

static struct rule_list *append_list(struct dsl *d)
{
	struct wa_rules *set = d->set;

	if (set->n_lists == d->cap_lists) {
		size_t cap = d->cap_lists ? 2 * d->cap_lists : 16;
		struct rule_list *grown = realloc(set->lists, cap * sizeof(*grown));

		if (!grown)
			return NULL;
		set->lists = grown;
		d->cap_lists = cap;
	}
	memset(&set->lists[set->n_lists], 0, sizeof(struct rule_list));
	return &set->lists[set->n_lists++];
}

/* list "name" { file = "lists/x.txt" } or list "name" { "term", "term", ... } */
static int list_define(lua_State *L)
{
	struct dsl *d = lua_touserdata(L, lua_upvalueindex(1));
	const char *name = list_ref_name(L, 1);
	int line = caller_line(L);
	struct rule_list *list;
	char where[512];

	if (d->mode == RULE_DSL_BIND || !name)
		return 0;
	if (lua_type(L, 2) != LUA_TTABLE) {
		report(d, line, "list '%s' must be followed by a table: list \"%s\" { file = ... }",
		       name, name);
		return 0;
	}
	for (size_t i = 0; i < d->set->n_lists; i++)
		if (strcmp(d->set->lists[i].name, name) == 0) {
			report(d, line, "list '%s' is already defined at %s", name,
			       d->set->lists[i].defined_at);
			return 0;
		}
	list = append_list(d);
	if (!list)
		return luaL_error(L, "not enough memory");
	snprintf(where, sizeof(where), "%s:%d", d->file, line);
	list->name = strdup(name);
	list->defined_at = strdup(where);
	if (!list->name || !list->defined_at)
		return luaL_error(L, "not enough memory");
	lua_pushnil(L);
	while (lua_next(L, 2)) {
		if (lua_type(L, -2) == LUA_TSTRING && strcmp(lua_tostring(L, -2), "file") == 0) {
			if (lua_type(L, -1) != LUA_TSTRING)
				report(d, line, "list '%s': 'file' must be a string", name);
			else if (!(list->file = strdup(lua_tostring(L, -1))))
				return luaL_error(L, "not enough memory");
		} else if (lua_type(L, -2) == LUA_TNUMBER && lua_type(L, -1) == LUA_TSTRING) {
			size_t len;
			const char *s = lua_tolstring(L, -1, &len);

			if (len > 0 && push_string_array(&list->words, &list->n_words, s, len) < 0)
				return luaL_error(L, "not enough memory");
		} else {
			report(d, line, "list '%s': only 'file' and strings may be given", name);
		}
		lua_pop(L, 1);
	}
	if (!list->file && list->n_words == 0)
		report(d, line, "list '%s' is empty: give file = \"...\" or terms", name);
	return 0;
}

/* list "name": a reference, which defines the list when called with a table. */
static int list_decl(lua_State *L)
{
	struct dsl *d = get_dsl(L);
	size_t len;
	const char *name = lua_tolstring(L, 1, &len);

	if (!name || !is_valid_name(name, len)) {
		if (d->mode == RULE_DSL_DEFINE)
			report(d, caller_line(L), "a list needs a name: list \"name\" { ... }");
		name = "";
	}
	lua_newuserdatauv(L, 0, 1);
	lua_pushstring(L, name);
	lua_setiuservalue(L, -2, 1);
	luaL_setmetatable(L, LIST_METATABLE);
	return 1;
}

static void install_language(lua_State *L, struct dsl *d)
{
	if (luaL_newmetatable(L, LIST_METATABLE)) {
		lua_pushlightuserdata(L, d);
		lua_pushcclosure(L, list_define, 1);
		lua_setfield(L, -2, "__call");
		lua_pushboolean(L, 0);
		lua_setfield(L, -2, "__metatable");
	} else {
		/* A state runs the language once per load: rebind the context. */
		lua_pushlightuserdata(L, d);
		lua_pushcclosure(L, list_define, 1);
		lua_setfield(L, -2, "__call");
	}
	lua_pop(L, 1);
	lua_pushlightuserdata(L, d);
	lua_pushcclosure(L, rule_decl, 1);
	lua_setglobal(L, "rule");
	lua_pushlightuserdata(L, d);
	lua_pushcclosure(L, list_decl, 1);
	lua_setglobal(L, "list");
	if (d->mode == RULE_DSL_BIND) {
		lua_createtable(L, (int)d->set->n_rules, 0);
		lua_setfield(L, LUA_REGISTRYINDEX, WA_RULE_WHERE_KEY);
	}
}

/* After the files ran, the language is gone: a `where` calling rule() gets nil. */
static void remove_language(lua_State *L)
{
	lua_pushnil(L);
	lua_setglobal(L, "rule");
	lua_pushnil(L);
	lua_setglobal(L, "list");
}

static int run_file(lua_State *L, struct dsl *d, const struct rule_file *f)
{
	char chunk_name[WA_RULES_MAX_NAME + 256];
	int r;

	snprintf(chunk_name, sizeof(chunk_name), "@%s", f->name);
	wa_rule_env_push_file_env(L);
	r = wa_lua_load(L, f->source, f->len, chunk_name, -1);
	lua_remove(L, -2);
	if (r == 0)
		r = wa_lua_call(L, 0, 0, WA_RULES_LOAD_BUDGET);
	if (r < 0 && r != -ENOMEM && d->mode == RULE_DSL_DEFINE) {
		const char *msg = lua_tostring(L, -1);
		size_t first_line = msg ? strcspn(msg, "\n") : 0;

		/* Lua's message already starts with FILE:LINE:, the traceback is for logs. */
		d->failed = true;
		(void)wa_rules_report_add(d->report, "%.*s", (int)first_line, msg ? msg : "?");
		lua_pop(L, 1);
		return 0;
	}
	return r;
}

int wa_rule_dsl_run_files(lua_State *L, struct wa_rules *set, enum rule_dsl_mode mode,
			  struct wa_rules_report *rep)
{
	struct dsl d = { .set = set, .mode = mode, .report = rep };
	int r = 0;

	install_language(L, &d);
	for (size_t i = 0; i < set->n_files && r == 0; i++) {
		d.file = set->files[i].name;
		r = run_file(L, &d, &set->files[i]);
	}
	remove_language(L);
	if (r < 0)
		return r;
	if (mode == RULE_DSL_BIND && d.n_bound != set->n_rules) {
		lua_pushliteral(L,
				"the rule files declare other rules than when they were checked");
		return -EINVAL;
	}
	return d.failed ? -EINVAL : 0;
}
