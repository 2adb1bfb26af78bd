/* SPDX-License-Identifier: MIT */
/*
 * Watcher: tells which inbox names may be ready to claim.
 *
 * A raw inotify descriptor (IN_CLOSE_WRITE | IN_MOVED_TO), driven by a
 * uv_poll_t, reports files as producers finish them. Events can be lost
 * (the kernel queue overflows under a flood, or the consumer is full), so
 * the watcher also rescans the directory: at start, after an overflow or a
 * dropped event, and every rescan interval. A rescan reads the directory in
 * slices, never whole, and skips files modified within the settle time
 * (possibly still being written; their close event will follow). It only
 * emits names: it never opens, stats for type, or moves a file, and it
 * does not remember what it emitted (the consumer deduplicates).
 */
#ifndef WA_WATCHER_H
#define WA_WATCHER_H

#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

struct wa_watcher;

/*
 * Offers a name. Returns true if taken (or already known), false if the
 * consumer has no room: the watcher then holds the name and pauses its
 * scan until wa_watcher_resume().
 */
typedef bool wa_watcher_fn(const char *name, void *userdata);

struct wa_watcher_options {
	int64_t settle_ms;
	int64_t rescan_interval_ms;
};

/*
 * Watches `path` (whose directory fd is dir_fd, borrowed). Caller owns
 * *ret_watcher; release with wa_watcher_close().
 */
int wa_watcher_new(uv_loop_t *loop, const char *path, int dir_fd,
		   const struct wa_watcher_options *options, wa_watcher_fn *on_file, void *userdata,
		   struct wa_watcher **ret_watcher);
/* Adds the inotify watch, then starts the first scan. */
int wa_watcher_start(struct wa_watcher *watcher);
/* The consumer has room again: continue a paused scan. */
void wa_watcher_resume(struct wa_watcher *watcher);
/* Asks for a full rescan as soon as possible. */
void wa_watcher_rescan(struct wa_watcher *watcher);
/* Updates the timing options (reload). */
void wa_watcher_set_options(struct wa_watcher *watcher, const struct wa_watcher_options *options);
/* Stops all watching and closes the handles; the memory is freed once libuv lets go. */
void wa_watcher_close(struct wa_watcher *watcher);

#endif
