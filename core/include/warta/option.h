/* SPDX-License-Identifier: MIT */
/*
 * Plugin options declared as data.
 *
 * A plugin lists its options in a {0}-terminated array; the host reads them
 * from the configuration, applies defaults, rejects unknown keys and wrong
 * types by name, and writes each value into the plugin's config struct at
 * `offset`. `warta plugins` prints the same table as documentation.
 */
#ifndef WARTA_OPTION_H
#define WARTA_OPTION_H

#include <stddef.h>

enum wa_option_type {
	WA_OPTION_STRING = 1, /* const char *, owned by the host until fini() */
	WA_OPTION_INT = 2,    /* int64_t */
	WA_OPTION_BOOL = 3,   /* bool */
	WA_OPTION_DOUBLE = 4, /* double */
};

struct wa_option {
	const char *key;
	enum wa_option_type type;
	const char *default_value; /* as text; NULL means "" / 0 / false */
	size_t offset;             /* offsetof() into the plugin's config struct */
	const char *help;
};

#endif
