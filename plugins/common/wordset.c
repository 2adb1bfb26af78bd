/* SPDX-License-Identifier: MIT */
#include "wordset.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Inlined: a lookup's hash is most of its cost when the slot is in cache. */
#define XXH_INLINE_ALL
#include <xxhash.h>

#define MAX_ARENA UINT32_MAX

uint32_t wp_wordset_hash(const char *key, size_t len)
{
	return (uint32_t)XXH3_64bits(key, len);
}

/* The key's slot, or the empty one where it would go. */
static size_t slot_of(const struct wp_wordset *set, const char *key, size_t len, uint32_t h)
{
	size_t i = h & set->mask;

	for (;;) {
		const struct wp_wordset_slot *s = &set->slots[i];

		if (!s->len1 || (s->hash == h && s->len1 == len + 1 &&
				 memcmp(set->arena + s->key, key, len) == 0))
			return i;
		i = (i + 1) & set->mask;
	}
}

static int grow(struct wp_wordset *set)
{
	size_t mask = set->mask ? set->mask * 2 + 1 : 63;
	struct wp_wordset_slot *slots = calloc(mask + 1, sizeof(*slots));

	if (!slots)
		return -ENOMEM;
	for (size_t i = 0; set->slots && i <= set->mask; i++) {
		const struct wp_wordset_slot *s = &set->slots[i];
		size_t j = s->hash & mask;

		if (!s->len1)
			continue;
		while (slots[j].len1)
			j = (j + 1) & mask;
		slots[j] = *s;
	}
	free(set->slots);
	set->slots = slots;
	set->mask = mask;
	return 0;
}

static int store_key(struct wp_wordset *set, const char *key, size_t len, uint32_t *ret_offset)
{
	if (set->arena_len + len + 1 > set->arena_cap) {
		size_t cap = set->arena_cap ? set->arena_cap * 2 : 1024;

		while (cap < set->arena_len + len + 1)
			cap *= 2;
		if (cap > MAX_ARENA)
			return -ENOMEM;
		char *arena = realloc(set->arena, cap);

		if (!arena)
			return -ENOMEM;
		set->arena = arena;
		set->arena_cap = cap;
	}
	memcpy(set->arena + set->arena_len, key, len);
	set->arena[set->arena_len + len] = '\0';
	*ret_offset = (uint32_t)set->arena_len;
	set->arena_len += len + 1;
	return 0;
}

int wp_wordset_add(struct wp_wordset *set, const char *key, size_t len, int value)
{
	return wp_wordset_add_hashed(set, key, len, wp_wordset_hash(key, len), value);
}

int wp_wordset_add_hashed(struct wp_wordset *set, const char *key, size_t len, uint32_t h,
			  int value)
{
	if (len >= UINT32_MAX)
		return -EINVAL;
	if ((set->n + 1) * 2 > set->mask + 1 && grow(set) < 0) /* at most half full */
		return -ENOMEM;
	struct wp_wordset_slot *s = &set->slots[slot_of(set, key, len, h)];

	if (!s->len1) {
		uint32_t offset;
		int r = store_key(set, key, len, &offset);

		if (r < 0)
			return r;
		*s = (struct wp_wordset_slot){ .hash = h,
					       .len1 = (uint32_t)len + 1,
					       .key = offset };
		set->n++;
	}
	s->value = value;
	return 0;
}

bool wp_wordset_find(const struct wp_wordset *set, const char *key, size_t len, int *ret_value)
{
	return set->n &&
	       wp_wordset_find_hashed(set, key, len, wp_wordset_hash(key, len), ret_value);
}

bool wp_wordset_find_hashed(const struct wp_wordset *set, const char *key, size_t len,
			    uint32_t hash, int *ret_value)
{
	if (!set->n)
		return false;
	const struct wp_wordset_slot *s = &set->slots[slot_of(set, key, len, hash)];

	if (!s->len1)
		return false;
	if (ret_value)
		*ret_value = s->value;
	return true;
}

const char *wp_wordset_probe(const struct wp_wordset *set, uint32_t hash, size_t len,
			     size_t *cursor, int *ret_value)
{
	if (!set->n)
		return NULL;
	/* The cursor is the next slot to look at, plus one; 0 is the hash's own slot. */
	size_t i = *cursor ? *cursor - 1 : hash & set->mask;

	for (;; i = (i + 1) & set->mask) {
		const struct wp_wordset_slot *s = &set->slots[i];

		if (!s->len1)
			return NULL;
		if (s->hash == hash && s->len1 == len + 1) {
			*cursor = ((i + 1) & set->mask) + 1;
			if (ret_value)
				*ret_value = s->value;
			return set->arena + s->key;
		}
	}
}

void wp_wordset_fini(struct wp_wordset *set)
{
	free(set->slots);
	free(set->arena);
	*set = (struct wp_wordset){ 0 };
}
