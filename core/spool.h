/* SPDX-License-Identifier: MIT */
/*
 * Spool: the on-disk queue of articles.
 *
 * Files move inbox/ -> work/ -> done/DAY/ | failed/ by rename(2) only, so
 * at every instant each input is in exactly one directory and a crash can
 * at worst leave it in work/, where the next start picks it up again. The
 * claim reads a file before moving it, because its work/ name carries the
 * content id (work/ID~NAME): two drops under one name never collide. The
 * spool reads bytes and file metadata; it never interprets content.
 *
 * All functions block and may run on any thread; they return 0, a
 * documented positive status, or -errno.
 */
#ifndef WA_SPOOL_H
#define WA_SPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "config.h"
#include "id.h"

enum wa_spool_status {
	WA_SPOOL_GONE = 1,    /* the file is no longer there: claimed by someone else */
	WA_SPOOL_REFUSED = 2, /* not claimable: see claim.reason; the file is still in place */
};

enum wa_spool_dir {
	WA_SPOOL_INBOX,
	WA_SPOOL_WORK,
};

/* Longest inbox name kept in a work/ name: ID + '~' + NAME must fit NAME_MAX. */
#define WA_SPOOL_NAME_MAX 222

struct wa_spool;

/* A claimed file: its bytes (caller owns; free()) and where it now lives. */
struct wa_claim {
	char name[256];      /* the producer's file name */
	char work_name[256]; /* its name in work/ */
	char id[WA_ID_SIZE];
	void *data;
	size_t len;
	char reason[256]; /* why a file was refused (WA_SPOOL_REFUSED) */
};

/*
 * Opens (creating if needed) SPOOL/{inbox,work,outbox,done,failed} and the
 * state directory. Caller owns *ret_spool; free with wa_spool_free().
 */
int wa_spool_open(const char *spool_dir, const char *state_dir, enum wa_durability durability,
		  enum wa_done_action done, struct wa_spool **ret_spool);
void wa_spool_free(struct wa_spool *spool);

int wa_spool_inbox_fd(const struct wa_spool *spool);
int wa_spool_work_fd(const struct wa_spool *spool);
int wa_spool_state_fd(const struct wa_spool *spool);
const char *wa_spool_path(const struct wa_spool *spool);

/* True for names producers use while still writing: .hidden, *.tmp, *.part, *.crdownload, *~. */
bool wa_spool_is_ignored_name(const char *name);

/*
 * Claims inbox/NAME: refuses anything but a non-empty regular file of at
 * most max_bytes without reading it (symlinks are never followed, fifos
 * and devices never opened), reads it, and renames it to work/ID~NAME.
 */
int wa_spool_claim(struct wa_spool *spool, const char *name, int64_t max_bytes,
		   struct wa_claim *ret_claim);
/* Takes up work/WORK_NAME again after a crash, reading it and fixing its id. */
int wa_spool_reclaim(struct wa_spool *spool, const char *work_name, int64_t max_bytes,
		     struct wa_claim *ret_claim);

/* Moves a processed file out of work/: to done/DAY/NAME, or deletes it (done = "delete"). */
int wa_spool_retire(struct wa_spool *spool, const struct wa_claim *claim);

/*
 * Moves dir/NAME to failed/ beside NAME.error.json, which records the
 * reason (and id, if known). Never follows or opens the file itself.
 */
int wa_spool_fail(struct wa_spool *spool, enum wa_spool_dir dir, const char *name,
		  const char *original_name, const char *id, const char *reason);

/*
 * Attempts: how many times an article has crashed or hung the pipeline,
 * kept as the size of state/attempts/ID so that a crash handler can count
 * with one async-signal-safe append.
 */
int wa_spool_attempts(struct wa_spool *spool, const char *id);
void wa_spool_attempts_clear(struct wa_spool *spool, const char *id);
/* Async-signal-safe: a single open/write/fsync/close. */
void wa_spool_attempts_bump(int attempts_fd, const char *id);
int wa_spool_attempts_fd(const struct wa_spool *spool);

/* Splits a work/ name "ID~NAME" into its parts; false if it has no id prefix. */
bool wa_spool_parse_work_name(const char *work_name, char ret_id[WA_ID_SIZE],
			      const char **ret_name);

#endif
