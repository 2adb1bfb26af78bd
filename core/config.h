/* SPDX-License-Identifier: MIT */
/*
 * Configuration: etc/warta.conf, a Lua file evaluated in an empty sandbox.
 *
 * Every global the file sets is a key; every key has a default, so an empty
 * or missing file is valid. An unknown key or a value of the wrong type is
 * an error naming the key. The result is a plain struct: nothing else in
 * the daemon touches Lua for configuration.
 */
#ifndef WA_CONFIG_H
#define WA_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warta/log.h"

enum wa_durability {
	WA_DURABILITY_FULL = 0, /* fsync before every step that retires an earlier copy */
	WA_DURABILITY_FAST =
		1, /* leave flushing to the kernel: a crash is safe, a power cut may not be */
};

enum wa_done_action {
	WA_DONE_KEEP = 0,   /* move originals to done/DAY/ */
	WA_DONE_DELETE = 1, /* delete originals once their outputs are durable */
};

enum wa_config_value_type {
	WA_CONFIG_STRING = 1,
	WA_CONFIG_NUMBER = 2,
	WA_CONFIG_BOOL = 3,
};

/* One plugin option as written in the file, before the plugin validates it. */
struct wa_config_value {
	char *key;
	enum wa_config_value_type type;
	char *string;
	double number;
	bool boolean;
};

/* One entry of `pipeline`: a plugin name and its options. */
struct wa_config_plugin {
	char *name;
	struct wa_config_value *options;
	size_t n_options;
};

struct wa_config {
	char *spool_dir;
	char *state_dir; /* default: SPOOL/state */
	char *rules_dir;
	char *plugin_dir; /* external plugins (*.so); NULL for none */
	char *data_dir;   /* overrides of the built-in data files; NULL for none */
	enum wa_durability durability;
	enum wa_done_action done;
	enum wa_log_level log_level;
	int workers;       /* 0: one per core */
	int max_in_flight; /* 0: derived from workers */
	int64_t max_article_bytes;
	int64_t settle_ms; /* a rescanned file must be this old to be claimed */
	int64_t rescan_interval_ms;
	int64_t article_timeout_ms; /* an article running longer hangs the pipeline */
	int64_t max_attempts;       /* crashes or hangs before an article goes to failed/ */
	int64_t shutdown_timeout_ms;
	int64_t batch_max;         /* articles per output commit */
	int64_t seen_window;       /* article ids remembered as recorded; 0: all */
	int64_t retry_interval_ms; /* back-off while the disk is full */
	int64_t rule_instructions; /* per call of a rule's where() */
	int64_t rule_timeout_ms;
	int64_t rule_memory_mb;
	int64_t rule_quarantine_after; /* failures in a row; 0: never */
	bool has_pipeline;             /* false: every built-in plugin in registry order */
	struct wa_config_plugin *pipeline;
	size_t n_pipeline;
	char *path; /* the file this came from, or NULL */
};

/* Fills config with the defaults. Returns -ENOMEM or 0. */
int wa_config_init_defaults(struct wa_config *config);

/*
 * Loads path over the defaults. On failure returns a negative errno and
 * sets *ret_error to a message naming the file and the key (caller frees).
 */
int wa_config_load(const char *path, struct wa_config *config, char **ret_error);
/* The same, from a string (tests, fuzzing); `name` appears in messages. */
int wa_config_load_string(const char *source, size_t len, const char *name,
			  struct wa_config *config, char **ret_error);

/* Replaces a string setting (flags override the file). */
int wa_config_set_path(char **field, const char *value);

/* Fills the defaults that depend on other keys (state_dir from spool_dir). */
int wa_config_resolve(struct wa_config *config);

void wa_config_fini(struct wa_config *config);

#endif
