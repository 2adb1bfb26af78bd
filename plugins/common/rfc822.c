/* SPDX-License-Identifier: MIT */
#include "rfc822.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
				      "jul", "aug", "sep", "oct", "nov", "dec" };

/* Zone names RFC 822 allows, and the Indonesian ones feeds use anyway. */
static const struct {
	const char *name;
	int minutes;
} zones[] = {
	{ "GMT", 0 },    { "UT", 0 },     { "UTC", 0 },    { "Z", 0 },      { "EST", -300 },
	{ "EDT", -240 }, { "CST", -360 }, { "CDT", -300 }, { "MST", -420 }, { "MDT", -360 },
	{ "PST", -480 }, { "PDT", -420 }, { "WIB", 420 },  { "WITA", 480 }, { "WIT", 540 },
};

bool wp_rfc822_to_iso(const char *s, char *out, size_t size)
{
	char month[4] = "", zone[8] = "";
	int day, year, h = 0, mi = 0, sec = 0, n = 0, m = -1, minutes = 0;

	while (*s && (isalpha((unsigned char)*s) || *s == ',' || *s == ' '))
		s++; /* the weekday */
	if (sscanf(s, "%d %3s %d %d:%d%n", &day, month, &year, &h, &mi, &n) < 5)
		return false;
	s += n;
	if (*s == ':' && sscanf(s + 1, "%d%n", &sec, &n) == 1)
		s += 1 + n;
	for (int i = 0; i < 12; i++) {
		if (strcasecmp(month, months[i]) == 0)
			m = i + 1;
	}
	if (m < 0 || day < 1 || day > 31 || year < 100 || h > 23 || mi > 59 || sec > 60)
		return false;
	if (year < 1000)
		year += 1900; /* RFC 822's two-digit years, as RFC 2822 says */
	if (sscanf(s, " %7s", zone) == 1) {
		if ((zone[0] == '+' || zone[0] == '-') && strlen(zone) == 5 &&
		    strspn(zone + 1, "0123456789") == 4) {
			int v = atoi(zone + 1);

			minutes = (zone[0] == '-' ? -1 : 1) * (v / 100 * 60 + v % 100);
		} else {
			for (size_t i = 0; i < sizeof(zones) / sizeof(*zones); i++) {
				if (strcasecmp(zone, zones[i].name) == 0)
					minutes = zones[i].minutes;
			}
		}
	}
	int written =
		snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, m, day, h, mi,
			 sec, minutes < 0 ? '-' : '+', abs(minutes) / 60, abs(minutes) % 60);

	return written > 0 && (size_t)written < size;
}
