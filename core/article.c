/* SPDX-License-Identifier: MIT */
/*
 * The article model.
 *
 * The record is kept as a cJSON tree from the start, in the field order of
 * DESIGN.md, so that plugins can add any field without a core change and
 * serialisation is a single print. The raw input bytes sit beside it and
 * never enter the record.
 */
#include "article.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"
#include "id.h"
#include "json.h"

struct wa_article {
	char id[WA_ID_SIZE];
	char *source_file;
	void *raw;
	size_t raw_len;
	cJSON *fields;
	char *rejection;
	char *record;
	size_t record_len;
	struct wa_article **children;
	size_t n_children;
	struct memo {
		char *key;
		void *data;
		void (*free_data)(void *);
	} * memos;
	size_t n_memos;
};

static void format_time(time_t t, char *buf, size_t size)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int init_fields(struct wa_article *a, time_t received)
{
	char when[32];
	cJSON *source;
	int r;

	format_time(received, when, sizeof(when));
	a->fields = cJSON_CreateObject();
	if (!a->fields)
		return -ENOMEM;
	r = wa_json_set(a->fields, "warta", cJSON_CreateNumber(1));
	if (r == 0)
		r = wa_json_set(a->fields, "id", cJSON_CreateString(a->id));
	if (r == 0)
		r = wa_json_set(a->fields, "received", cJSON_CreateString(when));
	if (r < 0)
		return r;
	source = cJSON_CreateObject();
	r = wa_json_set(a->fields, "source", source);
	if (r < 0)
		return r;
	r = wa_json_set(source, "file", cJSON_CreateString(a->source_file));
	if (r == 0)
		r = wa_json_set(source, "bytes", cJSON_CreateNumber((double)a->raw_len));
	return r;
}

struct wa_article *wa_article_new(const char *source_file, void *raw, size_t len, const char *id,
				  time_t received)
{
	struct wa_article *a = calloc(1, sizeof(*a));

	if (!a) {
		free(raw);
		return NULL;
	}
	a->raw = raw;
	a->raw_len = len;
	if (id)
		snprintf(a->id, sizeof(a->id), "%s", id);
	else
		wa_id_of(raw, len, a->id);
	a->source_file = strdup(source_file);
	if (!a->source_file || init_fields(a, received) < 0) {
		wa_article_free(a);
		return NULL;
	}
	return a;
}

static void drop_memos(struct wa_article *a)
{
	for (size_t i = 0; i < a->n_memos; i++) {
		if (a->memos[i].free_data)
			a->memos[i].free_data(a->memos[i].data);
		free(a->memos[i].key);
	}
	free(a->memos);
	a->memos = NULL;
	a->n_memos = 0;
}

void *wa_article_memo(const struct wa_article *a, const char *key)
{
	for (size_t i = 0; i < a->n_memos; i++)
		if (strcmp(a->memos[i].key, key) == 0)
			return a->memos[i].data;
	return NULL;
}

int wa_article_set_memo(struct wa_article *a, const char *key, void *data,
			void (*free_data)(void *))
{
	struct memo *v = realloc(a->memos, (a->n_memos + 1) * sizeof(*v));
	char *copy = strdup(key);

	if (v)
		a->memos = v;
	if (!v || !copy) {
		free(copy);
		if (free_data)
			free_data(data);
		return -ENOMEM;
	}
	for (size_t i = 0; i < a->n_memos; i++) {
		if (strcmp(a->memos[i].key, key) == 0) {
			if (a->memos[i].free_data)
				a->memos[i].free_data(a->memos[i].data);
			a->memos[i].data = data;
			a->memos[i].free_data = free_data;
			free(copy);
			return 0;
		}
	}
	a->memos[a->n_memos++] = (struct memo){ copy, data, free_data };
	return 0;
}

/* Every field setter goes through here: a new text makes what was derived from the old one stale.
 */
static int set_field(struct wa_article *a, const char *field, cJSON *item)
{
	if (strcmp(field, "text") == 0)
		drop_memos(a);
	return wa_json_set_path(a->fields, field, item);
}

/*
 * Every field reader goes through here. A field set as JSON text stays
 * text until it is read inside (json.h): expanding it fills a cache in the
 * article, which is why a reader of a const article may do it. An article
 * is only ever in one thread's hands.
 */
static cJSON *get_field(const struct wa_article *a, const char *field)
{
	cJSON *item = wa_json_get_path(a->fields, field);

	return item && wa_json_expand(item) == 0 ? item : NULL;
}

void wa_article_free(struct wa_article *a)
{
	if (!a)
		return;
	drop_memos(a);
	for (size_t i = 0; i < a->n_children; i++)
		wa_article_free(a->children[i]);
	free(a->children);
	cJSON_Delete(a->fields);
	free(a->source_file);
	free(a->raw);
	free(a->rejection);
	free(a->record);
	free(a);
}

const char *wa_article_id(const struct wa_article *a)
{
	return a->id;
}

const char *wa_article_source_file(const struct wa_article *a)
{
	return a->source_file;
}

const void *wa_article_raw(const struct wa_article *a, size_t *ret_len)
{
	*ret_len = a->raw_len;
	return a->raw;
}

int wa_article_set_string(struct wa_article *a, const char *field, const char *value)
{
	return set_field(a, field, cJSON_CreateString(value));
}

int wa_article_set_stringn(struct wa_article *a, const char *field, const char *value, size_t len)
{
	char *copy = strndup(value, len);
	int r;

	if (!copy)
		return -ENOMEM;
	r = wa_article_set_string(a, field, copy);
	free(copy);
	return r;
}

int wa_article_set_number(struct wa_article *a, const char *field, double value)
{
	return set_field(a, field, cJSON_CreateNumber(value));
}

int wa_article_set_bool(struct wa_article *a, const char *field, bool value)
{
	return set_field(a, field, cJSON_CreateBool(value));
}

int wa_article_set_json(struct wa_article *a, const char *field, const char *json)
{
	cJSON *value;
	int r;

	r = wa_json_raw(json, strlen(json), &value, NULL);
	if (r < 0)
		return r;
	return set_field(a, field, value);
}

const char *wa_article_get_string(const struct wa_article *a, const char *field)
{
	const cJSON *item = get_field(a, field);

	return cJSON_IsString(item) ? item->valuestring : NULL;
}

char *wa_article_get_json(const struct wa_article *a, const char *field)
{
	const cJSON *item = wa_json_get_path(a->fields, field); /* printed as it is, raw or not */

	return item ? wa_json_print(item) : NULL;
}

int wa_article_set_text(struct wa_article *a, const char *text, size_t len)
{
	return wa_article_set_stringn(a, "text", text, len);
}

const char *wa_article_text(const struct wa_article *a)
{
	return wa_article_get_string(a, "text");
}

bool wa_article_has_text(const struct wa_article *a)
{
	return wa_article_text(a) != NULL;
}

int wa_article_set_title(struct wa_article *a, const char *title)
{
	return wa_article_set_string(a, "title", title);
}

const char *wa_article_title(const struct wa_article *a)
{
	return wa_article_get_string(a, "title");
}

/* The array at fields[key], created empty if missing. */
static cJSON *get_array(struct wa_article *a, const char *key)
{
	cJSON *array = cJSON_GetObjectItemCaseSensitive(a->fields, key);

	/* A list set as text that cannot be expanded (out of memory) is kept, not replaced. */
	if (array && wa_json_expand(array) < 0)
		return NULL;
	if (cJSON_IsArray(array))
		return array;
	if (wa_json_set(a->fields, key, cJSON_CreateArray()) < 0)
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(a->fields, key);
}

int wa_article_add_removed(struct wa_article *a, const char *kind, const char *text, size_t len)
{
	cJSON *removed = get_array(a, "removed"), *entry;
	char *copy = strndup(text, len);
	int r = -ENOMEM;

	if (!removed || !copy)
		goto out;
	entry = cJSON_CreateObject();
	if (!entry)
		goto out;
	r = wa_json_set(entry, "kind", cJSON_CreateString(kind));
	if (r == 0)
		r = wa_json_set(entry, "text", cJSON_CreateString(copy));
	if (r == 0 && !cJSON_AddItemToArray(removed, entry))
		r = -ENOMEM;
	if (r < 0)
		cJSON_Delete(entry);
out:
	free(copy);
	return r;
}

int wa_article_for_each_removed(const struct wa_article *a,
				int (*fn)(void *data, const char *kind, const char *text),
				void *data)
{
	const cJSON *entry;

	cJSON_ArrayForEach(entry, get_field(a, "removed"))
	{
		int r = fn(data, wa_json_get_string(entry, "kind"),
			   wa_json_get_string(entry, "text"));

		if (r < 0)
			return r;
	}
	return 0;
}

static cJSON *find_tag(const struct wa_article *a, const char *name)
{
	const cJSON *tags = get_field(a, "tags");
	cJSON *tag;

	cJSON_ArrayForEach(tag, tags)
	{
		const char *n = wa_json_get_string(tag, "name");

		if (n && strcmp(n, name) == 0)
			return tag;
	}
	return NULL;
}

int wa_article_add_rule_tag(struct wa_article *a, const char *name, double score, const char *rule,
			    const char *reason, const char *meta_json)
{
	cJSON *tags, *tag = find_tag(a, name);
	int r;

	if (tag) {
		cJSON *old = cJSON_GetObjectItemCaseSensitive(tag, "score");

		if (cJSON_IsNumber(old) && old->valuedouble < score)
			cJSON_SetNumberValue(old, score);
		return 0;
	}
	tags = get_array(a, "tags");
	if (!tags)
		return -ENOMEM;
	tag = cJSON_CreateObject();
	if (!tag)
		return -ENOMEM;
	r = wa_json_set(tag, "name", cJSON_CreateString(name));
	if (r == 0)
		r = wa_json_set(tag, "score", cJSON_CreateNumber(score));
	if (r == 0 && rule)
		r = wa_json_set(tag, "rule", cJSON_CreateString(rule));
	if (r == 0 && reason)
		r = wa_json_set(tag, "reason", cJSON_CreateString(reason));
	if (r == 0 && meta_json) {
		cJSON *meta;

		r = wa_json_parse(meta_json, strlen(meta_json), &meta, NULL);
		if (r == 0)
			r = wa_json_set(tag, "meta", meta);
	}
	if (r < 0) {
		cJSON_Delete(tag);
		return r;
	}
	return wa_json_append(tags, tag);
}

int wa_article_add_tag(struct wa_article *a, const char *name, double score, const char *rule)
{
	return wa_article_add_rule_tag(a, name, score, rule, NULL, NULL);
}

int wa_article_set_item(struct wa_article *a, const char *field, cJSON *item)
{
	if (!item)
		return -ENOMEM;
	return set_field(a, field, item);
}

bool wa_article_has_tag(const struct wa_article *a, const char *name)
{
	return find_tag(a, name) != NULL;
}

int wa_article_add_error(struct wa_article *a, const char *plugin, const char *fmt, ...)
{
	char message[512];
	cJSON *errors, *error;
	va_list ap;
	int r;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	errors = get_array(a, "errors");
	error = cJSON_CreateObject();
	if (!errors || !error) {
		cJSON_Delete(error);
		return -ENOMEM;
	}
	r = wa_json_set(error, "plugin", cJSON_CreateString(plugin));
	if (r == 0)
		r = wa_json_set(error, "error", cJSON_CreateString(message));
	if (r < 0) {
		cJSON_Delete(error);
		return r;
	}
	return wa_json_append(errors, error);
}

int wa_article_reject(struct wa_article *a, const char *fmt, ...)
{
	char message[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	free(a->rejection);
	a->rejection = strdup(message);
	return a->rejection ? 0 : -ENOMEM;
}

const char *wa_article_rejection(const struct wa_article *a)
{
	return a->rejection;
}

int wa_article_spawn(struct wa_article *parent, const void *raw, size_t len,
		     struct wa_article **ret_child)
{
	struct wa_article **children, *child;
	const cJSON *received = get_field(parent, "received");
	void *copy = malloc(len ? len : 1);
	int r;

	if (!copy)
		return -ENOMEM;
	memcpy(copy, raw, len);
	children = realloc(parent->children, (parent->n_children + 1) * sizeof(*children));
	if (!children) {
		free(copy);
		return -ENOMEM;
	}
	parent->children = children;
	child = wa_article_new(parent->source_file, copy, len, NULL, time(NULL));
	if (!child)
		return -ENOMEM;
	/* A child shares its parent's arrival, not the moment it was split off. */
	r = wa_json_set(child->fields, "received", cJSON_Duplicate(received, true));
	if (r < 0) {
		wa_article_free(child);
		return r;
	}
	parent->children[parent->n_children++] = child;
	*ret_child = child;
	return 0;
}

size_t wa_article_n_children(const struct wa_article *a)
{
	return a->n_children;
}

struct wa_article *wa_article_child(const struct wa_article *a, size_t i)
{
	return i < a->n_children ? a->children[i] : NULL;
}

void wa_article_replace_fields(struct wa_article *a, cJSON *fields)
{
	cJSON_Delete(a->fields);
	a->fields = fields;
	free(a->record);
	a->record = NULL;
	a->record_len = 0;
}

int wa_article_finish(struct wa_article *a)
{
	free(a->record);
	a->record = wa_json_print(a->fields);
	if (!a->record)
		return -ENOMEM;
	a->record_len = strlen(a->record);
	return 0;
}

const char *wa_article_record(const struct wa_article *a, size_t *ret_len)
{
	if (ret_len)
		*ret_len = a->record_len;
	return a->record;
}

const struct cJSON *wa_article_fields(const struct wa_article *a)
{
	wa_json_expand(a->fields); /* out of memory leaves raw nodes, which read as absent */
	return a->fields;
}

const struct cJSON *wa_article_field(const struct wa_article *a, const char *field)
{
	return get_field(a, field);
}

const struct cJSON *wa_article_fields_of(const struct wa_article *a, const char *const *names)
{
	for (; *names; names++)
		(void)get_field(a, *names); /* out of memory leaves a raw node, read as absent */
	return a->fields;
}
