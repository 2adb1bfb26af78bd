/* SPDX-License-Identifier: MIT */
/*
 * Article ids: the xxh3-128 hash of the article's bytes, as 32 lowercase hex
 * digits. Content-addressed, so reprocessing the same bytes after a crash
 * yields the same id and every output keyed by it is simply overwritten.
 */
#ifndef WA_ID_H
#define WA_ID_H

#include <stdbool.h>
#include <stddef.h>

#include "warta/article.h"

#define WA_ID_SIZE (WA_ARTICLE_ID_LEN + 1)

void wa_id_of(const void *data, size_t len, char ret_id[WA_ID_SIZE]);
/* True if s is exactly 32 lowercase hex digits. */
bool wa_id_is_valid(const char *s, size_t len);

#endif
