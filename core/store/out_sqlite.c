/* SPDX-License-Identifier: MIT */
/*
 * out_sqlite: every record into the store (store.h).
 *
 * A plugin by the same ABI as any other, but built with the core: the
 * store's schema and tokenizer are shared with the commands that read it
 * (search, stats, retro), the plugin ABI stays free of SQLite, and it may
 * read the record's parse tree (core/article.h) rather than parse the JSON
 * again.
 *
 * process(), on the worker that analysed the article, makes its record into
 * the store's rows (row.h) and adds them to a batch under a mutex (workers
 * call it concurrently); flush(), on the committer's thread, writes the
 * batch in one transaction, synchronous=FULL when durability is "full". A failed
 * transaction (a full disk) is rolled back and the batch kept for the next
 * flush, so the core retries it before retiring the inputs. Checkpoints
 * run on a thread of their own (checkpointer.h): a flush never waits for
 * one. Retention (retain_days) runs at most once an hour, inside a flush,
 * RETENTION_BATCH articles a flush while more are due.
 * A store that cannot be opened for lack of space (the daemon may start on
 * a full disk) is opened at the first flush that can, like any other
 * retried commit.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <warta/plugin.h>

#include "article.h"
#include "banned.h"
#include "row.h"
#include "store.h"

#define RETENTION_EVERY_S 3600
/*
 * Articles deleted by retention in one commit at most: a store that gets
 * retain_days with years past it is thinned a batch per commit, rather
 * than in one transaction that would hold every new article for minutes.
 */
#define RETENTION_BATCH 500

struct out_sqlite_config {
	const char *path;
	int64_t retain_days;
};

struct out_sqlite {
	const struct wa_plugin_ctx *ctx;
	char path[PATH_MAX];
	unsigned flags;
	struct wa_store *store; /* NULL until it could be opened */
	int64_t retain_days;
	time_t retention_done;
	long retention_deleted; /* by the batches of the run of retention under way */
	pthread_mutex_t lock;   /* guards the batch */
	struct wa_store_row **batch;
	size_t n_batch, cap_batch;
};

/* Opens the store, creating its directory if needed. Logs what went wrong. */
static int open_store(struct out_sqlite *os)
{
	char dir[PATH_MAX], *error = NULL;
	int r;

	snprintf(dir, sizeof(dir), "%s", os->path);
	if (mkdir(dirname(dir), 0750) < 0 && errno != EEXIST)
		wa_plugin_log(os->ctx, WA_LOG_WARNING, "cannot create '%s': %s", dir,
			      wa_strerror(-errno));
	r = wa_store_open(os->path, os->flags, &os->store, &error);
	if (r < 0)
		wa_plugin_log(os->ctx, r == -ENOSPC ? WA_LOG_WARNING : WA_LOG_ERROR, "%s%s",
			      error ? error : wa_strerror(r),
			      r == -ENOSPC ? "; will retry when there is space" : "");
	free(error);
	return r;
}

static int out_sqlite_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	const struct out_sqlite_config *config = wa_plugin_ctx_config(ctx);
	struct out_sqlite *os;
	int r;

	if (config->retain_days < 0)
		return -EINVAL;
	os = calloc(1, sizeof(*os));
	if (!os)
		return -ENOMEM;
	if (config->path[0] == '\0')
		snprintf(os->path, sizeof(os->path), "%s/%s", wa_plugin_ctx_state_dir(ctx),
			 WA_STORE_FILE);
	else if (config->path[0] == '/')
		snprintf(os->path, sizeof(os->path), "%s", config->path);
	else
		snprintf(os->path, sizeof(os->path), "%s/%s", wa_plugin_ctx_state_dir(ctx),
			 config->path);
	os->ctx = ctx;
	os->flags = WA_STORE_CHECKPOINT_APART | (wa_plugin_ctx_durable(ctx) ? WA_STORE_DURABLE : 0);
	os->retain_days = config->retain_days;
	r = open_store(os);
	/* A full disk is not a configuration error: the first flush with space opens it. */
	if (r < 0 && r != -ENOSPC) {
		free(os);
		return r;
	}
	pthread_mutex_init(&os->lock, NULL);
	*ret_state = os;
	return 0;
}

static void out_sqlite_fini(void *state)
{
	struct out_sqlite *os = state;

	for (size_t i = 0; i < os->n_batch; i++)
		free(os->batch[i]);
	free(os->batch);
	wa_store_close(os->store);
	pthread_mutex_destroy(&os->lock);
	free(os);
}

static int out_sqlite_process(void *state, struct wa_article *a)
{
	struct out_sqlite *os = state;
	size_t len;
	const char *record = wa_article_record(a, &len);
	struct wa_store_row *row;
	int r;

	if (!record)
		return -EINVAL;
	r = wa_store_row_new(wa_article_fields_of(a, wa_store_row_fields), record, len, &row);
	if (r < 0)
		return r;
	pthread_mutex_lock(&os->lock);
	if (os->n_batch == os->cap_batch) {
		size_t cap = os->cap_batch ? 2 * os->cap_batch : 64;
		struct wa_store_row **grown = realloc(os->batch, cap * sizeof(*grown));

		if (grown) {
			os->batch = grown;
			os->cap_batch = cap;
		} else {
			r = -ENOMEM;
		}
	}
	if (r == 0)
		os->batch[os->n_batch++] = row;
	pthread_mutex_unlock(&os->lock);
	if (r < 0)
		free(row);
	return r;
}

static void apply_retention(struct out_sqlite *os)
{
	time_t now = time(NULL), cutoff;
	char before[16];
	struct tm tm;
	int n;

	if (os->retain_days == 0 || now - os->retention_done < RETENTION_EVERY_S)
		return;
	os->retention_done = now;
	cutoff = now - (time_t)os->retain_days * 86400;
	gmtime_r(&cutoff, &tm);
	strftime(before, sizeof(before), "%Y-%m-%d", &tm);
	n = wa_store_delete_before(os->store, before, RETENTION_BATCH);
	if (n < 0) {
		wa_plugin_log(os->ctx, WA_LOG_WARNING, "retention: %s, will retry", wa_strerror(n));
		return;
	}
	os->retention_deleted += n;
	if (n == RETENTION_BATCH) {
		/* More are due (a store that just got retain_days): go on at the next commit. */
		os->retention_done = 0;
	} else if (os->retention_deleted > 0) {
		wa_plugin_log(os->ctx, WA_LOG_INFO,
			      "retention: %ld article(s) dated before %s deleted",
			      os->retention_deleted, before);
		os->retention_deleted = 0;
	}
}

/* Puts a batch that failed to commit back, ahead of whatever was staged meanwhile. */
static void put_back(struct out_sqlite *os, struct wa_store_row **batch, size_t n)
{
	pthread_mutex_lock(&os->lock);
	if (os->n_batch > 0) {
		struct wa_store_row **merged = realloc(batch, (n + os->n_batch) * sizeof(*merged));

		if (merged) {
			memcpy(merged + n, os->batch, os->n_batch * sizeof(*merged));
			batch = merged;
			n += os->n_batch;
		} else {
			/* Out of memory: drop the newer ones; process() is called again for them.
			 */
			for (size_t i = 0; i < os->n_batch; i++)
				free(os->batch[i]);
		}
		free(os->batch);
	}
	os->batch = batch;
	os->n_batch = os->cap_batch = n;
	pthread_mutex_unlock(&os->lock);
}

static int out_sqlite_flush(void *state)
{
	struct out_sqlite *os = state;
	struct wa_store_row **batch;
	size_t n;
	int r;

	/* Take the batch: workers may stage the next one while this commits. */
	pthread_mutex_lock(&os->lock);
	batch = os->batch;
	n = os->n_batch;
	os->batch = NULL;
	os->n_batch = os->cap_batch = 0;
	pthread_mutex_unlock(&os->lock);
	if (n == 0) {
		free(batch);
		return 0;
	}
	r = os->store ? 0 : open_store(os);
	if (r < 0) {
		put_back(os, batch, n);
		return r;
	}
	r = wa_store_begin(os->store);
	for (size_t i = 0; i < n && r == 0; i++)
		r = wa_store_put_row(os->store, batch[i]);
	if (r == 0)
		apply_retention(os);
	if (r == 0)
		r = wa_store_commit(os->store);
	if (r < 0) {
		wa_store_rollback(os->store);
		put_back(os, batch, n);
		return r;
	}
	for (size_t i = 0; i < n; i++)
		free(batch[i]);
	free(batch);
	return 0;
}

static const struct wa_option out_sqlite_options[] = {
	{ "path", WA_OPTION_STRING, "", offsetof(struct out_sqlite_config, path),
	  "the database; relative to the state directory (default: STATE/warta.db)" },
	{ "retain_days", WA_OPTION_INT, "0", offsetof(struct out_sqlite_config, retain_days),
	  "delete articles dated more than this many days ago (0: keep all)" },
	{ 0 },
};

WA_PLUGIN_DEFINE(out_sqlite) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "out_sqlite",
	.summary = "the searchable archive: SQLite with a stemming full-text index",
	.kind = WA_PLUGIN_OUTPUT,
	.options = out_sqlite_options,
	.config_size = sizeof(struct out_sqlite_config),
	.init = out_sqlite_init,
	.process = out_sqlite_process,
	.flush = out_sqlite_flush,
	.fini = out_sqlite_fini,
};
