/* SPDX-License-Identifier: MIT */
#ifndef ENTITIES_DESIGNATORS_H
#define ENTITIES_DESIGNATORS_H

#include "gazetteer.h"

#define DESIGNATOR_MAX 48

/*
 * A type designator at token i: writes its normalised name(s) (two for
 * "Su-27/30") and returns the tokens it spans, 0 if there is none.
 */
size_t designator_match(const struct gazetteer *g, const char *text, const struct wp_tokens *tokens,
			size_t i, char names[2][DESIGNATOR_MAX], size_t *ret_n);

#endif
