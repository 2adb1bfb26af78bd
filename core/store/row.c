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

/* One entity of the JSON text: where its object starts, and its members within it. */
struct raw_entity {
	const char *object;
	struct entity_spans members;
};

/*
 * Entities kept as the JSON text the entities stage wrote: read where they
 * lie, four members of each, as their tree cost more to build and free than
 * the rows to write. The text is checked JSON (wa_json_raw). Found in one
 * walk, before the layout's two passes (an article may name fifty). NULL
 * with n 0 when there are none; -ENOMEM.
 */
static int find_raw_entities(const char *json, struct raw_entity **ret, size_t *ret_n)
{
	size_t len = strlen(json), pos = 0, start, end, n = 0, cap = 0;
	struct raw_entity *v = NULL;

	while (wa_json_array_next(json, len, &pos, &start, &end) > 0) {
		struct entity_spans e;

		if (!find_entity_members(json + start, end - start, &e))
			continue;
		if (n == cap) {
			size_t c = cap ? cap * 2 : 32;
			struct raw_entity *nv = realloc(v, c * sizeof(*nv));

			if (!nv) {
				free(v);
				return -ENOMEM;
			}
			v = nv, cap = c;
		}
		v[n++] = (struct raw_entity){ .object = json + start, .members = e };
	}
	*ret = v;
	*ret_n = n;
	return 0;
}

/* A JSON number as a count: plain digits read here, anything else by strtod. */
static bool mentions_of(const char *number, size_t len, int64_t *ret)
{
	char copy[64];
	int64_t v = 0;
	size_t i = 0;

	while (i < len && i < 18 && number[i] >= '0' && number[i] <= '9')
		v = v * 10 + (number[i++] - '0');
	if (i == len && len > 0) {
		*ret = v;
		return true;
	}
	/* Checked JSON holds no number longer than cJSON's 63 bytes. */
	if (len >= sizeof(copy) || !strchr("-0123456789", number[0]))
		return false;
	memcpy(copy, number, len);
	copy[len] = '\0';
	return count_of(strtod(copy, NULL), ret);
}

static void lay_out_raw_entities(struct layout *l, struct wa_store_row *row,
				 const struct raw_entity *v, size_t n)
{
	row->entities = take_array(l, n, sizeof(*row->entities));
	row->n_entities = n;
	for (size_t i = 0; i < n; i++) {
		const char *object = v[i].object;
		const struct entity_spans *e = &v[i].members;
		struct wa_store_entity entity = { 0 };

		entity.type = copy_json_string(l, object, e->type[0], e->type[1]);
		entity.name = copy_json_string(l, object, e->name[0], e->name[1]);
		if (e->code[1])
			entity.code = copy_json_string(l, object, e->code[0], e->code[1]);
		if (e->mentions[1])
			entity.has_mentions =
				mentions_of(object + e->mentions[0],
					    e->mentions[1] - e->mentions[0], &entity.mentions);
		if (row->entities)
			row->entities[i] = entity;
	}
}

static void lay_out_entities(struct layout *l, struct wa_store_row *row, const cJSON *entities,
			     const struct raw_entity *raw, size_t n_raw)
{
	const cJSON *item;
	size_t n = 0;

	if (cJSON_IsRaw(entities)) {
		lay_out_raw_entities(l, row, raw, n_raw);
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
		    const char *json, size_t len, size_t cut_start, size_t cut_end,
		    const struct raw_entity *raw, size_t n_raw)
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
	lay_out_entities(l, row, member(record, "entities"), raw, n_raw);
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
	const cJSON *entities = member(record, "entities");
	struct layout l = { 0 };
	struct wa_store_row measured, *row;
	struct raw_entity *raw = NULL;
	size_t cut_start = 0, cut_end = 0, n_raw = 0;
	int r;

	if (!cJSON_IsObject(record) || !wa_json_get_string(record, "id"))
		return -EINVAL;
	r = wa_json_member_span(json, len, "text", &cut_start, &cut_end);
	if (r >= 0 && cJSON_IsRaw(entities))
		r = find_raw_entities(entities->valuestring, &raw, &n_raw);
	if (r < 0)
		return r;
	take(&l, sizeof(measured), _Alignof(max_align_t));
	lay_out(&l, &measured, record, json, len, cut_start, cut_end, raw, n_raw);
	l = (struct layout){ .block = malloc(l.used) };
	if (!l.block) {
		free(raw);
		return -ENOMEM;
	}
	row = take(&l, sizeof(*row), _Alignof(max_align_t));
	lay_out(&l, row, record, json, len, cut_start, cut_end, raw, n_raw);
	free(raw);
	*ret_row = row;
	return 0;
}
