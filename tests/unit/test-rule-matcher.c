/* SPDX-License-Identifier: MIT */
/* What a keyword or regex in a rule matches: folding, whole words, the keyword matcher, PCRE2. */
#include <string.h>

#include "rules/fold.h"
#include "rules/keywords.h"
#include "rules/regex.h"
#include "wa-test.h"

static const char *fold(struct wa_fold_buf *buf, const char *s)
{
	ASSERT_OK(wa_fold(s, strlen(s), buf));
	return buf->data;
}

WA_TEST(folding_ignores_case_and_collapses_white_space)
{
	struct wa_fold_buf buf = { 0 };

	ASSERT_STR_EQ(fold(&buf, "  Latihan\n\t GABUNGAN  "), "latihan gabungan");
	/* Unicode case folding, beyond ASCII. */
	ASSERT_STR_EQ(fold(&buf, "ÉTAT Straße ΣΟΦΊΑ"), "état strasse σοφία");
	/* A no-break space is white space too (pasted web text is full of them). */
	ASSERT_STR_EQ(fold(&buf, "Su\xc2\xa0"
				 "35"),
		      "su 35");
	/* Invalid UTF-8 passes through byte by byte instead of failing the article. */
	ASSERT_STR_EQ(fold(&buf, "a\xff"
				 "B"),
		      "a\xff"
		      "b");
	wa_fold_buf_fini(&buf);
}

WA_TEST(whole_words_respect_unicode_letters_and_edges)
{
	const char *t = "rusia, rusiaku ärusia su-35";

	ASSERT_TRUE(wa_fold_is_whole_word(t, strlen(t), 0, 5));
	ASSERT_FALSE(wa_fold_is_whole_word(t, strlen(t), 7, 5));  /* rusiaku */
	ASSERT_FALSE(wa_fold_is_whole_word(t, strlen(t), 17, 5)); /* ärusia: ä is a letter */
	ASSERT_TRUE(wa_fold_is_whole_word(t, strlen(t), 23, 2));  /* su in su-35 */
}

struct hits {
	int32_t ids[32];
	size_t starts[32];
	size_t n;
};

static void on_hit(int32_t id, size_t start, size_t end, void *userdata)
{
	struct hits *h = userdata;

	(void)end;
	if (h->n < 32) {
		h->ids[h->n] = id;
		h->starts[h->n++] = start;
	}
}

WA_TEST(matcher_finds_every_whole_word_keyword_in_one_pass)
{
	struct wa_keywords *k = wa_keywords_new();
	const char *text = "latihan gabungan rusia dan belarus; latihan di minsk. latihanku";
	struct hits h = { 0 };
	int32_t latihan, gabungan, both, rusia, minsk;

	ASSERT_NOT_NULL(k);
	latihan = wa_keywords_add(k, "latihan", 7);
	both = wa_keywords_add(k, "latihan gabungan", 16);
	gabungan = wa_keywords_add(k, "gabungan", 8);
	rusia = wa_keywords_add(k, "rusia", 5);
	minsk = wa_keywords_add(k, "minsk", 5);
	ASSERT_EQ(wa_keywords_add(k, "rusia", 5), rusia); /* the same bytes, the same id */
	ASSERT_EQ(wa_keywords_add(k, "", 0), -EINVAL);
	ASSERT_EQ(wa_keywords_count(k), 5);
	ASSERT_OK(wa_keywords_compile(k));
	wa_keywords_scan(k, text, strlen(text), on_hit, &h);
	/* Overlapping keywords all hit; "latihanku" is not the word "latihan". */
	ASSERT_EQ(h.n, 6);
	ASSERT_EQ(h.ids[0], latihan);
	ASSERT_EQ(h.starts[0], 0);
	ASSERT_EQ(h.ids[1], both);
	ASSERT_EQ(h.ids[2], gabungan);
	ASSERT_EQ(h.ids[3], rusia);
	ASSERT_EQ(h.ids[4], latihan);
	ASSERT_EQ(h.starts[4], 36);
	ASSERT_EQ(h.ids[5], minsk);
	wa_keywords_free(k);
}

WA_TEST(matcher_scales_to_many_keywords)
{
	struct wa_keywords *k = wa_keywords_new();
	char word[32], text[64];
	struct hits h = { 0 };

	for (int i = 0; i < 20000; i++) {
		int n = snprintf(word, sizeof(word), "kata%d", i);

		ASSERT_EQ(wa_keywords_add(k, word, (size_t)n), i);
	}
	ASSERT_OK(wa_keywords_compile(k));
	snprintf(text, sizeof(text), "ada kata19999 dan kata7 tapi bukan kata70000");
	wa_keywords_scan(k, text, strlen(text), on_hit, &h);
	ASSERT_EQ(h.n, 2);
	ASSERT_EQ(h.ids[0], 19999);
	ASSERT_EQ(h.ids[1], 7);
	wa_keywords_free(k);
}

WA_TEST(raw_text_is_read_as_if_folded)
{
	struct wa_keywords *k = wa_keywords_new();
	const char *text = "“LATIHAN\n\t  Gabungan” di Minsk; #Zapad2025, -57 dan Su-57.\nÄlatihan";
	struct hits h = { 0 };

	ASSERT_EQ(wa_keywords_add(k, "latihan gabungan", 16), 0);
	ASSERT_EQ(wa_keywords_add(k, "#zapad2025", 10), 1);
	ASSERT_EQ(wa_keywords_add(k, "-57", 3), 2);
	ASSERT_EQ(wa_keywords_add(k, "latihan", 7), 3);
	ASSERT_OK(wa_keywords_compile(k));
	/* Curly quotes are neither space nor case: no fold needed for this text... */
	ASSERT_FALSE(wa_fold_is_needed(text, strlen(text) - strlen("\nÄlatihan")));
	/* ...but a non-ASCII capital is. */
	ASSERT_TRUE(wa_fold_is_needed(text, strlen(text)));
	wa_keywords_scan(k, text, strlen(text), on_hit, &h);
	/* The phrase across a line break and a tab, in capitals; its range covers the raw bytes. */
	ASSERT_EQ(h.n, 5);
	ASSERT_EQ(h.ids[0], 3);
	ASSERT_EQ(h.starts[0], 3); /* after the 3-byte opening quote */
	ASSERT_EQ(h.ids[1], 0);
	ASSERT_EQ(h.starts[1], 3);
	/* Keywords starting with punctuation start anywhere, even inside a word ("Su-57"). */
	ASSERT_EQ(h.ids[2], 1);
	ASSERT_EQ(h.ids[3], 2);
	ASSERT_EQ(h.ids[4], 2);
	/* "Älatihan" is one word: no hit for "latihan" inside it. */
	wa_keywords_free(k);
}

WA_TEST(regexes_are_unicode_aware_and_counted)
{
	struct wa_regex_scratch *s = wa_regex_scratch_new();
	struct wa_regex *re;
	const char *text = "Su-35, Su 57 dan SU35; Tsu-35 bukan.";
	size_t pos = 0, start, end;
	char error[256];

	const char *su = "\\bSu-?\\d{2}\\b";

	ASSERT_OK(wa_regex_new(su, strlen(su), &re, error, sizeof(error)));
	ASSERT_EQ(wa_regex_count(re, s, text, strlen(text), 100), 1);
	ASSERT_EQ(wa_regex_find(re, s, text, strlen(text), &pos, &start, &end), 1);
	ASSERT_EQ(start, 0);
	ASSERT_EQ(end, 5);
	wa_regex_free(re);
	/* \w knows Indonesian and other letters in UCP mode. */
	ASSERT_OK(wa_regex_new("^\\w+$", 5, &re, error, sizeof(error)));
	ASSERT_EQ(wa_regex_count(re, s, "Çanakkale", strlen("Çanakkale"), 10), 1);
	wa_regex_free(re);
	/* An empty match moves on instead of looping. */
	ASSERT_OK(wa_regex_new("x*", 2, &re, error, sizeof(error)));
	ASSERT_EQ(wa_regex_count(re, s, "aé", 3, 100), 3);
	wa_regex_free(re);
	wa_regex_scratch_free(s);
}

WA_TEST(a_catastrophic_regex_stops_at_its_limit)
{
	struct wa_regex_scratch *s = wa_regex_scratch_new();
	struct wa_regex *re;
	char error[256], text[4096];

	memset(text, 'a', sizeof(text) - 2);
	text[sizeof(text) - 2] = '!';
	text[sizeof(text) - 1] = '\0';
	const char *evil = "^(\\w+\\s?)*$";

	ASSERT_OK(wa_regex_new(evil, strlen(evil), &re, error, sizeof(error)));
	ASSERT_EQ(wa_regex_count(re, s, text, strlen(text), 10), -E2BIG);
	wa_regex_free(re);
	ASSERT_EQ(wa_regex_new("(", 1, &re, error, sizeof(error)), -EINVAL);
	ASSERT_CONTAINS(error, "offset 1");
	wa_regex_scratch_free(s);
}

WA_TEST_MAIN(WA_TEST_ENTRY(folding_ignores_case_and_collapses_white_space),
	     WA_TEST_ENTRY(whole_words_respect_unicode_letters_and_edges),
	     WA_TEST_ENTRY(matcher_finds_every_whole_word_keyword_in_one_pass),
	     WA_TEST_ENTRY(matcher_scales_to_many_keywords),
	     WA_TEST_ENTRY(raw_text_is_read_as_if_folded),
	     WA_TEST_ENTRY(regexes_are_unicode_aware_and_counted),
	     WA_TEST_ENTRY(a_catastrophic_regex_stops_at_its_limit))
