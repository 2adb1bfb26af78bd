/* SPDX-License-Identifier: MIT */
/*
 * `warta rules check|test|stats`: the rule writer's tools.
 *
 * `test` runs the same pipeline as the daemon (configured ingest and
 * analysis plugins, then the rules) over example articles kept next to the
 * rules, so a rule pack carries its own regression suite.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
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
#include "rules/rule_reload.h"
#include "rules/rules.h"

#define MAX_EXAMPLE_BYTES (16 << 20)
#define MAX_TAGS          256

struct tag_score {
	char *name;
	unsigned true_pos, false_pos, false_neg;
};

struct scores {
	struct tag_score *tags;
	size_t n_tags;
};

static struct tag_score *score_of(struct scores *s, const char *name)
{
	struct tag_score *grown;

	for (size_t i = 0; i < s->n_tags; i++)
		if (strcmp(s->tags[i].name, name) == 0)
			return &s->tags[i];
	grown = realloc(s->tags, (s->n_tags + 1) * sizeof(*grown));
	if (!grown)
		return NULL;
	s->tags = grown;
	grown[s->n_tags] = (struct tag_score){ .name = strdup(name) };
	if (!grown[s->n_tags].name)
		return NULL;
	return &grown[s->n_tags++];
}

static int read_file(int dir_fd, const char *name, char **ret_data, size_t *ret_len)
{
	int fd = openat(dir_fd, name, O_RDONLY | O_CLOEXEC);
	size_t len = 0, cap = 65536;
	char *data;

	if (fd < 0)
		return -errno;
	data = malloc(cap + 1);
	for (;;) {
		ssize_t n;

		if (!data) {
			close(fd);
			return -ENOMEM;
		}
		if (len == cap) {
			char *grown = cap < MAX_EXAMPLE_BYTES ? realloc(data, 2 * cap + 1) : NULL;

			if (!grown) {
				free(data);
				close(fd);
				return cap < MAX_EXAMPLE_BYTES ? -ENOMEM : -EFBIG;
			}
			data = grown;
			cap *= 2;
		}
		n = read(fd, data + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	data[len] = '\0';
	*ret_data = data;
	*ret_len = len;
	return 0;
}

/* The tag names the record carries. */
static size_t fired_tags(const struct wa_article *a, const char **names, size_t max)
{
	const cJSON *tag;
	size_t n = 0;

	cJSON_ArrayForEach(tag, wa_article_field(a, "tags"))
	{
		const char *name = wa_json_get_string(tag, "name");

		if (name && n < max)
			names[n++] = name;
	}
	return n;
}

static bool contains(const char **names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

struct expectation {
	const char *must[MAX_TAGS];
	size_t n_must;
	const char *must_not[MAX_TAGS];
	size_t n_must_not;
};

/* NAME.expect: a tag per line that must fire, "!tag" for one that must not, '#' comments. */
static void parse_expect(char *text, struct expectation *e)
{
	for (char *line = text, *next; line; line = next) {
		char *end;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		end = line + strlen(line);
		while (end > line && strchr(" \t\r", end[-1]))
			*--end = '\0';
		if (*line == '\0' || *line == '#')
			continue;
		if (*line == '!' && e->n_must_not < MAX_TAGS)
			e->must_not[e->n_must_not++] = line + 1;
		else if (*line != '!' && e->n_must < MAX_TAGS)
			e->must[e->n_must++] = line;
	}
}

/* Returns 1 if the case passed, 0 if it failed, -ENOMEM. */
static int run_case(const struct wa_plugin_set *set, struct wa_rules *rules, int tests_fd,
		    const char *name, const char *article_file, bool verbose, struct scores *sc)
{
	struct expectation e = { 0 };
	char expect_name[512], *expect = NULL, *data = NULL;
	const char *fired[MAX_TAGS];
	struct wa_article *a, *record;
	size_t len, n_fired = 0;
	bool pass = true;
	int r;

	snprintf(expect_name, sizeof(expect_name), "%s.expect", name);
	r = read_file(tests_fd, expect_name, &expect, &len);
	if (r == 0)
		r = read_file(tests_fd, article_file, &data, &len);
	if (r < 0) {
		printf("FAIL %s: %s\n", name, wa_strerror(r));
		free(expect);
		return 0;
	}
	parse_expect(expect, &e);
	a = wa_article_new(article_file, data, len, NULL, time(NULL));
	if (!a) {
		free(expect);
		return -ENOMEM;
	}
	r = wa_pipeline_run(set, rules, a);
	record = r == 0 ? wa_pipeline_record(a, 0) : NULL;
	if (!record) {
		printf("FAIL %s: no record (%s)\n", name,
		       wa_article_rejection(a) ? wa_article_rejection(a) : "dropped");
		wa_article_free(a);
		free(expect);
		return 0;
	}
	n_fired = fired_tags(record, fired, MAX_TAGS);
	for (size_t i = 0; i < e.n_must; i++) {
		struct tag_score *t = score_of(sc, e.must[i]);
		bool hit = contains(fired, n_fired, e.must[i]);

		if (!t)
			goto oom;
		if (hit) {
			t->true_pos++;
			continue;
		}
		t->false_neg++;
		if (pass)
			printf("FAIL %s:", name);
		printf(" missing '%s'", e.must[i]);
		pass = false;
	}
	for (size_t i = 0; i < n_fired; i++) {
		struct tag_score *t;

		if (contains(e.must, e.n_must, fired[i]))
			continue;
		t = score_of(sc, fired[i]);
		if (!t)
			goto oom;
		t->false_pos++;
		if (!contains(e.must_not, e.n_must_not, fired[i]))
			continue; /* not declared either way: counted, not failed */
		if (pass)
			printf("FAIL %s:", name);
		printf(" unwanted '%s'", fired[i]);
		pass = false;
	}
	if (pass)
		printf("PASS %s", name);
	if (verbose || !pass) {
		printf(" (tags:");
		for (size_t i = 0; i < n_fired; i++)
			printf(" %s", fired[i]);
		printf(")");
	}
	printf("\n");
	wa_article_free(a);
	free(expect);
	return pass;
oom:
	wa_article_free(a);
	free(expect);
	return -ENOMEM;
}

/* The article file of case NAME: NAME.<anything but expect>. */
static bool find_article(struct dirent **entries, int n, const char *name, char *out, size_t size)
{
	size_t len = strlen(name);

	for (int i = 0; i < n; i++) {
		const char *f = entries[i]->d_name;

		if (strncmp(f, name, len) == 0 && f[len] == '.' &&
		    strcmp(f + len, ".expect") != 0) {
			snprintf(out, size, "%s", f);
			return true;
		}
	}
	return false;
}

static int is_visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static void print_scores(const struct scores *sc)
{
	printf("\n%-36s %5s %5s %5s %9s %6s\n", "tag", "tp", "fp", "fn", "precision", "recall");
	for (size_t i = 0; i < sc->n_tags; i++) {
		const struct tag_score *t = &sc->tags[i];
		unsigned fired = t->true_pos + t->false_pos, expected = t->true_pos + t->false_neg;

		printf("%-36s %5u %5u %5u ", t->name, t->true_pos, t->false_pos, t->false_neg);
		if (fired)
			printf("%9.2f ", (double)t->true_pos / fired);
		else
			printf("%9s ", "-");
		if (expected)
			printf("%6.2f\n", (double)t->true_pos / expected);
		else
			printf("%6s\n", "-");
	}
}

static int run_tests(const struct wa_config *config, struct wa_rules *rules, bool verbose)
{
	struct wa_plugin_catalog *catalog;
	struct wa_plugin_set *set;
	struct scores sc = { 0 };
	struct dirent **entries;
	char tests_dir[4096];
	unsigned passed = 0, failed = 0;
	int tests_fd, n, r = 0;

	snprintf(tests_dir, sizeof(tests_dir), "%s/tests", config->rules_dir);
	tests_fd = open(tests_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (tests_fd < 0) {
		fprintf(stderr, "warta rules test: no examples: '%s': %s\n", tests_dir,
			wa_strerror(-errno));
		return WA_EXIT_FAILURE;
	}
	n = scandirat(tests_fd, ".", &entries, is_visible, alphasort);
	if (n < 0 ||
	    wa_cli_build_plugins(config, WA_PLUGIN_SET_VALIDATE_OUTPUTS | WA_PLUGIN_SET_DRY_RUN,
				 &catalog, &set) < 0) {
		if (n >= 0) {
			for (int i = 0; i < n; i++)
				free(entries[i]);
			free(entries);
		}
		close(tests_fd);
		return WA_EXIT_CONFIG;
	}
	for (int i = 0; i < n && r >= 0; i++) {
		const char *f = entries[i]->d_name;
		size_t len = strlen(f);
		char name[256], article[512];

		if (len <= 7 || strcmp(f + len - 7, ".expect") != 0 || len - 7 >= sizeof(name))
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)(len - 7), f);
		if (!find_article(entries, n, name, article, sizeof(article))) {
			printf("FAIL %s: no article file %s.* beside %s\n", name, name, f);
			failed++;
			continue;
		}
		r = run_case(set, rules, tests_fd, name, article, verbose, &sc);
		if (r > 0)
			passed++;
		else if (r == 0)
			failed++;
	}
	if (r >= 0 && sc.n_tags > 0)
		print_scores(&sc);
	printf("\n%u passed, %u failed\n", passed, failed);
	for (int i = 0; i < n; i++)
		free(entries[i]);
	free(entries);
	for (size_t i = 0; i < sc.n_tags; i++)
		free(sc.tags[i].name);
	free(sc.tags);
	close(tests_fd);
	wa_plugin_set_free(set);
	wa_plugin_catalog_free(catalog);
	if (r < 0) {
		fprintf(stderr, "warta rules test: %s\n", wa_strerror(r));
		return WA_EXIT_FAILURE;
	}
	if (passed + failed == 0) {
		fprintf(stderr, "warta rules test: no NAME.expect files in '%s'\n", tests_dir);
		return WA_EXIT_FAILURE;
	}
	return failed ? WA_EXIT_FAILURE : WA_EXIT_OK;
}

static int show_stats(const struct wa_config *config)
{
	char path[4096], *text;
	const cJSON *rule;
	cJSON *root;
	size_t len;
	int r;

	snprintf(path, sizeof(path), "%s/%s", config->state_dir, WA_RULES_STATS_FILE);
	r = read_file(AT_FDCWD, path, &text, &len);
	if (r < 0) {
		fprintf(stderr, "warta rules stats: '%s': %s (is the daemon running with rules?)\n",
			path, wa_strerror(r));
		return WA_EXIT_FAILURE;
	}
	r = wa_json_parse(text, len, &root, NULL);
	free(text);
	if (r < 0) {
		fprintf(stderr, "warta rules stats: '%s' is not valid JSON\n", path);
		return WA_EXIT_FAILURE;
	}
	printf("rules %s from '%s'\n\n", wa_json_get_string(root, "version"),
	       wa_json_get_string(root, "dir"));
	printf("%-32s %10s %8s %7s %9s %9s  %s\n", "rule", "hits", "calls", "errors", "mean_us",
	       "max_us", "file");
	cJSON_ArrayForEach(rule, cJSON_GetObjectItemCaseSensitive(root, "rules"))
	{
		const cJSON *q = cJSON_GetObjectItemCaseSensitive(rule, "quarantined");

		printf("%-32s %10.0f %8.0f %7.0f %9.1f %9.1f  %s%s\n",
		       wa_json_get_string(rule, "name"),
		       cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(rule, "hits")),
		       cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(rule, "calls")),
		       cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(rule, "errors")),
		       cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(rule, "mean_us")),
		       cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(rule, "max_us")),
		       wa_json_get_string(rule, "file"), cJSON_IsTrue(q) ? "  QUARANTINED" : "");
	}
	cJSON_Delete(root);
	return WA_EXIT_OK;
}

/* Like wa_cli_load_rules, but problems are plain DIR/FILE:LINE: lines, for editors to jump to. */
static int load_rules(const struct wa_config *config, struct wa_rules **ret_rules)
{
	struct wa_rules_report report = { 0 };
	struct wa_rules_limits limits;
	int r;

	wa_cli_rules_limits(config, &limits);
	r = wa_rules_load(config->rules_dir, &limits, ret_rules, &report);
	for (size_t i = 0; i < report.n_lines; i++) {
		const char *line = report.lines[i];

		/* Lines naming the directory itself already carry its path. */
		if (strncmp(line, config->rules_dir, strlen(config->rules_dir)) == 0)
			fprintf(stderr, "%s\n", line);
		else
			fprintf(stderr, "%s/%s\n", config->rules_dir, line);
	}
	if (r < 0)
		fprintf(stderr, "%s: %zu problem(s); the rules do not load%s%s\n",
			config->rules_dir, report.n_lines, r == -EINVAL ? "" : ": ",
			r == -EINVAL ? "" : wa_strerror(r));
	wa_rules_report_fini(&report);
	return r < 0 ? WA_EXIT_CONFIG : WA_EXIT_OK;
}

int wa_cmd_rules(int argc, char **argv)
{
	static const struct option options[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "state", required_argument, NULL, 'S' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	struct wa_cli_overrides overrides = { 0 };
	struct wa_rules *rules = NULL;
	struct wa_config config;
	const char *action;
	bool verbose = false;
	int opt, r;

	if (argc < 2 || argv[1][0] == '-') {
		fputs(wa_cli_help("rules"), argc < 2 ? stderr : stdout);
		return argc < 2 ? WA_EXIT_USAGE : WA_EXIT_OK;
	}
	action = argv[1];
	argc--;
	argv++;
	while ((opt = getopt_long(argc, argv, "c:vh", options, NULL)) != -1) {
		switch (opt) {
		case 'c':
			overrides.config_path = optarg;
			break;
		case 'S':
			overrides.state_dir = optarg;
			break;
		case 'v':
			verbose = true;
			break;
		case 'h':
			fputs(wa_cli_help("rules"), stdout);
			return WA_EXIT_OK;
		default:
			return WA_EXIT_USAGE;
		}
	}
	if (strcmp(action, "check") != 0 && strcmp(action, "test") != 0 &&
	    strcmp(action, "stats") != 0) {
		fprintf(stderr, "warta rules: unknown action '%s' (check, test or stats)\n",
			action);
		return WA_EXIT_USAGE;
	}
	if (optind < argc)
		overrides.rules_dir = argv[optind++];
	if (optind < argc) {
		fprintf(stderr, "warta rules: unexpected argument '%s'\n", argv[optind]);
		return WA_EXIT_USAGE;
	}
	r = wa_cli_load_config(&overrides, &config);
	if (r != WA_EXIT_OK)
		return r;
	wa_log_set_level(config.log_level);
	wa_json_init();
	if (strcmp(action, "stats") == 0) {
		r = show_stats(&config);
		wa_config_fini(&config);
		return r;
	}
	r = load_rules(&config, &rules);
	if (r != WA_EXIT_OK) {
		wa_config_fini(&config);
		return r;
	}
	if (strcmp(action, "check") == 0) {
		printf("%s: %zu rules, version %s: ok\n", config.rules_dir, wa_rules_count(rules),
		       wa_rules_version(rules));
		r = WA_EXIT_OK;
	} else {
		r = run_tests(&config, rules, verbose);
	}
	wa_rules_unref(rules);
	wa_rules_thread_release();
	wa_config_fini(&config);
	return r;
}
