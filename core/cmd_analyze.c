/* SPDX-License-Identifier: MIT */
/*
 * `warta analyze`: the daemon's pipeline over files named on the command
 * line, records on stdout. For rule writers, scripts and debugging; it
 * never touches a spool, and it follows symlinks the user names.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "banned.h"
#include "cli.h"
#include "json.h"
#include "pipeline.h"
#include "rules/rules.h"

/* Reads all of fd, up to max_bytes; returns -EFBIG past that. */
static int read_input(int fd, int64_t max_bytes, char **ret_data, size_t *ret_len)
{
	size_t len = 0, cap = 65536;
	char *buf = malloc(cap);

	if (!buf)
		return -ENOMEM;
	for (;;) {
		ssize_t n;

		if (len == cap) {
			char *grown = realloc(buf, cap * 2);

			if (!grown) {
				free(buf);
				return -ENOMEM;
			}
			buf = grown;
			cap *= 2;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int r = -errno;

			free(buf);
			return r;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if ((int64_t)len > max_bytes) {
			free(buf);
			return -EFBIG;
		}
	}
	*ret_data = buf;
	*ret_len = len;
	return 0;
}

static int print_records(struct wa_article *article)
{
	struct wa_article *a;

	for (size_t i = 0; (a = wa_pipeline_record(article, i)); i++) {
		size_t len;
		const char *record = wa_article_record(a, &len);

		fwrite(record, 1, len, stdout);
		fputc('\n', stdout);
	}
	return fflush(stdout) == 0 ? 0 : -EIO;
}

/* Returns 0 if the input gave at least one record. */
static int analyze_one(const struct wa_plugin_set *set, struct wa_rules *rules,
		       const struct wa_config *config, const char *path,
		       struct wa_pipeline_timings *timings)
{
	bool is_stdin = strcmp(path, "-") == 0;
	struct wa_article *article;
	char *data = NULL, *copy;
	size_t len = 0;
	int fd, r;

	fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		fprintf(stderr, "warta analyze: '%s': %s\n", path, wa_strerror(-errno));
		return -1;
	}
	r = read_input(fd, config->max_article_bytes, &data, &len);
	if (!is_stdin)
		close(fd);
	if (r < 0) {
		fprintf(stderr, "warta analyze: '%s': %s\n", path,
			r == -EFBIG ? "larger than max_article_bytes" : wa_strerror(r));
		return -1;
	}
	if (len == 0) {
		free(data);
		fprintf(stderr, "warta analyze: '%s': empty\n", path);
		return -1;
	}
	copy = strdup(is_stdin ? "stdin" : path);
	article = copy ? wa_article_new(basename(copy), data, len, NULL, time(NULL)) : NULL;
	free(copy);
	if (!article) {
		if (!copy)
			free(data);
		fprintf(stderr, "warta analyze: out of memory\n");
		return -1;
	}
	r = wa_pipeline_run_timed(set, rules, article, timings); /* timings may be NULL */
	if (r == 0)
		r = print_records(article);
	else if (r == WA_PIPELINE_REJECTED)
		fprintf(stderr, "warta analyze: '%s': %s\n", path, wa_article_rejection(article));
	else if (r == WA_PIPELINE_DROPPED)
		fprintf(stderr, "warta analyze: '%s': dropped by a plugin\n", path);
	else
		fprintf(stderr, "warta analyze: '%s': %s\n", path, wa_strerror(r));
	wa_article_free(article);
	return r == 0 ? 0 : -1;
}

static void print_timing(const char *name, uint64_t ns, uint64_t runs, uint64_t total)
{
	fprintf(stderr, "%-16s %10.1f %6.1f%%\n", name, (double)ns / 1e3 / (double)runs,
		total ? 100.0 * (double)ns / (double)total : 0.0);
}

/*
 * Microseconds per article of each stage, on stderr (stdout carries the
 * records): the mean over the articles (a feed's items each count), with
 * its share of the whole.
 */
static void print_timings(const struct wa_plugin_set *set, const struct wa_pipeline_timings *t)
{
	uint64_t total = t->ingest_ns + t->rules_ns + t->record_ns;

	for (size_t i = 0; i < set->n_analyze; i++)
		total += t->stage_ns[i];
	if (!t->runs)
		return;
	fprintf(stderr, "%-16s %10s %7s\n", "stage", "us/article", "share");
	print_timing("(ingest)", t->ingest_ns, t->runs, total);
	for (size_t i = 0; i < set->n_analyze; i++)
		print_timing(set->analyze[i]->plugin->name, t->stage_ns[i], t->runs, total);
	print_timing("(rules)", t->rules_ns, t->runs, total);
	print_timing("(record)", t->record_ns, t->runs, total);
	print_timing("(total)", total, t->runs, total);
}

int wa_cmd_analyze(int argc, char **argv)
{
	static const struct option options[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "rules", required_argument, NULL, 'r' },
		{ "timings", no_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	struct wa_cli_overrides overrides = { 0 };
	struct wa_plugin_catalog *catalog;
	struct wa_plugin_set *set;
	struct wa_rules *rules;
	struct wa_config config;
	struct wa_pipeline_timings timings = { 0 };
	bool timed = false;
	int opt, r, failures = 0;

	while ((opt = getopt_long(argc, argv, "c:r:th", options, NULL)) != -1) {
		switch (opt) {
		case 'c':
			overrides.config_path = optarg;
			break;
		case 'r':
			overrides.rules_dir = optarg;
			break;
		case 't':
			timed = true;
			break;
		case 'h':
			fputs(wa_cli_help("analyze"), stdout);
			return WA_EXIT_OK;
		default:
			return WA_EXIT_USAGE;
		}
	}
	if (optind == argc) {
		fputs(wa_cli_help("analyze"), stderr);
		return WA_EXIT_USAGE;
	}
	r = wa_cli_load_config(&overrides, &config);
	if (r != WA_EXIT_OK)
		return r;
	wa_log_set_level(config.log_level);
	wa_json_init();
	/* Outputs are not run here, and their init() would create spool files. */
	if (wa_cli_build_plugins(&config, WA_PLUGIN_SET_VALIDATE_OUTPUTS | WA_PLUGIN_SET_DRY_RUN,
				 &catalog, &set) < 0) {
		wa_config_fini(&config);
		return WA_EXIT_CONFIG;
	}
	/* Rules named on the command line must exist; the configured ones may not. */
	if (wa_cli_load_rules(&config, overrides.rules_dir != NULL, &rules) < 0) {
		wa_plugin_set_free(set);
		wa_plugin_catalog_free(catalog);
		wa_config_fini(&config);
		return WA_EXIT_CONFIG;
	}
	/* One slot more than the stages: a pipeline of none still gets memory. */
	if (timed && !(timings.stage_ns = calloc(set->n_analyze + 1, sizeof(*timings.stage_ns))))
		fprintf(stderr, "warta analyze: out of memory: the records come without timings\n");
	for (int i = optind; i < argc; i++)
		failures += analyze_one(set, rules, &config, argv[i],
					timings.stage_ns ? &timings : NULL) < 0;
	if (timings.stage_ns)
		print_timings(set, &timings);
	free(timings.stage_ns);
	wa_rules_unref(rules);
	wa_rules_thread_release();
	wa_plugin_set_free(set);
	wa_plugin_catalog_free(catalog);
	wa_config_fini(&config);
	return failures ? WA_EXIT_FAILURE : WA_EXIT_OK;
}
