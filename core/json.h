/* SPDX-License-Identifier: MIT */
/*
 * cJSON, wrapped so that ownership mistakes cannot happen at call sites.
 *
 * cJSON_AddItemToObject() takes ownership only on success; these helpers
 * always take ownership of the item they are given and free it on failure.
 * Lookups are case-sensitive. Nothing here touches cJSON's global error
 * pointer.
 */
#ifndef WA_JSON_H
#define WA_JSON_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

/* Installs wa_malloc-backed hooks; call once before any other cJSON use. */
void wa_json_init(void);

/*
 * Parses len bytes. On failure returns -EINVAL and sets *ret_error_offset
 * (if not NULL) to the byte offset where parsing stopped. Caller owns
 * *ret_root; free with cJSON_Delete().
 */
int wa_json_parse(const char *text, size_t len, cJSON **ret_root, size_t *ret_error_offset);

/* Adds or replaces object[key]. Takes ownership of item, even on failure. */
int wa_json_set(cJSON *object, const char *key, cJSON *item);
/* Appends to an array. Takes ownership of item, even on failure. */
int wa_json_append(cJSON *array, cJSON *item);

/*
 * Sets the value at a dotted path ("source.format"), creating intermediate
 * objects. Takes ownership of item, even on failure. -EINVAL if a path
 * component is empty or an intermediate value is not an object.
 */
int wa_json_set_path(cJSON *root, const char *path, cJSON *item);
/* The value at a dotted path, or NULL. Borrowed. */
cJSON *wa_json_get_path(const cJSON *root, const char *path);

/* Typed getters: the value, or NULL if absent or of another type. */
const char *wa_json_get_string(const cJSON *object, const char *key);

/* Compact serialisation; caller owns the result, free with free(). */
char *wa_json_print(const cJSON *item);

/*
 * The span of a top-level member of the JSON object json (key, value and
 * one separating comma), so that cutting [*ret_start, *ret_end) leaves a
 * valid object: the store keeps a record without its text this way, with
 * no second parse. Returns 1 when found, 0 when absent, -EINVAL when json
 * is not an object.
 */
int wa_json_member_span(const char *json, size_t len, const char *key, size_t *ret_start,
			size_t *ret_end);

#endif
