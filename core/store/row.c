/* SPDX-License-Identifier: MIT */
/* A record as the store's rows (see row.h). */
#include "row.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"
#include "json.h"

/*
 * The row is laid out twice by the same code: first with no block, to
 * measure it, then into a block of that size. Both passes take the same
 * pieces in the same order, so they cannot disagree.
 */
struct layout {
	char *block; /* NULL while measuring */
	size_t used;
};

static void *take(struct layout *l, size_t size, size_t align)
{
	size_t at = (l->used + align - 1) & ~(align - 1);

	l->used = at + size;
	return l->block ? l->block + at : NULL;
}

static const char *copy_bytes(struct layout *l, const char *s, size_t len)
{
	char *d = take(l, len + 1, 1);

	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

static const char *copy(struct layout *l, const char *s)
{
	return s ? copy_bytes(l, s, strlen(s)) : NULL;
}

static const cJSON *member(const cJSON *object, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(object, key);
}

/* A member that is an array of n items, as an array of structs of `size` (NULL when n is 0). */
static void *take_array(struct layout *l, size_t n, size_t size)
{
	void *array = take(l, n * size, _Alignof(max_align_t));

	return n > 0 ? array : NULL;
}

static void lay_out_tags(struct layout *l, struct wa_store_row *row, const cJSON *tags)
{
	const cJSON *item;
	size_t n = 0;

	cJSON_ArrayForEach(item, tags) n += wa_json_get_string(item, "name") != NULL;
	row->tags = take_array(l, n, sizeof(*row->tags));
	row->n_tags = 0;
	cJSON_ArrayForEach(item, tags)
	{
		const cJSON *score = member(item, "score");
		struct wa_store_tag tag;

		if (!wa_json_get_string(item, "name"))
			continue;
		tag.name = copy(l, wa_json_get_string(item, "name"));
		tag.rule = copy(l, wa_json_get_string(item, "rule"));
		tag.has_score = cJSON_IsNumber(score);
		tag.score = tag.has_score ? score->valuedouble : 0;
		if (row->tags)
			row->tags[row->n_tags] = tag;
		row->n_tags++;
	}
}

/*
 * The string value at json[start, end) (a JSON string, with its quotes),
 * copied; NULL when the value is not a string. Most have no escapes and
 * are copied as they are; the rest go through the parser.
 */
static const char *copy_json_string(struct layout *l, const char *json, size_t start, size_t end)
{
	cJSON *value;

	if (end - start < 2 || json[start] != '"')
		return NULL;
	if (!memchr(json + start, '\\', end - start))
		return copy_bytes(l, json + start + 1, end - start - 2);
	if (wa_json_parse(json + start, end - start, &value, NULL) < 0)
		return NULL;
	const char *copied = cJSON_IsString(value) ? copy(l, value->valuestring) : NULL;

	cJSON_Delete(value);
	return copied;
}

/* A count as an integer; false when it is out of int64_t's range (a cast would be undefined). */
static bool count_of(double v, int64_t *ret)
{
	if (!(v > -9.2e18 && v < 9.2e18))
		return false;
	*ret = (int64_t)v;
	return true;
}

/* Where the members a row takes lie in one entity's JSON text: [start, end) each, 0 if absent. */
struct entity_spans {
	size_t type[2], name[2], code[2], mentions[2];
};

/* One walk over an entity object's members; whether it has a type and a name, as strings. */
static bool find_entity_members(const char *object, size_t len, struct entity_spans *e)
{
	size_t pos = 0, key, key_end, value, value_end;

	*e = (struct entity_spans){ 0 };
	while (wa_json_member_next(object, len, &pos, &key, &key_end, &value, &value_end) > 0) {
		size_t *span = NULL;

#define KEY_IS(k) (key_end - key == sizeof(k) - 1 && memcmp(object + key, k, sizeof(k) - 1) == 0)
		if (KEY_IS("type"))
			span = e->type;
		else if (KEY_IS("name"))
			span = e->name;
		else if (KEY_IS("code"))
			span = e->code;
		else if (KEY_IS("mentions"))
			span = e->mentions;
#undef KEY_IS
		/* The last of a repeated key wins, as in the tree. */
		if (span)
			span[0] = value, span[1] = value_end;
	}
	return e->type[1] && object[e->type[0]] == '"' && e->name[1] && object[e->name[0]] == '"';
}

/*
 * Entities kept as the JSON text the entities stage wrote: read where they
 * lie, four members of each, as their tree cost more to build and free than
 * the rows to write. The text is checked JSON (wa_json_raw). Like the tree's
 * reading below, and in the same order: the two passes of the layout must
 * take the same pieces.
 */
static void lay_out_raw_entities(struct layout *l, struct wa_store_row *row, const char *json)
{
	size_t len = strlen(json), pos = 0, start, end, n = 0;
	struct entity_spans e;

	/* Room for every element: those without a type or a name are few. */
	while (wa_json_array_next(json, len, &pos, &start, &end) > 0)
		n++;
	row->entities = take_array(l, n, sizeof(*row->entities));
	row->n_entities = 0;
	for (pos = 0; wa_json_array_next(json, len, &pos, &start, &end) > 0;) {
		const char *object = json + start;
		struct wa_store_entity entity = { 0 };

		if (!find_entity_members(object, end - start, &e))
			continue;
		entity.type = copy_json_string(l, object, e.type[0], e.type[1]);
		entity.name = copy_json_string(l, object, e.name[0], e.name[1]);
		if (e.code[1])
			entity.code = copy_json_string(l, object, e.code[0], e.code[1]);
		size_t digits = e.mentions[1] - e.mentions[0];

		/* A number: checked JSON holds none longer than cJSON's 63 bytes. */
		if (e.mentions[1] && digits < 64 && strchr("-0123456789", object[e.mentions[0]])) {
			char number[64];

			memcpy(number, object + e.mentions[0], digits);
			number[digits] = '\0';
			entity.has_mentions = count_of(strtod(number, NULL), &entity.mentions);
		}
		if (row->entities)
			row->entities[row->n_entities] = entity;
		row->n_entities++;
	}
}

static void lay_out_entities(struct layout *l, struct wa_store_row *row, const cJSON *entities)
{
	const cJSON *item;
	size_t n = 0;

	if (cJSON_IsRaw(entities)) {
		lay_out_raw_entities(l, row, entities->valuestring);
		return;
	}
	cJSON_ArrayForEach(item, entities) n +=
		wa_json_get_string(item, "type") && wa_json_get_string(item, "name");
	row->entities = take_array(l, n, sizeof(*row->entities));
	row->n_entities = 0;
	cJSON_ArrayForEach(item, entities)
	{
		const cJSON *mentions = member(item, "mentions");
		struct wa_store_entity entity;

		if (!wa_json_get_string(item, "type") || !wa_json_get_string(item, "name"))
			continue;
		entity.type = copy(l, wa_json_get_string(item, "type"));
		entity.name = copy(l, wa_json_get_string(item, "name"));
		entity.code = copy(l, wa_json_get_string(item, "code"));
		entity.has_mentions = cJSON_IsNumber(mentions) &&
				      count_of(mentions->valuedouble, &entity.mentions);
		if (row->entities)
			row->entities[row->n_entities] = entity;
		row->n_entities++;
	}
}

static void lay_out_quotes(struct layout *l, struct wa_store_row *row, const cJSON *quotes)
{
	const cJSON *item;
	size_t n = 0;

	cJSON_ArrayForEach(item, quotes) n += wa_json_get_string(item, "text") != NULL;
	row->quotes = take_array(l, n, sizeof(*row->quotes));
	row->n_quotes = 0;
	cJSON_ArrayForEach(item, quotes)
	{
		struct wa_store_quote quote;

		if (!wa_json_get_string(item, "text"))
			continue;
		quote.speaker = copy(l, wa_json_get_string(item, "speaker"));
		quote.text = copy(l, wa_json_get_string(item, "text"));
		if (row->quotes)
			row->quotes[row->n_quotes] = quote;
		row->n_quotes++;
	}
}

static void lay_out_duplicates(struct layout *l, struct wa_store_row *row, const cJSON *ids)
{
	const cJSON *item;
	size_t n = 0;

	cJSON_ArrayForEach(item, ids) n += cJSON_IsString(item);
	row->duplicates = take_array(l, n, sizeof(*row->duplicates));
	row->n_duplicates = 0;
	cJSON_ArrayForEach(item, ids)
	{
		const char *id;

		if (!cJSON_IsString(item))
			continue;
		id = copy(l, item->valuestring);
		if (row->duplicates)
			row->duplicates[row->n_duplicates] = id;
		row->n_duplicates++;
	}
}

/* YYYY-MM-DD from a date or timestamp string, or "" if it does not start like one. */
static void day_of(const char *s, char day[11])
{
	day[0] = '\0';
	if (s && strlen(s) >= 10 && s[4] == '-' && s[7] == '-')
		snprintf(day, 11, "%.10s", s);
}

/* Not "entities": lay_out_raw_entities() reads them as text. */
const char *const wa_store_row_fields[] = {
	"id",   "received", "published", "title",  "source",     "outlet",
	"lang", "text",     "tags",      "quotes", "duplicates", NULL,
};

static const char *lang_of(const cJSON *record)
{
	const cJSON *lang = member(record, "lang");

	return cJSON_IsString(lang) ? lang->valuestring : wa_json_get_string(lang, "code");
}

static void lay_out(struct layout *l, struct wa_store_row *row, const cJSON *record,
		    const char *json, size_t len, size_t cut_start, size_t cut_end)
{
	const cJSON *text = member(record, "text");
	char *rest;

	row->id = copy(l, wa_json_get_string(record, "id"));
	row->received = copy(l, wa_json_get_string(record, "received"));
	row->published = copy(l, wa_json_get_string(record, "published"));
	row->title = copy(l, wa_json_get_string(record, "title"));
	row->file = copy(l, wa_json_get_string(member(record, "source"), "file"));
	row->outlet = copy(l, wa_json_get_string(record, "outlet"));
	row->lang = copy(l, lang_of(record));
	row->text = copy(l, cJSON_IsString(text) ? text->valuestring : "");
	rest = take(l, len - (cut_end - cut_start) + 1, 1);
	if (rest) {
		memcpy(rest, json, cut_start);
		memcpy(rest + cut_start, json + cut_end, len - cut_end);
		rest[len - (cut_end - cut_start)] = '\0';
	}
	row->rest = rest;
	lay_out_tags(l, row, member(record, "tags"));
	lay_out_entities(l, row, member(record, "entities"));
	lay_out_quotes(l, row, member(record, "quotes"));
	lay_out_duplicates(l, row, member(record, "duplicates"));
	day_of(row->published, row->date);
	if (!row->date[0])
		day_of(row->received, row->date);
	if (!row->received)
		row->received = "";
}

int wa_store_row_new(const cJSON *record, const char *json, size_t len,
		     struct wa_store_row **ret_row)
{
	struct layout l = { 0 };
	struct wa_store_row measured, *row;
	size_t cut_start = 0, cut_end = 0;
	int r;

	if (!cJSON_IsObject(record) || !wa_json_get_string(record, "id"))
		return -EINVAL;
	r = wa_json_member_span(json, len, "text", &cut_start, &cut_end);
	if (r < 0)
		return r;
	take(&l, sizeof(measured), _Alignof(max_align_t));
	lay_out(&l, &measured, record, json, len, cut_start, cut_end);
	l = (struct layout){ .block = malloc(l.used) };
	if (!l.block)
		return -ENOMEM;
	row = take(&l, sizeof(*row), _Alignof(max_align_t));
	lay_out(&l, row, record, json, len, cut_start, cut_end);
	*ret_row = row;
	return 0;
}
