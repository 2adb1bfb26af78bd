/* SPDX-License-Identifier: MIT */
/*
 * Regular expressions for rules: PCRE2, JIT-compiled, with limits.
 *
 * Patterns are PCRE2 syntax in UTF mode with Unicode properties (\b, \w
 * and \d know Indonesian letters). Every match runs under a match limit
 * and a heap limit, so a catastrophic pattern fails one rule instead of
 * stalling a worker: Lua's own patterns run inside C where no hook can
 * stop them, which is why rules get these instead. A compiled regex is
 * immutable and shared by all threads; the scratch is per thread.
 */
#ifndef WA_REGEX_H
#define WA_REGEX_H

#include <stddef.h>

struct wa_regex;
struct wa_regex_scratch;

/*
 * Compiles pattern. On a syntax error returns -EINVAL and writes a message
 * with the offset into error. Caller owns *ret_regex.
 */
int wa_regex_new(const char *pattern, size_t len, struct wa_regex **ret_regex, char *error,
		 size_t error_size);
void wa_regex_free(struct wa_regex *regex);
const char *wa_regex_pattern(const struct wa_regex *regex);

/* Per-thread match state. NULL on OOM. */
struct wa_regex_scratch *wa_regex_scratch_new(void);
void wa_regex_scratch_free(struct wa_regex_scratch *scratch);

/*
 * Finds the first match at or after *pos; returns 1 with its bounds (and
 * *pos moved past it), 0 for no match, -E2BIG when a limit stopped the
 * search, -ENOMEM.
 */
int wa_regex_find(const struct wa_regex *regex, struct wa_regex_scratch *scratch,
		  const char *subject, size_t len, size_t *pos, size_t *ret_start, size_t *ret_end);

/* Counts non-overlapping matches, up to max. Negative as wa_regex_find. */
int wa_regex_count(const struct wa_regex *regex, struct wa_regex_scratch *scratch,
		   const char *subject, size_t len, int max);

#endif
