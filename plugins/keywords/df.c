/* SPDX-License-Identifier: MIT */
#include "df.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int add_term(struct df_table *t, const char *term, size_t len, uint32_t count)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 4096;
		uint32_t *c = realloc(t->counts, cap * sizeof(*c));

		if (!c)
			return -ENOMEM;
		t->counts = c;
		char **names = realloc(t->names, cap * sizeof(*names));

		if (!names)
			return -ENOMEM;
		t->names = names;
		t->cap = cap;
	}
	if (!(t->names[t->n] = strndup(term, len)))
		return -ENOMEM;
	int r = wp_wordset_add(&t->terms, term, len, (int)t->n);

	if (r < 0) {
		free(t->names[t->n]);
		return r;
	}
	t->counts[t->n++] = count;
	return 0;
}

static void free_terms(struct df_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->names[i]);
	free(t->names);
	free(t->counts);
	wp_wordset_fini(&t->terms);
	t->names = NULL;
	t->counts = NULL;
	t->n = t->cap = 0;
}

/* Past the cap: keep only the terms seen in more than one article. */
static int prune(struct df_table *t)
{
	struct df_table kept = { .documents = t->documents };
	int r = 0;

	for (size_t i = 0; i < t->n && r == 0; i++)
		if (t->counts[i] > 1)
			r = add_term(&kept, t->names[i], strlen(t->names[i]), t->counts[i]);
	if (r < 0) {
		free_terms(&kept);
		return r;
	}
	free_terms(t);
	t->terms = kept.terms;
	t->counts = kept.counts;
	t->names = kept.names;
	t->n = kept.n;
	t->cap = kept.cap;
	return 0;
}

static int load(struct df_table *t, FILE *f)
{
	char line[512];
	unsigned long long documents;
	int r = 0;

	if (!fgets(line, sizeof(line), f) || sscanf(line, "articles\t%llu", &documents) != 1)
		return -EINVAL;
	t->documents = documents;
	while (r == 0 && fgets(line, sizeof(line), f)) {
		char *tab = strchr(line, '\t');
		unsigned long count;

		if (!tab || sscanf(tab + 1, "%lu", &count) != 1)
			continue;
		r = add_term(t, line, (size_t)(tab - line), (uint32_t)count);
	}
	return r;
}

static int save(struct df_table *t)
{
	char tmp[4200];
	FILE *f;
	int r = 0;

	snprintf(tmp, sizeof(tmp), "%s.tmp", t->path);
	if (!(f = fopen(tmp, "w")))
		return -errno;
	fprintf(f, "articles\t%llu\n", (unsigned long long)t->documents);
	for (size_t i = 0; i < t->n; i++)
		fprintf(f, "%s\t%u\n", t->names[i], t->counts[i]);
	if (fflush(f) != 0 || ferror(f))
		r = -errno ? -errno : -EIO;
	if (fclose(f) != 0 && r == 0)
		r = -errno;
	if (r == 0 && rename(tmp, t->path) < 0)
		r = -errno;
	if (r < 0)
		unlink(tmp);
	else
		t->unsaved = 0;
	return r;
}

int df_open(struct df_table *t, const char *path, bool keep)
{
	int r = 0;

	memset(t, 0, sizeof(*t));
	if (path) {
		FILE *f = fopen(path, "r");

		if (f) {
			r = load(t, f);
			fclose(f);
		} else if (errno != ENOENT) {
			r = -errno;
		}
		if (r == 0 && keep && !(t->path = strdup(path)))
			r = -ENOMEM;
	}
	if (r == 0)
		r = -pthread_mutex_init(&t->lock, NULL);
	if (r < 0) {
		free_terms(t);
		free(t->path);
	}
	return r;
}

void df_close(struct df_table *t)
{
	if (t->path && t->unsaved)
		(void)save(t);
	free_terms(t);
	free(t->path);
	pthread_mutex_destroy(&t->lock);
}

int df_add_article(struct df_table *t, const char *const *terms, const size_t *lengths, size_t n,
		   uint32_t *df, uint64_t *ret_documents, int *ret_save_error)
{
	int r = 0;

	pthread_mutex_lock(&t->lock);
	t->documents++;
	for (size_t i = 0; i < n && r == 0; i++) {
		int at;

		if (wp_wordset_find(&t->terms, terms[i], lengths[i], &at)) {
			df[i] = ++t->counts[at];
		} else if (t->n < DF_MAX_TERMS || (r = prune(t)) == 0) {
			r = add_term(t, terms[i], lengths[i], 1);
			df[i] = 1;
		}
	}
	*ret_documents = t->documents;
	*ret_save_error = 0;
	/*
	 * A failed save (a full disk) costs no article its keywords: the
	 * counts stay in memory and the next try is DF_SAVE_EVERY articles on.
	 */
	if (r == 0 && t->path && ++t->unsaved >= DF_SAVE_EVERY && (*ret_save_error = save(t)) < 0)
		t->unsaved = 0;
	pthread_mutex_unlock(&t->lock);
	return r;
}
