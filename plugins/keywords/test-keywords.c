/* SPDX-License-Identifier: MIT */
/*
 * keywords: an article's own terms rank above the words every article
 * uses, once warta has seen a few; stems group word forms; stopwords and
 * reporting verbs never appear; the frequencies outlive a restart.
 */
#include <stdio.h>

#include "../common/wordset.h"
#include "df.h"
#include "stem_cache.h"
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

/*
 * Each thread's cached stems are the stemmer's own, the second time as the
 * first; and when every word is filed under one hash (the last rounds), a
 * word never gets another's stem.
 */
struct stemming {
	struct stem_cache *cache;
	int wrong;
};

static void *stem_words(void *data)
{
	static const char *const words[] = { "berlatih", "latihan",   "pertahanan", "menembakkan",
					     "kapal",    "pelatihan", "dilatih",    "kekuatan" };
	struct stemming *job = data;
	struct sb_stemmer *direct = sb_stemmer_new("indonesian", "UTF_8");
	struct sb_stemmer *through = sb_stemmer_new("indonesian", "UTF_8");

	for (int round = 0; round < 5; round++) {
		for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++) {
			size_t len = strlen(words[i]), n;
			uint32_t hash = round < 3 ? wp_wordset_hash(words[i], len) : 42;
			const char *want = (const char *)sb_stemmer_stem(
				direct, (const sb_symbol *)words[i], (int)len);
			const char *got =
				stem_cache_stem(job->cache, 0, through, words[i], len, hash, &n);

			job->wrong += !got || n != (size_t)sb_stemmer_length(direct) ||
				      memcmp(got, want, n) != 0;
		}
	}
	sb_stemmer_delete(direct);
	sb_stemmer_delete(through);
	return NULL;
}

WA_TEST(cached_stems_are_the_stemmers_in_every_thread)
{
	struct stem_cache cache;
	struct stemming jobs[3];
	pthread_t threads[3];

	ASSERT_OK(stem_cache_init(&cache));
	for (int i = 0; i < 3; i++) {
		jobs[i] = (struct stemming){ .cache = &cache };
		ASSERT_OK(pthread_create(&threads[i], NULL, stem_words, &jobs[i]));
	}
	for (int i = 0; i < 3; i++) {
		ASSERT_OK(pthread_join(threads[i], NULL));
		ASSERT_EQ(jobs[i].wrong, 0);
	}
	stem_cache_fini(&cache); /* frees the tables of threads that have ended */
}

/*
 * A full table forgets its rarest terms, down to DF_KEEP_SHARE of its
 * room, and then takes new terms without forgetting again at each one
 * (when every term had been seen twice, it used to rebuild itself for
 * every new term and keep them all).
 */
WA_TEST(a_full_table_forgets_its_rarest_terms_once_for_many_new_ones)
{
	struct df_table t;
	char names[200][16];
	const char *terms[1];
	size_t lengths[1];
	uint32_t df[1];
	uint64_t documents;
	int save_error;

	ASSERT_OK(df_open(&t, NULL, false));
	t.max_terms = 100;
	/* Term i is in i + 2 articles: none is seen only once. */
	for (int i = 0; i < 100; i++) {
		snprintf(names[i], sizeof(names[i]), "term%d", i);
		terms[0] = names[i];
		lengths[0] = strlen(names[i]);
		for (int k = 0; k < i + 2; k++)
			ASSERT_OK(
				df_add_article(&t, terms, lengths, 1, df, &documents, &save_error));
	}
	ASSERT_EQ(t.n, 100);
	ASSERT_EQ(df[0], 101);
	for (int i = 100; i < 120; i++) {
		snprintf(names[i], sizeof(names[i]), "new%d", i);
		terms[0] = names[i];
		lengths[0] = strlen(names[i]);
		ASSERT_OK(df_add_article(&t, terms, lengths, 1, df, &documents, &save_error));
		ASSERT_EQ(df[0], 1);
		ASSERT_TRUE(t.n <= t.max_terms);
	}
	/* One forgetting: 75 kept, then the 20 new ones. */
	ASSERT_EQ(t.n, 75 + 20);
	terms[0] = "term99"; /* the most frequent stays, with its count */
	lengths[0] = strlen(terms[0]);
	ASSERT_OK(df_add_article(&t, terms, lengths, 1, df, &documents, &save_error));
	ASSERT_EQ(df[0], 102);
	terms[0] = "term0"; /* the rarest was forgotten */
	lengths[0] = strlen(terms[0]);
	ASSERT_OK(df_add_article(&t, terms, lengths, 1, df, &documents, &save_error));
	ASSERT_EQ(df[0], 1);
	df_close(&t);
}

WA_TEST_MAIN(WA_TEST_ENTRY(cached_stems_are_the_stemmers_in_every_thread),
	     WA_TEST_ENTRY(own_terms_rank_above_common_ones_and_forms_group),
	     WA_TEST_ENTRY(frequencies_are_kept_in_the_state_directory),
	     WA_TEST_ENTRY(a_full_table_forgets_its_rarest_terms_once_for_many_new_ones))
