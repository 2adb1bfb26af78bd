/* SPDX-License-Identifier: MIT */
/*
 * The article: what every plugin reads and fills.
 *
 * An article starts as the bytes of one inbox file (or one item of a
 * multi-article file) with its id, the xxh3-128 of those bytes. Ingest
 * plugins decode the bytes into text and metadata, analysis plugins add
 * fields, and output plugins read the finished JSON record. Field names are
 * the public record of DESIGN.md: setters may add fields, never rename them.
 *
 * An article is owned by the pipeline; plugins borrow it for one process()
 * call and must not keep pointers into it afterwards. Setters copy their
 * arguments. All functions returning int give 0 or -errno (-ENOMEM,
 * -EINVAL for a malformed field path or JSON value).
 */
#ifndef WARTA_ARTICLE_H
#define WARTA_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

struct wa_article;

#define WA_ARTICLE_ID_LEN 32 /* lowercase hex of the 128-bit hash */

const char *wa_article_id(const struct wa_article *article);
/* The inbox file name the article came from (without directory). */
const char *wa_article_source_file(const struct wa_article *article);
/* The undecoded input bytes, for ingest plugins. Not NUL-terminated. */
const void *wa_article_raw(const struct wa_article *article, size_t *ret_len);

/*
 * Field setters. `field` is a dotted path into the record ("title",
 * "source.format", "spam.score"); missing objects on the path are created.
 * wa_article_set_json() parses `json` and stores the value, for fields with
 * structure (lists of entities, quotes, ...).
 */
int wa_article_set_string(struct wa_article *article, const char *field, const char *value);
int wa_article_set_stringn(struct wa_article *article, const char *field, const char *value,
			   size_t len);
int wa_article_set_number(struct wa_article *article, const char *field, double value);
int wa_article_set_bool(struct wa_article *article, const char *field, bool value);
int wa_article_set_json(struct wa_article *article, const char *field, const char *json);

/* A string field's value, or NULL if absent or not a string. Borrowed. */
const char *wa_article_get_string(const struct wa_article *article, const char *field);

/*
 * Any field as compact JSON (caller frees), for stages that read what an
 * earlier one built ("removed", "dates"); NULL if absent or out of memory.
 */
char *wa_article_get_json(const struct wa_article *article, const char *field);

/* Shorthands for the fields every stage uses. */
int wa_article_set_text(struct wa_article *article, const char *text, size_t len);
const char *wa_article_text(const struct wa_article *article);
int wa_article_set_title(struct wa_article *article, const char *title);
const char *wa_article_title(const struct wa_article *article);

/*
 * Appends {"kind", "text"} to removed[]: what a cleaning stage took out of
 * the text ("promo", "related", "spam", "header", ...). The analyst sees
 * what went, and later stages read metadata lines (bylines, the dateline,
 * header dates) from here rather than from the text.
 */
int wa_article_add_removed(struct wa_article *article, const char *kind, const char *text,
			   size_t len);

/*
 * Calls fn for each entry of removed[] in order, with its kind and text
 * (either NULL if the entry is malformed; borrowed for the call). A
 * negative return from fn stops the walk and is returned; else 0. How
 * later stages read the lines an earlier one set aside, without copying
 * the record.
 */
int wa_article_for_each_removed(const struct wa_article *article,
				int (*fn)(void *data, const char *kind, const char *text),
				void *data);

/*
 * What a plugin derived from the current text (its tokens, say), kept for
 * the plugins after it in the same run under a name they agree on
 * ("warta.tokens"). The article owns `data` once it is set (also when
 * setting fails) and frees it with free_data (may be NULL); setting a key
 * again replaces its data. A new text drops every memo, so none outlives
 * the text it was computed from. wa_article_memo() gives NULL if absent.
 */
void *wa_article_memo(const struct wa_article *article, const char *key);
int wa_article_set_memo(struct wa_article *article, const char *key, void *data,
			void (*free_data)(void *));
/* Appends {"name", "score", "rule"} to tags[]; a second tag of the same name keeps the higher
 * score. */
int wa_article_add_tag(struct wa_article *article, const char *name, double score,
		       const char *rule);
bool wa_article_has_tag(const struct wa_article *article, const char *name);

/*
 * Records a plugin's failure on this article in errors[] ({"plugin",
 * "error"}); the pipeline goes on with the next plugin.
 */
int wa_article_add_error(struct wa_article *article, const char *plugin, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Refuses the input: the file goes to failed/ with this reason instead of
 * producing a record. For ingest plugins that recognise a format but find
 * the content unusable (binary, truncated beyond repair).
 */
int wa_article_reject(struct wa_article *article, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The rejection reason, or NULL if the article was not rejected. */
const char *wa_article_rejection(const struct wa_article *article);

/*
 * For formats holding many articles (feeds, JSON arrays): creates a new
 * article from `raw` (copied; its id is the hash of these bytes) with the
 * same source file, queued to run through the rest of the pipeline after
 * this one. The parent keeps ownership of the child; *ret_child is
 * borrowed for the current process() call. An ingest plugin that spawns
 * children and sets no text on the parent makes the parent a container
 * that produces no record of its own.
 */
int wa_article_spawn(struct wa_article *parent, const void *raw, size_t len,
		     struct wa_article **ret_child);

/*
 * The finished record as compact JSON, for output plugins. Valid until
 * the article is freed. NULL before the analysis stages have run.
 */
const char *wa_article_record(const struct wa_article *article, size_t *ret_len);

#endif
