/* SPDX-License-Identifier: MIT */
/*
 * Plugin instances: the configured pipeline.
 *
 * Options are checked here, against the plugin's own table, before init()
 * runs, so a plugin never sees an unknown key or a value of the wrong type.
 * String values are copied and owned by the instance until fini().
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"
#include "plugin.h"

const char *wa_plugin_ctx_name(const struct wa_plugin_ctx *ctx)
{
	return ctx->plugin->name;
}

const void *wa_plugin_ctx_config(const struct wa_plugin_ctx *ctx)
{
	return ctx->config;
}

const char *wa_plugin_ctx_spool_dir(const struct wa_plugin_ctx *ctx)
{
	return ctx->spool_dir;
}

bool wa_plugin_ctx_persists(const struct wa_plugin_ctx *ctx)
{
	return ctx->persists;
}

const char *wa_plugin_ctx_state_dir(const struct wa_plugin_ctx *ctx)
{
	return ctx->state_dir;
}

bool wa_plugin_ctx_durable(const struct wa_plugin_ctx *ctx)
{
	return ctx->durable;
}

void wa_plugin_log(const struct wa_plugin_ctx *ctx, enum wa_log_level level, const char *fmt, ...)
{
	char prefix[128];
	va_list ap;

	snprintf(prefix, sizeof(prefix), "[plugin:%s] ", ctx->plugin->name);
	va_start(ap, fmt);
	wa_logv(level, prefix, fmt, ap);
	va_end(ap);
}

static void ctx_free(struct wa_plugin_ctx *ctx)
{
	if (!ctx)
		return;
	if (ctx->initialized && ctx->plugin->fini)
		ctx->plugin->fini(ctx->state);
	for (size_t i = 0; i < ctx->n_strings; i++)
		free(ctx->strings[i]);
	free(ctx->strings);
	free(ctx->config);
	free(ctx->spool_dir);
	free(ctx->state_dir);
	free(ctx->data_dir);
	free(ctx);
}

static char *option_error(const char *plugin, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static char *option_error(const char *plugin, const char *fmt, ...)
{
	char msg[512];
	int n = snprintf(msg, sizeof(msg), "plugin '%s': ", plugin);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	return strdup(msg);
}

static int store_string(struct wa_plugin_ctx *ctx, const struct wa_option *o, const char *value)
{
	char **strings, *copy = strdup(value ? value : "");

	strings = copy ? realloc(ctx->strings, (ctx->n_strings + 1) * sizeof(*strings)) : NULL;
	if (!strings) {
		free(copy);
		return -ENOMEM;
	}
	ctx->strings = strings;
	strings[ctx->n_strings++] = copy;
	*(const char **)((char *)ctx->config + o->offset) = copy;
	return 0;
}

/* Writes one option, from the configured value or else its default. */
static int apply_option(struct wa_plugin_ctx *ctx, const struct wa_option *o,
			const struct wa_config_value *v, char **ret_error)
{
	char *field = (char *)ctx->config + o->offset;
	const char *name = ctx->plugin->name;
	const char *def = o->default_value;

	switch (o->type) {
	case WA_OPTION_STRING:
		if (v && v->type != WA_CONFIG_STRING)
			goto wrong_type;
		return store_string(ctx, o, v ? v->string : def);
	case WA_OPTION_INT:
		if (v && (v->type != WA_CONFIG_NUMBER || v->number != floor(v->number)))
			goto wrong_type;
		*(int64_t *)field = v ? (int64_t)v->number : def ? strtoll(def, NULL, 10) : 0;
		return 0;
	case WA_OPTION_DOUBLE:
		if (v && v->type != WA_CONFIG_NUMBER)
			goto wrong_type;
		*(double *)field = v ? v->number : def ? strtod(def, NULL) : 0.0;
		return 0;
	case WA_OPTION_BOOL:
		if (v && v->type != WA_CONFIG_BOOL)
			goto wrong_type;
		*(bool *)field = v ? v->boolean : def && strcmp(def, "true") == 0;
		return 0;
	}
wrong_type:
	*ret_error = option_error(name, "option '%s' must be %s", o->key,
				  o->type == WA_OPTION_STRING ? "a string"
				  : o->type == WA_OPTION_BOOL ? "a boolean"
				  : o->type == WA_OPTION_INT  ? "an integer"
							      : "a number");
	return -EINVAL;
}

static const struct wa_option *find_option(const struct wa_plugin *p, const char *key)
{
	for (const struct wa_option *o = p->options; o && o->key; o++) {
		if (strcmp(o->key, key) == 0)
			return o;
	}
	return NULL;
}

static const struct wa_config_value *find_value(const struct wa_config_plugin *cp, const char *key)
{
	for (size_t i = 0; cp && i < cp->n_options; i++) {
		if (strcmp(cp->options[i].key, key) == 0)
			return &cp->options[i];
	}
	return NULL;
}

static int ctx_new(const struct wa_plugin *p, const struct wa_config_plugin *cp,
		   const struct wa_config *config, enum wa_plugin_set_flags flags,
		   struct wa_plugin_ctx **ret_ctx, char **ret_error)
{
	struct wa_plugin_ctx *ctx = calloc(1, sizeof(*ctx));
	int r = -ENOMEM;

	if (!ctx)
		return -ENOMEM;
	ctx->plugin = p;
	ctx->spool_dir = strdup(config->spool_dir);
	ctx->state_dir = strdup(config->state_dir ? config->state_dir : "");
	ctx->data_dir = config->data_dir ? strdup(config->data_dir) : NULL;
	if (!ctx->spool_dir || !ctx->state_dir || (config->data_dir && !ctx->data_dir))
		goto fail;
	ctx->durable = config->durability == WA_DURABILITY_FULL;
	ctx->persists = !(flags & WA_PLUGIN_SET_DRY_RUN);
	if (p->config_size) {
		ctx->config = calloc(1, p->config_size);
		if (!ctx->config)
			goto fail;
	}
	for (size_t i = 0; cp && i < cp->n_options; i++) {
		if (!find_option(p, cp->options[i].key)) {
			*ret_error =
				option_error(p->name, "unknown option '%s'", cp->options[i].key);
			r = -EINVAL;
			goto fail;
		}
	}
	for (const struct wa_option *o = p->options; o && o->key; o++) {
		r = apply_option(ctx, o, find_value(cp, o->key), ret_error);
		if (r < 0)
			goto fail;
	}
	if ((flags & WA_PLUGIN_SET_VALIDATE_ONLY) ||
	    (p->kind == WA_PLUGIN_OUTPUT && (flags & WA_PLUGIN_SET_VALIDATE_OUTPUTS))) {
		*ret_ctx = ctx;
		return 0;
	}
	if (p->init) {
		r = p->init(ctx, &ctx->state);
		if (r < 0) {
			*ret_error =
				option_error(p->name, "initialisation failed: %s", wa_strerror(r));
			goto fail;
		}
	}
	ctx->initialized = true;
	*ret_ctx = ctx;
	return 0;
fail:
	ctx_free(ctx);
	return r;
}

static int set_add(struct wa_plugin_set *set, struct wa_plugin_ctx *ctx)
{
	struct wa_plugin_ctx ***list, **grown;
	size_t *n;

	switch (ctx->plugin->kind) {
	case WA_PLUGIN_INGEST:
		list = &set->ingest, n = &set->n_ingest;
		break;
	case WA_PLUGIN_ANALYZE:
		list = &set->analyze, n = &set->n_analyze;
		break;
	default:
		list = &set->output, n = &set->n_output;
		break;
	}
	grown = realloc(*list, (*n + 1) * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	*list = grown;
	grown[(*n)++] = ctx;
	return 0;
}

static int add_plugin(struct wa_plugin_set *set, const struct wa_plugin *p,
		      const struct wa_config_plugin *cp, const struct wa_config *config,
		      enum wa_plugin_set_flags flags, char **ret_error)
{
	struct wa_plugin_ctx *ctx = NULL;
	int r;

	r = ctx_new(p, cp, config, flags, &ctx, ret_error);
	if (r < 0)
		return r;
	r = set_add(set, ctx);
	if (r < 0)
		ctx_free(ctx);
	return r;
}

static int add_defaults(struct wa_plugin_set *set, const struct wa_plugin_catalog *catalog,
			const struct wa_config *config, enum wa_plugin_set_flags flags,
			char **ret_error)
{
	/* The outbox and the archive; other outputs only when configured. */
	static const char *const default_outputs[] = { "out_files", "out_sqlite" };
	int r = 0;

	for (size_t i = 0; wa_builtin_plugins[i] && r == 0; i++) {
		const struct wa_plugin *p = wa_builtin_plugins[i];

		if (p->kind != WA_PLUGIN_OUTPUT)
			r = add_plugin(set, p, NULL, config, flags, ret_error);
	}
	for (size_t i = 0; i < 2 && r == 0; i++) {
		const struct wa_plugin *p = wa_plugin_catalog_find(catalog, default_outputs[i]);

		if (p)
			r = add_plugin(set, p, NULL, config, flags, ret_error);
	}
	return r;
}

int wa_plugin_set_new(const struct wa_plugin_catalog *catalog, const struct wa_config *config,
		      enum wa_plugin_set_flags flags, struct wa_plugin_set **ret_set,
		      char **ret_error)
{
	struct wa_plugin_set *set = calloc(1, sizeof(*set));
	int r = 0;

	*ret_error = NULL;
	if (!set)
		return -ENOMEM;
	if (!config->has_pipeline)
		r = add_defaults(set, catalog, config, flags, ret_error);
	for (size_t i = 0; r == 0 && i < config->n_pipeline; i++) {
		const struct wa_config_plugin *cp = &config->pipeline[i];
		const struct wa_plugin *p = wa_plugin_catalog_find(catalog, cp->name);

		if (!p) {
			*ret_error = option_error(cp->name, "no such plugin (see 'warta plugins')");
			r = -ENOENT;
			break;
		}
		for (size_t j = 0; j < i && r == 0; j++) {
			if (strcmp(config->pipeline[j].name, cp->name) == 0) {
				*ret_error = option_error(cp->name, "listed twice in 'pipeline'");
				r = -EINVAL;
			}
		}
		if (r == 0)
			r = add_plugin(set, p, cp, config, flags, ret_error);
	}
	if (r == 0 && set->n_ingest == 0) {
		*ret_error = option_error("pipeline",
					  "has no ingest plugin: nothing could read an article");
		r = -EINVAL;
	}
	if (r < 0) {
		if (r == -ENOMEM && !*ret_error)
			*ret_error = strdup("out of memory");
		wa_plugin_set_free(set);
		return r;
	}
	*ret_set = set;
	return 0;
}

void wa_plugin_set_free(struct wa_plugin_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n_ingest; i++)
		ctx_free(set->ingest[i]);
	for (size_t i = 0; i < set->n_analyze; i++)
		ctx_free(set->analyze[i]);
	for (size_t i = 0; i < set->n_output; i++)
		ctx_free(set->output[i]);
	free(set->ingest);
	free(set->analyze);
	free(set->output);
	free(set);
}
