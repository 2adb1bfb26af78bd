/* SPDX-License-Identifier: MIT */
#ifndef ENTITIES_POSTS_H
#define ENTITIES_POSTS_H

#include "scan.h"

/*
 * After a title at [i, i+n): its qualifiers and organisations, then the
 * person it introduces, with the post as role. Returns the tokens used:
 * the post alone when no name follows it, 0 on error.
 */
size_t posts_person_after(struct scan *s, size_t i, size_t n);

#endif
