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

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "designators.h"
#include "known.h"
#include "people.h"
#include "posts.h"
#include "scan.h"

#define MAX_CANDIDATES 1000

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

/*
 * "Tribunnews.com", "Detik.com": a site's address, which names its
 * publisher; not "Rp6.500", nor an abbreviated degree ("M.Si").
 */
static bool web_address(const struct scan *s, size_t i)
{
	const struct wp_token *t = &s->t->v[i];
	const char *start = s->text + t->start, *end = s->text + t->end;
	const char *first_dot = memchr(start, '.', (size_t)(end - start)), *domain = end;

	while (domain > start && domain[-1] >= 'a' && domain[-1] <= 'z')
		domain--;
	return first_dot && first_dot - start >= 3 && domain > start && domain[-1] == '.' &&
	       end - domain >= 2 && end - domain <= 6;
}

/* Whether token i follows a one-word cue of this kind, written in lower case. */
static bool after_lower_word(const struct scan *s, size_t i, enum cue_kind kind)
{
	return i > 0 && !(s->t->v[i - 1].flags & WP_TOKEN_CAPITAL) &&
	       scan_cue_at(s, i - 1, kind) == 1;
}

/* The same, or capitalised only by opening the sentence: "Menurut Sharif". */
static bool after_opening_word(const struct scan *s, size_t i, enum cue_kind kind)
{
	return after_lower_word(s, i, kind) ||
	       (i > 0 && (s->t->v[i - 1].flags & WP_TOKEN_SENT_START) &&
		scan_cue_at(s, i - 1, kind) == 1);
}

/*
 * Whether a name stands where places do: after "di", "ke", or a place noun
 * the text writes in lower case ("kota Misrata", "asal Delhi"), next in a
 * list after a place, or before a comma and a known place, as addresses
 * run ("Sangatta, Kutai Timur, Kalimantan Timur").
 */
static bool place_context(const struct scan *s, size_t i, size_t n)
{
	int entry;

	if (after_lower_word(s, i, CUE_PLACE_NOUN))
		return true;
	/* "di Natanz dan Isfahan", "Kursk, Belgorod": one word next in a list of places. */
	if (n == 1 && i >= 2 && s->last_place_end &&
	    wp_token_end_chars(s->text, &s->t->v[i - 2]) == s->last_place_end &&
	    (wp_token_punct(s->text, &s->t->v[i - 1], ',') ||
	     strcmp(wp_token_folded(s->t, i - 1), "dan") == 0 ||
	     strcmp(wp_token_folded(s->t, i - 1), "serta") == 0 ||
	     strcmp(wp_token_folded(s->t, i - 1), "and") == 0))
		return true;
	if (i + n + 1 < s->t->n && wp_token_punct(s->text, &s->t->v[i + n], ',') &&
	    scan_gazetteer_at(s, i + n + 1, &entry)) {
		enum entity_type type = scan_canonical(s, entry)->type;

		return type == ENTITY_PLACE || type == ENTITY_COUNTRY;
	}
	return false;
}

/*
 * Whether a lone capitalised word stands where people do: before what an
 * actor does ("Akbar menegaskan"), or after "oleh", "kepada", "bersama".
 * Alone and elsewhere it is as often a common noun written with a capital
 * (Pemilu, Raker), so it waits to be confirmed by a full name.
 */
static bool person_context(const struct scan *s, size_t i)
{
	/* "Mendur bersaudara": the brothers of that name. */
	if (i + 1 < s->t->n && strcmp(wp_token_folded(s->t, i + 1), "bersaudara") == 0)
		return true;
	return scan_acts(s, i + 1) ||
	       (i + 1 < s->t->n && wp_token_punct(s->text, &s->t->v[i + 1], ',') &&
		scan_cue_at(s, i + 2, CUE_VERB)) ||
	       after_opening_word(s, i, CUE_PERSON_BEFORE);
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
		if (scan_cue_at(s, k, CUE_COMMON) != 1)
			return false;
	return true;
}

/*
 * "Subang" after "Kabupaten Subang": a place the text named with its head
 * word (Kabupaten, Kota, Pulau, ...), now named without it. The place's
 * index, or -1.
 */
static int place_named_with_head(const struct scan *s, size_t i, size_t n)
{
	const char *name = s->text + s->t->v[i].start;
	size_t len = s->t->v[i + n - 1].end - s->t->v[i].start;

	for (size_t e = 0; e < s->list->n; e++) {
		if (s->list->v[e].type != ENTITY_PLACE)
			continue;
		const char *place = s->list->v[e].name;
		size_t place_len = strlen(place), head = place_len - len - 1;
		char folded[24];

		if (place_len <= len + 1 || head >= sizeof(folded) || place[head] != ' ' ||
		    memcmp(place + head + 1, name, len) != 0 || memchr(place, ' ', head))
			continue;
		for (size_t k = 0; k < head; k++)
			folded[k] = (char)tolower((unsigned char)place[k]);
		if (scan_is_cue_word(s, folded, head, CUE_PLACE_HEAD))
			return (int)e;
	}
	return -1;
}

/* No one's name has a digit in it; a model's does. */
static bool has_digits(const struct scan *s, size_t i, size_t n)
{
	for (size_t k = i; k < i + n; k++)
		if (s->t->v[k].flags & WP_TOKEN_HAS_DIGIT)
			return true;
	return false;
}

/*
 * "Kalaupun", "Adapun", "Apakah", "Hasilnya": an everyday word with a
 * particle or -nya, which no name ends in, capitalised because it starts
 * the sentence.
 */
static bool common_with_particle(const struct scan *s, size_t i)
{
	static const char particles[][4] = { "pun", "lah", "kah", "nya" };
	const char *word = wp_token_folded(s->t, i);
	size_t len = s->t->v[i].fold_len;

	for (size_t p = 0; p < sizeof(particles) / sizeof(*particles); p++)
		if (len > 5 && memcmp(word + len - 3, particles[p], 3) == 0 &&
		    scan_is_cue_word(s, word, len - 3, CUE_COMMON))
			return true;
	return false;
}

/*
 * "Net Interest Margin NIM", "Return on Equity ROE": capitalised words and
 * then the acronym of their initials define a term. Organisations written
 * so are in the gazetteer; what reaches here is no one's name. The short
 * lower-case words inside ("on", "of", "dan") may give a letter or none.
 */
static bool spells_own_acronym(const struct scan *s, size_t i, size_t n)
{
	const struct wp_token *last = &s->t->v[i + n - 1];
	const char *acronym = s->text + last->start;
	size_t k = last->end - last->start, j = i + n - 1;

	if (n < 2 || !(last->flags & WP_TOKEN_UPPER) || (last->flags & WP_TOKEN_HAS_DIGIT) ||
	    k < 2 || k > 6)
		return false;
	while (k > 0 && j > 0) {
		const struct wp_token *w = &s->t->v[--j];
		bool capital = w->flags & WP_TOKEN_CAPITAL;
		bool small = !capital && (w->flags & WP_TOKEN_WORD) && w->end - w->start <= 3;

		if ((capital || small) &&
		    toupper((unsigned char)s->text[w->start]) == acronym[k - 1])
			k--;
		else if (!small)
			return false;
	}
	return k == 0;
}

/*
 * "kelas PPA (Pattugliatore Polivalente d'Altura)": capitalised words in
 * brackets after an acronym, whose initials spell it, are its long form,
 * no one's name.
 */
static bool expands_acronym_before(const struct scan *s, size_t i, size_t n)
{
	if (i < 2 || !wp_token_punct(s->text, &s->t->v[i - 1], '('))
		return false;
	const struct wp_token *a = &s->t->v[i - 2];
	const char *acronym = s->text + a->start;
	size_t len = a->end - a->start, k = 0;

	if (!(a->flags & WP_TOKEN_UPPER) || (a->flags & WP_TOKEN_HAS_DIGIT) || len < 2 || len > 6)
		return false;
	for (size_t j = i; j < i + n && k < len; j++)
		if (toupper((unsigned char)s->text[s->t->v[j].start]) == acronym[k])
			k++;
		else if (j == i)
			return false;
	return k >= 2;
}

/*
 * "Pangkalan Udara (Lanud) Halim Perdanakusuma", "Pusat Latihan Tempur
 * (Puslatpur) Baluran": a head spelt out, its short form in brackets (a
 * head itself, of a place or a body, which says which), then the name. One name, written as the
 * short form and the name ("Lanud Halim Perdanakusuma"); the tokens used,
 * 0 if [i, i+n) is not so followed.
 */
static size_t head_acronym_then_name(struct scan *s, size_t i, size_t n)
{
	size_t k = i + n, rest;
	enum entity_type type;

	if (k + 3 >= s->t->n || !wp_token_punct(s->text, &s->t->v[k], '(') ||
	    !wp_token_punct(s->text, &s->t->v[k + 2], ')'))
		return 0;
	if (scan_cue_at(s, k + 1, CUE_PLACE_HEAD) == 1)
		type = ENTITY_PLACE;
	else if (scan_cue_at(s, k + 1, CUE_ORG_HEAD) == 1)
		type = ENTITY_ORG;
	else
		return 0;
	if (!scan_name_word(s, k + 3) || !(rest = scan_name_span(s, k + 3, MAX_ORG_TOKENS, true)))
		return 0;
	const struct wp_token *a = &s->t->v[k + 1], *first = &s->t->v[k + 3],
			      *last = &s->t->v[k + 2 + rest];
	size_t a_len = a->end - a->start, rest_len = last->end - first->start;
	char *name = malloc(a_len + 1 + rest_len + 1);

	if (!name) {
		s->error = -ENOMEM;
		return 0;
	}
	memcpy(name, s->text + a->start, a_len);
	name[a_len] = ' ';
	memcpy(name + a_len + 1, s->text + first->start, rest_len);
	name[a_len + 1 + rest_len] = '\0';
	int r = scan_add(s, type, name, NULL, i, k + 3 + rest);

	free(name);
	return r < 0 ? 0 : k + 3 + rest - i;
}

/*
 * "latihan bertajuk Vibrant Sakti 2026", "Latgab Dharma Yudha 2026": a name
 * after the words that name an exercise, closed by its year (the token
 * after the span).
 */
static bool event_year_after(const struct scan *s, size_t i, size_t n)
{
	enum { MAX_EVENT_GAP = 5 };
	size_t year = i + n;
	const struct wp_token *y = year < s->t->n ? &s->t->v[year] : NULL;

	if (!y || !(y->flags & WP_TOKEN_NUMBER) || y->end - y->start != 4 ||
	    (s->text[y->start] != '1' && s->text[y->start] != '2'))
		return false;
	for (size_t back = 1; back <= 2 && back <= i; back++)
		if (scan_cue_at(s, i - back, CUE_EVENT_NAMER) == 1)
			return true;
	/* "Latihan Gabungan (Latgab) TNI Dharma Yudha 2026": its acronym and the force between. */
	for (size_t k = i; k-- > 0 && i - k <= MAX_EVENT_GAP;) {
		const struct wp_token *t = &s->t->v[k];

		if (scan_cue_at(s, k, CUE_EVENT_NAMER) == 1)
			return true;
		if (!(t->flags & WP_TOKEN_UPPER) && !wp_token_punct(s->text, t, '(') &&
		    !wp_token_punct(s->text, t, ')'))
			return false;
	}
	return false;
}

/* "the bilateral Cassowary exercise", "Balikatan drills": English names the exercise first. */
static bool event_word_after(const struct scan *s, size_t i, size_t n)
{
	static const char *const words[] = { "exercise", "exercises", "drill", "drills" };
	size_t k = i + n;

	if (k >= s->t->n || (s->t->v[k].flags & WP_TOKEN_CAPITAL) || has_digits(s, i, n))
		return false;
	for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++)
		if (strcmp(wp_token_folded(s->t, k), words[w]) == 0)
			return true;
	return false;
}

/*
 * "latihan bersama Malindo Darsasa", "operasi Tinombala": without a year,
 * a name right after the lower-case words that name an exercise (or after
 * them and a kind of exercise) is still the exercise's, where nothing else
 * claimed it. Not after "bernama", which names people as well.
 */
static bool event_named_before(const struct scan *s, size_t i)
{
	size_t k = i;

	/* "latihan udara gabungan Freedom Flag": two words of kind at most. */
	for (int kinds = 0; kinds < 2 && after_lower_word(s, k, CUE_EXERCISE_KIND); kinds++)
		k--;
	/* "Latihan bersama ..." opening a sentence is capitalised by it alone. */
	if (k == 0 || ((s->t->v[k - 1].flags & WP_TOKEN_CAPITAL) &&
		       !(s->t->v[k - 1].flags & WP_TOKEN_SENT_START)))
		return false;
	return scan_cue_at(s, k - 1, CUE_EVENT_NAMER) == 1 &&
	       strcmp(wp_token_folded(s->t, k - 1), "bernama") != 0;
}

/* What follows an exercise's name in its name with the year: " 2026". */
static bool year_after(const char *full, size_t len)
{
	return full[len] == ' ' && strlen(full + len + 1) == 4 &&
	       strspn(full + len + 1, "0123456789") == 4;
}

/*
 * The type of a place, organisation or thing the text already named just
 * so: a name found once by its context keeps its type where the context
 * says nothing ("kota Myawaddy", then "Myawaddy merupakan ..."), and an
 * exercise named with its year before is one without it. A person
 * (ENTITY_PERSON) otherwise.
 */
static enum entity_type found_as_other(const struct scan *s, size_t i, size_t n)
{
	static const enum entity_type types[] = { ENTITY_PLACE, ENTITY_ORG, ENTITY_EQUIPMENT,
						  ENTITY_EVENT };
	const char *name = s->text + s->t->v[i].start;
	size_t len = s->t->v[i + n - 1].end - s->t->v[i].start;

	for (size_t k = 0; k < sizeof(types) / sizeof(*types); k++)
		if (entity_list_find(s->list, types[k], name, len) >= 0)
			return types[k];
	/* "Elang Thainesia" after "Elang Thainesia 2026": the exercise without its year. */
	for (size_t e = 0; e < s->list->n; e++) {
		const char *event = s->list->v[e].name;

		if (s->list->v[e].type == ENTITY_EVENT && strncmp(event, name, len) == 0 &&
		    year_after(event, len))
			return ENTITY_EVENT;
	}
	return ENTITY_PERSON;
}

static bool made_in(const struct scan *s, size_t i)
{
	static const char *const suffixes[] = { "-made", "-built", "-designed", "-supplied" };
	const char *w = wp_token_folded(s->t, i);
	size_t len = s->t->v[i].fold_len;

	for (size_t k = 0; k < sizeof(suffixes) / sizeof(*suffixes); k++) {
		size_t n = strlen(suffixes[k]);

		if (len > n && strcmp(w + len - n, suffixes[k]) == 0)
			return true;
	}
	return false;
}

/*
 * "of Defence", "for Strategic Studies" after an English organisation's
 * last word: the rest of its name. Returns the tokens, 0 if none.
 */
static size_t of_what(struct scan *s, size_t j)
{
	size_t n;

	if (j + 1 >= s->t->n || (s->t->v[j].flags & WP_TOKEN_CAPITAL) ||
	    (strcmp(wp_token_folded(s->t, j), "of") != 0 &&
	     strcmp(wp_token_folded(s->t, j), "for") != 0))
		return 0;
	n = scan_name_span(s, j + 1, MAX_NAME_TOKENS, true);
	return n ? n + 1 : 0;
}

/*
 * "Perjanjian Akses Timbal Balik", "Pakta Keamanan ...": a capitalised
 * span after the word for an agreement or a law is its title, no one's
 * name (the acronym in brackets after it, when there is one, is still an
 * organisation's or a programme's).
 */
static bool after_document_word(const struct scan *s, size_t i)
{
	return i > 0 && (s->t->v[i - 1].flags & WP_TOKEN_CAPITAL) &&
	       scan_cue_at(s, i - 1, CUE_DOCUMENT) == 1;
}

/*
 * "General Security of Military Information Agreement", "Reciprocal Access
 * Agreement": English names the document last. Capitalised words (and
 * "of", "on", "and", "the" between them) ending in the word for an
 * agreement or a law are its title, no one's name, whatever rank opens
 * them. The tokens, 0 if not so ("North Atlantic Treaty Organization" goes
 * on past its "Treaty").
 */
static size_t english_document_title(const struct scan *s, size_t i)
{
	enum { MAX_TITLE_TOKENS = 10 };
	static const char *const joins[] = { "of", "on", "and", "the", "for" };

	for (size_t k = i; k < s->t->n && k - i < MAX_TITLE_TOKENS; k++) {
		if (scan_capitalised(s, k)) {
			if (k > i && scan_cue_at(s, k, CUE_DOCUMENT) == 1 &&
			    !scan_capitalised(s, k + 1))
				return k + 1 - i;
			continue;
		}
		bool join = false;

		for (size_t w = 0; w < sizeof(joins) / sizeof(*joins); w++)
			join |= strcmp(wp_token_folded(s->t, k), joins[w]) == 0;
		if (!join || k == i)
			return 0;
	}
	return 0;
}

/*
 * "Maritime Affairs and Fisheries Ministry": "and" (or "dan") and a span
 * that ends as a body's name does, after a span of its own. Returns the
 * tokens from j, 0 if none.
 */
static size_t and_rest_of_body(const struct scan *s, size_t j)
{
	size_t n;

	if (j + 1 >= s->t->n || (s->t->v[j].flags & WP_TOKEN_CAPITAL) ||
	    (strcmp(wp_token_folded(s->t, j), "and") != 0 &&
	     strcmp(wp_token_folded(s->t, j), "dan") != 0))
		return 0;
	n = scan_name_span(s, j + 1, MAX_NAME_TOKENS, false);
	if (scan_capitalised(s, j + 1 + n) && scan_cue_at(s, j + 1 + n, CUE_ORG_TAIL) == 1)
		n++; /* the span stops before a body's last word, which heads names too */
	/* Government bodies; "Gannett and GateHouse Media" are two companies. */
	if (n > 0 && scan_cue_at(s, j + n, CUE_GOVERNMENT_TAIL) == 1)
		return n + 1;
	return 0;
}

/*
 * "Len membawahi ...", after "PT Len Industri": a company the text named
 * with its "PT", called by the first word of its name. The entity's index,
 * or -1.
 */
static int company_by_first_word(const struct scan *s, size_t i)
{
	const struct wp_token *t = &s->t->v[i];
	size_t len = t->end - t->start;

	if (scan_cue_at(s, i, CUE_COMMON))
		return -1;
	for (size_t k = 0; k < s->n_companies; k++) {
		const char *name = s->list->v[s->companies[k]].name;

		if (strncmp(name + 3, s->text + t->start, len) == 0 && name[3 + len] == ' ')
			return s->companies[k];
	}
	return -1;
}

/* Any other capitalised span at i; returns the tokens it used. */
static size_t other_name(struct scan *s, size_t i)
{
	size_t n = scan_name_span(s, i, MAX_NAME_TOKENS, false);
	const struct wp_token *t = &s->t->v[i];
	enum entity_type type;
	int r;

	if (n == 0)
		return 0;
	if (n == 1 && (t->flags & WP_TOKEN_ABBREV))
		return 1; /* an initial or an abbreviation alone */
	/* An everyday word capitalised by the sentence: "Menghina Siti Aisyah", "Pendukung Ali". */
	if (n > 1 && (t->flags & WP_TOKEN_SENT_START) && scan_cue_at(s, i, CUE_COMMON) == 1)
		return 1;
	if ((t->flags & WP_TOKEN_SENT_START) && common_with_particle(s, i))
		return 1;
	if (spells_own_acronym(s, i, n) || expands_acronym_before(s, i, n) ||
	    after_document_word(s, i))
		return n;
	/* "Chinese-made J-10", "Russian-built Su-35": where it was made, then the thing. */
	if (n > 1 && made_in(s, i))
		return 1;
	if (event_word_after(s, i, n)) {
		r = scan_add(s, ENTITY_EVENT, NULL, NULL, i, i + n); /* the Cassowary exercise */
		return r < 0 ? 0 : n;
	}
	if (event_year_after(s, i, n)) {
		r = scan_add(s, ENTITY_EVENT, NULL, NULL, i, i + n + 1);
		return r < 0 ? 0 : n + 1;
	}
	/* "Golden Institute": the span stopped at a word that also heads names. */
	if (scan_capitalised(s, i + n) && scan_cue_at(s, i + n, CUE_ORG_TAIL) == 1)
		n++;
	n += and_rest_of_body(s, i + n); /* "Maritime Affairs | and Fisheries Ministry" */
	if (n > 1 && scan_cue_at(s, i + n - 1, CUE_ORG_TAIL)) {
		n += of_what(s, i + n); /* Indonesian Ministry of Defence */
		r = scan_add(s, ENTITY_ORG, NULL, NULL, i, i + n); /* Dassault Aviation */
	} else if (n == 1 && (r = known_defined_acronym(s, i)) >= 0)
		r = scan_add(s, s->list->v[r].type, s->list->v[r].name, s->list->v[r].code, i,
			     i + 1);
	else if (n == 1 && (r = company_by_first_word(s, i)) >= 0)
		r = scan_add(s, ENTITY_ORG, s->list->v[r].name, NULL, i, i + 1); /* "Len" */
	else if (n == 1 && acronym(s, i) && scan_is_plain_acronym(s, i))
		r = 0; /* "kapal tempur pesisir (LCS)": a kind of thing, no one's name */
	else if (n == 1 && acronym(s, i))
		r = scan_add(s, ENTITY_ORG, NULL, NULL, i, i + 1);
	else if (n == 1 && web_address(s, i))
		r = scan_add(s, ENTITY_ORG, NULL, NULL, i, i + 1);
	else if (after_lower_word(s, i, CUE_ORG_NOUN) && !has_digits(s, i, n))
		r = scan_add(s, ENTITY_ORG, NULL, NULL, i, i + n); /* "televisi Al-Masirah" */
	else if ((r = place_named_with_head(s, i, n)) >= 0)
		r = scan_add(s, ENTITY_PLACE, s->list->v[r].name, s->list->v[r].code, i, i + n);
	else if (n == 1 && !place_context(s, i, n) && !person_context(s, i) &&
		 !scan_cue_at(s, i, CUE_PERSON_WORD))
		r = remember_candidate(s, i);
	else if (place_context(s, i, n))
		r = scan_add(s, ENTITY_PLACE, NULL, NULL, i, i + n);
	else if (all_common(s, i, n))
		r = 0; /* "Bahan Bakar Minyak", "Koalisi Merah Putih": capitalised words, no name */
	else if (scan_in_heading(s, i))
		r = 0; /* a heading capitalises every word: its people are named in the body too */
	else if (has_digits(s, i, n))
		r = scan_add(s, ENTITY_EQUIPMENT, NULL, NULL, i, i + n); /* Airbus A330 MRTT */
	else if (acronym(s, i))
		r = 0; /* "LMS Batch 2": no one's name opens with an acronym */
	else if (after_lower_word(s, i, CUE_PEOPLE_NOUN))
		r = 0; /* "etnis Karen", "suku Dayak": a people, not a person */
	else if (scan_cue_at(s, i, CUE_ORG_HEAD) == n)
		r = scan_add(s, ENTITY_ORG, NULL, NULL, i,
			     i + n); /* "Air Force's", "told Parliament" */
	else if (n > 1 && event_named_before(s, i))
		r = scan_add(s, ENTITY_EVENT, NULL, NULL, i, i + n);
	else if ((type = found_as_other(s, i, n)) != ENTITY_PERSON)
		r = scan_add(s, type, NULL, NULL, i,
			     i + n); /* "kota Myawaddy", then "Myawaddy ..." */
	else
		r = scan_add(s, ENTITY_PERSON, NULL, NULL, i, i + n);
	return r < 0 ? 0 : n;
}

/* Sentence-initial words that turn out to be the surname of someone named in full. */
static int resolve_candidates(struct scan *s)
{
	for (size_t k = 0; k < s->n_candidates; k++) {
		size_t i = s->candidates[k].token;
		const struct wp_token *t = &s->t->v[i];
		int e = people_find_by_part(s->list, s->text + t->start, t->end - t->start);

		if (e >= 0 && scan_add(s, ENTITY_PERSON, s->list->v[e].name, NULL, i, i + 1) < 0)
			return -ENOMEM;
	}
	return 0;
}

/*
 * "latihan bertajuk Strait Thunder-2025B", "Joint Sword-2024A": the PLA
 * names its drills with the year and a letter glued on; after the words
 * that name an exercise, such a span is the exercise, not a weapon or a
 * strait. Returns the tokens, 0 if not.
 */
static size_t exercise_with_glued_year(struct scan *s, size_t i)
{
	if (!scan_capitalised(s, i) || !event_named_before(s, i))
		return 0;
	size_t n = scan_name_span(s, i, MAX_NAME_TOKENS, false);

	if (n == 0)
		return 0;
	const struct wp_token *last = &s->t->v[i + n - 1];
	const char *w = s->text + last->start, *end = s->text + last->end;
	const char *dash = memchr(w, '-', (size_t)(end - w));

	if (!dash || end - dash < 5 || (dash[1] != '1' && dash[1] != '2'))
		return 0;
	for (const char *d = dash + 1; d < dash + 5; d++)
		if (!isdigit((unsigned char)*d))
			return 0;
	if (end - dash > 6 || (end - dash == 6 && !isupper((unsigned char)dash[5])))
		return 0;
	return scan_add(s, ENTITY_EVENT, NULL, NULL, i, i + n) < 0 ? 0 : n;
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
				scan_cue_at(s, i, CUE_MAKER);

	if ((n = exercise_with_glued_year(s, i)))
		return n;
	if (maybe_designator && (n = designator_match(s->g, s->text, s->t, i, designators, &m))) {
		for (size_t k = 0; k < m; k++)
			if (scan_add(s, ENTITY_EQUIPMENT, designators[k], NULL, i, i + n) < 0)
				return 0;
		return n;
	}
	if ((n = known_ship_at(s, i)))
		return n;
	size_t g = scan_gazetteer_at(s, i, &entry), head = 0, span = 0;
	enum entity_type head_type = ENTITY_ORG;

	/*
	 * "Air Force Chief of Staff Marshal X": a post of several words that a
	 * body's name opens is the post, when it runs past that name.
	 */
	if ((n = scan_cue_at(s, i, CUE_TITLE)) > 1 && n > g &&
	    scan_cue_at(s, i, CUE_ORG_HEAD) < n && (used = posts_person_after(s, i, n)))
		return used;

	if (scan_capitalised(s, i)) {
		if ((head = scan_cue_at(s, i, CUE_ORG_HEAD)) ||
		    ((head = scan_cue_at(s, i, CUE_PLACE_HEAD)) && (head_type = ENTITY_PLACE)))
			span = scan_name_span(s, i + head, MAX_ORG_TOKENS, true);
		if (span && head_type == ENTITY_ORG) {
			span += scan_unit_number(s, i, i + head + span);
			span += scan_territorial_suffix(s,
							i + head + span); /* Kodam XVI/Pattimura */
			span += scan_and_field(s, i + head + span, MAX_ORG_TOKENS - span);
			/* "Departemen Luar Negeri AS": the country the body belongs to. */
			span += scan_foreign_country_at(s, i + head + span);
			/* "... Beni Sukadis mengatakan": the speaker is no part of it. */
			span -= scan_speaker_tail(s, i + head, i + head + span, 1);
		}
	}
	if (head && (n = head_acronym_then_name(s, i, head + span)))
		return n;
	/*
	 * A known name wins over a head's guess: "Partai Golkar" of "Partai
	 * Golkar Aburizal". Not over a company's registered name, which "PT"
	 * opens and which runs on: "PT Pertamina Hulu Energi" is a subsidiary
	 * of PT Pertamina.
	 */
	bool company = head == 1 && span && strcmp(wp_token_folded(s->t, i), "pt") == 0;

	if (g && (g >= head + span || (g > head && !company)))
		return known_add_gazetteer(s, i, g, entry);
	/* A head of several words with its acronym is a whole name: "Dewan Pimpinan Daerah (DPD)".
	 */
	bool whole_head = !span && head > 1 && head_type == ENTITY_ORG && i + head < s->t->n &&
			  wp_token_punct(s->text, &s->t->v[i + head], '(');

	if (span || whole_head) {
		int e = scan_add(s, head_type, NULL, NULL, i, i + head + span);

		if (e < 0)
			return 0;
		known_countries_inside(s, i + head, i + head + span);
		return head + span +
		       (head_type == ENTITY_ORG ? known_define_acronym(s, e, i + head + span) : 0);
	}
	if (i > 0 && wp_token_punct(s->text, &s->t->v[i - 1], '(') && (n = scan_slash_gloss(s, i)))
		return n;
	if (scan_capitalised(s, i) && (n = english_document_title(s, i)))
		return n;
	/* A post without a name after it is no name itself ("kata Presiden."). */
	if ((n = scan_cue_at(s, i, CUE_TITLE)))
		return (used = posts_person_after(s, i, n)) ? used : n;
	/* "kata Sjafrie", but "kata Badan Kerja Sama ..." is the body's name (the next step's). */
	if ((n = scan_cue_at(s, i, CUE_VERB)) && !scan_capitalised(s, i) &&
	    (m = scan_name_span(s, i + n, MAX_NAME_TOKENS, false)) &&
	    !scan_gazetteer_at(s, i + n, &entry) && known_defined_acronym(s, i + n) < 0 &&
	    !has_digits(s, i + n, m) && /* "menilai J-10C bisa ...": a thing's designator */
	    !scan_cue_at(s, i + n, CUE_TITLE) && !scan_cue_at(s, i + n, CUE_ORG_HEAD) &&
	    !scan_cue_at(s, i + n, CUE_PLACE_HEAD))
		return scan_add(s, ENTITY_PERSON, NULL, NULL, i + n, i + n + m) < 0 ? 0 : n + m;
	if (scan_name_word(s, i) && (n = other_name(s, i)))
		return n;
	return 1;
}

/* A ship's name: a prefix in capitals (KRI, KN, USS), then at least one more word. */
static bool ship_name(const char *name)
{
	size_t prefix = strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");

	return prefix >= 2 && name[prefix] == ' ' && name[prefix + 1] != '\0';
}

/* Whether name ends in a hull number: "-402", " 992". */
static bool ends_in_hull_number(const char *name)
{
	size_t len = strlen(name), digits = 0;

	while (digits < len && isdigit((unsigned char)name[len - 1 - digits]))
		digits++;
	return digits > 0 && digits < len &&
	       (name[len - 1 - digits] == '-' || name[len - 1 - digits] == ' ');
}

/* What follows a ship's short name in its full one: its hull number ("-402", " 992"). */
static bool hull_number_after(const char *full, size_t len)
{
	return (full[len] == '-' || full[len] == ' ') && ends_in_hull_number(full);
}

/*
 * Merges each entity of `type` whose name another's opens into that other,
 * when what follows in the longer name passes `rest_ok` (given the longer
 * name and the shorter one's length) and the shorter passes `short_ok`.
 */
static int merge_into_longer(struct entity_list *list, enum entity_type type,
			     bool (*short_ok)(const char *name),
			     bool (*rest_ok)(const char *full, size_t len))
{
	for (size_t i = 0; i < list->n; i++) {
		const struct entity *short_name = &list->v[i];
		size_t len = strlen(short_name->name);

		if (short_name->type != type || short_name->merged || !short_ok(short_name->name))
			continue;
		for (size_t k = 0; k < list->n; k++) {
			const struct entity *full = &list->v[k];

			/* strncmp stops at a shorter name's end, so name[len] is read only within
			 * it. */
			if (k == i || full->type != type || full->merged ||
			    strncmp(full->name, short_name->name, len) != 0 ||
			    !rest_ok(full->name, len))
				continue;
			int r = entity_list_merge(list, i, k);

			if (r < 0)
				return r;
			break;
		}
	}
	return 0;
}

static bool any_name(const char *name)
{
	(void)name;
	return true;
}

/* "kapal tempur pesisir (LCS)": acronyms spelt out in lower-case words (scan.h). */
static void find_plain_acronyms(struct scan *s)
{
	const struct wp_tokens *t = s->t;

	for (size_t k = 1; k + 2 < t->n && s->n_plain_acronyms < MAX_ACRONYMS; k++) {
		const struct wp_token *before = &t->v[k - 1], *inner = &t->v[k + 1];

		if (wp_token_punct(s->text, &t->v[k], '(') &&
		    wp_token_punct(s->text, &t->v[k + 2], ')') && (before->flags & WP_TOKEN_WORD) &&
		    !(before->flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER)) &&
		    (inner->flags & WP_TOKEN_UPPER) &&
		    inner->fold_len < sizeof(s->plain_acronyms[0]))
			memcpy(s->plain_acronyms[s->n_plain_acronyms++], wp_token_folded(t, k + 1),
			       inner->fold_len + 1);
	}
}

int entities_recognise(const struct gazetteer *g, const char *text, const struct wp_tokens *tokens,
		       const char *outlet, struct entity_list *list)
{
	struct scan s = { .g = g,
			  .text = text,
			  .t = tokens,
			  .list = list,
			  .outlet = outlet,
			  .outlet_len = outlet ? strlen(outlet) : 0 };
	int r;

	if (!(s.memo = calloc(tokens->n + 1, sizeof(*s.memo))))
		return -ENOMEM;
	find_plain_acronyms(&s);

	for (size_t i = 0; i < tokens->n;) {
		if (tokens->v[i].flags & (WP_TOKEN_PUNCT | WP_TOKEN_NUMBER)) {
			i++;
			continue;
		}
		size_t n = step(&s, i);

		i += n ? n : 1;
	}
	r = s.error ? s.error : people_merge(list);
	/*
	 * "KRI Nanggala" after "KRI Nanggala-402", "KRI dr. Radjiman" after "KRI
	 * dr. Radjiman Wedyodiningrat-992": the same ship, named short; "Elang
	 * Thainesia" after "Elang Thainesia 2026", the same exercise.
	 */
	if (r == 0)
		r = merge_into_longer(list, ENTITY_EQUIPMENT, ship_name, hull_number_after);
	if (r == 0)
		r = merge_into_longer(list, ENTITY_EVENT, any_name, year_after);
	if (r == 0)
		r = resolve_candidates(&s);
	free(s.candidates);
	free(s.memo);
	return r;
}
