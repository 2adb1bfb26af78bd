/* SPDX-License-Identifier: MIT */
/* The seen-id set: membership, rollback of a failed batch, the journal across restarts. */
#include <fcntl.h>
#include <stdio.h>
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

WA_TEST(ids_survive_a_restart_only_when_committed)
{
	struct wa_seen *seen = NULL;
	char id[WA_ID_SIZE];
	int fd = dir_fd();

	ASSERT_OK(wa_seen_open(fd, "seen.ids", &seen));
	for (int i = 0; i < 3000; i++) {
		id_for(i, id);
		ASSERT_OK(wa_seen_add(seen, id));
	}
	ASSERT_OK(wa_seen_commit(seen, true));
	id_for(7, id);
	ASSERT_EQ(wa_seen_add(seen, id), 1);
	/* A failed batch: staged, then rolled back, without disturbing the rest. */
	for (int i = 5000; i < 5600; i++) {
		id_for(i, id);
		ASSERT_OK(wa_seen_add(seen, id));
		ASSERT_TRUE(wa_seen_contains(seen, id));
	}
	wa_seen_rollback(seen);
	ASSERT_EQ(wa_seen_count(seen), 3000);
	for (int i = 5000; i < 5600; i++) {
		id_for(i, id);
		ASSERT_FALSE(wa_seen_contains(seen, id));
	}
	for (int i = 0; i < 3000; i++) {
		id_for(i, id);
		ASSERT_TRUE(wa_seen_contains(seen, id));
	}
	wa_seen_free(seen);

	ASSERT_OK(wa_seen_open(fd, "seen.ids", &seen));
	ASSERT_EQ(wa_seen_count(seen), 3000);
	id_for(2999, id);
	ASSERT_TRUE(wa_seen_contains(seen, id));
	id_for(5000, id);
	ASSERT_FALSE(wa_seen_contains(seen, id));
	wa_seen_free(seen);
	close(fd);
}

WA_TEST(a_torn_last_entry_is_dropped)
{
	struct wa_seen *seen = NULL;
	char id[WA_ID_SIZE];
	struct stat st;
	int fd = dir_fd();

	ASSERT_OK(wa_seen_open(fd, "seen.ids", &seen));
	id_for(1, id);
	ASSERT_OK(wa_seen_add(seen, id));
	ASSERT_OK(wa_seen_commit(seen, false));
	wa_seen_free(seen);
	/* A crash in the middle of an append. */
	FILE *f = fopen(wa_test_path("seen.ids"), "ab");
	fwrite("\x01\x02\x03", 1, 3, f);
	fclose(f);
	ASSERT_OK(wa_seen_open(fd, "seen.ids", &seen));
	ASSERT_EQ(wa_seen_count(seen), 1);
	id_for(2, id);
	ASSERT_OK(wa_seen_add(seen, id));
	ASSERT_OK(wa_seen_commit(seen, false));
	wa_seen_free(seen);
	ASSERT_OK(stat(wa_test_path("seen.ids"), &st));
	ASSERT_EQ(st.st_size, 32);
	ASSERT_OK(wa_seen_open(fd, "seen.ids", &seen));
	ASSERT_TRUE(wa_seen_contains(seen, id));
	wa_seen_free(seen);
	close(fd);
}

WA_TEST(invalid_ids_are_refused)
{
	struct wa_seen *seen = NULL;
	int fd = dir_fd();

	ASSERT_OK(wa_seen_open(fd, "seen.ids", &seen));
	ASSERT_EQ(wa_seen_add(seen, "not-an-id"), -EINVAL);
	ASSERT_FALSE(wa_seen_contains(seen, "not-an-id"));
	wa_seen_free(seen);
	close(fd);
}

WA_TEST_MAIN(WA_TEST_ENTRY(ids_survive_a_restart_only_when_committed),
	     WA_TEST_ENTRY(a_torn_last_entry_is_dropped), WA_TEST_ENTRY(invalid_ids_are_refused))
