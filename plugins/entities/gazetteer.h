/* SPDX-License-Identifier: MIT */
/*
 * What the entity stage knows before it reads an article: the named
 * entities of data/countries.txt and data/gazetteer.txt, the cue words
 * of data/entity-cues.txt (titles, reporting verbs, name heads,
 * designator prefixes) and the word lists learnt from annotated news,
 * data/ner-words.txt. Read-only once loaded: worker threads share it.
 */
#ifndef ENTITIES_GAZETTEER_H
#define ENTITIES_GAZETTEER_H

#include "../common/phrases.h"

enum entity_type {
	ENTITY_COUNTRY,
	ENTITY_PLACE,
	ENTITY_ORG,
	ENTITY_PERSON,
	ENTITY_EQUIPMENT,
	ENTITY_EVENT,
	N_ENTITY_TYPES,
	/* A gazetteer entry standing for a country's government (Kremlin). */
	ENTITY_METONYM = N_ENTITY_TYPES,
};

enum cue_kind {
	CUE_TITLE,
	CUE_QUALIFIER,
	CUE_VERB,
	CUE_ORG_HEAD,
	CUE_PLACE_HEAD,
	CUE_NOT_NAME,
	CUE_MAKER, /* ref: the designator prefix it stands for */
	CUE_SHIP,
	CUE_VIA, /* for the quotes stage */
	CUE_ORG_TAIL,
	CUE_PERSON_WORD, /* a word that alone names a person (data/ner-words.txt) */
	CUE_COMMON,      /* a word seen in lower case in ordinary sentences */
	CUE_PORTFOLIO,   /* a ministry's field that is no per-...-an noun (Agama, Luar Negeri) */
	CUE_NUMBERED,    /* the head of a unit named by a number (Skadron Udara 12) */
	CUE_EVENT_NAMER, /* words before an exercise's name and year ("latihan bertajuk") */
	CUE_IN_ORG,      /* not-name words that stand inside an organisation's name (Nasional) */
	CUE_POST_PREFIX, /* a word making another post of the post after it (Wakil, Plt, Mantan) */
	CUE_PLACE_NOUN,  /* a lower-case word before a place's name (di, kota, pelabuhan) */
	CUE_PERSON_BEFORE,   /* a lower-case word before a person's lone name (oleh, kepada) */
	CUE_PEOPLE_NOUN,     /* a lower-case word before a people's name (etnis, suku) */
	CUE_EXERCISE_KIND,   /* between an exercise's word and its name (latihan bersama X) */
	CUE_DOCUMENT,        /* the word for an agreement or a law before its title (Perjanjian) */
	CUE_GOVERNMENT_TAIL, /* a government body's last word, fields joined before it (Ministry) */
	CUE_ME_NOUN,         /* a word opening with me- that is no verb (media, menteri) */
	CUE_ORG_NOUN,        /* a lower-case word before a body's name (televisi, perusahaan) */
	N_CUE_KINDS,
};

struct canonical {
	enum entity_type type;
	char *name;
	char code[3]; /* countries, metonyms and org:CODE bodies: ISO 3166-1 alpha-2 */
};

struct gazetteer {
	struct wp_phrases names; /* kind: enum entity_type; ref: index into canon */
	struct canonical *canon;
	size_t n_canon;
	struct wp_phrases cues;     /* kind: enum cue_kind */
	struct wp_wordset prefixes; /* folded designator prefix -> index into prefix */
	char **prefix;              /* as warta writes it: "Su", "MiG" */
	size_t n_prefix;
};

const char *entity_type_name(enum entity_type type);

/*
 * Loads the three data files (through wa_plugin_data_read, so data_dir
 * overrides them). On error, *ret_error says which file and line.
 */
struct wa_plugin_ctx;
int gazetteer_load(const struct wa_plugin_ctx *ctx, struct gazetteer *g, char **ret_error);
void gazetteer_fini(struct gazetteer *g);

/* The designator prefix written as the token (folded key), or NULL. */
const char *gazetteer_prefix(const struct gazetteer *g, const char *folded, size_t len);

#endif
