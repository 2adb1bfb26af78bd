/* SPDX-License-Identifier: MIT */
/*
 * ingest_json: articles as crawlers and scrapers emit them.
 *
 * A file holding one JSON object is one article; a JSON array, or JSON
 * Lines (one object per line), holds many, and each becomes an article of
 * its own whose id is the hash of that item, not of the file. Which member
 * holds the title, the text and the rest is configurable (comma-separated
 * names, the first present wins), with defaults that cover the common
 * crawlers in English and Indonesian. Content that does not parse as JSON
 * is declined for the next ingest plugin (a text article may well start
 * with "[Foto]"), unless the file is named *.json, *.jsonl or *.ndjson: then
 * it is refused with the byte offset where it broke. In JSON Lines a bad
 * line is logged and skipped and the other lines still become articles.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <warta/plugin.h>

#include "../common/datetime.h"
#include "../common/html_text.h"
#include "../common/rfc822.h"

#define MAX_NAMES 16

struct ingest_json_config {
	const char *title, *text, *url, *published, *authors, *outlet;
};

struct ingest_json {
	const struct wa_plugin_ctx *ctx;
	const struct ingest_json_config *config;
};

static int ingest_json_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	struct ingest_json *ij = calloc(1, sizeof(*ij));

	if (!ij)
		return -ENOMEM;
	wp_libxml_init();
	ij->ctx = ctx;
	ij->config = wa_plugin_ctx_config(ctx);
	*ret_state = ij;
	return 0;
}

static void ingest_json_fini(void *state)
{
	free(state);
}

/* The first member of object named in `names` (comma-separated) that is present. */
static const cJSON *member(const cJSON *object, const char *names)
{
	const char *p = names;

	while (*p) {
		size_t len = strcspn(p, ",");
		char name[64];

		if (len > 0 && len < sizeof(name)) {
			const cJSON *item;

			memcpy(name, p, len);
			name[len] = '\0';
			item = cJSON_GetObjectItemCaseSensitive(object, name);
			if (item && !cJSON_IsNull(item))
				return item;
		}
		p += len;
		p += *p == ',';
	}
	return NULL;
}

/* A string member, or the "name" of an object member (authors and publishers often are). */
static const char *string_of(const cJSON *item)
{
	if (cJSON_IsString(item))
		return item->valuestring;
	if (cJSON_IsObject(item)) {
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(item, "name");

		return cJSON_IsString(name) ? name->valuestring : NULL;
	}
	return NULL;
}

/*
 * The date as ISO 8601, as the record keeps it: "Mon, 30 Nov 2026 14:05:00
 * +0700" (feeds turned JSON), "2026-11-30 14:05:00" (news-watch); other
 * forms as given.
 */
static int set_published(struct wa_article *a, const char *date)
{
	char iso[64], *copy;
	int r;

	if (wp_rfc822_to_iso(date, iso, sizeof(iso)))
		return wa_article_set_string(a, "published", iso);
	if (!(copy = strdup(date)))
		return -ENOMEM;
	wp_iso_datetime(copy);
	r = wa_article_set_string(a, "published", copy);
	free(copy);
	return r;
}

static int set_authors(struct wa_article *a, const cJSON *item)
{
	cJSON *names = cJSON_CreateArray();
	const cJSON *one;
	char *json;
	int r;

	if (!names)
		return -ENOMEM;
	if (cJSON_IsArray(item)) {
		cJSON_ArrayForEach(one, item)
		{
			if (string_of(one))
				cJSON_AddItemToArray(names, cJSON_CreateString(string_of(one)));
		}
	} else if (string_of(item)) {
		cJSON_AddItemToArray(names, cJSON_CreateString(string_of(item)));
	}
	json = cJSON_PrintUnformatted(names);
	cJSON_Delete(names);
	if (!json)
		return -ENOMEM;
	r = wa_article_set_json(a, "authors", json);
	free(json);
	return r;
}

/* Fills article from one JSON object. Returns 0, a negative errno, or 1 if it has no text. */
static int fill(const struct ingest_json_config *c, struct wa_article *a, const cJSON *object)
{
	const char *text = string_of(member(object, c->text));
	const char *title = string_of(member(object, c->title));
	const cJSON *authors = member(object, c->authors);
	int r;

	if (!text || !text[strspn(text, " \t\r\n")])
		return 1;
	r = wa_article_set_string(a, "source.format", "json");
	/* Scrapers often keep the body's markup ("<p>...</p>"): read it as a page's. */
	if (r == 0)
		r = wp_html_set_body(a, text);
	if (r == 0 && title)
		r = wa_article_set_title(a, title);
	if (r == 0 && string_of(member(object, c->url)))
		r = wa_article_set_string(a, "source.url", string_of(member(object, c->url)));
	if (r == 0 && string_of(member(object, c->published)))
		r = set_published(a, string_of(member(object, c->published)));
	if (r == 0 && string_of(member(object, c->outlet)))
		r = wa_article_set_string(a, "outlet", string_of(member(object, c->outlet)));
	if (r == 0 && authors)
		r = set_authors(a, authors);
	return r;
}

/* Makes one child article of an item. Returns 0, 1 for an item without text, or -errno. */
static int spawn(const struct ingest_json_config *c, struct wa_article *parent, const cJSON *item)
{
	struct wa_article *child;
	char *bytes;
	int r;

	if (!cJSON_IsObject(item))
		return 1;
	/* The item's own bytes (normalised), so that its id does not depend on its neighbours. */
	bytes = cJSON_PrintUnformatted(item);
	if (!bytes)
		return -ENOMEM;
	r = wa_article_spawn(parent, bytes, strlen(bytes), &child);
	free(bytes);
	return r < 0 ? r : fill(c, child, item);
}

static const char *skip_space(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		s++;
	return s;
}

static int json_lines(struct ingest_json *ij, struct wa_article *a, const char *s, const char *end)
{
	size_t line_no = 0, n_items = 0, n_bad = 0;
	int r = 0;

	while (s < end && r >= 0) {
		const char *eol = memchr(s, '\n', (size_t)(end - s)), *stop;
		const char *parse_end = NULL;
		cJSON *item;

		eol = eol ? eol : end;
		line_no++;
		stop = skip_space(s, eol);
		if (stop == eol) {
			s = eol + 1;
			continue;
		}
		item = cJSON_ParseWithLengthOpts(s, (size_t)(eol - s), &parse_end, 0);
		if (!item || skip_space(parse_end, eol) != eol) {
			wa_plugin_log(
				ij->ctx, WA_LOG_WARNING,
				"'%s' line %zu: malformed JSON at byte %zu of the line, skipping",
				wa_article_source_file(a), line_no,
				(size_t)((parse_end ? parse_end : s) - s));
			n_bad++;
		} else {
			r = spawn(ij->config, a, item);
			n_items += r == 0;
			n_bad += r == 1;
			if (r == 1)
				r = 0;
		}
		cJSON_Delete(item);
		s = eol + 1;
	}
	if (r < 0)
		return r;
	if (n_items == 0)
		return wa_article_reject(a, "refused: no article in %zu JSON line(s)", line_no);
	return 0;
}

static bool is_named_json(const struct wa_article *a)
{
	const char *name = wa_article_source_file(a), *dot = strrchr(name, '.');

	return dot && (strcmp(dot, ".json") == 0 || strcmp(dot, ".jsonl") == 0 ||
		       strcmp(dot, ".ndjson") == 0);
}

static int ingest_json_process(void *state, struct wa_article *a)
{
	struct ingest_json *ij = state;
	size_t len;
	const char *raw = wa_article_raw(a, &len), *end = raw + len, *s = raw, *parse_end = NULL;
	cJSON *root;
	int r;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	s = skip_space(s, end);
	if (s == end || (*s != '{' && *s != '['))
		return WA_PLUGIN_DECLINED;
	root = cJSON_ParseWithLengthOpts(s, (size_t)(end - s), &parse_end, 0);
	if (root && skip_space(parse_end, end) != end) {
		/* One object, then more: JSON Lines. */
		cJSON_Delete(root);
		return json_lines(ij, a, s, end);
	}
	if (!root) {
		/* A first line that is a whole object: JSON Lines with a bad line somewhere. */
		const char *eol = memchr(s, '\n', (size_t)(end - s));
		cJSON *first = eol && *s == '{'
				       ? cJSON_ParseWithLengthOpts(s, (size_t)(eol - s), NULL, 0)
				       : NULL;

		if (first) {
			cJSON_Delete(first);
			return json_lines(ij, a, s, end);
		}
		if (!is_named_json(a))
			return WA_PLUGIN_DECLINED;
		return wa_article_reject(a, "refused: malformed JSON at byte %zu",
					 (size_t)((parse_end ? parse_end : s) - raw));
	}
	if (cJSON_IsArray(root)) {
		const cJSON *item;
		size_t n = 0, skipped = 0;

		r = 0;
		cJSON_ArrayForEach(item, root)
		{
			r = spawn(ij->config, a, item);
			if (r < 0)
				break;
			n += r == 0;
			skipped += r == 1;
		}
		if (r >= 0 && skipped > 0)
			wa_plugin_log(ij->ctx, WA_LOG_WARNING,
				      "'%s': %zu item(s) without text (tried: %s), skipping",
				      wa_article_source_file(a), skipped, ij->config->text);
		r = r < 0    ? r
		    : n == 0 ? wa_article_reject(a,
						 "refused: no article in the JSON array "
						 "(no item has a text member: %s)",
						 ij->config->text)
			     : 0;
	} else if (cJSON_IsObject(root)) {
		r = fill(ij->config, a, root);
		if (r == 1)
			r = wa_article_reject(a, "refused: a JSON object without text (tried: %s)",
					      ij->config->text);
	} else {
		r = wa_article_reject(a, "refused: JSON, but neither an object nor an array");
	}
	cJSON_Delete(root);
	return r;
}

static const struct wa_option ingest_json_options[] = {
	{ "title", WA_OPTION_STRING, "title,headline,judul",
	  offsetof(struct ingest_json_config, title),
	  "members holding the title, first found wins" },
	{ "text", WA_OPTION_STRING, "text,content,body,articleBody,article,isi",
	  offsetof(struct ingest_json_config, text), "members holding the article's text" },
	{ "url", WA_OPTION_STRING, "url,link,canonical", offsetof(struct ingest_json_config, url),
	  "members holding the address (source.url)" },
	{ "published", WA_OPTION_STRING,
	  "published,datePublished,date,published_at,publishedAt,publish_date,published_date,"
	  "pubDate,tanggal",
	  offsetof(struct ingest_json_config, published), "members holding the publication date" },
	{ "authors", WA_OPTION_STRING, "authors,author,byline,penulis",
	  offsetof(struct ingest_json_config, authors),
	  "members holding the authors (a string, names, or objects with a name)" },
	{ "outlet", WA_OPTION_STRING, "outlet,publisher,source,site",
	  offsetof(struct ingest_json_config, outlet), "members holding the outlet's name" },
	{ 0 },
};

WA_PLUGIN_DEFINE(ingest_json) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "ingest_json",
	.summary = "Crawler JSON: one object, an array, or JSON Lines; one article per item",
	.kind = WA_PLUGIN_INGEST,
	.options = ingest_json_options,
	.config_size = sizeof(struct ingest_json_config),
	.init = ingest_json_init,
	.process = ingest_json_process,
	.fini = ingest_json_fini,
};
