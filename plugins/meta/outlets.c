/* SPDX-License-Identifier: MIT */
#include "outlets.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <warta/plugin.h>

static char *trimmed(const char *s, size_t len)
{
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	return len ? strndup(s, len) : NULL;
}

static int add_outlet(struct outlets *o, char *line)
{
	struct outlet out = { 0 };
	char *bar = strchr(line, '|');

	if (!bar)
		return 0; /* not an entry */
	out.name = trimmed(line, (size_t)(bar - line));
	for (char *k = bar + 1; k && *k;) {
		char *next = strchr(k, '|');
		char *key = trimmed(k, next ? (size_t)(next - k) : strlen(k));

		if (key) {
			char **v = realloc(out.keys, (out.n_keys + 1) * sizeof(*v));

			if (!v) {
				free(key);
				break;
			}
			for (char *c = key; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			out.keys = v;
			out.keys[out.n_keys++] = key;
		}
		k = next ? next + 1 : NULL;
	}
	struct outlet *v = realloc(o->v, (o->n + 1) * sizeof(*v));

	if (!out.name || !v) {
		free(out.name);
		for (size_t i = 0; i < out.n_keys; i++)
			free(out.keys[i]);
		free(out.keys);
		if (v)
			o->v = v;
		return -ENOMEM;
	}
	o->v = v;
	o->v[o->n++] = out;
	return 0;
}

int outlets_load(const struct wa_plugin_ctx *ctx, struct outlets *ret)
{
	struct outlets o = { 0 };
	char *text, *save = NULL;
	size_t len;
	int r = wa_plugin_data_read(ctx, "outlets.txt", &text, &len, NULL);

	if (r < 0)
		return r;
	for (char *line = strtok_r(text, "\n", &save); line && r == 0;
	     line = strtok_r(NULL, "\n", &save)) {
		if (line[strspn(line, " \t")] != '#')
			r = add_outlet(&o, line);
	}
	free(text);
	if (r < 0) {
		outlets_fini(&o);
		return r;
	}
	*ret = o;
	return 0;
}

void outlets_fini(struct outlets *o)
{
	for (size_t i = 0; i < o->n; i++) {
		for (size_t k = 0; k < o->v[i].n_keys; k++)
			free(o->v[i].keys[k]);
		free(o->v[i].keys);
		free(o->v[i].name);
	}
	free(o->v);
	*o = (struct outlets){ 0 };
}

const char *outlets_find(const struct outlets *o, const char *text, size_t len)
{
	char stack[1024], *folded = len <= sizeof(stack) ? stack : malloc(len);
	const char *found = NULL;

	if (!folded)
		return NULL;
	/* Folded once, then searched for every key: meta asks this of long lines too. */
	for (size_t i = 0; i < len; i++)
		folded[i] = (char)(text[i] >= 'A' && text[i] <= 'Z' ? text[i] + 32 : text[i]);
	for (size_t i = 0; i < o->n && !found; i++) {
		for (size_t k = 0; k < o->v[i].n_keys && !found; k++) {
			if (memmem(folded, len, o->v[i].keys[k], strlen(o->v[i].keys[k])))
				found = o->v[i].name;
		}
	}
	if (folded != stack)
		free(folded);
	return found;
}
