/* SPDX-License-Identifier: MIT */
/*
 * Aho-Corasick (Aho and Corasick, CACM 1975) as a full DFA.
 *
 * Building is done in the dense table from the start: keywords are kept
 * until compile time, the byte classes are computed from all of them, the
 * trie is laid out, then a breadth-first pass fills the failure links and
 * turns every missing transition into the failure state's one. Each state
 * knows the keyword ending there (if any) and the next state down its
 * failure chain that ends a keyword, so reporting overlapping hits costs
 * only the hits.
 */
#include "keywords.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "banned.h"
#include "fold.h"

struct keyword {
	char *bytes;
	size_t len;
};

struct wa_keywords {
	struct keyword *words;
	size_t n_words;
	size_t cap_words;
	int32_t *index; /* open addressing over words by content; -1 is empty */
	size_t index_cap;
	/* After compile: */
	uint8_t byte_class[256];
	size_t n_classes;
	int32_t *next;   /* n_states * n_classes */
	int32_t *word;   /* per state: keyword ending here, or -1 */
	int32_t *output; /* per state: nearest state down the failure chain with a word, or -1 */
	size_t n_states;
	bool compiled;
};

struct wa_keywords *wa_keywords_new(void)
{
	return calloc(1, sizeof(struct wa_keywords));
}

void wa_keywords_free(struct wa_keywords *k)
{
	if (!k)
		return;
	for (size_t i = 0; i < k->n_words; i++)
		free(k->words[i].bytes);
	free(k->words);
	free(k->index);
	free(k->next);
	free(k->word);
	free(k->output);
	free(k);
}

size_t wa_keywords_count(const struct wa_keywords *k)
{
	return k->n_words;
}

static size_t slot_of(const struct wa_keywords *k, const char *bytes, size_t len)
{
	size_t mask = k->index_cap - 1;
	size_t i = (size_t)XXH3_64bits(bytes, len) & mask;

	for (;; i = (i + 1) & mask) {
		int32_t id = k->index[i];

		if (id < 0 ||
		    (k->words[id].len == len && memcmp(k->words[id].bytes, bytes, len) == 0))
			return i;
	}
}

/* Keeps the index at most half full, so probes stay short and always end. */
static int grow_index(struct wa_keywords *k)
{
	size_t cap = k->index_cap ? 2 * k->index_cap : 256;
	int32_t *old = k->index;
	size_t old_cap = k->index_cap;

	k->index = malloc(cap * sizeof(*k->index));
	if (!k->index) {
		k->index = old;
		return -ENOMEM;
	}
	k->index_cap = cap;
	for (size_t i = 0; i < cap; i++)
		k->index[i] = -1;
	for (size_t i = 0; i < old_cap; i++)
		if (old[i] >= 0)
			k->index[slot_of(k, k->words[old[i]].bytes, k->words[old[i]].len)] = old[i];
	free(old);
	return 0;
}

int32_t wa_keywords_add(struct wa_keywords *k, const char *folded, size_t len)
{
	struct keyword *w;
	size_t slot;

	if (len == 0)
		return -EINVAL;
	if (k->compiled || k->n_words >= INT32_MAX / 2)
		return -ENOMEM;
	if (2 * (k->n_words + 1) > k->index_cap && grow_index(k) < 0)
		return -ENOMEM;
	slot = slot_of(k, folded, len);
	if (k->index[slot] >= 0)
		return k->index[slot];
	if (k->n_words == k->cap_words) {
		size_t cap = k->cap_words ? 2 * k->cap_words : 64;
		struct keyword *grown = realloc(k->words, cap * sizeof(*grown));

		if (!grown)
			return -ENOMEM;
		k->words = grown;
		k->cap_words = cap;
	}
	w = &k->words[k->n_words];
	w->bytes = malloc(len);
	if (!w->bytes)
		return -ENOMEM;
	memcpy(w->bytes, folded, len);
	w->len = len;
	k->index[slot] = (int32_t)k->n_words;
	return (int32_t)k->n_words++;
}

static int grow_states(struct wa_keywords *k, size_t *cap)
{
	size_t new_cap = *cap ? 2 * *cap : 256;
	int32_t *next = realloc(k->next, new_cap * k->n_classes * sizeof(*next));
	int32_t *word, *output;

	if (!next)
		return -ENOMEM;
	k->next = next;
	word = realloc(k->word, new_cap * sizeof(*word));
	if (!word)
		return -ENOMEM;
	k->word = word;
	output = realloc(k->output, new_cap * sizeof(*output));
	if (!output)
		return -ENOMEM;
	k->output = output;
	*cap = new_cap;
	return 0;
}

static int32_t new_state(struct wa_keywords *k)
{
	size_t s = k->n_states++;

	for (size_t c = 0; c < k->n_classes; c++)
		k->next[s * k->n_classes + c] = -1;
	k->word[s] = -1;
	k->output[s] = -1;
	return (int32_t)s;
}

static int add_to_trie(struct wa_keywords *k, size_t i, size_t *cap)
{
	const struct keyword *w = &k->words[i];
	int32_t s = 0;

	for (size_t j = 0; j < w->len; j++) {
		int32_t *slot =
			&k->next[(size_t)s * k->n_classes + k->byte_class[(uint8_t)w->bytes[j]]];

		if (*slot < 0) {
			int32_t t;

			if (k->n_states == *cap && grow_states(k, cap) < 0)
				return -ENOMEM;
			/* grow_states may move the table: look the slot up again. */
			t = new_state(k);
			slot = &k->next[(size_t)s * k->n_classes +
					k->byte_class[(uint8_t)w->bytes[j]]];
			*slot = t;
		}
		s = *slot;
	}
	k->word[s] = (int32_t)i; /* keywords are unique, so no other ends here */
	return 0;
}

static int fill_failure_links(struct wa_keywords *k)
{
	int32_t *queue = malloc(k->n_states * sizeof(*queue));
	int32_t *fail = malloc(k->n_states * sizeof(*fail));
	size_t head = 0, tail = 0;

	if (!queue || !fail) {
		free(queue);
		free(fail);
		return -ENOMEM;
	}
	fail[0] = 0;
	for (size_t c = 0; c < k->n_classes; c++) {
		int32_t *slot = &k->next[c];

		if (*slot < 0) {
			*slot = 0;
		} else {
			fail[*slot] = 0;
			queue[tail++] = *slot;
		}
	}
	while (head < tail) {
		int32_t s = queue[head++];
		int32_t f = fail[s];

		k->output[s] = k->word[f] >= 0 ? f : k->output[f];
		for (size_t c = 0; c < k->n_classes; c++) {
			int32_t *slot = &k->next[(size_t)s * k->n_classes + c];
			int32_t via_fail = k->next[(size_t)f * k->n_classes + c];

			if (*slot < 0) {
				*slot = via_fail;
			} else {
				fail[*slot] = via_fail;
				queue[tail++] = *slot;
			}
		}
	}
	free(queue);
	free(fail);
	return 0;
}

int wa_keywords_compile(struct wa_keywords *k)
{
	size_t cap = 0;
	bool used[256] = { false };

	for (size_t i = 0; i < k->n_words; i++)
		for (size_t j = 0; j < k->words[i].len; j++)
			used[(uint8_t)k->words[i].bytes[j]] = true;
	/* Class 0 is every byte no keyword contains. */
	k->n_classes = 1;
	for (int b = 0; b < 256; b++)
		k->byte_class[b] = used[b] ? (uint8_t)k->n_classes++ : 0;
	if (grow_states(k, &cap) < 0)
		return -ENOMEM;
	new_state(k);
	for (size_t i = 0; i < k->n_words; i++)
		if (add_to_trie(k, i, &cap) < 0)
			return -ENOMEM;
	if (fill_failure_links(k) < 0)
		return -ENOMEM;
	k->compiled = true;
	return 0;
}

static void report(const struct wa_keywords *k, int32_t s, const char *text, size_t len, size_t end,
		   wa_keywords_hit_fn *hit, void *userdata)
{
	for (; s > 0; s = k->output[s]) {
		int32_t id = k->word[s];
		size_t start;

		if (id < 0)
			continue;
		start = end - k->words[id].len;
		if (wa_fold_is_whole_word(text, len, start, k->words[id].len))
			hit(id, start, end, userdata);
	}
}

void wa_keywords_scan(const struct wa_keywords *k, const char *text, size_t len,
		      wa_keywords_hit_fn *hit, void *userdata)
{
	const int32_t *next = k->next;
	size_t n_classes = k->n_classes;
	int32_t s = 0;

	if (!k->compiled || k->n_words == 0)
		return;
	for (size_t i = 0; i < len; i++) {
		s = next[(size_t)s * n_classes + k->byte_class[(uint8_t)text[i]]];
		if (k->word[s] >= 0 || k->output[s] >= 0)
			report(k, s, text, len, i + 1, hit, userdata);
	}
}
