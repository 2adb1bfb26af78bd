/* SPDX-License-Identifier: MIT */
/*
 * Checkpoints apart from the commits.
 *
 * SQLite copies its write-ahead log back into the database (a checkpoint)
 * inside the commit that takes the log past 1,000 pages, and syncs the
 * database there. In the daemon that commit is the committer's: while it
 * waits for the disk, finished articles pile up until max_in_flight stops
 * the workers. Measured with every analysis stage and the store, the two
 * cores were busy 1.65 of 2 against 1.79 with no checkpoints at all. Here
 * the commit only wakes this thread, which checkpoints through a
 * connection of its own, in two passes:
 *
 * - PASSIVE copies the bulk of the log and syncs the database while the
 *   writer goes on committing;
 * - RESTART then copies what was committed meanwhile (little) with the
 *   writer held off, so that the next commit writes the log from its
 *   beginning again. Without it the log never restarts under a steady
 *   flood (a commit always lands while the copy runs) and grew to 64 MiB,
 *   every commit extending the file (measured: 60-80 us more CPU per
 *   article). It waits at most RESTART_WAIT_MS for a reader or the
 *   writer, and gives up until the next poke.
 */
#include "checkpointer.h"

#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "store.h"

#define RESTART_WAIT_MS 50

struct wa_checkpointer {
	sqlite3 *db;
	pthread_t thread;
	pthread_mutex_t lock; /* guards the two flags */
	pthread_cond_t wake;
	bool poked;
	bool stopping;
};

static void *run(void *arg)
{
	struct wa_checkpointer *c = arg;

	pthread_mutex_lock(&c->lock);
	for (;;) {
		while (!c->poked && !c->stopping)
			pthread_cond_wait(&c->wake, &c->lock);
		if (c->stopping)
			break;
		c->poked = false;
		pthread_mutex_unlock(&c->lock);
		/* A failure (a full disk, a reader) leaves the log as it was, for the next poke. */
		if (sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL) ==
		    SQLITE_OK)
			(void)sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_RESTART,
							NULL, NULL);
		pthread_mutex_lock(&c->lock);
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

int wa_checkpointer_start(const char *path, bool durable, struct wa_checkpointer **ret)
{
	struct wa_checkpointer *c = calloc(1, sizeof(*c));
	int r;

	if (!c)
		return -ENOMEM;
	r = sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (r == SQLITE_OK)
		r = sqlite3_exec(c->db,
				 durable ? "PRAGMA synchronous = FULL"
					 : "PRAGMA synchronous = NORMAL",
				 NULL, NULL, NULL);
	if (r == SQLITE_OK)
		r = sqlite3_busy_timeout(c->db, RESTART_WAIT_MS);
	if (r != SQLITE_OK) {
		sqlite3_close_v2(c->db);
		free(c);
		return wa_store_errno(r) ? wa_store_errno(r) : -EIO;
	}
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->wake, NULL);
	r = pthread_create(&c->thread, NULL, run, c);
	if (r != 0) {
		pthread_cond_destroy(&c->wake);
		pthread_mutex_destroy(&c->lock);
		sqlite3_close_v2(c->db);
		free(c);
		return -r;
	}
	*ret = c;
	return 0;
}

void wa_checkpointer_poke(struct wa_checkpointer *c)
{
	pthread_mutex_lock(&c->lock);
	c->poked = true;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
}

void wa_checkpointer_stop(struct wa_checkpointer *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	c->stopping = true;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->lock);
	sqlite3_close_v2(c->db);
	free(c);
}
