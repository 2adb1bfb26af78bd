/* SPDX-License-Identifier: MIT */
/*
 * Setting a record field to a list a stage built as a cJSON array
 * (dates[], comments[], quotes[], quantities[]): printed and handed to
 * wa_article_set_json, the ABI's way in for structured fields. An empty
 * list sets nothing, so the record has no empty arrays.
 */
#ifndef WP_LIST_FIELD_H
#define WP_LIST_FIELD_H

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <warta/article.h>

static inline int wp_set_list_field(struct wa_article *a, const char *field, const cJSON *list)
{
	if (cJSON_GetArraySize(list) == 0)
		return 0;
	char *json = cJSON_PrintUnformatted(list);
	int r = json ? wa_article_set_json(a, field, json) : -ENOMEM;

	free(json);
	return r;
}

#endif
