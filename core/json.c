/* SPDX-License-Identifier: MIT */
/* cJSON helpers: see json.h for the ownership rules they enforce. */
#include "json.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

void wa_json_init(void)
{
	cJSON_Hooks hooks = { .malloc_fn = malloc, .free_fn = free };

	cJSON_InitHooks(&hooks);
}

int wa_json_parse(const char *text, size_t len, cJSON **ret_root, size_t *ret_error_offset)
{
	const char *end = NULL;
	cJSON *root;

	root = cJSON_ParseWithLengthOpts(text, len, &end, false);
	if (!root) {
		if (ret_error_offset)
			*ret_error_offset = end && end >= text ? (size_t)(end - text) : 0;
		return -EINVAL;
	}
	*ret_root = root;
	return 0;
}

int wa_json_set(cJSON *object, const char *key, cJSON *item)
{
	if (!item)
		return -ENOMEM;
	if (cJSON_GetObjectItemCaseSensitive(object, key)) {
		if (!cJSON_ReplaceItemInObjectCaseSensitive(object, key, item)) {
			cJSON_Delete(item);
			return -ENOMEM;
		}
		return 0;
	}
	if (!cJSON_AddItemToObject(object, key, item)) {
		cJSON_Delete(item);
		return -ENOMEM;
	}
	return 0;
}

int wa_json_append(cJSON *array, cJSON *item)
{
	if (!item)
		return -ENOMEM;
	if (!cJSON_AddItemToArray(array, item)) {
		cJSON_Delete(item);
		return -ENOMEM;
	}
	return 0;
}

/* Walks all but the last component of path, creating objects; returns the parent. */
static int walk_to_parent(cJSON *root, const char *path, bool create, cJSON **ret_parent,
			  const char **ret_last)
{
	const char *start = path, *dot;
	cJSON *node = root;
	char key[128];

	while ((dot = strchr(start, '.'))) {
		size_t n = (size_t)(dot - start);
		cJSON *next;

		if (n == 0 || n >= sizeof(key))
			return -EINVAL;
		memcpy(key, start, n);
		key[n] = '\0';
		next = cJSON_GetObjectItemCaseSensitive(node, key);
		if (!next) {
			int r;

			if (!create)
				return -ENOENT;
			next = cJSON_CreateObject();
			r = wa_json_set(node, key, next);
			if (r < 0)
				return r;
		} else if (!cJSON_IsObject(next)) {
			return -EINVAL;
		}
		node = next;
		start = dot + 1;
	}
	if (*start == '\0')
		return -EINVAL;
	*ret_parent = node;
	*ret_last = start;
	return 0;
}

int wa_json_set_path(cJSON *root, const char *path, cJSON *item)
{
	const char *last;
	cJSON *parent;
	int r;

	r = walk_to_parent(root, path, true, &parent, &last);
	if (r < 0) {
		cJSON_Delete(item);
		return r;
	}
	return wa_json_set(parent, last, item);
}

cJSON *wa_json_get_path(const cJSON *root, const char *path)
{
	const char *last;
	cJSON *parent;

	if (walk_to_parent((cJSON *)root, path, false, &parent, &last) < 0)
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(parent, last);
}

const char *wa_json_get_string(const cJSON *object, const char *key)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);

	return cJSON_IsString(item) ? item->valuestring : NULL;
}

char *wa_json_print(const cJSON *item)
{
	return cJSON_PrintUnformatted(item);
}
