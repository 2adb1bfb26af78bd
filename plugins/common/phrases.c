/* SPDX-License-Identifier: MIT */
#include "phrases.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "listfile.h"

/* The folded tokens [i, i+n) joined by spaces into key; its length, or 0 if too long. */
static size_t join(const struct wp_tokens *t, size_t i, size_t n, char *key, size_t size)
{
	size_t len = 0;

	for (size_t k = i; k < i + n; k++) {
		size_t w = t->v[k].fold_len;

		if (len + w + 1 >= size)
			return 0;
		if (k > i)
			key[len++] = ' ';
		memcpy(key + len, wp_token_folded(t, k), w);
		len += w;
	}
	return len;
}

/*
 * A phrase is filed under a hash made from its words' hashes, the one
 * word's own for a phrase of one, so a lookup in the text extends the
 * hash a word at a time from the tokens' and joins no key.
 */
static uint32_t extend_hash(uint32_t h, uint32_t word)
{
	return (uint32_t)((((uint64_t)h << 32) | word) * 0x9e3779b97f4a7c15ULL >> 32);
}

/* Hashes and joined lengths of the phrases of 1..n tokens from i. */
static void prefixes(const struct wp_tokens *t, size_t i, size_t n, uint32_t *hash, size_t *len)
{
	hash[0] = t->v[i].hash;
	len[0] = t->v[i].fold_len;
	for (size_t k = 1; k < n; k++) {
		hash[k] = extend_hash(hash[k - 1], t->v[i + k].hash);
		len[k] = len[k - 1] + 1 + t->v[i + k].fold_len;
	}
}

/* Whether key (of the right length) is the folded tokens [i, i+n) joined by spaces. */
static bool key_is(const char *key, const struct wp_tokens *t, size_t i, size_t n)
{
	for (size_t k = i; k < i + n; k++) {
		size_t w = t->v[k].fold_len;

		if (k > i && *key++ != ' ')
			return false;
		if (memcmp(key, wp_token_folded(t, k), w) != 0)
			return false;
		key += w;
	}
	return true;
}

static bool find_phrase(const struct wp_phrases *p, const struct wp_tokens *t, size_t i, size_t n,
			uint32_t hash, size_t len, int *ret_entry)
{
	size_t cursor = 0;
	const char *key;
	int entry;

	while ((key = wp_wordset_probe(&p->keys, hash, len, &cursor, &entry)))
		if (key_is(key, t, i, n)) {
			*ret_entry = entry;
			return true;
		}
	return false;
}

int wp_phrases_add(struct wp_phrases *p, const char *phrase, int kind, int ref)
{
	char key[512];
	uint32_t hash[WP_PHRASE_MAX_TOKENS];
	size_t len, lengths[WP_PHRASE_MAX_TOKENS];
	int r = wp_tokenize(phrase, strlen(phrase), &p->scratch);

	if (r < 0)
		return r;
	size_t n = p->scratch.n;

	if (n > WP_PHRASE_MAX_TOKENS)
		return -E2BIG;
	if (n == 0)
		return -EINVAL;
	if (!(len = join(&p->scratch, 0, n, key, sizeof(key))))
		return -EINVAL;
	prefixes(&p->scratch, 0, n, hash, lengths);
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 256;
		struct wp_phrase *v = realloc(p->v, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		p->v = v;
		p->cap = cap;
	}
	struct wp_phrase *e = &p->v[p->n];
	int head = -1, longest = 0;

	if (!(e->surface = strdup(phrase)))
		return -ENOMEM;
	e->kind = kind;
	e->ref = ref;
	e->acronym = true;
	for (const char *c = phrase; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			e->acronym = false;
	/* Chain onto an existing entry only when it is the same whole phrase. */
	e->next = wp_wordset_find_hashed(&p->keys, key, len, hash[n - 1], &head) ? head : -1;
	const struct wp_token *first = &p->scratch.v[0];
	const char *first_folded = wp_token_folded(&p->scratch, 0);

	wp_wordset_find_hashed(&p->starts, first_folded, first->fold_len, first->hash, &longest);
	if ((r = wp_wordset_add_hashed(&p->keys, key, len, hash[n - 1], (int)p->n)) < 0 ||
	    (r = wp_wordset_add_hashed(&p->starts, first_folded, first->fold_len, first->hash,
				       longest > (int)n ? longest : (int)n)) < 0) {
		free(e->surface);
		return r;
	}
	p->n++;
	return 0;
}

/* How many tokens from i the phrases starting there could cover, at most max; 0 if none. */
static size_t reach(const struct wp_phrases *p, const struct wp_tokens *tokens, size_t i,
		    size_t max)
{
	int longest;

	if (i + WP_WORDSET_AHEAD < tokens->n) /* scans go token by token */
		wp_wordset_prefetch(&p->starts, tokens->v[i + WP_WORDSET_AHEAD].hash);
	if (i >= tokens->n ||
	    !wp_wordset_find_hashed(&p->starts, wp_token_folded(tokens, i), tokens->v[i].fold_len,
				    tokens->v[i].hash, &longest))
		return 0;
	size_t n = (size_t)longest;

	if (n > tokens->n - i)
		n = tokens->n - i;
	return n < max ? n : max;
}

size_t wp_phrases_match(const struct wp_phrases *p, const struct wp_tokens *tokens, size_t i,
			int *ret_entry)
{
	return wp_phrases_match_within(p, tokens, i, WP_PHRASE_MAX_TOKENS, ret_entry);
}

size_t wp_phrases_match_within(const struct wp_phrases *p, const struct wp_tokens *tokens, size_t i,
			       size_t max, int *ret_entry)
{
	uint32_t hash[WP_PHRASE_MAX_TOKENS];
	size_t len[WP_PHRASE_MAX_TOKENS], n = reach(p, tokens, i, max);

	if (!n)
		return 0;
	prefixes(tokens, i, n, hash, len);
	for (; n > 0; n--)
		if (find_phrase(p, tokens, i, n, hash[n - 1], len[n - 1], ret_entry))
			return n;
	return 0;
}

size_t wp_phrases_match_all(const struct wp_phrases *p, const struct wp_tokens *tokens, size_t i,
			    size_t ret_n[WP_PHRASE_MAX_TOKENS], int ret_entry[WP_PHRASE_MAX_TOKENS])
{
	uint32_t hash[WP_PHRASE_MAX_TOKENS];
	size_t len[WP_PHRASE_MAX_TOKENS], n = reach(p, tokens, i, WP_PHRASE_MAX_TOKENS), found = 0;

	if (!n)
		return 0;
	prefixes(tokens, i, n, hash, len);
	for (; n > 0; n--)
		if (find_phrase(p, tokens, i, n, hash[n - 1], len[n - 1], &ret_entry[found]))
			ret_n[found++] = n;
	return found;
}

bool wp_phrase_case_fits(const struct wp_phrase *phrase, const struct wp_tokens *tokens, size_t i,
			 size_t n)
{
	if (phrase->acronym) {
		/* Capitals token by token: "AS" is not "as", "RI" not "Ri". */
		for (size_t k = i; k < i + n; k++)
			if ((tokens->v[k].flags & WP_TOKEN_WORD) &&
			    !(tokens->v[k].flags & WP_TOKEN_UPPER))
				return false;
		return true;
	}
	return (tokens->v[i].flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER)) != 0;
}

struct kind_load {
	struct wp_phrases *p;
	const char *kind_name;
	int kind;
};

static int add_kind_line(void *data, const char *kind, char **items, size_t n)
{
	struct kind_load *k = data;
	int r = 0;

	if (strcmp(kind, k->kind_name) != 0)
		return 0;
	for (size_t i = 0; i < n && r == 0; i++)
		r = wp_phrases_add(k->p, items[i], k->kind, -1);
	return r;
}

int wp_phrases_load_kind(struct wp_phrases *p, const struct wa_plugin_ctx *ctx, const char *file,
			 const char *kind_name, int kind)
{
	struct kind_load k = { p, kind_name, kind };

	return wp_list_file_read(ctx, file, add_kind_line, &k, NULL);
}

void wp_phrases_fini(struct wp_phrases *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].surface);
	free(p->v);
	wp_wordset_fini(&p->keys);
	wp_wordset_fini(&p->starts);
	wp_tokens_fini(&p->scratch);
	memset(p, 0, sizeof(*p));
}
