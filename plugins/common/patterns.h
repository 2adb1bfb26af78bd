/* SPDX-License-Identifier: MIT */
/*
 * Pattern files: the data-driven half of the text stages.
 *
 * A pattern file (data/boilerplate.txt, data/datelines.txt, ...) holds one
 * pattern per line: a fixed number of words (where it applies, what kind
 * of text it finds), then a PCRE2 regex to the end of the line. `#` starts
 * a comment line. Regexes are case-insensitive and UTF-8; `(?-i)` makes
 * one case-sensitive. A new outlet's boilerplate is a new line, not code.
 *
 * Patterns sharing a group (the first word, usually) are compiled together
 * into one alternation that reports which member matched, so a line costs
 * one match per group, not one per pattern.
 */
#ifndef WP_PATTERNS_H
#define WP_PATTERNS_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WP_PATTERN_MAX_WORDS 3

struct wa_plugin_ctx;

struct wp_pattern {
	char *words[WP_PATTERN_MAX_WORDS];
	char *regex;
	unsigned line; /* in the file, for messages */
};

/*
 * Where a search group's match may begin, by the bytes of the text there.
 * A search reads two or three bytes at each place and runs a regex only
 * where they allow a match, which for most rules is a few places in an
 * article instead of every byte; PCRE2's own search tries every place
 * that holds a possible first byte, and most letters are one.
 */
struct wp_pattern_starts {
	bool opens[256];       /* a match may begin with this byte */
	bool blind[256];       /* ... by a rule that looks behind, or beyond ASCII: ask no more */
	uint8_t pair[256][32]; /* bit b2 of pair[b1]: a match may begin with b1 b2 */
	uint8_t then[256][32]; /* bit b3 of then[b2]: one may begin with some b1, then b2 b3 */
	bool last[256];        /* a match may be this byte alone, at the end of the text */
	bool empty;            /* a match may be empty */
};

struct wp_pattern_group {
	char *name;       /* the shared first word */
	pcre2_code *code; /* all members, as one alternation */
	/*
	 * The members that can start with each byte, compiled anchored: a line
	 * rule tries only these at its line's first byte, and a search tries
	 * them only where `starts` lets a match begin.
	 */
	pcre2_code *by_first[256];
	struct wp_pattern_starts *starts; /* search groups only */
	bool searched;   /* searched for through a text, not anchored where matching starts */
	size_t *members; /* index into patterns[] of the i-th alternative */
	size_t n_members;
};

struct wp_pattern_file {
	char *name;
	struct wp_pattern *patterns;
	size_t n_patterns;
	struct wp_pattern_group *groups;
	size_t n_groups;
	pcre2_match_context *match_context; /* read-only once loaded: threads share it */
};

/*
 * Loads and compiles `name` (through wa_plugin_data_read). Every pattern
 * has n_words words before its regex. Groups are anchored (a match starts
 * where matching starts: line rules), except those named in search_groups
 * (NULL-terminated, may be NULL), which are searched for, with ^ and $ at
 * line ends. On error returns -errno and *ret_error says "FILE:LINE: what"
 * (caller frees).
 */
int wp_pattern_file_load(const struct wa_plugin_ctx *ctx, const char *name, size_t n_words,
			 const char *const *search_groups, struct wp_pattern_file *ret_file,
			 char **ret_error);
void wp_pattern_file_fini(struct wp_pattern_file *file);

/*
 * Whether a match of the pattern can start at a space (or at any byte):
 * searched for through a text, such a pattern, and every other of its
 * group with it, is tried at every word, where one that opens with a
 * word or a bracket is tried only where that occurs.
 */
bool wp_pattern_starts_at_spaces(const struct wp_pattern *pattern);

/* The group named `name`, or NULL if no pattern has that first word. */
const struct wp_pattern_group *wp_pattern_file_group(const struct wp_pattern_file *file,
						     const char *name);

/*
 * Matches a group against subject[0..len) starting at `offset`. Returns
 * the pattern that matched (its span in *ret_start, *ret_end) or NULL. md
 * must come from wp_pattern_match_data() (one per thread and call site).
 * The subject must be valid UTF-8 (wp_utf8_valid): it is not checked here,
 * since a text is matched hundreds of times and a check per match would
 * read it hundreds of times over.
 */
const struct wp_pattern *wp_pattern_group_match(const struct wp_pattern_file *file,
						const struct wp_pattern_group *group,
						const char *subject, size_t len, size_t offset,
						pcre2_match_data *md, size_t *ret_start,
						size_t *ret_end);

pcre2_match_data *wp_pattern_match_data(void);

#endif
