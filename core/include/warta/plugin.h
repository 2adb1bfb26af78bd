/* SPDX-License-Identifier: MIT */
/*
 * The plugin ABI: one versioned, constant descriptor per plugin.
 *
 * Kinds run in this order for every article: ingest plugins are asked in
 * turn until one accepts the input; analysis plugins run in configured
 * order; the finished record then goes to every output plugin. Built-in
 * plugins register through a table that meson generates; external ones are
 * shared objects exporting `wa_plugin_entry` (WA_PLUGIN_EXPORT).
 *
 * Threads: every process() runs concurrently on worker threads with one
 * shared instance, so its state must be read-only after init() or guarded
 * by the plugin. For outputs, process() stages a record (writes it
 * somewhere not yet visible) and flush(), called from one thread at a
 * time, commits everything staged before the call: afterwards it must be
 * visible and, when wa_plugin_ctx_durable(), on stable storage. Only then
 * does the core retire the input files. A failed flush() keeps what it
 * could not commit for the next one; after a failed process() the core
 * may call process() again for the same record.
 *
 * No libuv, Lua or cJSON type appears here, so those can change freely.
 */
#ifndef WARTA_PLUGIN_H
#define WARTA_PLUGIN_H

#include <stdbool.h>
#include <stdint.h>
#include <warta/article.h>
#include <warta/log.h>
#include <warta/option.h>

#define WA_PLUGIN_ABI_VERSION 1

enum wa_plugin_kind {
	WA_PLUGIN_INGEST = 1,  /* raw inbox file -> article fields */
	WA_PLUGIN_ANALYZE = 2, /* article -> more fields */
	WA_PLUGIN_OUTPUT = 3,  /* finished article -> outbox, store, alerts */
};

/* Non-error results of process(); errors are negative errno. */
enum wa_plugin_status {
	WA_PLUGIN_OK = 0,       /* continue the pipeline */
	WA_PLUGIN_DECLINED = 1, /* not mine (ingest: unknown format) */
	WA_PLUGIN_DROP = 2,     /* discard the article; not an error */
};

/* What the host tells an instance about its surroundings; valid until fini(). */
struct wa_plugin_ctx;

const char *wa_plugin_ctx_name(const struct wa_plugin_ctx *ctx);
/* The plugin's config struct, filled from its options; NULL if config_size is 0. */
const void *wa_plugin_ctx_config(const struct wa_plugin_ctx *ctx);
/* The spool directory (holding inbox/, outbox/, ...) and the state directory. */
const char *wa_plugin_ctx_spool_dir(const struct wa_plugin_ctx *ctx);
const char *wa_plugin_ctx_state_dir(const struct wa_plugin_ctx *ctx);
/*
 * Reads the data file `name` ("boilerplate.txt"): the copy in the
 * configured data_dir when there is one, else the one built into warta.
 * An override replaces the built-in file whole, so analysts can both add
 * and remove entries. On success *ret_text is a NUL-terminated copy
 * (caller frees) and *ret_origin (may be NULL) says where it came from
 * ("built-in" or the data_dir; valid until fini()). -ENOENT when neither exists.
 */
int wa_plugin_data_read(const struct wa_plugin_ctx *ctx, const char *name, char **ret_text,
			size_t *ret_len, const char **ret_origin);
/*
 * False in dry runs (`warta analyze`, `warta rules test`): the instance may
 * read what it learnt from earlier articles in the state directory (the
 * near-duplicate index, keyword frequencies) but must not add to it.
 */
bool wa_plugin_ctx_persists(const struct wa_plugin_ctx *ctx);
/* True when durability = "full": flush() must reach stable storage. */
bool wa_plugin_ctx_durable(const struct wa_plugin_ctx *ctx);
/* Logs with a "[plugin:NAME]" prefix. */
void wa_plugin_log(const struct wa_plugin_ctx *ctx, enum wa_log_level level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

struct wa_plugin {
	uint32_t abi_version; /* WA_PLUGIN_ABI_VERSION when built */
	uint32_t size;        /* sizeof(struct wa_plugin) when built */
	const char *name;     /* unique [a-z0-9_]+; used in config and logs */
	const char *summary;  /* one line, for `warta plugins` */
	enum wa_plugin_kind kind;
	const struct wa_option *options; /* {0}-terminated, or NULL */
	size_t config_size;              /* size of the struct options are written into */

	/* Called once per configured instance. On failure, clean up and leave *ret_state alone. */
	int (*init)(const struct wa_plugin_ctx *ctx, void **ret_state);
	/* Borrows article for the call only. Returns enum wa_plugin_status or -errno. */
	int (*process)(void *state, struct wa_article *article);
	/* Outputs only (NULL otherwise): commit the batch processed since the last flush. */
	int (*flush)(void *state);
	/* Called only if init() returned 0. */
	void (*fini)(void *state);
	/* ABI 1 ends here. Append only, and bump WA_PLUGIN_ABI_VERSION. */
};

#define WA_PLUGIN_DEFINE(id) const struct wa_plugin wa_plugin_##id
/* An external plugin's single exported symbol. */
#define WA_PLUGIN_EXPORT \
	__attribute__((visibility("default"))) const struct wa_plugin wa_plugin_entry

#endif
