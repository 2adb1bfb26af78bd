/* SPDX-License-Identifier: MIT */
/*
 * A set of short strings with a value each (open addressing, FNV-1a): the
 * text stages ask "is this word one of ours?" for every word of every
 * article, so the answer must cost one hash and about one comparison.
 */
#ifndef WP_WORDSET_H
#define WP_WORDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wp_wordset {
	char **keys; /* NULL: an empty slot */
	int *values;
	uint32_t *hashes; /* each key's hash, compared before the key */
	size_t mask;      /* slots - 1 */
	size_t n;
};

/* Adds key[0..len) with a value (or replaces its value). Returns 0 or -ENOMEM. */
int wp_wordset_add(struct wp_wordset *set, const char *key, size_t len, int value);
/* True if key[0..len) is in the set; its value in *ret_value (may be NULL). */
bool wp_wordset_find(const struct wp_wordset *set, const char *key, size_t len, int *ret_value);
void wp_wordset_fini(struct wp_wordset *set);

#endif
