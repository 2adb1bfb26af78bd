/* SPDX-License-Identifier: MIT */
/*
 * Type designators of military equipment, however outlets write them:
 * `Su-35`, `SU-35`, `Su 35`, `SU35`, `Sukhoi 35` and `Sukhoi Su-35` are
 * all Su-35; `Su-27/30` is Su-27 and Su-30, `F-16C/D` F-16C and F-16D.
 * The prefix must be a known one (entity-cues.txt), which keeps `G20`,
 * `COVID-19`, `Pasal 27` and gambling brands (`SLOT88`) out.
 */
#include "designators.h"

#include <stdio.h>
#include <string.h>

#define MAX_NUMBER_DIGITS  4
#define MAX_VARIANT_LENGTH 6

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Parses one token "PFX[-]NUM[VARIANT]" (ASCII). Writes the normalised
 * designator; false if the token is not one.
 */
static bool parse_token(const struct gazetteer *g, const char *text, const struct wp_token *t,
			const char *folded, char *out, size_t size)
{
	const char *s = text + t->start;
	size_t n = t->end - t->start, p = 0, d;

	if (t->flags & WP_TOKEN_ABBREV)
		return false;
	while (p < n && !is_digit(s[p]) && s[p] != '-')
		p++;
	const char *prefix = p ? gazetteer_prefix(g, folded, p) : NULL;

	if (!prefix)
		return false;
	size_t num = p + (p < n && s[p] == '-');

	for (d = num; d < n && is_digit(s[d]); d++)
		;
	if (d == num || d - num > MAX_NUMBER_DIGITS || n - d > MAX_VARIANT_LENGTH)
		return false;
	/*
	 * One letter and one digit (E-2, Z-9, P-1) is far more often an
	 * editor's code in brackets than an aircraft: such designators need a
	 * variant letter (F-4E, B-1B) or the gazetteer.
	 */
	if (p == 1 && d - num == 1 && d == n)
		return false;
	/* A variant may carry a sub-variant after one hyphen: C-130J-30, Il-76MD-90A. */
	for (size_t k = d, hyphens = 0; k < n; k++)
		if (!is_alnum(s[k]) &&
		    (s[k] != '-' || hyphens++ || k == d || k + 1 == n || !is_alnum(s[k + 1])))
			return false;
	/* Glued forms of long prefixes are gambling brands (SLOT88), not aircraft. */
	if (num == p && p > 3)
		return false;
	/*
	 * Airbus writes its airliners and helicopters without a hyphen: A330,
	 * A320neo, A400M; H225M, H145M.
	 */
	bool airbus = d - num == 3 && ((!strcmp(prefix, "A") && (s[num] == '3' || s[num] == '4')) ||
				       (!strcmp(prefix, "H") && (s[num] == '1' || s[num] == '2')));
	int w = snprintf(out, size, airbus ? "%s%.*s" : "%s-%.*s", prefix, (int)(n - num), s + num);

	return w > 0 && (size_t)w < size;
}

/* A bare number of 1-4 digits ("35" of "Su 35"). */
static bool bare_number(const char *text, const struct wp_token *t)
{
	size_t n = t->end - t->start;

	if (!(t->flags & WP_TOKEN_NUMBER) || n > MAX_NUMBER_DIGITS)
		return false;
	for (size_t k = t->start; k < t->end; k++)
		if (!is_digit(text[k]))
			return false;
	return true;
}

/* A number with a variant after it ("30MK2" of "Su 30MK2"), or a bare number. */
static bool numbered_variant(const char *text, const struct wp_token *t)
{
	size_t d = t->start;

	if (bare_number(text, t))
		return true;
	while (d < t->end && is_digit(text[d]))
		d++;
	if (d == t->start || d - t->start > MAX_NUMBER_DIGITS || t->end - d > MAX_VARIANT_LENGTH)
		return false;
	for (size_t k = d; k < t->end; k++)
		if (!is_alnum(text[k]))
			return false;
	return true;
}

/* The second of "Su-27/30" or "F-16C/D", built on the first. */
static bool slash_alternative(const char *text, const struct wp_tokens *tokens, size_t i,
			      const char *first_name, char *out, size_t size)
{
	char first[DESIGNATOR_MAX];

	snprintf(first, sizeof(first), "%s", first_name);
	if (i + 1 >= tokens->n || !wp_token_punct(text, &tokens->v[i], '/'))
		return false;
	const struct wp_token *alt = &tokens->v[i + 1];
	const char *s = text + alt->start;
	size_t n = alt->end - alt->start;
	const char *dash = strchr(first, '-');
	size_t head = dash ? (size_t)(dash - first) + 1 : 0, digits = head;

	while (first[digits] && is_digit(first[digits]))
		digits++;
	if (!dash || n > MAX_VARIANT_LENGTH)
		return false;
	for (size_t k = 0; k < n; k++)
		if (!is_alnum(s[k]))
			return false;
	int w;

	if (bare_number(text, alt))
		w = snprintf(out, size, "%.*s%.*s", (int)head, first, (int)n, s); /* Su-27/30 */
	else if ((alt->flags & WP_TOKEN_UPPER) && !is_digit(s[0]) && first[digits])
		w = snprintf(out, size, "%.*s%.*s", (int)digits, first, (int)n, s); /* F-16C/D */
	else
		return false;
	return w > 0 && (size_t)w < size;
}

size_t designator_match(const struct gazetteer *g, const char *text, const struct wp_tokens *tokens,
			size_t i, char names[2][DESIGNATOR_MAX], size_t *ret_n)
{
	const struct wp_token *t = &tokens->v[i];
	size_t used = 0;
	int entry;

	*ret_n = 0;
	/* "Sukhoi Su-35" and "Sukhoi 35". */
	size_t maker = wp_phrases_match(&g->cues, tokens, i, &entry);

	for (; maker && entry >= 0; entry = g->cues.v[entry].next)
		if (g->cues.v[entry].kind == CUE_MAKER)
			break;
	if (maker && entry >= 0 && i + maker < tokens->n &&
	    (t->flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER))) {
		const struct wp_token *next = &tokens->v[i + maker];

		if (parse_token(g, text, next, wp_token_folded(tokens, i + maker), names[0],
				DESIGNATOR_MAX)) {
			used = maker + 1;
		} else if (numbered_variant(text, next)) {
			int w = snprintf(names[0], DESIGNATOR_MAX, "%s-%.*s",
					 g->prefix[g->cues.v[entry].ref],
					 (int)(next->end - next->start), text + next->start);

			used = w > 0 && w < DESIGNATOR_MAX ? maker + 1 : 0;
		}
	}
	if (!used && (t->flags & WP_TOKEN_HAS_DIGIT) &&
	    parse_token(g, text, t, wp_token_folded(tokens, i), names[0], DESIGNATOR_MAX))
		used = 1;
	/* "Su 35", "Su 30MK2": a prefix of two letters or more, then the number. */
	if (!used && (t->flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER)) && t->end - t->start >= 2 &&
	    i + 1 < tokens->n && numbered_variant(text, &tokens->v[i + 1]) &&
	    tokens->v[i + 1].end - tokens->v[i + 1].start >= 2) {
		const char *prefix = gazetteer_prefix(g, wp_token_folded(tokens, i), t->fold_len);
		const struct wp_token *num = &tokens->v[i + 1];

		if (prefix) {
			int w = snprintf(names[0], DESIGNATOR_MAX, "%s-%.*s", prefix,
					 (int)(num->end - num->start), text + num->start);

			used = w > 0 && w < DESIGNATOR_MAX ? 2 : 0;
		}
	}
	if (!used)
		return 0;
	*ret_n = 1;
	if (slash_alternative(text, tokens, i + used, names[0], names[1], DESIGNATOR_MAX)) {
		*ret_n = 2;
		used += 2;
	}
	return used;
}
