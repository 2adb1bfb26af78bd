/* SPDX-License-Identifier: MIT */
#include "wordset.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The key's slot, or the empty one where it would go. The stored hashes spare most compares. */
static size_t slot_of(const struct wp_wordset *set, const char *key, size_t len, uint32_t h)
{
	size_t i = h & set->mask;

	/* strncmp, not memcmp: a stored key shorter than len ends in a NUL first. */
	while (set->keys[i] &&
	       (set->hashes[i] != h || strncmp(set->keys[i], key, len) != 0 || set->keys[i][len]))
		i = (i + 1) & set->mask;
	return i;
}

static int grow(struct wp_wordset *set)
{
	struct wp_wordset bigger = { .mask = set->mask ? set->mask * 2 + 1 : 63 };

	bigger.keys = calloc(bigger.mask + 1, sizeof(*bigger.keys));
	bigger.values = calloc(bigger.mask + 1, sizeof(*bigger.values));
	bigger.hashes = calloc(bigger.mask + 1, sizeof(*bigger.hashes));
	if (!bigger.keys || !bigger.values || !bigger.hashes) {
		free(bigger.keys);
		free(bigger.values);
		free(bigger.hashes);
		return -ENOMEM;
	}
	for (size_t i = 0; set->keys && i <= set->mask; i++) {
		if (!set->keys[i])
			continue;
		size_t j = slot_of(&bigger, set->keys[i], strlen(set->keys[i]), set->hashes[i]);

		bigger.keys[j] = set->keys[i];
		bigger.values[j] = set->values[i];
		bigger.hashes[j] = set->hashes[i];
	}
	bigger.n = set->n;
	free(set->keys);
	free(set->values);
	free(set->hashes);
	*set = bigger;
	return 0;
}

int wp_wordset_add(struct wp_wordset *set, const char *key, size_t len, int value)
{
	if ((set->n + 1) * 2 > set->mask + 1 && grow(set) < 0) /* at most half full */
		return -ENOMEM;
	uint32_t h = hash(key, len);
	size_t i = slot_of(set, key, len, h);

	if (!set->keys[i]) {
		set->keys[i] = strndup(key, len);
		if (!set->keys[i])
			return -ENOMEM;
		set->hashes[i] = h;
		set->n++;
	}
	set->values[i] = value;
	return 0;
}

bool wp_wordset_find(const struct wp_wordset *set, const char *key, size_t len, int *ret_value)
{
	if (!set->n)
		return false;
	size_t i = slot_of(set, key, len, hash(key, len));

	if (!set->keys[i])
		return false;
	if (ret_value)
		*ret_value = set->values[i];
	return true;
}

void wp_wordset_fini(struct wp_wordset *set)
{
	for (size_t i = 0; set->keys && i <= set->mask; i++)
		free(set->keys[i]);
	free(set->keys);
	free(set->values);
	free(set->hashes);
	*set = (struct wp_wordset){ 0 };
}
