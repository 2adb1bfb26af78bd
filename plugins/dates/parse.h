/* SPDX-License-Identifier: MIT */
/*
 * Date expressions in Indonesian and English news text (DOMAIN.md 2):
 * "Minggu (4/12/2022)", "Rabu (2/7)", "Kamis (21 November)", "Ahad , 03 Aug
 * 2025, 17:35 WIB", "28 Juli", "Kompas.com - 08/11/2022, 13:27 WIB",
 * "pukul 08.30 WIB", "kemarin", "2 jam yang lalu", "Rabu lalu",
 * "December 4, 2022". Numeric dates are always day/month/year.
 */
#ifndef DATES_PARSE_H
#define DATES_PARSE_H

#include <stdbool.h>
#include <stddef.h>

enum date_kind {
	DATE_ABSOLUTE, /* a calendar day, with its year */
	DATE_PARTIAL,  /* no year (or no day, or a time alone): completed from the reference */
	DATE_RELATIVE, /* counted from the reference: kemarin, 2 jam lalu, Rabu lalu */
};

enum date_unit { UNIT_NONE, UNIT_MINUTE, UNIT_HOUR, UNIT_DAY, UNIT_WEEK, UNIT_MONTH, UNIT_YEAR };

struct date_match {
	size_t start, end; /* bytes of the text */
	enum date_kind kind;
	int year, month, day; /* 0: not given */
	int end_day;          /* a range's last day ("17-18 November"), 0 if none */
	bool said_past;       /* a month alone the words put behind: "Februari lalu" */
	bool said_so_far;     /* a month alone after "pada", "in": this one or an earlier */
	int weekday;          /* 0 = Sunday; -1: not given */
	bool has_time;
	int hour, minute, second;
	bool has_zone;
	int zone_minutes; /* east of UTC: WIB +420, WITA +480, WIT +540 */
	bool updated;     /* "Diperbarui ...", "Update: ..." */
	/* DATE_RELATIVE: amount units before (negative: after) the reference; or a weekday. */
	int amount;
	enum date_unit unit;
};

/*
 * Finds the next date expression in text[0..len) at or after *pos; fills
 * *m and moves *pos past it. Returns false when there is none.
 */
bool date_find_next(const char *text, size_t len, size_t *pos, struct date_match *m);

#endif
