/* SPDX-License-Identifier: MIT */
#ifndef ENTITIES_RECOGNISE_H
#define ENTITIES_RECOGNISE_H

#include "entity_list.h"
#include "gazetteer.h"

/*
 * Finds the entities of a tokenised text into list: gazetteer names,
 * designators and ships, people after titles and reporting verbs, and
 * capitalised spans classified by their head word; then merges each
 * person's short and variant spellings into one entity. outlet, the
 * article's own (or NULL), is an organisation wherever the text names it.
 * Returns 0 or -ENOMEM.
 */
int entities_recognise(const struct gazetteer *g, const char *text, const struct wp_tokens *tokens,
		       const char *outlet, struct entity_list *list);

#endif
