/* SPDX-License-Identifier: MIT */
/*
 * The subcommands of the warta binary, and what they share: exit codes
 * and loading the configuration with command-line overrides.
 */
#ifndef WA_CLI_H
#define WA_CLI_H

#include "config.h"
#include "plugin.h"

enum wa_exit {
	WA_EXIT_OK = 0,
	WA_EXIT_FAILURE = 1, /* a runtime error, or (analyze) some input gave no record */
	WA_EXIT_USAGE = 2,   /* bad command line */
	WA_EXIT_CONFIG = 3,  /* bad configuration */
	/* 4 is WA_EXIT_HUNG: the daemon exited because an article hung the pipeline */
};

/* Settings given on the command line; they override the configuration file. */
struct wa_cli_overrides {
	const char *config_path;
	const char *spool_dir;
	const char *state_dir;
	const char *rules_dir;
};

/*
 * Loads the defaults, then the file (if any), then the overrides, and
 * resolves derived settings. Prints the error and returns WA_EXIT_CONFIG
 * on failure; config is then finalised.
 */
int wa_cli_load_config(const struct wa_cli_overrides *overrides, struct wa_config *config);

/*
 * Lists the plugins and instantiates the configured pipeline, logging what
 * went wrong. Caller owns both results (the set before the catalog).
 */
int wa_cli_build_plugins(const struct wa_config *config, enum wa_plugin_set_flags flags,
			 struct wa_plugin_catalog **ret_catalog, struct wa_plugin_set **ret_set);

/*
 * Loads the rule set of config->rules_dir, logging every problem. Without
 * `required`, a missing directory is a warning and *ret_rules is NULL.
 */
struct wa_rules;
struct wa_rules_limits;
int wa_cli_load_rules(const struct wa_config *config, bool required, struct wa_rules **ret_rules);
void wa_cli_rules_limits(const struct wa_config *config, struct wa_rules_limits *limits);

int wa_cmd_daemon(int argc, char **argv);
int wa_cmd_analyze(int argc, char **argv);
int wa_cmd_plugins(int argc, char **argv);
int wa_cmd_config(int argc, char **argv);
int wa_cmd_rules(int argc, char **argv);
int wa_cmd_search(int argc, char **argv);
int wa_cmd_show(int argc, char **argv);
int wa_cmd_stats(int argc, char **argv);
int wa_cmd_export(int argc, char **argv);
int wa_cmd_retro(int argc, char **argv);
int wa_cmd_db(int argc, char **argv);

/* The help text of a command, or NULL. */
const char *wa_cli_help(const char *command);

#endif
