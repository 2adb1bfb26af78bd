/* SPDX-License-Identifier: MIT */
/*
 * Spool operations. See spool.h for the protocol.
 *
 * Everything goes through directory fds opened once, so no path is
 * re-resolved per article and a spool directory moved or replaced under a
 * running daemon cannot redirect its writes.
 */
#include "spool.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "banned.h"

struct wa_spool {
	char *path;
	int root_fd, inbox_fd, work_fd, outbox_fd, done_fd, failed_fd, state_fd, attempts_fd;
	enum wa_durability durability;
	enum wa_done_action done;
	pthread_mutex_t day_lock; /* guards the done/DAY cache */
	char day[16];
	int day_fd;
};

static int open_dir(int at_fd, const char *name, int *ret_fd)
{
	int fd;

	if (mkdirat(at_fd, name, 0750) < 0 && errno != EEXIST)
		return -errno;
	fd = openat(at_fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	*ret_fd = fd;
	return 0;
}

/* mkdir -p for the spool root and the state directory. */
static int make_path(const char *path)
{
	char buf[PATH_MAX];
	size_t n = strlen(path);

	if (n == 0 || n >= sizeof(buf))
		return -ENAMETOOLONG;
	memcpy(buf, path, n + 1);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0750) < 0 && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	if (mkdir(buf, 0750) < 0 && errno != EEXIST)
		return -errno;
	return 0;
}

int wa_spool_open(const char *spool_dir, const char *state_dir, enum wa_durability durability,
		  enum wa_done_action done, struct wa_spool **ret_spool)
{
	struct wa_spool *s = calloc(1, sizeof(*s));
	int r;

	if (!s)
		return -ENOMEM;
	s->root_fd = s->inbox_fd = s->work_fd = s->outbox_fd = s->done_fd = s->failed_fd = -1;
	s->state_fd = s->attempts_fd = s->day_fd = -1;
	s->durability = durability;
	s->done = done;
	pthread_mutex_init(&s->day_lock, NULL);
	s->path = strdup(spool_dir);
	if (!s->path) {
		r = -ENOMEM;
		goto fail;
	}
	r = make_path(spool_dir);
	if (r < 0)
		goto fail;
	s->root_fd = open(spool_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (s->root_fd < 0) {
		r = -errno;
		goto fail;
	}
	r = make_path(state_dir);
	if (r < 0)
		goto fail;
	s->state_fd = open(state_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (s->state_fd < 0) {
		r = -errno;
		goto fail;
	}
	if ((r = open_dir(s->root_fd, "inbox", &s->inbox_fd)) < 0 ||
	    (r = open_dir(s->root_fd, "work", &s->work_fd)) < 0 ||
	    (r = open_dir(s->root_fd, "outbox", &s->outbox_fd)) < 0 ||
	    (r = open_dir(s->root_fd, "done", &s->done_fd)) < 0 ||
	    (r = open_dir(s->root_fd, "failed", &s->failed_fd)) < 0 ||
	    (r = open_dir(s->state_fd, "attempts", &s->attempts_fd)) < 0)
		goto fail;
	*ret_spool = s;
	return 0;
fail:
	wa_spool_free(s);
	return r;
}

void wa_spool_free(struct wa_spool *s)
{
	int *fds[] = { &s->root_fd,   &s->inbox_fd, &s->work_fd,     &s->outbox_fd, &s->done_fd,
		       &s->failed_fd, &s->state_fd, &s->attempts_fd, &s->day_fd };

	if (!s)
		return;
	for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++) {
		if (*fds[i] >= 0)
			close(*fds[i]);
	}
	pthread_mutex_destroy(&s->day_lock);
	free(s->path);
	free(s);
}

int wa_spool_inbox_fd(const struct wa_spool *s)
{
	return s->inbox_fd;
}

int wa_spool_work_fd(const struct wa_spool *s)
{
	return s->work_fd;
}

int wa_spool_state_fd(const struct wa_spool *s)
{
	return s->state_fd;
}

int wa_spool_attempts_fd(const struct wa_spool *s)
{
	return s->attempts_fd;
}

const char *wa_spool_path(const struct wa_spool *s)
{
	return s->path;
}

static bool has_suffix(const char *s, size_t n, const char *suffix)
{
	size_t m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

bool wa_spool_is_ignored_name(const char *name)
{
	size_t n = strlen(name);

	return n == 0 || name[0] == '.' || name[n - 1] == '~' || has_suffix(name, n, ".tmp") ||
	       has_suffix(name, n, ".part") || has_suffix(name, n, ".crdownload");
}

bool wa_spool_parse_work_name(const char *work_name, char ret_id[WA_ID_SIZE], const char **ret_name)
{
	if (strlen(work_name) < WA_ARTICLE_ID_LEN + 2 || work_name[WA_ARTICLE_ID_LEN] != '~' ||
	    !wa_id_is_valid(work_name, WA_ARTICLE_ID_LEN))
		return false;
	memcpy(ret_id, work_name, WA_ARTICLE_ID_LEN);
	ret_id[WA_ARTICLE_ID_LEN] = '\0';
	*ret_name = work_name + WA_ARTICLE_ID_LEN + 1;
	return true;
}

static const char *describe_type(mode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFLNK:
		return "a symbolic link (never followed)";
	case S_IFDIR:
		return "a directory";
	case S_IFIFO:
		return "a fifo";
	case S_IFCHR:
	case S_IFBLK:
		return "a device";
	case S_IFSOCK:
		return "a socket";
	default:
		return "not a regular file";
	}
}

/* Checks type and size from metadata alone, so a refused file is never opened. */
static int check_claimable(const struct stat *st, int64_t max_bytes, struct wa_claim *c)
{
	if (!S_ISREG(st->st_mode)) {
		snprintf(c->reason, sizeof(c->reason), "refused: %s", describe_type(st->st_mode));
		return WA_SPOOL_REFUSED;
	}
	if (st->st_size == 0) {
		snprintf(c->reason, sizeof(c->reason), "refused: empty file");
		return WA_SPOOL_REFUSED;
	}
	if (st->st_size > max_bytes) {
		snprintf(c->reason, sizeof(c->reason),
			 "refused: %lld bytes is more than max_article_bytes (%lld)",
			 (long long)st->st_size, (long long)max_bytes);
		return WA_SPOOL_REFUSED;
	}
	return 0;
}

/* Reads a whole regular file of expected size; a file that grew past max_bytes is refused. */
static int read_all(int fd, size_t size, int64_t max_bytes, struct wa_claim *c)
{
	size_t cap = size + 1, len = 0;
	char *buf = malloc(cap);

	if (!buf)
		return -ENOMEM;
	for (;;) {
		ssize_t n = read(fd, buf + len, cap - len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			return -errno;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if ((int64_t)len > max_bytes) {
			free(buf);
			snprintf(c->reason, sizeof(c->reason),
				 "refused: grew past max_article_bytes (%lld) while being read",
				 (long long)max_bytes);
			return WA_SPOOL_REFUSED;
		}
		if (len == cap) {
			char *grown = realloc(buf, cap * 2);

			if (!grown) {
				free(buf);
				return -ENOMEM;
			}
			buf = grown;
			cap *= 2;
		}
	}
	if (len == 0) {
		free(buf);
		snprintf(c->reason, sizeof(c->reason), "refused: empty file");
		return WA_SPOOL_REFUSED;
	}
	c->data = buf;
	c->len = len;
	return 0;
}

/* Opens dir/name without following links or blocking on fifos, and reads it. */
static int open_and_read(int dir_fd, const char *name, int64_t max_bytes, struct wa_claim *c,
			 struct stat *ret_st)
{
	struct stat st;
	int fd, r;

	if (fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT ? WA_SPOOL_GONE : -errno;
	r = check_claimable(&st, max_bytes, c);
	if (r != 0)
		return r;
	fd = openat(dir_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		if (errno == ENOENT)
			return WA_SPOOL_GONE;
		if (errno == ELOOP) {
			snprintf(c->reason, sizeof(c->reason), "refused: %s",
				 describe_type(S_IFLNK));
			return WA_SPOOL_REFUSED;
		}
		return -errno;
	}
	/* The name may have been replaced between the stat and the open: check again. */
	if (fstat(fd, &st) < 0) {
		r = -errno;
		goto out;
	}
	r = check_claimable(&st, max_bytes, c);
	if (r == 0)
		r = read_all(fd, (size_t)st.st_size, max_bytes, c);
	*ret_st = st;
out:
	close(fd);
	return r;
}

static void set_names(struct wa_claim *c, const char *name)
{
	snprintf(c->name, sizeof(c->name), "%s", name);
	/* Long names are cut to fit NAME_MAX with the id; the record keeps the full one. */
	snprintf(c->work_name, sizeof(c->work_name), "%s~%.*s", c->id, WA_SPOOL_NAME_MAX, name);
}

static bool same_file(int dir_fd, const char *name, const struct stat *st)
{
	struct stat now;

	return fstatat(dir_fd, name, &now, AT_SYMLINK_NOFOLLOW) == 0 && now.st_ino == st->st_ino &&
	       now.st_dev == st->st_dev;
}

int wa_spool_claim(struct wa_spool *s, const char *name, int64_t max_bytes, struct wa_claim *c)
{
	struct stat st;
	int r;

	memset(c, 0, sizeof(*c));
	snprintf(c->name, sizeof(c->name), "%s", name);
	r = open_and_read(s->inbox_fd, name, max_bytes, c, &st);
	if (r != 0)
		return r;
	wa_id_of(c->data, c->len, c->id);
	set_names(c, name);
	if (renameat(s->inbox_fd, name, s->work_fd, c->work_name) < 0) {
		r = errno == ENOENT ? WA_SPOOL_GONE : -errno;
		goto fail;
	}
	/*
	 * A producer may have renamed another file over NAME after we read it;
	 * then what we moved is not what we hashed. Take it up from work/.
	 */
	if (!same_file(s->work_fd, c->work_name, &st)) {
		char work_name[256];

		memcpy(work_name, c->work_name, sizeof(work_name));
		free(c->data);
		return wa_spool_reclaim(s, work_name, max_bytes, c);
	}
	return 0;
fail:
	free(c->data);
	c->data = NULL;
	return r;
}

int wa_spool_reclaim(struct wa_spool *s, const char *work_name, int64_t max_bytes,
		     struct wa_claim *c)
{
	char old_id[WA_ID_SIZE];
	const char *name = work_name;
	struct stat st;
	int r;

	memset(c, 0, sizeof(*c));
	snprintf(c->work_name, sizeof(c->work_name), "%s", work_name);
	if (!wa_spool_parse_work_name(work_name, old_id, &name))
		old_id[0] = '\0';
	snprintf(c->name, sizeof(c->name), "%s", name);
	r = open_and_read(s->work_fd, work_name, max_bytes, c, &st);
	if (r != 0)
		return r;
	wa_id_of(c->data, c->len, c->id);
	if (strcmp(old_id, c->id) == 0)
		return 0;
	set_names(c, name);
	if (renameat(s->work_fd, work_name, s->work_fd, c->work_name) < 0) {
		r = -errno;
		free(c->data);
		c->data = NULL;
		return r;
	}
	return 0;
}

/* done/YYYY-MM-DD, opened once a day: keeps done/ itself small and fast. */
static int day_dir(struct wa_spool *s, int *ret_fd)
{
	char day[16];
	struct tm tm;
	time_t now = time(NULL);
	int r = 0;

	gmtime_r(&now, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	pthread_mutex_lock(&s->day_lock);
	if (s->day_fd < 0 || strcmp(day, s->day) != 0) {
		/* Set by open_dir on success; -O3 cannot tell that -errno is never 0. */
		int fd = -1;

		r = open_dir(s->done_fd, day, &fd);
		if (r == 0) {
			if (s->day_fd >= 0)
				close(s->day_fd);
			s->day_fd = fd;
			memcpy(s->day, day, sizeof(day));
		}
	}
	*ret_fd = s->day_fd;
	pthread_mutex_unlock(&s->day_lock);
	return r;
}

/* rename without replacing; on a name clash, tries ID~NAME, then replaces (same id, same name). */
static int move_unique(int from_fd, const char *from, int to_fd, const char *name, const char *id)
{
	char alt[300];

	if (renameat2(from_fd, from, to_fd, name, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EEXIST)
		return -errno;
	if (id)
		snprintf(alt, sizeof(alt), "%s~%.*s", id, WA_SPOOL_NAME_MAX, name);
	else
		snprintf(alt, sizeof(alt), "%lld~%.*s", (long long)time(NULL), WA_SPOOL_NAME_MAX,
			 name);
	if (renameat(from_fd, from, to_fd, alt) < 0)
		return -errno;
	return 0;
}

int wa_spool_retire(struct wa_spool *s, const struct wa_claim *c)
{
	int day_fd, r;

	if (s->done == WA_DONE_DELETE) {
		if (unlinkat(s->work_fd, c->work_name, 0) < 0 && errno != ENOENT)
			return -errno;
		return 0;
	}
	r = day_dir(s, &day_fd);
	if (r < 0)
		return r;
	r = move_unique(s->work_fd, c->work_name, day_fd, c->name, c->id);
	/* Gone already: an identical drop under the same name was retired first. */
	return r == -ENOENT ? 0 : r;
}

static int write_file_atomic(int dir_fd, const char *name, const char *data, size_t len,
			     bool durable)
{
	char tmp[340];
	ssize_t n;
	int fd, r = 0;

	snprintf(tmp, sizeof(tmp), ".%s.tmp", name);
	fd = openat(dir_fd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0640);
	if (fd < 0)
		return -errno;
	n = write(fd, data, len);
	if (n < 0 || (size_t)n != len)
		r = n < 0 ? -errno : -EIO;
	if (r == 0 && durable && fsync(fd) < 0)
		r = -errno;
	close(fd);
	if (r == 0 && renameat(dir_fd, tmp, dir_fd, name) < 0)
		r = -errno;
	if (r < 0)
		(void)unlinkat(dir_fd, tmp, 0);
	return r;
}

/* JSON string escaping for the few strings an error file holds. */
static void append_json_string(char *buf, size_t size, size_t *len, const char *s)
{
	if (*len + 1 < size)
		buf[(*len)++] = '"';
	for (; *s && *len + 8 < size; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			*len += (size_t)snprintf(buf + *len, size - *len, "\\%c", ch);
		else if (ch < 0x20)
			*len += (size_t)snprintf(buf + *len, size - *len, "\\u%04x", ch);
		else
			buf[(*len)++] = (char)ch;
	}
	if (*len + 1 < size)
		buf[(*len)++] = '"';
	buf[*len] = '\0';
}

int wa_spool_fail(struct wa_spool *s, enum wa_spool_dir dir, const char *name,
		  const char *original_name, const char *id, const char *reason)
{
	int from_fd = dir == WA_SPOOL_INBOX ? s->inbox_fd : s->work_fd;
	char json[2048], when[32], error_name[320], target[300];
	bool durable = s->durability == WA_DURABILITY_FULL;
	struct stat st;
	struct tm tm;
	time_t now = time(NULL);
	size_t len = 0;
	int r;

	/*
	 * Pick a free name first, so the error file sits beside the file it
	 * explains and no earlier failure is overwritten: NAME, else ID~NAME,
	 * else a timestamp (the same unknown-id file failing twice).
	 */
	snprintf(target, sizeof(target), "%.*s", WA_SPOOL_NAME_MAX, original_name);
	if (fstatat(s->failed_fd, target, &st, AT_SYMLINK_NOFOLLOW) == 0 && id && *id)
		snprintf(target, sizeof(target), "%s~%.*s", id, WA_SPOOL_NAME_MAX, original_name);
	if (fstatat(s->failed_fd, target, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		snprintf(target, sizeof(target), "%lld%09ld~%.*s", (long long)ts.tv_sec, ts.tv_nsec,
			 WA_SPOOL_NAME_MAX, original_name);
	}
	gmtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	len += (size_t)snprintf(json, sizeof(json), "{\"file\":");
	append_json_string(json, sizeof(json), &len, original_name);
	len += (size_t)snprintf(json + len, sizeof(json) - len, ",\"failed\":\"%s\",\"id\":", when);
	if (id)
		append_json_string(json, sizeof(json), &len, id);
	else
		len += (size_t)snprintf(json + len, sizeof(json) - len, "null");
	len += (size_t)snprintf(json + len, sizeof(json) - len, ",\"reason\":");
	append_json_string(json, sizeof(json), &len, reason);
	len += (size_t)snprintf(json + len, sizeof(json) - len, "}\n");

	snprintf(error_name, sizeof(error_name), "%s.error.json", target);
	r = write_file_atomic(s->failed_fd, error_name, json, len, durable);
	if (r < 0)
		return r;
	if (renameat(from_fd, name, s->failed_fd, target) < 0)
		return errno == ENOENT ? WA_SPOOL_GONE : -errno;
	if (durable)
		(void)fsync(s->failed_fd);
	return 0;
}

int wa_spool_attempts(struct wa_spool *s, const char *id)
{
	struct stat st;

	if (fstatat(s->attempts_fd, id, &st, 0) < 0)
		return 0;
	return st.st_size > 1000 ? 1000 : (int)st.st_size;
}

void wa_spool_attempts_clear(struct wa_spool *s, const char *id)
{
	(void)unlinkat(s->attempts_fd, id, 0);
}

void wa_spool_attempts_bump(int attempts_fd, const char *id)
{
	int fd = openat(attempts_fd, id, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);

	if (fd < 0)
		return;
	(void)!write(fd, "x", 1);
	(void)fsync(fd);
	close(fd);
}
