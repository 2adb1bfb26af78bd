/* SPDX-License-Identifier: MIT */
/*
 * One pass over the tokens, trying at each position, in this order: a
 * type designator or ship, the longest gazetteer name or a name behind an
 * organisation or place head word (whichever is longer), a person after a
 * title or a reporting verb, and last any other capitalised span, which
 * is guessed from its shape and neighbours. A sentence's first word is
 * capitalised anyway, so alone it is only kept if it turns out to be part
 * of a person named elsewhere in the article.
 */
#include "recognise.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "designators.h"
#include "people.h"

#define MAX_NAME_TOKENS   5
#define MAX_ORG_TOKENS    8
#define MAX_TITLE_EXTRAS  6 /* qualifiers and organisations between a title and the name */
#define MAX_SHIP_TOKENS   5
#define MAX_ACRONYM_BYTES 6
#define MAX_CANDIDATES    1000

struct candidate {
	size_t token; /* a sentence-initial capitalised word, maybe a known person */
};

/* Each token's longest cue and gazetteer name, looked up once: the pass asks many times. */
struct token_memo {
	int32_t cue_entry, name_entry;
	uint8_t cue_n, name_n;
	bool cue_known, name_known;
};

struct scan {
	const struct gazetteer *g;
	struct token_memo *memo;
	const char *text;
	const struct wp_tokens *t;
	struct entity_list *list;
	struct candidate *candidates;
	size_t n_candidates;
	/* Acronyms the text defined: "Badan Usaha Milik Negara (BUMN)". */
	struct acronym {
		char text[16];
		int entity;
	} acronyms[32];
	size_t n_acronyms;
	int error; /* the first -ENOMEM */
};

static size_t gazetteer_at(const struct scan *s, size_t i, int *ret_entry);

static uint32_t chars_after(const struct scan *s, size_t j)
{
	const struct wp_token *t = &s->t->v[j];
	uint32_t n = t->chars;

	for (uint32_t b = t->start; b < t->end; b++)
		n += ((unsigned char)s->text[b] & 0xc0) != 0x80;
	return n;
}

/* Adds a mention spanning tokens [i, j), named `name` (or as written if NULL). */
static int add(struct scan *s, enum entity_type type, const char *name, const char *code, size_t i,
	       size_t j)
{
	const char *surface = s->text + s->t->v[i].start;
	size_t len = s->t->v[j - 1].end - s->t->v[i].start;
	char *owned = NULL;

	if (!name && !(name = owned = strndup(surface, len)))
		return -ENOMEM;
	int r = entity_list_add(s->list, type, name, code, surface, len, s->t->v[i].chars,
				chars_after(s, j - 1));

	free(owned);
	if (r < 0 && r != -ENOSPC && !s->error) /* ENOSPC: the entity cap, not a failure */
		s->error = r;
	return r;
}

/*
 * "Badan Usaha Milik Negara (BUMN)": an organisation's acronym in brackets
 * right after its name (token j) is another name of the same entity, so
 * later mentions of BUMN count for it, even at a sentence start. Returns
 * the tokens used (0 or 3).
 */
static size_t define_acronym(struct scan *s, int entity, size_t j)
{
	if (entity < 0 || j + 2 >= s->t->n || !wp_token_punct(s->text, &s->t->v[j], '(') ||
	    !wp_token_punct(s->text, &s->t->v[j + 2], ')'))
		return 0;
	const struct wp_token *a = &s->t->v[j + 1];
	size_t len = a->end - a->start;

	int known;

	/* Kemhan and Wantimpres are acronyms as much as BUMN; (Jakarta) is not one. */
	if (!(a->flags & (WP_TOKEN_UPPER | WP_TOKEN_CAPITAL)) || len < 2 ||
	    (!(a->flags & WP_TOKEN_UPPER) && gazetteer_at(s, j + 1, &known)) ||
	    len >= sizeof(s->acronyms[0].text) ||
	    s->n_acronyms == sizeof(s->acronyms) / sizeof(*s->acronyms))
		return 0;
	struct acronym *d = &s->acronyms[s->n_acronyms++];

	memcpy(d->text, s->text + a->start, len);
	d->text[len] = '\0';
	d->entity = entity;
	const struct entity *e = &s->list->v[entity];

	return entity_list_add(s->list, e->type, e->name, e->code, d->text, len, a->chars,
			       a->chars + (uint32_t)len) < 0
		       ? 0
		       : 3;
}

/* The entity an acronym the text defined stands for, or -1. */
static int defined_acronym(const struct scan *s, size_t i)
{
	const struct wp_token *t = &s->t->v[i];

	for (size_t k = 0; k < s->n_acronyms; k++)
		if (wp_token_is(s->text, t, s->acronyms[k].text))
			return s->acronyms[k].entity;
	return -1;
}

/* The length of a cue of `kind` at token i, 0 if none. */
static size_t cue_at(const struct scan *s, size_t i, enum cue_kind kind)
{
	if (i >= s->t->n)
		return 0;
	struct token_memo *m = &s->memo[i];

	if (!m->cue_known) {
		int entry = -1;

		m->cue_n = (uint8_t)wp_phrases_match(&s->g->cues, s->t, i, &entry);
		m->cue_entry = entry;
		m->cue_known = true;
	}
	for (int entry = m->cue_n ? m->cue_entry : -1; entry >= 0; entry = s->g->cues.v[entry].next)
		if (s->g->cues.v[entry].kind == (int)kind)
			return m->cue_n;
	return 0;
}

static bool capitalised(const struct scan *s, size_t i)
{
	return i < s->t->n && (s->t->v[i].flags & WP_TOKEN_WORD) &&
	       (s->t->v[i].flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER));
}

/* A word that can be part of a name: capitalised, and not a day, month or function word. */
static bool name_word(const struct scan *s, size_t i)
{
	return capitalised(s, i) && cue_at(s, i, CUE_NOT_NAME) != 1;
}

/*
 * The longest gazetteer name at i written as a name is; its first
 * fitting entry in *ret_entry.
 */
static size_t gazetteer_at(const struct scan *s, size_t i, int *ret_entry)
{
	if (i >= s->t->n)
		return 0;
	struct token_memo *m = &s->memo[i];

	if (!m->name_known) {
		int entry = -1;
		size_t n = wp_phrases_match(&s->g->names, s->t, i, &entry);

		m->name_n = 0;
		for (; n && entry >= 0; entry = s->g->names.v[entry].next) {
			if (wp_phrase_case_fits(&s->g->names.v[entry], s->t, i, n)) {
				m->name_n = (uint8_t)n;
				m->name_entry = entry;
				break;
			}
		}
		m->name_known = true;
	}
	if (m->name_n)
		*ret_entry = m->name_entry;
	return m->name_n;
}

static bool connector(const struct scan *s, size_t i)
{
	static const char *const words[] = { "bin", "binti", "van", "von", "de", "der", "al",
					     "el",  "da",    "dos", "du",  "la", "le",  "ibn" };
	const char *w = wp_token_folded(s->t, i);

	if (s->t->v[i].flags & WP_TOKEN_CAPITAL)
		return false;
	for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++)
		if (strcmp(w, words[k]) == 0)
			return true;
	return false;
}

/*
 * The tokens of a capitalised name from i (0 if none): name words and
 * the particles between them (bin, van, de). A person's name stops where
 * a known name starts ("Prabowo Subianto Jakarta"); an organisation's or
 * a place's goes through them ("Universitas Indonesia").
 */
static size_t name_span(const struct scan *s, size_t i, size_t max, bool through_names)
{
	size_t k = i;
	int entry;

	while (k < s->t->n && k - i < max) {
		if (name_word(s, k)) {
			/*
			 * A person's name ends where a post or a known name begins;
			 * an organisation's where a post followed by a name does
			 * ("Dinas Penerangan TNI AL | Laksamana Pertama I Made ...",
			 * but "Dewan Pertimbangan Presiden (Wantimpres)").
			 */
			size_t title = k > i ? cue_at(s, k, CUE_TITLE) : 0;

			if (title && (!through_names || name_word(s, k + title)))
				break;
			if (k > i && !through_names &&
			    (gazetteer_at(s, k, &entry) || cue_at(s, k, CUE_ORG_HEAD) ||
			     cue_at(s, k, CUE_PLACE_HEAD)))
				break;
			k++;
		} else if (k > i && connector(s, k) && name_word(s, k + 1)) {
			k++;
		} else {
			break;
		}
	}
	return k - i;
}

/* Whether token j starts what an actor does: a me- verb, a reporting verb, "telah menolak". */
static bool acts(const struct scan *s, size_t j)
{
	static const char *const aux[] = { "telah", "akan",  "sudah", "juga",
					   "tidak", "belum", "pun",   "kembali" };

	for (size_t hops = 0; j < s->t->n && hops < 2; hops++, j++) {
		const struct wp_token *t = &s->t->v[j];
		const char *w = wp_token_folded(s->t, j);

		if (!(t->flags & WP_TOKEN_WORD) || (t->flags & WP_TOKEN_CAPITAL))
			return false;
		if ((strncmp(w, "me", 2) == 0 && t->fold_len >= 5) || cue_at(s, j, CUE_VERB))
			return true;
		bool is_aux = false;

		for (size_t k = 0; k < sizeof(aux) / sizeof(*aux); k++)
			is_aux |= strcmp(w, aux[k]) == 0;
		if (!is_aux)
			return false;
	}
	return false;
}

static bool compass_after(const struct scan *s, size_t j)
{
	static const char *const words[] = { "utara", "selatan",  "barat", "timur", "tengah",
					     "pusat", "tenggara", "laut",  "daya" };

	if (!capitalised(s, j))
		return false;
	for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++)
		if (strcmp(wp_token_folded(s->t, j), words[k]) == 0)
			return true;
	return false;
}

/* A gazetteer name at [i, i+n): its entity (and its country, for a seat of government that acts).
 */
static size_t add_gazetteer(struct scan *s, size_t i, size_t n, int entry)
{
	const struct gazetteer *g = s->g;
	bool named = false, metonym = false;
	size_t used = n;
	int r = 0, org = -1;

	for (; entry >= 0 && r >= 0; entry = g->names.v[entry].next) {
		const struct wp_phrase *p = &g->names.v[entry];
		const struct canonical *c = &g->canon[p->ref];

		if (!wp_phrase_case_fits(p, s->t, i, n))
			continue;
		if (p->kind == ENTITY_METONYM) {
			if (!metonym && acts(s, i + n))
				r = add(s, ENTITY_COUNTRY, c->name, c->code, i, i + n);
			metonym = true;
			continue;
		}
		if (named)
			continue;
		named = true;
		/* Jakarta Pusat, Jawa Timur: a compass word makes another place. */
		if (c->type == ENTITY_PLACE && compass_after(s, i + n)) {
			used = n + 1;
			r = add(s, c->type, NULL, NULL, i, i + used);
			continue;
		}
		/* Exercises are named by year: Zapad 2025. */
		if (c->type == ENTITY_EVENT && i + n < s->t->n &&
		    (s->t->v[i + n].flags & WP_TOKEN_NUMBER) &&
		    s->t->v[i + n].end - s->t->v[i + n].start == 4) {
			used = n + 1;
			r = add(s, c->type, NULL, NULL, i, i + used);
		} else {
			r = add(s, c->type, c->name, c->code, i, i + n);
			if (c->type == ENTITY_ORG)
				org = r;
		}
	}
	if (r < 0)
		return 0;
	return used + define_acronym(s, org, i + used);
}

/* "KRI Nanggala-402", "KRI Bung Tomo (357)". */
static size_t ship_at(struct scan *s, size_t i)
{
	size_t cue = cue_at(s, i, CUE_SHIP);

	if (!cue || !(s->t->v[i].flags & WP_TOKEN_UPPER))
		return 0;
	size_t n = name_span(s, i + cue, MAX_SHIP_TOKENS, true);
	size_t j = i + cue + n;

	if (n == 0 && j < s->t->n && (s->t->v[j].flags & WP_TOKEN_HAS_DIGIT))
		n = 1, j++; /* the hull number glued to a one-word name */
	if (n == 0)
		return 0;
	/* A hull number in brackets belongs to the name. */
	if (j + 2 < s->t->n && wp_token_punct(s->text, &s->t->v[j], '(') &&
	    (s->t->v[j + 1].flags & WP_TOKEN_NUMBER) &&
	    wp_token_punct(s->text, &s->t->v[j + 2], ')'))
		j += 3;
	return add(s, ENTITY_EQUIPMENT, NULL, NULL, i, j) < 0 ? 0 : j - i;
}

/*
 * A ministry's or an agency's portfolio after a post ("Menteri
 * Perindustrian dan Perdagangan Rusia"): Indonesian forms those nouns
 * with per-/pe-/ke- ... -an (Pertahanan, Keuangan, Pendidikan), which
 * personal names rarely have both of. Returns the tokens, 0 if none.
 */
static size_t portfolio(const struct scan *s, size_t j)
{
	size_t n = 0;

	for (;;) {
		if (!capitalised(s, j + n))
			break;
		const char *w = wp_token_folded(s->t, j + n);
		size_t len = s->t->v[j + n].fold_len;

		if (len < 7 || strcmp(w + len - 2, "an") != 0 ||
		    !(strncmp(w, "per", 3) == 0 || strncmp(w, "pe", 2) == 0 ||
		      strncmp(w, "ke", 2) == 0))
			break;
		n++;
		/* ... dan Perdagangan */
		if (j + n + 1 < s->t->n && strcmp(wp_token_folded(s->t, j + n), "dan") == 0 &&
		    capitalised(s, j + n + 1))
			n++;
		else
			break;
	}
	/* A dangling "dan" belongs to no portfolio. */
	if (n && strcmp(wp_token_folded(s->t, j + n - 1), "dan") == 0)
		n--;
	return n;
}

/* Balinese and some Javanese names start with a one-letter title: I Made, I Gusti. */
static size_t balinese_initial(const struct scan *s, size_t j)
{
	const struct wp_token *t = j < s->t->n ? &s->t->v[j] : NULL;

	return t && (t->flags & WP_TOKEN_WORD) && (t->flags & WP_TOKEN_UPPER) &&
			       t->end - t->start == 1 && name_word(s, j + 1)
		       ? 1
		       : 0;
}

/*
 * After a title at [i, i+n): qualifiers, bracketed abbreviations and the
 * organisation or country of the post, then the name. Returns the tokens
 * used, 0 if no name follows.
 */
static size_t person_after_title(struct scan *s, size_t i, size_t n)
{
	size_t j = i + n, q;
	int entry;

	for (size_t extras = 0; extras < MAX_TITLE_EXTRAS && j < s->t->n; extras++) {
		if ((q = cue_at(s, j, CUE_QUALIFIER)) || (q = cue_at(s, j, CUE_TITLE))) {
			j += q;
		} else if ((q = gazetteer_at(s, j, &entry)) &&
			   s->g->canon[s->g->names.v[entry].ref].type != ENTITY_PERSON) {
			if (add_gazetteer(s, j, q, entry) == 0)
				return 0;
			j += q;
		} else if (j + 2 < s->t->n && wp_token_punct(s->text, &s->t->v[j], '(') &&
			   wp_token_punct(s->text, &s->t->v[j + 2], ')')) {
			j += 3; /* Menteri Pertahanan (Menhan) */
		} else if ((q = portfolio(s, j))) {
			j += q; /* Menteri Perindustrian dan Perdagangan */
		} else if (capitalised(s, j) && (q = cue_at(s, j, CUE_ORG_HEAD))) {
			/* Anggota Komisi III DPR ...: the organisation of the post. */
			q += name_span(s, j + q, MAX_NAME_TOKENS, false);
			if (add(s, ENTITY_ORG, NULL, NULL, j, j + q) < 0)
				return 0;
			j += q;
		} else {
			break;
		}
	}
	size_t post_end = j;

	/* "Ketua Dewan Pembina Yayasan X, Almaraja Limbong": the name in apposition. */
	if (j > i + n && j + 1 < s->t->n && wp_token_punct(s->text, &s->t->v[j], ',') &&
	    name_word(s, j + 1))
		j++;
	size_t initial = balinese_initial(s, j);
	size_t name = name_span(s, j + initial, MAX_NAME_TOKENS, false);
	size_t known = gazetteer_at(s, j, &entry);

	if (name)
		name += initial;
	const struct canonical *c = known ? &s->g->canon[s->g->names.v[entry].ref] : NULL;

	/* Presiden Prabowo: a person the gazetteer knows keeps the full name. */
	if (c && c->type == ENTITY_PERSON && known >= name)
		name = known;
	else
		c = NULL;
	/*
	 * "Komandan Gugus Tempur Laut ...": a unit or a place, not a name. The
	 * post's organisations are recorded; the pass goes on after them.
	 */
	if (name == 0 || (!c && (cue_at(s, j, CUE_ORG_HEAD) || cue_at(s, j, CUE_PLACE_HEAD))))
		return post_end - i;
	int e = add(s, ENTITY_PERSON, c ? c->name : NULL, NULL, j, j + name);

	if (e < 0 || entity_list_set_role(s->list, e, s->text + s->t->v[i].start,
					  s->t->v[post_end - 1].end - s->t->v[i].start) < 0)
		return post_end - i;
	return j + name - i;
}

static bool acronym(const struct scan *s, size_t i)
{
	const struct wp_token *t = &s->t->v[i];
	size_t n = t->end - t->start;

	if (!(t->flags & WP_TOKEN_UPPER) || (t->flags & WP_TOKEN_HAS_DIGIT) || n < 2 ||
	    n > MAX_ACRONYM_BYTES)
		return false;
	/* Roman numerals (Komisi III, ke-XV) are not organisations. */
	return strspn(s->text + t->start, "IVXLC") < n;
}

static bool after_place_preposition(const struct scan *s, size_t i)
{
	if (i == 0)
		return false;
	const char *w = wp_token_folded(s->t, i - 1);

	return !(s->t->v[i - 1].flags & WP_TOKEN_CAPITAL) &&
	       (strcmp(w, "di") == 0 || strcmp(w, "ke") == 0 || strcmp(w, "in") == 0);
}

/*
 * Whether a lone capitalised word stands where people do: before what an
 * actor does ("Akbar menegaskan"), or after "oleh", "kepada", "bersama".
 * Alone and elsewhere it is as often a common noun written with a capital
 * (Pemilu, Raker), so it waits to be confirmed by a full name.
 */
static bool person_context(const struct scan *s, size_t i)
{
	static const char *const before[] = { "oleh",  "kepada", "bersama", "dengan", "menurut",
					      "tokoh", "sosok",  "bagi",    "pak",    "bu" };

	if (acts(s, i + 1) || (i + 1 < s->t->n && wp_token_punct(s->text, &s->t->v[i + 1], ',') &&
			       cue_at(s, i + 2, CUE_VERB)))
		return true;
	if (i == 0 || (s->t->v[i - 1].flags & WP_TOKEN_CAPITAL))
		return false;
	for (size_t k = 0; k < sizeof(before) / sizeof(*before); k++)
		if (strcmp(wp_token_folded(s->t, i - 1), before[k]) == 0)
			return true;
	return false;
}

static int remember_candidate(struct scan *s, size_t i)
{
	/* Each is checked against every person: bounded, as a hostile text could have many. */
	if (s->n_candidates >= MAX_CANDIDATES)
		return 0;
	struct candidate *v = realloc(s->candidates, (s->n_candidates + 1) * sizeof(*v));

	if (!v)
		return s->error = -ENOMEM;
	s->candidates = v;
	v[s->n_candidates++].token = i;
	return 0;
}

static bool all_common(const struct scan *s, size_t i, size_t n)
{
	for (size_t k = i; k < i + n; k++)
		if (cue_at(s, k, CUE_COMMON) != 1)
			return false;
	return true;
}

/* Any other capitalised span at i; returns the tokens it used. */
static size_t other_name(struct scan *s, size_t i)
{
	size_t n = name_span(s, i, MAX_NAME_TOKENS, false);
	const struct wp_token *t = &s->t->v[i];
	int r;

	if (n == 0)
		return 0;
	if (n == 1 && (t->flags & WP_TOKEN_ABBREV))
		return 1; /* an initial or an abbreviation alone */
	if (n > 1 && cue_at(s, i + n - 1, CUE_ORG_TAIL))
		r = add(s, ENTITY_ORG, NULL, NULL, i, i + n); /* Dassault Aviation */
	else if (n == 1 && (r = defined_acronym(s, i)) >= 0)
		r = add(s, s->list->v[r].type, s->list->v[r].name, s->list->v[r].code, i, i + 1);
	else if (n == 1 && acronym(s, i))
		r = add(s, ENTITY_ORG, NULL, NULL, i, i + 1);
	else if (n == 1 && memchr(s->text + t->start, '.', t->end - t->start))
		r = add(s, ENTITY_ORG, NULL, NULL, i, i + 1); /* Tribunnews.com */
	else if (n == 1 && !after_place_preposition(s, i) && !person_context(s, i) &&
		 !cue_at(s, i, CUE_PERSON_WORD))
		r = remember_candidate(s, i);
	else if (after_place_preposition(s, i))
		r = add(s, ENTITY_PLACE, NULL, NULL, i, i + n);
	else if (all_common(s, i, n))
		r = 0; /* "Bahan Bakar Minyak", "Koalisi Merah Putih": capitalised words, no name */
	else
		r = add(s, ENTITY_PERSON, NULL, NULL, i, i + n);
	return r < 0 ? 0 : n;
}

/* Sentence-initial words that turn out to be the surname of someone named in full. */
static int resolve_candidates(struct scan *s)
{
	for (size_t k = 0; k < s->n_candidates; k++) {
		size_t i = s->candidates[k].token;
		const struct wp_token *t = &s->t->v[i];
		int e = people_find_by_part(s->list, s->text + t->start, t->end - t->start);

		if (e >= 0 && add(s, ENTITY_PERSON, s->list->v[e].name, NULL, i, i + 1) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* "Pemerintah Rusia", "Kedutaan Besar Prancis": the organisation's country is mentioned too. */
static void countries_inside(struct scan *s, size_t from, size_t to)
{
	int entry;

	for (size_t k = from; k < to; k++) {
		size_t n = gazetteer_at(s, k, &entry);
		const struct canonical *c = n ? &s->g->canon[s->g->names.v[entry].ref] : NULL;

		if (c && c->type == ENTITY_COUNTRY && k + n <= to) {
			add(s, ENTITY_COUNTRY, c->name, c->code, k, k + n);
			k += n - 1;
		}
	}
}

static size_t step(struct scan *s, size_t i)
{
	char designators[2][DESIGNATOR_MAX];
	size_t n, m, used;
	int entry = -1;

	const struct wp_token *t = &s->t->v[i];
	/* Designators have a digit, or a number or a maker's name around them. */
	bool maybe_designator = (t->flags & WP_TOKEN_HAS_DIGIT) ||
				(i + 1 < s->t->n && (s->t->v[i + 1].flags & WP_TOKEN_NUMBER)) ||
				cue_at(s, i, CUE_MAKER);

	if (maybe_designator && (n = designator_match(s->g, s->text, s->t, i, designators, &m))) {
		for (size_t k = 0; k < m; k++)
			if (add(s, ENTITY_EQUIPMENT, designators[k], NULL, i, i + n) < 0)
				return 0;
		return n;
	}
	if ((n = ship_at(s, i)))
		return n;
	size_t g = gazetteer_at(s, i, &entry), head = 0, span = 0;
	enum entity_type head_type = ENTITY_ORG;

	if (capitalised(s, i)) {
		if ((head = cue_at(s, i, CUE_ORG_HEAD)) ||
		    ((head = cue_at(s, i, CUE_PLACE_HEAD)) && (head_type = ENTITY_PLACE)))
			span = name_span(s, i + head, MAX_ORG_TOKENS, true);
	}
	/* A known name wins over a head's guess: "Partai Golkar" of "Partai Golkar Aburizal". */
	if (g && (g >= head + span || g > head))
		return add_gazetteer(s, i, g, entry);
	if (span) {
		int e = add(s, head_type, NULL, NULL, i, i + head + span);

		if (e < 0)
			return 0;
		countries_inside(s, i + head, i + head + span);
		return head + span +
		       (head_type == ENTITY_ORG ? define_acronym(s, e, i + head + span) : 0);
	}
	/* A post without a name after it is no name itself ("kata Presiden."). */
	if ((n = cue_at(s, i, CUE_TITLE)))
		return (used = person_after_title(s, i, n)) ? used : n;
	if ((n = cue_at(s, i, CUE_VERB)) && !capitalised(s, i) &&
	    (m = name_span(s, i + n, MAX_NAME_TOKENS, false)) && !gazetteer_at(s, i + n, &entry) &&
	    defined_acronym(s, i + n) < 0 && !cue_at(s, i + n, CUE_TITLE))
		return add(s, ENTITY_PERSON, NULL, NULL, i + n, i + n + m) < 0 ? 0 : n + m;
	if (name_word(s, i) && (n = other_name(s, i)))
		return n;
	return 1;
}

int entities_recognise(const struct gazetteer *g, const char *text, const struct wp_tokens *tokens,
		       struct entity_list *list)
{
	struct scan s = { .g = g, .text = text, .t = tokens, .list = list };
	int r;

	if (!(s.memo = calloc(tokens->n + 1, sizeof(*s.memo))))
		return -ENOMEM;

	for (size_t i = 0; i < tokens->n;) {
		if (tokens->v[i].flags & (WP_TOKEN_PUNCT | WP_TOKEN_NUMBER)) {
			i++;
			continue;
		}
		size_t n = step(&s, i);

		i += n ? n : 1;
	}
	r = s.error ? s.error : people_merge(list);
	if (r == 0)
		r = resolve_candidates(&s);
	free(s.candidates);
	free(s.memo);
	return r;
}
