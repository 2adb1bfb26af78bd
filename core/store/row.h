/* SPDX-License-Identifier: MIT */
/*
 * A record as the store's rows: everything wa_store_put_row() writes, in
 * one allocation that owns every string it points to.
 *
 * The daemon builds rows on the worker that analysed the article, from the
 * parse tree its record was printed from, so that the single committer
 * thread neither parses nor prints JSON: it did both, and that was a fifth
 * of the store's cost.
 */
#ifndef WA_STORE_ROW_H
#define WA_STORE_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cJSON;

struct wa_store_tag {
	const char *name;
	const char *rule; /* NULL: none */
	double score;
	bool has_score;
};

struct wa_store_entity {
	const char *type;
	const char *name;
	const char *code; /* NULL: none */
	int64_t mentions;
	bool has_mentions;
};

struct wa_store_quote {
	const char *speaker; /* NULL: unknown */
	const char *text;
};

struct wa_store_row {
	const char *id;
	const char *received;                                 /* "" when the record has none */
	const char *published, *title, *file, *outlet, *lang; /* NULL: none */
	char date[11];    /* the day published, else received: YYYY-MM-DD, or "" */
	const char *text; /* "" when the record has none */
	const char *rest; /* the record's JSON without its "text" member */
	struct wa_store_tag *tags;
	struct wa_store_entity *entities;
	struct wa_store_quote *quotes;
	const char **duplicates; /* ids of earlier copies */
	size_t n_tags, n_entities, n_quotes, n_duplicates;
};

/*
 * The record's top-level members wa_store_row_new() reads (NULL-
 * terminated): a tree holding others as JSON text (cJSON_Raw) need have
 * only these parsed.
 */
extern const char *const wa_store_row_fields[];

/*
 * Builds the row of a record from its parse tree and its compact JSON
 * (json, len: the same record, as wa_json_print() writes it). Returns 0,
 * -EINVAL when the record is not an object with an id, or -ENOMEM. Free the
 * row with free().
 */
int wa_store_row_new(const struct cJSON *record, const char *json, size_t len,
		     struct wa_store_row **ret_row);

#endif
