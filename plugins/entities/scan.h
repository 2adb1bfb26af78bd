/* SPDX-License-Identifier: MIT */
/*
 * One pass of the entity recogniser over an article's tokens: its state,
 * and the token-level questions every part of the pass asks (is this a
 * cue word, a known name, a word a name can hold; where does a name end).
 * Lookups are memoised per token, since each position is asked many times.
 */
#ifndef ENTITIES_SCAN_H
#define ENTITIES_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "entity_list.h"
#include "gazetteer.h"

#define MAX_NAME_TOKENS   5
#define MAX_ORG_TOKENS    8
#define MAX_SHIP_TOKENS   5
#define MAX_ACRONYM_BYTES 6
#define MAX_COMPANIES     32
#define MAX_ACRONYMS      32

struct candidate {
	size_t token; /* a sentence-initial capitalised word, maybe a known person */
};

/* Each token's longest cue and gazetteer name, looked up once. */
struct token_memo {
	int32_t name_entry;
	uint8_t cue_len[N_CUE_KINDS]; /* the longest cue of each kind at the token */
	uint8_t name_n;
	bool cue_known, name_known;
};

struct scan {
	const struct gazetteer *g;
	struct token_memo *memo; /* one per token */
	const char *text;
	const struct wp_tokens *t;
	struct entity_list *list;
	const char *outlet; /* the article's outlet (meta's), or NULL */
	size_t outlet_len;
	uint32_t last_place_end; /* where the last place named ends, in code points */
	struct candidate *candidates;
	size_t n_candidates;
	/* Acronyms the text defined: "Badan Usaha Milik Negara (BUMN)". */
	struct acronym {
		char text[16];
		int entity;
	} acronyms[MAX_ACRONYMS];
	size_t n_acronyms;
	/*
	 * Acronyms the text spells out in everyday words: "kapal tempur
	 * pesisir (LCS)" makes LCS no alias of a place (Laut China Selatan).
	 */
	char plain_acronyms[MAX_ACRONYMS][16];
	size_t n_plain_acronyms;
	/* Companies named with their "PT", which a later "Len" may stand for: entity indices. */
	int companies[MAX_COMPANIES];
	size_t n_companies;
	/* The line of the last heading question: tokens [start, end), and the answer. */
	struct {
		size_t start, end;
		bool heading;
	} line;
	int error; /* the first -ENOMEM */
};

/*
 * Adds a mention spanning tokens [i, j), named `name` (or as written if
 * NULL). Returns the entity's index or -errno (-ENOSPC: the entity cap).
 */
int scan_add(struct scan *s, enum entity_type type, const char *name, const char *code, size_t i,
	     size_t j);
/* Finds every kind's longest cue at token i (< s->t->n) into its memo. */
void scan_find_cues(const struct scan *s, size_t i);

/*
 * The length of a cue of `kind` at token i, 0 if none. Inline: the stage
 * asks it several times of every token, and all but the first are a lookup.
 */
static inline size_t scan_cue_at(const struct scan *s, size_t i, enum cue_kind kind)
{
	if (i >= s->t->n)
		return 0;
	if (!s->memo[i].cue_known)
		scan_find_cues(s, i);
	return s->memo[i].cue_len[kind];
}
/*
 * "Komisi Eropa Peter Stano mengatakan", "Universitas Pertahanan Beni
 * Sukadis mengatakan": the tokens at the end of an organisation's span
 * [start, end) that are the person speaking (2 or 3 capitalised words that
 * are no everyday word and no known name, a reporting verb after them),
 * or 0. At least `keep` tokens stay the organisation's.
 */
size_t scan_speaker_tail(const struct scan *s, size_t start, size_t end, size_t keep);
/* Whether a folded word, not a token of the text, is a one-word cue of that kind. */
bool scan_is_cue_word(const struct scan *s, const char *word, size_t len, enum cue_kind kind);
static inline bool scan_capitalised(const struct scan *s, size_t i)
{
	return i < s->t->n && (s->t->v[i].flags & WP_TOKEN_WORD) &&
	       (s->t->v[i].flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER));
}
/* A word that can be part of a name: capitalised, and not a day, month or function word. */
bool scan_name_word(const struct scan *s, size_t i);
/* The longest gazetteer name at i written as a name is; its first fitting entry in *ret_entry. */
size_t scan_gazetteer_at(const struct scan *s, size_t i, int *ret_entry);
/*
 * "Batalyon 512", "Kodim 0501", "PT Mobile 8 Telecom": whether token k is
 * a number in an organisation's name, right after its head word
 * (after_head) or before more of the name; never a year.
 */
bool scan_number_in_name(const struct scan *s, size_t k, bool after_head);
/*
 * "XVI/Pattimura" after "Pangdam", "/Binaiya" after "Korem 151": the
 * number of a territorial command and the name it bears, as Indonesian
 * writes them. Returns the tokens from j, 0 if none.
 */
size_t scan_territorial_suffix(const struct scan *s, size_t j);

/*
 * 1 if token k is the number of a unit whose name starts at token head
 * with a numbered cue ("Skadron Udara 12 berada ...", "Koarmada II"), else 0.
 */
size_t scan_unit_number(const struct scan *s, size_t head, size_t k);
/*
 * "(General Border Committee/GBC)": a gloss in brackets, the long form in
 * another language and its acronym after a slash, following the name the
 * text uses. The tokens of the long form from token i (the bracket's
 * first word), whose capitals spell the acronym, or 0.
 */
size_t scan_slash_gloss(const struct scan *s, size_t i);
/* The canonical name of the gazetteer's entry (from scan_gazetteer_at). */
const struct canonical *scan_canonical(const struct scan *s, int entry);
/* Whether token i is an acronym the text spelt out in everyday words (plain_acronyms). */
bool scan_is_plain_acronym(const struct scan *s, size_t i);
/*
 * The tokens of a country other than Indonesia at token j ("Rusia",
 * "Amerika Serikat"), 0 if none: the country a body's generic name
 * belongs to ("Angkatan Laut Rusia", "Departemen Luar Negeri AS").
 */
size_t scan_foreign_country_at(const struct scan *s, size_t j);
/* The tokens of a capitalised name from i (0 if none); see scan.c. */
size_t scan_name_span(const struct scan *s, size_t i, size_t max, bool through_names);
/* Whether token j starts what an actor does: a me- verb, a reporting verb, "telah menolak". */
bool scan_acts(const struct scan *s, size_t j);
/*
 * A word of a ministry's or an agency's field: a per-/pe-/ke-...-an noun
 * (Pertahanan, Keuangan) or one data/entity-cues.txt lists as a portfolio
 * (Agama, Tenaga Kerja). Its tokens, 0 if none.
 */
size_t scan_field_word(const struct scan *s, size_t j);
/*
 * "Kementerian Hukum | dan Hak Asasi Manusia": the tokens, from the "dan"
 * at j, by which an organisation's name goes on into a second field, at
 * most max; 0 if none. The field is made of field words and everyday
 * words, so a person named after the organisation is left out ("Dinas
 * Pertanian dan Peternakan | Diah Ningrum"), and so is another known name
 * ("Kementerian Pertahanan dan TNI").
 */
size_t scan_and_field(const struct scan *s, size_t j, size_t max);
/*
 * Whether token i is on a heading: a line of three or more words, nearly
 * all capitalised ("Siapa Menghina Sahabat Rasulullah"), where capitals
 * say nothing about names.
 */
bool scan_in_heading(struct scan *s, size_t i);

#endif
