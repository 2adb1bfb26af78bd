/* SPDX-License-Identifier: MIT */
/*
 * Names warta knows before reading: gazetteer entries (with the country a
 * seat of government stands for, a compass word, an exercise's year),
 * ships, and the acronyms an article defines for itself.
 */
#include "known.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * "Badan Usaha Milik Negara (BUMN)": an organisation's acronym in brackets
 * right after its name (token j) is another name of the same entity, so
 * later mentions of BUMN count for it, even at a sentence start. Returns
 * the tokens used (0 if none).
 */
size_t known_define_acronym(struct scan *s, int entity, size_t j)
{
	if (entity < 0 || j + 2 >= s->t->n || !wp_token_punct(s->text, &s->t->v[j], '('))
		return 0;
	/* "Komite Perbatasan Umum (General Border Committee/GBC)": after the gloss. */
	size_t gloss = scan_slash_gloss(s, j + 1), at = gloss ? j + gloss + 2 : j + 1;

	if (at + 1 >= s->t->n || !wp_token_punct(s->text, &s->t->v[at + 1], ')'))
		return 0;
	const struct wp_token *a = &s->t->v[at];
	size_t len = a->end - a->start;

	int known;

	/*
	 * Kemhan and Wantimpres are acronyms as much as BUMN; (Jakarta) is not
	 * one, nor a company's legal form: "PT Pindad (Persero)", "(Tbk)".
	 */
	if (!(a->flags & (WP_TOKEN_UPPER | WP_TOKEN_CAPITAL)) || len < 2 ||
	    wp_token_is(s->text, a, "Persero") || wp_token_is(s->text, a, "Tbk") ||
	    (!(a->flags & WP_TOKEN_UPPER) && scan_gazetteer_at(s, at, &known)) ||
	    len >= sizeof(s->acronyms[0].text) ||
	    s->n_acronyms == sizeof(s->acronyms) / sizeof(*s->acronyms))
		return 0;
	struct acronym *d = &s->acronyms[s->n_acronyms++];
	const struct wp_token *name_end = &s->t->v[j - 1], *close = &s->t->v[at + 1];

	memcpy(d->text, s->text + a->start, len);
	d->text[len] = '\0';
	d->entity = entity;
	/* The name and its bracketed acronym are one mention, as a reader counts them. */
	return entity_list_extend(s->list, entity, wp_token_end_chars(s->text, name_end),
				  wp_token_end_chars(s->text, close), d->text, len) < 0
		       ? 0
		       : at + 2 - j;
}

/* The entity an acronym the text defined stands for, or -1. */
int known_defined_acronym(const struct scan *s, size_t i)
{
	const struct wp_token *t = &s->t->v[i];

	for (size_t k = 0; k < s->n_acronyms; k++)
		if (wp_token_is(s->text, t, s->acronyms[k].text))
			return s->acronyms[k].entity;
	return -1;
}

static bool compass_after(const struct scan *s, size_t j)
{
	static const char *const words[] = { "utara", "selatan",  "barat", "timur", "tengah",
					     "pusat", "tenggara", "laut",  "daya" };

	if (!scan_capitalised(s, j))
		return false;
	for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++)
		if (strcmp(wp_token_folded(s->t, j), words[k]) == 0)
			return true;
	return false;
}

/*
 * "Angkatan Laut Kerajaan Inggris", "Angkatan Laut Tentara Pembebasan
 * Rakyat": a known name made of everyday words (TNI AL's "Angkatan Laut")
 * that goes on in capitals to another country or organisation is that
 * one's body; the tokens it goes on for, 0 if it does not. (Going on to a
 * person or a place, as "Mahkamah Konstitusi Mahfud Md" does, it stops.)
 */
static size_t generic_name_goes_on(struct scan *s, size_t i, size_t n)
{
	int entry;

	for (size_t k = i; k < i + n; k++)
		if (scan_cue_at(s, k, CUE_COMMON) != 1 || (s->t->v[k].flags & WP_TOKEN_UPPER))
			return 0; /* an acronym (PAN) is no everyday word */
	if (!scan_capitalised(s, i + n) || scan_cue_at(s, i + n, CUE_TITLE))
		return 0;
	size_t span = scan_name_span(s, i + n, MAX_ORG_TOKENS, true);

	for (size_t k = i + n; k < i + n + span; k++) {
		size_t m = scan_gazetteer_at(s, k, &entry);
		const struct canonical *c = m ? scan_canonical(s, entry) : NULL;

		if (c && k + m <= i + n + span &&
		    ((c->type == ENTITY_COUNTRY && scan_foreign_country_at(s, k)) ||
		     c->type == ENTITY_ORG))
			return span;
	}
	return 0;
}

/*
 * "Tentera Udara Diraja Malaysia", "Kementerian Pertahanan Rusia": a known
 * body's name mentions its country too, when that is another than
 * Indonesia (whose own bodies, Bank Indonesia or PT PAL Indonesia, would
 * only repeat what nearly every article says).
 */
static void foreign_countries_inside(struct scan *s, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++) {
		size_t n = scan_foreign_country_at(s, k);

		if (n && k + n <= to) {
			known_countries_inside(s, k, k + n);
			k += n - 1;
		}
	}
}

/*
 * "dolar AS", "dolar Singapura", "US$ 300 juta": a currency, not a mention
 * of the country (the country's n tokens at i).
 */
static bool names_a_currency(const struct scan *s, size_t i, size_t n)
{
	const struct wp_token *after = i + n < s->t->n ? &s->t->v[i + n] : NULL;

	/* "US$": the sign glued to the name. */
	if (after && after->start == s->t->v[i + n - 1].end && wp_token_punct(s->text, after, '$'))
		return true;
	if (i == 0 || !(s->t->v[i - 1].flags & WP_TOKEN_WORD))
		return false;
	const char *w = wp_token_folded(s->t, i - 1);

	return !strcmp(w, "dolar") || !strcmp(w, "dollar") || !strcmp(w, "dollars");
}

/*
 * "Marietta, Georgia, Amerika Serikat" (where Lockheed Martin builds the
 * C-130J): the US state, not the country. Georgia is the one country
 * named like a state of another; followed by a comma and the United
 * States, it is that state.
 */
static bool a_us_state(const struct scan *s, size_t i, size_t n, int entry)
{
	size_t j = i + n;
	int other;

	if (strcmp(scan_canonical(s, entry)->code, "GE") != 0 || j + 1 >= s->t->n ||
	    !wp_token_punct(s->text, &s->t->v[j], ',') || !scan_gazetteer_at(s, j + 1, &other))
		return false;
	const struct canonical *o = scan_canonical(s, other);

	return o->type == ENTITY_COUNTRY && strcmp(o->code, "US") == 0;
}

/*
 * A seat of government that acts ("Kremlin membantah", "Beijing menolak")
 * is its country, and only that: "Beijing" is then no place. Returns the
 * country's entity, -1 if the name is no acting seat, or -errno.
 */
static int acting_seat(struct scan *s, size_t i, size_t n, int entry)
{
	for (; entry >= 0; entry = s->g->names.v[entry].next) {
		const struct wp_phrase *p = &s->g->names.v[entry];
		const struct canonical *c = &s->g->canon[p->ref];

		if (p->kind == ENTITY_METONYM && wp_phrase_case_fits(p, s->t, i, n))
			return scan_acts(s, i + n)
				       ? scan_add(s, ENTITY_COUNTRY, c->name, c->code, i, i + n)
				       : -1;
	}
	return -1;
}

/*
 * "Angkatan Laut Tentara Pembebasan Rakyat China": a body the gazetteer
 * files under its country ("org:CN"), followed by that country, is the body
 * and then the country, not another body of that name.
 */
static bool own_country_after(const struct scan *s, const struct canonical *body, size_t j)
{
	int entry;

	return body->code[0] && scan_gazetteer_at(s, j, &entry) &&
	       scan_canonical(s, entry)->type == ENTITY_COUNTRY &&
	       strcmp(scan_canonical(s, entry)->code, body->code) == 0;
}

/*
 * "Angkatan Laut Republik Islam Iran" and "Angkatan Laut Iran": a generic
 * body's name [i, i+n) and the country's name, any of its names, after it
 * [i+n, i+n+k). One body, named with the country's canonical name.
 */
static int add_foreign_body(struct scan *s, size_t i, size_t n, size_t k)
{
	int entry;

	if (!scan_gazetteer_at(s, i + n, &entry))
		return scan_add(s, ENTITY_ORG, NULL, NULL, i, i + n + k);
	const char *country = scan_canonical(s, entry)->name;
	size_t body = s->t->v[i + n - 1].end - s->t->v[i].start;
	char *name = malloc(body + 1 + strlen(country) + 1);

	if (!name)
		return s->error = -ENOMEM;
	memcpy(name, s->text + s->t->v[i].start, body);
	name[body] = ' ';
	strcpy(name + body + 1, country);
	int r = scan_add(s, ENTITY_ORG, name, NULL, i, i + n + k);

	free(name);
	return r;
}

/* A gazetteer name at [i, i+n): its entity, or its country for a seat of government that acts. */
size_t known_add_gazetteer(struct scan *s, size_t i, size_t n, int entry)
{
	const struct gazetteer *g = s->g;
	bool named = false;
	size_t used = n, k;
	int r = acting_seat(s, i, n, entry), acronym_of = -1;

	if (r != -1)
		return r < 0 ? 0 : n;
	r = 0;
	for (; entry >= 0 && r >= 0; entry = g->names.v[entry].next) {
		const struct wp_phrase *p = &g->names.v[entry];
		const struct canonical *c = &g->canon[p->ref];

		if (!wp_phrase_case_fits(p, s->t, i, n) || p->kind == ENTITY_METONYM)
			continue;
		if (named)
			continue;
		named = true;
		if (c->type == ENTITY_COUNTRY && names_a_currency(s, i, n))
			continue;
		if (c->type == ENTITY_COUNTRY && a_us_state(s, i, n, entry)) {
			r = scan_add(s, ENTITY_PLACE, NULL, NULL, i, i + n);
			continue;
		}
		/* Jakarta Pusat, Jawa Timur: a compass word makes another place. */
		if (c->type == ENTITY_PLACE && compass_after(s, i + n)) {
			used = n + 1;
			r = scan_add(s, c->type, NULL, NULL, i, i + used);
			continue;
		}
		/*
		 * "Angkatan Laut Rusia", "Kementerian Luar Negeri Tiongkok": the
		 * generic name of an Indonesian body, followed by another
		 * country, is that country's body, never TNI AL or Kemenlu. A
		 * body known by a name of one word is no generic one: "Houthi
		 * Yaman" is the Houthis, then Yemen.
		 */
		size_t country = 0;

		if (c->type == ENTITY_ORG && (n > 1 || strchr(c->name, ' ')) &&
		    !own_country_after(s, c, i + n) &&
		    ((k = country = scan_foreign_country_at(s, i + n)) ||
		     (k = generic_name_goes_on(s, i, n)))) {
			used = n + k;
			r = country ? add_foreign_body(s, i, n, k)
				    : scan_add(s, ENTITY_ORG, NULL, NULL, i, i + used);
			known_countries_inside(s, i + n, i + used);
			continue;
		}
		/* Exercises are named by year: Zapad 2025. */
		if (c->type == ENTITY_EVENT && i + n < s->t->n &&
		    (s->t->v[i + n].flags & WP_TOKEN_NUMBER) &&
		    s->t->v[i + n].end - s->t->v[i + n].start == 4) {
			used = n + 1;
			r = scan_add(s, c->type, NULL, NULL, i, i + used);
		} else {
			/* An organisation's code is its country's, for the rule above; it prints
			 * none. */
			r = scan_add(s, c->type, c->name,
				     c->type == ENTITY_COUNTRY ? c->code : NULL, i, i + n);
			if (r >= 0)
				s->list->v[r].known = true;
			/* "Littoral Mission Ships (LMS)": a thing's acronym is its too. */
			if (c->type == ENTITY_ORG || c->type == ENTITY_EQUIPMENT)
				acronym_of = r;
			if (c->type == ENTITY_ORG)
				foreign_countries_inside(s, i + 1, i + n);
		}
	}
	if (r < 0)
		return 0;
	return used + known_define_acronym(s, acronym_of, i + used);
}

/* "KRI Nanggala-402", "KRI Bung Tomo (357)". */
/* Three digits alone, as a navy numbers its hulls (a year has four, a count is rarely so). */
static bool hull_number(const struct scan *s, size_t j)
{
	const struct wp_token *t = &s->t->v[j];

	if (!(t->flags & WP_TOKEN_NUMBER) || t->end - t->start != 3)
		return false;
	for (uint32_t k = t->start; k < t->end; k++)
		if (s->text[k] < '0' || s->text[k] > '9')
			return false;
	return true;
}

/*
 * The ship named by tokens [i, name_end) with the hull number of token
 * `hull` joined by a hyphen, its mention tokens [i, end); the tokens used,
 * or 0 when the name is too long to build.
 */
static size_t add_ship_with_hull(struct scan *s, size_t i, size_t name_end, size_t hull, size_t end)
{
	const struct wp_token *last = &s->t->v[name_end - 1], *h = &s->t->v[hull];
	char name[128];
	int len =
		snprintf(name, sizeof(name), "%.*s-%.*s", (int)(last->end - s->t->v[i].start),
			 s->text + s->t->v[i].start, (int)(h->end - h->start), s->text + h->start);

	if (len <= 0 || (size_t)len >= sizeof(name))
		return 0;
	return scan_add(s, ENTITY_EQUIPMENT, name, NULL, i, end) < 0 ? 0 : end - i;
}

size_t known_ship_at(struct scan *s, size_t i)
{
	size_t cue = scan_cue_at(s, i, CUE_SHIP);

	if (!cue || !(s->t->v[i].flags & WP_TOKEN_UPPER))
		return 0;
	/*
	 * Ships named after a doctor or a professor keep the title: "KRI dr.
	 * Radjiman ...-992"; after a Balinese hero, the one-letter title: "KRI
	 * I Gusti Ngurah Rai-332".
	 */
	const struct wp_token *t = i + cue < s->t->n ? &s->t->v[i + cue] : NULL;
	bool initial = t && (t->flags & WP_TOKEN_WORD) && (t->flags & WP_TOKEN_UPPER) &&
		       t->end - t->start == 1;
	size_t title = t &&
				       (((t->flags & WP_TOKEN_ABBREV) &&
					 scan_cue_at(s, i + cue, CUE_TITLE) == 1) ||
					initial) &&
				       scan_name_word(s, i + cue + 1)
			       ? 1
			       : 0;
	size_t n = scan_name_span(s, i + cue + title, MAX_SHIP_TOKENS, true);
	size_t j = i + cue + title + n;

	if (n == 0 && !title && j < s->t->n && (s->t->v[j].flags & WP_TOKEN_HAS_DIGIT))
		n = 1, j++; /* the hull number glued to a one-word name */
	if (n == 0)
		return 0;
	/*
	 * A hull number in brackets belongs to the name, written as the navy
	 * writes it: "KRI Bung Tomo (357)" is KRI Bung Tomo-357; and so does
	 * one after a space: "KRI Nanggala 402" is KRI Nanggala-402.
	 */
	if (j + 2 < s->t->n && wp_token_punct(s->text, &s->t->v[j], '(') &&
	    (s->t->v[j + 1].flags & WP_TOKEN_NUMBER) &&
	    wp_token_punct(s->text, &s->t->v[j + 2], ')')) {
		size_t used = add_ship_with_hull(s, i, j, j + 1, j + 3);

		if (used)
			return used;
		j += 3;
	} else if (j < s->t->n && hull_number(s, j)) {
		size_t used = add_ship_with_hull(s, i, j, j, j + 1);

		if (used)
			return used;
	}
	return scan_add(s, ENTITY_EQUIPMENT, NULL, NULL, i, j) < 0 ? 0 : j - i;
}

/* "Pemerintah Rusia", "Kedutaan Besar Prancis": the organisation's country is mentioned too. */
void known_countries_inside(struct scan *s, size_t from, size_t to)
{
	int entry;

	for (size_t k = from; k < to; k++) {
		size_t n = scan_gazetteer_at(s, k, &entry);
		const struct canonical *c = n ? scan_canonical(s, entry) : NULL;

		if (c && c->type == ENTITY_COUNTRY && k + n <= to) {
			scan_add(s, ENTITY_COUNTRY, c->name, c->code, k, k + n);
			k += n - 1;
		}
	}
}
