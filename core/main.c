/* SPDX-License-Identifier: MIT */
/*
 * warta: git-style dispatch to the subcommands. The only file that knows
 * them all; each lives in its own cmd_*.c (daemon.c for the service).
 */
#include <stdio.h>
#include <string.h>

#include "banned.h"
#include "cli.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
};

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("warta %s\n", WA_VERSION);
	return WA_EXIT_OK;
}

static int cmd_help(int argc, char **argv)
{
	const char *text = wa_cli_help(argc > 1 ? argv[1] : NULL);

	if (!text) {
		fprintf(stderr, "warta: no help for '%s'\n", argv[1]);
		return WA_EXIT_USAGE;
	}
	fputs(text, stdout);
	return WA_EXIT_OK;
}

static const struct command commands[] = {
	{ "daemon", wa_cmd_daemon }, { "analyze", wa_cmd_analyze }, { "plugins", wa_cmd_plugins },
	{ "config", wa_cmd_config }, { "rules", wa_cmd_rules },     { "search", wa_cmd_search },
	{ "show", wa_cmd_show },     { "stats", wa_cmd_stats },     { "export", wa_cmd_export },
	{ "retro", wa_cmd_retro },   { "db", wa_cmd_db },           { "version", cmd_version },
	{ "help", cmd_help },        { "--help", cmd_help },        { "--version", cmd_version },
};

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(wa_cli_help(NULL), stderr);
		return WA_EXIT_USAGE;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	}
	fprintf(stderr, "warta: unknown command '%s' (see 'warta help')\n", argv[1]);
	return WA_EXIT_USAGE;
}
