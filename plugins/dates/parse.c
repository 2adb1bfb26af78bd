/* SPDX-License-Identifier: MIT */
/*
 * A small recursive-descent reader over the text, tried at each word start.
 * Vocabulary: CLDR's Indonesian day and month names and abbreviations, the
 * variants seen on the outlets (Ahad, Jum'at, Agt, Ags, Pebruari, Nopember),
 * English names (Republika prints "03 Aug 2025"), and dateparser's
 * Indonesian relative words (DOMAIN.md 2.1).
 */
#include "parse.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <warta/swar.h>

#include "../common/wordset.h"
#include "calendar.h"

struct word {
	const char *text;
	int value;
};

static const struct word weekdays[] = {
	{ "senin", 1 },
	{ "selasa", 2 },
	{ "rabu", 3 },
	{ "kamis", 4 },
	{ "jumat", 5 },
	{ "jum'at", 5 },
	{ "sabtu", 6 },
	{ "minggu", 0 },
	{ "ahad", 0 },
	{ "monday", 1 },
	{ "tuesday", 2 },
	{ "wednesday", 3 },
	{ "thursday", 4 },
	{ "friday", 5 },
	{ "saturday", 6 },
	{ "sunday", 0 },
	/* Malay */
	{ "isnin", 1 },
	{ "khamis", 4 },
	{ "jumaat", 5 },
};

/* Abbreviations count only before a comma and a date ("Sen, 4/12/2022"). */
static const struct word weekday_abbrevs[] = {
	{ "sen", 1 }, { "sel", 2 }, { "rab", 3 }, { "kam", 4 }, { "jum", 5 },
	{ "sab", 6 }, { "min", 0 }, { "mon", 1 }, { "tue", 2 }, { "wed", 3 },
	{ "thu", 4 }, { "fri", 5 }, { "sat", 6 }, { "sun", 0 },
};

static const struct word months[] = {
	{ "januari", 1 },
	{ "january", 1 },
	{ "jan", 1 },
	{ "februari", 2 },
	{ "pebruari", 2 },
	{ "february", 2 },
	{ "feb", 2 },
	{ "peb", 2 },
	{ "maret", 3 },
	{ "march", 3 },
	{ "mar", 3 },
	{ "april", 4 },
	{ "apr", 4 },
	{ "mei", 5 },
	{ "may", 5 },
	{ "juni", 6 },
	{ "june", 6 },
	{ "jun", 6 },
	{ "juli", 7 },
	{ "july", 7 },
	{ "jul", 7 },
	{ "agustus", 8 },
	{ "august", 8 },
	{ "agu", 8 },
	{ "agt", 8 },
	{ "ags", 8 },
	{ "aug", 8 },
	{ "september", 9 },
	{ "sept", 9 },
	{ "sep", 9 },
	{ "oktober", 10 },
	{ "october", 10 },
	{ "okt", 10 },
	{ "oct", 10 },
	{ "november", 11 },
	{ "nopember", 11 },
	{ "nov", 11 },
	{ "nop", 11 },
	{ "desember", 12 },
	{ "december", 12 },
	{ "des", 12 },
	{ "dec", 12 },
	/* Malay */
	{ "mac", 3 },
	{ "julai", 7 },
	{ "ogos", 8 },
	{ "disember", 12 },
	{ "dis", 12 },
};

static const struct word zones[] = {
	{ "wita", 480 }, { "wib", 420 }, { "wit", 540 }, { "myt", 480 }, { "sgt", 480 }
};

static const struct word units[] = {
	{ "detik", UNIT_MINUTE }, { "menit", UNIT_MINUTE }, { "mnt", UNIT_MINUTE },
	{ "jam", UNIT_HOUR },     { "hari", UNIT_DAY },     { "minggu", UNIT_WEEK },
	{ "pekan", UNIT_WEEK },   { "mgg", UNIT_WEEK },     { "bulan", UNIT_MONTH },
	{ "bln", UNIT_MONTH },    { "tahun", UNIT_YEAR },   { "thn", UNIT_YEAR },
};

/* Counts written out, before a unit: "dua minggu lalu", "tiga hari yang lalu". */
static const struct word number_words[] = {
	{ "satu", 1 },  { "dua", 2 },      { "tiga", 3 },     { "empat", 4 },
	{ "lima", 5 },  { "enam", 6 },     { "tujuh", 7 },    { "delapan", 8 },
	{ "lapan", 8 }, { "sembilan", 9 }, { "sepuluh", 10 }, { "sebelas", 11 },
};

/* One of a unit, in one word: "sepekan lalu", "setahun lalu". */
static const struct word one_units[] = {
	{ "sejam", UNIT_HOUR },   { "sehari", UNIT_DAY },    { "seminggu", UNIT_WEEK },
	{ "sepekan", UNIT_WEEK }, { "sebulan", UNIT_MONTH }, { "setahun", UNIT_YEAR },
};

struct cursor {
	const char *s;
	size_t len, at;
};

/* ASCII letters and the apostrophe of "Jum'at": what the words of a date are made of. */
static const bool alpha_byte[256] = {
	['A' ... 'Z'] = true,
	['a' ... 'z'] = true,
	['\''] = true,
};

static bool is_alpha(char c)
{
	return alpha_byte[(unsigned char)c];
}

static void skip(struct cursor *c, const char *chars)
{
	while (c->at < c->len && strchr(chars, c->s[c->at]))
		c->at++;
}

/* Matches a table word at the cursor, whole-word, case-insensitive. */
static bool word(struct cursor *c, const struct word *table, size_t n, int *ret_value)
{
	size_t end = c->at;

	while (end < c->len && is_alpha(c->s[end]))
		end++;
	size_t len = end - c->at;
	char first = (char)(c->s[c->at] | 0x20); /* the tables are lower case */

	for (size_t i = 0; len && i < n; i++) {
		if (table[i].text[0] == first && strnlen(table[i].text, len + 1) == len &&
		    strncasecmp(c->s + c->at, table[i].text, len) == 0) {
			*ret_value = table[i].value;
			c->at = end;
			return true;
		}
	}
	return false;
}

static bool literal(struct cursor *c, const char *w)
{
	size_t n = strlen(w);

	if (c->at + n > c->len || strncasecmp(c->s + c->at, w, n) != 0 ||
	    (c->at + n < c->len && is_alpha(c->s[c->at + n])))
		return false;
	c->at += n;
	return true;
}

static bool number(struct cursor *c, size_t min_digits, size_t max_digits, int *ret)
{
	size_t end = c->at;
	int v = 0;

	while (end < c->len && isdigit((unsigned char)c->s[end]) && end - c->at < max_digits + 1)
		v = v * 10 + (c->s[end++] - '0');
	if (end - c->at < min_digits || end - c->at > max_digits ||
	    (end < c->len && isdigit((unsigned char)c->s[end])))
		return false;
	*ret = v;
	c->at = end;
	return true;
}

#define N(t) (sizeof(t) / sizeof(*(t)))

/* "7:12 AM", "3:45pm", "11.30 p.m.": a twelve-hour clock's hour made 0-23. */
static void meridiem(struct cursor *c, int *h)
{
	struct cursor t = *c;

	skip(&t, " ");
	bool am = literal(&t, "am") || literal(&t, "a.m.");
	bool pm = !am && (literal(&t, "pm") || literal(&t, "p.m."));

	if ((!am && !pm) || *h < 1 || *h > 12)
		return;
	*h = (*h % 12) + (pm ? 12 : 0);
	*c = t;
}

/* "GMT+7", "UTC+07:00", "GMT-5", "GMT": an offset from UTC, in minutes. */
static bool utc_offset(struct cursor *c, int *ret_minutes)
{
	struct cursor t = *c;
	int h = 0, mi = 0, sign = 1;

	if (t.at + 3 > t.len ||
	    (strncasecmp(t.s + t.at, "gmt", 3) != 0 && strncasecmp(t.s + t.at, "utc", 3) != 0))
		return false;
	t.at += 3;
	if (t.at < t.len && (t.s[t.at] == '+' || t.s[t.at] == '-')) {
		size_t digits = 0;
		int hhmm;

		sign = t.s[t.at] == '-' ? -1 : 1;
		t.at++;
		while (t.at + digits < t.len && isdigit((unsigned char)t.s[t.at + digits]))
			digits++;
		/* "GMT+700", "UTC+0530": hours and minutes without a colon (Antara English). */
		if (digits == 3 || digits == 4) {
			if (!number(&t, digits, digits, &hhmm) || hhmm / 100 > 14 ||
			    hhmm % 100 > 59)
				return false;
			h = hhmm / 100, mi = hhmm % 100;
		} else if (!number(&t, 1, 2, &h) || h > 14) {
			return false;
		}
		if (digits <= 2 && t.at + 2 < t.len && t.s[t.at] == ':') {
			t.at++;
			if (!number(&t, 2, 2, &mi) || mi > 59)
				return false;
		}
	}
	if (t.at < t.len && is_alpha(t.s[t.at]))
		return false;
	*ret_minutes = sign * (h * 60 + mi);
	*c = t;
	return true;
}

/* "14:30", "08.30", "07:40:00", then "WIB"; after "pukul" when given. */
static bool time_of_day(struct cursor *c, struct date_match *m)
{
	struct cursor t = *c;
	int h, mi, s = 0, zone;

	(void)(literal(&t, "pukul") || literal(&t, "pkl.") || literal(&t, "pkl") ||
	       literal(&t, "jam"));
	skip(&t, " ");
	if (!number(&t, 1, 2, &h) || t.at >= t.len || (t.s[t.at] != ':' && t.s[t.at] != '.'))
		return false;
	t.at++;
	/* "2.000 personel" is a number, not two o'clock. */
	if (!number(&t, 2, 2, &mi) || h > 23 || mi > 59 ||
	    (t.at < t.len && isdigit((unsigned char)t.s[t.at])))
		return false;
	if (t.at + 2 < t.len && t.s[t.at] == ':' && isdigit((unsigned char)t.s[t.at + 1])) {
		t.at++;
		if (!number(&t, 2, 2, &s) || s > 59)
			return false;
	}
	meridiem(&t, &h);
	m->has_time = true;
	m->hour = h, m->minute = mi, m->second = s;
	*c = t;
	struct cursor z = t;

	skip(&z, " ");
	if (word(&z, zones, N(zones), &zone) || utc_offset(&z, &zone)) {
		m->has_zone = true;
		m->zone_minutes = zone;
		*c = z;
	}
	return true;
}

/* The separators between a date and its time: ", ", " | ", " - ", "pukul". */
static void optional_time(struct cursor *c, struct date_match *m)
{
	struct cursor t = *c;

	skip(&t, " ,|-@");
	if (time_of_day(&t, m))
		*c = t;
}

static int full_year(int y, size_t digits)
{
	return digits == 2 ? 2000 + y : y;
}

/* "4/12/2022", "4/12/22", "2/7" (only when allow_no_year) */
static bool numeric_date(struct cursor *c, struct date_match *m, bool allow_no_year)
{
	struct cursor t = *c;
	int d, mo, y;

	if (!number(&t, 1, 2, &d) || t.at >= t.len || t.s[t.at] != '/')
		return false;
	t.at++;
	if (!number(&t, 1, 2, &mo))
		return false;
	m->day = d, m->month = mo, m->year = 0;
	if (t.at + 1 < t.len && t.s[t.at] == '/') {
		size_t before = ++t.at;

		if (!number(&t, 2, 4, &y) || t.at - before == 3)
			return false;
		m->year = full_year(y, t.at - before);
	} else if (!allow_no_year) {
		return false;
	}
	if (!valid_date(m->year ? m->year : 2000, mo, d))
		return false;
	*c = t;
	return true;
}

/* "4 Desember 2022", "03 Aug 2025", "28 Juli", "21 November" */
/* English ordinals: "30th November", "November 1st". */
static void ordinal_suffix(struct cursor *c)
{
	(void)(literal(c, "st") || literal(c, "nd") || literal(c, "rd") || literal(c, "th"));
}

static bool day_month_year(struct cursor *c, struct date_match *m)
{
	struct cursor t = *c;
	int d, mo, y;

	if (!number(&t, 1, 2, &d))
		return false;
	ordinal_suffix(&t);
	skip(&t, " ");
	if (!word(&t, months, N(months), &mo))
		return false;
	m->day = d, m->month = mo, m->year = 0;
	struct cursor yc = t;

	/* "03 Agt. 2025": an abbreviation's dot; "pada 28 Juli." ends the sentence. */
	if (yc.at < yc.len && yc.s[yc.at] == '.')
		yc.at++;
	skip(&yc, " ,");
	if (number(&yc, 4, 4, &y) && y >= 1900 && y <= 2100) {
		m->year = y;
		t = yc;
	}
	if (!valid_date(m->year ? m->year : 2000, mo, d))
		return false;
	*c = t;
	return true;
}

static void word_before(const struct cursor *c, char *buf, size_t size);

/* Whether the word before the cursor, folded, is one of words[0..n). */
static bool word_before_is(const struct cursor *c, const char *const *words, size_t n)
{
	char w[16];

	word_before(c, w, sizeof(w));
	for (size_t i = 0; i < n; i++)
		if (strcmp(w, words[i]) == 0)
			return true;
	return false;
}

/* "awal Desember", "akhir Juli", "mid-March": a part of the month before its name. */
static bool part_of_month_before(const struct cursor *c)
{
	static const char *const parts[] = {
		"awal", "akhir", "pertengahan", "early", "late", "mid"
	};

	return word_before_is(c, parts, N(parts));
}

/*
 * "pada Juli", "sejak Agustus", "bulan Mei", "in March", "since March",
 * "last May": a month alone that the word before makes a time. This month
 * or an earlier one unless the words point ahead ("akan digelar pada
 * Juli"): news reports what was.
 */
static bool month_preposition_before(const struct cursor *c)
{
	static const char *const words[] = { "pada", "sejak", "bulan", "in", "since", "last" };

	return word_before_is(c, words, N(words));
}

/* "December 4, 2022", "Dec 4 2022"; "Desember 2022" (a month: partial) */
static bool month_first(struct cursor *c, struct date_match *m)
{
	struct cursor t = *c;
	int mo, d, y;

	/* Month first only when capitalised: "may 2024" may be a verb. */
	if (!isupper((unsigned char)c->s[c->at]) || !word(&t, months, N(months), &mo))
		return false;
	/* A month alone ends before a full stop, which closes its sentence. */
	struct cursor month_end = t;

	if (t.at < t.len && t.s[t.at] == '.')
		t.at++;

	skip(&t, " ");
	struct cursor dc = t;

	if (number(&dc, 1, 2, &d)) {
		ordinal_suffix(&dc);
		struct cursor day_end = dc;

		skip(&dc, " ,");
		if (number(&dc, 4, 4, &y) && valid_date(y, mo, d)) {
			m->year = y, m->month = mo, m->day = d;
			*c = dc;
			return true;
		}
		/* "March 28 (Reuters)", "on March 28": the year is the reference's. */
		if (!valid_date(2000, mo, d))
			return false;
		m->year = 0, m->month = mo, m->day = d;
		*c = day_end;
		return true;
	}
	if (number(&t, 4, 4, &y) && y >= 1900 && y <= 2100) {
		m->year = y, m->month = mo, m->day = 0;
		*c = t;
		return true;
	}
	/*
	 * "Februari lalu", "Juni mendatang", "awal Desember": the month, its year
	 * the reference's side of it.
	 */
	bool past = literal(&t, "lalu");
	bool to_come = !past && (literal(&t, "mendatang") || literal(&t, "depan"));
	bool part = !past && !to_come && part_of_month_before(c);
	bool after_preposition = !past && !to_come && !part && month_preposition_before(c);

	if (past || to_come || part || after_preposition) {
		m->year = 0, m->month = mo, m->day = 0;
		m->said_past = past;
		m->said_so_far = after_preposition;
		*c = month_end;
		return true;
	}
	return false;
}

static bool date_body(struct cursor *c, struct date_match *m)
{
	return numeric_date(c, m, false) || day_month_year(c, m) || month_first(c, m);
}

/*
 * "2 jam yang lalu", "17 menit lalu", "3 hari lagi", and written out: "dua
 * minggu lalu", "sepekan yang lalu".
 */
static bool counted_relative(struct cursor *c, struct date_match *m)
{
	struct cursor t = *c;
	int n, unit;

	if (word(&t, one_units, N(one_units), &unit)) {
		n = 1;
	} else {
		if (!number(&t, 1, 3, &n) && !word(&t, number_words, N(number_words), &n))
			return false;
		skip(&t, " ");
		if (!word(&t, units, N(units), &unit))
			return false;
	}
	skip(&t, " ");
	(void)literal(&t, "yang");
	skip(&t, " ");
	if (literal(&t, "lalu"))
		m->amount = n;
	else if (literal(&t, "lagi") || literal(&t, "mendatang"))
		m->amount = -n;
	else
		return false;
	m->kind = DATE_RELATIVE;
	m->unit = (enum date_unit)unit;
	*c = t;
	return true;
}

struct phrase {
	const char *text;
	int amount;
	enum date_unit unit;
};

static const struct phrase phrases[] = {
	{ "kemarin lusa", 2, UNIT_DAY },
	{ "kemarin", 1, UNIT_DAY },
	{ "hari ini", 0, UNIT_DAY },
	{ "besok lusa", -2, UNIT_DAY },
	{ "besok", -1, UNIT_DAY },
	{ "lusa", -2, UNIT_DAY },
	{ "minggu lalu", 1, UNIT_WEEK },
	{ "pekan lalu", 1, UNIT_WEEK },
	{ "minggu depan", -1, UNIT_WEEK },
	{ "pekan depan", -1, UNIT_WEEK },
	{ "bulan lalu", 1, UNIT_MONTH },
	{ "bulan depan", -1, UNIT_MONTH },
	{ "tahun lalu", 1, UNIT_YEAR },
	{ "tahun depan", -1, UNIT_YEAR },
	{ "tadi malam", 1, UNIT_DAY },
	{ "last week", 1, UNIT_WEEK },
	{ "next week", -1, UNIT_WEEK },
	{ "last month", 1, UNIT_MONTH },
	{ "next month", -1, UNIT_MONTH },
	{ "last year", 1, UNIT_YEAR },
	{ "next year", -1, UNIT_YEAR },
	{ "yesterday", 1, UNIT_DAY },
	{ "today", 0, UNIT_DAY },
	{ "tomorrow", -1, UNIT_DAY },
	/* Malay: "semalam" is yesterday (last night, in Indonesian: the day before too). */
	{ "semalam", 1, UNIT_DAY },
	{ "esok", -1, UNIT_DAY },
	{ "minggu hadapan", -1, UNIT_WEEK },
	{ "bulan hadapan", -1, UNIT_MONTH },
	{ "tahun hadapan", -1, UNIT_YEAR },
	{ "tahun lepas", 1, UNIT_YEAR },
	{ "minggu lepas", 1, UNIT_WEEK },
	{ "bulan lepas", 1, UNIT_MONTH },
};

static bool phrase_relative(struct cursor *c, struct date_match *m)
{
	char first = (char)(c->s[c->at] | 0x20);

	for (size_t i = 0; i < N(phrases); i++) {
		struct cursor t = *c;
		bool ok = phrases[i].text[0] == first;

		/* Multi-word phrases: match word by word over single spaces. */
		for (const char *p = phrases[i].text; ok && *p;) {
			size_t n = strcspn(p, " ");
			char w[16];

			memcpy(w, p, n);
			w[n] = '\0';
			ok = literal(&t, w);
			p += n;
			if (*p == ' ') {
				p++;
				ok = ok && t.at < t.len && t.s[t.at] == ' ';
				skip(&t, " ");
			}
		}
		if (ok) {
			m->kind = DATE_RELATIVE;
			m->amount = phrases[i].amount;
			m->unit = phrases[i].unit;
			*c = t;
			return true;
		}
	}
	return false;
}

/* Starting with a weekday: "Minggu (4/12/2022)", "Ahad , 03 Aug 2025, 17:35 WIB", "Rabu lalu". */
/* The word before the cursor, lower-cased into buf (empty at the start of the text). */
static void word_before(const struct cursor *c, char *buf, size_t size)
{
	size_t end = c->at, start;

	while (end > 0 && c->s[end - 1] == ' ')
		end--;
	start = end;
	while (start > 0 && is_alpha(c->s[start - 1]))
		start--;
	size_t n = end - start < size - 1 ? end - start : 0;

	for (size_t i = 0; i < n; i++)
		buf[i] = (char)tolower((unsigned char)c->s[start + i]);
	buf[n] = '\0';
}

/*
 * Antara's "di Jakarta, Selasa." and "di Moskow, Selasa, seperti dikutip":
 * the day set off by a comma, closing the sentence or the clause, not a
 * list of days ("Senin, Rabu, dan Jumat").
 */
static bool between_commas(const struct cursor *c, struct cursor after)
{
	size_t before = c->at;

	while (before > 0 && c->s[before - 1] == ' ')
		before--;
	if (before == 0 || c->s[before - 1] != ',')
		return false;
	if (after.at < after.len && after.s[after.at] == '.')
		return true;
	if (after.at >= after.len || after.s[after.at] != ',')
		return false;
	after.at++;
	skip(&after, " ");
	return !literal(&after, "dan") && !literal(&after, "atau") && !literal(&after, "serta") &&
	       !literal(&after, "and") && !literal(&after, "or");
}

/*
 * A day name alone, "pada Rabu", "Kamis malam", "Selasa sekitar pukul
 * 14.00": the day of that name in the week of the reference. Only where
 * the words around make it a day: after "pada", "hari", "sejak", "hingga",
 * "sampai" ("on", "since", "until", "by") or before a part of the day or a time ("setiap Rabu" is
 * every Wednesday; a sentence's "Minggu ini" is this week). Takes a time after it.
 */
static bool bare_weekday(struct cursor *c, struct cursor after, struct date_match *m)
{
	static const char *const before[] = { "pada", "hari",  "sejak", "hingga", "sampai",
					      "on",   "since", "until", "by" };
	static const char *const parts[] = { "pagi", "siang",   "sore",      "petang",  "malam",
					     "dini", "morning", "afternoon", "evening", "night" };
	char prev[16];
	bool day = false;
	struct cursor t = after;

	word_before(c, prev, sizeof(prev));
	for (size_t i = 0; i < N(before) && !day; i++)
		day = strcmp(prev, before[i]) == 0;
	day = day || between_commas(c, after);
	skip(&t, " ");
	for (size_t i = 0; i < N(parts); i++) {
		struct cursor p = t;

		if (literal(&p, parts[i])) {
			day = true;
			break;
		}
	}
	struct cursor time = t;

	(void)literal(&time, "sekitar");
	skip(&time, " ");
	if (time_of_day(&time, m)) {
		*c = time;
		return true;
	}
	if (day)
		*c = after;
	return day;
}

static bool from_weekday(struct cursor *c, struct date_match *m)
{
	struct cursor t = *c;
	int wd;
	bool abbrev = false;

	/* Day names are capitalised in Indonesian: lower-case "minggu" is "week". */
	if (!isupper((unsigned char)c->s[c->at]))
		return false;
	if (!word(&t, weekdays, N(weekdays), &wd)) {
		if (!word(&t, weekday_abbrevs, N(weekday_abbrevs), &wd))
			return false;
		abbrev = true;
	}
	m->weekday = wd;
	struct cursor after = t;

	skip(&t, " ");
	bool comma = t.at < t.len && t.s[t.at] == ',';

	if (abbrev && !comma)
		return false;
	if (!abbrev && t.at < t.len && t.s[t.at] == '(') {
		struct cursor p = t;

		p.at++;
		skip(&p, " ");
		if ((numeric_date(&p, m, true) || day_month_year(&p, m))) {
			skip(&p, " ");
			if (p.at < p.len && p.s[p.at] == ')') {
				p.at++;
				/* "Senin (17/11/2025) pukul 14.30 WIB": the time goes with it. */
				optional_time(&p, m);
				*c = p;
				return true;
			}
		}
		return false;
	}
	skip(&t, " ,");
	if (date_body(&t, m) && m->day) {
		optional_time(&t, m);
		*c = t;
		return true;
	}
	/* "Rabu lalu", "Senin kemarin": the last such day before the reference. */
	struct cursor r = after;

	skip(&r, " ");
	if (!abbrev && (literal(&r, "lalu") || literal(&r, "kemarin"))) {
		m->kind = DATE_RELATIVE;
		m->unit = UNIT_NONE;
		m->amount = 1;
		*c = r;
		return true;
	}
	if (!abbrev && bare_weekday(c, after, m)) {
		m->kind = DATE_RELATIVE;
		m->unit = UNIT_NONE;
		m->amount = 0;
		return true;
	}
	return false;
}

/* "Diperbarui 18 Jun 2025, 14:05 WIB": marks the date as an update. */
static bool update_prefix(struct cursor *c)
{
	static const char *const words[] = { "diperbarui", "updated", "update" };

	for (size_t i = 0; i < N(words); i++) {
		struct cursor t = *c;

		if (literal(&t, words[i])) {
			skip(&t, " :,-");
			*c = t;
			return true;
		}
	}
	return false;
}

/* "(12/9)" and "(4/12/2022)" in running text. */
static bool parenthesised(struct cursor *c, struct date_match *m)
{
	struct cursor p = *c;

	p.at++;
	if (numeric_date(&p, m, true) && p.at < p.len && p.s[p.at] == ')') {
		c->at = p.at + 1;
		return true;
	}
	return false;
}

/*
 * Whether the digits at s[at] may go on as a date does: with a separator
 * ("4/12", "08.30", "2025-07-03"), a space ("28 Juli", "2 jam lalu") or a
 * letter ("30th"). Numbers that close a bracket or a clause ("(12)",
 * "9.000,") are turned away before the readers try them one by one.
 */
static bool digits_may_open_date(const char *s, size_t len, size_t at)
{
	while (at < len && s[at] >= '0' && s[at] <= '9')
		at++;
	if (at >= len)
		return false;
	unsigned char next = (unsigned char)s[at];

	return next == ' ' || next == '/' || next == '-' || next == '.' || next == ':' ||
	       (unsigned char)((next | 0x20) - 'a') < 26;
}

/* "17-18 November 2025", "4-8 November": the first day, and the last as end_day. */
static bool day_range(struct cursor *c, struct date_match *m)
{
	struct cursor t = *c;
	int first;

	if (!number(&t, 1, 2, &first) || t.at + 1 >= t.len || t.s[t.at] != '-' ||
	    !isdigit((unsigned char)t.s[t.at + 1]))
		return false;
	t.at++;
	if (!day_month_year(&t, m) || first >= m->day)
		return false;
	m->end_day = m->day;
	m->day = first;
	*c = t;
	return true;
}

/* Tries the readers that can start with the character at the cursor. */
static bool parse_at(struct cursor *c, struct date_match *m)
{
	struct cursor t = *c;
	char first = c->s[c->at];

	if ((first == '(' || isdigit((unsigned char)first)) &&
	    !digits_may_open_date(c->s, c->len, c->at + (first == '(')))
		return false;

	*m = (struct date_match){ .weekday = -1 };
	if (first == '(')
		return parenthesised(c, m);
	if (isdigit((unsigned char)first)) {
		if (counted_relative(&t, m))
			goto found;
		*m = (struct date_match){ .weekday = -1 };
		if (day_range(&t, m))
			goto found;
		*m = (struct date_match){ .weekday = -1 };
		if (date_body(&t, m)) {
			optional_time(&t, m);
			goto found;
		}
		/* "10.15 WIB - ...": a time with its zone needs no "pukul" (live reports). */
		*m = (struct date_match){ .weekday = -1 };
		t = *c;
		if (time_of_day(&t, m) && m->has_zone)
			goto found;
		return false;
	}
	bool updated = update_prefix(&t);

	m->updated = updated;
	if (from_weekday(&t, m) || phrase_relative(&t, m) || counted_relative(&t, m))
		goto found;
	*m = (struct date_match){ .weekday = -1, .updated = updated };
	if (date_body(&t, m)) {
		optional_time(&t, m);
		goto found;
	}
	*m = (struct date_match){ .weekday = -1, .updated = updated };
	if (!updated && (literal(&t, "pukul") || literal(&t, "pkl"))) {
		t = *c;
		if (time_of_day(&t, m))
			goto found;
	}
	return false;
found:
	*c = t;
	return true;
}

/*
 * The words a date expression can open with, in a small hash set, for a
 * cheap test at each word start: most words of a text start nothing, and
 * the parsers are tried only where one could.
 */
#define STARTER_MAX 16

static struct wp_wordset starters;
/*
 * Bit n of starter_shapes[a][b]: a starter of n bytes opens with the
 * letters a b (0 for 'a'). Asked of the few words starter_third lets by,
 * before any copy or hash.
 */
#define NO_LETTER 26 /* a byte that is no letter a-z, as an index */
static uint16_t starter_shapes[NO_LETTER + 1][NO_LETTER + 1]; /* NO_LETTER's: no starter */
/*
 * Bit c of starter_third[a][b]: a starter opens with the letters a b c;
 * bit NO_LETTER: one opens with a b and no third letter. Indonesian words open
 * with me-, be-, se-, ke-, di-, pe- as the month and day names do, so two
 * letters let a third of all words through; three turn most away.
 */
static uint32_t starter_third[NO_LETTER + 1][NO_LETTER + 1];
static pthread_once_t starters_once = PTHREAD_ONCE_INIT;

_Static_assert(STARTER_MAX <= 16, "a length is a bit of a uint16_t");

static void add_starter(const char *w)
{
	size_t n = strcspn(w, " ");

	if (n >= 2 && n < STARTER_MAX && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z') {
		starter_shapes[w[0] - 'a'][w[1] - 'a'] |= (uint16_t)(1u << n);
		starter_third[w[0] - 'a'][w[1] - 'a'] |=
			n > 2 && w[2] >= 'a' && w[2] <= 'z' ? 1u << (w[2] - 'a') : 1u << NO_LETTER;
	}
	/* Out of memory leaves a word out: its dates go unfound, nothing worse. */
	(void)wp_wordset_add(&starters, w, n, 0);
}

static void build_starters(void)
{
	static const char *const more[] = { "diperbarui", "updated", "update", "pukul", "pkl" };

	for (size_t i = 0; i < N(weekdays); i++)
		add_starter(weekdays[i].text);
	for (size_t i = 0; i < N(weekday_abbrevs); i++)
		add_starter(weekday_abbrevs[i].text);
	for (size_t i = 0; i < N(months); i++)
		add_starter(months[i].text);
	for (size_t i = 0; i < N(phrases); i++)
		add_starter(phrases[i].text);
	for (size_t i = 0; i < N(more); i++)
		add_starter(more[i]);
	for (size_t i = 0; i < N(number_words); i++)
		add_starter(number_words[i].text);
	for (size_t i = 0; i < N(one_units); i++)
		add_starter(one_units[i].text);
}

/* a-z (either case) as 0-25, anything else as NO_LETTER. */
static inline unsigned letter_index(char c)
{
	unsigned x = (unsigned)(c | 0x20) - 'a';

	return x < 26 ? x : NO_LETTER;
}

static bool may_start_date(const char *s, size_t len, size_t i)
{
	char w[STARTER_MAX];
	size_t n = 0;

	if ((s[i] >= '0' && s[i] <= '9') || s[i] == '(')
		return true;
	if (i + 1 >= len)
		return false;
	unsigned a = letter_index(s[i]), b = letter_index(s[i + 1]);
	unsigned third = i + 2 < len ? letter_index(s[i + 2]) : NO_LETTER;

	/* One test for all three letters: a branch taken by few words, so rarely mispredicted. */
	if (!(starter_third[a][b] & (1u << third)))
		return false;
	while (i + n < len && is_alpha(s[i + n]))
		if (++n >= STARTER_MAX)
			return false;
	if (!(starter_shapes[a][b] & (1u << n)))
		return false;
	for (size_t k = 0; k < n; k++) {
		char c = s[i + k];

		w[k] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	return wp_wordset_find(&starters, w, n, NULL);
}

/* Letters, digits and UTF-8 bytes: what a word is made of, without a locale lookup. */
static const bool word_bytes[256] = {
	['0' ... '9'] = true,
	['A' ... 'Z'] = true,
	['a' ... 'z'] = true,
	[0x80 ... 0xff] = true,
};

static inline bool word_byte(char ch)
{
	return word_bytes[(unsigned char)ch];
}

/* A date starting at s[i]: its match, and where to go on. */
static bool date_at(const char *s, size_t len, size_t i, struct date_match *m)
{
	struct cursor c = { s, len, i };

	if (!parse_at(&c, m))
		return false;
	if (c.at < len && word_byte(s[c.at]))
		return false; /* "4/12/2022x" is not a date */
	m->start = i;
	m->end = c.at;
	if (m->kind != DATE_RELATIVE)
		m->kind = m->year && m->day ? DATE_ABSOLUTE : DATE_PARTIAL;
	return true;
}

/*
 * Word by word: between words only "(" opens a date, and a word only at
 * its first byte; nothing starts inside a word or right after it. So each
 * word is tried once and skipped whole, with the byte after it.
 */
bool date_find_next(const char *s, size_t len, size_t *pos, struct date_match *m)
{
	size_t i = *pos;

	pthread_once(&starters_once, build_starters);
	if (i > 0 && i < len && word_byte(s[i - 1]))
		i = wa_swar_word_end(s, i, len) + 1;
	while (i < len) {
		if (!word_byte(s[i])) {
			if (s[i] == '(' && date_at(s, len, i, m))
				goto found;
			i++;
			continue;
		}
		if (may_start_date(s, len, i) && date_at(s, len, i, m))
			goto found;
		i = wa_swar_word_end(s, i, len) + 1;
	}
	*pos = len;
	return false;
found:
	*pos = m->end;
	return true;
}
