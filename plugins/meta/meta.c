/* SPDX-License-Identifier: MIT */
/*
 * meta: title, summary, outlet, dateline and authors.
 *
 * Reads what clean set aside rather than the text: the header lines above
 * the lede, the byline lines and trailers, the dateline and the footer
 * (all in removed[]), so nothing here can come from the article's own
 * sentences, and nothing from a related link or a comment.
 *
 * - title: the first header line that reads as a headline, with the page
 *   title's outlet suffix ("- Tribunnews.com", "| Republika Online")
 *   removed; ingest's title for formats that carry one (JSON, HTML).
 * - outlet: the first of dateline, footer, byline, title suffix, URL host,
 *   promo line that names an outlet of data/outlets.txt (or the
 *   dateline's own word).
 * - dateline: {city, outlet} from the regexes of data/datelines.txt.
 * - authors: the names on Penulis / Reporter / Pewarta / Laporan wartawan /
 *   Oleh lines; editors apart; "(rds/has)" trailers as editor_initials.
 * - summary: the standfirst clean set aside (the page's own summary between
 *   headline and byline), else the lede, the first paragraph of the text.
 */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <warta/plugin.h>

#include "../common/list_field.h"
#include "../common/patterns.h"
#include "../common/strbuf.h"
#include "../common/textstat.h"
#include "../common/utf8.h"
#include "names.h"
#include "outlets.h"
#include "sections.h"

#define HEADLINE_MIN_WORDS 3
#define HEADLINE_MAX_WORDS 40
#define SUFFIX_MAX_WORDS   6

struct meta {
	struct wp_pattern_file datelines;
	struct outlets outlets;
};

static int meta_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	struct meta *m = calloc(1, sizeof(*m));
	char *error = NULL;
	int r;

	if (!m)
		return -ENOMEM;
	r = wp_pattern_file_load(ctx, "datelines.txt", 1, NULL, &m->datelines, &error);
	if (r == 0 && (r = outlets_load(ctx, &m->outlets)) < 0)
		wp_pattern_file_fini(&m->datelines);
	if (r < 0) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "%s", error ? error : strerror(-r));
		free(error);
		free(m);
		return r;
	}
	*ret_state = m;
	return 0;
}

static void meta_fini(void *state)
{
	struct meta *m = state;

	wp_pattern_file_fini(&m->datelines);
	outlets_fini(&m->outlets);
	free(m);
}

#define MAX_LINES 64 /* of each kind: a header is a few lines, not thousands */

/* The lines clean set aside that meta reads, by kind, in order. */
struct set_aside {
	const char *headers[MAX_LINES], *bylines[MAX_LINES], *footers[MAX_LINES];
	const char *page_authors[MAX_LINES]; /* what a page's markup marks as its author */
	const char *promos[MAX_LINES], *syndication[MAX_LINES], *dateline;
	const char *standfirst;     /* the summary a page prints between headline and byline */
	const char *top[MAX_LINES]; /* the header's lines and its date lines, in their order */
	size_t n_headers, n_bylines, n_footers, n_promos, n_syndication, n_page_authors, n_top;
};

static void keep(const char **lines, size_t *n, const char *text)
{
	if (*n < MAX_LINES)
		lines[(*n)++] = text;
}

static int sort_removed(void *data, const char *kind, const char *text)
{
	struct set_aside *s = data;

	if (!kind || !text)
		return 0;
	if (!strcmp(kind, "header") || !strcmp(kind, "date"))
		keep(s->top, &s->n_top, text);
	if (!strcmp(kind, "header"))
		keep(s->headers, &s->n_headers, text);
	else if (!strcmp(kind, "byline"))
		keep(s->bylines, &s->n_bylines, text);
	else if (!strcmp(kind, "author"))
		keep(s->page_authors, &s->n_page_authors, text);
	else if (!strcmp(kind, "footer"))
		keep(s->footers, &s->n_footers, text);
	else if (!strcmp(kind, "promo"))
		keep(s->promos, &s->n_promos, text);
	else if (!strcmp(kind, "syndication"))
		keep(s->syndication, &s->n_syndication, text);
	else if (!strcmp(kind, "dateline") && !s->dateline)
		s->dateline = text;
	else if (!strcmp(kind, "standfirst") && !s->standfirst)
		s->standfirst = text;
	return 0;
}

/*
 * The length of s without a page-title suffix naming the outlet or the
 * page ("... - Tribunnews.com", "... | Republika Online", "- Halaman all").
 */
static size_t without_suffix(const struct meta *m, const char *site, const char *s, size_t len,
			     const char **ret_suffix, size_t *ret_suffix_len)
{
	for (;;) {
		size_t sep = 0;

		for (size_t i = len; i-- > 1;) {
			if ((s[i] == '-' || s[i] == '|') && s[i - 1] == ' ' && i + 1 < len &&
			    s[i + 1] == ' ') {
				sep = i;
				break;
			}
		}
		if (!sep)
			return len;
		const char *tail = s + sep + 2;
		size_t tail_len = len - sep - 2;

		if (wp_count_words(tail, tail_len) > SUFFIX_MAX_WORDS)
			return len;
		bool page =
			strncasecmp(tail, "halaman", 7) == 0 || strncasecmp(tail, "page", 4) == 0;
		bool outlet = outlets_find(&m->outlets, tail, tail_len) ||
			      memmem(tail, tail_len, ".com", 4) ||
			      memmem(tail, tail_len, ".co.id", 6) ||
			      memmem(tail, tail_len, "Online", 6);

		if (!page && !outlet)
			return len;
		if (outlet && ret_suffix) {
			*ret_suffix = tail;
			*ret_suffix_len = tail_len;
		}
		len = sep - 1;
	}
}

/* Words without a letter: "|", "18/11/2026", "09:15:42". */
static size_t letterless_words(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len;) {
		bool letter = false;

		while (i < len && isspace((unsigned char)s[i]))
			i++;
		if (i == len)
			break;
		for (; i < len && !isspace((unsigned char)s[i]); i++)
			letter |= isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80;
		n += !letter;
	}
	return n;
}

/*
 * A headline has a capital, a headline's length, and is mostly words:
 * "Jurnas.com | Rabu, 18/11/2026 09:15:42" is the page's date line.
 */
static bool is_headline(const char *s, size_t len)
{
	size_t words = wp_count_words(s, len);
	bool upper = false;

	for (size_t i = 0; i < len; i++)
		upper |= isupper((unsigned char)s[i]);
	return upper && words >= HEADLINE_MIN_WORDS && words <= HEADLINE_MAX_WORDS &&
	       s[len - 1] != ':' && 2 * letterless_words(s, len) < words;
}

/*
 * Sets the title; *ret_suffix gets a copy of the outlet suffix it had
 * ("Tribunnews.com"), caller frees, NULL if none: a clue to the outlet.
 */
static int set_title(struct meta *m, struct wa_article *a, const char **headers, size_t n,
		     char **ret_suffix)
{
	const char *format = wa_article_get_string(a, "source.format");
	const char *title = wa_article_title(a), *suffix = NULL, *line = NULL;
	const char *site = wa_article_get_string(a, "outlet"); /* the page's og:site_name */
	size_t suffix_len = 0, len = 0;

	if (title && format && strcmp(format, "text") != 0) {
		line = title;
		len = without_suffix(m, site, title, strlen(title), &suffix, &suffix_len);
	}
	for (size_t i = 0; !line && i < n; i++) {
		size_t l = without_suffix(m, site, headers[i], strlen(headers[i]), &suffix,
					  &suffix_len);

		/* "Politik dan Hukum" above the headline is the page's section. */
		if (l && is_headline(headers[i], l) && !meta_is_section_label(headers[i], l))
			line = headers[i], len = l;
	}
	/* Copied first: the old title is freed when the new one is set. */
	*ret_suffix = suffix ? strndup(suffix, suffix_len) : NULL;
	if (suffix && !*ret_suffix)
		return -ENOMEM;
	if (line == title && title)
		return len ? wa_article_set_stringn(a, "title", title, len) : 0;
	if (line)
		return wa_article_set_stringn(a, "title", line, len);
	/* The first line was the article itself: a text without a headline has no title. */
	return wa_article_set_json(a, "title", "null");
}

/*
 * "MINSK" -> "Minsk", "ST. PETERSBURG" -> "St. Petersburg"; a word of two
 * letters and no period is an abbreviation and stays ("WASHINGTON DC");
 * mixed case stays.
 */
static char *city_name(const char *s, size_t len)
{
	bool lower = false;
	char *city = strndup(s, len);

	if (!city)
		return NULL;
	for (size_t i = 0; i < len; i++)
		lower |= islower((unsigned char)s[i]);
	for (size_t i = 0, word = 0; !lower && i < len; i++) {
		if (!isalpha((unsigned char)city[i])) {
			word = i + 1;
			continue;
		}
		size_t end = word;

		while (end < len && isalpha((unsigned char)city[end]))
			end++;
		if (i > word && (end - word > 2 || (end < len && city[end] == '.')))
			city[i] = (char)tolower((unsigned char)city[i]);
	}
	return city;
}

static char *group_text(pcre2_match_data *md, const char *name)
{
	PCRE2_UCHAR *value = NULL;
	PCRE2_SIZE len;

	if (pcre2_substring_get_byname(md, (PCRE2_SPTR)name, &value, &len) < 0)
		return NULL;
	char *s = len ? strndup((const char *)value, len) : NULL;

	pcre2_substring_free(value);
	return s;
}

static int set_dateline(struct meta *m, struct wa_article *a, const char *dateline,
			char **ret_outlet)
{
	pcre2_match_data *md = wp_pattern_match_data();
	const struct wp_pattern_file *f = &m->datelines;
	char *subject = NULL;
	int r = 0;

	if (!wp_utf8_valid(dateline, strlen(dateline))) {
		pcre2_match_data_free(md);
		return 0; /* not from clean: the patterns match valid UTF-8 only */
	}
	/* clean stored it trimmed; the patterns expect the space before the lede. */
	if (!md || asprintf(&subject, "%s ", dateline) < 0) {
		pcre2_match_data_free(md);
		return -ENOMEM;
	}
	for (size_t i = 0; i < f->n_groups; i++) {
		size_t start, end;

		if (!wp_pattern_group_match(f, &f->groups[i], subject, strlen(subject), 0, md,
					    &start, &end))
			continue;
		char *city = group_text(md, "city"), *outlet = group_text(md, "outlet");

		if (city) {
			char *name = city_name(city, strlen(city));

			r = name ? wa_article_set_string(a, "dateline.city", name) : -ENOMEM;
			free(name);
		}
		if (r == 0 && outlet)
			r = wa_article_set_string(a, "dateline.outlet", outlet);
		free(city);
		*ret_outlet = outlet;
		break;
	}
	pcre2_match_data_free(md);
	free(subject);
	return r;
}

/* The first of lines[0..n) that names a known outlet, or NULL. */
/*
 * Editors' initials in brackets ("(afp/bac)"): the agency a story came
 * from may be among them, not the outlet that printed it. A bracketed
 * address ("(tirto.id - Politik)") is the outlet's own.
 */
static bool is_initials_trailer(const char *line)
{
	return (line[0] == '(' || line[0] == '[') && strchr(line, '/') && !strchr(line, '.');
}

static const char *outlet_in(const struct meta *m, const char *const *lines, size_t n)
{
	const char *found = NULL;

	for (size_t i = 0; !found && i < n; i++)
		if (!is_initials_trailer(lines[i]))
			found = outlets_find(&m->outlets, lines[i], strlen(lines[i]));
	return found;
}

/*
 * Whether line is the outlet's name, its web address ("Medcom.id") or
 * "name.com" at most, maybe signed by its newsroom ("Redaksi Militer.id").
 */
static bool is_outlet_name(const char *name, const char *line)
{
	size_t n = strlen(name);

	if (strncasecmp(line, "tim redaksi ", 12) == 0)
		line += 12;
	else if (strncasecmp(line, "redaksi ", 8) == 0)
		line += 8;

	if (strncasecmp(line, name, n) != 0)
		return false;
	line += n;
	return !*line || (*line == '.' && !strchr(line, ' '));
}

/*
 * A page header's masthead line: "Indomiliter | 2 Desember 2026", or a line
 * that is the outlet's name alone. Not the headline, and not a line that
 * merely names an outlet, since a headline may ("... kata Tempo").
 */
static const char *outlet_in_masthead(const struct meta *m, const struct set_aside *lines,
				      const char *title)
{
	for (size_t i = 0; i < lines->n_headers; i++) {
		const char *h = lines->headers[i];

		if (title && strcmp(h, title) == 0)
			continue;
		/* "Medcom.id", "BBC News Indonesia": a line that is the outlet's name. */
		const char *found = outlets_find(&m->outlets, h, strcspn(h, "|"));

		if (found && !strstr(h, " | ") && !is_outlet_name(found, h))
			found = NULL;
		/* "Sindonews.com - 21 Agustus 2025 14:30 WIB": the site's address opening the line.
		 */
		size_t first = strcspn(h, " ");

		if (!found && memchr(h, '.', first) && h[first] == ' ')
			found = outlets_find(&m->outlets, h, first);
		/* "am@hmetro.com.my": a writer's address at the outlet. */
		const char *at = strchr(h, '@');

		if (!found && at && !strchr(h, ' '))
			found = outlets_find(&m->outlets, at + 1, strlen(at + 1));
		if (found)
			return found;
	}
	return NULL;
}

/*
 * A page that gives its address for its name ("https://www.hawaiinewsnow.com"
 * as og:site_name) is named by its host: "hawaiinewsnow.com". Other names
 * stay as given.
 */
static int outlet_from_address(struct wa_article *a, const char *given)
{
	const char *host = strstr(given, "://");

	if (!host)
		return 0;
	host += 3;
	if (strncmp(host, "www.", 4) == 0)
		host += 4;
	size_t len = strcspn(host, "/?#");

	if (len == 0)
		return 0;
	char *name = strndup(host, len);
	int r = name ? wa_article_set_string(a, "outlet", name) : -ENOMEM;

	free(name);
	return r;
}

static int set_outlet(struct meta *m, struct wa_article *a, const char *dateline_outlet,
		      const struct set_aside *lines, const char *suffix)
{
	const char *given = wa_article_get_string(a, "outlet");
	const char *url = wa_article_get_string(a, "source.url");
	const char *found = NULL;

	if (given) {
		found = outlets_find(&m->outlets, given, strlen(given));
		return found ? wa_article_set_string(a, "outlet", found)
			     : outlet_from_address(a, given);
	}
	if (dateline_outlet)
		found = outlets_find(&m->outlets, dateline_outlet, strlen(dateline_outlet));
	if (!found)
		found = outlet_in(m, lines->footers, lines->n_footers);
	if (!found)
		found = outlet_in(m, lines->bylines, lines->n_bylines);
	if (!found)
		found = outlet_in_masthead(m, lines, wa_article_title(a));
	if (!found && suffix)
		found = outlets_find(&m->outlets, suffix, strlen(suffix));
	if (!found && url) {
		const char *host = strstr(url, "://");

		host = host ? host + 3 : url;
		found = outlets_find(&m->outlets, host, strcspn(host, "/"));
	}
	/* An outlet advertises its own channels ("Follow WhatsApp Channel Okezone"). */
	if (!found)
		found = outlet_in(m, lines->promos, lines->n_promos);
	if (!found && dateline_outlet)
		found = dateline_outlet; /* an outlet we do not know yet, as it prints itself */
	return found ? wa_article_set_string(a, "outlet", found) : 0;
}

/*
 * "Sumber : JKGR", "(Merdeka.com)." -> the outlet the text was copied from.
 * A network's own "Artikel ini telah tayang di Tribunmanado.co.id" names
 * the article's outlet: no copy.
 */
static int set_syndication(struct meta *m, struct wa_article *a, const char **lines, size_t n)
{
	const char *outlet = wa_article_get_string(a, "outlet");
	const char *name = outlet_in(m, lines, n);

	if (!name || (outlet && strcmp(name, outlet) == 0))
		return 0;
	return wa_article_set_string(a, "syndicated_from", name);
}

static int set_summary(struct wa_article *a, const char *standfirst)
{
	const char *text = wa_article_text(a);

	if (standfirst)
		return wa_article_set_string(a, "summary", standfirst);
	if (!text || !*text)
		return 0;
	const char *end = strstr(text, "\n\n");

	return wa_article_set_stringn(a, "summary", text,
				      end ? (size_t)(end - text) : strlen(text));
}

static bool is_header_line(const struct set_aside *lines, const char *text)
{
	for (size_t i = 0; i < lines->n_top; i++)
		if (strcmp(lines->top[i], text) == 0)
			return true;
	return false;
}

/* "The Jakarta Post" next to the date is the outlet, not a writer. */
static bool names_an_outlet(const struct meta *m, const char *name)
{
	const char *outlet = outlets_find(&m->outlets, name, strlen(name));

	return outlet && (strcasecmp(name, outlet) == 0 ||
			  (strncasecmp(name, "the ", 4) == 0 && strcasecmp(name + 4, outlet) == 0));
}

/*
 * Authors that are a header line of their own and an outlet's name: the
 * page printing its name by the date. A byline's "By Reuters" stays.
 */
static int drop_outlets_from_authors(const struct meta *m, struct wa_article *a,
				     const struct set_aside *lines)
{
	bool any = false;

	/* Most pages print no outlet's name on a line of its own: nothing to read back. */
	for (size_t i = 0; i < lines->n_top && !any; i++)
		any = names_an_outlet(m, lines->top[i]);
	if (!any)
		return 0;
	char *json = wa_article_get_json(a, "authors");
	cJSON *list = json ? cJSON_Parse(json) : NULL;
	bool dropped = false;
	int r = 0;

	free(json);
	for (int i = cJSON_GetArraySize(list); i-- > 0;) {
		const cJSON *name = cJSON_GetArrayItem(list, i);

		if (cJSON_IsString(name) && names_an_outlet(m, name->valuestring) &&
		    is_header_line(lines, name->valuestring)) {
			cJSON_DeleteItemFromArray(list, i);
			dropped = true;
		}
	}
	if (dropped)
		r = cJSON_GetArraySize(list) ? wp_set_list_field(a, "authors", list)
					     : wa_article_set_json(a, "authors", "null");
	cJSON_Delete(list);
	return r;
}

static int meta_process(void *state, struct wa_article *a)
{
	struct meta *m = state;
	struct set_aside lines = { 0 };
	char *suffix = NULL, *dateline_outlet = NULL;
	int r;

	if (!wa_article_text(a))
		return WA_PLUGIN_OK;
	/* Borrowed from removed[], which nothing below changes. */
	(void)wa_article_for_each_removed(a, sort_removed, &lines);
	r = set_title(m, a, lines.headers, lines.n_headers, &suffix);
	if (r == 0 && lines.dateline)
		r = set_dateline(m, a, lines.dateline, &dateline_outlet);
	if (r == 0)
		r = set_outlet(m, a, dateline_outlet, &lines, suffix);
	if (r == 0)
		r = meta_set_names(a, lines.bylines, lines.n_bylines, lines.page_authors,
				   lines.n_page_authors, lines.top, lines.n_top);
	if (r == 0)
		r = drop_outlets_from_authors(m, a, &lines);
	if (r == 0)
		r = set_syndication(m, a, lines.syndication, lines.n_syndication);
	if (r == 0)
		r = set_summary(a, lines.standfirst);
	free(dateline_outlet);
	free(suffix);
	return r < 0 ? r : WA_PLUGIN_OK;
}

WA_PLUGIN_DEFINE(meta) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "meta",
	.summary = "Title, summary, outlet, dateline and authors from what clean set aside",
	.kind = WA_PLUGIN_ANALYZE,
	.init = meta_init,
	.process = meta_process,
	.fini = meta_fini,
};
