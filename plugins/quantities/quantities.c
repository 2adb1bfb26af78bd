/* SPDX-License-Identifier: MIT */
/*
 * quantities: the numbers an article reports with what they count, as
 * quantities[] {value, unit, text, offset}: `9.000 pasukan` (9000,
 * "pasukan"), `1.000 km`, `delapan negara`, `Rp 245,2 triliun`
 * (245200000000000, "IDR"), `42 unit Rafale` (42, "unit", item "Rafale").
 *
 * Indonesian writes thousands with dots and decimals with a comma; English
 * the other way round. A group of exactly three digits after the only
 * separator is thousands, anything else after a comma is decimals.
 * A number needs a unit, a currency or a counted noun to be kept: a bare
 * number is an identifier or part of a name. Dates are the dates stage's:
 * numbers inside dates[] spans are skipped, as are numbers right after a
 * capitalised word (`Su 35`, `Pasal 27`, `Komisi 1`).
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <warta/plugin.h>

#include "../common/date_spans.h"
#include "../common/json_list.h"
#include "../common/listfile.h"
#include "../common/phrases.h"
#include "../common/tokens.h"

#define MAX_QUANTITIES 300

enum kind { K_UNIT, K_CURRENCY, K_SCALE, K_NUMBER, K_NOT_COUNTED, N_KINDS };

static const char *const kind_names[N_KINDS] = { "unit", "currency", "scale", "number",
						 "not-counted" };

struct quantities {
	struct wp_phrases words; /* ref: index into values */
	char **values;           /* "km", "IDR", "1000" */
	size_t n_values;
};

/* Each token's longest word-list phrase, looked up once. */
struct token_memo {
	int32_t entry;
	uint8_t n;
	bool known;
};

struct scan {
	const struct quantities *q;
	struct token_memo *memo;
	const char *text;
	const struct wp_tokens *t;
	const struct wp_date_span *dates; /* the dates stage's, or owned_dates */
	size_t n_dates;
	struct wp_date_span *owned_dates;
	struct wp_json_list list;
};

static int add_value(struct quantities *q, const char *value)
{
	char **v = realloc(q->values, (q->n_values + 1) * sizeof(*v));

	if (!v)
		return -ENOMEM;
	q->values = v;
	if (!(v[q->n_values] = strdup(value)))
		return -ENOMEM;
	return (int)q->n_values++;
}

/* One "KIND[:VALUE] | word | word" line. */
static int load_line(void *data, const char *head, char **words, size_t n)
{
	struct quantities *q = data;
	const char *colon = strchr(head, ':');
	size_t kind_len = colon ? (size_t)(colon - head) : strlen(head);
	int kind = -1, ref = -1, r = 0;

	for (int k = 0; k < N_KINDS; k++)
		if (strlen(kind_names[k]) == kind_len &&
		    strncmp(head, kind_names[k], kind_len) == 0)
			kind = k;
	if (kind < 0 || (kind != K_NOT_COUNTED && (!colon || !colon[1])))
		return -EINVAL;
	if (colon && (ref = add_value(q, colon + 1)) < 0)
		return ref;
	for (size_t i = 0; i < n && r == 0; i++)
		r = wp_phrases_add(&q->words, words[i], kind, ref);
	return r;
}

static void quantities_fini(void *state)
{
	struct quantities *q = state;

	for (size_t i = 0; i < q->n_values; i++)
		free(q->values[i]);
	free(q->values);
	wp_phrases_fini(&q->words);
	free(q);
}

static int quantities_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	struct quantities *q = calloc(1, sizeof(*q));
	char *error = NULL;
	int r;

	if (!q)
		return -ENOMEM;
	if ((r = wp_list_file_read(ctx, "units.txt", load_line, q, &error)) < 0) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "%s", error ? error : strerror(-r));
		free(error);
		quantities_fini(q);
		return r;
	}
	*ret_state = q;
	return 0;
}

/* The word entry of `kind` at token i: its length in tokens, its value in *ret_value. */
static size_t word_at(const struct scan *s, size_t i, enum kind kind, const char **ret_value)
{
	if (i >= s->t->n)
		return 0;
	struct token_memo *m = &s->memo[i];

	if (!m->known) {
		int entry = -1;

		m->n = (uint8_t)wp_phrases_match(&s->q->words, s->t, i, &entry);
		m->entry = entry;
		m->known = true;
	}
	for (int entry = m->n ? m->entry : -1; entry >= 0; entry = s->q->words.v[entry].next) {
		const struct wp_phrase *p = &s->q->words.v[entry];

		if (p->kind == (int)kind) {
			if (ret_value)
				*ret_value = p->ref >= 0 ? s->q->values[p->ref] : NULL;
			return m->n;
		}
	}
	return 0;
}

/*
 * "9.000" 9000, "245,2" 245.2, "1,000" 1000, "3.5" 3.5, "1.000.000,5".
 * With both separators the last is the decimal one; with one kind, it
 * groups thousands when it recurs or has exactly three digits after it
 * (and the number does not start "0").
 */
static bool parse_digits(const char *s, size_t n, double *ret)
{
	char buf[64], decimal = 0, last = 0;
	size_t o = 0, dots = 0, commas = 0, last_at = 0;

	if (n >= sizeof(buf))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.' || s[i] == ',') {
			dots += s[i] == '.';
			commas += s[i] == ',';
			last = s[i];
			last_at = i;
		} else if (s[i] < '0' || s[i] > '9') {
			return false;
		}
	}
	if (dots && commas)
		decimal = last;
	else if (last && (dots + commas == 1) && (n - last_at - 1 != 3 || s[0] == '0'))
		decimal = last;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == decimal)
			buf[o++] = '.';
		else if (s[i] != '.' && s[i] != ',')
			buf[o++] = s[i];
	}
	buf[o] = '\0';
	char *end;

	*ret = strtod(buf, &end);
	return end != buf && *end == '\0' && isfinite(*ret);
}

/* Number words from token i: "delapan", "dua belas", "dua puluh lima". */
static size_t parse_words(const struct scan *s, size_t i, double *ret)
{
	const char *value;
	size_t n = word_at(s, i, K_NUMBER, &value), used = n;

	if (!n)
		return 0;
	double v = strtod(value, NULL);

	if (v < 10 && i + n < s->t->n) {
		const char *next = wp_token_folded(s->t, i + n);

		if (strcmp(next, "belas") == 0) {
			v += 10;
			used++;
		} else if (strcmp(next, "puluh") == 0) {
			v *= 10;
			used++;
			size_t m = word_at(s, i + used, K_NUMBER, &value);

			if (m && strtod(value, NULL) < 10) {
				v += strtod(value, NULL);
				used += m;
			}
		}
	}
	*ret = v;
	return used;
}

/* dates[] comes in text order and its spans do not overlap: a binary search. */
static bool in_date(const struct scan *s, uint32_t chars)
{
	size_t lo = 0, hi = s->n_dates;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->dates[mid].end <= chars)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->n_dates && chars >= s->dates[lo].start;
}

/* Where the dates are: the dates stage's memo, or failing that the record's dates[]. */
static int load_dates(struct scan *s, struct wa_article *a)
{
	const struct wp_date_spans *memo = wa_article_memo(a, WP_DATE_SPANS_MEMO);
	char *json;
	cJSON *dates;
	const cJSON *d;

	if (memo) {
		s->dates = memo->v;
		s->n_dates = memo->n;
		return 0;
	}
	if (!(json = wa_article_get_json(a, "dates")))
		return 0;
	dates = cJSON_Parse(json);
	free(json);
	int n = cJSON_GetArraySize(dates);

	if (n > 0 && !(s->dates = s->owned_dates = malloc((size_t)n * sizeof(*s->owned_dates)))) {
		cJSON_Delete(dates);
		return -ENOMEM;
	}
	cJSON_ArrayForEach(d, dates)
	{
		const cJSON *offset = cJSON_GetObjectItemCaseSensitive(d, "offset");
		const cJSON *text = cJSON_GetObjectItemCaseSensitive(d, "text");
		size_t chars = 0;

		if (!cJSON_IsNumber(offset) || !cJSON_IsString(text))
			continue;
		for (const char *c = text->valuestring; *c; c++)
			chars += ((unsigned char)*c & 0xc0) != 0x80;
		s->owned_dates[s->n_dates++] =
			(struct wp_date_span){ (uint32_t)offset->valuedouble,
					       (uint32_t)(offset->valuedouble + (double)chars) };
	}
	cJSON_Delete(dates);
	return 0;
}

static bool starts(const char *w, const char *prefix)
{
	return strncmp(w, prefix, strlen(prefix)) == 0;
}

static bool ends(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n > k && strcmp(w + n - k, suffix) == 0;
}

/*
 * A lower-case word that can be what a number counts: not a verb
 * ("7 dibatalkan", "2 menolak"), which Indonesian marks with di-/me-/ter-
 * and -kan/-i, or with ber-.
 */
static bool counted_noun(const struct scan *s, size_t i)
{
	if (i >= s->t->n || !(s->t->v[i].flags & WP_TOKEN_WORD) ||
	    (s->t->v[i].flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER | WP_TOKEN_HAS_DIGIT)) ||
	    s->t->v[i].fold_len < 3 || word_at(s, i, K_NOT_COUNTED, NULL))
		return false;
	const char *w = wp_token_folded(s->t, i);
	size_t n = s->t->v[i].fold_len;
	bool affixed = (starts(w, "di") || starts(w, "me") || starts(w, "ter")) &&
		       (ends(w, n, "kan") || ends(w, n, "i"));

	return !affixed && !(starts(w, "ber") && n >= 7) &&
	       !(starts(w, "mem") || starts(w, "meng"));
}

/*
 * "Indonesia's 2022 order", "2025 budget": four bare digits from 1900 to
 * 2099 before a noun are a year. Counts that large carry a separator
 * (2.000 pasukan, 2,000 troops); units (2000 km) still count.
 */
static bool bare_year(const struct scan *s, const struct wp_token *t)
{
	const char *d = s->text + t->start;

	return t->end - t->start == 4 && strspn(d, "0123456789") == 4 &&
	       (strncmp(d, "19", 2) == 0 || strncmp(d, "20", 2) == 0);
}

/* "nomor 7", "pasal 27", "ke 3": a number that labels rather than counts. */
static bool labelled(const struct scan *s, size_t i)
{
	static const char *const labels[] = { "nomor", "no.",     "pasal",   "ayat", "tahun",  "ke",
					      "pukul", "jam",     "halaman", "kode", "number", "no",
					      "page",  "article", "angka",   "versi" };

	if (i == 0)
		return false;
	const char *before = wp_token_folded(s->t, i - 1);
	size_t len = s->t->v[i - 1].fold_len;

	/* Most numbers follow a bracket or a word of another length: no comparison at all. */
	for (size_t k = 0; k < sizeof(labels) / sizeof(*labels); k++)
		if (labels[k][0] == before[0] && strlen(labels[k]) == len &&
		    memcmp(before, labels[k], len) == 0)
			return true;
	return false;
}

static int add(struct scan *s, double value, const char *unit, const char *item, size_t from,
	       size_t to)
{
	const struct wp_token *a = &s->t->v[from], *b = &s->t->v[to - 1];

	wp_json_object_begin(&s->list);
	wp_json_double(&s->list, "value", value);
	wp_json_string(&s->list, "unit", unit, strlen(unit));
	if (item)
		wp_json_string(&s->list, "item", item, strlen(item));
	wp_json_string(&s->list, "text", s->text + a->start, b->end - a->start);
	wp_json_uint(&s->list, "offset", a->chars);
	wp_json_object_end(&s->list);
	return s->list.out.error;
}

/* The quantity starting at token i, if any; returns the tokens it spans (0: none). */
static size_t quantity_at(struct scan *s, size_t i, int *error)
{
	const char *currency = NULL, *value_word, *unit = NULL;
	size_t j = i, n;
	double value;

	if ((n = word_at(s, j, K_CURRENCY, &currency)) && j + n < s->t->n &&
	    (s->t->v[j + n].flags & WP_TOKEN_NUMBER))
		j += n; /* Rp 245,2 triliun */
	else
		currency = NULL;
	const struct wp_token *num = &s->t->v[j];

	/* Most tokens are neither digits nor number words: leave them at once. */
	if (!(num->flags & WP_TOKEN_NUMBER) && !word_at(s, j, K_NUMBER, NULL))
		return 0;
	if (in_date(s, num->chars) || (!currency && labelled(s, j)))
		return 0;
	if (num->flags & WP_TOKEN_NUMBER) {
		/* Su 35, Pasal 27: a number that ends a name is part of it. */
		if (!currency && j > 0 && (s->t->v[j - 1].flags & WP_TOKEN_WORD) &&
		    (s->t->v[j - 1].flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER)) &&
		    !(s->t->v[j - 1].flags & WP_TOKEN_SENT_START))
			return 0;
		if (!parse_digits(s->text + num->start, num->end - num->start, &value))
			return 0;
		j++;
	} else if (!currency && (n = parse_words(s, j, &value))) {
		/* "salah satu negara" is "one of the countries", not a count. */
		if (j > 0 && strcmp(wp_token_folded(s->t, j - 1), "salah") == 0)
			return 0;
		j += n;
	} else {
		return 0;
	}
	while ((n = word_at(s, j, K_SCALE, &value_word))) {
		value *= strtod(value_word, NULL);
		j += n;
	}
	/* "dua lagi kapal": Malay puts "lagi" (more) between the count and what it counts. */
	if (!currency && j + 1 < s->t->n && strcmp(wp_token_folded(s->t, j), "lagi") == 0 &&
	    (word_at(s, j + 1, K_UNIT, NULL) || counted_noun(s, j + 1)))
		j++;
	if (!currency && (n = word_at(s, j, K_CURRENCY, &currency))) {
		j += n; /* 50 juta dolar AS */
	} else if (!currency && (n = word_at(s, j, K_UNIT, &unit))) {
		j += n;
	} else if (!currency && counted_noun(s, j) && !bare_year(s, num)) {
		unit = wp_token_folded(s->t, j); /* 9.000 pasukan */
		j++;
	}
	if (!currency && !unit)
		return 0;
	/* 42 unit Rafale: what the units are. */
	char *item = NULL;

	if (unit && strcmp(unit, "unit") == 0 && j < s->t->n &&
	    (s->t->v[j].flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER)) &&
	    !(s->t->v[j].flags & WP_TOKEN_PUNCT)) {
		item = strndup(s->text + s->t->v[j].start, s->t->v[j].end - s->t->v[j].start);
		j++;
	}
	int r = add(s, value, currency ? currency : unit, item, i, j);

	free(item);
	if (r < 0)
		*error = r;
	return j - i;
}

static int quantities_process(void *state, struct wa_article *a)
{
	int r;
	const struct wp_tokens *tokens = wp_article_tokens(a, &r);
	struct scan s = { .q = state, .text = wa_article_text(a), .t = tokens };

	if (!tokens)
		return r;
	r = load_dates(&s, a);
	if (r == 0 && !(s.memo = calloc(tokens->n + 1, sizeof(*s.memo))))
		r = -ENOMEM;
	for (size_t i = 0; r == 0 && i < tokens->n && s.list.n < MAX_QUANTITIES;) {
		size_t n = quantity_at(&s, i, &r);

		i += n ? n : 1;
	}
	if (r == 0)
		r = wp_json_list_set(a, "quantities", &s.list);
	wp_json_list_fini(&s.list);
	free(s.owned_dates);
	free(s.memo);
	return r < 0 ? r : WA_PLUGIN_OK;
}

WA_PLUGIN_DEFINE(quantities) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "quantities",
	.summary = "Numbers with their units, currencies or counted nouns (9.000 pasukan, Rp 245,2 "
		   "triliun)",
	.kind = WA_PLUGIN_ANALYZE,
	.init = quantities_init,
	.process = quantities_process,
	.fini = quantities_fini,
};
