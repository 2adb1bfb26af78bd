/* SPDX-License-Identifier: MIT */
/*
 * Byline forms (DOMAIN.md 1.1): "Penulis: X", "Reporter: X", "Pewarta | : X |",
 * "Laporan Wartawan Tribunnews.com, X", "Laporan: X | City", "Oleh: X",
 * "By X", "X , Jurnalis-Selasa, ..." (Okezone), "X | City" (Viva, SinPo),
 * "Editor: Y", and trailers "(rds/has)" or "(Arief Setyadi)".
 */
#include "names.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <warta/article.h>

#include "../common/list_field.h"
#include "../common/textstat.h"
#include "sections.h"

#define NAME_MAX_WORDS 6

enum role { ROLE_NONE, ROLE_AUTHOR, ROLE_EDITOR };

struct label {
	const char *text;
	enum role role;
};

/* Longest first where one label starts another. */
static const struct label labels[] = {
	{ "laporan wartawan", ROLE_AUTHOR },
	{ "redaktur & reporter", ROLE_AUTHOR },
	{ "additional reporting by", ROLE_AUTHOR },
	{ "reporting by", ROLE_AUTHOR },
	{ "writing by", ROLE_AUTHOR },
	{ "editing by", ROLE_EDITOR },
	{ "penulis naskah", ROLE_NONE },
	{ "video editor", ROLE_NONE },
	{ "written by", ROLE_AUTHOR },
	{ "penulis", ROLE_AUTHOR },
	{ "reporter", ROLE_AUTHOR },
	{ "pewarta", ROLE_AUTHOR },
	{ "kontributor", ROLE_AUTHOR },
	{ "laporan", ROLE_AUTHOR },
	{ "writer", ROLE_AUTHOR },
	{ "author", ROLE_AUTHOR },
	{ "oleh", ROLE_AUTHOR },
	{ "by", ROLE_AUTHOR },
	{ "editor", ROLE_EDITOR },
	{ "redaktur", ROLE_EDITOR },
	{ "penyunting", ROLE_EDITOR },
	{ "fotografer", ROLE_NONE },
	{ "red", ROLE_EDITOR },
	{ "rep", ROLE_AUTHOR },
	{ "produser", ROLE_NONE },
};

struct names {
	cJSON *authors, *editors;
	char *initials;
};

static bool has_name_shape(const char *s, size_t len)
{
	size_t words = wp_count_words(s, len);

	if (!words || words > NAME_MAX_WORDS || !isupper((unsigned char)s[0]))
		return false;
	/* "WBP" after "Yeremia Sukoyo /": an editor's initials, no one's name. */
	if (words == 1 && len <= 5 && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == len)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (isdigit((unsigned char)s[i]) || strchr("@:/()", s[i]))
			return false;
	}
	return true;
}

static int append_unique(cJSON *list, const char *name)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, list)
	{
		if (strcmp(e->valuestring, name) == 0)
			return 0;
	}
	cJSON *item = cJSON_CreateString(name);

	return item && cJSON_AddItemToArray(list, item) ? 0 : -ENOMEM;
}

/* Adds one trimmed name, title-cased when printed in capitals, once. */
static int add_name(cJSON *list, const char *s, size_t len)
{
	while (len && (isspace((unsigned char)*s) || *s == '|'))
		s++, len--;
	while (len && (isspace((unsigned char)s[len - 1]) || strchr(".,|", s[len - 1])))
		len--;
	/* "Huseyin Hayatsever in Ankara" (Reuters): where the writer was is no part of the name. */
	const char *in = memmem(s, len, " in ", 4);

	if (in && isupper((unsigned char)in[4]))
		len = (size_t)(in - s);
	if (!has_name_shape(s, len))
		return 0;
	char *name = strndup(s, len);
	bool lower = false;

	if (!name)
		return -ENOMEM;
	for (size_t i = 0; i < len; i++)
		lower |= islower((unsigned char)name[i]);
	for (size_t i = 1; !lower && i < len; i++) {
		if (isalpha((unsigned char)name[i - 1]))
			name[i] = (char)tolower((unsigned char)name[i]);
	}
	int r = append_unique(list, name);

	free(name);
	return r;
}

typedef int add_fn(cJSON *list, const char *name, size_t len);

/* "A, B dan C", "A und B" -> add() for each of the three or two names. */
static int split_names(cJSON *list, const char *s, size_t len, add_fn *add)
{
	static const char *const separators[] = { ", ",  " dan ", " and ", " und ",
						  " & ", " / ",   "; " };

	while (len) {
		size_t cut = len, skip = 0;

		for (size_t i = 0; i < sizeof(separators) / sizeof(*separators); i++) {
			const char *at = memmem(s, len, separators[i], strlen(separators[i]));

			if (at && (size_t)(at - s) < cut)
				cut = (size_t)(at - s), skip = strlen(separators[i]);
		}
		int r = add(list, s, cut);

		if (r < 0)
			return r;
		if (cut == len)
			break;
		s += cut + skip;
		len -= cut + skip;
	}
	return 0;
}

static int add_names(cJSON *list, const char *s, size_t len)
{
	return split_names(list, s, len, add_name);
}

static const struct label *find_label(const char *s, size_t len, size_t *ret_skip)
{
	for (size_t i = 0; i < sizeof(labels) / sizeof(*labels); i++) {
		size_t n = strlen(labels[i].text);

		if (len > n && strncasecmp(s, labels[i].text, n) == 0 &&
		    !isalpha((unsigned char)s[n])) {
			*ret_skip = n;
			return &labels[i];
		}
	}
	return NULL;
}

/* A bare name and no outlet's or section's: "CNN Indonesia" and "Tim Redaksi" are not. */
static bool is_author_shaped(const char *s, size_t len)
{
	if (!wp_is_bare_name(s, len))
		return false;
	for (size_t i = 0; i < len;) {
		size_t n = 0;

		while (i + n < len && s[i + n] != ' ')
			n++;
		if (meta_is_section_word(s + i, n))
			return false;
		i += n;
		while (i < len && s[i] == ' ')
			i++;
	}
	return true;
}

static int parse_segment(struct names *names, const char *s, size_t len);

/* The space before a weekday and its comma that follow a name directly ("X Jum'at, 27 ..."). */
static const char *weekday_after_name(const char *s, size_t len)
{
	static const char *const days[] = { "senin",  "selasa", "rabu",   "kamis", "jumat",
					    "jum'at", "sabtu",  "minggu", "ahad" };

	for (const char *sp = memchr(s, ' ', len); sp && sp < s + len;
	     sp = memchr(sp + 1, ' ', len - (size_t)(sp + 1 - s))) {
		for (size_t d = 0; d < sizeof(days) / sizeof(*days); d++) {
			size_t n = strlen(days[d]);

			if ((size_t)(s + len - sp) > n + 1 &&
			    strncasecmp(sp + 1, days[d], n) == 0 && sp[1 + n] == ',')
				return sp;
		}
	}
	return NULL;
}

/*
 * Where a second labelled segment starts with only a space before it,
 * its label followed by a colon: "Rep: Fergi Nadira Red: Friska Yolandha"
 * (Republika). NULL if none. The colon keeps names that hold a label's
 * word ("Reddy") whole.
 */
static const char *second_label(const char *s, size_t len)
{
	size_t skip;

	for (const char *sp = memchr(s, ' ', len); sp && sp + 1 < s + len;
	     sp = memchr(sp + 1, ' ', len - (size_t)(sp + 1 - s))) {
		size_t rest = len - (size_t)(sp + 1 - s);

		if (find_label(sp + 1, rest, &skip) && skip < rest && sp[1 + skip] == ':')
			return sp + 1;
	}
	return NULL;
}

/*
 * "Penulis A, B | Editor C", "Reporting by A; Editing by B", "Rep: A Red:
 * B": each labelled segment on its own.
 */
static int parse_line(struct names *names, const char *s, size_t len)
{
	static const char *const separators[] = { " | ", "; " };
	size_t skip;
	const char *second;

	for (size_t i = 0; i < sizeof(separators) / sizeof(*separators); i++) {
		const char *sep = memmem(s, len, separators[i], strlen(separators[i]));
		const char *next = sep ? sep + strlen(separators[i]) : NULL;

		if (sep && find_label(s, len, &skip) &&
		    find_label(next, len - (size_t)(next - s), &skip)) {
			int r = parse_segment(names, s, (size_t)(sep - s));

			return r < 0 ? r : parse_line(names, next, len - (size_t)(next - s));
		}
	}
	if (find_label(s, len, &skip) && (second = second_label(s + skip, len - skip))) {
		int r = parse_segment(names, s, (size_t)(second - 1 - s));

		return r < 0 ? r : parse_line(names, second, len - (size_t)(second - s));
	}
	return parse_segment(names, s, len);
}

/* "(END)", "(Tamat)": the end of the story, as some outlets mark it, not an editor's initials. */
static bool is_end_mark(const char *s, size_t n)
{
	static const char *const marks[] = { "end", "tamat", "selesai", "habis" };

	for (size_t i = 0; i < sizeof(marks) / sizeof(*marks); i++)
		if (strlen(marks[i]) == n && strncasecmp(s, marks[i], n) == 0)
			return true;
	return false;
}

static bool has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]))
			return true;
	return false;
}

static int parse_segment(struct names *names, const char *s, size_t len)
{
	size_t skip;
	const struct label *label = find_label(s, len, &skip);
	const char *at;

	if ((s[0] == '(' || s[0] == '[') && (s[len - 1] == ')' || s[len - 1] == ']')) {
		/*
		 * A trailer: "(rds/has)" are initials, "(Arief Setyadi)" an editor's
		 * name, "(Reporting by X; Editing by Y)" a byline in brackets.
		 */
		const char *inner = s + 1;
		size_t n = len - 2;

		/* One level of brackets only: nested ones must not recurse without end. */
		if (n > 0 && inner[0] != '(' && inner[0] != '[' && find_label(inner, n, &skip))
			return parse_line(names, inner, n);

		if (memchr(inner, ' ', n) && has_name_shape(inner, n))
			return add_name(names->editors, inner, n);
		if (is_end_mark(inner, n))
			return 0;
		free(names->initials);
		names->initials = strndup(inner, n);
		return names->initials ? 0 : -ENOMEM;
	}
	if (label) {
		const char *v = s + skip;
		size_t n = len - skip;

		if (strcmp(label->text, "laporan wartawan") == 0 && n > 1) {
			/* "Laporan Wartawan Tribunnews.com, Name": skip the outlet. */
			size_t word = 1;

			while (word < n && v[word] != ' ' && v[word] != ',')
				word++;
			if (memchr(v, '.', word) || isupper((unsigned char)v[1])) {
				const char *comma = memchr(v, ',', n);

				if (comma)
					word = (size_t)(comma - v);
				v += word, n -= word;
			}
		}
		while (n && strchr(" \t|:,", *v))
			v++, n--;
		const char *bar = memchr(v, '|', n);

		if (bar)
			n = (size_t)(bar - v);
		/* "By Adib Povera - November 18, 2025 @ 6:45pm": the date after a dash. */
		const char *dash = memmem(v, n, " - ", 3);

		if (dash && has_digit(dash, (size_t)(v + n - dash)))
			n = (size_t)(dash - v);
		return label->role == ROLE_AUTHOR   ? add_names(names->authors, v, n)
		       : label->role == ROLE_EDITOR ? add_names(names->editors, v, n)
						    : 0;
	}
	/* Tempo: "Hendrik Yaputra berkontribusi dalam penulisan artikel ini." */
	if ((at = strstr(s, " berkontribusi ")) && (size_t)(at - s) < len) {
		size_t n = (size_t)(at - s);

		if (n > 6 && strncmp(at - 6, " turut", 6) == 0)
			n -= 6;
		return add_names(names->authors, s, n);
	}
	/* WordPress: "Posted on 14 Februari 2026 by Name". */
	if ((strncasecmp(s, "posted", 6) == 0 || strncasecmp(s, "diposting", 9) == 0 ||
	     strncasecmp(s, "dipublikasikan", 14) == 0 || strncasecmp(s, "published", 9) == 0) &&
	    ((at = strstr(s, " by ")) || (at = strstr(s, " oleh "))) && (size_t)(at - s) < len) {
		at = strchr(at + 1, ' ') + 1;
		return add_names(names->authors, at, len - (size_t)(at - s));
	}
	/*
	 * "X , Jurnalis-Selasa, ..." (Okezone), "X | City" (Viva), "X - detikNews",
	 * "X - 15 Nov 2025, 09:05 WIB" (Liputan6),
	 * "X · Kamis, 19 November 2026 - 07:40:00 WIB" (iNews), "X Jum'at, 27
	 * November 2026 - 11:22 WIB" (Sindonews), "X (The Jakarta Post)".
	 */
	if ((at = strcasestr(s, ", jurnalis")) || (at = strcasestr(s, " | ")) ||
	    (at = strcasestr(s, " - detik")) || (at = strstr(s, " · ")) ||
	    (at = weekday_after_name(s, len)) ||
	    ((at = strstr(s, " - ")) && isdigit((unsigned char)at[3])) || (at = strstr(s, " (")))
		return (size_t)(at - s) < len ? add_names(names->authors, s, (size_t)(at - s)) : 0;
	/*
	 * "Roni Sontani" under the text, "DANIEL A. FAJRI" in Tempo English: a
	 * writer's signature, which clean made a byline (add_name unshouts it).
	 */
	return is_author_shaped(s, len) || wp_is_shouted_name(s, len)
		       ? add_name(names->authors, s, len)
		       : 0;
}

/* One name from page metadata, less its "(obe)" initials; addresses are not names. */
static int add_given_name(cJSON *list, const char *name, size_t n)
{
	const char *paren = memchr(name, '(', n);

	if (paren)
		n = (size_t)(paren - name);
	while (n && isspace((unsigned char)name[n - 1]))
		n--;
	while (n && isspace((unsigned char)*name))
		name++, n--;
	if (!n || memchr(name, '@', n) || memmem(name, n, "://", 3) || memmem(name, n, "www.", 4))
		return 0;
	char *copy = strndup(name, n);
	int r = copy ? append_unique(list, copy) : -ENOMEM;

	free(copy);
	return r;
}

/*
 * Authors from ingest's metadata (JSON-LD, meta tags, a crawler's field)
 * are trusted, but come as the page printed them: "A and B", "A und B,
 * dpa", "Name (obe)", an e-mail address. An outlet named as the author
 * ("DER SPIEGEL") stays: that is who signs the piece.
 */
static bool in_list(const cJSON *list, const char *name)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, list)
	{
		if (cJSON_IsString(e) && !strcasecmp(e->valuestring, name))
			return true;
	}
	return false;
}

/*
 * ...except a name the page's own byline calls its editor ("Editor :
 * Heryadi" under a JSON-LD author Heryadi): that is who edited, and the
 * writer is on the byline.
 */
static void drop_editors(cJSON *tidy, const struct names *names)
{
	for (int i = cJSON_GetArraySize(tidy); i-- > 0;) {
		const char *name = cJSON_GetArrayItem(tidy, i)->valuestring;

		if (in_list(names->editors, name) && !in_list(names->authors, name))
			cJSON_DeleteItemFromArray(tidy, i);
	}
}

static int tidy_given_authors(struct wa_article *a, const char *json, const struct names *names)
{
	cJSON *given = cJSON_Parse(json), *tidy = cJSON_CreateArray(), *e;
	int r = given && tidy ? 0 : -ENOMEM;

	const cJSON *list = cJSON_IsArray(given) ? given : NULL;

	cJSON_ArrayForEach(e, list)
	{
		if (r == 0 && cJSON_IsString(e))
			r = split_names(tidy, e->valuestring, strlen(e->valuestring),
					add_given_name);
	}
	if (r == 0)
		drop_editors(tidy, names);
	if (r == 0 && cJSON_IsArray(given)) {
		char *out = cJSON_GetArraySize(tidy) ? cJSON_PrintUnformatted(tidy) : NULL;

		r = cJSON_GetArraySize(tidy) == 0 ? wa_article_set_json(a, "authors", "null")
		    : out                         ? wa_article_set_json(a, "authors", out)
						  : -ENOMEM;
		free(out);
	}
	cJSON_Delete(given);
	cJSON_Delete(tidy);
	return r;
}

static bool has_year(const char *s)
{
	for (; *s; s++)
		if ((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0'))
			if (isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]))
				return true;
	return false;
}

/* The parts after the first of a line split at " | " that start with a label, as bylines. */
static int parse_labelled_parts(struct names *names, const char *line)
{
	const char *bar = strstr(line, " | ");
	int r = 0;

	while (bar && r == 0) {
		const char *part = bar + 3, *next = strstr(part, " | ");
		size_t len = next ? (size_t)(next - part) : strlen(part), skip;

		if (len && find_label(part, len, &skip))
			r = parse_segment(names, part, len);
		bar = next;
	}
	return r;
}

/*
 * A page header's bare name next to its date line: right above it
 * ("Ahmad Fauzan", then "- Minggu, 22 November 2026 | 08:05 WIB", as
 * Pikiran Rakyat's network prints it), above the outlet's name and the
 * date (BBC News Indonesia), or right below the date (Medcom).
 */
static int add_author_by_date(struct names *names, const char *title, const char *const *top,
			      size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!is_author_shaped(top[i], strlen(top[i])) ||
		    (title && strcmp(top[i], title) == 0))
			continue;
		if ((i + 1 < n && has_year(top[i + 1])) || (i > 0 && has_year(top[i - 1])) ||
		    (i + 2 < n && has_year(top[i + 2]) && !has_year(top[i + 1])))
			return add_name(names->authors, top[i], strlen(top[i]));
	}
	return 0;
}

int meta_set_names(struct wa_article *a, const char *const *bylines, size_t n,
		   const char *const *page_authors, size_t n_page_authors, const char *const *top,
		   size_t n_top)
{
	struct names names = { .authors = cJSON_CreateArray(), .editors = cJSON_CreateArray() };
	int r = names.authors && names.editors ? 0 : -ENOMEM;

	/*
	 * The page's byline element: read as a byline line ("Oleh: X", "X -
	 * detikNews", "X | Jakarta"), and failing that as bare names.
	 */
	for (size_t i = 0; i < n_page_authors && r == 0; i++) {
		const char *line = page_authors[i];
		size_t len = strlen(line);
		int before = cJSON_GetArraySize(names.authors) + cJSON_GetArraySize(names.editors);

		r = parse_line(&names, line, len);
		if (r == 0 &&
		    before == cJSON_GetArraySize(names.authors) + cJSON_GetArraySize(names.editors))
			r = add_names(names.authors, line, len);
	}
	for (size_t i = 0; i < n && r == 0; i++) {
		for (const char *line = bylines[i]; *line && r == 0;) {
			size_t len = strcspn(line, "\n");

			if (len)
				r = parse_line(&names, line, len);
			line += len + (line[len] == '\n');
		}
	}
	/* A date line's labelled parts: "Sabtu, 21 Nov 2026 | Penulis X | Editor Y" (IDN Times). */
	for (size_t i = 0; i < n_top && r == 0 && cJSON_GetArraySize(names.authors) == 0; i++)
		r = parse_labelled_parts(&names, top[i]);
	if (r == 0 && cJSON_GetArraySize(names.authors) == 0)
		r = add_author_by_date(&names, wa_article_title(a), top, n_top);
	char *given = wa_article_get_json(a, "authors"); /* ingest's metadata wins */

	if (r == 0 && given && strcmp(given, "null") != 0)
		r = tidy_given_authors(a, given, &names);
	free(given);
	given = wa_article_get_json(a, "authors");
	if (r == 0 && (!given || strcmp(given, "null") == 0))
		r = wp_set_list_field(a, "authors", names.authors);
	free(given);
	if (r == 0)
		r = wp_set_list_field(a, "editors", names.editors);
	if (r == 0 && names.initials)
		r = wa_article_set_string(a, "editor_initials", names.initials);
	cJSON_Delete(names.authors);
	cJSON_Delete(names.editors);
	free(names.initials);
	return r;
}
