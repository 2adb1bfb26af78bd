/* SPDX-License-Identifier: MIT */
#include "df.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/strbuf.h"

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

static int by_count(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/*
 * The table is full: keep its DF_KEEP_SHARE most frequent terms (of equal
 * counts, those that came first). Sorting a copy of the counts finds the
 * least count kept; a forgetting happens once in max_terms / 4 new terms.
 */
static int prune(struct df_table *t)
{
	size_t keep = (size_t)((double)t->max_terms * DF_KEEP_SHARE);
	struct df_table kept = { .documents = t->documents, .max_terms = t->max_terms };
	uint32_t *sorted = malloc((t->n ? t->n : 1) * sizeof(*sorted));
	int r = 0;

	if (!sorted)
		return -ENOMEM;
	if (keep >= t->n) {
		free(sorted);
		return 0;
	}
	memcpy(sorted, t->counts, t->n * sizeof(*sorted));
	qsort(sorted, t->n, sizeof(*sorted), by_count);
	uint32_t least = keep ? sorted[t->n - keep] : UINT32_MAX;
	size_t above = 0, ties;

	for (size_t i = 0; i < t->n; i++)
		above += t->counts[i] > least;
	ties = keep - above;
	free(sorted);
	for (size_t i = 0; i < t->n && r == 0; i++) {
		bool tie = t->counts[i] == least && ties > 0;

		if (t->counts[i] > least || tie) {
			ties -= tie;
			r = add_term(&kept, t->names[i], strlen(t->names[i]), t->counts[i]);
		}
	}
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

static time_t now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
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

/* Writes the table whole: one buffer, no formatting call per line (it may hold 200,000). */
static int save(struct df_table *t)
{
	struct wp_strbuf out = { 0 };
	char tmp[4200];
	int fd, r = 0;

	wp_strbuf_puts(&out, "articles\t");
	wp_strbuf_uint(&out, t->documents);
	wp_strbuf_putc(&out, '\n');
	for (size_t i = 0; i < t->n; i++) {
		wp_strbuf_puts(&out, t->names[i]);
		wp_strbuf_putc(&out, '\t');
		wp_strbuf_uint(&out, t->counts[i]);
		wp_strbuf_putc(&out, '\n');
	}
	if ((r = out.error) < 0) {
		wp_strbuf_fini(&out);
		return r;
	}
	snprintf(tmp, sizeof(tmp), "%s.tmp", t->path);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640)) < 0) {
		wp_strbuf_fini(&out);
		return -errno;
	}
	for (size_t done = 0; done < out.len && r == 0;) {
		ssize_t n = write(fd, out.buf + done, out.len - done);

		if (n < 0 && errno != EINTR)
			r = -errno;
		else if (n > 0)
			done += (size_t)n;
	}
	if (close(fd) < 0 && r == 0)
		r = -errno;
	if (r == 0 && rename(tmp, t->path) < 0)
		r = -errno;
	if (r < 0)
		unlink(tmp);
	else
		t->unsaved = 0;
	wp_strbuf_fini(&out);
	return r;
}

int df_open(struct df_table *t, const char *path, bool keep)
{
	int r = 0;

	memset(t, 0, sizeof(*t));
	t->max_terms = DF_MAX_TERMS;
	t->saved_at = now_seconds();
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
		} else if (t->n < t->max_terms || (r = prune(t)) == 0) {
			r = add_term(t, terms[i], lengths[i], 1);
			df[i] = 1;
		}
	}
	*ret_documents = t->documents;
	*ret_save_error = 0;
	t->unsaved++;
	/*
	 * A failed save (a full disk) costs no article its keywords: the
	 * counts stay in memory and the next try is DF_SAVE_SECONDS on.
	 */
	if (r == 0 && t->path) {
		time_t now = now_seconds();

		if (now - t->saved_at >= DF_SAVE_SECONDS) {
			t->saved_at = now;
			*ret_save_error = save(t);
		}
	}
	pthread_mutex_unlock(&t->lock);
	return r;
}
