/* SPDX-License-Identifier: MIT */
/*
 * Many keywords, one pass: an Aho-Corasick automaton over folded text.
 *
 * All the keywords of a rule set go into one automaton, so an article is
 * scanned once however many rules there are. It is compiled into a DFA
 * whose transitions are indexed by byte class (only the bytes that occur
 * in some keyword get a class of their own), which keeps the table small
 * for the few dozen letters news keywords use. Hits are whole words only
 * (see wa_fold_is_whole_word). Immutable once compiled: many threads may
 * scan with one automaton.
 */
#ifndef WA_KEYWORDS_H
#define WA_KEYWORDS_H

#include <stddef.h>
#include <stdint.h>

struct wa_keywords;

/* An empty automaton, ready for wa_keywords_add(). NULL on OOM. */
struct wa_keywords *wa_keywords_new(void);
void wa_keywords_free(struct wa_keywords *keywords);

/*
 * Adds a folded keyword (see wa_fold) and returns its id (>= 0), the same
 * id for the same bytes, or -ENOMEM, or -EINVAL for an empty keyword.
 * Only before wa_keywords_compile().
 */
int32_t wa_keywords_add(struct wa_keywords *keywords, const char *folded, size_t len);
/* Builds the DFA. Returns 0 or -ENOMEM. */
int wa_keywords_compile(struct wa_keywords *keywords);

size_t wa_keywords_count(const struct wa_keywords *keywords);

typedef void wa_keywords_hit_fn(int32_t id, size_t start, size_t end, void *userdata);

/* Calls hit() for every whole-word occurrence of every keyword in folded text. */
void wa_keywords_scan(const struct wa_keywords *keywords, const char *folded, size_t len,
		      wa_keywords_hit_fn *hit, void *userdata);

#endif
