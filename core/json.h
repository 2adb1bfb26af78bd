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

/*
 * JSON text kept as text. A plugin hands a structured field over as JSON
 * text, and most such fields are only ever printed into the record again:
 * parsing them into a tree and printing the tree back cost a quarter of the
 * analysis chain. So the text is checked, not parsed, and kept in a
 * cJSON_Raw node, which wa_json_print() copies verbatim; whoever reads
 * inside it expands it first.
 *
 * wa_json_raw() checks that len bytes are one JSON value (RFC 8259, nested
 * at most 1000 deep as cJSON allows) and returns a cJSON_Raw node holding
 * it without insignificant whitespace, so that a record stays on one line.
 * -EINVAL (with *ret_error_offset when not NULL) if it is not JSON,
 * -ENOMEM.
 */
int wa_json_raw(const char *text, size_t len, cJSON **ret_item, size_t *ret_error_offset);
/*
 * Replaces every cJSON_Raw node in item (item itself and the members of
 * its objects, where paths can put them) by the tree its text parses to,
 * in place: pointers to item stay valid. 0 or -ENOMEM.
 */
int wa_json_expand(cJSON *item);

/* Adds or replaces object[key]. Takes ownership of item, even on failure. */
int wa_json_set(cJSON *object, const char *key, cJSON *item);
/* Appends to an array. Takes ownership of item, even on failure. */
int wa_json_append(cJSON *array, cJSON *item);

/*
 * Sets the value at a dotted path ("source.format"), creating intermediate
 * objects and expanding raw ones on the way. Takes ownership of item, even
 * on failure. -EINVAL if a path component is empty or an intermediate
 * value is not an object.
 */
int wa_json_set_path(cJSON *root, const char *path, cJSON *item);
/*
 * The value at a dotted path, or NULL. Borrowed. Raw objects on the way
 * are expanded; the value itself may still be raw (printing it needs no
 * expansion; reading inside it does: wa_json_expand()).
 */
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

/*
 * Reading JSON text without building its tree, for a consumer that needs a
 * few members of a large value a stage set as text (the store's entity
 * rows: four members of each of dozens of entities, whose tree cost more
 * to build and free than the rows to write).
 *
 * Each walks one level, from *pos (0 at first, then left where the last
 * item ended), returning 1 for an item, 0 at the end, -EINVAL when json is
 * not what it should be: wa_json_member_next the next member of the object
 * json (its key without the quotes, escapes as written, and its value's
 * JSON text), wa_json_array_next the next element of the array json.
 */
int wa_json_member_next(const char *json, size_t len, size_t *pos, size_t *ret_key,
			size_t *ret_key_end, size_t *ret_value, size_t *ret_value_end);
int wa_json_array_next(const char *json, size_t len, size_t *pos, size_t *ret_start,
		       size_t *ret_end);

#endif
