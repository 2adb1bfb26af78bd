/* SPDX-License-Identifier: MIT */
#include "gazetteer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <warta/plugin.h>

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
};

const char *entity_type_name(enum entity_type type)
{
	return type < N_ENTITY_TYPES ? type_names[type] : "country";
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
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

static int parse_kind(const char *word, int *ret_kind, char **ret_arg, bool cues)
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

/* One "KIND | name | alias ..." line. */
static int load_line(struct gazetteer *g, char *line, bool cues)
{
	char *save = NULL, *field = strtok_r(line, "|", &save);
	char *kind_word = trim(field), *arg;
	int kind, ref = -1, r;

	if ((r = parse_kind(kind_word, &kind, &arg, cues)) < 0)
		return r;
	if (!cues && (kind == ENTITY_COUNTRY || kind == ENTITY_METONYM) &&
	    (!arg || strlen(arg) != 2))
		return -EINVAL;
	if (cues && kind == CUE_MAKER) {
		for (size_t i = 0; i < g->n_prefix && ref < 0; i++)
			if (arg && strcmp(g->prefix[i], arg) == 0)
				ref = (int)i;
		if (ref < 0)
			return -EINVAL; /* designator lines come first */
	}
	if (!cues && kind == ENTITY_METONYM && (ref = country_of(g, arg)) < 0)
		return -EINVAL;
	bool first = true;

	for (field = strtok_r(NULL, "|", &save); field; field = strtok_r(NULL, "|", &save)) {
		char *name = trim(field);

		if (!*name)
			continue;
		if (cues && kind < 0) {
			r = add_prefix(g, name);
		} else if (cues) {
			r = wp_phrases_add(&g->cues, name, kind, ref);
		} else {
			if (first && kind != ENTITY_METONYM &&
			    (ref = add_canonical(g, (enum entity_type)kind, name, arg)) < 0)
				return ref;
			r = wp_phrases_add(&g->names, name, kind, ref);
		}
		if (r < 0)
			return r;
		first = false;
	}
	return first ? -EINVAL : 0;
}

static int load_file(const struct wa_plugin_ctx *ctx, struct gazetteer *g, const char *file,
		     bool cues, char **ret_error)
{
	char *text, *save = NULL;
	size_t len;
	unsigned line_no = 0;
	int r = wa_plugin_data_read(ctx, file, &text, &len, NULL);

	if (r < 0) {
		if (asprintf(ret_error, "%s: %s", file, strerror(-r)) < 0)
			*ret_error = NULL;
		return r;
	}
	/* strtok_r would skip empty lines and lose the count; walk by hand. */
	for (char *line = text; line && r == 0; line = save) {
		save = strchr(line, '\n');
		if (save)
			*save++ = '\0';
		line_no++;
		char *t = trim(line);

		if (*t == '\0' || *t == '#')
			continue;
		if ((r = load_line(g, t, cues)) < 0 &&
		    asprintf(ret_error, "%s:%u: %s", file, line_no,
			     r == -ENOMEM
				     ? "out of memory"
				     : "expected KIND | name | alias ... with a known kind") < 0)
			*ret_error = NULL;
	}
	free(text);
	return r;
}

int gazetteer_load(const struct wa_plugin_ctx *ctx, struct gazetteer *g, char **ret_error)
{
	int r;

	*ret_error = NULL;
	if ((r = load_file(ctx, g, "countries.txt", false, ret_error)) < 0 ||
	    (r = load_file(ctx, g, "gazetteer.txt", false, ret_error)) < 0 ||
	    (r = load_file(ctx, g, "entity-cues.txt", true, ret_error)) < 0 ||
	    (r = load_file(ctx, g, "ner-words.txt", true, ret_error)) < 0) {
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
