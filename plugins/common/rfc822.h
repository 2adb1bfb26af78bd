/* SPDX-License-Identifier: MIT */
/* Feed and e-mail dates: "Mon, 03 Aug 2025 10:00:00 +0700" (RFC 822 and 2822). */
#ifndef WP_RFC822_H
#define WP_RFC822_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the date as ISO 8601 into out ("2025-08-03T10:00:00+07:00"); false if unreadable. */
bool wp_rfc822_to_iso(const char *s, char *out, size_t size);

#endif
