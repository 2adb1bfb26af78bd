/* SPDX-License-Identifier: MIT */
/*
 * Many keywords, one pass over the text.
 *
 * All the keywords of a rule set go into one matcher, so an article is
 * scanned once however many rules there are (keywords.c says how). Keywords
 * are given folded (wa_fold); the matcher itself ignores ASCII case and
 * reads any run of ASCII white space as one space, so it can scan the raw
 * text of an article unless wa_fold_is_needed() says otherwise. Hits are whole words only
 * (see wa_fold_is_whole_word). Immutable once compiled: many threads may
 * scan with one matcher.
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
/* Builds the matcher. Returns 0, -ENOMEM, or -E2BIG past about a billion trie cells. */
int wa_keywords_compile(struct wa_keywords *keywords);

size_t wa_keywords_count(const struct wa_keywords *keywords);

typedef void wa_keywords_hit_fn(int32_t id, size_t start, size_t end, void *userdata);

/*
 * Calls hit() for every whole-word occurrence of every keyword in text (raw
 * or folded; see above), with its byte range in text.
 */
void wa_keywords_scan(const struct wa_keywords *keywords, const char *text, size_t len,
		      wa_keywords_hit_fn *hit, void *userdata);

#endif
