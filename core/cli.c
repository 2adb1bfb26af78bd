/* SPDX-License-Identifier: MIT */
/* What the subcommands share: configuration loading and help texts. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "banned.h"
#include "rules/rules.h"

int wa_cli_load_config(const struct wa_cli_overrides *o, struct wa_config *config)
{
	char *error = NULL;
	int r;

	r = wa_config_init_defaults(config);
	if (r == 0 && o->config_path)
		r = wa_config_load(o->config_path, config, &error);
	if (r == 0 && o->spool_dir)
		r = wa_config_set_path(&config->spool_dir, o->spool_dir);
	if (r == 0 && o->state_dir)
		r = wa_config_set_path(&config->state_dir, o->state_dir);
	if (r == 0 && o->rules_dir)
		r = wa_config_set_path(&config->rules_dir, o->rules_dir);
	if (r == 0)
		r = wa_config_resolve(config);
	if (r < 0) {
		wa_log_error("%s", error ? error : wa_strerror(r));
		free(error);
		wa_config_fini(config);
		return WA_EXIT_CONFIG;
	}
	return WA_EXIT_OK;
}

int wa_cli_build_plugins(const struct wa_config *config, enum wa_plugin_set_flags flags,
			 struct wa_plugin_catalog **ret_catalog, struct wa_plugin_set **ret_set)
{
	struct wa_plugin_catalog *catalog = NULL;
	char *error = NULL;
	int r;

	r = wa_plugin_catalog_new(config->plugin_dir, &catalog);
	if (r < 0) {
		wa_log_error("cannot list plugins: %s", wa_strerror(r));
		return r;
	}
	r = wa_plugin_set_new(catalog, config, flags, ret_set, &error);
	if (r < 0) {
		wa_log_error("%s%s%s", config->path ? config->path : "", config->path ? ": " : "",
			     error ? error : wa_strerror(r));
		free(error);
		wa_plugin_catalog_free(catalog);
		return r;
	}
	*ret_catalog = catalog;
	return 0;
}

void wa_cli_rules_limits(const struct wa_config *config, struct wa_rules_limits *limits)
{
	limits->max_instructions = (long)config->rule_instructions;
	limits->timeout_ms = config->rule_timeout_ms;
	limits->max_bytes = (size_t)config->rule_memory_mb << 20;
	limits->quarantine_after = (unsigned)config->rule_quarantine_after;
}

int wa_cli_load_rules(const struct wa_config *config, bool required, struct wa_rules **ret_rules)
{
	struct wa_rules_report report = { 0 };
	struct wa_rules_limits limits;
	struct stat st;
	int r;

	*ret_rules = NULL;
	if (!required && stat(config->rules_dir, &st) < 0 && errno == ENOENT) {
		wa_log_warning("no rules directory '%s': articles get no tags", config->rules_dir);
		return 0;
	}
	wa_cli_rules_limits(config, &limits);
	r = wa_rules_load(config->rules_dir, &limits, ret_rules, &report);
	for (size_t i = 0; i < report.n_lines; i++)
		wa_log_error("%s", report.lines[i]);
	wa_rules_report_fini(&report);
	if (r < 0)
		wa_log_error("the rules in '%s' do not load%s%s", config->rules_dir,
			     r == -EINVAL ? "" : ": ", r == -EINVAL ? "" : wa_strerror(r));
	return r;
}

static const char help_main[] =
	"usage: warta COMMAND [ARGS]\n"
	"\n"
	"News-article analysis daemon: files dropped into SPOOL/inbox come out as\n"
	"one JSON record each in SPOOL/outbox.\n"
	"\n"
	"commands:\n"
	"  daemon [-c FILE] [--spool DIR] [--state DIR] [--rules DIR]\n"
	"                                                 run the service\n"
	"  analyze [-c FILE] [--rules DIR] [--timings] FILE... | -\n"
	"                                                 run the pipeline once, records on stdout\n"
	"  rules check|test|stats [DIR]                   compile rules, run their examples, show hit counts\n"
	"  search [QUERY] [FILTERS]                       full-text search of the stored articles\n"
	"  show ID [--field F]...                         one stored record\n"
	"  stats [--by tag|entity|outlet|day|lang] [FILTERS]  counts of the stored articles\n"
	"  export [FILTERS]                               stored records as JSON Lines\n"
	"  retro RULES [FILTERS] [--apply]                run rules over the stored articles\n"
	"  db check|vacuum|import FILE                    store maintenance\n"
	"  plugins [-c FILE]                              list the available plugins and their options\n"
	"  config check [-c FILE]                         validate a configuration file\n"
	"  version                                        print the version\n"
	"  help [COMMAND]                                 this text, or a command's\n"
	"\n"
	"exit codes:\n"
	"  0  success\n"
	"  1  runtime error (analyze: some input gave no record)\n"
	"  2  bad command line\n"
	"  3  bad configuration\n"
	"  4  daemon: an article hung the pipeline; restart to retry it alone\n";

static const char help_daemon[] =
	"usage: warta daemon [-c FILE] [--spool DIR] [--state DIR] [--rules DIR]\n"
	"\n"
	"Watches SPOOL/inbox and turns every file into one record. A file counts\n"
	"once it is closed after writing or renamed in; names starting with '.' or\n"
	"ending in .tmp, .part, .crdownload or ~ are left alone until renamed.\n"
	"Processed originals go to SPOOL/done/YYYY-MM-DD/, refused ones to\n"
	"SPOOL/failed/ beside NAME.error.json.\n"
	"\n"
	"  -c, --config FILE   configuration file (Lua; see etc/warta.conf)\n"
	"  -s, --spool DIR     spool directory (overrides 'spool')\n"
	"      --state DIR     state directory (overrides 'state_dir')\n"
	"  -r, --rules DIR     rules directory (overrides 'rules')\n"
	"\n"
	"signals: TERM/INT finish what is in flight and exit 0; HUP reloads the\n"
	"configuration and the rules (a broken one is reported and the running one\n"
	"stays). The rules directory is also watched: saving a rule file reloads it.\n"
	"\n"
	"exit codes: 0 stopped, 1 runtime error, 2 usage, 3 configuration,\n"
	"4 an article hung the pipeline (restart: it is retried alone).\n";

static const char help_analyze[] =
	"usage: warta analyze [-c FILE] [--rules DIR] [--timings] FILE... | -\n"
	"\n"
	"Runs the configured ingest and analysis plugins and the rules over each\n"
	"file ('-' is standard input) and prints one JSON record per line on\n"
	"stdout. No spool is used and no output plugin runs. Inputs that give no\n"
	"record are reported on stderr.\n"
	"\n"
	"  -c, --config FILE   configuration file\n"
	"  -r, --rules DIR     rules directory (default: 'rules' of the configuration,\n"
	"                      if it exists)\n"
	"  -t, --timings       after the records, the time each stage took per article\n"
	"                      (microseconds, and its share) on stderr\n"
	"\n"
	"exit codes: 0 every input gave a record, 1 some did not, 2 usage,\n"
	"3 configuration.\n";

static const char help_plugins[] =
	"usage: warta plugins [-c FILE]\n"
	"\n"
	"Lists the built-in plugins and those in 'plugin_dir', with their kind,\n"
	"origin and options. A shared object that is not a valid warta plugin of\n"
	"this ABI version is reported and skipped.\n";

static const char help_config[] =
	"usage: warta config check [-c FILE]\n"
	"\n"
	"Loads the configuration and instantiates its pipeline exactly as the\n"
	"daemon would, without touching a spool. Exit code 0 if valid, 3 if not,\n"
	"with the offending key named.\n";

static const char help_rules[] =
	"usage: warta rules check [-c FILE] [DIR]\n"
	"       warta rules test [-c FILE] [-v] [DIR]\n"
	"       warta rules stats [-c FILE] [--state DIR]\n"
	"\n"
	"check  compiles every *.lua file of DIR (default: 'rules' of the\n"
	"       configuration) and reports every problem as FILE:LINE: message.\n"
	"test   runs each example DIR/tests/NAME.* (any article file) through the\n"
	"       whole pipeline and compares its tags with DIR/tests/NAME.expect:\n"
	"       one tag per line that must fire, '!tag' for one that must not.\n"
	"       Prints a line per case, then precision and recall per tag.\n"
	"stats  shows the running daemon's per-rule hits, errors and times\n"
	"       (from STATE/rules-stats.json, refreshed every few seconds).\n"
	"\n"
	"exit codes: 0 ok, 1 a test case failed, 2 usage, 3 the rules do not compile.\n";

#define STORE_OPTIONS                                                                 \
	"the store: -c FILE, --spool DIR or --state DIR find it as the daemon does\n" \
	"(STATE/warta.db); --db PATH names it directly.\n"
#define FILTERS                                                                           \
	"filters (combined with AND):\n"                                                  \
	"  --tag T             tagged T (repeat for more tags)\n"                         \
	"  --entity TYPE:NAME  with that entity (person:Shoigu, country:Belarus or its\n" \
	"                      code country:BY), or TYPE alone\n"                         \
	"  --duplicates-of ID  the near-duplicates of that article (copies, rewrites)\n"  \
	"  --outlet O  --lang L\n"                                                        \
	"  --since YYYY-MM-DD  --until YYYY-MM-DD   by date published (else received)\n"

static const char help_search[] =
	"usage: warta search [QUERY] [FILTERS] [--limit N] [--json]\n"
	"\n"
	"QUERY is FTS5 syntax over title and text: words (AND), OR, NOT, \"a phrase\",\n"
	"NEAR(a b, 10), prefix* . Words match whatever their form: latihan finds\n"
	"berlatih and melatih; case and accents do not matter. Results are ranked\n"
	"(title words count more; among the newest 300 matches, so that a common\n"
	"word stays fast over millions of articles), with the matching passage;\n"
	"without QUERY, the newest first. Default limit 20.\n"
	"\n" FILTERS "\n" STORE_OPTIONS;

static const char help_show[] = "usage: warta show ID [--field F]... [--json]\n"
				"\n"
				"Prints a stored record (ID may be abbreviated), or the chosen\n"
				"fields (dotted paths: title, tags, source.file).\n"
				"\n" STORE_OPTIONS;

static const char help_stats[] =
	"usage: warta stats [--by tag|entity|outlet|day|lang] [FILTERS] [--json]\n"
	"\n"
	"Counts stored articles by tag (default), entity, outlet, language or day\n"
	"(with a bar chart).\n"
	"\n" FILTERS "\n" STORE_OPTIONS;

static const char help_export[] = "usage: warta export [QUERY] [FILTERS] > FILE.jsonl\n"
				  "\n"
				  "Stored records as JSON Lines, oldest first (warta db import\n"
				  "reads them back).\n"
				  "\n" FILTERS "\n" STORE_OPTIONS;

static const char help_retro[] =
	"usage: warta retro RULES [FILTERS] [--apply] [--json]\n"
	"\n"
	"Runs RULES (a rule file or a rules directory) over the stored articles and\n"
	"prints those they tag, then counts per tag. The store is not changed\n"
	"unless --apply is given, which writes the new tags into it.\n"
	"\n"
	"filters: --tag T --outlet O --lang L --since D --until D --duplicates-of ID\n"
	"\n" STORE_OPTIONS;

static const char help_db[] =
	"usage: warta db check|vacuum [STORE OPTIONS]\n"
	"       warta db import FILE.jsonl|- [STORE OPTIONS]\n"
	"\n"
	"check   integrity of the database and its search index, with counts\n"
	"vacuum  compact the file and merge the index\n"
	"import  load records (warta export, out_jsonl) into the store\n"
	"\n" STORE_OPTIONS;

const char *wa_cli_help(const char *command)
{
	if (!command)
		return help_main;
	if (strcmp(command, "daemon") == 0)
		return help_daemon;
	if (strcmp(command, "analyze") == 0)
		return help_analyze;
	if (strcmp(command, "plugins") == 0)
		return help_plugins;
	if (strcmp(command, "config") == 0)
		return help_config;
	if (strcmp(command, "rules") == 0)
		return help_rules;
	if (strcmp(command, "search") == 0)
		return help_search;
	if (strcmp(command, "show") == 0)
		return help_show;
	if (strcmp(command, "stats") == 0)
		return help_stats;
	if (strcmp(command, "export") == 0)
		return help_export;
	if (strcmp(command, "retro") == 0)
		return help_retro;
	if (strcmp(command, "db") == 0)
		return help_db;
	return NULL;
}
