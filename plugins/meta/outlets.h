/* SPDX-License-Identifier: MIT */
/* data/outlets.txt: the names an outlet goes by, and the one warta records. */
#ifndef META_OUTLETS_H
#define META_OUTLETS_H

#include <stddef.h>

struct wa_plugin_ctx;

struct outlet {
	char *name;
	char **keys; /* lower case */
	size_t n_keys;
};

/* A key, for the search: every key of every outlet, by its first byte. */
struct outlet_key {
	const char *text; /* lower case */
	size_t len;
	size_t outlet; /* index in v: the first line wins */
};

struct outlets {
	struct outlet *v;
	size_t n;
	struct outlet_key *keys; /* sorted by first byte, then by outlet */
	size_t by_first[257];    /* keys[by_first[b] .. by_first[b + 1]) start with byte b */
};

int outlets_load(const struct wa_plugin_ctx *ctx, struct outlets *ret);
void outlets_fini(struct outlets *o);
/* The canonical name of the first outlet with a key inside text[0..len), or NULL. */
const char *outlets_find(const struct outlets *o, const char *text, size_t len);

#endif
