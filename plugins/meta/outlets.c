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

static int by_first_byte(const void *a, const void *b)
{
	const struct outlet_key *x = a, *y = b;
	unsigned char fx = (unsigned char)x->text[0], fy = (unsigned char)y->text[0];

	if (fx != fy)
		return fx < fy ? -1 : 1;
	return (x->outlet > y->outlet) - (x->outlet < y->outlet);
}

/* Files every key under its first byte, so a search reads the text once. */
static int index_keys(struct outlets *o)
{
	size_t n = 0;

	for (size_t i = 0; i < o->n; i++)
		n += o->v[i].n_keys;
	o->keys = calloc(n ? n : 1, sizeof(*o->keys));
	if (!o->keys)
		return -ENOMEM;
	n = 0;
	for (size_t i = 0; i < o->n; i++) {
		for (size_t k = 0; k < o->v[i].n_keys; k++)
			o->keys[n++] =
				(struct outlet_key){ o->v[i].keys[k], strlen(o->v[i].keys[k]), i };
	}
	qsort(o->keys, n, sizeof(*o->keys), by_first_byte);
	for (size_t b = 0, k = 0; b <= 256; b++) {
		while (k < n && (unsigned char)o->keys[k].text[0] < b)
			k++;
		o->by_first[b] = k;
	}
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
	if (r == 0)
		r = index_keys(&o);
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
	free(o->keys);
	*o = (struct outlets){ 0 };
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

const char *outlets_find(const struct outlets *o, const char *text, size_t len)
{
	size_t best = o->n; /* the first outlet found so far, by file order */

	for (size_t i = 0; i < len && best > 0; i++) {
		unsigned char c = (unsigned char)lower(text[i]);

		/*
		 * A key starts a word or a host's label: "inews" is no key of
		 * "serambinews", nor "sinpo" of "banjarmasinpost".
		 */
		if (i > 0 && isalnum((unsigned char)text[i - 1]))
			continue;
		for (size_t k = o->by_first[c]; k < o->by_first[c + 1]; k++) {
			const struct outlet_key *key = &o->keys[k];

			if (key->outlet >= best)
				break; /* sorted by outlet within a byte: none better here */
			if (key->len > len - i)
				continue;
			size_t j = 1;

			while (j < key->len && lower(text[i + j]) == key->text[j])
				j++;
			if (j == key->len) {
				best = key->outlet;
				break;
			}
		}
	}
	return best < o->n ? o->v[best].name : NULL;
}
