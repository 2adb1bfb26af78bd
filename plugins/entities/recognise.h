/* SPDX-License-Identifier: MIT */
#ifndef ENTITIES_RECOGNISE_H
#define ENTITIES_RECOGNISE_H

#include "entity_list.h"
#include "gazetteer.h"

/*
 * Finds the entities of a tokenised text into list: gazetteer names,
 * designators and ships, people after titles and reporting verbs, and
 * capitalised spans classified by their head word; then merges each
 * person's short and variant spellings into one entity. Returns 0 or
 * -ENOMEM.
 */
int entities_recognise(const struct gazetteer *g, const char *text, const struct wp_tokens *tokens,
		       struct entity_list *list);

#endif
