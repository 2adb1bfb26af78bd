/* SPDX-License-Identifier: MIT */
/*
 * A keyword trie, walked from every place a keyword may start.
 *
 * Keywords only count as whole words, so a match can only begin at the
 * start of a word (or, for a keyword beginning with punctuation, at that
 * punctuation). The scan therefore skips through the text word by word and
 * walks the trie from each word start until it falls off, reporting the
 * keywords it passes that end at a word boundary. That finds exactly what
 * an Aho-Corasick automaton with a boundary check would (we measured one
 * first), at a fraction of the cost: most bytes are skipped with one table
 * lookup, and the walk rarely goes past the first two or three letters.
 *
 * The trie is a dense table indexed by byte class (only the bytes that
 * occur in some keyword get a class of their own), which keeps it small for
 * the few dozen letters news keywords use.
 */
#include "keywords.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "banned.h"
#include "fold.h"

#define ENDS_WORD (1 << 30)

enum byte_kind {
	BYTE_OTHER,        /* ASCII that is not part of a word */
	BYTE_WORD,         /* ASCII letter, digit or underscore */
	BYTE_LEAD,         /* first byte of a multi-byte character: decode to know */
	BYTE_CONTINUATION, /* inside a multi-byte character */
};

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
	/*
	 * n_states * n_classes transitions, -1 for none. Compiled, an entry is
	 * the target's row offset (state * n_classes), with ENDS_WORD set if a
	 * keyword ends there: a step of the walk is then one load.
	 */
	int32_t *next;
	int32_t *word;     /* per state: keyword ending here, or -1 */
	bool *after_space; /* per state: entered by a space (see set_byte_classes) */
	bool starts_with_punctuation[256]; /* bytes, not word characters, that begin a keyword */
	uint8_t byte_kind[256];            /* enum byte_kind */
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
	free(k->after_space);
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
	int32_t *word;
	bool *after_space;

	if (!next)
		return -ENOMEM;
	k->next = next;
	word = realloc(k->word, new_cap * sizeof(*word));
	if (!word)
		return -ENOMEM;
	k->word = word;
	after_space = realloc(k->after_space, new_cap * sizeof(*after_space));
	if (!after_space)
		return -ENOMEM;
	k->after_space = after_space;
	*cap = new_cap;
	return 0;
}

static int32_t new_state(struct wa_keywords *k)
{
	size_t s = k->n_states++;

	for (size_t c = 0; c < k->n_classes; c++)
		k->next[s * k->n_classes + c] = -1;
	k->word[s] = -1;
	k->after_space[s] = false;
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
			k->after_space[t] = w->bytes[j] == ' ';
			slot = &k->next[(size_t)s * k->n_classes +
					k->byte_class[(uint8_t)w->bytes[j]]];
			*slot = t;
		}
		s = *slot;
	}
	k->word[s] = (int32_t)i; /* keywords are unique, so no other ends here */
	return 0;
}

/*
 * The classes make the trie read raw text as if folded: an ASCII capital is
 * its small letter, and every ASCII white space byte is a space. A state
 * entered by a space stays there on more white space, which is what
 * collapsing runs of it means.
 */
static void set_byte_classes(struct wa_keywords *k)
{
	bool used[256] = { false };

	for (size_t i = 0; i < k->n_words; i++)
		for (size_t j = 0; j < k->words[i].len; j++)
			used[(uint8_t)k->words[i].bytes[j]] = true;
	/* Class 0 is every byte no keyword contains. */
	k->n_classes = 1;
	for (int b = 0; b < 256; b++)
		k->byte_class[b] = used[b] && !(b >= 'A' && b <= 'Z') ? (uint8_t)k->n_classes++ : 0;
	for (int b = 'A'; b <= 'Z'; b++)
		k->byte_class[b] = k->byte_class[b + 32];
	for (int b = '\t'; b <= '\r'; b++)
		k->byte_class[b] = k->byte_class[' '];
	for (int b = 0; b < 256; b++)
		k->byte_kind[b] = b >= 0xC0   ? BYTE_LEAD
				  : b >= 0x80 ? BYTE_CONTINUATION
				  : wa_fold_is_word_at((const char *)&(char){ (char)b }, 1, 0)
					  ? BYTE_WORD
					  : BYTE_OTHER;
	for (size_t i = 0; i < k->n_words; i++) {
		uint8_t first = (uint8_t)k->words[i].bytes[0];

		if (!wa_fold_is_word_at(k->words[i].bytes, k->words[i].len, 0))
			k->starts_with_punctuation[first] = true;
	}
}

static void collapse_spaces(struct wa_keywords *k)
{
	size_t space = k->byte_class[' '];

	if (space == 0)
		return;
	for (size_t s = 1; s < k->n_states; s++)
		if (k->after_space[s])
			k->next[s * k->n_classes + space] = (int32_t)s;
}

static void to_offsets(struct wa_keywords *k)
{
	size_t n = k->n_states * k->n_classes;

	for (size_t i = 0; i < n; i++) {
		int32_t t = k->next[i];

		if (t >= 0)
			k->next[i] = t * (int32_t)k->n_classes | (k->word[t] >= 0 ? ENDS_WORD : 0);
	}
}

int wa_keywords_compile(struct wa_keywords *k)
{
	size_t cap = 0;

	set_byte_classes(k);
	if (grow_states(k, &cap) < 0)
		return -ENOMEM;
	new_state(k);
	for (size_t i = 0; i < k->n_words; i++) {
		if (add_to_trie(k, i, &cap) < 0)
			return -ENOMEM;
		/* Row offsets must fit an int32 beside the flag bit. */
		if (k->n_states * k->n_classes >= ENDS_WORD)
			return -E2BIG;
	}
	collapse_spaces(k);
	to_offsets(k);
	k->compiled = true;
	return 0;
}

/* Walks the trie from start, reporting every keyword that ends at a word boundary. */
static void walk(const struct wa_keywords *k, const uint8_t *text, size_t len, size_t start,
		 wa_keywords_hit_fn *hit, void *userdata)
{
	const int32_t *next = k->next;
	const uint8_t *classes = k->byte_class;
	int32_t row = 0;

	for (size_t i = start; i < len; i++) {
		int32_t t = next[row + classes[text[i]]];

		if (t < 0)
			return;
		row = t & (ENDS_WORD - 1);
		if ((t & ENDS_WORD) &&
		    wa_fold_is_whole_word((const char *)text, len, start, i + 1 - start))
			hit(k->word[row / (int32_t)k->n_classes], start, i + 1, userdata);
	}
}

void wa_keywords_scan(const struct wa_keywords *k, const char *text, size_t len,
		      wa_keywords_hit_fn *hit, void *userdata)
{
	const uint8_t *s = (const uint8_t *)text;
	const uint8_t *kind = k->byte_kind;
	size_t i = 0;

	if (!k->compiled || k->n_words == 0)
		return;
	while (i < len) {
		uint8_t c = s[i];
		bool word;

		switch (kind[c]) {
		case BYTE_WORD:
			word = true;
			break;
		case BYTE_LEAD:
			word = wa_fold_is_word_at(text, len, i);
			break;
		case BYTE_CONTINUATION:
			i++;
			continue;
		default:
			word = false;
		}
		if (!word) {
			if (k->starts_with_punctuation[c])
				walk(k, s, len, i, hit, userdata);
			i++;
			continue;
		}
		/* A word starts here (the previous character was not part of one). */
		walk(k, s, len, i, hit, userdata);
		/* Skip the rest of it: ASCII word bytes quickly, anything else decides on its own.
		 */
		for (i++; i < len && kind[s[i]] == BYTE_WORD; i++)
			;
		while (i < len && (kind[s[i]] == BYTE_CONTINUATION ||
				   (kind[s[i]] == BYTE_LEAD && wa_fold_is_word_at(text, len, i)) ||
				   kind[s[i]] == BYTE_WORD))
			i++;
	}
}
