/* SPDX-License-Identifier: MIT */
#include "listfile.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <warta/plugin.h>

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* Splits a line at '|' into kind and items, in place. */
static int split(char *line, char **ret_kind, char ***items, size_t *n, size_t *cap)
{
	char *field = line, *bar;

	*n = 0;
	*ret_kind = NULL;
	for (; field; field = bar ? bar + 1 : NULL) {
		bar = strchr(field, '|');
		if (bar)
			*bar = '\0';
		char *t = trim(field);

		if (!*ret_kind) {
			*ret_kind = t;
			continue;
		}
		if (!*t)
			continue;
		if (*n == *cap) {
			size_t grown = *cap ? *cap * 2 : 64;
			char **v = realloc(*items, grown * sizeof(*v));

			if (!v)
				return -ENOMEM;
			*items = v;
			*cap = grown;
		}
		(*items)[(*n)++] = t;
	}
	return 0;
}

int wp_list_file_read(const struct wa_plugin_ctx *ctx, const char *name, wp_list_line_fn fn,
		      void *data, char **ret_error)
{
	char *text, *next, **items = NULL, *kind;
	size_t len, n, cap = 0;
	unsigned line_no = 0;
	int r = wa_plugin_data_read(ctx, name, &text, &len, NULL);

	if (ret_error)
		*ret_error = NULL;
	if (r < 0) {
		if (ret_error && asprintf(ret_error, "%s: %s", name, strerror(-r)) < 0)
			*ret_error = NULL;
		return r;
	}
	/* By hand, not strtok_r: that would skip blank lines and lose the count. */
	for (char *line = text; line && r == 0; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line_no++;
		char *t = trim(line);

		if (*t == '\0' || *t == '#')
			continue;
		if ((r = split(t, &kind, &items, &n, &cap)) == 0)
			r = fn(data, kind, items, n);
		if (r < 0 && ret_error &&
		    asprintf(ret_error, "%s:%u: %s", name, line_no,
			     r == -EINVAL ? "expected KIND | item | item ... with a known kind"
			     : r == -E2BIG
				     ? "an item of more than 8 words and marks (a hyphen counts)"
				     : strerror(-r)) < 0)
			*ret_error = NULL;
	}
	free(items);
	free(text);
	return r;
}
