/* SPDX-License-Identifier: MIT */
/*
 * The article model, core side: construction, children and the record.
 * Plugins see only warta/article.h; this adds what the pipeline needs.
 */
#ifndef WA_ARTICLE_INTERNAL_H
#define WA_ARTICLE_INTERNAL_H

#include <stdint.h>
#include <time.h>

#include "warta/article.h"

/*
 * Creates an article from `len` bytes at `raw`, taking ownership of raw
 * (a malloc'd buffer, freed with the article). `id` is the precomputed id
 * of those bytes, or NULL to compute it. Returns NULL only on OOM, in which
 * case raw is freed too.
 */
struct wa_article *wa_article_new(const char *source_file, void *raw, size_t len, const char *id,
				  time_t received);
/* Frees the article and its children. NULL is a no-op. */
void wa_article_free(struct wa_article *article);

size_t wa_article_n_children(const struct wa_article *article);
/* Borrowed; i < wa_article_n_children(). */
struct wa_article *wa_article_child(const struct wa_article *article, size_t i);

/* True once a plugin has set text: the article yields a record. */
bool wa_article_has_text(const struct wa_article *article);

/*
 * Serialises the record (done once, on the worker thread, after the last
 * analysis stage). Later calls to wa_article_record() return it.
 */
int wa_article_finish(struct wa_article *article);

/*
 * wa_article_add_tag() with what the rules stage adds: why (NULL for none)
 * and the rule's meta as a JSON object (NULL for none).
 */
int wa_article_add_rule_tag(struct wa_article *article, const char *name, double score,
			    const char *rule, const char *reason, const char *meta_json);

/* Sets a field to a cJSON value, taking ownership of item even on failure (NULL: -ENOMEM). */
struct cJSON;
int wa_article_set_item(struct wa_article *article, const char *field, struct cJSON *item);

/*
 * Makes fields (a record's parse tree, taken over) the article's fields:
 * a stored record becomes an article again, for `warta retro`.
 */
void wa_article_replace_fields(struct wa_article *article, struct cJSON *fields);

/*
 * The record's parse tree, for the store, Lua bindings and tests.
 * Borrowed. Fields set as JSON text are parsed on the way (json.h), all of
 * them here, only the one asked for by wa_article_field() (a dotted path;
 * NULL if absent).
 */
const struct cJSON *wa_article_fields(const struct wa_article *article);
const struct cJSON *wa_article_field(const struct wa_article *article, const char *field);
/*
 * The tree with only the named top-level fields parsed (a NULL-terminated
 * list); others set as JSON text may stay cJSON_Raw nodes, which the
 * caller must not read into. The store reads a few fields of every
 * article: parsing all of them cost it more than its own rows did.
 */
const struct cJSON *wa_article_fields_of(const struct wa_article *article,
					 const char *const *names);

#endif
