/* SPDX-License-Identifier: MIT */
/*
 * duplicates: the article's near-duplicate fingerprint as `simhash` (16
 * hex digits: a one-bit MinHash, see fingerprint.h, under the field name
 * DESIGN.md gives it) and, in `duplicates`, the ids of earlier articles
 * whose cleaned text is within max_distance bits of it: syndicated copies under another outlet's
 * header, spam sites' rewrites, the same story sent twice with a new
 * headline. Exact copies never get this far (the spool takes identical
 * bytes as one article); these are the near ones.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <warta/plugin.h>

#include "../common/tokens.h"
#include "fingerprint.h"
#include "index.h"

/* Fewer shingles than this make a hash that matches too much by chance. */
#define MIN_FEATURES 12

struct duplicates_config {
	int64_t max_distance;
	int64_t window;
	bool index;
};

struct duplicates {
	struct index index;
	bool use_index;
};

#define STRINGIFY(x)           #x
#define INDEX_FILE_OF(version) "simhash-" STRINGIFY(version) ".idx"
/* The file of each fingerprint version: one of another version would only match by chance. */
#define INDEX_FILE        INDEX_FILE_OF(FINGERPRINT_VERSION)
#define LEGACY_INDEX_FILE "simhash.idx" /* version 1 */

/* The index of an earlier fingerprint version: its near-duplicates can no longer be found. */
static void drop_legacy_index(const struct wa_plugin_ctx *ctx, const char *state)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/" LEGACY_INDEX_FILE, state);
	if (unlink(path) == 0)
		wa_plugin_log(ctx, WA_LOG_INFO,
			      "%s: fingerprints of an earlier version, removed; articles from "
			      "before are no longer found as near-duplicates",
			      path);
}

static int duplicates_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	const struct duplicates_config *c = wa_plugin_ctx_config(ctx);
	struct duplicates *d = calloc(1, sizeof(*d));
	char path[4096];
	int r;

	if (!d)
		return -ENOMEM;
	if (c->max_distance < 0 || c->max_distance > INDEX_MAX_DISTANCE) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "max_distance must be 0 to %d, not %" PRId64,
			      INDEX_MAX_DISTANCE, c->max_distance);
		free(d);
		return -EINVAL;
	}
	if (c->window < 0) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "window must be 0 (all) or more, not %" PRId64,
			      c->window);
		free(d);
		return -EINVAL;
	}
	d->use_index = c->index;
	const char *state = wa_plugin_ctx_state_dir(ctx);
	bool on_disk = d->use_index && state && *state;

	if (on_disk) {
		snprintf(path, sizeof(path), "%s/" INDEX_FILE, state);
		if (wa_plugin_ctx_persists(ctx) && mkdir(state, 0750) < 0 && errno != EEXIST) {
			r = -errno;
			wa_plugin_log(ctx, WA_LOG_ERROR, "%s: %s", state, strerror(-r));
			free(d);
			return r;
		}
		if (wa_plugin_ctx_persists(ctx))
			drop_legacy_index(ctx, state);
	}
	if ((r = index_open(&d->index, on_disk ? path : NULL, (int)c->max_distance,
			    (size_t)c->window, wa_plugin_ctx_persists(ctx))) < 0) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "%s: %s", path, strerror(-r));
		free(d);
		return r;
	}
	if (on_disk)
		wa_plugin_log(ctx, WA_LOG_DEBUG, "%zu articles in %s", d->index.n, path);
	*ret_state = d;
	return 0;
}

static int hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static bool id_bytes(const char *hex, uint8_t out[INDEX_ID_BYTES])
{
	for (int i = 0; i < INDEX_ID_BYTES; i++) {
		int hi = hex_digit(hex[2 * i]), lo = hi < 0 ? -1 : hex_digit(hex[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}

static int set_duplicates(struct wa_article *a, const struct index_match *m, int n)
{
	/* 34 bytes per id ("…",) and the brackets. */
	char json[INDEX_MAX_MATCHES * (2 * INDEX_ID_BYTES + 3) + 3];
	size_t o = 0;

	json[o++] = '[';
	for (int i = 0; i < n; i++) {
		if (i)
			json[o++] = ',';
		json[o++] = '"';
		for (int k = 0; k < INDEX_ID_BYTES; k++)
			o += (size_t)snprintf(json + o, 3, "%02x", m[i].id[k]);
		json[o++] = '"';
	}
	json[o++] = ']';
	json[o] = '\0';
	return wa_article_set_json(a, "duplicates", json);
}

static int duplicates_process(void *state, struct wa_article *a)
{
	struct duplicates *d = state;
	struct index_match matches[INDEX_MAX_MATCHES];
	uint8_t id[INDEX_ID_BYTES];
	size_t features;
	char hex[17];
	int r;
	const struct wp_tokens *tokens = wp_article_tokens(a, &r);

	if (!tokens)
		return r;
	uint64_t hash = fingerprint_of(tokens, &features);

	if (features < MIN_FEATURES)
		return WA_PLUGIN_OK;
	snprintf(hex, sizeof(hex), "%016" PRIx64, hash);
	if ((r = wa_article_set_string(a, "simhash", hex)) < 0)
		return r;
	if (!d->use_index || !id_bytes(wa_article_id(a), id))
		return WA_PLUGIN_OK;
	int n = index_check_and_add(&d->index, hash, id, matches);

	if (n < 0) {
		wa_article_add_error(a, "duplicates", "the near-duplicate index: %s", strerror(-n));
		return WA_PLUGIN_OK;
	}
	return n > 0 && (r = set_duplicates(a, matches, n)) < 0 ? r : WA_PLUGIN_OK;
}

static void duplicates_fini(void *state)
{
	struct duplicates *d = state;

	index_close(&d->index);
	free(d);
}

static const struct wa_option duplicates_options[] = {
	{ "max_distance", WA_OPTION_INT, "6", offsetof(struct duplicates_config, max_distance),
	  "Most bits two SimHashes may differ in for near-duplicates (0 to 7; each step "
	  "makes lookups slower)." },
	{ "window", WA_OPTION_INT, "1000000", offsetof(struct duplicates_config, window),
	  "How many of the most recent articles a new one is compared with (0: all); older "
	  "ones leave the index, which keeps its memory (about 110 bytes an article) and file "
	  "bounded." },
	{ "index", WA_OPTION_BOOL, "true", offsetof(struct duplicates_config, index),
	  "Keep every article's SimHash in STATE/" INDEX_FILE " and list earlier near-duplicates; "
	  "false computes the hash only." },
	{ 0 },
};

WA_PLUGIN_DEFINE(duplicates) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "duplicates",
	.summary = "SimHash of the cleaned text and the earlier articles it nearly duplicates",
	.kind = WA_PLUGIN_ANALYZE,
	.options = duplicates_options,
	.config_size = sizeof(struct duplicates_config),
	.init = duplicates_init,
	.process = duplicates_process,
	.fini = duplicates_fini,
};
