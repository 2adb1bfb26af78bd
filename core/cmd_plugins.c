/* SPDX-License-Identifier: MIT */
/* `warta plugins` and `warta config check`: what is available, and is this configuration valid. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "banned.h"
#include "cli.h"
#include "json.h"

static const char *kind_name(enum wa_plugin_kind kind)
{
	switch (kind) {
	case WA_PLUGIN_INGEST:
		return "ingest";
	case WA_PLUGIN_ANALYZE:
		return "analyze";
	case WA_PLUGIN_OUTPUT:
		return "output";
	}
	return "?";
}

static const char *type_name(enum wa_option_type type)
{
	switch (type) {
	case WA_OPTION_STRING:
		return "string";
	case WA_OPTION_INT:
		return "integer";
	case WA_OPTION_BOOL:
		return "boolean";
	case WA_OPTION_DOUBLE:
		return "number";
	}
	return "?";
}

/* Parses -c FILE for the two commands; returns -1 after printing help or on a usage error. */
static int parse_config_flag(int argc, char **argv, const char *help, struct wa_cli_overrides *o,
			     int *ret_exit)
{
	static const struct option options[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "c:h", options, NULL)) != -1) {
		if (opt == 'c') {
			o->config_path = optarg;
		} else if (opt == 'h') {
			fputs(wa_cli_help(help), stdout);
			*ret_exit = WA_EXIT_OK;
			return -1;
		} else {
			*ret_exit = WA_EXIT_USAGE;
			return -1;
		}
	}
	return 0;
}

int wa_cmd_plugins(int argc, char **argv)
{
	struct wa_cli_overrides overrides = { 0 };
	struct wa_plugin_catalog *catalog;
	struct wa_config config;
	int r, exit_code;

	if (parse_config_flag(argc, argv, "plugins", &overrides, &exit_code) < 0)
		return exit_code;
	r = wa_cli_load_config(&overrides, &config);
	if (r != WA_EXIT_OK)
		return r;
	r = wa_plugin_catalog_new(config.plugin_dir, &catalog);
	if (r < 0) {
		wa_log_error("cannot list plugins: %s", wa_strerror(r));
		wa_config_fini(&config);
		return WA_EXIT_FAILURE;
	}
	for (size_t i = 0; i < wa_plugin_catalog_size(catalog); i++) {
		const struct wa_plugin *p = wa_plugin_catalog_get(catalog, i);

		printf("%-14s %-8s %s\n", p->name, kind_name(p->kind),
		       p->summary ? p->summary : "");
		if (strcmp(wa_plugin_catalog_origin(catalog, i), "built-in") != 0)
			printf("%-14s from %s\n", "", wa_plugin_catalog_origin(catalog, i));
		for (const struct wa_option *o = p->options; o && o->key; o++)
			printf("%-14s   %s (%s, default \"%s\"): %s\n", "", o->key,
			       type_name(o->type), o->default_value ? o->default_value : "",
			       o->help ? o->help : "");
	}
	wa_plugin_catalog_free(catalog);
	wa_config_fini(&config);
	return WA_EXIT_OK;
}

int wa_cmd_config(int argc, char **argv)
{
	struct wa_cli_overrides overrides = { 0 };
	struct wa_plugin_catalog *catalog;
	struct wa_plugin_set *set;
	struct wa_config config;
	int r, exit_code;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(wa_cli_help("config"), stdout);
		return WA_EXIT_OK;
	}
	if (argc < 2 || strcmp(argv[1], "check") != 0) {
		fputs(wa_cli_help("config"), stderr);
		return WA_EXIT_USAGE;
	}
	if (parse_config_flag(argc - 1, argv + 1, "config", &overrides, &exit_code) < 0)
		return exit_code;
	r = wa_cli_load_config(&overrides, &config);
	if (r != WA_EXIT_OK)
		return r;
	wa_json_init();
	if (wa_cli_build_plugins(&config, WA_PLUGIN_SET_VALIDATE_ONLY, &catalog, &set) < 0) {
		wa_config_fini(&config);
		return WA_EXIT_CONFIG;
	}
	printf("%s: ok (%zu ingest, %zu analysis, %zu output plugins)\n",
	       config.path ? config.path : "defaults", set->n_ingest, set->n_analyze,
	       set->n_output);
	wa_plugin_set_free(set);
	wa_plugin_catalog_free(catalog);
	wa_config_fini(&config);
	return WA_EXIT_OK;
}
