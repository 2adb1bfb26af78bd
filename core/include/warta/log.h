/* SPDX-License-Identifier: MIT */
/*
 * Logging: one line per event on stderr, journald-friendly.
 *
 * Under systemd (JOURNAL_STREAM set) each line starts with a "<N>" priority
 * prefix that journald turns into the entry's level; elsewhere it starts
 * with a UTC timestamp and the level name. Safe to call from any thread:
 * every line is written with a single write(2).
 */
#ifndef WARTA_LOG_H
#define WARTA_LOG_H

#include <stdarg.h>

struct wa_article;

/* Syslog priorities, so that journald needs no mapping. */
enum wa_log_level {
	WA_LOG_ERROR = 3,
	WA_LOG_WARNING = 4,
	WA_LOG_NOTICE = 5,
	WA_LOG_INFO = 6,
	WA_LOG_DEBUG = 7,
};

/* Lines above this level are dropped. Defaults to WA_LOG_INFO. */
void wa_log_set_level(enum wa_log_level level);

void wa_log(enum wa_log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void wa_logv(enum wa_log_level level, const char *prefix, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* Like wa_log(), with the article's id and source file name on the line. */
void wa_log_article(enum wa_log_level level, const struct wa_article *article, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define wa_log_error(...)   wa_log(WA_LOG_ERROR, __VA_ARGS__)
#define wa_log_warning(...) wa_log(WA_LOG_WARNING, __VA_ARGS__)
#define wa_log_notice(...)  wa_log(WA_LOG_NOTICE, __VA_ARGS__)
#define wa_log_info(...)    wa_log(WA_LOG_INFO, __VA_ARGS__)
#define wa_log_debug(...)   wa_log(WA_LOG_DEBUG, __VA_ARGS__)

/* strerror() for our negative-errno convention; thread-safe. */
const char *wa_strerror(int negative_errno);

#endif
