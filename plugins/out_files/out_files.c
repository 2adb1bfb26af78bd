/* SPDX-License-Identifier: MIT */
/*
 * out_files: one outbox/ID.json per article, the hand-off to consumers.
 *
 * process() writes the record to outbox/.tmp/ID.json (consumers skip dot
 * names), on the worker threads, in parallel. Where it goes from there
 * depends on the load:
 *
 * - Under a flood, flush() takes the files written so far, makes them
 *   durable with one syncfs(2) instead of one fsync per file (group
 *   commit: measured here, 6,500 files/s against 1,100 with an fsync
 *   each), renames them into place from one thread (renames across
 *   directories are serialised by the kernel, so workers renaming in
 *   parallel lost a quarter of the rate) and syncs the directory. A record
 *   is then never visible before its bytes are on disk.
 * - Under a light load (the latest batch held one file, and nothing else is
 *   pending or being flushed) a file would be alone in its batch, and the
 *   batch's syncs are what a consumer waits for. So process() renames it
 *   into place at once, then syncs it alone with fdatasync; flush() only
 *   syncs the directory. Drop-to-record p50 at 100 articles/s went from
 *   1.2-1.4 ms to 0.5-0.7 ms in full durability. DESIGN.md's protocol
 *   asks for the sync before the step that makes an earlier copy
 *   disposable, and that still holds: the scheduler moves the original out
 *   of work/ only after flush(), so a power cut in between loses nothing
 *   (the original is processed again at start and its record rewritten).
 *   So that such a record is not found empty after the power cut, its
 *   write-back is started before the rename (sync_file_range): on ext4
 *   (data=ordered) the journal then commits the rename only with the
 *   record's bytes.
 *
 * Records are keyed by id, so reprocessing overwrites, never duplicates; a
 * crash leaves at most stray temporary files, which the retry overwrites.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include <warta/plugin.h>

struct out_files_config {
	const char *dir;
};

struct pending {
	char id[WA_ARTICLE_ID_LEN + 1];
	bool placed; /* already renamed into outbox/ by process() */
	bool synced; /* already on disk: written while nothing else was pending */
};

struct out_files {
	int dir_fd;
	int tmp_fd; /* outbox/.tmp: creating files here never contends with renames in outbox/ */
	bool durable;
	pthread_mutex_t lock; /* guards the pending list: process() runs on many threads */
	struct pending *pending;
	size_t n_pending, cap_pending;
	size_t last_batch; /* files the latest flush took */
	bool flushing;
};

/* Opens the outbox and its .tmp directory (creating it); -errno on failure. */
static int open_dirs(struct out_files *of, const char *path)
{
	int r;

	of->dir_fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (of->dir_fd < 0)
		return -errno;
	if (mkdirat(of->dir_fd, ".tmp", 0750) < 0 && errno != EEXIST)
		goto fail;
	of->tmp_fd = openat(of->dir_fd, ".tmp", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (of->tmp_fd < 0)
		goto fail;
	return 0;
fail:
	r = -errno;
	close(of->dir_fd);
	return r;
}

static int out_files_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	const struct out_files_config *config = wa_plugin_ctx_config(ctx);
	struct out_files *of;
	char path[PATH_MAX];
	int r;

	if (config->dir[0])
		snprintf(path, sizeof(path), "%s", config->dir);
	else
		snprintf(path, sizeof(path), "%s/outbox", wa_plugin_ctx_spool_dir(ctx));
	if (mkdir(path, 0750) < 0 && errno != EEXIST) {
		r = -errno;
		wa_plugin_log(ctx, WA_LOG_ERROR, "cannot create '%s': %s", path, wa_strerror(r));
		return r;
	}
	of = calloc(1, sizeof(*of));
	if (!of)
		return -ENOMEM;
	pthread_mutex_init(&of->lock, NULL);
	of->durable = wa_plugin_ctx_durable(ctx);
	r = open_dirs(of, path);
	if (r < 0) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "cannot open '%s' and its .tmp: %s", path,
			      wa_strerror(r));
		pthread_mutex_destroy(&of->lock);
		free(of);
		return r;
	}
	*ret_state = of;
	return 0;
}

static void temp_name(char *buf, size_t size, const char *id)
{
	snprintf(buf, size, "%s.json", id);
}

static void out_files_fini(void *state)
{
	struct out_files *of = state;
	char tmp[64];

	/* Never flushed (a reload replaced this instance): their articles are staged again. */
	for (size_t i = 0; i < of->n_pending; i++) {
		temp_name(tmp, sizeof(tmp), of->pending[i].id);
		(void)unlinkat(of->tmp_fd, tmp, 0);
	}
	close(of->tmp_fd);
	close(of->dir_fd);
	pthread_mutex_destroy(&of->lock);
	free(of->pending);
	free(of);
}

/* Appends ids to the pending list; called with the lock held. */
static int add_pending(struct out_files *of, const struct pending *ids, size_t n)
{
	if (of->n_pending + n > of->cap_pending) {
		size_t cap = of->cap_pending ? of->cap_pending : 64;
		struct pending *grown;

		while (cap < of->n_pending + n)
			cap *= 2;
		grown = realloc(of->pending, cap * sizeof(*grown));
		if (!grown)
			return -ENOMEM;
		of->pending = grown;
		of->cap_pending = cap;
	}
	memcpy(of->pending + of->n_pending, ids, n * sizeof(*ids));
	of->n_pending += n;
	return 0;
}

/* The record and its newline in one system call (short writes are retried). */
static int write_record(int fd, const char *record, size_t len)
{
	struct iovec iov[2] = { { (void *)record, len }, { (void *)"\n", 1 } };
	int n_iov = 2;

	while (n_iov > 0) {
		ssize_t n = writev(fd, iov + 2 - n_iov, n_iov);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		for (struct iovec *v = iov + 2 - n_iov; n > 0; v++) {
			size_t used = (size_t)n < v->iov_len ? (size_t)n : v->iov_len;

			v->iov_base = (char *)v->iov_base + used;
			v->iov_len -= used;
			n -= (ssize_t)used;
			if (v->iov_len == 0)
				n_iov--;
		}
	}
	return 0;
}

static bool light_load(struct out_files *of)
{
	bool light;

	pthread_mutex_lock(&of->lock);
	light = of->n_pending == 0 && !of->flushing && of->last_batch <= 1;
	pthread_mutex_unlock(&of->lock);
	return light;
}

/* True when some file of the batch still needs a sync. */
static bool needs_sync(const struct pending *batch, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!batch[i].synced)
			return true;
	}
	return false;
}

/*
 * Write-back of the file's bytes starts now, so that on ext4 (data=ordered)
 * the journal cannot commit the rename that follows without them.
 */
static int start_writeback(int fd)
{
	if (sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE) < 0 && errno != EINVAL &&
	    errno != ENOSYS)
		return -errno;
	return 0;
}

/* The light-load path: in place at once, then on disk. */
static int place_now(struct out_files *of, int fd, const char *name, struct pending *entry)
{
	int r = of->durable ? start_writeback(fd) : 0;

	if (r == 0 && renameat(of->tmp_fd, name, of->dir_fd, name) < 0)
		r = -errno;
	if (r < 0)
		return r;
	entry->placed = true;
	if (of->durable) {
		if (fdatasync(fd) < 0)
			return -errno;
		entry->synced = true;
	}
	return 0;
}

static int out_files_process(void *state, struct wa_article *a)
{
	struct out_files *of = state;
	struct pending entry = { .placed = false, .synced = false };
	const char *record;
	char tmp[64];
	size_t len;
	int fd, r;

	record = wa_article_record(a, &len);
	if (!record)
		return -EINVAL;
	temp_name(tmp, sizeof(tmp), wa_article_id(a));
	fd = openat(of->tmp_fd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0640);
	if (fd < 0)
		return -errno;
	r = write_record(fd, record, len);
	if (r == 0 && light_load(of))
		r = place_now(of, fd, tmp, &entry);
	if (close(fd) < 0 && r == 0)
		r = -errno;
	if (r < 0) {
		/*
		 * Only complete files are ever pending, so a retried batch starts
		 * clean; a record already placed is written again by the retry.
		 */
		(void)unlinkat(of->tmp_fd, tmp, 0);
		return r;
	}
	memcpy(entry.id, wa_article_id(a), WA_ARTICLE_ID_LEN + 1);
	pthread_mutex_lock(&of->lock);
	r = add_pending(of, &entry, 1);
	pthread_mutex_unlock(&of->lock);
	return r;
}

static int out_files_flush(void *state)
{
	struct out_files *of = state;
	struct pending *batch;
	char tmp[64], final[64];
	size_t n, done = 0;
	int r = 0;

	/*
	 * Only what is written now: a file written after the syncfs below
	 * started might not be on disk, so it waits for the next flush.
	 */
	pthread_mutex_lock(&of->lock);
	batch = of->pending;
	n = of->n_pending;
	of->pending = NULL;
	of->n_pending = of->cap_pending = 0;
	of->last_batch = n;
	of->flushing = true;
	pthread_mutex_unlock(&of->lock);
	if (n == 0)
		goto out;
	if (of->durable && needs_sync(batch, n) && syncfs(of->dir_fd) < 0) {
		r = -errno;
		goto out;
	}
	for (; done < n; done++) {
		if (batch[done].placed)
			continue;
		temp_name(tmp, sizeof(tmp), batch[done].id);
		snprintf(final, sizeof(final), "%s.json", batch[done].id);
		if (renameat(of->tmp_fd, tmp, of->dir_fd, final) < 0 && errno != ENOENT) {
			r = -errno;
			break;
		}
	}
	if (r == 0 && of->durable && fsync(of->dir_fd) < 0)
		r = -errno;
out:
	pthread_mutex_lock(&of->lock);
	of->flushing = false;
	/* On failure, what was not renamed is tried again at the next flush. */
	if (r < 0 && done < n) {
		if (of->n_pending == 0) {
			/* No allocation, so this path cannot fail. */
			memmove(batch, batch + done, (n - done) * sizeof(*batch));
			free(of->pending);
			of->pending = batch;
			of->n_pending = of->cap_pending = n - done;
			batch = NULL;
		} else if (add_pending(of, batch + done, n - done) < 0) {
			r = -ENOMEM;
		}
	}
	pthread_mutex_unlock(&of->lock);
	free(batch);
	return r;
}

static const struct wa_option out_files_options[] = {
	{ "dir", WA_OPTION_STRING, "", offsetof(struct out_files_config, dir),
	  "Directory for ID.json records; empty means SPOOL/outbox." },
	{ 0 },
};

WA_PLUGIN_DEFINE(out_files) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "out_files",
	.summary = "One outbox/ID.json per article, written atomically",
	.kind = WA_PLUGIN_OUTPUT,
	.options = out_files_options,
	.config_size = sizeof(struct out_files_config),
	.init = out_files_init,
	.process = out_files_process,
	.flush = out_files_flush,
	.fini = out_files_fini,
};
