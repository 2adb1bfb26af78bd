/* SPDX-License-Identifier: MIT */
/*
 * Pattern files' rules: which ones a search must try at every word of a
 * text (clean warns about such span rules, which cost every article), and
 * a search that skips the places its rules cannot begin finds what one
 * PCRE2 search through the whole text finds.
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "patterns.h"
#include "plugin.h"
#include "wa-test.h"

static bool starts_at_spaces(const char *regex)
{
	struct wp_pattern p = { .regex = (char *)regex };

	return wp_pattern_starts_at_spaces(&p);
}

WA_TEST(a_rule_that_opens_with_a_word_or_a_bracket_is_tried_only_there)
{
	ASSERT_FALSE(starts_at_spaces("\\((?:baca|lihat)(?:\\s+juga)?\\s*:[^()\\n]{3,200}\\)"));
	ASSERT_FALSE(starts_at_spaces("(?-i:ADVERTISEMENT|Advertisement)"));
	ASSERT_FALSE(starts_at_spaces("[.!?\"] ?\\K(?-i:BACA JUGA|Baca)[ ]*:.*$"));
	ASSERT_FALSE(starts_at_spaces("waktu baca \\d+ menit"));
}

WA_TEST(a_rule_that_may_open_with_nothing_starts_at_spaces)
{
	ASSERT_TRUE(starts_at_spaces("\\s*\\((?:baca|lihat)\\s*:[^()\\n]{3,200}\\)"));
	ASSERT_TRUE(starts_at_spaces(".{0,60}all rights? reserved"));
	ASSERT_TRUE(starts_at_spaces("(?:foo)?bar|.baz"));
}

/*
 * Rules of every shape the prefilter treats apart: case-blind words, a
 * leading \b, lookbehinds and \B, ^ at line starts, \K, a Unicode class or
 * a letter whose other case is not ASCII (s and the long s, k and the
 * Kelvin sign) at the start, and one that may match nothing; searched
 * for (span, behind, empty) and anchored where matching starts (line).
 */
static const char rules[] = "span promo   saksikan live[^:\\n]{0,40}:\n"
			    "span promo   (?-i:ADVERTISEMENT|Advertisement)\n"
			    "span related [.!?\"] ?\\K(?-i:BACA JUGA|Baca [Jj]uga)[ ]*:.*$\n"
			    "span promo   \\b(?:di|ke|via)\\s+(?:whatsapp|telegram)\\b\n"
			    "span credit  \\((?:foto|dok\\.?)\\s*:?[^)\\n]{0,20}\\)\n"
			    "behind byline (?<=[.!?])\\s*\\([a-z]{1,6}/[a-z]{1,6}\\)\n"
			    "span header  ^kelvin \\d+\n"
			    "span name    \\p{Lu}\\p{Ll}+ski\\b\n"
			    "behind inner \\Bnya\\b\n"
			    "span ui      waktu baca \\d+ menit\n"
			    "empty any    x*y?\n"
			    "line related (?:baca juga|lihat)\\s*:.*\n"
			    "line byline  \\b(?:editor|penulis)\\s*:\n"
			    "line dateline \\p{Lu}+ -\n"
			    "line label   [.!?]$\n"
			    "line name    \\p{Lu}\\p{Ll}+ski\n"
			    "line brand   (?-i:ADVERTISEMENT)\n"
			    "line after   (?<=\\.) \\(\n"
			    "line long    \u017faksi\n";

/* A text of pieces that match the rules, nearly match, or are other text. */
static size_t random_text(char *buf, size_t size, unsigned *seed)
{
	static const char *const pieces[] = {
		"saksikan live di sini: ",
		"Saksikan LIVE:",
		"saksi",
		"ſaksikan live:",
		"ADVERTISEMENT",
		"Advertisement",
		"advertisement",
		". Baca juga: x",
		"!BACA JUGA:",
		" di whatsapp ",
		"ke telegram",
		"kewhatsapp",
		"(foto: AFP)",
		"(Dok. TNI)",
		"(foto",
		". (rds/has)",
		"(rds/has)",
		"\nkelvin 12",
		"\n\u212aelvin 7",
		"kelvin 3",
		"Wiśniewski ",
		"Kowalski",
		"Éski",
		"rumahnya ",
		"nya ",
		"waktu baca 2 menit",
		"WAKTU BACA 10 MENIT",
		"x",
		"y",
		"xy",
		" ",
		"  ",
		"\n",
		".",
		"\"",
		"\u201c",
		"\u00e9",
		"\u017f",
		"Editor: ",
		"penulis:",
		"JAKARTA - ",
		"Lihat:",
		". (",
		"?",
		"\u212a",
		"\xf0\x9f\x98\x80",
		"sama",
		"wakil",
		"(Bakamla)",
		"Jakarta",
	};
	size_t len = 0;

	while (len + 16 < size) {
		const char *p = pieces[rand_r(seed) % (sizeof(pieces) / sizeof(*pieces))];
		size_t n = strlen(p);

		if (len + n >= size)
			break;
		memcpy(buf + len, p, n);
		len += n;
		if (rand_r(seed) % 8 == 0)
			break;
	}
	buf[len] = '\0';
	return len;
}

/*
 * The group's match from `at` and one PCRE2 match of its whole alternation
 * agree; returns where the match ends, or SIZE_MAX if there is none.
 */
static size_t check_match(const struct wp_pattern_file *f, const struct wp_pattern_group *g,
			  const char *text, size_t len, size_t at, pcre2_match_data *md,
			  pcre2_match_data *md_one)
{
	size_t start = 0, end = 0;
	const struct wp_pattern *p = wp_pattern_group_match(f, g, text, len, at, md, &start, &end);
	int rc = pcre2_match(g->code, (PCRE2_SPTR)text, len, at, 0, md_one, NULL);

	if (rc < 0) {
		if (p)
			WA_TEST_FAIL("%s '%s' at %zu: found %zu-%zu, PCRE2 nothing", g->name, text,
				     at, start, end);
		return SIZE_MAX;
	}
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md_one);
	const char *mark = (const char *)pcre2_get_mark(md_one);

	if (!p || start != ov[0] || end != ov[1] ||
	    p != &f->patterns[g->members[strtoul(mark, NULL, 10)]])
		WA_TEST_FAIL("%s '%s' at %zu: found %zu-%zu, PCRE2 %zu-%zu", g->name, text, at,
			     p ? start : 0, p ? end : 0, (size_t)ov[0], (size_t)ov[1]);
	return end;
}

static size_t next_character(const char *text, size_t len, size_t at)
{
	do
		at++;
	while (at < len && (text[at] & 0xc0) == 0x80);
	return at;
}

WA_TEST(a_match_skips_only_places_where_no_rule_can_match)
{
	struct wa_plugin_ctx ctx = { 0 };
	struct wp_pattern_file f;
	char *error = NULL, text[512];
	static const char *const searched[] = { "span", "behind", "empty", NULL };
	unsigned seed = 7;

	ctx.data_dir = strdup(wa_test_path("data"));
	ASSERT_OK(mkdir(ctx.data_dir, 0755));
	wa_test_write("data/rules.txt", rules, sizeof(rules) - 1);
	if (wp_pattern_file_load(&ctx, "rules.txt", 2, searched, &f, &error) < 0)
		WA_TEST_FAIL("%s", error);
	pcre2_match_data *md = wp_pattern_match_data(), *md_one = wp_pattern_match_data();

	for (int round = 0; round < 20000; round++) {
		size_t len = random_text(text, sizeof(text), &seed);

		for (size_t gi = 0; gi < f.n_groups; gi++) {
			const struct wp_pattern_group *g = &f.groups[gi];

			/* A search goes on from each match's end; a line rule is tried anywhere. */
			for (size_t at = 0; at <= len;) {
				size_t end = check_match(&f, g, text, len, at, md, md_one);

				if (g->searched && end == SIZE_MAX)
					break;
				at = g->searched && end != SIZE_MAX && end > at
					     ? end
					     : next_character(text, len, at);
			}
		}
	}
	pcre2_match_data_free(md);
	pcre2_match_data_free(md_one);
	wp_pattern_file_fini(&f);
	free(ctx.data_dir);
}

WA_TEST_MAIN(WA_TEST_ENTRY(a_rule_that_opens_with_a_word_or_a_bracket_is_tried_only_there),
	     WA_TEST_ENTRY(a_rule_that_may_open_with_nothing_starts_at_spaces),
	     WA_TEST_ENTRY(a_match_skips_only_places_where_no_rule_can_match))
