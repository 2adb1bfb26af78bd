/* SPDX-License-Identifier: MIT */
/*
 * duplicates: a syndicated copy is found, an unrelated article is not, and
 * the index survives a restart without making an article its own copy.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "index.h"
#include "wa-pipeline.h"

static const char conf[] = "pipeline = { 'ingest_text', 'normalize', 'clean', 'duplicates' }";

static const char body[] =
	"Kementerian Pertahanan menerima dua kapal patroli cepat buatan galangan dalam negeri "
	"pada upacara di dermaga utama. Kedua kapal itu akan memperkuat pengamanan perairan "
	"perbatasan utara yang selama ini dinilai rawan pencurian ikan dan penyelundupan.\n\n"
	"Kapal pertama dilengkapi meriam kaliber 30 milimeter, radar navigasi dan sistem "
	"komunikasi satelit, sedangkan kapal kedua membawa perahu karet untuk operasi "
	"penyekatan. Keduanya mampu berlayar hingga tiga hari tanpa mengisi bahan bakar.\n\n"
	"Pejabat kementerian menyebut pengadaan ini bagian dari rencana strategis lima tahun "
	"yang menargetkan dua belas kapal serupa. Galangan yang sama kini tengah mengerjakan "
	"dua unit berikutnya dan dijadwalkan menyerahkannya akhir tahun depan.\n";

static char *article(const char *headline, const char *text)
{
	size_t n = strlen(headline) + strlen(text) + 4;
	char *a = malloc(n);

	ASSERT_NOT_NULL(a);
	snprintf(a, n, "%s\n\n%s", headline, text);
	return a;
}

/* Runs one article through a fresh pipeline (as after a restart); returns its id. */
static char *run(struct wa_test_run *r, const char *text)
{
	wa_test_run_text(r, conf, text);
	ASSERT_EQ(r->status, 0);
	return strdup(wa_article_id(r->article));
}

static bool lists(const struct wa_test_run *r, const char *id)
{
	const cJSON *d;

	cJSON_ArrayForEach(d, wa_test_field(r, "duplicates"))
	{
		if (cJSON_IsString(d) && strcmp(d->valuestring, id) == 0)
			return true;
	}
	return false;
}

WA_TEST(a_syndicated_copy_lists_the_original)
{
	struct wa_test_run r = { 0 };
	char *original = article("Dua Kapal Patroli Baru Diserahkan", body);
	char *copy_text = strdup(body), *p;

	/* Another outlet's headline and a word changed. */
	ASSERT_NOT_NULL((p = strstr(copy_text, "tiga hari")));
	memcpy(p, "lima hari", 9);
	char *copy = article("Kemhan Terima Kapal Patroli dari Galangan Lokal", copy_text);
	char *first = run(&r, original);

	ASSERT_NOT_NULL(wa_test_string(&r, "simhash"));
	ASSERT_EQ(strlen(wa_test_string(&r, "simhash")), 16);
	ASSERT_NULL(wa_test_field(&r, "duplicates"));
	wa_test_run_done(&r);

	char *second = run(&r, copy);

	ASSERT_TRUE(lists(&r, first));
	wa_test_run_done(&r);

	/* Processed again (a crash before its record was kept): not its own copy. */
	char *again = run(&r, copy);

	ASSERT_STR_EQ(again, second);
	ASSERT_TRUE(lists(&r, first));
	ASSERT_FALSE(lists(&r, second));
	wa_test_run_done(&r);
	free(first);
	free(second);
	free(again);
	free(original);
	free(copy);
	free(copy_text);
}

WA_TEST(an_unrelated_article_is_no_duplicate)
{
	struct wa_test_run r = { 0 };
	char *original = article("Dua Kapal Patroli Baru Diserahkan", body);
	char *first = run(&r, original);

	wa_test_run_done(&r);
	char *second =
		run(&r, "Harga Cabai Naik Menjelang Akhir Tahun\n\n"
			"Harga cabai rawit di sejumlah pasar tradisional naik tajam dalam "
			"sepekan terakhir karena pasokan dari daerah sentra berkurang akibat "
			"hujan deras. Pedagang mengatakan pembeli mulai mengurangi belanja "
			"dan beralih ke cabai kering yang harganya lebih stabil. Dinas "
			"perdagangan berjanji menggelar operasi pasar pekan depan agar harga "
			"kembali normal sebelum perayaan akhir tahun.\n");

	ASSERT_NOT_NULL(wa_test_string(&r, "simhash"));
	ASSERT_NULL(wa_test_field(&r, "duplicates"));
	wa_test_run_done(&r);
	free(first);
	free(second);
	free(original);
}

WA_TEST(a_short_text_gets_no_hash)
{
	struct wa_test_run r = { 0 };
	char *id = run(&r, "Singkat\n\nKapal tiba pagi ini.\n");

	ASSERT_NULL(wa_test_field(&r, "simhash"));
	wa_test_run_done(&r);
	free(id);
}

/* An index of the first fingerprint version would only match by chance: it goes. */
WA_TEST(an_index_of_an_earlier_fingerprint_version_is_removed)
{
	struct wa_test_run r = { 0 };
	char *legacy = strdup(wa_test_path("state/simhash.idx")), *id;
	struct stat st;
	int fd;

	mkdir(wa_test_path("state"), 0750);
	fd = open(legacy, O_WRONLY | O_CREAT | O_TRUNC, 0640);
	ASSERT_TRUE(fd >= 0);
	ASSERT_EQ(write(fd, "012345678901234567890123", 24), 24);
	close(fd);
	id = run(&r, body);
	ASSERT_NOT_NULL(wa_test_string(&r, "simhash"));
	wa_test_run_done(&r);
	ASSERT_EQ(stat(legacy, &st), -1);
	ASSERT_OK(stat(wa_test_path("state/simhash-2.idx"), &st));
	ASSERT_EQ(st.st_size, 24);
	free(id);
	free(legacy);
}

static void id_of(uint8_t id[INDEX_ID_BYTES], int n)
{
	memset(id, 0, INDEX_ID_BYTES);
	id[0] = (uint8_t)n;
}

WA_TEST(the_index_finds_every_hash_within_the_distance_and_no_other)
{
	struct index x;
	struct index_match m[INDEX_MAX_MATCHES];
	uint8_t id[INDEX_ID_BYTES];
	uint64_t base = UINT64_C(0x0123456789abcdef);

	ASSERT_OK(index_open(&x, NULL, 6, 0, true));
	id_of(id, 1);
	ASSERT_EQ(index_check_and_add(&x, base, id, m), 0);
	/* Six bits flipped, one in each of six of the seven blocks: still found. */
	uint64_t six = base ^ (1ULL << 0) ^ (1ULL << 10) ^ (1ULL << 20) ^ (1ULL << 30) ^
		       (1ULL << 40) ^ (1ULL << 50);

	id_of(id, 2);
	ASSERT_EQ(index_check_and_add(&x, six, id, m), 1);
	ASSERT_EQ(m[0].id[0], 1);
	ASSERT_EQ(m[0].distance, 6);
	/* Seven bits from the first, one from the second: only the second. */
	id_of(id, 3);
	ASSERT_EQ(index_check_and_add(&x, six ^ (1ULL << 60), id, m), 1);
	ASSERT_EQ(m[0].id[0], 2);
	ASSERT_EQ(m[0].distance, 1);
	index_close(&x);
}

WA_TEST(the_index_file_survives_a_restart_and_a_torn_append)
{
	struct index x;
	struct index_match m[INDEX_MAX_MATCHES];
	uint8_t id[INDEX_ID_BYTES];
	const char *path = wa_test_path("simhash.idx");

	ASSERT_OK(index_open(&x, path, 3, 0, true));
	id_of(id, 1);
	ASSERT_EQ(index_check_and_add(&x, 42, id, m), 0);
	id_of(id, 2);
	ASSERT_EQ(index_check_and_add(&x, 4242, id, m), 0);
	index_close(&x);
	/* A crash in the middle of the next append. */
	int fd = open(path, O_WRONLY | O_APPEND);

	ASSERT_TRUE(fd >= 0);
	ASSERT_EQ(write(fd, "torn!", 5), 5);
	close(fd);
	ASSERT_OK(index_open(&x, path, 3, 0, true));
	ASSERT_EQ(x.n, 2);
	id_of(id, 3);
	ASSERT_EQ(index_check_and_add(&x, 43, id, m), 1); /* one bit from 42 */
	index_close(&x);
	/* A dry run reads the file and leaves it alone. */
	ASSERT_OK(index_open(&x, path, 3, 0, false));
	ASSERT_EQ(x.n, 3);
	id_of(id, 4);
	ASSERT_EQ(index_check_and_add(&x, 4243, id, m), 1);
	index_close(&x);
	ASSERT_OK(index_open(&x, path, 3, 0, false));
	ASSERT_EQ(x.n, 3);
	index_close(&x);
}

WA_TEST(only_the_most_recent_window_of_articles_is_kept)
{
	struct index x;
	struct index_match m[INDEX_MAX_MATCHES];
	uint8_t id[INDEX_ID_BYTES];
	const char *path = wa_test_path("window.idx");
	struct stat st;
	/* Hashes some 32 bits apart: none near another. */
#define SPREAD(i) ((uint64_t)(i)*UINT64_C(0x9e3779b97f4a7c15))

	/* A window of 8: at 11 (a quarter over), the oldest three go, from the file too. */
	ASSERT_OK(index_open(&x, path, 3, 8, true));
	for (int i = 1; i <= 11; i++) {
		id_of(id, i);
		ASSERT_EQ(index_check_and_add(&x, SPREAD(i), id, m), 0);
	}
	ASSERT_EQ(x.n, 8);
	ASSERT_OK(stat(path, &st));
	ASSERT_EQ(st.st_size, 8 * (8 + INDEX_ID_BYTES));
	/* The first article is forgotten; the fourth is still found, and appends go on. */
	id_of(id, 12);
	ASSERT_EQ(index_check_and_add(&x, SPREAD(1) ^ 1, id, m), 0);
	id_of(id, 13);
	ASSERT_EQ(index_check_and_add(&x, SPREAD(4) ^ 1, id, m), 1);
	ASSERT_EQ(m[0].id[0], 4);
	index_close(&x);
	ASSERT_OK(stat(path, &st));
	ASSERT_EQ(st.st_size, 10 * (8 + INDEX_ID_BYTES));
	/* A smaller window at the next start keeps the newest. */
	ASSERT_OK(index_open(&x, path, 3, 4, true));
	ASSERT_EQ(x.n, 4);
	ASSERT_EQ(x.entries[0].id[0], 10);
	index_close(&x);
	ASSERT_OK(stat(path, &st));
	ASSERT_EQ(st.st_size, 4 * (8 + INDEX_ID_BYTES));
#undef SPREAD
}

WA_TEST_MAIN(WA_TEST_ENTRY(an_index_of_an_earlier_fingerprint_version_is_removed),
	     WA_TEST_ENTRY(the_index_finds_every_hash_within_the_distance_and_no_other),
	     WA_TEST_ENTRY(the_index_file_survives_a_restart_and_a_torn_append),
	     WA_TEST_ENTRY(only_the_most_recent_window_of_articles_is_kept),
	     WA_TEST_ENTRY(a_syndicated_copy_lists_the_original),
	     WA_TEST_ENTRY(an_unrelated_article_is_no_duplicate),
	     WA_TEST_ENTRY(a_short_text_gets_no_hash))
