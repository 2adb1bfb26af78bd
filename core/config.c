/* SPDX-License-Identifier: MIT */
/*
 * Configuration loading.
 *
 * The file runs in a fresh Lua state with no libraries and an empty global
 * table, under a memory cap and an instruction budget; whatever globals it
 * leaves behind are the settings. Keys are described once, in `keys[]`,
 * which drives defaults, type checks and error messages alike.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <lauxlib.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "banned.h"
#include "lua_sandbox.h"

#define CONFIG_MAX_BYTES        (1 << 20)
#define CONFIG_LUA_MAX_BYTES    (8 << 20)
#define CONFIG_MAX_INSTRUCTIONS 10000000L

enum key_type {
	KEY_PATH,
	KEY_INT,
	KEY_DURABILITY,
	KEY_DONE,
	KEY_LOG_LEVEL,
	KEY_PIPELINE,
};

struct key {
	const char *name;
	enum key_type type;
	size_t offset;
	int64_t min, max; /* KEY_INT */
};

#define OFF(f) offsetof(struct wa_config, f)

static const struct key keys[] = {
	{ "spool", KEY_PATH, OFF(spool_dir), 0, 0 },
	{ "state_dir", KEY_PATH, OFF(state_dir), 0, 0 },
	{ "rules", KEY_PATH, OFF(rules_dir), 0, 0 },
	{ "plugin_dir", KEY_PATH, OFF(plugin_dir), 0, 0 },
	{ "data_dir", KEY_PATH, OFF(data_dir), 0, 0 },
	{ "durability", KEY_DURABILITY, OFF(durability), 0, 0 },
	{ "done", KEY_DONE, OFF(done), 0, 0 },
	{ "log_level", KEY_LOG_LEVEL, OFF(log_level), 0, 0 },
	{ "workers", KEY_INT, OFF(workers), 0, 256 },
	{ "max_in_flight", KEY_INT, OFF(max_in_flight), 0, 65536 },
	{ "max_article_bytes", KEY_INT, OFF(max_article_bytes), 1, INT64_C(1) << 32 },
	{ "settle_ms", KEY_INT, OFF(settle_ms), 0, 3600000 },
	{ "rescan_interval_ms", KEY_INT, OFF(rescan_interval_ms), 100, 86400000 },
	{ "article_timeout_ms", KEY_INT, OFF(article_timeout_ms), 100, 86400000 },
	{ "max_attempts", KEY_INT, OFF(max_attempts), 1, 100 },
	{ "shutdown_timeout_ms", KEY_INT, OFF(shutdown_timeout_ms), 0, 600000 },
	{ "batch_max", KEY_INT, OFF(batch_max), 1, 65536 },
	{ "seen_window", KEY_INT, OFF(seen_window), 0, INT64_C(1) << 32 },
	{ "retry_interval_ms", KEY_INT, OFF(retry_interval_ms), 10, 600000 },
	{ "rule_instructions", KEY_INT, OFF(rule_instructions), 1000, INT64_C(1) << 40 },
	{ "rule_timeout_ms", KEY_INT, OFF(rule_timeout_ms), 1, 60000 },
	{ "rule_memory_mb", KEY_INT, OFF(rule_memory_mb), 1, 4096 },
	{ "rule_quarantine_after", KEY_INT, OFF(rule_quarantine_after), 0, 1000000 },
	{ "pipeline", KEY_PIPELINE, 0, 0, 0 },
};

int wa_config_set_path(char **field, const char *value)
{
	char *copy = value ? strdup(value) : NULL;

	if (value && !copy)
		return -ENOMEM;
	free(*field);
	*field = copy;
	return 0;
}

int wa_config_init_defaults(struct wa_config *c)
{
	memset(c, 0, sizeof(*c));
	c->durability = WA_DURABILITY_FULL;
	c->done = WA_DONE_KEEP;
	c->log_level = WA_LOG_INFO;
	c->max_article_bytes = 16 << 20;
	c->settle_ms = 500;
	c->rescan_interval_ms = 30000;
	c->article_timeout_ms = 60000;
	c->max_attempts = 3;
	c->shutdown_timeout_ms = 4000;
	c->batch_max = 256;
	c->seen_window = 1000000;
	c->retry_interval_ms = 1000;
	c->rule_instructions = 1000000;
	c->rule_timeout_ms = 100;
	c->rule_memory_mb = 32;
	c->rule_quarantine_after = 5;
	if (wa_config_set_path(&c->spool_dir, "spool") < 0 ||
	    wa_config_set_path(&c->rules_dir, "rules") < 0) {
		wa_config_fini(c);
		return -ENOMEM;
	}
	return 0;
}

static void free_plugins(struct wa_config_plugin *plugins, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < plugins[i].n_options; j++) {
			free(plugins[i].options[j].key);
			free(plugins[i].options[j].string);
		}
		free(plugins[i].options);
		free(plugins[i].name);
	}
	free(plugins);
}

void wa_config_fini(struct wa_config *c)
{
	if (!c)
		return;
	free(c->spool_dir);
	free(c->state_dir);
	free(c->rules_dir);
	free(c->plugin_dir);
	free(c->data_dir);
	free(c->path);
	free_plugins(c->pipeline, c->n_pipeline);
	memset(c, 0, sizeof(*c));
}

int wa_config_resolve(struct wa_config *c)
{
	char buf[4096];

	if (c->state_dir)
		return 0;
	snprintf(buf, sizeof(buf), "%s/state", c->spool_dir);
	return wa_config_set_path(&c->state_dir, buf);
}

static char *format_error(const char *name, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static char *format_error(const char *name, const char *fmt, ...)
{
	char msg[512];
	int n = snprintf(msg, sizeof(msg), "%s: ", name);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	return strdup(msg);
}

static const struct key *find_key(const char *name)
{
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	}
	return NULL;
}

/* Reads one option value at the stack top. */
static int read_option(lua_State *L, const char *key, struct wa_config_value *v)
{
	v->key = strdup(key);
	if (!v->key)
		return -ENOMEM;
	switch (lua_type(L, -1)) {
	case LUA_TSTRING:
		v->type = WA_CONFIG_STRING;
		v->string = strdup(lua_tostring(L, -1));
		return v->string ? 0 : -ENOMEM;
	case LUA_TNUMBER:
		v->type = WA_CONFIG_NUMBER;
		v->number = lua_tonumber(L, -1);
		return 0;
	case LUA_TBOOLEAN:
		v->type = WA_CONFIG_BOOL;
		v->boolean = lua_toboolean(L, -1);
		return 0;
	default:
		return -EINVAL;
	}
}

/*
 * One pipeline entry at the stack top: "name", or { "name", key = value, ... }.
 */
static int read_pipeline_entry(lua_State *L, size_t index, struct wa_config_plugin *p,
			       const char *file, char **ret_error)
{
	int r;

	if (lua_type(L, -1) == LUA_TSTRING) {
		p->name = strdup(lua_tostring(L, -1));
		return p->name ? 0 : -ENOMEM;
	}
	if (!lua_istable(L, -1) || lua_rawgeti(L, -1, 1) != LUA_TSTRING) {
		*ret_error = format_error(
			file,
			"key 'pipeline' entry %zu must be a plugin name or { \"name\", option = value, ... }",
			index);
		return -EINVAL;
	}
	p->name = strdup(lua_tostring(L, -1));
	lua_pop(L, 1);
	if (!p->name)
		return -ENOMEM;
	lua_pushnil(L);
	while (lua_next(L, -2)) {
		struct wa_config_value *options;

		if (lua_type(L, -2) == LUA_TNUMBER && lua_tointeger(L, -2) == 1) {
			lua_pop(L, 1);
			continue;
		}
		if (lua_type(L, -2) != LUA_TSTRING) {
			lua_pop(L, 2);
			*ret_error = format_error(
				file, "key 'pipeline' entry '%s': option names must be strings",
				p->name);
			return -EINVAL;
		}
		options = realloc(p->options, (p->n_options + 1) * sizeof(*options));
		if (!options) {
			lua_pop(L, 2);
			return -ENOMEM;
		}
		p->options = options;
		memset(&options[p->n_options], 0, sizeof(*options));
		r = read_option(L, lua_tostring(L, -2), &options[p->n_options]);
		p->n_options++;
		if (r == -EINVAL)
			*ret_error = format_error(
				file,
				"key 'pipeline' entry '%s': option '%s' must be a string, number or boolean",
				p->name, lua_tostring(L, -2));
		lua_pop(L, 1);
		if (r < 0) {
			lua_pop(L, 1);
			return r;
		}
	}
	return 0;
}

static int read_pipeline(lua_State *L, struct wa_config *c, const char *file, char **ret_error)
{
	struct wa_config_plugin *plugins;
	size_t n;
	int r = 0;

	if (!lua_istable(L, -1)) {
		*ret_error = format_error(file, "key 'pipeline' must be a list of plugins, got %s",
					  luaL_typename(L, -1));
		return -EINVAL;
	}
	n = lua_rawlen(L, -1);
	plugins = calloc(n ? n : 1, sizeof(*plugins));
	if (!plugins)
		return -ENOMEM;
	for (size_t i = 0; i < n && r == 0; i++) {
		lua_rawgeti(L, -1, (lua_Integer)i + 1);
		r = read_pipeline_entry(L, i + 1, &plugins[i], file, ret_error);
		lua_pop(L, 1);
	}
	if (r < 0) {
		free_plugins(plugins, n);
		return r;
	}
	free_plugins(c->pipeline, c->n_pipeline);
	c->pipeline = plugins;
	c->n_pipeline = n;
	c->has_pipeline = true;
	return 0;
}

static int read_choice(lua_State *L, const struct key *k, const char *const *choices, int *ret,
		       const char *file, char **ret_error)
{
	const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;

	for (int i = 0; s && choices[i]; i++) {
		if (strcmp(s, choices[i]) == 0) {
			*ret = i;
			return 0;
		}
	}
	char list[128] = "";
	size_t used = 0;

	for (int i = 0; choices[i] && used < sizeof(list); i++)
		used += (size_t)snprintf(list + used, sizeof(list) - used, "%s\"%s\"",
					 i ? ", " : "", choices[i]);
	*ret_error = format_error(file, "key '%s' must be one of %s", k->name, list);
	return -EINVAL;
}

/* Applies the value at the stack top to key k. */
static int apply_key(lua_State *L, const struct key *k, struct wa_config *c, const char *file,
		     char **ret_error)
{
	static const char *const durabilities[] = { "full", "fast", NULL };
	static const char *const done_actions[] = { "keep", "delete", NULL };
	static const char *const levels[] = { "error", "warning", "notice", "info", "debug", NULL };
	char *base = (char *)c;
	int choice;

	switch (k->type) {
	case KEY_PATH:
		if (lua_type(L, -1) != LUA_TSTRING || lua_rawlen(L, -1) == 0) {
			*ret_error =
				format_error(file, "key '%s' must be a non-empty string, got %s",
					     k->name, luaL_typename(L, -1));
			return -EINVAL;
		}
		return wa_config_set_path((char **)(base + k->offset), lua_tostring(L, -1));
	case KEY_INT: {
		lua_Integer v;

		if (!lua_isinteger(L, -1)) {
			*ret_error =
				format_error(file, "key '%s' must be an integer, got %s", k->name,
					     lua_type(L, -1) == LUA_TNUMBER ? "a fraction"
									    : luaL_typename(L, -1));
			return -EINVAL;
		}
		v = lua_tointeger(L, -1);
		if (v < k->min || v > k->max) {
			*ret_error = format_error(
				file, "key '%s' must be between %lld and %lld, got %lld", k->name,
				(long long)k->min, (long long)k->max, (long long)v);
			return -EINVAL;
		}
		if (k->offset == OFF(workers) || k->offset == OFF(max_in_flight))
			*(int *)(base + k->offset) = (int)v;
		else
			*(int64_t *)(base + k->offset) = v;
		return 0;
	}
	case KEY_DURABILITY:
		if (read_choice(L, k, durabilities, &choice, file, ret_error) < 0)
			return -EINVAL;
		c->durability = (enum wa_durability)choice;
		return 0;
	case KEY_DONE:
		if (read_choice(L, k, done_actions, &choice, file, ret_error) < 0)
			return -EINVAL;
		c->done = (enum wa_done_action)choice;
		return 0;
	case KEY_LOG_LEVEL:
		if (read_choice(L, k, levels, &choice, file, ret_error) < 0)
			return -EINVAL;
		c->log_level = (enum wa_log_level)(WA_LOG_ERROR + choice);
		return 0;
	case KEY_PIPELINE:
		return read_pipeline(L, c, file, ret_error);
	}
	return -EINVAL;
}

int wa_config_load_string(const char *source, size_t len, const char *name, struct wa_config *c,
			  char **ret_error)
{
	char chunk_name[256];
	lua_State *L;
	int r;

	*ret_error = NULL;
	L = wa_lua_new(CONFIG_LUA_MAX_BYTES);
	if (!L)
		return -ENOMEM;
	lua_newtable(L); /* the sandbox: the file's globals end up here */
	snprintf(chunk_name, sizeof(chunk_name), "=%s", name);
	r = wa_lua_load(L, source, len, chunk_name, -1);
	if (r == 0)
		r = wa_lua_call(L, 0, 0, CONFIG_MAX_INSTRUCTIONS);
	if (r < 0) {
		const char *msg = lua_tostring(L, -1);

		*ret_error = format_error(name, "%s",
					  r == -E2BIG ? "evaluation did not finish (endless loop?)"
					  : msg       ? msg
						      : "evaluation failed");
		goto out;
	}
	lua_pushnil(L);
	while (lua_next(L, 1)) {
		const struct key *k = NULL;

		if (lua_type(L, -2) == LUA_TSTRING)
			k = find_key(lua_tostring(L, -2));
		if (!k) {
			*ret_error = format_error(
				name, "unknown key '%s'",
				lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?");
			r = -EINVAL;
			goto out;
		}
		r = apply_key(L, k, c, name, ret_error);
		if (r < 0)
			goto out;
		lua_pop(L, 1);
	}
out:
	if (r == -ENOMEM && !*ret_error)
		*ret_error = format_error(name, "out of memory");
	wa_lua_free(L);
	return r;
}

int wa_config_load(const char *path, struct wa_config *c, char **ret_error)
{
	struct stat st;
	char *text = NULL;
	ssize_t n;
	int fd, r;

	*ret_error = NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		r = -errno;
		*ret_error = format_error(path, "%s", wa_strerror(r));
		return r;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > CONFIG_MAX_BYTES) {
		*ret_error = format_error(path, "not a regular file of at most %d bytes",
					  CONFIG_MAX_BYTES);
		r = -EINVAL;
		goto out;
	}
	text = malloc((size_t)st.st_size + 1);
	if (!text) {
		r = -ENOMEM;
		goto out;
	}
	n = read(fd, text, (size_t)st.st_size);
	if (n < 0) {
		r = -errno;
		*ret_error = format_error(path, "%s", wa_strerror(r));
		goto out;
	}
	r = wa_config_load_string(text, (size_t)n, path, c, ret_error);
	if (r == 0)
		r = wa_config_set_path(&c->path, path);
out:
	free(text);
	close(fd);
	return r;
}
