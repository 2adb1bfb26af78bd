/* SPDX-License-Identifier: MIT */
/*
 * The store's checkpoints on a thread of their own, so that the daemon's
 * commits never wait for one. See checkpointer.c for why.
 */
#ifndef WA_CHECKPOINTER_H
#define WA_CHECKPOINTER_H

#include <stdbool.h>

struct wa_checkpointer;

/*
 * Opens a connection of its own to the database at path (already in WAL
 * mode) and starts its thread; with durable, checkpoints sync as
 * synchronous=FULL does, otherwise as NORMAL. Returns 0 or -errno.
 */
int wa_checkpointer_start(const char *path, bool durable, struct wa_checkpointer **ret);

/* Asks for a checkpoint soon; cheap, never blocks on one. */
void wa_checkpointer_poke(struct wa_checkpointer *c);

/* Waits for a running checkpoint, then stops the thread and closes its connection. */
void wa_checkpointer_stop(struct wa_checkpointer *c);

#endif
