/* SPDX-License-Identifier: MIT */
/* RSS dates: "Mon, 03 Aug 2025 10:00:00 +0700" (RFC 822, four-digit years). */
#ifndef INGEST_FEED_RFC822_H
#define INGEST_FEED_RFC822_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the date as ISO 8601 into out ("2025-08-03T10:00:00+07:00"); false if unreadable. */
bool rfc822_to_iso(const char *s, char *out, size_t size);

#endif
