/* SPDX-License-Identifier: MIT */
/*
 * Seen ids: hash set plus journal.
 *
 * Ids are stored as their 16 raw bytes; the first 8 are already uniformly
 * distributed (they are a hash), so they index the table directly. Deletion
 * only happens for ids staged in the current batch, which are always the
 * most recent insertions; it uses backward-shift deletion, so no
 * tombstones accumulate.
 */
#include "seen.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "banned.h"
#include "id.h"

#define ID_BYTES 16

struct wa_seen {
	uint8_t (*slots)[ID_BYTES]; /* all-zero means empty */
	size_t capacity;            /* power of two */
	size_t count;
	uint8_t (*staged)[ID_BYTES];
	size_t n_staged, staged_capacity;
	int fd;
};

static int hexval(char c)
{
	return c <= '9' ? c - '0' : c - 'a' + 10;
}

static bool to_bytes(const char *id, uint8_t out[ID_BYTES])
{
	if (!wa_id_is_valid(id, strlen(id)))
		return false;
	for (size_t i = 0; i < ID_BYTES; i++)
		out[i] = (uint8_t)(hexval(id[2 * i]) << 4 | hexval(id[2 * i + 1]));
	return true;
}

static bool is_empty(const uint8_t slot[ID_BYTES])
{
	static const uint8_t zero[ID_BYTES];

	return memcmp(slot, zero, ID_BYTES) == 0;
}

static size_t home(const struct wa_seen *s, const uint8_t key[ID_BYTES])
{
	uint64_t h;

	memcpy(&h, key, sizeof(h));
	return (size_t)h & (s->capacity - 1);
}

static size_t find_slot(const struct wa_seen *s, const uint8_t key[ID_BYTES])
{
	size_t i = home(s, key);

	while (!is_empty(s->slots[i]) && memcmp(s->slots[i], key, ID_BYTES) != 0)
		i = (i + 1) & (s->capacity - 1);
	return i;
}

static int grow(struct wa_seen *s)
{
	size_t old_capacity = s->capacity, capacity = old_capacity ? old_capacity * 2 : 1024;
	uint8_t(*old)[ID_BYTES] = s->slots;

	s->slots = calloc(capacity, ID_BYTES);
	if (!s->slots) {
		s->slots = old;
		return -ENOMEM;
	}
	s->capacity = capacity;
	for (size_t i = 0; i < old_capacity; i++) {
		if (!is_empty(old[i]))
			memcpy(s->slots[find_slot(s, old[i])], old[i], ID_BYTES);
	}
	free(old);
	return 0;
}

/* Inserts a key; 1 if present. The all-zero id is impossible in practice and mapped away. */
static int insert(struct wa_seen *s, uint8_t key[ID_BYTES])
{
	size_t i;

	if (is_empty(key))
		key[ID_BYTES - 1] = 1;
	if ((s->count + 1) * 2 > s->capacity && grow(s) < 0)
		return -ENOMEM;
	i = find_slot(s, key);
	if (!is_empty(s->slots[i]))
		return 1;
	memcpy(s->slots[i], key, ID_BYTES);
	s->count++;
	return 0;
}

static void erase(struct wa_seen *s, const uint8_t key[ID_BYTES])
{
	size_t mask = s->capacity - 1, i = find_slot(s, key), j = i;

	if (is_empty(s->slots[i]))
		return;
	/* Backward-shift: pull later entries of the same probe run into the hole. */
	for (;;) {
		j = (j + 1) & mask;
		if (is_empty(s->slots[j]))
			break;
		size_t k = home(s, s->slots[j]);

		if ((j > i && (k <= i || k > j)) || (j < i && (k <= i && k > j))) {
			memcpy(s->slots[i], s->slots[j], ID_BYTES);
			i = j;
		}
	}
	memset(s->slots[i], 0, ID_BYTES);
	s->count--;
}

int wa_seen_open(int dir_fd, const char *name, struct wa_seen **ret_seen)
{
	struct wa_seen *s = calloc(1, sizeof(*s));
	uint8_t buf[ID_BYTES * 4096];
	struct stat st;
	off_t whole;
	int r = 0;

	if (!s)
		return -ENOMEM;
	s->fd = openat(dir_fd, name, O_RDWR | O_CREAT | O_CLOEXEC, 0640);
	if (s->fd < 0 || fstat(s->fd, &st) < 0) {
		r = -errno;
		goto fail;
	}
	r = grow(s);
	for (;;) {
		ssize_t n = r < 0 ? 0 : read(s->fd, buf, sizeof(buf));

		if (n < 0) {
			r = -errno;
			break;
		}
		if (n == 0)
			break;
		for (size_t off = 0; off + ID_BYTES <= (size_t)n && r >= 0; off += ID_BYTES)
			r = insert(s, buf + off);
	}
	if (r < 0)
		goto fail;
	/* Drop a torn final entry so later appends stay aligned. */
	whole = st.st_size - st.st_size % ID_BYTES;
	if (whole != st.st_size && ftruncate(s->fd, whole) < 0) {
		r = -errno;
		goto fail;
	}
	if (lseek(s->fd, 0, SEEK_END) < 0) {
		r = -errno;
		goto fail;
	}
	*ret_seen = s;
	return 0;
fail:
	wa_seen_free(s);
	return r;
}

void wa_seen_free(struct wa_seen *s)
{
	if (!s)
		return;
	if (s->fd >= 0)
		close(s->fd);
	free(s->slots);
	free(s->staged);
	free(s);
}

bool wa_seen_contains(const struct wa_seen *s, const char *id)
{
	uint8_t key[ID_BYTES];

	if (!to_bytes(id, key))
		return false;
	if (is_empty(key))
		key[ID_BYTES - 1] = 1;
	return !is_empty(s->slots[find_slot(s, key)]);
}

int wa_seen_add(struct wa_seen *s, const char *id)
{
	uint8_t key[ID_BYTES];
	int r;

	if (!to_bytes(id, key))
		return -EINVAL;
	if (s->n_staged == s->staged_capacity) {
		size_t capacity = s->staged_capacity ? s->staged_capacity * 2 : 256;
		void *grown = realloc(s->staged, capacity * ID_BYTES);

		if (!grown)
			return -ENOMEM;
		s->staged = grown;
		s->staged_capacity = capacity;
	}
	r = insert(s, key);
	if (r != 0)
		return r;
	memcpy(s->staged[s->n_staged++], key, ID_BYTES);
	return 0;
}

void wa_seen_rollback(struct wa_seen *s)
{
	while (s->n_staged > 0)
		erase(s, s->staged[--s->n_staged]);
}

int wa_seen_commit(struct wa_seen *s, bool durable)
{
	size_t len = s->n_staged * ID_BYTES, done = 0;
	off_t start = lseek(s->fd, 0, SEEK_CUR);
	int r = 0;

	while (done < len && r == 0) {
		ssize_t n = write(s->fd, (const uint8_t *)s->staged + done, len - done);

		if (n < 0 && errno != EINTR)
			r = -errno;
		else if (n > 0)
			done += (size_t)n;
	}
	if (r == 0 && durable && len > 0 && fdatasync(s->fd) < 0)
		r = -errno;
	if (r < 0) {
		/* Keep the journal aligned for the retry (a full disk, typically). */
		if (ftruncate(s->fd, start) == 0)
			(void)lseek(s->fd, start, SEEK_SET);
		return r;
	}
	s->n_staged = 0;
	return 0;
}

size_t wa_seen_count(const struct wa_seen *s)
{
	return s->count;
}
