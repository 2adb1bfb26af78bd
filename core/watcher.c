/* SPDX-License-Identifier: MIT */
/*
 * Inbox watcher. See watcher.h for the contract.
 *
 * libuv's uv_fs_event_t is not used: it does not report IN_CLOSE_WRITE and
 * swallows IN_Q_OVERFLOW, and those are exactly the two events a spool
 * needs. A scan handles at most SCAN_SLICE entries per loop iteration, so
 * a directory of a million files never stalls the loop.
 */
#include "watcher.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "banned.h"
#include "spool.h"
#include "warta/log.h"

#define SCAN_SLICE 512

struct wa_watcher {
	uv_loop_t *loop;
	char *path;
	int dir_fd;
	int inotify_fd;
	struct wa_watcher_options options;
	wa_watcher_fn *on_file;
	void *userdata;

	uv_poll_t poll;
	uv_timer_t rescan_timer; /* periodic safety net */
	uv_timer_t scan_timer;   /* drives the sliced scan and the settle re-check */
	int n_open_handles;

	DIR *scan;          /* the pass in progress, or NULL */
	bool rescan_wanted; /* start another pass when this one ends */
	bool blocked;       /* the consumer is full */
	bool young_seen;    /* this pass skipped files still settling */
	char held[256];     /* a name the consumer refused, offered again first */
	bool closing;
};

int wa_watcher_new(uv_loop_t *loop, const char *path, int dir_fd,
		   const struct wa_watcher_options *options, wa_watcher_fn *on_file, void *userdata,
		   struct wa_watcher **ret_watcher)
{
	struct wa_watcher *w = calloc(1, sizeof(*w));

	if (!w)
		return -ENOMEM;
	w->path = strdup(path);
	if (!w->path) {
		free(w);
		return -ENOMEM;
	}
	w->loop = loop;
	w->dir_fd = dir_fd;
	w->inotify_fd = -1;
	w->options = *options;
	w->on_file = on_file;
	w->userdata = userdata;
	*ret_watcher = w;
	return 0;
}

static void schedule_scan(struct wa_watcher *w, uint64_t delay_ms);

void wa_watcher_rescan(struct wa_watcher *w)
{
	if (w->closing)
		return;
	w->rescan_wanted = true;
	if (!w->scan && !w->blocked)
		schedule_scan(w, 0);
}

/* Offers one name; false if the consumer is full (the name is then held). */
static bool offer(struct wa_watcher *w, const char *name)
{
	if (w->on_file(name, w->userdata))
		return true;
	if (strlen(name) < sizeof(w->held))
		memcpy(w->held, name, strlen(name) + 1);
	w->blocked = true;
	return false;
}

static bool is_settled(struct wa_watcher *w, const struct dirent *d)
{
	struct timespec now;
	struct stat st;
	int64_t age_ms;

	if (w->options.settle_ms <= 0 || (d->d_type != DT_REG && d->d_type != DT_UNKNOWN))
		return true;
	if (fstatat(w->dir_fd, d->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno != ENOENT;
	if (!S_ISREG(st.st_mode))
		return true;
	clock_gettime(CLOCK_REALTIME, &now);
	age_ms = (int64_t)(now.tv_sec - st.st_mtim.tv_sec) * 1000 +
		 (now.tv_nsec - st.st_mtim.tv_nsec) / 1000000;
	return age_ms >= w->options.settle_ms;
}

static int open_pass(struct wa_watcher *w)
{
	int fd = openat(w->dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	w->scan = fdopendir(fd);
	if (!w->scan) {
		int r = -errno;

		close(fd);
		return r;
	}
	w->rescan_wanted = false;
	w->young_seen = false;
	return 0;
}

static void end_pass(struct wa_watcher *w)
{
	closedir(w->scan);
	w->scan = NULL;
	if (w->rescan_wanted)
		schedule_scan(w, 0);
	else if (w->young_seen)
		schedule_scan(w, (uint64_t)w->options.settle_ms);
}

/* One slice of a scan pass. */
static void on_scan_timer(uv_timer_t *timer)
{
	struct wa_watcher *w = timer->data;
	struct dirent *d;
	int r;

	if (w->closing || w->blocked)
		return;
	if (!w->scan) {
		r = open_pass(w);
		if (r < 0) {
			wa_log_error("cannot scan '%s': %s, retrying", w->path, wa_strerror(r));
			schedule_scan(w, 1000);
			return;
		}
	}
	for (int i = 0; i < SCAN_SLICE; i++) {
		errno = 0;
		d = readdir(w->scan);
		if (!d) {
			end_pass(w);
			return;
		}
		if (wa_spool_is_ignored_name(d->d_name))
			continue;
		if (!is_settled(w, d)) {
			w->young_seen = true;
			continue;
		}
		if (!offer(w, d->d_name))
			return; /* resumed by wa_watcher_resume() */
	}
	schedule_scan(w, 0);
}

static void schedule_scan(struct wa_watcher *w, uint64_t delay_ms)
{
	if (w->closing)
		return;
	/* An earlier settle re-check must not postpone an immediate pass. */
	if (uv_is_active((uv_handle_t *)&w->scan_timer) && delay_ms > 0 &&
	    uv_timer_get_due_in(&w->scan_timer) <= delay_ms)
		return;
	uv_timer_start(&w->scan_timer, on_scan_timer, delay_ms, 0);
}

void wa_watcher_resume(struct wa_watcher *w)
{
	if (!w->blocked || w->closing)
		return;
	w->blocked = false;
	if (w->held[0]) {
		char name[sizeof(w->held)];

		memcpy(name, w->held, sizeof(name));
		w->held[0] = '\0';
		if (!offer(w, name))
			return;
	}
	if (w->scan || w->rescan_wanted)
		schedule_scan(w, 0);
}

static void on_rescan_timer(uv_timer_t *timer)
{
	wa_watcher_rescan(timer->data);
}

static bool is_special(struct wa_watcher *w, const struct inotify_event *ev)
{
	struct stat st;

	if (ev->mask & IN_ISDIR)
		return true;
	return fstatat(w->dir_fd, ev->name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode);
}

static void handle_event(struct wa_watcher *w, const struct inotify_event *ev)
{
	if (ev->mask & IN_Q_OVERFLOW) {
		wa_log_notice("inotify queue overflowed on '%s', rescanning", w->path);
		wa_watcher_rescan(w);
		return;
	}
	if (ev->mask & IN_IGNORED) {
		wa_log_error("'%s' is no longer watched (deleted or unmounted?)", w->path);
		return;
	}
	if (ev->len == 0 || wa_spool_is_ignored_name(ev->name))
		return;
	/*
	 * A created regular file is still being written: wait for its close.
	 * Anything else (symlink, fifo, directory, device) never closes after
	 * writing, so it is offered now, to be refused.
	 */
	if ((ev->mask & IN_CREATE) && !is_special(w, ev))
		return;
	/* While the consumer is full, the next rescan finds this name instead. */
	if (w->blocked || !w->on_file(ev->name, w->userdata)) {
		w->blocked = true;
		w->rescan_wanted = true;
	}
}

static void on_inotify_readable(uv_poll_t *poll, int status, int events)
{
	struct wa_watcher *w = poll->data;
	char buf[64 * 1024] __attribute__((aligned(__alignof__(struct inotify_event))));

	(void)events;
	if (status < 0) {
		wa_log_error("watching '%s' failed: %s, rescanning", w->path, wa_strerror(status));
		wa_watcher_rescan(w);
		return;
	}
	for (;;) {
		ssize_t n = read(w->inotify_fd, buf, sizeof(buf));

		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			return;
		}
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;

			handle_event(w, ev);
			p += sizeof(*ev) + ev->len;
		}
	}
}

int wa_watcher_start(struct wa_watcher *w)
{
	int r;

	w->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->inotify_fd < 0)
		return -errno;
	/* IN_ONLYDIR: refuse to watch anything that was swapped for a non-directory. */
	if (inotify_add_watch(w->inotify_fd, w->path,
			      IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ONLYDIR) < 0)
		return -errno;
	r = uv_poll_init(w->loop, &w->poll, w->inotify_fd);
	if (r < 0)
		return r;
	w->poll.data = w;
	w->n_open_handles++;
	uv_timer_init(w->loop, &w->rescan_timer);
	w->rescan_timer.data = w;
	w->n_open_handles++;
	uv_timer_init(w->loop, &w->scan_timer);
	w->scan_timer.data = w;
	w->n_open_handles++;
	r = uv_poll_start(&w->poll, UV_READABLE, on_inotify_readable);
	if (r < 0)
		return r;
	uv_timer_start(&w->rescan_timer, on_rescan_timer, (uint64_t)w->options.rescan_interval_ms,
		       (uint64_t)w->options.rescan_interval_ms);
	/* The watch exists now, so anything the scan misses produces an event. */
	wa_watcher_rescan(w);
	return 0;
}

void wa_watcher_set_options(struct wa_watcher *w, const struct wa_watcher_options *options)
{
	w->options = *options;
	if (uv_is_active((uv_handle_t *)&w->rescan_timer))
		uv_timer_start(&w->rescan_timer, on_rescan_timer,
			       (uint64_t)options->rescan_interval_ms,
			       (uint64_t)options->rescan_interval_ms);
}

static void free_watcher(struct wa_watcher *w)
{
	if (w->scan)
		closedir(w->scan);
	if (w->inotify_fd >= 0)
		close(w->inotify_fd);
	free(w->path);
	free(w);
}

static void on_handle_closed(uv_handle_t *handle)
{
	struct wa_watcher *w = handle->data;

	if (--w->n_open_handles == 0)
		free_watcher(w);
}

void wa_watcher_close(struct wa_watcher *w)
{
	if (!w)
		return;
	w->closing = true;
	if (w->n_open_handles == 0) {
		free_watcher(w);
		return;
	}
	/* Handles are initialised in this order, so the count says which exist. */
	uv_close((uv_handle_t *)&w->poll, on_handle_closed);
	if (w->n_open_handles >= 2)
		uv_close((uv_handle_t *)&w->rescan_timer, on_handle_closed);
	if (w->n_open_handles >= 3)
		uv_close((uv_handle_t *)&w->scan_timer, on_handle_closed);
}
