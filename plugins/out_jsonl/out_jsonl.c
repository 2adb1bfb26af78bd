/* SPDX-License-Identifier: MIT */
/*
 * out_jsonl: every record as one line of a JSON Lines file.
 *
 * Lines are gathered as workers stage them and appended by flush() with
 * one write(2), then fdatasync'ed when durable. A failed append (a full
 * disk) is cut back to the last whole line, so readers never see a torn
 * record, and the lines are kept for the next flush. Delivery is at least once: a crash between
 * this flush and the end of the batch repeats those lines on restart, so readers should key on
 * "id". The file is reopened on reload (SIGHUP), which is how a rotated file is let go.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <warta/plugin.h>

struct out_jsonl_config {
	const char *path;
};

struct out_jsonl {
	int fd;
	bool durable;
	pthread_mutex_t lock; /* guards buf: process() runs on many threads */
	char *buf;
	size_t len, cap;
};

static int out_jsonl_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	const struct out_jsonl_config *config = wa_plugin_ctx_config(ctx);
	struct out_jsonl *oj;
	char path[PATH_MAX];

	if (config->path[0] == '/')
		snprintf(path, sizeof(path), "%s", config->path);
	else
		snprintf(path, sizeof(path), "%s/%s", wa_plugin_ctx_spool_dir(ctx), config->path);
	oj = calloc(1, sizeof(*oj));
	if (!oj)
		return -ENOMEM;
	oj->durable = wa_plugin_ctx_durable(ctx);
	pthread_mutex_init(&oj->lock, NULL);
	oj->fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (oj->fd < 0) {
		int r = -errno;

		wa_plugin_log(ctx, WA_LOG_ERROR, "cannot open '%s': %s", path, wa_strerror(r));
		free(oj);
		return r;
	}
	*ret_state = oj;
	return 0;
}

static void out_jsonl_fini(void *state)
{
	struct out_jsonl *oj = state;

	close(oj->fd);
	pthread_mutex_destroy(&oj->lock);
	free(oj->buf);
	free(oj);
}

static int out_jsonl_process(void *state, struct wa_article *a)
{
	struct out_jsonl *oj = state;
	const char *record;
	size_t len;

	record = wa_article_record(a, &len);
	if (!record)
		return -EINVAL;
	pthread_mutex_lock(&oj->lock);
	if (oj->len + len + 1 > oj->cap) {
		size_t cap = oj->cap ? oj->cap : 65536;
		char *grown;

		while (cap < oj->len + len + 1)
			cap *= 2;
		grown = realloc(oj->buf, cap);
		if (!grown) {
			pthread_mutex_unlock(&oj->lock);
			return -ENOMEM;
		}
		oj->buf = grown;
		oj->cap = cap;
	}
	memcpy(oj->buf + oj->len, record, len);
	oj->buf[oj->len + len] = '\n';
	oj->len += len + 1;
	pthread_mutex_unlock(&oj->lock);
	return 0;
}

static int out_jsonl_flush(void *state)
{
	struct out_jsonl *oj = state;
	off_t start;
	size_t done = 0;
	int r = 0;

	/* Holding the lock through the write keeps lines in order and whole. */
	pthread_mutex_lock(&oj->lock);
	start = lseek(oj->fd, 0, SEEK_END);
	while (done < oj->len && r == 0) {
		ssize_t n = write(oj->fd, oj->buf + done, oj->len - done);

		if (n < 0 && errno != EINTR)
			r = -errno;
		else if (n > 0)
			done += (size_t)n;
	}
	if (r == 0 && oj->durable && oj->len > 0 && fdatasync(oj->fd) < 0)
		r = -errno;
	if (r < 0) {
		if (start >= 0)
			(void)ftruncate(oj->fd, start);
	} else {
		oj->len = 0;
	}
	pthread_mutex_unlock(&oj->lock);
	return r;
}

static const struct wa_option out_jsonl_options[] = {
	{ "path", WA_OPTION_STRING, "articles.jsonl", offsetof(struct out_jsonl_config, path),
	  "The JSON Lines file; relative to the spool directory unless absolute." },
	{ 0 },
};

WA_PLUGIN_DEFINE(out_jsonl) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "out_jsonl",
	.summary = "Every record as a line of a JSON Lines file, synced per batch",
	.kind = WA_PLUGIN_OUTPUT,
	.options = out_jsonl_options,
	.config_size = sizeof(struct out_jsonl_config),
	.init = out_jsonl_init,
	.process = out_jsonl_process,
	.flush = out_jsonl_flush,
	.fini = out_jsonl_fini,
};
