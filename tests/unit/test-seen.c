/* SPDX-License-Identifier: MIT */
/* The seen-id set: reservations, the journal across restarts, torn entries, threads. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "id.h"
#include "seen.h"
#include "wa-test.h"

static void id_for(int i, char id[WA_ID_SIZE])
{
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "article %d", i);

	wa_id_of(buf, (size_t)n, id);
}

static int dir_fd(void)
{
	int fd = open(wa_test_dir, O_RDONLY | O_DIRECTORY);

	ASSERT_TRUE(fd >= 0);
	return fd;
}

/* Journals ids first..last-1. */
static void journal_range(struct wa_seen *seen, int first, int last)
{
	char(*ids)[WA_ID_SIZE] = calloc((size_t)(last - first), WA_ID_SIZE);
	const char **ptrs = calloc((size_t)(last - first), sizeof(*ptrs));

	for (int i = first; i < last; i++) {
		id_for(i, ids[i - first]);
		ptrs[i - first] = ids[i - first];
	}
	ASSERT_OK(wa_seen_journal(seen, ptrs, (size_t)(last - first), true));
	free(ids);
	free(ptrs);
}

WA_TEST(only_journaled_ids_survive_a_restart)
{
	struct wa_seen *seen = NULL;
	char id[WA_ID_SIZE];
	int fd = dir_fd();

	ASSERT_OK(wa_seen_open(fd, "seen.ids", 0, &seen));
	for (int i = 0; i < 3600; i++) {
		id_for(i, id);
		ASSERT_OK(wa_seen_reserve(seen, id));
	}
	/* Reserved twice is a duplicate, journaled or not. */
	id_for(7, id);
	ASSERT_EQ(wa_seen_reserve(seen, id), 1);
	journal_range(seen, 0, 3000);
	ASSERT_EQ(wa_seen_count(seen), 3600);
	wa_seen_free(seen);

	/* After a crash, what was only reserved is forgotten: those articles are processed again.
	 */
	ASSERT_OK(wa_seen_open(fd, "seen.ids", 0, &seen));
	ASSERT_EQ(wa_seen_count(seen), 3000);
	id_for(2999, id);
	ASSERT_TRUE(wa_seen_contains(seen, id));
	id_for(3000, id);
	ASSERT_FALSE(wa_seen_contains(seen, id));
	wa_seen_free(seen);
	close(fd);
}

/*
 * A window of ten: past twelve and a half journaled, the journal is cut to
 * the newest ten, at once and when it is opened again; the older ids are
 * forgotten, the newer still duplicates.
 */
WA_TEST(only_the_newest_ids_of_the_window_are_kept)
{
	struct wa_seen *seen = NULL;
	char id[WA_ID_SIZE];
	struct stat st;
	int fd = dir_fd();

	ASSERT_OK(wa_seen_open(fd, "seen.ids", 10, &seen));
	for (int first = 0; first < 30; first += 3)
		journal_range(seen, first, first + 3);
	ASSERT_OK(fstatat(fd, "seen.ids", &st, 0));
	ASSERT_TRUE(st.st_size <= 12 * 16 && st.st_size >= 10 * 16);
	ASSERT_TRUE(wa_seen_count(seen) <= 12);
	id_for(29, id);
	ASSERT_EQ(wa_seen_reserve(seen, id), 1);
	id_for(0, id);
	ASSERT_EQ(wa_seen_reserve(seen, id), 0);
	wa_seen_free(seen);
	/* A journal written with no window is cut when opened with one. */
	ASSERT_OK(unlinkat(fd, "seen.ids", 0));
	ASSERT_OK(wa_seen_open(fd, "seen.ids", 0, &seen));
	journal_range(seen, 100, 140);
	wa_seen_free(seen);
	ASSERT_OK(wa_seen_open(fd, "seen.ids", 10, &seen));
	ASSERT_EQ(wa_seen_count(seen), 10);
	id_for(139, id);
	ASSERT_EQ(wa_seen_reserve(seen, id), 1);
	id_for(130, id);
	ASSERT_EQ(wa_seen_reserve(seen, id), 1);
	id_for(129, id);
	ASSERT_EQ(wa_seen_reserve(seen, id), 0);
	ASSERT_OK(fstatat(fd, "seen.ids", &st, 0));
	ASSERT_EQ(st.st_size, 10 * 16);
	ASSERT_NE(faccessat(fd, "seen.ids.tmp", F_OK, 0), 0);
	wa_seen_free(seen);
	close(fd);
}

WA_TEST(a_torn_last_entry_is_dropped)
{
	struct wa_seen *seen = NULL;
	char id[WA_ID_SIZE];
	struct stat st;
	int fd = dir_fd();

	ASSERT_OK(wa_seen_open(fd, "seen.ids", 0, &seen));
	journal_range(seen, 1, 2);
	wa_seen_free(seen);
	/* A crash in the middle of an append. */
	FILE *f = fopen(wa_test_path("seen.ids"), "ab");
	fwrite("\x01\x02\x03", 1, 3, f);
	fclose(f);
	ASSERT_OK(wa_seen_open(fd, "seen.ids", 0, &seen));
	ASSERT_EQ(wa_seen_count(seen), 1);
	journal_range(seen, 2, 3);
	wa_seen_free(seen);
	ASSERT_OK(stat(wa_test_path("seen.ids"), &st));
	ASSERT_EQ(st.st_size, 32);
	ASSERT_OK(wa_seen_open(fd, "seen.ids", 0, &seen));
	id_for(2, id);
	ASSERT_TRUE(wa_seen_contains(seen, id));
	wa_seen_free(seen);
	close(fd);
}

WA_TEST(invalid_ids_are_refused)
{
	struct wa_seen *seen = NULL;
	const char *bad = "not-an-id";
	int fd = dir_fd();

	ASSERT_OK(wa_seen_open(fd, "seen.ids", 0, &seen));
	ASSERT_EQ(wa_seen_reserve(seen, bad), -EINVAL);
	ASSERT_FALSE(wa_seen_contains(seen, bad));
	ASSERT_EQ(wa_seen_journal(seen, &bad, 1, false), -EINVAL);
	wa_seen_free(seen);
	close(fd);
}

struct racer {
	struct wa_seen *seen;
	int won;
};

static void *race(void *arg)
{
	struct racer *r = arg;
	char id[WA_ID_SIZE];

	for (int i = 0; i < 20000; i++) {
		id_for(i, id);
		r->won += wa_seen_reserve(r->seen, id) == 0;
	}
	return NULL;
}

WA_TEST(concurrent_reservations_give_each_id_once)
{
	struct wa_seen *seen = NULL;
	struct racer racers[4];
	pthread_t threads[4];
	int fd = dir_fd(), total = 0;

	ASSERT_OK(wa_seen_open(fd, "seen.ids", 0, &seen));
	for (int i = 0; i < 4; i++) {
		racers[i] = (struct racer){ seen, 0 };
		ASSERT_OK(pthread_create(&threads[i], NULL, race, &racers[i]));
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(threads[i], NULL);
		total += racers[i].won;
	}
	ASSERT_EQ(total, 20000);
	wa_seen_free(seen);
	close(fd);
}

WA_TEST_MAIN(WA_TEST_ENTRY(only_journaled_ids_survive_a_restart),
	     WA_TEST_ENTRY(only_the_newest_ids_of_the_window_are_kept),
	     WA_TEST_ENTRY(a_torn_last_entry_is_dropped), WA_TEST_ENTRY(invalid_ids_are_refused),
	     WA_TEST_ENTRY(concurrent_reservations_give_each_id_once))
