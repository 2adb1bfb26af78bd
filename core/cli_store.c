/* SPDX-License-Identifier: MIT */
/*
 * What the commands over the store share: their options (where the store
 * is, the filters, the output form) and opening the store the daemon writes.
 */
#include "cli_store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "banned.h"

int wa_cli_parse_store_options(int argc, char **argv, const char *command, const char *allowed,
			       struct wa_store_options *o)
{
	static const struct option options[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "spool", required_argument, NULL, 's' },
		{ "state", required_argument, NULL, 'S' },
		{ "db", required_argument, NULL, 'd' },
		{ "json", no_argument, NULL, 'j' },
		{ "tag", required_argument, NULL, 't' },
		{ "entity", required_argument, NULL, 'e' },
		{ "outlet", required_argument, NULL, 'o' },
		{ "lang", required_argument, NULL, 'l' },
		{ "since", required_argument, NULL, 'F' },
		{ "until", required_argument, NULL, 'U' },
		{ "duplicates-of", required_argument, NULL, 'D' },
		{ "limit", required_argument, NULL, 'n' },
		{ "by", required_argument, NULL, 'b' },
		{ "field", required_argument, NULL, 'f' },
		{ "apply", no_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	const char *error;
	int opt;

	while ((opt = getopt_long(argc, argv, "c:s:d:jt:e:o:l:n:b:f:ah", options, NULL)) != -1) {
		if (opt != 'h' && opt != '?' && !strchr(allowed, opt)) {
			const struct option *known = options;

			while (known->name && known->val != opt)
				known++;
			fprintf(stderr, "warta %s: --%s is not an option of this command\n",
				command, known->name ? known->name : "?");
			return WA_EXIT_USAGE;
		}
		switch (opt) {
		case 'c':
			o->overrides.config_path = optarg;
			break;
		case 's':
			o->overrides.spool_dir = optarg;
			break;
		case 'S':
			o->overrides.state_dir = optarg;
			break;
		case 'd':
			o->db = optarg;
			break;
		case 'j':
			o->json = true;
			break;
		case 't':
		case 'e':
		case 'f': {
			const char **list = opt == 't'   ? o->query.tags
					    : opt == 'e' ? o->query.entities
							 : o->fields;
			size_t *n = opt == 't'   ? &o->query.n_tags
				    : opt == 'e' ? &o->query.n_entities
						 : &o->n_fields;
			size_t max =
				opt == 'f' ? WA_STORE_OPTIONS_MAX_FIELDS : WA_QUERY_MAX_FILTERS;

			if (*n == max) {
				fprintf(stderr, "warta %s: too many --%s\n", command,
					opt == 't'   ? "tag"
					: opt == 'e' ? "entity"
						     : "field");
				return WA_EXIT_USAGE;
			}
			list[(*n)++] = optarg;
			break;
		}
		case 'o':
			o->query.outlet = optarg;
			break;
		case 'l':
			o->query.lang = optarg;
			break;
		case 'F':
			o->query.since = optarg;
			break;
		case 'U':
			o->query.until = optarg;
			break;
		case 'D':
			o->query.duplicates_of = optarg;
			break;
		case 'n':
			o->query.limit = strtol(optarg, NULL, 10);
			if (o->query.limit <= 0) {
				fprintf(stderr, "warta %s: --limit wants a positive number\n",
					command);
				return WA_EXIT_USAGE;
			}
			break;
		case 'b':
			o->by = optarg;
			break;
		case 'a':
			o->apply = true;
			break;
		case 'h':
			fputs(wa_cli_help(command), stdout);
			return -1;
		default:
			return WA_EXIT_USAGE;
		}
	}
	error = wa_query_check(&o->query);
	if (error) {
		fprintf(stderr, "warta %s: %s\n", command, error);
		return WA_EXIT_USAGE;
	}
	return WA_EXIT_OK;
}

int wa_cli_open_store(const struct wa_cli_overrides *overrides, const char *db, unsigned flags,
		      struct wa_store **ret_store)
{
	struct wa_config config;
	char path[4096], *error = NULL;
	int r;

	if (!db) {
		r = wa_cli_load_config(overrides, &config);
		if (r != WA_EXIT_OK)
			return r;
		snprintf(path, sizeof(path), "%s/%s", config.state_dir, WA_STORE_FILE);
		wa_config_fini(&config);
		db = path;
	}
	if ((flags & WA_STORE_READ_ONLY) && access(db, F_OK) < 0) {
		fprintf(stderr,
			"warta: no store at '%s' (has the daemon stored anything yet? "
			"--db PATH names another)\n",
			db);
		return WA_EXIT_FAILURE;
	}
	r = wa_store_open(db, flags, ret_store, &error);
	if (r < 0) {
		fprintf(stderr, "warta: %s\n", error ? error : wa_strerror(r));
		free(error);
		return WA_EXIT_FAILURE;
	}
	return WA_EXIT_OK;
}
