/* SPDX-License-Identifier: MIT */
/* The options and the store lookup shared by search, show, stats, export, retro and db. */
#ifndef WA_CLI_STORE_H
#define WA_CLI_STORE_H

#include <stdbool.h>

#include "cli.h"
#include "store/query.h"
#include "store/store.h"

#define WA_STORE_OPTIONS_MAX_FIELDS 32

struct wa_store_options {
	struct wa_cli_overrides overrides;               /* -c, --spool, --state */
	const char *db;                                  /* --db */
	bool json;                                       /* --json */
	bool apply;                                      /* --apply (retro) */
	const char *by;                                  /* --by (stats) */
	const char *fields[WA_STORE_OPTIONS_MAX_FIELDS]; /* --field (show) */
	size_t n_fields;
	struct wa_query query; /* --tag --entity --outlet --lang --since --until --limit */
};

/*
 * Parses a store command's options into o. `allowed` lists the short
 * letters of the options this command takes (c s S d j t e o l F U n b f a);
 * any other is a usage error. Returns WA_EXIT_OK, an exit code, or -1 after
 * printing --help.
 */
int wa_cli_parse_store_options(int argc, char **argv, const char *command, const char *allowed,
			       struct wa_store_options *o);

/*
 * Opens the store the daemon writes (STATE/warta.db from the configuration
 * and overrides), or db if given. Prints what went wrong; returns an exit code.
 */
int wa_cli_open_store(const struct wa_cli_overrides *overrides, const char *db, unsigned flags,
		      struct wa_store **ret_store);

#endif
