/* SPDX-License-Identifier: MIT */
#include "entity_list.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../common/strbuf.h"

#define MAX_ALIASES  16 /* spellings listed per entity */
#define MAX_OFFSETS  64 /* mention spans listed per entity; mentions counts all */
#define MAX_SURFACES 32
/*
 * Entities per article. A real article names a few dozen; a hostile one
 * with a hundred thousand distinct capitalised words would make merging
 * people quadratic. Past the cap, new names are not recorded; mentions of
 * those already known still count.
 */
#define MAX_ENTITIES 2000

/* The index key: the type as one byte, then the name (cut to fit: such names are not real). */
static size_t index_key(enum entity_type type, const char *name, size_t len, char key[512])
{
	if (len > 512 - 2)
		len = 512 - 2;
	key[0] = (char)('a' + type);
	memcpy(key + 1, name, len);
	key[len + 1] = '\0';
	return len + 1;
}

int entity_list_find(const struct entity_list *list, enum entity_type type, const char *name,
		     size_t len)
{
	char key[512];
	int index;
	size_t n = index_key(type, name, len, key);

	return wp_wordset_find(&list->index, key, n, &index) ? index : -1;
}

static int find_or_create(struct entity_list *list, enum entity_type type, const char *name,
			  const char *code)
{
	char key[512];
	int index;
	size_t n = index_key(type, name, strlen(name), key);

	if (wp_wordset_find(&list->index, key, n, &index))
		return index;
	if (list->n >= MAX_ENTITIES)
		return -ENOSPC;
	if (list->n == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 32;
		struct entity *v = realloc(list->v, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		list->v = v;
		list->cap = cap;
	}
	struct entity *e = &list->v[list->n];

	memset(e, 0, sizeof(*e));
	if (!(e->name = strdup(name)))
		return -ENOMEM;
	e->type = type;
	size_t code_len = code ? strnlen(code, sizeof(e->code) - 1) : 0;

	memcpy(e->code, code ? code : "", code_len);
	e->code[code_len] = '\0';
	if (wp_wordset_add(&list->index, key, n, (int)list->n) < 0) {
		free(e->name);
		return -ENOMEM;
	}
	return (int)list->n++;
}

static int surface_index(struct entity *e, const char *surface, size_t len)
{
	for (size_t i = 0; i < e->n_surfaces; i++)
		if (strlen(e->surfaces[i]) == len && memcmp(e->surfaces[i], surface, len) == 0)
			return (int)i;
	if (e->n_surfaces == MAX_SURFACES)
		return 0;
	char **v = realloc(e->surfaces, (e->n_surfaces + 1) * sizeof(*v));

	if (!v)
		return -ENOMEM;
	e->surfaces = v;
	if (!(v[e->n_surfaces] = strndup(surface, len)))
		return -ENOMEM;
	return (int)e->n_surfaces++;
}

static int push_mention(struct entity *e, struct mention m)
{
	/* Capacity doubles at each power of two. */
	if ((e->n_mentions & (e->n_mentions - 1)) == 0) {
		size_t cap = e->n_mentions ? e->n_mentions * 2 : 1;
		struct mention *v = realloc(e->mentions, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		e->mentions = v;
	}
	e->mentions[e->n_mentions++] = m;
	return 0;
}

int entity_list_add(struct entity_list *list, enum entity_type type, const char *name,
		    const char *code, const char *surface, size_t surface_len, uint32_t start,
		    uint32_t end)
{
	int index = find_or_create(list, type, name, code);

	if (index < 0)
		return index;
	struct entity *e = &list->v[index];

	/*
	 * The same span found twice (a title's organisation, then again in the
	 * main pass) counts once. Spans come in text order, so the repeat is
	 * among the last few: looking further would make a name repeated
	 * 100,000 times quadratic.
	 */
	for (size_t i = e->n_mentions; i > 0 && e->n_mentions - i < 8; i--)
		if (e->mentions[i - 1].start == start)
			return index;
	int s = surface_index(e, surface, surface_len);

	if (s < 0)
		return s;
	int r = push_mention(e, (struct mention){ start, end, (uint32_t)s });

	return r < 0 ? r : index;
}

int entity_list_extend(struct entity_list *list, int entity, uint32_t end, uint32_t new_end,
		       const char *surface, size_t surface_len)
{
	struct entity *e = &list->v[entity];

	for (size_t i = e->n_mentions; i > 0 && e->n_mentions - i < 8; i--) {
		if (e->mentions[i - 1].end == end) {
			int s = surface_index(e, surface, surface_len);

			if (s < 0)
				return s;
			e->mentions[i - 1].end = new_end;
			return 0;
		}
	}
	return 0;
}

int entity_list_set_role(struct entity_list *list, int entity, const char *role, size_t len)
{
	struct entity *e = &list->v[entity];

	if (e->role || len == 0)
		return 0;
	return (e->role = strndup(role, len)) ? 0 : -ENOMEM;
}

int entity_list_merge(struct entity_list *list, size_t from, size_t into)
{
	struct entity *f = &list->v[from], *t = &list->v[into];
	int r = 0;

	for (size_t i = 0; i < f->n_mentions && r == 0; i++) {
		const char *s = f->surfaces[f->mentions[i].surface];
		int k = surface_index(t, s, strlen(s));

		r = k < 0 ? k
			  : push_mention(t, (struct mention){ f->mentions[i].start,
							      f->mentions[i].end, (uint32_t)k });
	}
	if (r == 0 && !t->role && f->role)
		t->role = f->role, f->role = NULL;
	f->merged = true;
	return r;
}

static int by_start(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/*
 * A person's mentions one character apart are the two halves of one
 * double-barrelled name the tokenizer cut at its hyphen ("Kosiniak-Kamysz",
 * each half merged into the full name): one mention. Sorted by start.
 */
static void join_halves(struct entity *e)
{
	size_t n = 0;

	for (size_t i = 0; i < e->n_mentions; i++) {
		if (n > 0 && e->mentions[i].start == e->mentions[n - 1].end + 1)
			e->mentions[n - 1].end = e->mentions[i].end;
		else
			e->mentions[n++] = e->mentions[i];
	}
	e->n_mentions = n;
}

static int by_mentions(const void *a, const void *b)
{
	const struct entity *x = *(const struct entity *const *)a;
	const struct entity *y = *(const struct entity *const *)b;

	if (x->n_mentions != y->n_mentions)
		return x->n_mentions < y->n_mentions ? 1 : -1;
	return (x->mentions[0].start > y->mentions[0].start) -
	       (x->mentions[0].start < y->mentions[0].start);
}

static void entity_json(struct wp_strbuf *b, const struct entity *e)
{
	wp_strbuf_puts(b, "{\"type\":");
	wp_strbuf_json_string(b, entity_type_name(e->type));
	wp_strbuf_puts(b, ",\"name\":");
	wp_strbuf_json_string(b, e->name);
	if (e->code[0]) {
		wp_strbuf_puts(b, ",\"code\":");
		wp_strbuf_json_string(b, e->code);
	}
	if (e->role) {
		wp_strbuf_puts(b, ",\"role\":");
		wp_strbuf_json_string(b, e->role);
	}
	wp_strbuf_puts(b, ",\"aliases\":[");
	for (size_t i = 0, n = 0; i < e->n_surfaces && n < MAX_ALIASES; i++) {
		if (strcmp(e->surfaces[i], e->name) == 0)
			continue;
		if (n++)
			wp_strbuf_putc(b, ',');
		wp_strbuf_json_string(b, e->surfaces[i]);
	}
	wp_strbuf_puts(b, "],\"mentions\":");
	wp_strbuf_uint(b, e->n_mentions);
	wp_strbuf_puts(b, ",\"offsets\":[");
	for (size_t i = 0; i < e->n_mentions && i < MAX_OFFSETS; i++) {
		wp_strbuf_puts(b, i ? ",[" : "[");
		wp_strbuf_uint(b, e->mentions[i].start);
		wp_strbuf_putc(b, ',');
		wp_strbuf_uint(b, e->mentions[i].end);
		wp_strbuf_putc(b, ']');
	}
	wp_strbuf_puts(b, "]}");
}

char *entity_list_json(const struct entity_list *list)
{
	const struct entity **order = malloc((list->n + 1) * sizeof(*order));
	struct wp_strbuf b = { 0 };
	size_t n = 0;

	if (!order)
		return NULL;
	for (size_t i = 0; i < list->n; i++) {
		struct entity *e = &list->v[i];

		if (e->merged || e->n_mentions == 0)
			continue;
		qsort(e->mentions, e->n_mentions, sizeof(*e->mentions), by_start);
		if (e->type == ENTITY_PERSON)
			join_halves(e);
		order[n++] = e;
	}
	qsort(order, n, sizeof(*order), by_mentions);
	wp_strbuf_putc(&b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			wp_strbuf_putc(&b, ',');
		entity_json(&b, order[i]);
	}
	wp_strbuf_putc(&b, ']');
	free(order);
	if (b.error) {
		wp_strbuf_fini(&b);
		return NULL;
	}
	return b.buf;
}

struct wp_people *entity_list_people(const struct entity_list *list)
{
	struct wp_people *p = calloc(1, sizeof(*p));
	size_t n = 0;

	for (size_t i = 0; i < list->n; i++)
		if (list->v[i].type == ENTITY_PERSON && !list->v[i].merged)
			n += list->v[i].n_mentions;
	if (!p || !(p->v = calloc(n + 1, sizeof(*p->v)))) {
		free(p);
		return NULL;
	}
	for (size_t i = 0; i < list->n; i++) {
		const struct entity *e = &list->v[i];

		if (e->type != ENTITY_PERSON || e->merged)
			continue;
		for (size_t k = 0; k < e->n_mentions; k++)
			p->v[p->n++] = (struct wp_person_mention){ e->mentions[k].start,
								   e->mentions[k].end, NULL };
		/* The name is copied once per mention: simple to free, and people are few. */
		for (size_t k = p->n - e->n_mentions; k < p->n; k++)
			if (!(p->v[k].name = strdup(e->name))) {
				wp_people_free(p);
				return NULL;
			}
	}
	qsort(p->v, p->n, sizeof(*p->v), wp_person_mention_order);
	return p;
}

void entity_list_fini(struct entity_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		struct entity *e = &list->v[i];

		for (size_t k = 0; k < e->n_surfaces; k++)
			free(e->surfaces[k]);
		free(e->surfaces);
		free(e->mentions);
		free(e->name);
		free(e->role);
	}
	free(list->v);
	wp_wordset_fini(&list->index);
	memset(list, 0, sizeof(*list));
}
