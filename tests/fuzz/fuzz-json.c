/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: any bytes as a field's JSON text. What wa_json_raw() keeps
 * unparsed must be JSON to cJSON too, or a later reader would find the
 * field gone: so whatever it accepts, cJSON parses, and the record comes
 * out the same whether the field was kept as text or parsed at once. As
 * a record's entities, the store's rows are the same read from the text
 * (store/row.c reads it where it lies) as from the tree.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "store/row.h"

static bool same_string(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The entity rows of {"entities": text} read from the text and from its tree agree. */
static void check_entity_rows(const char *text, size_t size)
{
	static const char json[] = "{\"id\":\"f\"}";
	struct wa_store_row *from_text, *from_tree;
	cJSON *kept = cJSON_CreateObject(), *parsed = cJSON_CreateObject(), *raw, *tree;

	if (!kept || !parsed || wa_json_raw(text, size, &raw, NULL) < 0 ||
	    wa_json_parse(text, size, &tree, NULL) < 0)
		abort();
	cJSON_AddStringToObject(kept, "id", "f");
	cJSON_AddStringToObject(parsed, "id", "f");
	if (wa_json_set(kept, "entities", raw) < 0 || wa_json_set(parsed, "entities", tree) < 0)
		abort();
	if (wa_store_row_new(kept, json, strlen(json), &from_text) < 0 ||
	    wa_store_row_new(parsed, json, strlen(json), &from_tree) < 0)
		abort();
	if (from_text->n_entities != from_tree->n_entities)
		abort();
	for (size_t i = 0; i < from_tree->n_entities; i++) {
		const struct wa_store_entity *a = &from_text->entities[i],
					     *b = &from_tree->entities[i];

		if (!same_string(a->type, b->type) || !same_string(a->name, b->name) ||
		    !same_string(a->code, b->code) || a->has_mentions != b->has_mentions ||
		    a->mentions != b->mentions)
			abort();
	}
	free(from_text);
	free(from_tree);
	cJSON_Delete(kept);
	cJSON_Delete(parsed);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cJSON *raw, *parsed;
	char *kept, *reparsed;

	if (wa_json_raw((const char *)data, size, &raw, NULL) < 0)
		return 0;
	if (wa_json_parse((const char *)data, size, &parsed, NULL) < 0)
		abort(); /* accepted text cJSON cannot read */
	kept = wa_json_print(raw);
	if (wa_json_expand(raw) < 0)
		abort();
	reparsed = wa_json_print(parsed);
	/* Printed raw, it is the text itself; expanded, it is what cJSON makes of it. */
	if (!kept || strchr(kept, '\n') || !reparsed)
		abort();
	free(kept);
	kept = wa_json_print(raw);
	if (!kept || strcmp(kept, reparsed) != 0)
		abort();
	free(kept);
	free(reparsed);
	cJSON_Delete(raw);
	cJSON_Delete(parsed);
	check_entity_rows((const char *)data, size);
	return 0;
}
