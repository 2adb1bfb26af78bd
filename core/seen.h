/* SPDX-License-Identifier: MIT */
/*
 * The set of article ids already recorded, so that identical bytes dropped
 * twice give one record. Kept in memory as an open-addressing hash set and
 * on disk as an append-only journal of 16-byte ids (state/seen.ids), read
 * back at start. A torn last entry after a crash is ignored: at worst one
 * duplicate gets a second record, never an article none.
 *
 * Membership is thread-safe: workers reserve ids as they finish articles,
 * so that two identical files in flight give one record. Only the
 * committer writes the journal, and only for ids whose records are
 * durable: an id in the journal always has its record.
 */
#ifndef WA_SEEN_H
#define WA_SEEN_H

#include <stdbool.h>
#include <stddef.h>

struct wa_seen;

/*
 * Opens or creates the journal at dir_fd/name and loads it. Only the
 * newest `window` ids are kept (0: all): once the journal holds a quarter
 * more, it is rewritten with those (to a temporary name, synced, renamed
 * over it) and the older ones are forgotten, so memory and the file stay
 * bounded on a daemon that runs for years. An article dropped again after
 * `window` others is then recorded again, under the same id. Caller owns
 * *ret_seen.
 */
int wa_seen_open(int dir_fd, const char *name, size_t window, struct wa_seen **ret_seen);
void wa_seen_free(struct wa_seen *seen);

bool wa_seen_contains(struct wa_seen *seen, const char *id);
/*
 * Claims an id for the caller's article, in memory only. Returns 0 if it
 * was new, 1 if it is already recorded or claimed (a duplicate), -EINVAL
 * for a malformed id, -ENOMEM.
 */
int wa_seen_reserve(struct wa_seen *seen, const char *id);
/*
 * Appends ids to the journal in one write, fsyncing it when durable. On
 * failure the journal is cut back to where it was, so a retry appends
 * cleanly. The ids stay reserved either way.
 */
int wa_seen_journal(struct wa_seen *seen, const char *const *ids, size_t n_ids, bool durable);
size_t wa_seen_count(struct wa_seen *seen);

#endif
