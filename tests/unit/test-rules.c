/* SPDX-License-Identifier: MIT */
/*
 * The rule language as an analyst uses it: every feature, the article
 * view, the limits, and hostile rules that must stop alone while the
 * others still tag the article.
 */
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "article.h"
#include "json.h"
#include "rules/rules.h"
#include "wa-test.h"

static void write_rules(const char *name, const char *source)
{
	wa_test_write(name, source, strlen(source));
}

static int try_load(struct wa_rules **ret, struct wa_rules_report *report)
{
	struct wa_rules_limits limits;

	wa_rules_limits_default(&limits);
	limits.max_instructions = 200000;
	limits.timeout_ms = 2000;
	limits.max_bytes = 8 << 20;
	limits.quarantine_after = 3;
	return wa_rules_load(wa_test_dir, &limits, ret, report);
}

static struct wa_rules *load(const char *source)
{
	struct wa_rules_report report = { 0 };
	struct wa_rules *rules = NULL;

	write_rules("rules.lua", source);
	if (try_load(&rules, &report) < 0)
		WA_TEST_FAIL("rules do not load: %s", report.n_lines ? report.lines[0] : "?");
	wa_rules_report_fini(&report);
	return rules;
}

static struct wa_article *tag(struct wa_rules *rules, const char *title, const char *text)
{
	char *raw = strdup(text);
	struct wa_article *a = wa_article_new("test.txt", raw, strlen(text), NULL, time(NULL));

	ASSERT_NOT_NULL(a);
	ASSERT_OK(wa_article_set_text(a, text, strlen(text)));
	if (title)
		ASSERT_OK(wa_article_set_title(a, title));
	ASSERT_OK(wa_rules_run(rules, a));
	return a;
}

static const cJSON *field(const struct wa_article *a, const char *name)
{
	return cJSON_GetObjectItemCaseSensitive(wa_article_fields(a), name);
}

static const cJSON *find_by(const cJSON *array, const char *key, const char *value)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, array)
	{
		const char *v = wa_json_get_string(item, key);

		if (v && strcmp(v, value) == 0)
			return item;
	}
	return NULL;
}

static double tag_score(const struct wa_article *a, const char *name)
{
	const cJSON *t = find_by(field(a, "tags"), "name", name);

	ASSERT_NOT_NULL(t);
	return cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(t, "score"));
}

static const char *error_kind(const struct wa_article *a, const char *rule)
{
	return wa_json_get_string(find_by(field(a, "rule_errors"), "rule", rule), "kind");
}

static size_t n_tags(const struct wa_article *a)
{
	return (size_t)cJSON_GetArraySize(field(a, "tags"));
}

WA_TEST(keywords_are_case_insensitive_whole_words)
{
	struct wa_rules *rules = load("rule \"latihan-militer\" {\n"
				      "  tags = { \"latihan_militer\" },\n"
				      "  any = { \"latihan gabungan\", \"latma\", \"Zapad\" },\n"
				      "}\n");
	struct wa_article *a = tag(rules, NULL, "Pasukan menggelar LATIHAN\nGabungan di Minsk.");
	struct wa_article *b = tag(rules, NULL, "Latmanya ditunda; zapadnya gelap.");
	struct wa_article *c = tag(rules, "Latma Zapad 2025", "Tanpa kata kunci di teks.");

	ASSERT_TRUE(wa_article_has_tag(a, "latihan_militer"));
	ASSERT_EQ(tag_score(a, "latihan_militer"), 1.0);
	ASSERT_FALSE(wa_article_has_tag(b, "latihan_militer"));
	ASSERT_TRUE(wa_article_has_tag(c, "latihan_militer")); /* the title counts too */
	ASSERT_EQ(strlen(wa_article_get_string(a, "rules_version")), 16);
	ASSERT_EQ(cJSON_GetArraySize(field(a, "rule_errors")), 0);
	wa_article_free(a);
	wa_article_free(b);
	wa_article_free(c);
	wa_rules_unref(rules);
}

WA_TEST(all_none_min_hits_regex_and_score)
{
	struct wa_rules *rules = load(
		"rule \"all\" { all = { \"rusia\", \"belarus\" } }\n"
		"rule \"none\" { any = \"latihan\", none = { \"timnas\", \"sepak bola\" } }\n"
		"rule \"twice\" { any = { \"nuklir\", \"nuclear\" }, min_hits = 2, score = 0.8 }\n"
		"rule \"su\" { regex = [[\\bSu-?\\d{2}\\b]] }\n"
		"rule \"kw-or-regex\" { any = \"sukhoi\", regex = { [[\\bF-16\\b]] } }\n");
	struct wa_article *a =
		tag(rules, NULL, "Rusia dan Belarus latihan. Nuklir, nuclear. Su-35.");
	struct wa_article *b =
		tag(rules, NULL, "Rusia latihan bersama timnas. Nuklir. SU35. F-16.");

	ASSERT_TRUE(wa_article_has_tag(a, "all"));
	ASSERT_TRUE(wa_article_has_tag(a, "none"));
	ASSERT_TRUE(wa_article_has_tag(a, "twice"));
	ASSERT_EQ(tag_score(a, "twice"), 0.8);
	ASSERT_TRUE(wa_article_has_tag(a, "su"));
	ASSERT_FALSE(wa_article_has_tag(a, "kw-or-regex"));
	ASSERT_FALSE(wa_article_has_tag(b, "all"));   /* no Belarus */
	ASSERT_FALSE(wa_article_has_tag(b, "none"));  /* timnas */
	ASSERT_FALSE(wa_article_has_tag(b, "twice")); /* one hit */
	ASSERT_FALSE(wa_article_has_tag(b, "su"));    /* regexes are case-sensitive */
	ASSERT_TRUE(wa_article_has_tag(b, "kw-or-regex"));
	wa_article_free(a);
	wa_article_free(b);
	wa_rules_unref(rules);
}

WA_TEST(lists_come_from_files_and_change_the_version)
{
	struct wa_rules_report report = { 0 };
	struct wa_rules *rules, *again;
	struct wa_article *a;
	char version[17];

	ASSERT_OK(mkdir(wa_test_path("lists"), 0755));
	wa_test_write("lists/negara.txt", "# countries\nRusia\n\n  Belarus  \n", 32);
	rules = load("list \"negara\" { file = \"lists/negara.txt\" }\n"
		     "list \"inline\" { \"Minsk\", \"Moskow\" }\n"
		     "rule \"negara\" { any = list \"negara\", tags = { \"a\", \"b\" } }\n"
		     "rule \"mixed\" { all = { list \"inline\", \"kunjungan\" } }\n");
	a = tag(rules, NULL, "Kunjungan ke Minsk, ibu kota Belarus.");
	ASSERT_TRUE(wa_article_has_tag(a, "a"));
	ASSERT_TRUE(wa_article_has_tag(a, "b"));
	ASSERT_TRUE(wa_article_has_tag(a, "mixed"));
	ASSERT_EQ(wa_rules_n_watch_dirs(rules), 2); /* the rules dir and lists/ */
	wa_article_free(a);
	snprintf(version, sizeof(version), "%s", wa_rules_version(rules));
	/* Same files, same version; a changed list, a new version. */
	ASSERT_OK(try_load(&again, &report));
	ASSERT_STR_EQ(wa_rules_version(again), version);
	wa_rules_unref(again);
	wa_test_write("lists/negara.txt", "Rusia\nBelarus\nUkraina\n", 22);
	ASSERT_OK(try_load(&again, &report));
	ASSERT_TRUE(strcmp(wa_rules_version(again), version) != 0);
	a = tag(again, NULL, "Serangan di Ukraina.");
	ASSERT_TRUE(wa_article_has_tag(a, "a"));
	wa_article_free(a);
	wa_rules_unref(again);
	wa_rules_unref(rules);
}

WA_TEST(where_sees_the_article_and_tags_with_reasons)
{
	struct wa_rules *rules = load(
		"rule \"first\" { any = \"belarus\" }\n"
		"rule \"view\" {\n"
		"  meta = { author = \"analis\", ref = \"DOMAIN 5\" },\n"
		"  where = function(a)\n"
		"    assert(a.title == \"Judul\" and a.lang == \"id\" and a.outlet == \"Antara\")\n"
		"    assert(a.authors[1] == \"Setya\" and a.published == nil)\n"
		"    assert(a:has_tag(\"first\") and a.tags[1] == \"first\")\n"
		"    assert(a:mentions(\"BELARUS\") and a:mentions({\"x\", \"minsk\"}) and not a:mentions(\"bel\"))\n"
		"    assert(a:count(\"nuklir\") == 2 and a:count({\"nuklir\", \"minsk\"}) == 3)\n"
		"    assert(a:near({\"nuklir\"}, {\"belarus\"}, 3) and not a:near(\"belarus\", \"unit\", 3))\n"
		"    assert(a:match([[\\d+ unit]]) == \"12 unit\" and a:match(\"zzz\") == nil)\n"
		"    assert(a:mentions_country(\"by\") and not a:mentions_country(\"RU\"))\n"
		"    assert(a:has_entity(\"person\", \"Shoigu\") and a:has_entity(\"country\"))\n"
		"    assert(not a:has_entity(\"org\"))\n"
		"    a:tag(\"extra\", 0.3, \"because\")\n"
		"    return 0.7\n"
		"  end,\n"
		"}\n");
	struct wa_article *a;
	char *raw = strdup("x");
	const cJSON *t;

	a = wa_article_new("t.txt", raw, 1, NULL, time(NULL));
	ASSERT_OK(wa_article_set_title(a, "Judul"));
	ASSERT_OK(wa_article_set_string(a, "text",
					"Nuklir di Belarus. Di Minsk, nuklir dan 12 unit."));
	ASSERT_OK(wa_article_set_json(a, "lang", "{\"code\":\"id\",\"confidence\":0.9}"));
	ASSERT_OK(wa_article_set_string(a, "outlet", "Antara"));
	ASSERT_OK(wa_article_set_json(a, "authors", "[\"Setya\"]"));
	ASSERT_OK(wa_article_set_json(
		a, "entities",
		"[{\"type\":\"country\",\"name\":\"Belarus\",\"code\":\"BY\"},"
		"{\"type\":\"person\",\"name\":\"Sergei Shoigu\",\"aliases\":[\"Shoigu\"]}]"));
	ASSERT_OK(wa_rules_run(rules, a));
	ASSERT_EQ(cJSON_GetArraySize(field(a, "rule_errors")), 0);
	ASSERT_EQ(tag_score(a, "view"), 0.7);
	t = find_by(field(a, "tags"), "name", "view");
	ASSERT_STR_EQ(wa_json_get_string(cJSON_GetObjectItemCaseSensitive(t, "meta"), "author"),
		      "analis");
	t = find_by(field(a, "tags"), "name", "extra");
	ASSERT_STR_EQ(wa_json_get_string(t, "reason"), "because");
	ASSERT_STR_EQ(wa_json_get_string(t, "rule"), "view");
	ASSERT_EQ(tag_score(a, "extra"), 0.3);
	wa_article_free(a);
	wa_rules_unref(rules);
}

WA_TEST(where_runs_only_when_the_keywords_matched)
{
	struct wa_rules *rules = load("rule \"gated\" { any = \"rusia\", where = function(a)\n"
				      "  error(\"must not run\") end }\n"
				      "rule \"no\" { where = function(a) return false end }\n"
				      "rule \"nil\" { where = function(a) end }\n");
	struct wa_article *a = tag(rules, NULL, "Tidak ada kata kunci.");

	ASSERT_EQ(cJSON_GetArraySize(field(a, "rule_errors")), 0);
	ASSERT_EQ(n_tags(a), 0);
	wa_article_free(a);
	wa_rules_unref(rules);
}

WA_TEST(hostile_rules_stop_alone)
{
	struct wa_rules *rules = load(
		"rule \"spin\" { where = function(a) while true do end end }\n"
		"rule \"pcall-spin\" { where = function(a)\n"
		"  while true do pcall(function() while true do end end) end end }\n"
		"rule \"rep\" { where = function(a) return #string.rep(\"x\", 2^30) > 0 end }\n"
		"rule \"grow\" { where = function(a) local t = {} while true do t[#t + 1] = {} end end }\n"
		"rule \"concat\" { where = function(a) local s = \"xy\" while true do s = s .. s end end }\n"
		"rule \"load\" { where = function(a) return load(\"return true\")() end }\n"
		"rule \"io\" { where = function(a) return io.open(\"/etc/passwd\") end }\n"
		"rule \"os\" { where = function(a) return os.execute(\"true\") end }\n"
		"rule \"require\" { where = function(a) return require(\"os\") end }\n"
		"rule \"debug\" { where = function(a) debug.sethook() end }\n"
		"rule \"runtime\" { where = function(a) return nil + 1 end }\n"
		"rule \"lua-pattern\" { where = function(a) return string.match(a.text, \"(a*)*b\") end }\n"
		"rule \"write\" { where = function(a) a.title = \"x\" end }\n"
		"rule \"globals\" { where = function(a) string.find = nil; rule = nil; return true end }\n"
		"rule \"good\" { any = \"rusia\", where = function(a)\n"
		"  return (\"rusia\"):find(\"us\") == 2 and warta.contains(a.text, \"RUSIA\") end }\n");
	static const char *const kinds[][2] = {
		{ "spin", "instructions" }, { "pcall-spin", "instructions" },
		{ "rep", "memory" },        { "grow", NULL },
		{ "concat", "memory" },     { "load", "error" },
		{ "io", "error" },          { "os", "error" },
		{ "require", "error" },     { "debug", "error" },
		{ "runtime", "error" },     { "lua-pattern", "error" },
		{ "write", "error" },       { "globals", "error" },
	};
	struct wa_article *a =
		tag(rules, NULL, "Rusia aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac");

	ASSERT_TRUE(wa_article_has_tag(a, "good"));
	ASSERT_EQ(n_tags(a), 1);
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		const char *kind = error_kind(a, kinds[i][0]);

		if (!kind)
			WA_TEST_FAIL("rule '%s' did not fail", kinds[i][0]);
		/* A table grown without end hits the memory cap or the budget first. */
		if (kinds[i][1])
			ASSERT_STR_EQ(kind, kinds[i][1]);
	}
	wa_article_free(a);
	/* The good rule still works on the next article: the state survived. */
	a = tag(rules, NULL, "Rusia lagi.");
	ASSERT_TRUE(wa_article_has_tag(a, "good"));
	wa_article_free(a);
	wa_rules_unref(rules);
	wa_rules_thread_release();
}

WA_TEST(a_slow_rule_hits_the_wall_clock_deadline)
{
	struct wa_rules_report report = { 0 };
	struct wa_rules_limits limits;
	struct wa_rules *rules;
	struct wa_article *a;

	/* table.sort of a big table runs in C between hooks: time, not instructions, stops it. */
	write_rules("rules.lua",
		    "rule \"slow\" { where = function(a)\n"
		    "  local t = {} for i = 1, 200000 do t[i] = -i end\n"
		    "  while true do table.sort(t, function(x, y) return x < y end) end end }\n");
	wa_rules_limits_default(&limits);
	limits.max_instructions = 0; /* no instruction budget */
	limits.timeout_ms = 50;
	ASSERT_OK(wa_rules_load(wa_test_dir, &limits, &rules, &report));
	a = tag(rules, NULL, "teks");
	ASSERT_STR_EQ(error_kind(a, "slow"), "timeout");
	wa_article_free(a);
	wa_rules_unref(rules);
	wa_rules_thread_release();
}

WA_TEST(many_slow_rules_share_one_budget_per_article)
{
	struct wa_rules_report report = { 0 };
	struct wa_rules_limits limits;
	struct wa_rules *rules;
	struct wa_article *a;
	char source[8192] = "";
	size_t skipped = 0, timeouts = 0;
	const cJSON *e;

	/* 30 rules that each spin until their deadline: 30 x 20 ms > the 20-timeout budget. */
	for (int i = 0; i < 30; i++) {
		char line[128];

		snprintf(line, sizeof(line),
			 "rule \"slow%02d\" { where = function(a) while true do end end }\n", i);
		strncat(source, line, sizeof(source) - strlen(source) - 1);
	}
	strncat(source, "rule \"keyword\" { any = \"teks\" }\n",
		sizeof(source) - strlen(source) - 1);
	write_rules("rules.lua", source);
	wa_rules_limits_default(&limits);
	limits.max_instructions = 0;
	limits.timeout_ms = 20;
	ASSERT_OK(wa_rules_load(wa_test_dir, &limits, &rules, &report));
	a = tag(rules, NULL, "teks");
	cJSON_ArrayForEach(e, field(a, "rule_errors"))
	{
		const char *kind = wa_json_get_string(e, "kind");

		skipped += strcmp(kind, "skipped") == 0;
		timeouts += strcmp(kind, "timeout") == 0;
	}
	ASSERT_EQ(skipped, 1);
	/*
	 * The budget is wall time: about 20 rules fit, fewer when the machine is
	 * busy (a spinning rule overruns its deadline while descheduled, as under
	 * ASan on a loaded CI runner), never more.
	 */
	ASSERT_TRUE(timeouts >= 5 && timeouts <= 21);
	/* Keywords cost no Lua time: that rule still tags. */
	ASSERT_TRUE(wa_article_has_tag(a, "keyword"));
	wa_article_free(a);
	wa_rules_unref(rules);
	wa_rules_thread_release();
}

WA_TEST(a_rule_failing_in_a_row_is_quarantined)
{
	struct wa_rules *rules = load("rule \"bad\" { where = function(a) error(\"x\") end }\n"
				      "rule \"good\" { any = \"teks\" }\n");
	cJSON *stats;

	for (int i = 0; i < 5; i++) {
		struct wa_article *a = tag(rules, NULL, "teks");

		ASSERT_TRUE(wa_article_has_tag(a, "good"));
		/* quarantine_after is 3: from the fourth article on the rule is skipped. */
		if (i < 3)
			ASSERT_STR_EQ(error_kind(a, "bad"), "error");
		else
			ASSERT_NULL(error_kind(a, "bad"));
		wa_article_free(a);
	}
	stats = wa_rules_stats(rules);
	ASSERT_NOT_NULL(stats);
	{
		const cJSON *bad =
			find_by(cJSON_GetObjectItemCaseSensitive(stats, "rules"), "name", "bad");
		const cJSON *good =
			find_by(cJSON_GetObjectItemCaseSensitive(stats, "rules"), "name", "good");

		ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(bad, "quarantined")));
		ASSERT_EQ(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(bad, "errors")), 3);
		ASSERT_EQ(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(good, "hits")), 5);
	}
	cJSON_Delete(stats);
	wa_rules_unref(rules);
}

WA_TEST(broken_rule_sets_are_refused_with_every_problem)
{
	struct wa_rules_report report = { 0 };
	struct wa_rules *rules = NULL;

	write_rules("a.lua", "rule \"ok\" { any = \"x\" }\n");
	write_rules("c.lua", "rule \"b\" {\n");
	write_rules("b.lua", "rule \"c\" { anyy = \"x\" }\n"
			     "rule \"d\" { regex = \"(\" }\n"
			     "rule \"ok\" { any = list \"nope\" }\n"
			     "rule \"e\" { score = \"high\", any = \"y\" }\n"
			     "list \"l\" { file = \"../../etc/passwd\" }\n"
			     "while true do end\n");
	ASSERT_EQ(try_load(&rules, &report), -EINVAL);
	ASSERT_NULL(rules);
	{
		char all[4096] = "";

		for (size_t i = 0; i < report.n_lines; i++) {
			strncat(all, report.lines[i], sizeof(all) - strlen(all) - 2);
			strcat(all, "\n");
		}
		ASSERT_CONTAINS(all, "c.lua:2:"); /* the syntax error, with its line */
		ASSERT_CONTAINS(all, "b.lua:1: rule 'c': unknown field 'anyy'");
		ASSERT_CONTAINS(all, "b.lua:2: rule 'd': regex '('");
		ASSERT_CONTAINS(all, "b.lua:3: rule 'ok' is already defined at a.lua:1");
		ASSERT_CONTAINS(all, "b.lua:4: rule 'e': 'score' must be a number");
		ASSERT_CONTAINS(all, "must be a relative path inside");
		ASSERT_CONTAINS(all,
				"b.lua:6: instruction budget exhausted"); /* a loop at load time */
	}
	wa_rules_report_fini(&report);
}

WA_TEST(an_empty_directory_is_an_empty_set)
{
	struct wa_rules_report report = { 0 };
	struct wa_rules *rules;
	struct wa_article *a;

	ASSERT_OK(try_load(&rules, &report));
	ASSERT_EQ(wa_rules_count(rules), 0);
	a = tag(rules, NULL, "teks");
	ASSERT_EQ(n_tags(a), 0);
	ASSERT_NOT_NULL(wa_article_get_string(a, "rules_version"));
	wa_article_free(a);
	wa_rules_unref(rules);
	ASSERT_EQ(wa_rules_load("/nonexistent/rules", &(struct wa_rules_limits){ 0 }, &rules,
				&report),
		  -ENOENT);
	wa_rules_report_fini(&report);
}

WA_TEST_MAIN(WA_TEST_ENTRY(keywords_are_case_insensitive_whole_words),
	     WA_TEST_ENTRY(all_none_min_hits_regex_and_score),
	     WA_TEST_ENTRY(lists_come_from_files_and_change_the_version),
	     WA_TEST_ENTRY(where_sees_the_article_and_tags_with_reasons),
	     WA_TEST_ENTRY(where_runs_only_when_the_keywords_matched),
	     WA_TEST_ENTRY(hostile_rules_stop_alone),
	     WA_TEST_ENTRY(a_slow_rule_hits_the_wall_clock_deadline),
	     WA_TEST_ENTRY(many_slow_rules_share_one_budget_per_article),
	     WA_TEST_ENTRY(a_rule_failing_in_a_row_is_quarantined),
	     WA_TEST_ENTRY(broken_rule_sets_are_refused_with_every_problem),
	     WA_TEST_ENTRY(an_empty_directory_is_an_empty_set))
