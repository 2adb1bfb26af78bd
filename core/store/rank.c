/* SPDX-License-Identifier: MIT */
/*
 * warta_rank(fts, weight...): the search's ranking (see rank.h).
 *
 * Okapi BM25 (k1 = 1.2, b = 0.75) over the phrases of the query, each
 * phrase's frequency in a row summed over the columns with the columns'
 * weights, the row's length in tokens against the table's average, as
 * FTS5's own bm25() computes it. One thing differs: the number of rows
 * holding each phrase, which bm25() counts on the first row it ranks by
 * reading the phrase's whole doclist. At a million articles that is 150 ms
 * for a common word and 400 ms for a common phrase, most of a search's
 * time, when the search ranks only its newest few hundred matches. Here the
 * rows are counted up to SAMPLE (exact for any rarer phrase) and beyond
 * that extrapolated from the span of rowids the sample covered, which
 * assumes a common phrase is about as common in the rest of the archive as
 * in its oldest rows. An error of a few per cent in a common phrase's count
 * moves its IDF, already small, by less.
 */
#include "rank.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "banned.h"

#define SAMPLE 1000
#define K1     1.2
#define B      0.75

/* What one query's rows share: computed at its first row, kept as aux data. */
struct query_stats {
	double average_length;
	int n_phrases;
	double *frequency; /* scratch for the current row, one per phrase */
	double idf[];      /* one per phrase */
};

struct sample {
	int64_t rows, first, last;
};

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *data)
{
	struct sample *s = data;
	int64_t rowid = api->xRowid(fts);

	if (s->rows++ == 0)
		s->first = rowid;
	s->last = rowid;
	return s->rows < SAMPLE ? SQLITE_OK : SQLITE_DONE;
}

/* Rows holding phrase i: counted, or past SAMPLE estimated from the sample's density. */
static int rows_with_phrase(const Fts5ExtensionApi *api, Fts5Context *fts, int i, int64_t all,
			    double *ret)
{
	struct sample s = { 0 };
	int rc = api->xQueryPhrase(fts, i, &s, count_row);

	*ret = (double)s.rows;
	if (rc == SQLITE_OK && s.rows >= SAMPLE && s.last > s.first) {
		double estimate = (double)s.rows * (double)all / (double)(s.last - s.first + 1);

		*ret = fmin(fmax(estimate, (double)s.rows), (double)all);
	}
	return rc;
}

static int query_stats_new(const Fts5ExtensionApi *api, Fts5Context *fts, struct query_stats **ret)
{
	int n = api->xPhraseCount(fts), rc;
	sqlite3_int64 rows = 0, tokens = 0;
	struct query_stats *q;

	q = sqlite3_malloc64(sizeof(*q) + 2 * (size_t)n * sizeof(double));
	if (!q)
		return SQLITE_NOMEM;
	q->n_phrases = n;
	q->frequency = q->idf + n;
	rc = api->xRowCount(fts, &rows);
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fts, -1, &tokens);
	q->average_length = rows > 0 && tokens > 0 ? (double)tokens / (double)rows : 1;
	for (int i = 0; i < n && rc == SQLITE_OK; i++) {
		double with = 0;

		rc = rows_with_phrase(api, fts, i, rows, &with);
		q->idf[i] = log(((double)rows - with + 0.5) / (with + 0.5));
		/* A phrase in more than half the rows still counts a little, never against. */
		if (q->idf[i] <= 0)
			q->idf[i] = 1e-6;
	}
	if (rc != SQLITE_OK) {
		sqlite3_free(q);
		return rc;
	}
	*ret = q;
	return SQLITE_OK;
}

static void warta_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
		       int n_args, sqlite3_value **args)
{
	struct query_stats *q = api->xGetAuxdata(fts, 0);
	int n_inst = 0, length = 0, rc = SQLITE_OK;
	double score = 0, norm;

	if (!q) {
		rc = query_stats_new(api, fts, &q);
		if (rc == SQLITE_OK)
			rc = api->xSetAuxdata(fts, q, sqlite3_free);
	}
	if (rc == SQLITE_OK)
		rc = api->xInstCount(fts, &n_inst);
	if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, -1, &length);
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	memset(q->frequency, 0, (size_t)q->n_phrases * sizeof(double));
	for (int i = 0; i < n_inst && rc == SQLITE_OK; i++) {
		int phrase, column, offset;

		rc = api->xInst(fts, i, &phrase, &column, &offset);
		if (rc == SQLITE_OK && phrase >= 0 && phrase < q->n_phrases)
			q->frequency[phrase] +=
				column < n_args ? sqlite3_value_double(args[column]) : 1.0;
	}
	norm = K1 * (1 - B + B * (double)length / q->average_length);
	for (int i = 0; i < q->n_phrases; i++)
		score += q->idf[i] * q->frequency[i] * (K1 + 1) / (q->frequency[i] + norm);
	/* Negative, as bm25()'s: ORDER BY ascending puts the best first. */
	sqlite3_result_double(ctx, -score);
}

int wa_rank_register(fts5_api *api)
{
	return api->xCreateFunction(api, "warta_rank", NULL, warta_rank, NULL);
}
