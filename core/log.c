/* SPDX-License-Identifier: MIT */
/*
 * Log lines on stderr.
 *
 * Each line is formatted into a stack buffer and written with one write(2),
 * so lines from worker threads never interleave. Messages longer than the
 * buffer are truncated with "...": a log line is for people, not a channel
 * for article content.
 */
#include "warta/log.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "banned.h"
#include "warta/article.h"

#define LINE_MAX_BYTES 2048

static atomic_int max_level = WA_LOG_INFO;
static int journal_mode = -1; /* unknown until the first line */

void wa_log_set_level(enum wa_log_level level)
{
	atomic_store(&max_level, (int)level);
}

static const char *const level_names[] = {
	[WA_LOG_ERROR] = "error", [WA_LOG_WARNING] = "warning", [WA_LOG_NOTICE] = "notice",
	[WA_LOG_INFO] = "info",   [WA_LOG_DEBUG] = "debug",
};

static size_t format_prefix(char *buf, size_t size, enum wa_log_level level)
{
	struct timespec ts;
	struct tm tm;
	int n;

	/* Racing first calls agree on the answer, so no lock is needed. */
	if (journal_mode < 0)
		journal_mode = getenv("JOURNAL_STREAM") != NULL;
	if (journal_mode) {
		n = snprintf(buf, size, "<%d>", (int)level);
	} else {
		clock_gettime(CLOCK_REALTIME, &ts);
		gmtime_r(&ts.tv_sec, &tm);
		n = snprintf(buf, size,
			     "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ %s: ", tm.tm_year + 1900,
			     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
			     ts.tv_nsec / 1000000, level_names[level]);
	}
	return n < 0 ? 0 : (size_t)n;
}

void wa_logv(enum wa_log_level level, const char *prefix, const char *fmt, va_list ap)
{
	char line[LINE_MAX_BYTES];
	size_t len;
	int n;

	if ((int)level > atomic_load(&max_level))
		return;
	len = format_prefix(line, sizeof(line), level);
	if (prefix) {
		n = snprintf(line + len, sizeof(line) - len, "%s", prefix);
		if (n > 0)
			len += (size_t)n;
		if (len >= sizeof(line))
			len = sizeof(line) - 1;
	}
	n = vsnprintf(line + len, sizeof(line) - len, fmt, ap);
	if (n < 0)
		n = 0;
	if (len + (size_t)n >= sizeof(line) - 1) {
		len = sizeof(line) - 5;
		memcpy(line + len, "...", 3);
		len += 3;
	} else {
		len += (size_t)n;
	}
	/* One event, one line: an embedded newline would split the entry in journald. */
	for (size_t i = 0; i < len; i++) {
		if (line[i] == '\n' || line[i] == '\r')
			line[i] = ' ';
	}
	line[len++] = '\n';
	(void)!write(STDERR_FILENO, line, len);
}

void wa_log(enum wa_log_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	wa_logv(level, NULL, fmt, ap);
	va_end(ap);
}

void wa_log_article(enum wa_log_level level, const struct wa_article *article, const char *fmt, ...)
{
	char prefix[512];
	va_list ap;

	snprintf(prefix, sizeof(prefix), "[%s '%s'] ", wa_article_id(article),
		 wa_article_source_file(article));
	va_start(ap, fmt);
	wa_logv(level, prefix, fmt, ap);
	va_end(ap);
}

const char *wa_strerror(int negative_errno)
{
	static _Thread_local char buf[128];

	/* The GNU strerror_r returns a pointer which may or may not be buf. */
	return strerror_r(negative_errno < 0 ? -negative_errno : negative_errno, buf, sizeof(buf));
}
