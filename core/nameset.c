/* SPDX-License-Identifier: MIT */
#include "nameset.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

struct node {
	struct node *next;
	uint64_t hash;
	char name[];
};

struct wa_nameset {
	struct node **buckets;
	size_t n_buckets; /* power of two */
	size_t count;
};

/* FNV-1a: names are short, and this set is not exposed to collisions chosen by a peer for gain. */
static uint64_t hash_name(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

struct wa_nameset *wa_nameset_new(void)
{
	struct wa_nameset *set = calloc(1, sizeof(*set));

	if (!set)
		return NULL;
	set->n_buckets = 256;
	set->buckets = calloc(set->n_buckets, sizeof(*set->buckets));
	if (!set->buckets) {
		free(set);
		return NULL;
	}
	return set;
}

void wa_nameset_free(struct wa_nameset *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n_buckets; i++) {
		for (struct node *n = set->buckets[i], *next; n; n = next) {
			next = n->next;
			free(n);
		}
	}
	free(set->buckets);
	free(set);
}

static struct node **find(const struct wa_nameset *set, const char *name, uint64_t hash)
{
	struct node **p = &set->buckets[hash & (set->n_buckets - 1)];

	while (*p && ((*p)->hash != hash || strcmp((*p)->name, name) != 0))
		p = &(*p)->next;
	return p;
}

bool wa_nameset_contains(const struct wa_nameset *set, const char *name)
{
	return *find(set, name, hash_name(name)) != NULL;
}

static void grow(struct wa_nameset *set)
{
	size_t n = set->n_buckets * 2;
	struct node **buckets = calloc(n, sizeof(*buckets));

	if (!buckets)
		return; /* longer chains, still correct */
	for (size_t i = 0; i < set->n_buckets; i++) {
		for (struct node *node = set->buckets[i], *next; node; node = next) {
			next = node->next;
			node->next = buckets[node->hash & (n - 1)];
			buckets[node->hash & (n - 1)] = node;
		}
	}
	free(set->buckets);
	set->buckets = buckets;
	set->n_buckets = n;
}

int wa_nameset_add(struct wa_nameset *set, const char *name)
{
	uint64_t hash = hash_name(name);
	struct node **p = find(set, name, hash), *node;
	size_t len = strlen(name);

	if (*p)
		return 1;
	node = malloc(sizeof(*node) + len + 1);
	if (!node)
		return -ENOMEM;
	node->next = NULL;
	node->hash = hash;
	memcpy(node->name, name, len + 1);
	*p = node;
	if (++set->count > set->n_buckets)
		grow(set);
	return 0;
}

void wa_nameset_remove(struct wa_nameset *set, const char *name)
{
	struct node **p = find(set, name, hash_name(name)), *node = *p;

	if (!node)
		return;
	*p = node->next;
	free(node);
	set->count--;
}

size_t wa_nameset_count(const struct wa_nameset *set)
{
	return set->count;
}
