/* SPDX-License-Identifier: MIT */
/*
 * quantities: the numbers of a defence report with what they count, from
 * sentences written for this test.
 */
#include <math.h>

#include "wa-pipeline.h"

static const char conf[] = "pipeline = { 'ingest_text', 'normalize', 'clean', 'dates', "
			   "'quantities' }";

static const cJSON *quantity(const struct wa_test_run *r, const char *text)
{
	const cJSON *q;

	cJSON_ArrayForEach(q, wa_test_field(r, "quantities"))
	{
		const char *t = wa_json_get_string(q, "text");

		if (t && strcmp(t, text) == 0)
			return q;
	}
	return NULL;
}

static void expect(const struct wa_test_run *r, const char *text, double value, const char *unit)
{
	const cJSON *q = quantity(r, text);

	if (!q)
		WA_TEST_FAIL("no quantity '%s'", text);
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(q, "value");

	ASSERT_TRUE(cJSON_IsNumber(v) && fabs(v->valuedouble - value) <= value * 1e-12);
	ASSERT_STR_EQ(wa_json_get_string(q, "unit"), unit);
}

WA_TEST(units_counted_nouns_currencies_and_number_words)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Pasukan Dikerahkan ke Perbatasan\n\n"
			 "Sebanyak 9.000 pasukan dan delapan kapal dikerahkan sejauh 1.000 km. "
			 "Anggaran mencapai Rp 245,2 triliun, sementara 42 unit Rafale dibeli "
			 "seharga 8,1 miliar dolar AS. Kedua negara meneken 14 perjanjian, inflasi "
			 "naik 3,5 persen dan dua puluh lima orang terluka. Sekitar 1,5 juta warga "
			 "mengungsi dan 1,000 tentara tiba.\n");
	expect(&r, "9.000 pasukan", 9000, "pasukan");
	expect(&r, "delapan kapal", 8, "kapal");
	expect(&r, "1.000 km", 1000, "km");
	expect(&r, "Rp 245,2 triliun", 245.2e12, "IDR");
	expect(&r, "42 unit Rafale", 42, "unit");
	ASSERT_STR_EQ(wa_json_get_string(quantity(&r, "42 unit Rafale"), "item"), "Rafale");
	expect(&r, "8,1 miliar dolar AS", 8.1e9, "USD");
	expect(&r, "14 perjanjian", 14, "perjanjian");
	expect(&r, "3,5 persen", 3.5, "%");
	expect(&r, "dua puluh lima orang", 25, "orang");
	expect(&r, "1,5 juta warga", 1.5e6, "warga");
	expect(&r, "1,000 tentara", 1000, "tentara");
	wa_test_run_done(&r);
}

WA_TEST(malay_lagi_between_the_count_and_the_noun)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(
		&r, conf,
		"Kapal Baru untuk TLDM\n\n"
		"Dua lagi kapal dijangka diterima sebelum akhir tahun, dan tiga kapal lagi "
		"menyusul. Mereka menunggu empat lagi sebelum pulang.\n");
	expect(&r, "Dua lagi kapal", 2, "kapal");
	expect(&r, "tiga kapal", 3, "kapal");
	ASSERT_NULL(quantity(&r, "empat lagi sebelum"));
	ASSERT_NULL(quantity(&r, "empat lagi"));
	wa_test_run_done(&r);
}

WA_TEST(a_bare_year_before_a_noun_counts_nothing)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Jet Tempur untuk Indonesia\n\n"
			 "The deal follows Indonesia's 2022 order for 42 jets, while 2.000 pasukan "
			 "berjaga di sepanjang 2000 km perbatasan.\n");
	ASSERT_NULL(quantity(&r, "2022 order"));
	expect(&r, "42 jets", 42, "jets");
	expect(&r, "2.000 pasukan", 2000, "pasukan");
	expect(&r, "2000 km", 2000, "km");
	wa_test_run_done(&r);
}

WA_TEST(dates_designators_and_bare_numbers_are_not_quantities)
{
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf,
			 "Rapat Komisi\n\n"
			 "Rapat digelar Minggu (4/12/2022) pukul 08.30 WIB membahas Su 35 dan "
			 "Pasal 27. Salah satu negara menolak pada 2024 dan nomor 7 dibatalkan.\n");
	ASSERT_NULL(wa_test_field(&r, "quantities"));
	wa_test_run_done(&r);
}

/*
 * "2 jam yang lalu" is a date, not two hours: the dates stage says so
 * through its memo, or, when the memo is gone (the text was set again),
 * through dates[] in the record.
 */
WA_TEST(a_date_is_no_quantity_whether_its_span_comes_from_the_memo_or_the_record)
{
	static const char text[] =
		"Kapal Ditembaki\n\n"
		"Kapal patroli ditembaki 2 jam yang lalu di dekat 3 pulau kecil.\n";
	struct wa_test_run r = { 0 };

	wa_test_run_text(&r, conf, text);
	ASSERT_NOT_NULL(quantity(&r, "3 pulau"));
	ASSERT_NULL(quantity(&r, "2 jam"));

	/* Again with the memo dropped: the quantities stage alone, reading dates[]. */
	const struct wa_plugin_ctx *stage = r.set->analyze[r.set->n_analyze - 1];
	char *cleaned = strdup(wa_article_text(r.article));

	ASSERT_STR_EQ(stage->plugin->name, "quantities");
	ASSERT_OK(wa_article_set_text(r.article, cleaned, strlen(cleaned)));
	ASSERT_NULL(wa_article_memo(r.article, "warta.date-spans"));
	ASSERT_NOT_NULL(wa_test_field(&r, "dates"));
	ASSERT_OK(wa_article_set_json(r.article, "quantities", "null"));
	ASSERT_EQ(stage->plugin->process(stage->state, r.article), WA_PLUGIN_OK);
	ASSERT_NOT_NULL(quantity(&r, "3 pulau"));
	ASSERT_NULL(quantity(&r, "2 jam"));
	free(cleaned);
	wa_test_run_done(&r);
}

WA_TEST_MAIN(
	WA_TEST_ENTRY(units_counted_nouns_currencies_and_number_words),
	WA_TEST_ENTRY(malay_lagi_between_the_count_and_the_noun),
	WA_TEST_ENTRY(a_bare_year_before_a_noun_counts_nothing),
	WA_TEST_ENTRY(dates_designators_and_bare_numbers_are_not_quantities),
	WA_TEST_ENTRY(a_date_is_no_quantity_whether_its_span_comes_from_the_memo_or_the_record))
