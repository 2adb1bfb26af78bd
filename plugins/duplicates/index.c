/* SPDX-License-Identifier: MIT */
#include "index.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fingerprint.h"

#define RECORD_BYTES (8 + INDEX_ID_BYTES)

/* Block b spans bits [64b/blocks, 64(b+1)/blocks): widths differ by one at most. */
static unsigned block(const struct index *x, uint64_t hash, int b)
{
	int from = 64 * b / x->blocks, to = 64 * (b + 1) / x->blocks;

	return (unsigned)((hash >> from) & ((UINT64_C(1) << (to - from)) - 1));
}

static size_t block_values(const struct index *x, int b)
{
	return (size_t)1 << (64 * (b + 1) / x->blocks - 64 * b / x->blocks);
}

static int bucket_add(struct index_bucket *bucket, uint64_t hash, uint32_t entry)
{
	if (bucket->n == bucket->cap) {
		uint32_t cap = bucket->cap ? bucket->cap * 2 : 4;
		uint64_t *h = realloc(bucket->hash, cap * sizeof(*h));

		if (!h)
			return -ENOMEM;
		bucket->hash = h;
		uint32_t *e = realloc(bucket->entry, cap * sizeof(*e));

		if (!e)
			return -ENOMEM;
		bucket->entry = e;
		bucket->cap = cap;
	}
	bucket->hash[bucket->n] = hash;
	bucket->entry[bucket->n++] = entry;
	return 0;
}

static int add_entry(struct index *x, uint64_t hash, const uint8_t id[INDEX_ID_BYTES])
{
	if (x->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 1024;
		struct index_entry *v = realloc(x->entries, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		x->entries = v;
		x->cap = cap;
	}
	if (x->n >= UINT32_MAX)
		return -EOVERFLOW;
	x->entries[x->n].hash = hash;
	memcpy(x->entries[x->n].id, id, INDEX_ID_BYTES);
	for (int b = 0; b < x->blocks; b++) {
		int r = bucket_add(&x->buckets[b][block(x, hash, b)], hash, (uint32_t)x->n);

		if (r < 0)
			return r; /* the entry is filed in fewer blocks: found less often, never
				     wrongly */
	}
	x->n++;
	return 0;
}

static void encode(uint64_t hash, const uint8_t id[INDEX_ID_BYTES], uint8_t out[RECORD_BYTES])
{
	for (int i = 0; i < 8; i++)
		out[i] = (uint8_t)(hash >> (8 * i));
	memcpy(out + 8, id, INDEX_ID_BYTES);
}

static int load(struct index *x, int fd)
{
	uint8_t buf[RECORD_BYTES * 512];
	size_t have = 0;

	for (;;) {
		ssize_t got = read(fd, buf + have, sizeof(buf) - have);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -errno;
		have += (size_t)got;
		size_t whole = have / RECORD_BYTES * RECORD_BYTES;

		for (size_t off = 0; off < whole; off += RECORD_BYTES) {
			uint64_t hash = 0;

			for (int i = 0; i < 8; i++)
				hash |= (uint64_t)buf[off + i] << (8 * i);
			int r = add_entry(x, hash, buf + off + 8);

			if (r < 0)
				return r;
		}
		memmove(buf, buf + whole, have - whole);
		have -= whole;
		if (got == 0)
			break;
	}
	/* A torn last record (a crash mid-append) is cut so the next append lines up. */
	if (have) {
		off_t end = lseek(fd, 0, SEEK_END);

		if (end >= 0 && ftruncate(fd, end - (off_t)have) < 0)
			return -errno;
	}
	return 0;
}

static void free_buckets(struct index *x)
{
	for (int b = 0; b < x->blocks; b++) {
		for (size_t k = 0; x->buckets[b] && k < block_values(x, b); k++) {
			free(x->buckets[b][k].hash);
			free(x->buckets[b][k].entry);
		}
		free(x->buckets[b]);
	}
}

static int alloc_buckets(struct index *x)
{
	for (int b = 0; b < x->blocks; b++)
		if (!(x->buckets[b] = calloc(block_values(x, b), sizeof(struct index_bucket))))
			return -ENOMEM;
	return 0;
}

/* Writes the entries to path's temporary twin, syncs it, renames it over path. */
static int rewrite_file(struct index *x)
{
	char tmp[4096];
	uint8_t record[RECORD_BYTES];
	int fd, r = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", x->path) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -errno;
	for (size_t i = 0; i < x->n && r == 0; i++) {
		encode(x->entries[i].hash, x->entries[i].id, record);
		if (write(fd, record, sizeof(record)) != (ssize_t)sizeof(record))
			r = errno ? -errno : -ENOSPC;
	}
	if (r == 0 && fsync(fd) < 0)
		r = -errno;
	if (close(fd) < 0 && r == 0)
		r = -errno;
	if (r == 0 && rename(tmp, x->path) < 0)
		r = -errno;
	if (r < 0) {
		unlink(tmp);
		return r;
	}
	fd = open(x->path, O_RDWR | O_APPEND | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	close(x->fd);
	x->fd = fd;
	return 0;
}

/*
 * Keeps the most recent `window` entries, in memory and (when appending)
 * on disk. A failed rewrite leaves the longer file, read again next start:
 * nothing is lost but the bound.
 */
static int forget_oldest(struct index *x)
{
	size_t drop = x->n - x->window;

	memmove(x->entries, x->entries + drop, x->window * sizeof(*x->entries));
	x->n = 0;
	free_buckets(x);
	int r = alloc_buckets(x);

	for (size_t i = 0; i < x->window && r == 0; i++) {
		struct index_entry e = x->entries[i];

		r = add_entry(x, e.hash, e.id);
	}
	if (r == 0 && x->fd >= 0)
		r = rewrite_file(x);
	return r;
}

static bool over_window(const struct index *x, size_t slack)
{
	return x->window && x->n > x->window + slack;
}

int index_open(struct index *x, const char *path, int max_distance, size_t window, bool append)
{
	int r = 0;

	if (max_distance < 0 || max_distance > INDEX_MAX_DISTANCE)
		return -EINVAL;
	memset(x, 0, sizeof(*x));
	x->fd = -1;
	x->max_distance = max_distance;
	x->blocks = max_distance + 1;
	x->window = window;
	r = alloc_buckets(x);
	if (r == 0 && path && append && !(x->path = strdup(path)))
		r = -ENOMEM;
	if (r == 0 && path) {
		int fd = open(path, (append ? O_RDWR | O_CREAT | O_APPEND : O_RDONLY) | O_CLOEXEC,
			      0644);

		if (fd < 0 && !(errno == ENOENT && !append))
			r = -errno;
		if (fd >= 0) {
			r = load(x, fd);
			if (r == 0 && append)
				x->fd = fd;
			else
				close(fd);
		}
	}
	if (r == 0 && over_window(x, 0))
		r = forget_oldest(x);
	if (r == 0 && (r = -pthread_mutex_init(&x->lock, NULL)) == 0)
		return 0;
	if (x->fd >= 0)
		close(x->fd);
	free_buckets(x);
	free(x->entries);
	free(x->path);
	return r;
}

void index_close(struct index *x)
{
	if (x->fd >= 0)
		close(x->fd);
	free_buckets(x);
	free(x->entries);
	free(x->path);
	pthread_mutex_destroy(&x->lock);
	memset(x, 0, sizeof(*x));
}

static bool seen(const struct index_match *m, size_t n, const uint8_t id[INDEX_ID_BYTES])
{
	for (size_t i = 0; i < n; i++)
		if (memcmp(m[i].id, id, INDEX_ID_BYTES) == 0)
			return true;
	return false;
}

/* Keeps the closest INDEX_MAX_MATCHES, sorted by distance. */
static size_t keep(struct index_match *m, size_t n, const uint8_t id[INDEX_ID_BYTES], int distance)
{
	size_t at = n < INDEX_MAX_MATCHES ? n : INDEX_MAX_MATCHES;

	if (at == INDEX_MAX_MATCHES && m[at - 1].distance <= distance)
		return n;
	if (at == INDEX_MAX_MATCHES)
		at--;
	while (at > 0 && m[at - 1].distance > distance) {
		m[at] = m[at - 1];
		at--;
	}
	m[at].distance = distance;
	memcpy(m[at].id, id, INDEX_ID_BYTES);
	return n < INDEX_MAX_MATCHES ? n + 1 : n;
}

int index_check_and_add(struct index *x, uint64_t hash, const uint8_t id[INDEX_ID_BYTES],
			struct index_match matches[INDEX_MAX_MATCHES])
{
	size_t n = 0;
	bool known = false;
	int r = 0;

	pthread_mutex_lock(&x->lock);
	for (int b = 0; b < x->blocks; b++) {
		const struct index_bucket *bucket = &x->buckets[b][block(x, hash, b)];

		for (uint32_t k = 0; k < bucket->n; k++) {
			int d = fingerprint_distance(bucket->hash[k], hash);

			if (d > x->max_distance)
				continue;
			const struct index_entry *e = &x->entries[bucket->entry[k]];

			if (memcmp(e->id, id, INDEX_ID_BYTES) == 0)
				known = true;
			else if (!seen(matches, n, e->id))
				n = keep(matches, n, e->id, d);
		}
	}
	if (!known) {
		r = add_entry(x, hash, id);
		if (r == 0 && x->fd >= 0) {
			uint8_t record[RECORD_BYTES];

			encode(hash, id, record);
			/* O_APPEND: a reloaded instance appending beside this one cannot
			 * overwrite. */
			off_t end = lseek(x->fd, 0, SEEK_END);
			ssize_t w = write(x->fd, record, sizeof(record));

			if (w != (ssize_t)sizeof(record)) {
				r = w < 0 ? -errno : -ENOSPC;
				/* A part of a record (a full disk) would misalign every later one.
				 */
				if (w > 0 && end >= 0 && ftruncate(x->fd, end) < 0)
					r = -errno;
			}
		}
	}
	/* A quarter over the window, so that the rewrite's cost is spread over many articles. */
	if (r == 0 && over_window(x, x->window / 4))
		r = forget_oldest(x);
	pthread_mutex_unlock(&x->lock);
	return r < 0 ? r : (int)n;
}
