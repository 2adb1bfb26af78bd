/* SPDX-License-Identifier: MIT */
/*
 * Phrase tables: multi-word names (gazetteer entries, titles, reporting
 * verbs) found in a tokenised text, longest first.
 *
 * A phrase is stored as its folded tokens joined by spaces, so it is
 * tokenised exactly as the text is (`Bangsa-Bangsa` one token, `(Purn)`
 * three), and filed under a hash made from its tokens' hashes (which the
 * tokeniser computes once per token). Looking up at a token costs one
 * probe for the token and, only when some phrase starts with it, one per
 * candidate length, with no key built: a trie's work at a hash table's
 * memory cost. Byte-level Aho-Corasick
 * would need word-boundary checks after every hit for the same result.
 *
 * One phrase may carry several entries ("Moskow" is a place and stands
 * for Russia), chained through `next`.
 */
#ifndef WP_PHRASES_H
#define WP_PHRASES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tokens.h"
#include "wordset.h"

#define WP_PHRASE_MAX_TOKENS 8

struct wp_phrase {
	int kind;      /* the caller's: entity type, cue kind */
	int ref;       /* the caller's: which canonical name */
	char *surface; /* as written in the data file */
	bool acronym;  /* no lower-case letter: "AS" must not match "as" */
	int next;      /* another entry of the same phrase, or -1 */
};

struct wp_phrases {
	struct wp_wordset keys;   /* folded phrase -> first entry */
	struct wp_wordset starts; /* folded first token -> most tokens of a phrase */
	struct wp_phrase *v;
	size_t n, cap;
	struct wp_tokens scratch;
};

/*
 * Adds a phrase with its kind and ref. Returns 0, -ENOMEM, -EINVAL if it
 * has no token, or -E2BIG if more than WP_PHRASE_MAX_TOKENS.
 */
int wp_phrases_add(struct wp_phrases *p, const char *phrase, int kind, int ref);

/*
 * The longest phrase at token i: returns its length in tokens (0 if
 * none) and its first entry in *ret_entry. Only folded forms are
 * compared: the caller checks case (wp_phrase_case_fits).
 */
size_t wp_phrases_match(const struct wp_phrases *p, const struct wp_tokens *tokens, size_t i,
			int *ret_entry);

/* The same, among phrases of at most max tokens: the shorter ones a longer match hides. */
size_t wp_phrases_match_within(const struct wp_phrases *p, const struct wp_tokens *tokens, size_t i,
			       size_t max, int *ret_entry);

/*
 * Every phrase at token i, longest first: lengths in ret_n, first entries
 * in ret_entry; returns how many (a caller wanting each kind's own
 * longest phrase asks once, not once per length).
 */
size_t wp_phrases_match_all(const struct wp_phrases *p, const struct wp_tokens *tokens, size_t i,
			    size_t ret_n[WP_PHRASE_MAX_TOKENS],
			    int ret_entry[WP_PHRASE_MAX_TOKENS]);

/*
 * Whether tokens [i, i+n) are written as a name: an acronym in the same
 * capitals, anything else starting with a capital (or all in capitals).
 */
bool wp_phrase_case_fits(const struct wp_phrase *phrase, const struct wp_tokens *tokens, size_t i,
			 size_t n);

/*
 * Adds every phrase of the lines of data file `file` that start with
 * `kind_name |` ("verb | kata | ujar ..."), with the given kind; the
 * format of data/entity-cues.txt. Returns 0 or -errno (-ENOENT: no file).
 */
struct wa_plugin_ctx;
int wp_phrases_load_kind(struct wp_phrases *p, const struct wa_plugin_ctx *ctx, const char *file,
			 const char *kind_name, int kind);

void wp_phrases_fini(struct wp_phrases *p);

#endif
