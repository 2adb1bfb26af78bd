/* SPDX-License-Identifier: MIT */
#include "people.h"

#include <string.h>
#include <strings.h>

#define MAX_PARTS 8

struct parts {
	const char *p[MAX_PARTS];
	size_t len[MAX_PARTS];
	size_t n;
};

static void split(const char *name, struct parts *out)
{
	out->n = 0;
	for (const char *s = name; *s && out->n < MAX_PARTS;) {
		while (*s == ' ')
			s++;
		const char *e = s;

		while (*e && *e != ' ')
			e++;
		if (e > s) {
			out->p[out->n] = s;
			out->len[out->n++] = (size_t)(e - s);
		}
		s = e;
	}
}

static bool same_word(const char *a, size_t na, const char *b, size_t nb)
{
	return na == nb && strncasecmp(a, b, na) == 0;
}

/*
 * Whether a one-word name is this part of a full name, or one half of a
 * double-barrelled part: the tokenizer cuts "Kosiniak-Kamysz" at its
 * hyphen, as it cuts "Rusia-Belarus", so a later mention reads "Kosiniak".
 */
static bool names_part(const char *word, size_t n, const char *part, size_t len)
{
	const char *hyphen = memchr(part, '-', len);

	if (same_word(word, n, part, len))
		return true;
	if (!hyphen)
		return false;
	const char *last = part + len;

	while (last > part && last[-1] != '-')
		last--;
	return same_word(word, n, part, (size_t)(hyphen - part)) ||
	       same_word(word, n, last, (size_t)(part + len - last));
}

/* Levenshtein distance up to 2 (3 means "more"), for short names. */
static int distance(const char *a, size_t na, const char *b, size_t nb)
{
	int row[32], prev;

	if (na >= 31 || nb >= 31 || (na > nb ? na - nb : nb - na) > 2)
		return 3;
	for (size_t j = 0; j <= nb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= na; i++) {
		prev = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= nb; j++) {
			int cost = (a[i - 1] | 32) != (b[j - 1] | 32);
			int best = prev + cost, here = row[j];

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			prev = here;
			row[j] = best;
		}
	}
	return row[nb] > 3 ? 3 : row[nb];
}

/*
 * Whether short is another way of writing full: one of its parts (the
 * surname, or the first name), its first or last parts, or the same name
 * with a first name spelt one letter differently (Sergei/Sergey) or a
 * part left out.
 */
static bool same_person(const struct parts *s, const struct parts *f)
{
	if (s->n == 1) {
		for (size_t i = 0; i < f->n; i++)
			if (names_part(s->p[0], s->len[0], f->p[i], f->len[i]))
				return true;
		return false;
	}
	/* The full name's first parts (Mohd Nizam of Mohd Nizam Jaffar). */
	if (s->n < f->n) {
		size_t k = 0;

		while (k < s->n && same_word(s->p[k], s->len[k], f->p[k], f->len[k]))
			k++;
		if (k == s->n)
			return true;
	}
	if (!same_word(s->p[s->n - 1], s->len[s->n - 1], f->p[f->n - 1], f->len[f->n - 1]))
		return false;
	/* The full name's last parts (Wira Hady of I Made Wira Hady). */
	if (s->n < f->n) {
		size_t k = 0;

		while (k < s->n && same_word(s->p[s->n - 1 - k], s->len[s->n - 1 - k],
					     f->p[f->n - 1 - k], f->len[f->n - 1 - k]))
			k++;
		if (k == s->n)
			return true;
	}
	/* Same surname: the first names must be close (Sergei / Sergey). */
	return s->len[0] >= 4 && distance(s->p[0], s->len[0], f->p[0], f->len[0]) <= 1;
}

int people_find_by_part(const struct entity_list *list, const char *word, size_t len)
{
	int best = -1;

	for (size_t i = 0; i < list->n; i++) {
		const struct entity *e = &list->v[i];
		struct parts p;

		if (e->type != ENTITY_PERSON || e->merged)
			continue;
		split(e->name, &p);
		for (size_t k = 0; k < p.n; k++) {
			if (p.n > 1 && names_part(word, len, p.p[k], p.len[k]) &&
			    (best < 0 || list->v[best].n_mentions < e->n_mentions)) {
				best = (int)i;
				break;
			}
		}
	}
	return best;
}

int people_merge(struct entity_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		struct entity *e = &list->v[i];
		struct parts short_form, full;
		int into = -1;

		/* Boediono the gazetteer knows is not "Ny Herawati Boediono". */
		if (e->type != ENTITY_PERSON || e->merged || e->known)
			continue;
		split(e->name, &short_form);
		if (short_form.n == 0)
			continue;
		/* The longest other name it is a form of; ties go to the most mentioned. */
		for (size_t k = 0; k < list->n; k++) {
			const struct entity *o = &list->v[k];

			if (k == i || o->type != ENTITY_PERSON || o->merged)
				continue;
			split(o->name, &full);
			if (full.n < short_form.n ||
			    (full.n == short_form.n && o->n_mentions <= e->n_mentions) ||
			    !same_person(&short_form, &full))
				continue;
			if (into < 0 || strlen(o->name) > strlen(list->v[into].name))
				into = (int)k;
		}
		if (into >= 0) {
			int r = entity_list_merge(list, i, (size_t)into);

			if (r < 0)
				return r;
		}
	}
	return 0;
}
