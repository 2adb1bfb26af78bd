/* SPDX-License-Identifier: MIT */
/*
 * keywords: an article's own terms rank above the words every article
 * uses, once warta has seen a few; stems group word forms; stopwords and
 * reporting verbs never appear; the frequencies outlive a restart.
 */
#include <stdio.h>

#include "wa-pipeline.h"

static const char conf[] =
	"pipeline = { 'ingest_text', 'normalize', 'clean', 'langid', 'keywords' }";

static const char *const background[] = {
	"Harga Beras Naik\n\nPemerintah mengatakan harga beras di pasar naik karena panen "
	"terlambat. Pemerintah berjanji menambah pasokan dari gudang daerah pekan depan.\n",
	"Jalan Tol Baru\n\nPemerintah meresmikan jalan tol baru yang menghubungkan dua kota. "
	"Pemerintah menyebut jalan itu akan mempersingkat perjalanan para pemudik.\n",
	"Sekolah Rusak\n\nPemerintah daerah memperbaiki sekolah yang rusak akibat banjir. "
	"Pemerintah menargetkan perbaikan selesai sebelum tahun ajaran baru dimulai.\n",
};

static const char article[] =
	"Latihan Kapal Selam\n\n"
	"Pemerintah mengatakan TNI AL menggelar latihan kapal selam di perairan utara. "
	"Para awak berlatih menembakkan torpedo dari kapal selam, kata juru bicara. Latihan "
	"torpedo itu melibatkan dua kapal selam dan satu kapal tunda.\n";

/* The rank of term in keywords[] (0 first), or -1. */
static int rank(const struct wa_test_run *r, const char *term)
{
	const cJSON *k;
	int i = 0;

	cJSON_ArrayForEach(k, wa_test_field(r, "keywords"))
	{
		const char *t = wa_json_get_string(k, "term");

		if (t && strcmp(t, term) == 0)
			return i;
		i++;
	}
	return -1;
}

static void run(struct wa_test_run *r, const char *text)
{
	wa_test_run_text(r, conf, text);
	ASSERT_EQ(r->status, 0);
}

WA_TEST(own_terms_rank_above_common_ones_and_forms_group)
{
	struct wa_test_run r = { 0 };

	for (size_t i = 0; i < sizeof(background) / sizeof(*background); i++) {
		run(&r, background[i]);
		wa_test_run_done(&r);
	}
	run(&r, article);
	int kapal = rank(&r, "kapal"), torpedo = rank(&r, "torpedo");
	int pemerintah = rank(&r, "pemerintah");

	ASSERT_TRUE(kapal >= 0 && kapal <= 2);
	ASSERT_TRUE(torpedo >= 0);
	ASSERT_TRUE(pemerintah < 0 || pemerintah > torpedo);
	/* "latihan" and "berlatih" are one term, shown as first written. */
	ASSERT_TRUE(rank(&r, "latihan") >= 0);
	ASSERT_EQ(rank(&r, "berlatih"), -1);
	/* A phrase that recurs. */
	ASSERT_TRUE(rank(&r, "kapal selam") >= 0);
	/* Never stopwords or reporting verbs. */
	ASSERT_EQ(rank(&r, "mengatakan"), -1);
	ASSERT_EQ(rank(&r, "kata"), -1);
	ASSERT_EQ(rank(&r, "para"), -1);
	const cJSON *first = cJSON_GetArrayItem(wa_test_field(&r, "keywords"), 0);

	ASSERT_TRUE(cJSON_GetObjectItemCaseSensitive(first, "score")->valuedouble == 1.0);
	wa_test_run_done(&r);
}

WA_TEST(frequencies_are_kept_in_the_state_directory)
{
	struct wa_test_run r = { 0 };
	char line[128] = "";

	run(&r, background[0]);
	wa_test_run_done(&r); /* fini saves */
	run(&r, background[1]);
	wa_test_run_done(&r);
	FILE *f = fopen(wa_test_path("state/keywords-df.tsv"), "r");

	ASSERT_NOT_NULL(f);
	ASSERT_NOT_NULL(fgets(line, sizeof(line), f));
	fclose(f);
	ASSERT_STR_EQ(line, "articles\t2\n");
}

WA_TEST_MAIN(WA_TEST_ENTRY(own_terms_rank_above_common_ones_and_forms_group),
	     WA_TEST_ENTRY(frequencies_are_kept_in_the_state_directory))
