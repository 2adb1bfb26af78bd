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

static size_t slot_of(const struct wp_wordset *set, const char *key, size_t len)
{
	size_t i = hash(key, len) & set->mask;

	while (set->keys[i] && (strncmp(set->keys[i], key, len) != 0 || set->keys[i][len]))
		i = (i + 1) & set->mask;
	return i;
}

static int grow(struct wp_wordset *set)
{
	struct wp_wordset bigger = { .mask = set->mask ? set->mask * 2 + 1 : 63 };

	bigger.keys = calloc(bigger.mask + 1, sizeof(*bigger.keys));
	bigger.values = calloc(bigger.mask + 1, sizeof(*bigger.values));
	if (!bigger.keys || !bigger.values) {
		free(bigger.keys);
		free(bigger.values);
		return -ENOMEM;
	}
	for (size_t i = 0; set->keys && i <= set->mask; i++) {
		if (!set->keys[i])
			continue;
		size_t j = slot_of(&bigger, set->keys[i], strlen(set->keys[i]));

		bigger.keys[j] = set->keys[i];
		bigger.values[j] = set->values[i];
	}
	bigger.n = set->n;
	free(set->keys);
	free(set->values);
	*set = bigger;
	return 0;
}

int wp_wordset_add(struct wp_wordset *set, const char *key, size_t len, int value)
{
	if ((set->n + 1) * 2 > set->mask + 1 && grow(set) < 0) /* at most half full */
		return -ENOMEM;
	size_t i = slot_of(set, key, len);

	if (!set->keys[i]) {
		set->keys[i] = strndup(key, len);
		if (!set->keys[i])
			return -ENOMEM;
		set->n++;
	}
	set->values[i] = value;
	return 0;
}

bool wp_wordset_find(const struct wp_wordset *set, const char *key, size_t len, int *ret_value)
{
	if (!set->n)
		return false;
	size_t i = slot_of(set, key, len);

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
	*set = (struct wp_wordset){ 0 };
}
