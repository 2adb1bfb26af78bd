/* SPDX-License-Identifier: MIT */
/*
 * Seen ids: hash set plus journal.
 *
 * Ids are stored as their 16 raw bytes; the first 8 are already uniformly
 * distributed (they are a hash), so they index the table directly. Ids are
 * never removed one by one, so there are no tombstones: when the journal
 * holds a quarter more than the window, the newest `window` entries are
 * written to a new journal and the table is rebuilt from them (see
 * seen.h). One mutex guards the table; it is held for a probe only, and
 * for the swap of a rebuilt table.
 */
#include "seen.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <warta/log.h>

#include "banned.h"
#include "id.h"

#define ID_BYTES 16

struct wa_seen {
	uint8_t (*slots)[ID_BYTES]; /* all-zero means empty */
	size_t capacity;            /* power of two */
	size_t count;
	pthread_mutex_t lock;
	int fd;
	int dir_fd;        /* the journal's directory, for its rewrites */
	char *name;        /* the journal's name in it */
	size_t window;     /* ids kept: 0, all */
	size_t journaled;  /* entries in the journal */
	size_t compact_at; /* journal entries that call for the next rewrite */
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

/* Reads or writes all of len bytes at the offset; 0 or -errno (-EIO for a file too short). */
static int read_all(int fd, uint8_t *buf, size_t len, off_t at)
{
	for (size_t done = 0; done < len;) {
		ssize_t n = pread(fd, buf + done, len - done, at + (off_t)done);

		if (n < 0 && errno != EINTR)
			return -errno;
		if (n == 0)
			return -EIO;
		if (n > 0)
			done += (size_t)n;
	}
	return 0;
}

static int write_all(int fd, const uint8_t *buf, size_t len)
{
	for (size_t done = 0; done < len;) {
		ssize_t n = write(fd, buf + done, len - done);

		if (n < 0 && errno != EINTR)
			return -errno;
		if (n > 0)
			done += (size_t)n;
	}
	return 0;
}

/*
 * Keeps the newest `window` ids: they go to a new journal, synced and
 * renamed over the old one, and a table of them alone replaces the
 * table. Reservations made while it was built (articles in flight) are
 * forgotten: at worst an identical article then gets a second record.
 * On failure nothing changes.
 */
static int compact(struct wa_seen *s)
{
	size_t keep = s->window, len = keep * ID_BYTES;
	uint8_t *ids = malloc(len ? len : 1);
	struct wa_seen fresh = { 0 };
	char tmp[4096];
	int fd = -1, r;

	if (!ids)
		return -ENOMEM;
	r = read_all(s->fd, ids, len, (off_t)((s->journaled - keep) * ID_BYTES));
	for (size_t i = 0; i < keep && r == 0; i++)
		r = insert(&fresh, ids + i * ID_BYTES) < 0 ? -ENOMEM : 0;
	snprintf(tmp, sizeof(tmp), "%s.tmp", s->name);
	if (r == 0 &&
	    (fd = openat(s->dir_fd, tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0640)) < 0)
		r = -errno;
	if (r == 0)
		r = write_all(fd, ids, len);
	if (r == 0 && fsync(fd) < 0)
		r = -errno;
	if (r == 0 && renameat(s->dir_fd, tmp, s->dir_fd, s->name) < 0)
		r = -errno;
	if (r < 0) {
		if (fd >= 0) {
			close(fd);
			(void)unlinkat(s->dir_fd, tmp, 0);
		}
		free(fresh.slots);
		free(ids);
		return r;
	}
	(void)fsync(s->dir_fd); /* the rename itself */
	pthread_mutex_lock(&s->lock);
	free(s->slots);
	s->slots = fresh.slots;
	s->capacity = fresh.capacity;
	s->count = fresh.count;
	pthread_mutex_unlock(&s->lock);
	close(s->fd);
	s->fd = fd; /* at its end, where appends go */
	s->journaled = keep;
	free(ids);
	return 0;
}

/*
 * Compacts once the journal holds a quarter more than the window. A
 * failure (a full disk) is logged and tried again only a quarter window
 * later: each try reads the whole window, and a commit must not pay that
 * every time.
 */
static void keep_window(struct wa_seen *s)
{
	int r;

	if (!s->window || s->journaled <= s->compact_at)
		return;
	if ((r = compact(s)) < 0) {
		wa_log_warning(
			"cannot shorten the journal of seen ids '%s': %s; it grows meanwhile",
			s->name, strerror(-r));
		s->compact_at = s->journaled + s->window / 4;
		return;
	}
	s->compact_at = s->window + s->window / 4;
}

int wa_seen_open(int dir_fd, const char *name, size_t window, struct wa_seen **ret_seen)
{
	struct wa_seen *s = calloc(1, sizeof(*s));
	uint8_t buf[ID_BYTES * 4096];
	struct stat st;
	off_t whole;
	int r = 0;

	if (!s)
		return -ENOMEM;
	pthread_mutex_init(&s->lock, NULL);
	s->dir_fd = -1;
	s->window = window;
	s->compact_at = window + window / 4;
	if (!(s->name = strdup(name)) || (s->dir_fd = fcntl(dir_fd, F_DUPFD_CLOEXEC, 0)) < 0) {
		r = s->name ? -errno : -ENOMEM;
		s->fd = -1;
		goto fail;
	}
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
	s->journaled = (size_t)whole / ID_BYTES;
	keep_window(s);
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
	if (s->dir_fd >= 0)
		close(s->dir_fd);
	free(s->name);
	free(s->slots);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

bool wa_seen_contains(struct wa_seen *s, const char *id)
{
	uint8_t key[ID_BYTES];
	bool found;

	if (!to_bytes(id, key))
		return false;
	if (is_empty(key))
		key[ID_BYTES - 1] = 1;
	pthread_mutex_lock(&s->lock);
	found = !is_empty(s->slots[find_slot(s, key)]);
	pthread_mutex_unlock(&s->lock);
	return found;
}

int wa_seen_reserve(struct wa_seen *s, const char *id)
{
	uint8_t key[ID_BYTES];
	int r;

	if (!to_bytes(id, key))
		return -EINVAL;
	pthread_mutex_lock(&s->lock);
	r = insert(s, key);
	pthread_mutex_unlock(&s->lock);
	return r;
}

int wa_seen_journal(struct wa_seen *s, const char *const *ids, size_t n_ids, bool durable)
{
	size_t len = n_ids * ID_BYTES;
	uint8_t *buf;
	off_t start;
	int r = 0;

	if (n_ids == 0)
		return 0;
	buf = malloc(len);
	if (!buf)
		return -ENOMEM;
	for (size_t i = 0; i < n_ids; i++) {
		if (!to_bytes(ids[i], buf + i * ID_BYTES)) {
			free(buf);
			return -EINVAL;
		}
		if (is_empty(buf + i * ID_BYTES))
			buf[i * ID_BYTES + ID_BYTES - 1] = 1;
	}
	start = lseek(s->fd, 0, SEEK_END);
	r = write_all(s->fd, buf, len);
	if (r == 0 && durable && fdatasync(s->fd) < 0)
		r = -errno;
	if (r < 0 && start >= 0) {
		/* Keep the journal aligned for the retry (a full disk, typically). */
		if (ftruncate(s->fd, start) == 0)
			(void)lseek(s->fd, start, SEEK_SET);
	}
	free(buf);
	if (r == 0) {
		s->journaled += n_ids;
		keep_window(s);
	}
	return r;
}

size_t wa_seen_count(struct wa_seen *s)
{
	size_t n;

	pthread_mutex_lock(&s->lock);
	n = s->count;
	pthread_mutex_unlock(&s->lock);
	return n;
}
