/* SPDX-License-Identifier: MIT */
/*
 * `warta retro RULES [filters] [--apply]`: "which of the stored articles
 * would this rule have tagged?"
 *
 * Each selected record becomes an article again and runs through the rules
 * (a file or a directory, in the same language as the daemon's), with the
 * tags it already has visible to a:has_tag(). The tags the retro rules set
 * are printed, with counts per tag. --apply writes the updated records back
 * (through a second connection, in batches, so the reading one is not
 * disturbed); without it the store is opened read-only and left alone.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h> /* optind */

#include "article.h"
#include "banned.h"
#include "cli_store.h"
#include "json.h"
#include "rules/rules.h"
#include "store/query.h"
#include "store/store.h"

#define APPLY_BATCH 500

struct tag_count {
	char *name;
	long count;
};

struct retro {
	struct wa_rules *rules;
	struct wa_store *writer; /* --apply only */
	bool json;
	long n_articles, n_tagged;
	struct tag_count *counts;
	size_t n_counts;
	long pending; /* records written since the last commit */
};

static int count_tag(struct retro *rt, const char *name)
{
	struct tag_count *grown;

	for (size_t i = 0; i < rt->n_counts; i++)
		if (strcmp(rt->counts[i].name, name) == 0) {
			rt->counts[i].count++;
			return 0;
		}
	grown = realloc(rt->counts, (rt->n_counts + 1) * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	rt->counts = grown;
	grown[rt->n_counts].name = strdup(name);
	grown[rt->n_counts].count = 1;
	if (!grown[rt->n_counts].name)
		return -ENOMEM;
	rt->n_counts++;
	return 0;
}

/* Prints the article if the retro rules tagged it; returns 1 if they did, 0, or -errno. */
static int report(struct retro *rt, struct wa_article *a)
{
	const cJSON *fields = wa_article_fields(a), *tag;
	cJSON *names = rt->json ? cJSON_CreateArray() : NULL;
	int n = 0, r = 0;

	cJSON_ArrayForEach(tag, cJSON_GetObjectItemCaseSensitive(fields, "tags"))
	{
		const char *name = wa_json_get_string(tag, "name");
		const char *rule = wa_json_get_string(tag, "rule");

		if (!name || !rule || !wa_rules_has_rule(rt->rules, rule))
			continue;
		if (n++ == 0 && !rt->json)
			printf("%s  %.12s  %s\n    ->", wa_json_get_string(fields, "received"),
			       wa_article_id(a),
			       wa_json_get_string(fields, "title")
				       ? wa_json_get_string(fields, "title")
				       : "");
		if (rt->json)
			(void)wa_json_append(names, cJSON_CreateString(name));
		else
			printf(" %s", name);
		if (count_tag(rt, name) < 0)
			r = -ENOMEM;
	}
	if (n > 0 && rt->json) {
		cJSON *row = cJSON_CreateObject();
		char *line;

		cJSON_AddStringToObject(row, "id", wa_article_id(a));
		cJSON_AddStringToObject(row, "title",
					wa_json_get_string(fields, "title")
						? wa_json_get_string(fields, "title")
						: "");
		(void)wa_json_set(row, "tags", names);
		names = NULL;
		line = wa_json_print(row);
		cJSON_Delete(row);
		if (line)
			printf("%s\n", line);
		free(line);
	} else if (n > 0) {
		printf("\n");
	}
	cJSON_Delete(names);
	return r < 0 ? r : n > 0;
}

static int apply(struct retro *rt, struct wa_article *a)
{
	size_t len;
	const char *record;
	int r = wa_article_finish(a);

	if (r < 0)
		return r;
	record = wa_article_record(a, &len);
	if (rt->pending == 0 && (r = wa_store_begin(rt->writer)) < 0)
		return r;
	r = wa_store_put(rt->writer, record, len);
	if (r == 0 && ++rt->pending == APPLY_BATCH) {
		r = wa_store_commit(rt->writer);
		rt->pending = 0;
	}
	return r;
}

static int retro_one(struct retro *rt, const char *record)
{
	cJSON *fields = NULL;
	struct wa_article *a;
	const char *id, *file;
	char *raw;
	int r;

	if (wa_json_parse(record, strlen(record), &fields, NULL) < 0)
		return 0; /* not ours to judge: skip */
	id = wa_json_get_string(fields, "id");
	file = wa_json_get_string(cJSON_GetObjectItemCaseSensitive(fields, "source"), "file");
	raw = strdup("");
	a = raw && id && strlen(id) == WA_ARTICLE_ID_LEN
		    ? wa_article_new(file ? file : "stored", raw, 0, id, time(NULL))
		    : NULL;
	if (!a) {
		if (!id || strlen(id) != WA_ARTICLE_ID_LEN)
			free(raw);
		cJSON_Delete(fields);
		return id && strlen(id) == WA_ARTICLE_ID_LEN ? -ENOMEM : 0;
	}
	wa_article_replace_fields(a, fields);
	rt->n_articles++;
	r = wa_rules_run(rt->rules, a);
	if (r == 0)
		r = report(rt, a);
	if (r > 0) {
		rt->n_tagged++;
		r = rt->writer ? apply(rt, a) : 0;
	}
	wa_article_free(a);
	return r;
}

int wa_cmd_retro(int argc, char **argv)
{
	struct wa_rules_report report_lines = { 0 };
	struct wa_store_options o = { 0 };
	struct wa_rules_limits limits;
	struct retro rt = { 0 };
	struct wa_store *reader = NULL;
	const char *rules_path;
	sqlite3_stmt *stmt = NULL;
	int r;

	r = wa_cli_parse_store_options(argc, argv, "retro", "csSdjtolFUDa", &o);
	if (r != WA_EXIT_OK)
		return r < 0 ? WA_EXIT_OK : r;
	rt.json = o.json;
	if (optind + 1 != argc) {
		fputs(wa_cli_help("retro"), stderr);
		return WA_EXIT_USAGE;
	}
	rules_path = argv[optind];
	wa_json_init();
	wa_rules_limits_default(&limits);
	r = wa_rules_load(rules_path, &limits, &rt.rules, &report_lines);
	for (size_t i = 0; i < report_lines.n_lines; i++)
		fprintf(stderr, "%s\n", report_lines.lines[i]);
	wa_rules_report_fini(&report_lines);
	if (r < 0) {
		fprintf(stderr, "warta retro: the rules in '%s' do not load\n", rules_path);
		return WA_EXIT_CONFIG;
	}
	r = wa_cli_open_store(&o.overrides, o.db, WA_STORE_READ_ONLY, &reader);
	if (r == WA_EXIT_OK && o.apply)
		r = wa_cli_open_store(&o.overrides, o.db, 0, &rt.writer);
	if (r != WA_EXIT_OK)
		goto out;
	r = wa_query_prepare(wa_store_db(reader), &o.query, "json_set(a.record, '$.text', a.text)",
			     NULL, NULL, "a.date, a.received", &stmt);
	if (r != SQLITE_OK) {
		fprintf(stderr, "warta retro: %s\n", sqlite3_errmsg(wa_store_db(reader)));
		r = WA_EXIT_FAILURE;
		goto out;
	}
	while ((r = sqlite3_step(stmt)) == SQLITE_ROW) {
		int rr = retro_one(&rt, (const char *)sqlite3_column_text(stmt, 0));

		if (rr < 0) {
			fprintf(stderr, "warta retro: %s\n", wa_strerror(rr));
			break;
		}
	}
	r = r == SQLITE_DONE ? WA_EXIT_OK : WA_EXIT_FAILURE;
	if (r == WA_EXIT_OK && rt.writer && rt.pending > 0 && wa_store_commit(rt.writer) < 0)
		r = WA_EXIT_FAILURE;
	if (!rt.json) {
		printf("\n%ld of %ld article(s) tagged%s\n", rt.n_tagged, rt.n_articles,
		       rt.writer ? (r == WA_EXIT_OK ? "; tags written to the store" : "") : "");
		for (size_t i = 0; i < rt.n_counts; i++)
			printf("%-40s %8ld\n", rt.counts[i].name, rt.counts[i].count);
	}
out:
	if (rt.writer)
		wa_store_rollback(rt.writer); /* whatever a failure left open */
	sqlite3_finalize(stmt);
	wa_store_close(rt.writer);
	wa_store_close(reader);
	for (size_t i = 0; i < rt.n_counts; i++)
		free(rt.counts[i].name);
	free(rt.counts);
	wa_rules_unref(rt.rules);
	wa_rules_thread_release();
	return r;
}
