/* SPDX-License-Identifier: MIT */
/*
 * The entities of one article as they are found: each mention is added
 * under its type and canonical name, and merged persons move their
 * mentions to one entry. Written out as the record's entities[].
 */
#ifndef ENTITIES_ENTITY_LIST_H
#define ENTITIES_ENTITY_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/people.h"
#include "../common/wordset.h"
#include "gazetteer.h"

struct mention {
	uint32_t start, end; /* code points of the text */
	uint32_t surface;    /* index into the entity's surfaces */
};

struct entity {
	enum entity_type type;
	char *name;
	char code[3];
	char *role;      /* a person's post or rank, as first written */
	char **surfaces; /* every distinct spelling seen, the name first */
	size_t n_surfaces;
	struct mention *mentions;
	size_t n_mentions;
	bool merged; /* moved into another entity */
	bool known;  /* named by the gazetteer: its name is already the canonical one */
};

struct entity_list {
	struct entity *v;
	size_t n, cap;
	struct wp_wordset index; /* "TYPE\x1fNAME" -> entity */
};

/*
 * Adds a mention of (type, name) written as surface[0..surface_len) at
 * code points [start, end). Returns the entity's index or -ENOMEM.
 */
int entity_list_add(struct entity_list *list, enum entity_type type, const char *name,
		    const char *code, const char *surface, size_t surface_len, uint32_t start,
		    uint32_t end);
/*
 * Extends the entity's mention that ends at `end` to `new_end` and records
 * surface[0..surface_len) as one of its spellings, without a mention of its
 * own: "Badan Usaha Milik Negara (BUMN)" is one mention, which teaches BUMN.
 */
int entity_list_extend(struct entity_list *list, int entity, uint32_t end, uint32_t new_end,
		       const char *surface, size_t surface_len);
/* The entity of that type and canonical name already found, or -1. */
int entity_list_find(const struct entity_list *list, enum entity_type type, const char *name,
		     size_t len);
/* Sets a person's role if it has none yet. */
int entity_list_set_role(struct entity_list *list, int entity, const char *role, size_t len);
/* Moves every mention and spelling of `from` into `into`. */
int entity_list_merge(struct entity_list *list, size_t from, size_t into);
/* entities[] as JSON (caller frees): most mentioned first. NULL when out of memory. */
char *entity_list_json(const struct entity_list *list);
/* Every mention of a person, in text order, for the quotes stage (NULL: out of memory). */
struct wp_people *entity_list_people(const struct entity_list *list);
void entity_list_fini(struct entity_list *list);

#endif
