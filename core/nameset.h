/* SPDX-License-Identifier: MIT */
/*
 * A set of file names: which inbox names the scheduler already holds, so
 * that an event and a rescan reporting the same file give one job.
 * Chained hashing with owned copies; grows, never shrinks below its start.
 */
#ifndef WA_NAMESET_H
#define WA_NAMESET_H

#include <stdbool.h>
#include <stddef.h>

struct wa_nameset;

struct wa_nameset *wa_nameset_new(void);
void wa_nameset_free(struct wa_nameset *set);
bool wa_nameset_contains(const struct wa_nameset *set, const char *name);
/* Returns 0 if added, 1 if already present, -ENOMEM. */
int wa_nameset_add(struct wa_nameset *set, const char *name);
void wa_nameset_remove(struct wa_nameset *set, const char *name);
size_t wa_nameset_count(const struct wa_nameset *set);

#endif
