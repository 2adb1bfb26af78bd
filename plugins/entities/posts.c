/* SPDX-License-Identifier: MIT */
/*
 * People introduced by their post: "Menteri Pertahanan Rusia Sergei
 * Shoigu", "Letjen TNI (Purn) X", "Kepala Biro Humas Setjen Kemhan Brigjen
 * TNI Y", "Ketua Dewan Pembina Yayasan Z, Almaraja Limbong". The post,
 * with its qualifiers and organisations, becomes the person's role.
 */
#include "posts.h"

#include <string.h>

#include "known.h"

/*
 * Qualifiers, titles and organisations between a title and the name:
 * "Komandan | Pangkalan | TNI AL | (Lanal) | Kupang | Kolonel | Laut | (P) |
 * Budi Hartono" has seven.
 */
#define MAX_TITLE_EXTRAS 8

/*
 * A ministry's or an agency's portfolio after a post: "Menteri
 * Perindustrian dan Perdagangan Rusia", "Menteri Perumahan Rakyat".
 * Returns the tokens, 0 if none.
 */
static size_t portfolio(const struct scan *s, size_t j)
{
	size_t n = 0, w;

	while ((w = scan_field_word(s, j + n))) {
		n += w;
		/* ... dan Perdagangan, ... dan Risiko (an everyday word, capitalised in the post)
		 */
		if (j + n + 1 < s->t->n && strcmp(wp_token_folded(s->t, j + n), "dan") == 0 &&
		    (scan_field_word(s, j + n + 1) || (scan_capitalised(s, j + n + 1) &&
						       scan_cue_at(s, j + n + 1, CUE_COMMON) == 1)))
			n++;
	}
	return n;
}

/*
 * A post's field: "Bidang Komunikasi Politik", "Bidang Peternakan", common
 * words (or a portfolio's) written with capitals. Returns the tokens, 0 if none.
 */
static size_t field_of_post(const struct scan *s, size_t j)
{
	size_t n = 1, w;

	if (!scan_capitalised(s, j) || strcmp(wp_token_folded(s->t, j), "bidang") != 0)
		return 0;
	while (scan_capitalised(s, j + n) &&
	       ((w = scan_field_word(s, j + n)) || (w = scan_cue_at(s, j + n, CUE_COMMON)) == 1))
		n += w;
	return n > 1 ? n : 0;
}

/*
 * ", Datuk Seri Mohamed Khaled Nordin", ", Jeneral Tan Sri Muhammad ...":
 * after a comma, ranks or honorifics, then a name.
 */
static bool apposition_with_rank(const struct scan *s, size_t j)
{
	size_t k = j + 1, q;

	if (j + 1 >= s->t->n || !wp_token_punct(s->text, &s->t->v[j], ','))
		return false;
	while ((q = scan_cue_at(s, k, CUE_TITLE)))
		k += q;
	return k > j + 1 && scan_name_word(s, k);
}

/*
 * "Dirjen Anggaran Kemenkeu", "Direktur Operasi PT PAL": an everyday word
 * capitalised as the post's field, then the body the post is in. Returns
 * 1, or 0 if the word is not followed by a known organisation or a head of one.
 */
static size_t field_before_body(const struct scan *s, size_t j)
{
	int entry;
	size_t k = j + 1;

	if (!scan_capitalised(s, j) || scan_cue_at(s, j, CUE_COMMON) != 1 || k >= s->t->n ||
	    !scan_capitalised(s, k))
		return 0;
	if (scan_gazetteer_at(s, k, &entry))
		return scan_canonical(s, entry)->type == ENTITY_ORG;
	return scan_cue_at(s, k, CUE_ORG_HEAD) ? 1 : 0;
}

/*
 * "(Menhan)", "(Karo Infohan)": a post's or a body's short form in
 * brackets, one to three capitalised words. Returns the tokens with the
 * brackets, 0 if none.
 */
static size_t bracketed_short_form(const struct scan *s, size_t j)
{
	if (j >= s->t->n || !wp_token_punct(s->text, &s->t->v[j], '('))
		return 0;
	for (size_t k = j + 1; k < s->t->n && k <= j + 4; k++) {
		if (wp_token_punct(s->text, &s->t->v[k], ')'))
			return k > j + 1 ? k + 1 - j : 0;
		if (!scan_capitalised(s, k))
			return 0;
	}
	return 0;
}

/* Balinese and some Javanese names start with a one-letter title: I Made, I Gusti. */
static size_t balinese_initial(const struct scan *s, size_t j)
{
	const struct wp_token *t = j < s->t->n ? &s->t->v[j] : NULL;

	return t && (t->flags & WP_TOKEN_WORD) && (t->flags & WP_TOKEN_UPPER) &&
			       t->end - t->start == 1 && scan_name_word(s, j + 1)
		       ? 1
		       : 0;
}

/*
 * "Direktur Utama PT Dahana Wildan Widarman": when the text has named an
 * organisation already ("PT Dahana"), a span running on past that name
 * stops there; what follows is the person. The longest such name wins.
 */
static size_t named_before(const struct scan *s, size_t j, size_t q)
{
	const char *start = s->text + s->t->v[j].start;

	if (q < 2)
		return q;
	for (size_t k = q - 1; k > 0; k--) {
		size_t len = s->t->v[j + k - 1].end - s->t->v[j].start;

		for (size_t e = 0; e < s->list->n; e++) {
			const struct entity *x = &s->list->v[e];

			if (x->type != ENTITY_ORG)
				continue;
			for (size_t v = 0; v < x->n_surfaces; v++)
				if (strlen(x->surfaces[v]) == len &&
				    memcmp(x->surfaces[v], start, len) == 0)
					return k;
		}
	}
	return q;
}

/*
 * The tokens of a name span [j, j+n) that an organisation or a place the
 * text named already opens: an organisation as written before or without
 * its "PT" ("Len Industri" of "Len Industri Joga Dharma Setiawan" after
 * "PT Len Industri"), a place as written before, with a name of two words
 * at least after it ("Gubernur Bryansk Alexander Bogomaz" after "wilayah
 * Bryansk"). 0 if none, or if nothing would be left for the person; else
 * *ret_entity is the organisation's or place's index.
 */
static size_t body_named_before(const struct scan *s, size_t j, size_t n, size_t *ret_entity)
{
	const char *start = s->text + s->t->v[j].start;

	for (size_t k = n > 1 ? n - 1 : 0; k > 0; k--) {
		size_t len = s->t->v[j + k - 1].end - s->t->v[j].start;

		for (size_t e = 0; e < s->list->n; e++) {
			const struct entity *x = &s->list->v[e];

			if (x->type != ENTITY_ORG && (x->type != ENTITY_PLACE || n - k < 2))
				continue;
			for (size_t v = 0; v < x->n_surfaces; v++) {
				const char *surface = x->surfaces[v];

				if (x->type == ENTITY_ORG && strncmp(surface, "PT ", 3) == 0)
					surface += 3;
				if (strlen(surface) == len && memcmp(surface, start, len) == 0) {
					*ret_entity = e;
					return k;
				}
			}
		}
	}
	return 0;
}

/*
 * After a title at [i, i+n): qualifiers, bracketed abbreviations and the
 * organisation or country of the post, then the name. Returns the tokens
 * used, 0 if no name follows.
 */
/*
 * An acronym in capitals after a post, then a word that is capitalised but
 * not shouted: an organisation ("KNDS", "PTDI" undefined), with more of
 * the post or the name after it. Not a name written in capitals ("JOKO
 * WIDODO"), whose next word is in capitals too, nor the two letters that
 * open a company's or a person's name ("PT Dahana", "TB Hasanuddin").
 */
static bool company_acronym(const struct scan *s, size_t j)
{
	const struct wp_token *t = &s->t->v[j], *next = j + 1 < s->t->n ? t + 1 : NULL;

	return next && (t->flags & WP_TOKEN_WORD) && (t->flags & WP_TOKEN_UPPER) &&
	       !(t->flags & WP_TOKEN_HAS_DIGIT) && t->fold_len >= 3 && t->fold_len <= 6 &&
	       !scan_cue_at(s, j, CUE_TITLE) && (next->flags & WP_TOKEN_CAPITAL) &&
	       !(next->flags & WP_TOKEN_UPPER);
}

/*
 * "dari", or "dari Fraksi", before the body a post belongs to: "Anggota
 * Komisi I dari Fraksi Partai Golkar X", "Ketua DPR dari PDI Perjuangan
 * X". Returns the tokens, 0 if no body follows.
 */
static size_t from_body(const struct scan *s, size_t j)
{
	size_t k = j + 1;
	int entry;

	if (k >= s->t->n || strcmp(wp_token_folded(s->t, j), "dari") != 0)
		return 0;
	if (scan_capitalised(s, k) && strcmp(wp_token_folded(s->t, k), "fraksi") == 0)
		k++;
	if (!scan_capitalised(s, k))
		return 0;
	return scan_cue_at(s, k, CUE_ORG_HEAD) || (scan_gazetteer_at(s, k, &entry) &&
						   scan_canonical(s, entry)->type == ENTITY_ORG)
		       ? k - j
		       : 0;
}

/*
 * "Menteri Pertahanan Taiwan | Wellington Koo": after the post's own
 * country or place, a one-word place then an unknown name word is a
 * first name, not a second jurisdiction.
 */
static bool place_opens_name(const struct scan *s, size_t j)
{
	int entry, other;

	return scan_gazetteer_at(s, j, &entry) == 1 &&
	       scan_canonical(s, entry)->type == ENTITY_PLACE && scan_name_word(s, j + 1) &&
	       !scan_gazetteer_at(s, j + 1, &other) && !scan_cue_at(s, j + 1, CUE_TITLE) &&
	       !scan_cue_at(s, j + 1, CUE_QUALIFIER) && !scan_cue_at(s, j + 1, CUE_ORG_HEAD);
}

size_t posts_person_after(struct scan *s, size_t i, size_t n)
{
	size_t j = i + n, q;
	int entry;
	bool jurisdiction = false, place_name = false;

	for (size_t extras = 0; extras < MAX_TITLE_EXTRAS && j < s->t->n; extras++) {
		if ((q = scan_cue_at(s, j, CUE_QUALIFIER)) || (q = scan_cue_at(s, j, CUE_TITLE))) {
			j += q;
		} else if (jurisdiction && place_opens_name(s, j)) {
			place_name = true;
			break;
		} else if ((q = scan_gazetteer_at(s, j, &entry)) &&
			   scan_canonical(s, entry)->type != ENTITY_PERSON) {
			enum entity_type type = scan_canonical(s, entry)->type;
			size_t number = scan_unit_number(s, j, j + q);

			/* "Koarmada II": the numbered unit, not the whole command the gazetteer
			 * knows. */
			if (number ? scan_add(s, ENTITY_ORG, NULL, NULL, j, j + q + number) < 0
				   : known_add_gazetteer(s, j, q, entry) == 0)
				return 0;
			q += number;
			jurisdiction |= type == ENTITY_COUNTRY || type == ENTITY_PLACE;
			j += q;
		} else if (known_defined_acronym(s, j) >= 0) {
			/* "Direktur Utama PTDI": an acronym the text defined, the post's body. */
			const struct entity *e = &s->list->v[known_defined_acronym(s, j)];

			if (scan_add(s, e->type, e->name, e->code, j, j + 1) < 0)
				return 0;
			j++;
		} else if ((q = scan_territorial_suffix(s, j))) {
			j += q; /* Pangdam XVI/Pattimura, Korem 151/Binaiya */
		} else if (company_acronym(s, j)) {
			/* "CEO KNDS France Nicolas Chamussy": the post's company. */
			if (scan_add(s, ENTITY_ORG, NULL, NULL, j, j + 1) < 0)
				return 0;
			j++;
		} else if ((q = bracketed_short_form(s, j))) {
			j += q; /* Menteri Pertahanan (Menhan), Kepala Biro ... (Karo Infohan) */
		} else if (j > i + n && j + 1 < s->t->n &&
			   strcmp(wp_token_folded(s->t, j), "untuk") == 0 &&
			   scan_gazetteer_at(s, j + 1, &entry) &&
			   scan_canonical(s, entry)->type == ENTITY_COUNTRY) {
			j++; /* Duta Besar Rusia | untuk | Indonesia: the country comes next */
		} else if (j == i + n && j + 1 < s->t->n && !scan_capitalised(s, j) &&
			   (s->t->v[j].flags & WP_TOKEN_WORD) && (q = from_body(s, j + 1))) {
			j += 1 +
			     q; /* Pengamat | militer | dari | Universitas Pertahanan: the field */
		} else if ((q = from_body(s, j))) {
			j += q; /* Anggota Komisi I | dari Fraksi | Partai Golkar: the party comes
				   next */
		} else if ((q = portfolio(s, j)) || (q = field_of_post(s, j)) ||
			   (q = field_before_body(s, j))) {
			j += q; /* Menteri Perindustrian dan Perdagangan, Ketua Bidang Edukasi */
		} else if (scan_capitalised(s, j) && (q = scan_cue_at(s, j, CUE_ORG_HEAD))) {
			/* Anggota Komisi III DPR, Dandim 0501 ...: the organisation of the post. */
			if (scan_number_in_name(s, j + q, true))
				q++; /* the name follows the number at once */
			else
				q += scan_name_span(s, j + q, MAX_NAME_TOKENS, false);
			q = named_before(s, j, q);
			q -= scan_speaker_tail(s, j + 1, j + q,
					       1); /* "Komisi Eropa Peter Stano kata" */
			q += scan_unit_number(s, j, j + q);
			q += scan_territorial_suffix(s, j + q);
			q += scan_and_field(s, j + q, q < MAX_ORG_TOKENS ? MAX_ORG_TOKENS - q : 0);
			size_t country = scan_foreign_country_at(s, j + q); /* ... Luar Negeri AS */

			if (scan_add(s, ENTITY_ORG, NULL, NULL, j, j + q + country) < 0)
				return 0;
			known_countries_inside(s, j + q, j + q + country);
			j += q + country;
		} else if (j == i + n && scan_capitalised(s, j) &&
			   (q = scan_cue_at(s, j, CUE_PLACE_HEAD)) && scan_name_word(s, j + q) &&
			   !scan_cue_at(s, j + q, CUE_TITLE)) {
			/* "Komandan Pangkalan Udara Halim Marsma TNI X": the base the post
			 * commands. */
			q += scan_name_span(s, j + q, MAX_NAME_TOKENS, false);
			if (scan_add(s, ENTITY_PLACE, NULL, NULL, j, j + q) < 0)
				return 0;
			j += q;
		} else {
			break;
		}
	}
	size_t post_end = j;

	/*
	 * "Ketua Dewan Pembina Yayasan X, Almaraja Limbong": the name in
	 * apposition, after its own rank if it has one ("Juru bicara Kemhan,
	 * Brigjen TNI Frega Wenas").
	 */
	if ((j > i + n || n > 1 || apposition_with_rank(s, j)) && j + 1 < s->t->n &&
	    wp_token_punct(s->text, &s->t->v[j], ',') && scan_name_word(s, j + 1)) {
		j++;
		while (j < s->t->n && ((q = scan_cue_at(s, j, CUE_TITLE)) ||
				       (q = scan_cue_at(s, j, CUE_QUALIFIER))))
			j += q;
	}
	size_t initial = balinese_initial(s, j) + place_name;
	size_t name = scan_name_span(s, j + initial, MAX_NAME_TOKENS, false);
	size_t org = 0, body = initial ? 0 : body_named_before(s, j, name, &org);

	/*
	 * "Direktur Utama Len Industri Joga ...", after "PT Len Industri": the
	 * body (or the place: "Gubernur Bryansk ..."), then the name.
	 */
	if (body) {
		const struct entity *x = &s->list->v[org];

		if (scan_add(s, x->type, x->name, x->code, j, j + body) < 0)
			return post_end - i;
		j += body;
		post_end = j;
		name = scan_name_span(s, j, MAX_NAME_TOKENS, false);
	}
	size_t known = scan_gazetteer_at(s, j, &entry);

	if (name)
		name += initial;
	const struct canonical *c = known ? scan_canonical(s, entry) : NULL;

	/* Presiden Prabowo: a person the gazetteer knows keeps the full name. */
	if (c && c->type == ENTITY_PERSON && known >= name)
		name = known;
	else
		c = NULL;
	/*
	 * "Rektor International Golden Institute": the span stops before a word
	 * that ends organisations' names, so it is the post's organisation.
	 */
	if (!c && name && scan_capitalised(s, j + name) &&
	    scan_cue_at(s, j + name, CUE_ORG_TAIL) == 1) {
		if (scan_add(s, ENTITY_ORG, NULL, NULL, j, j + name + 1) < 0)
			return post_end - i;
		return j + name + 1 - i;
	}
	/*
	 * "Komandan Gugus Tempur Laut ...": a unit or a place, not a name. The
	 * post's organisations are recorded; the pass goes on after them.
	 */
	if (name == 0 ||
	    (!c && (scan_cue_at(s, j, CUE_ORG_HEAD) || scan_cue_at(s, j, CUE_PLACE_HEAD))))
		return post_end - i;
	/* "Kepala Staf Gabungan": one everyday word is the rest of the post, not a name. */
	if (!c && name == 1 && scan_cue_at(s, j, CUE_COMMON) == 1)
		return post_end - i;
	int e = scan_add(s, ENTITY_PERSON, c ? c->name : NULL, NULL, j, j + name);

	if (e >= 0 && c)
		s->list->v[e].known = true;
	if (e < 0 || entity_list_set_role(s->list, e, s->text + s->t->v[i].start,
					  s->t->v[post_end - 1].end - s->t->v[i].start) < 0)
		return post_end - i;
	return j + name - i;
}
