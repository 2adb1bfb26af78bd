/* SPDX-License-Identifier: MIT */
#ifndef ENTITIES_KNOWN_H
#define ENTITIES_KNOWN_H

#include "scan.h"

/* A gazetteer name at [i, i+n) from its first entry; returns the tokens used (0 on error). */
size_t known_add_gazetteer(struct scan *s, size_t i, size_t n, int entry);
/* "KRI Nanggala-402", "KRI Bung Tomo (357)": the tokens of a ship at i, 0 if none. */
size_t known_ship_at(struct scan *s, size_t i);
/* "(BUMN)" at token j after an organisation's name: see known.c. Returns 0 or 3. */
size_t known_define_acronym(struct scan *s, int entity, size_t j);
/* The entity an acronym the text defined stands for, or -1. */
int known_defined_acronym(const struct scan *s, size_t i);
/* The countries named inside an organisation's name (Pemerintah Rusia). */
void known_countries_inside(struct scan *s, size_t from, size_t to);

#endif
