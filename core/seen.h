/* SPDX-License-Identifier: MIT */
/*
 * The set of article ids already recorded, so that identical bytes dropped
 * twice give one record. Kept in memory as an open-addressing hash set and
 * on disk as an append-only journal of 16-byte ids (state/seen.ids), read
 * back at start. A torn last entry after a crash is ignored: at worst one
 * duplicate gets a second record, never an article none.
 *
 * Not thread-safe: one thread (the committer) owns it.
 */
#ifndef WA_SEEN_H
#define WA_SEEN_H

#include <stdbool.h>
#include <stddef.h>

struct wa_seen;

/* Opens or creates the journal at dir_fd/name and loads it. Caller owns *ret_seen. */
int wa_seen_open(int dir_fd, const char *name, struct wa_seen **ret_seen);
void wa_seen_free(struct wa_seen *seen);

bool wa_seen_contains(const struct wa_seen *seen, const char *id);
/* Adds an id in memory and stages it for the journal. Returns 0, or 1 if already present. */
int wa_seen_add(struct wa_seen *seen, const char *id);
/* Forgets the ids added since the last commit (the batch failed). */
void wa_seen_rollback(struct wa_seen *seen);
/* Appends the staged ids to the journal, fsyncing it when durable. */
int wa_seen_commit(struct wa_seen *seen, bool durable);
size_t wa_seen_count(const struct wa_seen *seen);

#endif
