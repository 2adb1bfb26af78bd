/* SPDX-License-Identifier: MIT */
#include "facts.h"

#include <stdlib.h>
#include <string.h>

uint64_t facts_hash(const char *word, size_t len)
{
	uint64_t h = FACTS_HASH_START;

	for (size_t i = 0; i < len; i += 8) {
		uint64_t eight = 0;

		memcpy(&eight, word + i, len - i < 8 ? len - i : 8);
		h = facts_hash_step(h, eight);
	}
	return facts_hash_end(h, len);
}

/* The slot holding hash h, or the empty one where it would go. */
static struct word_facts *slot_of(const struct fact_table *t, uint64_t h)
{
	size_t i = (size_t)h & t->mask;

	while (t->slots[i].hash && t->slots[i].hash != h)
		i = (i + 1) & t->mask;
	return &t->slots[i];
}

/* Doubles the table (at least 1,024 slots), kept at most half full for short probes. */
static int grow(struct fact_table *t)
{
	struct fact_table bigger = { .mask = t->slots ? t->mask * 2 + 1 : 1023, .n = t->n };

	bigger.slots = calloc(bigger.mask + 1, sizeof(*bigger.slots));
	if (!bigger.slots)
		return -1;
	for (size_t i = 0; t->slots && i <= t->mask; i++) {
		if (t->slots[i].hash)
			*slot_of(&bigger, t->slots[i].hash) = t->slots[i];
	}
	free(t->slots);
	*t = bigger;
	return 0;
}

struct word_facts *facts_add(struct fact_table *t, const char *word, size_t len)
{
	uint64_t h = facts_hash(word, len);

	if ((!t->slots || (t->n + 1) * 2 > t->mask + 1) && grow(t) < 0)
		return NULL;
	struct word_facts *f = slot_of(t, h);

	if (!f->hash) {
		*f = (struct word_facts){ .hash = h };
		t->n++;
	}
	return f;
}

const struct word_facts *facts_find_hashed(const struct fact_table *t, uint64_t hash)
{
	if (!t->slots)
		return NULL;
	const struct word_facts *f = slot_of(t, hash);

	return f->hash ? f : NULL;
}

const struct word_facts *facts_find(const struct fact_table *t, const char *word, size_t len)
{
	return facts_find_hashed(t, facts_hash(word, len));
}

void facts_fini(struct fact_table *t)
{
	free(t->slots);
	*t = (struct fact_table){ 0 };
}
