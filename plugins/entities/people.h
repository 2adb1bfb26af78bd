/* SPDX-License-Identifier: MIT */
/*
 * One entity per person: outlets name someone in full once ("Menteri
 * Pertahanan Rusia Sergei Shoigu") and by surname or first name after
 * ("Shoigu", "kata Sjafrie"), and transliterate inconsistently
 * ("Sergei"/"Sergey"). These merge the short and variant forms into the
 * full name, which stays canonical.
 */
#ifndef ENTITIES_PEOPLE_H
#define ENTITIES_PEOPLE_H

#include "entity_list.h"

/* Merges short forms and spelling variants. Returns 0 or -ENOMEM. */
int people_merge(struct entity_list *list);

/*
 * The person (not merged) whose name has the word word[0..len) as one of
 * its parts, case-insensitively (ASCII), with the most mentions; -1 if none.
 */
int people_find_by_part(const struct entity_list *list, const char *word, size_t len);

#endif
