/* SPDX-License-Identifier: MIT */
/*
 * The inbox watcher on a real loop (libuv's test-fs-event pattern): make a
 * directory, start the watcher, create files from timers, run the loop,
 * then assert what was offered.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <uv.h>

#include "nameset.h"
#include "wa-test.h"
#include "watcher.h"

struct consumer {
	struct wa_nameset *taken;
	int offers;
	int capacity; /* refuse once this many were taken, until resumed */
	struct wa_watcher *watcher;
	int want; /* stop the loop once this many distinct names were taken */
	uv_loop_t *loop;
};

static bool on_file(const char *name, void *userdata)
{
	struct consumer *c = userdata;

	c->offers++;
	if (getenv("WA_TEST_VERBOSE"))
		printf("# offered '%s'\n", name);
	if (c->capacity >= 0 && (int)wa_nameset_count(c->taken) >= c->capacity)
		return false;
	wa_nameset_add(c->taken, name);
	if ((int)wa_nameset_count(c->taken) >= c->want)
		uv_stop(c->loop);
	return true;
}

static void write_file(const char *name, const char *text)
{
	wa_test_write(name, text, strlen(text));
}

static void age_file(const char *name, int seconds)
{
	struct timeval tv[2];

	gettimeofday(&tv[0], NULL);
	tv[0].tv_sec -= seconds;
	tv[1] = tv[0];
	ASSERT_OK(utimes(wa_test_path(name), tv));
}

static struct wa_watcher *start(uv_loop_t *loop, struct consumer *c, int64_t settle_ms, int *ret_fd)
{
	struct wa_watcher_options o = { .settle_ms = settle_ms, .rescan_interval_ms = 60000 };
	struct wa_watcher *w = NULL;
	int fd = open(wa_test_dir, O_RDONLY | O_DIRECTORY);

	ASSERT_TRUE(fd >= 0);
	c->taken = wa_nameset_new();
	c->loop = loop;
	ASSERT_OK(wa_watcher_new(loop, wa_test_dir, fd, &o, on_file, c, &w));
	ASSERT_OK(wa_watcher_start(w));
	c->watcher = w;
	*ret_fd = fd;
	return w;
}

static void on_deadline(uv_timer_t *t)
{
	uv_stop(t->loop);
}

/* Runs the loop until the consumer has `want` names or ms elapse. */
static void run_for(uv_loop_t *loop, struct consumer *c, int want, uint64_t ms)
{
	uv_timer_t deadline;

	c->want = want;
	uv_timer_init(loop, &deadline);
	uv_timer_start(&deadline, on_deadline, ms, 0);
	uv_run(loop, UV_RUN_DEFAULT);
	uv_close((uv_handle_t *)&deadline, NULL);
	uv_run(loop, UV_RUN_NOWAIT);
}

static void finish(uv_loop_t *loop, struct consumer *c, int fd)
{
	wa_watcher_close(c->watcher);
	uv_run(loop, UV_RUN_DEFAULT);
	ASSERT_OK(uv_loop_close(loop));
	wa_nameset_free(c->taken);
	close(fd);
}

WA_TEST(files_present_at_start_are_offered)
{
	struct consumer c = { .capacity = -1 };
	uv_loop_t loop;
	int fd;

	write_file("lama.txt", "x");
	age_file("lama.txt", 10);
	write_file(".tersembunyi", "x");
	age_file(".tersembunyi", 10);
	uv_loop_init(&loop);
	start(&loop, &c, 500, &fd);
	run_for(&loop, &c, 1, 2000);
	ASSERT_TRUE(wa_nameset_contains(c.taken, "lama.txt"));
	ASSERT_EQ(wa_nameset_count(c.taken), 1);
	finish(&loop, &c, fd);
}

WA_TEST(a_young_file_waits_for_the_settle_time)
{
	struct consumer c = { .capacity = -1 };
	uint64_t t0;
	uv_loop_t loop;
	int fd;

	write_file("baru.txt", "x");
	uv_loop_init(&loop);
	t0 = uv_hrtime();
	start(&loop, &c, 300, &fd);
	run_for(&loop, &c, 1, 3000);
	ASSERT_TRUE(wa_nameset_contains(c.taken, "baru.txt"));
	ASSERT_TRUE((uv_hrtime() - t0) / 1000000 >= 250);
	finish(&loop, &c, fd);
}

static void on_create_files(uv_timer_t *t)
{
	char from[1024];
	int fd;

	(void)t;
	write_file("ditulis.txt", "ditulis di tempat");
	write_file(".sementara.tmp", "belum");
	snprintf(from, sizeof(from), "%s", wa_test_path(".sementara.tmp"));
	ASSERT_OK(rename(from, wa_test_path("dipindah.txt")));
	write_file("unduhan.part", "belum selesai");
	fd = open(wa_test_path("masih-ditulis.txt"), O_WRONLY | O_CREAT, 0600);
	ASSERT_TRUE(fd >= 0); /* created, not closed yet: must not be offered */
	ASSERT_OK(symlink("/etc/passwd", wa_test_path("tautan")));
	ASSERT_OK(mkfifo(wa_test_path("pipa"), 0600));
}

WA_TEST(events_offer_closed_renamed_and_special_files_only)
{
	struct consumer c = { .capacity = -1 };
	uv_timer_t timer;
	uv_loop_t loop;
	int fd;

	uv_loop_init(&loop);
	/* A long settle time: nothing here may come from a rescan. */
	start(&loop, &c, 60000, &fd);
	uv_timer_init(&loop, &timer);
	uv_timer_start(&timer, on_create_files, 50, 0);
	run_for(&loop, &c, 4, 3000);
	ASSERT_TRUE(wa_nameset_contains(c.taken, "ditulis.txt"));
	ASSERT_TRUE(wa_nameset_contains(c.taken, "dipindah.txt"));
	ASSERT_TRUE(wa_nameset_contains(c.taken, "tautan"));
	ASSERT_TRUE(wa_nameset_contains(c.taken, "pipa"));
	run_for(&loop, &c, 100, 200);
	ASSERT_EQ(wa_nameset_count(c.taken), 4);
	uv_close((uv_handle_t *)&timer, NULL);
	finish(&loop, &c, fd);
}

static void on_resume(uv_timer_t *t)
{
	struct consumer *c = t->data;

	c->capacity += 10;
	wa_watcher_resume(c->watcher);
}

WA_TEST(a_full_consumer_pauses_the_scan_and_loses_nothing)
{
	struct consumer c = { .capacity = 10 };
	uv_timer_t timer;
	uv_loop_t loop;
	char name[32];
	int fd;

	for (int i = 0; i < 2000; i++) {
		snprintf(name, sizeof(name), "artikel-%04d.txt", i);
		write_file(name, "x");
		age_file(name, 10);
	}
	uv_loop_init(&loop);
	start(&loop, &c, 500, &fd);
	uv_timer_init(&loop, &timer);
	timer.data = &c;
	uv_timer_start(&timer, on_resume, 1, 1);
	run_for(&loop, &c, 2000, 20000);
	ASSERT_EQ(wa_nameset_count(c.taken), 2000);
	uv_close((uv_handle_t *)&timer, NULL);
	finish(&loop, &c, fd);
}

WA_TEST_MAIN(WA_TEST_ENTRY(files_present_at_start_are_offered),
	     WA_TEST_ENTRY(a_young_file_waits_for_the_settle_time),
	     WA_TEST_ENTRY(events_offer_closed_renamed_and_special_files_only),
	     WA_TEST_ENTRY(a_full_consumer_pauses_the_scan_and_loses_nothing))
