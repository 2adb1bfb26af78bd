/* SPDX-License-Identifier: MIT */
#include "scan.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Adds a mention spanning tokens [i, j), named `name` (or as written if NULL). */
/*
 * A paragraph may open with its first word in capitals ("INTERNATIONAL
 * Golden Institute menggelar ..."): the name is written as the rest of the
 * text writes it, so both spellings are one entity. Not for a word the
 * gazetteer knows (ASEAN Regional Forum) or a short acronym (BUMN Karya).
 */
static void unshout_opening(const struct scan *s, size_t i, size_t j, char *name)
{
	const struct wp_token *t = &s->t->v[i];
	int entry;

	if (j - i < 2 || !(t->flags & WP_TOKEN_LINE_START) || !(t->flags & WP_TOKEN_UPPER) ||
	    t->end - t->start < 5 || (s->t->v[i + 1].flags & WP_TOKEN_UPPER) ||
	    scan_gazetteer_at(s, i, &entry))
		return;
	for (size_t k = 1; k < t->end - t->start; k++)
		if (name[k] >= 'A' && name[k] <= 'Z')
			name[k] = (char)(name[k] + 32);
}

int scan_add(struct scan *s, enum entity_type type, const char *name, const char *code, size_t i,
	     size_t j)
{
	const char *surface = s->text + s->t->v[i].start;
	size_t len = s->t->v[j - 1].end - s->t->v[i].start;
	char *owned = NULL;

	/* "told Naval Insight", "kepada Republika": the outlet the article is from. */
	if (type == ENTITY_PERSON && !name && s->outlet && s->outlet_len == len &&
	    strncasecmp(surface, s->outlet, len) == 0)
		type = ENTITY_ORG;
	if (!name && !(name = owned = strndup(surface, len)))
		return -ENOMEM;
	if (owned)
		unshout_opening(s, i, j, owned);
	size_t before = s->list->n;
	int r = entity_list_add(s->list, type, name, code, surface, len, s->t->v[i].chars,
				wp_token_end_chars(s->text, &s->t->v[j - 1]));

	if (r >= 0 && type == ENTITY_PLACE)
		s->last_place_end = wp_token_end_chars(s->text, &s->t->v[j - 1]);
	if (r >= 0 && s->list->n > before && type == ENTITY_ORG && strncmp(name, "PT ", 3) == 0 &&
	    s->n_companies < MAX_COMPANIES)
		s->companies[s->n_companies++] = r;
	free(owned);
	if (r < 0 && r != -ENOSPC && !s->error) /* ENOSPC: the entity cap, not a failure */
		s->error = r;
	return r;
}

/* The length of a cue of `kind` at token i, 0 if none. */
void scan_find_cues(const struct scan *s, size_t i)
{
	struct token_memo *m = &s->memo[i];
	/*
	 * Every kind's own longest cue: "Dewan Pimpinan Pusat" (a qualifier)
	 * must not hide "Dewan" (an organisation's head).
	 */
	size_t n[WP_PHRASE_MAX_TOKENS];
	int first[WP_PHRASE_MAX_TOKENS];
	size_t found = wp_phrases_match_all(&s->g->cues, s->t, i, n, first);

	for (size_t k = 0; k < found; k++)
		for (int entry = first[k]; entry >= 0; entry = s->g->cues.v[entry].next) {
			uint8_t *len = &m->cue_len[s->g->cues.v[entry].kind];

			if (!*len)
				*len = (uint8_t)n[k];
		}
	m->cue_known = true;
	/*
	 * "Wakil Perdana Menteri", "Plt Kepala Dinas", "Mantan Presiden": the
	 * prefix and the post it changes are one post, the role kept.
	 */
	size_t prefix = m->cue_len[CUE_POST_PREFIX], post;

	if (prefix && (post = scan_cue_at(s, i + prefix, CUE_TITLE)) &&
	    prefix + post > m->cue_len[CUE_TITLE])
		m->cue_len[CUE_TITLE] = (uint8_t)(prefix + post);
}

size_t scan_speaker_tail(const struct scan *s, size_t start, size_t end, size_t keep)
{
	size_t tail = 0;
	int entry;

	if (end >= s->t->n || !scan_cue_at(s, end, CUE_VERB))
		return 0;
	while (tail < 3 && end - tail > start + keep) {
		size_t k = end - tail - 1;

		if (!scan_capitalised(s, k) || (s->t->v[k].flags & WP_TOKEN_UPPER) ||
		    scan_cue_at(s, k, CUE_COMMON) == 1 || scan_gazetteer_at(s, k, &entry) ||
		    scan_cue_at(s, k, CUE_ORG_TAIL))
			break;
		tail++;
	}
	return tail >= 2 ? tail : 0;
}

bool scan_is_cue_word(const struct scan *s, const char *word, size_t len, enum cue_kind kind)
{
	int entry;

	if (!wp_wordset_find(&s->g->cues.keys, word, len, &entry))
		return false;
	for (; entry >= 0; entry = s->g->cues.v[entry].next)
		if (s->g->cues.v[entry].kind == (int)kind)
			return true;
	return false;
}

/*
 * A word that starts no name on its own opens an organisation's that ends
 * in an org-tail word a few capitalised words on: "Defence" in "Turkey's
 * Defence Industry Agency" and "Russia's Defense Ministry", not in "the
 * 2024 Defense Cooperation Agreement", nor a sentence's opening "The".
 */
static bool opens_tailed_org(const struct scan *s, size_t i)
{
	/* "The Ministry ...": a sentence's first word is its function word. */
	if (s->t->v[i].flags & WP_TOKEN_SENT_START)
		return false;
	for (size_t k = i + 1; k < s->t->n && k <= i + 4; k++) {
		if (!scan_capitalised(s, k) || (s->t->v[k].flags & WP_TOKEN_LINE_START) ||
		    scan_cue_at(s, k, CUE_NOT_NAME) == 1)
			return false;
		if (scan_cue_at(s, k, CUE_ORG_TAIL) == 1)
			return true;
	}
	return false;
}

/* A word that can be part of a name: capitalised, and not a day, month or function word. */
bool scan_name_word(const struct scan *s, size_t i)
{
	return scan_capitalised(s, i) &&
	       (scan_cue_at(s, i, CUE_NOT_NAME) != 1 || opens_tailed_org(s, i));
}

/*
 * The longest gazetteer name at i written as a name is; its first
 * fitting entry in *ret_entry.
 */
bool scan_is_plain_acronym(const struct scan *s, size_t i)
{
	if (!(s->t->v[i].flags & WP_TOKEN_UPPER))
		return false;
	for (size_t k = 0; k < s->n_plain_acronyms; k++)
		if (strcmp(wp_token_folded(s->t, i), s->plain_acronyms[k]) == 0)
			return true;
	return false;
}

size_t scan_gazetteer_at(const struct scan *s, size_t i, int *ret_entry)
{
	if (i >= s->t->n)
		return 0;
	struct token_memo *m = &s->memo[i];

	if (!m->name_known) {
		int entry = -1;
		/* Every name starts with a capital (wp_phrase_case_fits): most words need no
		 * lookup. */
		size_t n = (s->t->v[i].flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER))
				   ? wp_phrases_match(&s->g->names, s->t, i, &entry)
				   : 0;

		m->name_n = 0;
		if (n == 1 && scan_is_plain_acronym(s, i) &&
		    scan_canonical(s, entry)->type == ENTITY_PLACE)
			n = 0; /* "kapal tempur pesisir (LCS)": not Laut China Selatan */
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

static bool is_one_of(const char *w, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(w, words[k]) == 0)
			return true;
	return false;
}

/*
 * Small words inside a name: "bin", "van", "de" in people's names; and in
 * an organisation's, English ones ("Institute of Technology", "Centre for
 * Strategic and International Studies"), which Indonesian prose never
 * uses. "and" and "the" only once "for", "of" or "on" has made the name an
 * English one: "KRI Usman Harun and KRI Bung Tomo" are two ships.
 */
static bool connector(const struct scan *s, size_t i, bool in_org, bool *english)
{
	static const char *const words[] = { "bin", "binti", "van", "von", "de", "der", "al",
					     "el",  "da",    "dos", "du",  "la", "le",  "ibn" };
	static const char *const opening[] = { "for", "of", "on" }, *const joining[] = { "and",
											 "the" };
	const char *w = wp_token_folded(s->t, i);

	if (s->t->v[i].flags & WP_TOKEN_CAPITAL)
		return false;
	if (is_one_of(w, words, sizeof(words) / sizeof(*words)))
		return true;
	if (in_org && is_one_of(w, opening, sizeof(opening) / sizeof(*opening)))
		return *english = true;
	return in_org && *english && is_one_of(w, joining, sizeof(joining) / sizeof(*joining));
}

/* Honorifics that are also the last word of names (Burmese "Tun", "Aung"). */
static bool title_ends_name(const struct scan *s, size_t k)
{
	static const char *const words[] = { "tun", "aung", "kyaw", "oo" };

	return is_one_of(wp_token_folded(s->t, k), words, sizeof(words) / sizeof(*words));
}

/*
 * "Wladyslaw Kosiniak-Kamysz": a hyphen glued between a name's second word
 * and another capitalised word that is no known place or organisation.
 * (The tokenizer splits "Rusia-Belarus", two names; after a first name, the
 * halves are one surname.)
 */
static bool double_barrelled(const struct scan *s, size_t k)
{
	int entry;

	return wp_token_punct(s->text, &s->t->v[k], '-') &&
	       !(s->t->v[k - 1].flags & WP_TOKEN_SPACE_AFTER) &&
	       !(s->t->v[k].flags & WP_TOKEN_SPACE_AFTER) && scan_name_word(s, k + 1) &&
	       !scan_gazetteer_at(s, k + 1, &entry);
}

/*
 * The tokens of a capitalised name from i (0 if none): name words and
 * the particles between them (bin, van, de). A person's name stops where
 * a known name starts ("Prabowo Subianto Jakarta"); an organisation's or
 * a place's goes through them ("Universitas Indonesia").
 */
bool scan_number_in_name(const struct scan *s, size_t k, bool after_head)
{
	if (k >= s->t->n)
		return false;
	const struct wp_token *t = &s->t->v[k];
	const char *d = s->text + t->start;
	size_t len = t->end - t->start;

	if (!(t->flags & WP_TOKEN_NUMBER) || len > 4 || strspn(d, "0123456789") != len)
		return false;
	if (len == 4 && (strncmp(d, "19", 2) == 0 || strncmp(d, "20", 2) == 0))
		return false;
	return after_head || scan_name_word(s, k + 1);
}

/* An upper-case Roman numeral of a unit's or a body's number: I to XXXIX. */
static bool roman_numeral(const struct scan *s, size_t k)
{
	const struct wp_token *t = &s->t->v[k];
	size_t len = t->end - t->start;

	return (t->flags & WP_TOKEN_WORD) && (t->flags & WP_TOKEN_UPPER) && len <= 6 &&
	       strspn(s->text + t->start, "IVX") == len;
}

size_t scan_unit_number(const struct scan *s, size_t head, size_t k)
{
	return scan_cue_at(s, head, CUE_NUMBERED) && k < s->t->n &&
			       (scan_number_in_name(s, k, true) || roman_numeral(s, k))
		       ? 1
		       : 0;
}

const struct canonical *scan_canonical(const struct scan *s, int entry)
{
	return &s->g->canon[s->g->names.v[entry].ref];
}

size_t scan_foreign_country_at(const struct scan *s, size_t j)
{
	int entry;
	size_t n = scan_gazetteer_at(s, j, &entry);
	const struct canonical *c = n ? scan_canonical(s, entry) : NULL;

	return c && c->type == ENTITY_COUNTRY && strcmp(c->code, "ID") != 0 ? n : 0;
}

/*
 * "Nasional", "Defence": words that start no name on their own (a
 * section's heading) but stand inside organisations' names after a head
 * ("Persatuan Nasional Karen", "Ministry of Defence"): in-org cues.
 */
static bool in_org_word(const struct scan *s, size_t k)
{
	return scan_capitalised(s, k) && scan_cue_at(s, k, CUE_IN_ORG) == 1;
}

size_t scan_territorial_suffix(const struct scan *s, size_t j)
{
	size_t k = j;

	if (k < s->t->n && (scan_number_in_name(s, k, true) || roman_numeral(s, k)))
		k++;
	else if (k == 0 || (!scan_number_in_name(s, k - 1, true) && !roman_numeral(s, k - 1)))
		return 0;
	if (k + 1 >= s->t->n || !wp_token_punct(s->text, &s->t->v[k], '/') ||
	    !scan_capitalised(s, k + 1) || (s->t->v[k + 1].flags & WP_TOKEN_LINE_START))
		return 0;
	return k + 2 - j;
}

size_t scan_name_span(const struct scan *s, size_t i, size_t max, bool through_names)
{
	size_t k = i;
	int entry;
	/* An organisation's name, from its head on: "Centre" + "for Strategic and ...". */
	bool after_head = i > 0 && scan_cue_at(s, i - 1, CUE_ORG_HEAD) == 1;
	bool in_org = through_names || after_head;
	bool english = false;

	while (k < s->t->n && k - i < max) {
		/* A name never runs on into the next line (a heading into its paragraph). */
		if (k > i && (s->t->v[k].flags & WP_TOKEN_LINE_START))
			break;
		if (scan_name_word(s, k) || (in_org && in_org_word(s, k))) {
			/*
			 * A person's name ends where a post or a known name begins
			 * (but not a known person's one name, which is others'
			 * surname too: "Budi Prabowo"); an organisation's where a
			 * post followed by a name does ("Dinas Penerangan TNI AL |
			 * Laksamana Pertama I Made ...", but "Dewan Pertimbangan
			 * Presiden (Wantimpres)").
			 */
			size_t title = k > i ? scan_cue_at(s, k, CUE_TITLE) : 0;

			/* "Zaw Min Tun": an honorific that is also a name ends one. */
			if (title && !scan_name_word(s, k + title) && title_ends_name(s, k))
				title = 0;
			if (title && (!through_names || scan_name_word(s, k + title)))
				break;
			if (k > i && !through_names &&
			    ((scan_gazetteer_at(s, k, &entry) &&
			      scan_canonical(s, entry)->type != ENTITY_PERSON) ||
			     scan_cue_at(s, k, CUE_ORG_HEAD) || scan_cue_at(s, k, CUE_PLACE_HEAD)))
				break;
			k++;
		} else if ((k > i || in_org) && scan_name_word(s, k + 1) &&
			   connector(s, k, in_org, &english)) {
			k++;
		} else if (k > i + 1 && double_barrelled(s, k)) {
			k++;
		} else if (through_names && scan_number_in_name(s, k, k == i)) {
			k++;
		} else if (in_org && (k > i || after_head) && roman_numeral(s, k)) {
			k++; /* "Komando Armada I", "Kodam IV", "Koarmada | II" */
		} else {
			break;
		}
	}
	return k - i;
}

/* Whether token j starts what an actor does: a me- verb, a reporting verb, "telah menolak". */
bool scan_acts(const struct scan *s, size_t j)
{
	static const char *const aux[] = { "telah", "akan",  "sudah", "juga",
					   "tidak", "belum", "pun",   "kembali" };

	for (size_t hops = 0; j < s->t->n && hops < 2; hops++, j++) {
		const struct wp_token *t = &s->t->v[j];
		const char *w = wp_token_folded(s->t, j);

		if (!(t->flags & WP_TOKEN_WORD) || (t->flags & WP_TOKEN_CAPITAL))
			return false;
		if ((strncmp(w, "me", 2) == 0 && t->fold_len >= 5 &&
		     !scan_cue_at(s, j, CUE_ME_NOUN)) ||
		    scan_cue_at(s, j, CUE_VERB))
			return true;
		bool is_aux = false;

		for (size_t k = 0; k < sizeof(aux) / sizeof(*aux); k++)
			is_aux |= strcmp(w, aux[k]) == 0;
		if (!is_aux)
			return false;
	}
	return false;
}

#define HEADING_MIN_WORDS 3
#define HEADING_CAPITALS  0.75 /* the share of a heading's words written with a capital */

bool scan_in_heading(struct scan *s, size_t i)
{
	const struct wp_token *v = s->t->v;

	if (s->line.end > i && s->line.start <= i)
		return s->line.heading;
	size_t start = i, end = i + 1, words = 0, capitals = 0;

	while (start > 0 && !(v[start].flags & WP_TOKEN_LINE_START))
		start--;
	while (end < s->t->n && !(v[end].flags & WP_TOKEN_LINE_START))
		end++;
	for (size_t k = start; k < end; k++) {
		if (!(v[k].flags & WP_TOKEN_WORD))
			continue;
		words++;
		capitals += (v[k].flags & WP_TOKEN_CAPITAL) != 0;
	}
	/* A heading does not end as a statement does. */
	size_t last = end - 1;

	while (last > start && (v[last].flags & WP_TOKEN_PUNCT) &&
	       strchr("\")'", s->text[v[last].start]))
		last--;
	bool statement = (v[last].flags & WP_TOKEN_PUNCT) && s->text[v[last].start] == '.';

	s->line.start = start, s->line.end = end;
	s->line.heading = !statement && words >= HEADING_MIN_WORDS &&
			  capitals >= HEADING_CAPITALS * (double)words;
	return s->line.heading;
}

size_t scan_field_word(const struct scan *s, size_t j)
{
	size_t n;

	if (!scan_capitalised(s, j))
		return 0;
	if ((n = scan_cue_at(s, j, CUE_PORTFOLIO)))
		return n;
	const char *w = wp_token_folded(s->t, j);
	size_t len = s->t->v[j].fold_len;

	return len >= 7 && strcmp(w + len - 2, "an") == 0 &&
			       (strncmp(w, "per", 3) == 0 || strncmp(w, "pe", 2) == 0 ||
				strncmp(w, "ke", 2) == 0)
		       ? 1
		       : 0;
}

size_t scan_and_field(const struct scan *s, size_t j, size_t max)
{
	size_t k = j + 1, n;
	int entry;

	/* A field may be a word that starts no name on its own: "... dan HAM". */
	if (max < 2 || k >= s->t->n || strcmp(wp_token_folded(s->t, j), "dan") != 0 ||
	    (!scan_name_word(s, k) && !scan_field_word(s, k)) || scan_gazetteer_at(s, k, &entry) ||
	    scan_cue_at(s, k, CUE_ORG_HEAD) || scan_cue_at(s, k, CUE_PLACE_HEAD) ||
	    scan_cue_at(s, k, CUE_TITLE))
		return 0;
	while (k < s->t->n && k - j < max && !(s->t->v[k].flags & WP_TOKEN_LINE_START)) {
		if ((n = scan_field_word(s, k)))
			k += n;
		else if (scan_capitalised(s, k) && scan_cue_at(s, k, CUE_COMMON) == 1)
			k++;
		else
			break;
	}
	return k > j + 1 ? k - j : 0;
}

size_t scan_slash_gloss(const struct scan *s, size_t i)
{
	enum { MAX_GLOSS_TOKENS = 10 };
	size_t k = i;

	if (i == 0 || !wp_token_punct(s->text, &s->t->v[i - 1], '('))
		return 0;
	while (k < s->t->n && k - i < MAX_GLOSS_TOKENS && (s->t->v[k].flags & WP_TOKEN_WORD))
		k++;
	if (k == i || k + 2 >= s->t->n || !wp_token_punct(s->text, &s->t->v[k], '/') ||
	    !wp_token_punct(s->text, &s->t->v[k + 2], ')'))
		return 0;
	const struct wp_token *a = &s->t->v[k + 1];
	const char *acronym = s->text + a->start;
	size_t len = a->end - a->start, spelt = 0;

	if (!(a->flags & WP_TOKEN_UPPER) || len < 2)
		return 0;
	for (size_t j = i; j < k; j++)
		if (s->t->v[j].flags & WP_TOKEN_CAPITAL)
			spelt += spelt < len && s->text[s->t->v[j].start] == acronym[spelt];
	return spelt == len ? k - i : 0;
}
