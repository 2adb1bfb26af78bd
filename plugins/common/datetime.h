/* SPDX-License-Identifier: MIT */
/*
 * Publication dates from metadata (meta tags, a scraper's JSON), made ISO
 * 8601 as the record's `published` is: "2025-10-02 11:20:00" and
 * "2025/03/10 14:35" become "2025-10-02T11:20:00", "2025-03-10T14:35".
 */
#ifndef WP_DATETIME_H
#define WP_DATETIME_H

/* In place; a string of another shape is left as it was given. */
void wp_iso_datetime(char *s);

#endif
