/* SPDX-License-Identifier: MIT */
#include "gazetteer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <warta/plugin.h>

#include "../common/listfile.h"

static const char *const type_names[N_ENTITY_TYPES] = {
	[ENTITY_COUNTRY] = "country", [ENTITY_PLACE] = "place",         [ENTITY_ORG] = "org",
	[ENTITY_PERSON] = "person",   [ENTITY_EQUIPMENT] = "equipment", [ENTITY_EVENT] = "event",
};

static const char *const cue_names[] = {
	[CUE_TITLE] = "title",
	[CUE_QUALIFIER] = "qualifier",
	[CUE_VERB] = "verb",
	[CUE_ORG_HEAD] = "org-head",
	[CUE_PLACE_HEAD] = "place-head",
	[CUE_NOT_NAME] = "not-name",
	[CUE_MAKER] = "maker",
	[CUE_SHIP] = "ship",
	[CUE_VIA] = "via",
	[CUE_ORG_TAIL] = "org-tail",
	[CUE_PERSON_WORD] = "person-word",
	[CUE_COMMON] = "common",
	[CUE_PORTFOLIO] = "portfolio",
	[CUE_NUMBERED] = "numbered",
	[CUE_EVENT_NAMER] = "event-namer",
	[CUE_IN_ORG] = "in-org",
	[CUE_POST_PREFIX] = "post-prefix",
	[CUE_PLACE_NOUN] = "place-noun",
	[CUE_PERSON_BEFORE] = "person-before",
	[CUE_PEOPLE_NOUN] = "people-noun",
	[CUE_EXERCISE_KIND] = "exercise-kind",
	[CUE_DOCUMENT] = "document",
	[CUE_GOVERNMENT_TAIL] = "government-tail",
	[CUE_ME_NOUN] = "me-noun",
	[CUE_ORG_NOUN] = "org-noun",
};

const char *entity_type_name(enum entity_type type)
{
	return type < N_ENTITY_TYPES ? type_names[type] : "country";
}

static int add_canonical(struct gazetteer *g, enum entity_type type, const char *name,
			 const char *code)
{
	struct canonical *v = realloc(g->canon, (g->n_canon + 1) * sizeof(*v));

	if (!v)
		return -ENOMEM;
	g->canon = v;
	struct canonical *c = &g->canon[g->n_canon];

	if (!(c->name = strdup(name)))
		return -ENOMEM;
	c->type = type;
	snprintf(c->code, sizeof(c->code), "%s", code ? code : "");
	return (int)g->n_canon++;
}

static int add_prefix(struct gazetteer *g, const char *prefix)
{
	char **v = realloc(g->prefix, (g->n_prefix + 1) * sizeof(*v));
	char folded[16];
	size_t n = strlen(prefix);

	if (!v)
		return -ENOMEM;
	g->prefix = v;
	if (n >= sizeof(folded))
		return -EINVAL;
	for (size_t i = 0; i <= n; i++)
		folded[i] =
			(char)(prefix[i] >= 'A' && prefix[i] <= 'Z' ? prefix[i] + 32 : prefix[i]);
	if (!(g->prefix[g->n_prefix] = strdup(prefix)))
		return -ENOMEM;
	g->n_prefix++;
	return wp_wordset_add(&g->prefixes, folded, n, (int)g->n_prefix - 1);
}

/* The metonym's country: the canonical entry with that code. */
static int country_of(const struct gazetteer *g, const char *code)
{
	for (size_t i = 0; i < g->n_canon; i++)
		if (g->canon[i].type == ENTITY_COUNTRY && strcmp(g->canon[i].code, code) == 0)
			return (int)i;
	return -1;
}

static int parse_kind(const char *word, int *ret_kind, const char **ret_arg, bool cues)
{
	char *colon = strchr(word, ':');
	size_t n = colon ? (size_t)(colon - word) : strlen(word);

	*ret_arg = colon ? colon + 1 : NULL;
	if (cues) {
		for (size_t k = 0; k < sizeof(cue_names) / sizeof(*cue_names); k++)
			if (strlen(cue_names[k]) == n && strncmp(word, cue_names[k], n) == 0)
				return *ret_kind = (int)k, 0;
		if (n == 10 && strncmp(word, "designator", n) == 0)
			return *ret_kind = -1, 0;
		return -EINVAL;
	}
	for (size_t k = 0; k < N_ENTITY_TYPES; k++)
		if (strlen(type_names[k]) == n && strncmp(word, type_names[k], n) == 0)
			return *ret_kind = (int)k, 0;
	if (n == 7 && strncmp(word, "metonym", n) == 0 && colon)
		return *ret_kind = ENTITY_METONYM, 0;
	return -EINVAL;
}

/* One "KIND | name | alias ..." line of countries.txt or gazetteer.txt. */
static int load_names(void *data, const char *kind_word, char **items, size_t n)
{
	struct gazetteer *g = data;
	const char *arg;
	int kind, ref = -1, r;

	if ((r = parse_kind(kind_word, &kind, &arg, false)) < 0 || n == 0)
		return -EINVAL;
	if ((kind == ENTITY_COUNTRY || kind == ENTITY_METONYM) && (!arg || strlen(arg) != 2))
		return -EINVAL;
	if (kind == ENTITY_METONYM && (ref = country_of(g, arg)) < 0)
		return -EINVAL;
	/* The first name is the canonical one. */
	if (kind != ENTITY_METONYM &&
	    (ref = add_canonical(g, (enum entity_type)kind, items[0], arg)) < 0)
		return ref;
	for (size_t i = 0; i < n && r == 0; i++)
		r = wp_phrases_add(&g->names, items[i], kind, ref);
	return r;
}

/* One "KIND | phrase | phrase ..." line of entity-cues.txt or ner-words.txt. */
static int load_cues(void *data, const char *kind_word, char **items, size_t n)
{
	struct gazetteer *g = data;
	const char *arg;
	int kind, ref = -1, r;

	if ((r = parse_kind(kind_word, &kind, &arg, true)) < 0 || n == 0)
		return -EINVAL;
	if (kind == CUE_MAKER) {
		for (size_t i = 0; i < g->n_prefix && ref < 0; i++)
			if (arg && strcmp(g->prefix[i], arg) == 0)
				ref = (int)i;
		if (ref < 0)
			return -EINVAL; /* designator lines come first */
	}
	for (size_t i = 0; i < n && r == 0; i++)
		r = kind < 0 ? add_prefix(g, items[i])
			     : wp_phrases_add(&g->cues, items[i], kind, ref);
	return r;
}

int gazetteer_load(const struct wa_plugin_ctx *ctx, struct gazetteer *g, char **ret_error)
{
	int r;

	*ret_error = NULL;
	if ((r = wp_list_file_read(ctx, "countries.txt", load_names, g, ret_error)) < 0 ||
	    (r = wp_list_file_read(ctx, "gazetteer.txt", load_names, g, ret_error)) < 0 ||
	    (r = wp_list_file_read(ctx, "entity-cues.txt", load_cues, g, ret_error)) < 0 ||
	    (r = wp_list_file_read(ctx, "ner-words.txt", load_cues, g, ret_error)) < 0) {
		gazetteer_fini(g);
		return r;
	}
	return 0;
}

void gazetteer_fini(struct gazetteer *g)
{
	for (size_t i = 0; i < g->n_canon; i++)
		free(g->canon[i].name);
	for (size_t i = 0; i < g->n_prefix; i++)
		free(g->prefix[i]);
	free(g->canon);
	free(g->prefix);
	wp_phrases_fini(&g->names);
	wp_phrases_fini(&g->cues);
	wp_wordset_fini(&g->prefixes);
	memset(g, 0, sizeof(*g));
}

const char *gazetteer_prefix(const struct gazetteer *g, const char *folded, size_t len)
{
	int i;

	return wp_wordset_find(&g->prefixes, folded, len, &i) ? g->prefix[i] : NULL;
}
