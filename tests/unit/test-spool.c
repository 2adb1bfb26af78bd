/* SPDX-License-Identifier: MIT */
/* The spool protocol: claims, refusals that never open the file, retirement, failure, attempts. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "id.h"
#include "spool.h"
#include "wa-test.h"

static struct wa_spool *open_spool(enum wa_done_action done)
{
	struct wa_spool *spool = NULL;
	char state[512];

	snprintf(state, sizeof(state), "%s/state", wa_test_dir);
	ASSERT_OK(wa_spool_open(wa_test_path("spool"), state, WA_DURABILITY_FULL, done, &spool));
	return spool;
}

static bool exists(const char *rel)
{
	struct stat st;

	return lstat(wa_test_path(rel), &st) == 0;
}

static char *slurp(const char *rel)
{
	static char buf[4096];
	FILE *f = fopen(wa_test_path(rel), "rb");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

WA_TEST(open_creates_the_layout)
{
	struct wa_spool *spool = open_spool(WA_DONE_KEEP);

	ASSERT_TRUE(exists("spool/inbox") && exists("spool/work") && exists("spool/outbox"));
	ASSERT_TRUE(exists("spool/done") && exists("spool/failed") && exists("state/attempts"));
	wa_spool_free(spool);
	/* Opening again is harmless. */
	wa_spool_free(open_spool(WA_DONE_KEEP));
}

WA_TEST(ignored_names)
{
	ASSERT_TRUE(wa_spool_is_ignored_name(".artikel.txt"));
	ASSERT_TRUE(wa_spool_is_ignored_name("artikel.txt.tmp"));
	ASSERT_TRUE(wa_spool_is_ignored_name("artikel.part"));
	ASSERT_TRUE(wa_spool_is_ignored_name("artikel.html.crdownload"));
	ASSERT_TRUE(wa_spool_is_ignored_name("artikel.txt~"));
	ASSERT_FALSE(wa_spool_is_ignored_name("artikel.txt"));
	ASSERT_FALSE(wa_spool_is_ignored_name("tmp.txt"));
}

WA_TEST(claim_reads_and_moves_under_the_content_id)
{
	struct wa_spool *spool = open_spool(WA_DONE_KEEP);
	struct wa_claim c;
	char expected[WA_ID_SIZE], path[512];

	wa_test_write("spool/inbox/rusia.txt", "Moskow -- isi berita", 20);
	wa_id_of("Moskow -- isi berita", 20, expected);
	ASSERT_OK(wa_spool_claim(spool, "rusia.txt", 1 << 20, &c));
	ASSERT_STR_EQ(c.id, expected);
	ASSERT_STR_EQ(c.name, "rusia.txt");
	ASSERT_EQ(c.len, 20);
	ASSERT_OK(memcmp(c.data, "Moskow -- isi berita", 20));
	snprintf(path, sizeof(path), "spool/work/%s~rusia.txt", expected);
	ASSERT_TRUE(exists(path));
	ASSERT_FALSE(exists("spool/inbox/rusia.txt"));
	free(c.data);
	/* Claimed by someone else in the meantime. */
	ASSERT_EQ(wa_spool_claim(spool, "rusia.txt", 1 << 20, &c), WA_SPOOL_GONE);
	wa_spool_free(spool);
}

WA_TEST(same_name_twice_never_collides_in_work)
{
	struct wa_spool *spool = open_spool(WA_DONE_KEEP);
	struct wa_claim a, b;

	wa_test_write("spool/inbox/berita.txt", "versi satu", 10);
	ASSERT_OK(wa_spool_claim(spool, "berita.txt", 1 << 20, &a));
	wa_test_write("spool/inbox/berita.txt", "versi dua", 9);
	ASSERT_OK(wa_spool_claim(spool, "berita.txt", 1 << 20, &b));
	ASSERT_NE(strcmp(a.work_name, b.work_name), 0);
	ASSERT_OK(wa_spool_retire(spool, &a));
	ASSERT_OK(wa_spool_retire(spool, &b));
	free(a.data);
	free(b.data);
	wa_spool_free(spool);
}

WA_TEST(refusals_name_the_reason_and_never_open)
{
	struct wa_spool *spool = open_spool(WA_DONE_KEEP);
	struct wa_claim c;
	char big[2048];

	/* A fifo with no writer: opening it for reading without O_NONBLOCK would hang the test. */
	ASSERT_OK(mkfifo(wa_test_path("spool/inbox/fifo"), 0600));
	ASSERT_EQ(wa_spool_claim(spool, "fifo", 1 << 20, &c), WA_SPOOL_REFUSED);
	ASSERT_CONTAINS(c.reason, "a fifo");
	ASSERT_OK(symlink("/etc/passwd", wa_test_path("spool/inbox/link")));
	ASSERT_EQ(wa_spool_claim(spool, "link", 1 << 20, &c), WA_SPOOL_REFUSED);
	ASSERT_CONTAINS(c.reason, "symbolic link");
	ASSERT_OK(mkdir(wa_test_path("spool/inbox/dir"), 0700));
	ASSERT_EQ(wa_spool_claim(spool, "dir", 1 << 20, &c), WA_SPOOL_REFUSED);
	ASSERT_CONTAINS(c.reason, "a directory");
	wa_test_write("spool/inbox/empty", "", 0);
	ASSERT_EQ(wa_spool_claim(spool, "empty", 1 << 20, &c), WA_SPOOL_REFUSED);
	ASSERT_CONTAINS(c.reason, "empty file");
	memset(big, 'a', sizeof(big));
	wa_test_write("spool/inbox/big", big, sizeof(big));
	ASSERT_EQ(wa_spool_claim(spool, "big", 1024, &c), WA_SPOOL_REFUSED);
	ASSERT_CONTAINS(c.reason, "2048 bytes is more than max_article_bytes (1024)");
	/* Refused files stay where they are until failed. */
	ASSERT_TRUE(exists("spool/inbox/fifo") && exists("spool/inbox/link") &&
		    exists("spool/inbox/big"));
	ASSERT_NULL(c.data);
	wa_spool_free(spool);
}

WA_TEST(fail_moves_the_file_beside_its_reason)
{
	struct wa_spool *spool = open_spool(WA_DONE_KEEP);
	char *json;

	ASSERT_OK(symlink("/etc/passwd", wa_test_path("spool/inbox/link")));
	ASSERT_OK(wa_spool_fail(spool, WA_SPOOL_INBOX, "link", "link", NULL,
				"refused: a \"symbolic\" link"));
	ASSERT_FALSE(exists("spool/inbox/link"));
	ASSERT_TRUE(exists("spool/failed/link"));
	json = slurp("spool/failed/link.error.json");
	ASSERT_CONTAINS(json, "\"file\":\"link\"");
	ASSERT_CONTAINS(json, "\"id\":null");
	ASSERT_CONTAINS(json, "\"reason\":\"refused: a \\\"symbolic\\\" link\"");
	/* A second failure under the same name keeps the first. */
	wa_test_write("spool/inbox/link", "x", 1);
	ASSERT_OK(wa_spool_fail(spool, WA_SPOOL_INBOX, "link", "link",
				"06b05ab6733a618578af5f94892f3950", "again"));
	ASSERT_TRUE(exists("spool/failed/link"));
	ASSERT_TRUE(exists("spool/failed/06b05ab6733a618578af5f94892f3950~link"));
	ASSERT_TRUE(exists("spool/failed/06b05ab6733a618578af5f94892f3950~link.error.json"));
	ASSERT_EQ(wa_spool_fail(spool, WA_SPOOL_INBOX, "gone", "gone", NULL, "x"), WA_SPOOL_GONE);
	wa_spool_free(spool);
}

WA_TEST(retire_files_by_day_without_overwriting)
{
	struct wa_spool *spool = open_spool(WA_DONE_KEEP);
	struct wa_claim a, b;
	char day[16], path[512];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	wa_test_write("spool/inbox/a.txt", "satu", 4);
	ASSERT_OK(wa_spool_claim(spool, "a.txt", 1 << 20, &a));
	ASSERT_OK(wa_spool_retire(spool, &a));
	wa_test_write("spool/inbox/a.txt", "dua", 3);
	ASSERT_OK(wa_spool_claim(spool, "a.txt", 1 << 20, &b));
	ASSERT_OK(wa_spool_retire(spool, &b));
	snprintf(path, sizeof(path), "spool/done/%s/a.txt", day);
	ASSERT_STR_EQ(slurp(path), "satu");
	snprintf(path, sizeof(path), "spool/done/%s/%s~a.txt", day, b.id);
	ASSERT_STR_EQ(slurp(path), "dua");
	/* Retiring what is already gone is not an error (an identical twin went first). */
	ASSERT_OK(wa_spool_retire(spool, &b));
	free(a.data);
	free(b.data);
	wa_spool_free(spool);
}

WA_TEST(retire_can_delete)
{
	struct wa_spool *spool = open_spool(WA_DONE_DELETE);
	struct wa_claim c;

	wa_test_write("spool/inbox/a.txt", "satu", 4);
	ASSERT_OK(wa_spool_claim(spool, "a.txt", 1 << 20, &c));
	ASSERT_OK(wa_spool_retire(spool, &c));
	ASSERT_FALSE(exists("spool/inbox/a.txt"));
	ASSERT_OK(rmdir(wa_test_path("spool/work")));
	free(c.data);
	wa_spool_free(spool);
}

WA_TEST(reclaim_fixes_a_wrong_id)
{
	struct wa_spool *spool = open_spool(WA_DONE_KEEP);
	struct wa_claim c;
	char expected[WA_ID_SIZE], path[512];

	wa_test_write("spool/work/00000000000000000000000000000000~x.txt", "isi", 3);
	wa_id_of("isi", 3, expected);
	ASSERT_OK(wa_spool_reclaim(spool, "00000000000000000000000000000000~x.txt", 1 << 20, &c));
	ASSERT_STR_EQ(c.id, expected);
	ASSERT_STR_EQ(c.name, "x.txt");
	snprintf(path, sizeof(path), "spool/work/%s~x.txt", expected);
	ASSERT_TRUE(exists(path));
	free(c.data);
	wa_spool_free(spool);
}

WA_TEST(attempts_count_up_and_clear)
{
	struct wa_spool *spool = open_spool(WA_DONE_KEEP);
	const char *id = "06b05ab6733a618578af5f94892f3950";

	ASSERT_EQ(wa_spool_attempts(spool, id), 0);
	wa_spool_attempts_bump(wa_spool_attempts_fd(spool), id);
	wa_spool_attempts_bump(wa_spool_attempts_fd(spool), id);
	ASSERT_EQ(wa_spool_attempts(spool, id), 2);
	wa_spool_attempts_clear(spool, id);
	ASSERT_EQ(wa_spool_attempts(spool, id), 0);
	wa_spool_free(spool);
}

WA_TEST(work_names_parse)
{
	char id[WA_ID_SIZE];
	const char *name;

	ASSERT_TRUE(
		wa_spool_parse_work_name("06b05ab6733a618578af5f94892f3950~a~b.txt", id, &name));
	ASSERT_STR_EQ(id, "06b05ab6733a618578af5f94892f3950");
	ASSERT_STR_EQ(name, "a~b.txt");
	ASSERT_FALSE(wa_spool_parse_work_name("a.txt", id, &name));
	ASSERT_FALSE(wa_spool_parse_work_name("06b05ab6733a618578af5f94892f3950~", id, &name));
}

WA_TEST_MAIN(WA_TEST_ENTRY(open_creates_the_layout), WA_TEST_ENTRY(ignored_names),
	     WA_TEST_ENTRY(claim_reads_and_moves_under_the_content_id),
	     WA_TEST_ENTRY(same_name_twice_never_collides_in_work),
	     WA_TEST_ENTRY(refusals_name_the_reason_and_never_open),
	     WA_TEST_ENTRY(fail_moves_the_file_beside_its_reason),
	     WA_TEST_ENTRY(retire_files_by_day_without_overwriting),
	     WA_TEST_ENTRY(retire_can_delete), WA_TEST_ENTRY(reclaim_fixes_a_wrong_id),
	     WA_TEST_ENTRY(attempts_count_up_and_clear), WA_TEST_ENTRY(work_names_parse))
