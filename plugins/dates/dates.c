/* SPDX-License-Identifier: MIT */
/*
 * dates: every date expression of the cleaned text as dates[], and the
 * article's own date as `published`.
 *
 * `published` comes from the page's header (the date and byline lines
 * clean set aside) or from ingest's metadata, never from the body, a
 * caption, a related link or a comment: those are gone from what this
 * stage reads. Dates without a year ("Rabu (2/7)", "28 Juli") take the
 * year that puts them at most a month after the publication date (or the
 * arrival, when the page gives none), checked against the weekday when
 * one is printed: news reports what happened, and what is about to (an
 * exercise "pada 18 Agustus" in an article of 14 August is this year's;
 * DOMAIN.md's two days made it last year's). Words that point ahead
 * ("hingga 16 September", "akan dibuka 21 November", "5 Oktober
 * mendatang") let the day lie up to half a year after publication.
 * Relative ones ("kemarin", "2 jam yang lalu") count back from the same
 * reference.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <warta/plugin.h>

#include "../common/date_spans.h"
#include "../common/json_list.h"
#include "calendar.h"
#include "parse.h"

#define FUTURE_SLACK_DAYS 31  /* an undated "28 Juli" up to a month ahead is this year's */
#define AHEAD_DAYS        183 /* ... and this far ahead when the words say it is to come */
#define AHEAD_CUE_WORDS   3   /* words before the date where a forward cue counts */
#define MAX_DATES         200

struct reference {
	int64_t day; /* days since 1970-01-01 */
	bool has_time;
	int minute_of_day, zone_minutes;
	bool has_zone;
};

/*
 * Writes v as n digits, zero-padded. The ISO forms below are written so
 * rather than by snprintf, which costs about 1,500 instructions a call and
 * ran for every date of every article.
 */
static char *put_digits(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + n;
}

/* YYYY-MM-DD; size is at least 11. */
static void format_day(int64_t day, char *buf, size_t size)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
		return;
	}
	char *p = put_digits(buf, y, 4);

	*p++ = '-';
	p = put_digits(p, m, 2);
	*p++ = '-';
	p = put_digits(p, d, 2);
	*p = '\0';
}

/* Appends THH:MM[:SS][+HH:MM] to the day in buf (size is at least 32). */
static void append_time(char *buf, size_t size, int h, int mi, int s, bool zone, int zone_minutes)
{
	char *p = buf + strlen(buf);

	if ((size_t)(p - buf) + sizeof("T00:00:00+00:00") > size)
		return;
	*p++ = 'T';
	p = put_digits(p, h, 2);
	*p++ = ':';
	p = put_digits(p, mi, 2);
	if (s) {
		*p++ = ':';
		p = put_digits(p, s, 2);
	}
	if (zone) {
		*p++ = zone_minutes < 0 ? '-' : '+';
		p = put_digits(p, abs(zone_minutes) / 60, 2);
		*p++ = ':';
		p = put_digits(p, abs(zone_minutes) % 60, 2);
	}
	*p = '\0';
}

/* The year for a day and month printed without one. */
static int infer_year(const struct date_match *m, const struct reference *ref, bool ahead,
		      bool *ret_mismatch)
{
	int ry, rm, rd;

	civil_from_days(ref->day, &ry, &rm, &rd);
	/*
	 * A month alone: "Februari lalu" the last one before, "pada Februari"
	 * this one or the last, "Juni mendatang" the next; "awal Desember"
	 * the nearest, within half a year either way.
	 */
	if (!m->day) {
		*ret_mismatch = false;
		if (ahead)
			return m->month > rm ? ry : ry + 1;
		if (m->said_past)
			return m->month < rm ? ry : ry - 1;
		if (m->said_so_far)
			return m->month <= rm ? ry : ry - 1;
		return m->month - rm > 6 ? ry - 1 : m->month - rm < -6 ? ry + 1 : ry;
	}
	int year = ry;
	int64_t slack = ahead ? AHEAD_DAYS : FUTURE_SLACK_DAYS;

	/* "hingga 5 Januari" in a December article is next January. */
	if (ahead && valid_date(year + 1, m->month, m->day) &&
	    days_from_civil(year + 1, (unsigned)m->month, (unsigned)m->day) <= ref->day + slack)
		year++;
	else if (valid_date(year, m->month, m->day) &&
		 days_from_civil(year, (unsigned)m->month, (unsigned)m->day) > ref->day + slack)
		year--;
	*ret_mismatch = false;
	if (m->weekday < 0)
		return year;
	/* The printed weekday decides between neighbouring years. */
	static const int tries[] = { 0, -1, 1, -2, -3, -4, -5, -6 };

	for (size_t i = 0; i < sizeof(tries) / sizeof(*tries); i++) {
		int y = year + tries[i];

		if (valid_date(y, m->month, m->day) &&
		    weekday_of(days_from_civil(y, (unsigned)m->month, (unsigned)m->day)) ==
			    m->weekday)
			return y;
	}
	*ret_mismatch = true;
	return year;
}

static int64_t months_back(int64_t day, int months)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	int total = y * 12 + (m - 1) - months;

	y = total / 12, m = total % 12 + 1;
	while (d > 28 && !valid_date(y, m, d))
		d--;
	return days_from_civil(y, (unsigned)m, (unsigned)d);
}

/*
 * Resolves a match to ISO 8601 in buf; false if it names no day or time.
 * ahead: the words around it say the day is still to come (points_ahead).
 */
static bool resolve(const struct date_match *m, const struct reference *ref, bool ahead, char *buf,
		    size_t size, bool *ret_mismatch)
{
	*ret_mismatch = false;
	buf[0] = '\0';
	if (m->kind == DATE_RELATIVE) {
		int64_t day = ref->day;

		switch (m->unit) {
		case UNIT_NONE:
			/*
			 * "Rabu lalu": the last Wednesday before the reference; "pada
			 * Rabu": the one on or before it, or on or after when the words
			 * around look ahead ("akan digelar pada Rabu").
			 */
			if (m->amount == 0 && ahead) {
				while (weekday_of(day) != m->weekday)
					day++;
				break;
			}
			if (m->amount == 0)
				day++;
			do
				day--;
			while (weekday_of(day) != m->weekday);
			break;
		case UNIT_MINUTE:
		case UNIT_HOUR: {
			if (!ref->has_time) {
				format_day(ref->day, buf, size);
				return true;
			}
			int64_t minutes = ref->day * 1440 + ref->minute_of_day -
					  (int64_t)m->amount * (m->unit == UNIT_HOUR ? 60 : 1);
			int64_t d = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
			int mod = (int)(minutes - d * 1440);

			format_day(d, buf, size);
			append_time(buf, size, mod / 60, mod % 60, 0, ref->has_zone,
				    ref->zone_minutes);
			return true;
		}
		case UNIT_DAY:
			day -= m->amount;
			break;
		case UNIT_WEEK:
			day -= 7 * (int64_t)m->amount;
			break;
		case UNIT_MONTH:
		case UNIT_YEAR: {
			/* "bulan lalu" is a month, "tahun depan" a year: no day is meant. */
			int y, mo, d;

			civil_from_days(
				months_back(day, (m->unit == UNIT_YEAR ? 12 : 1) * m->amount), &y,
				&mo, &d);
			if (m->unit == UNIT_YEAR)
				snprintf(buf, size, "%04d", y);
			else
				snprintf(buf, size, "%04d-%02d", y, mo);
			return true;
		}
		}
		format_day(day, buf, size);
		if (m->has_time) /* "Rabu sekitar pukul 14.00" */
			append_time(buf, size, m->hour, m->minute, m->second, m->has_zone,
				    m->zone_minutes);
		return true;
	}
	if (!m->month)
		return false; /* a time alone: "pukul 08.30 WIB" */
	int year = m->year;

	if (!year)
		year = infer_year(m, ref, ahead, ret_mismatch);
	if (!m->day) {
		snprintf(buf, size, "%04d-%02d", year, m->month);
		return true;
	}
	if (!valid_date(year, m->month, m->day))
		return false;
	int64_t day = days_from_civil(year, (unsigned)m->month, (unsigned)m->day);

	if (m->year && m->weekday >= 0 && weekday_of(day) != m->weekday)
		*ret_mismatch = true;
	format_day(day, buf, size);
	if (m->has_time)
		append_time(buf, size, m->hour, m->minute, m->second, m->has_zone, m->zone_minutes);
	return true;
}

static const char *kind_name(enum date_kind k)
{
	return k == DATE_ABSOLUTE ? "absolute" : k == DATE_PARTIAL ? "partial" : "relative";
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * The word ending at or before byte end (skipping what is not a letter);
 * NULL at the start of the text or of the sentence.
 */
static const char *word_before(const char *text, size_t *end, size_t *ret_len)
{
	size_t e = *end;

	for (; e > 0 && !is_letter(text[e - 1]); e--)
		if (strchr(".!?\n", text[e - 1]))
			return NULL;
	size_t b = e;

	while (b > 0 && is_letter(text[b - 1]))
		b--;
	*end = b;
	*ret_len = e - b;
	return e > b ? text + b : NULL;
}

static bool word_is(const char *w, size_t len, const char *const *list)
{
	for (; w && *list; list++)
		if (strlen(*list) == len && strncasecmp(w, *list, len) == 0)
			return true;
	return false;
}

/*
 * Does the text say this undated day is still to come? A cue among the
 * few words before it ("berlangsung hingga", "akan digelar pada",
 * "menjelang") or right after it ("mendatang", "nanti"); "lalu" right
 * after says the opposite, whatever came before.
 */
static bool points_ahead(const char *text, size_t len, const struct date_match *m)
{
	static const char *const before[] = { "hingga", "sampai",    "akan", "nanti",
					      "jelang", "menjelang", NULL };
	static const char *const after[] = { "mendatang", "nanti", "depan", NULL };
	size_t at = m->end, n = 0;

	while (at < len && text[at] == ' ')
		at++;
	while (at + n < len && is_letter(text[at + n]))
		n++;
	if (n == 4 && strncasecmp(text + at, "lalu", 4) == 0)
		return false;
	if (word_is(text + at, n, after))
		return true;
	at = m->start;
	for (int i = 0; i < AHEAD_CUE_WORDS; i++) {
		const char *w = word_before(text, &at, &n);

		if (!w)
			break;
		if (word_is(w, n, before))
			return true;
	}
	return false;
}

static void add_date(struct wp_json_list *list, const char *text, size_t len,
		     const struct date_match *m, const struct reference *ref, size_t offset)
{
	char iso[64];
	bool mismatch;

	wp_json_object_begin(list);
	wp_json_string(list, "text", text + m->start, m->end - m->start);
	if (resolve(m, ref, m->year == 0 && points_ahead(text, len, m), iso, sizeof(iso),
		    &mismatch)) {
		wp_json_string(list, "date", iso, strlen(iso));
		if (mismatch)
			wp_json_bool(list, "weekday_mismatch", true);
		struct date_match last = *m;
		bool unused;

		last.day = m->end_day;
		if (m->end_day && resolve(&last, ref, m->year == 0 && points_ahead(text, len, m),
					  iso, sizeof(iso), &unused))
			wp_json_string(list, "end", iso, strlen(iso));
	} else if (m->has_time) {
		iso[0] = '\0';
		append_time(iso, sizeof(iso), m->hour, m->minute, m->second, m->has_zone,
			    m->zone_minutes);
		wp_json_string(list, "time", iso + 1, strlen(iso + 1)); /* without the "T" */
	}
	wp_json_string(list, "kind", kind_name(m->kind), strlen(kind_name(m->kind)));
	wp_json_uint(list, "offset", offset);
	wp_json_object_end(list);
}

/* Code points before byte `to`, counting on from a previous position. */
static size_t advance_chars(const char *s, size_t from, size_t to, size_t chars)
{
	for (size_t i = from; i < to; i++)
		chars += ((unsigned char)s[i] & 0xc0) != 0x80;
	return chars;
}

static int scan_text(struct wa_article *a, const char *text, const struct reference *ref)
{
	struct wp_json_list list = { 0 };
	struct wp_date_spans *spans = calloc(1, sizeof(*spans));
	size_t pos = 0, len = strlen(text), byte = 0, chars = 0;
	struct date_match m;
	int r;

	if (!spans || !(spans->v = malloc(MAX_DATES * sizeof(*spans->v)))) {
		wp_date_spans_free(spans);
		return -ENOMEM;
	}
	while (list.n < MAX_DATES && date_find_next(text, len, &pos, &m)) {
		chars = advance_chars(text, byte, m.start, chars);
		byte = m.start;
		add_date(&list, text, len, &m, ref, chars);
		spans->v[spans->n++] = (struct wp_date_span){
			(uint32_t)chars, (uint32_t)advance_chars(text, m.start, m.end, chars)
		};
	}
	/* On failure set_memo has freed the spans. */
	r = wa_article_set_memo(a, WP_DATE_SPANS_MEMO, spans, wp_date_spans_free);
	if (r < 0) {
		wp_json_list_fini(&list);
		return r;
	}
	return wp_json_list_set(a, "dates", &list);
}

/* "2026-11-22..." -> a reference day (and time when it carries "THH:MM"). */
static bool reference_from_iso(const char *s, struct reference *ref)
{
	int y, mo, d, h, mi;

	if (!s || sscanf(s, "%4d-%2d-%2d", &y, &mo, &d) != 3 || !valid_date(y, mo, d))
		return false;
	*ref = (struct reference){ .day = days_from_civil(y, (unsigned)mo, (unsigned)d) };
	if (strlen(s) >= 16 && s[10] == 'T' && sscanf(s + 11, "%2d:%2d", &h, &mi) == 2) {
		ref->has_time = true;
		ref->minute_of_day = h * 60 + mi;
		const char *zone = s + 16 + strspn(s + 16, ":0123456789.");
		int zh, zm;

		if (*zone == 'Z')
			ref->has_zone = true, ref->zone_minutes = 0;
		else if ((*zone == '+' || *zone == '-') &&
			 sscanf(zone + 1, "%2d:%2d", &zh, &zm) == 2)
			ref->has_zone = true,
			ref->zone_minutes = (*zone == '-' ? -1 : 1) * (zh * 60 + zm);
	}
	return true;
}

/*
 * The publication date, and the reference later dates count from, read back
 * from what was written: a dateline's "2 Dis" has its year only there.
 */
static int set_published(struct wa_article *a, const char *iso, struct reference *ref)
{
	(void)reference_from_iso(iso, ref);
	return wa_article_set_string(a, "published", iso);
}

/*
 * The page's own date: the first full date on a header line clean set
 * aside (date lines first, then bylines, which some outlets glue it to).
 */
struct header_dates {
	const char *kind; /* the kind of removed[] lines being read */
	struct date_match published, updated;
	bool have_published, have_updated;
};

static int read_header_line(void *data, const char *kind, const char *text)
{
	struct header_dates *h = data;
	size_t pos = 0;
	struct date_match m;

	if (!kind || !text || strcmp(kind, h->kind) != 0)
		return 0;
	/* A wire dateline gives day and month only: the year is the arrival's. */
	bool dateline = strcmp(kind, "dateline") == 0;

	while (date_find_next(text, strlen(text), &pos, &m)) {
		if (m.kind != DATE_ABSOLUTE && !(dateline && m.kind == DATE_PARTIAL && m.day))
			continue;
		if (m.updated && !h->have_updated) {
			h->updated = m, h->have_updated = true;
		} else if (!m.updated) {
			h->published = m, h->have_published = true;
			return -ECANCELED; /* found: stop the walk */
		}
	}
	return 0;
}

static int find_published(struct wa_article *a, struct reference *ref, bool *found)
{
	/* A wire story's dateline carries its date: "JAKARTA, March 28 (Reuters) -". */
	static const char *const kinds[] = { "date", "byline", "header", "dateline" };
	struct header_dates h = { 0 };
	char iso[64];
	bool mismatch;

	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds) && !h.have_published; k++) {
		h.kind = kinds[k];
		(void)wa_article_for_each_removed(a, read_header_line, &h);
	}
	struct date_match published = h.published, updated = h.updated;
	bool have_published = h.have_published, have_updated = h.have_updated;
	int r = 0;

	if (have_updated && resolve(&updated, ref, false, iso, sizeof(iso), &mismatch))
		r = wa_article_set_string(a, "updated", iso);
	if (!have_published && have_updated)
		published = updated, have_published = true;
	*found = have_published;
	if (r == 0 && have_published &&
	    resolve(&published, ref, false, iso, sizeof(iso), &mismatch)) {
		r = set_published(a, iso, ref);
	}
	return r;
}

/*
 * A date ingest took from metadata as it was written ("30 November 2026
 * 14:05 WIB", "Senin, 30/11/2026"): made ISO 8601 like any other, or
 * dropped for the page's own when it reads as no date.
 */
static int read_given(struct wa_article *a, const char *given, struct reference *ref, bool *found)
{
	struct date_match m;
	size_t pos = 0;
	char iso[64];
	bool mismatch;

	*found = date_find_next(given, strlen(given), &pos, &m) &&
		 resolve(&m, ref, false, iso, sizeof(iso), &mismatch) && m.kind != DATE_PARTIAL;
	if (!*found)
		return 0;
	return set_published(a, iso, ref);
}

#define EARLIEST_NEWS_YEAR 1990 /* before it, a page's date is a placeholder */

static bool plausible_published(int64_t day)
{
	return day >= days_from_civil(EARLIEST_NEWS_YEAR, 1, 1);
}

/*
 * Without the page's date, the first date of the first paragraph that
 * names its day for certain ("Kamis (27/11/2025)", or "Kamis (27/11)" whose
 * weekday fixes the year) is the day the news is from: "Juli lalu" and
 * "Rabu" later count from it, not from whenever the file arrived (an
 * article dropped long after it was written). Changes *ref if so.
 */
static void reference_from_lede(const char *text, struct reference *ref)
{
	const char *end = strchr(text, '\n');
	size_t len = end ? (size_t)(end - text) : strlen(text), pos = 0;
	struct date_match m;

	while (date_find_next(text, len, &pos, &m)) {
		char iso[64];
		bool mismatch;
		struct reference day;

		if (m.kind == DATE_RELATIVE || m.day == 0 || (m.year == 0 && m.weekday < 0))
			continue;
		if (resolve(&m, ref, false, iso, sizeof(iso), &mismatch) && !mismatch &&
		    reference_from_iso(iso, &day))
			ref->day = day.day, ref->has_time = false;
		return;
	}
}

static int dates_process(void *state, struct wa_article *a)
{
	const char *text = wa_article_text(a);
	const char *given = wa_article_get_string(a, "published");
	struct reference ref = { 0 };
	bool found = false;
	int r = 0;

	if (!text)
		return WA_PLUGIN_OK;
	if (!reference_from_iso(wa_article_get_string(a, "received"), &ref))
		ref.day = days_from_civil(2000, 1, 1);
	struct reference arrival = ref;

	if (given && reference_from_iso(given, &ref)) {
		found = true;
	} else if (given) {
		r = read_given(a, given, &ref, &found);
	}
	/* A page's placeholder ("0001-01-01T00:00:00Z") is no date: the header may hold one. */
	if (r == 0 && found && !plausible_published(ref.day)) {
		ref = arrival;
		found = false;
	}
	if (r == 0 && !found)
		r = find_published(a, &ref, &found);
	if (r == 0 && !found) {
		r = wa_article_set_json(a, "published", "null");
		reference_from_lede(text, &ref);
	}
	if (r == 0)
		r = scan_text(a, text, &ref);
	return r < 0 ? r : WA_PLUGIN_OK;
}

WA_PLUGIN_DEFINE(dates) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "dates",
	.summary = "Date expressions (Indonesian and English) as dates[]; the page's own date",
	.kind = WA_PLUGIN_ANALYZE,
	.process = dates_process,
};
