/* SPDX-License-Identifier: MIT */
/*
 * Citation digits glued to words, the artefact of copying a page with
 * superscript footnote links (DOMAIN.md 3.6): "Ukraina245." (before the
 * punctuation, Wikipedia style) and "plans.50" (after it, book quotes).
 *
 * A glued number is a footnote only when the word before it is at least
 * three letters ending in two lower-case ones, so designators, which have
 * short or upper-case prefixes or a hyphen (Su-57, KF-21, F16, G20,
 * Mi-17V5, COVID-19), stay. Gambling brands (Trisula88) are gone already:
 * the spam stage runs first.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <warta/article.h>
#include <warta/swar.h>

#include "clean.h"

/* Words that end in digits by name, not by footnote. */
static const char *const keep_words[] = { "covid", "sars", "mers", "h5n", "h1n", "ipv", "web" };

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_word_byte(char c)
{
	return isalnum((unsigned char)c) || (unsigned char)c >= 0x80 || c == '-' || c == '_';
}

static bool kept_word(const char *word, size_t len)
{
	for (size_t i = 0; i < sizeof(keep_words) / sizeof(*keep_words); i++) {
		size_t n = strlen(keep_words[i]);

		if (len >= n && strncasecmp(word + len - n, keep_words[i], n) == 0)
			return true;
	}
	return false;
}

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/*
 * s[start..digits) is letters, s[digits..end) 1-3 digits: is it word +
 * footnote? The word ends in two lower-case letters ("Ukraina245"), or is
 * an acronym of three or more capitals ("TNI245"); two-letter prefixes
 * (Su57, AK47) are designators.
 */
static bool footnote_after_word(const char *s, size_t start, size_t digits, size_t end)
{
	size_t letters = digits - start;
	bool acronym = true;

	for (size_t i = start; i < digits; i++)
		acronym &= is_upper(s[i]);
	if (letters < 3 || end - digits > 3 ||
	    (!acronym && (!is_lower(s[digits - 1]) || !is_lower(s[digits - 2]))))
		return false;
	for (size_t i = start; i < digits; i++) {
		if (!isalpha((unsigned char)s[i]))
			return false;
	}
	return !kept_word(s + start, letters);
}

static bool boundary_after(const char *s, size_t len, size_t i)
{
	return i >= len || strchr(".,;:!?)]\"' ", s[i]);
}

/*
 * Whether a digit follows a letter, or a letter and a stop, anywhere in
 * the line: what either kind of footnote needs. Most lines have none, and
 * are not copied.
 */
static bool may_have_footnote(const char *s, size_t len)
{
	for (size_t i = 1; i < len; i++) {
		/* Eight bytes without a digit at a step: most of a line. */
		while (i + 8 <= len && !wa_swar_digits(wa_swar_load(s + i)))
			i += 8;
		if (i >= len || s[i] < '0' || s[i] > '9')
			continue;
		if (isalpha((unsigned char)s[i - 1]) || ((s[i - 1] == '.' || s[i - 1] == ',') &&
							 i > 1 && isalpha((unsigned char)s[i - 2])))
			return true;
	}
	return false;
}

int clean_footnotes(struct wa_article *a, struct line *line)
{
	/*
	 * Rewritten in place: the output never runs ahead of the input, and
	 * every byte is read before the output reaches it.
	 */
	char *s = line->text, *out = line->text;
	size_t len = line->len, w = 0;

	if (!may_have_footnote(s, len))
		return 0;
	for (size_t i = 0; i < len;) {
		if (!is_word_byte(s[i]) || (i > 0 && is_word_byte(s[i - 1]))) {
			out[w++] = s[i++];
			continue;
		}
		size_t end = i;

		while (end < len && is_word_byte(s[end]))
			end++;
		size_t digits = end;

		while (digits > i && isdigit((unsigned char)s[digits - 1]))
			digits--;
		if (digits < end && digits > i && boundary_after(s, len, end) &&
		    footnote_after_word(s, i, digits, end)) {
			/* "Ukraina245." */
			if (wa_article_add_removed(a, "footnote", s + i, end - i) < 0)
				return -ENOMEM;
			memmove(out + w, s + i, digits - i);
			w += digits - i;
		} else if (end < len - 1 && (s[end] == '.' || s[end] == ',') &&
			   isdigit((unsigned char)s[end + 1]) &&
			   !isdigit((unsigned char)s[end - 1])) {
			/* "plans.50 Next": keep the word and its stop, drop the number. */
			size_t n = end + 1;

			while (n < len && isdigit((unsigned char)s[n]))
				n++;
			if (n - end - 1 <= 3 && (n == len || s[n] == ' ') &&
			    footnote_after_word(s, i, end, end + 1)) {
				if (wa_article_add_removed(a, "footnote", s + i, n - i) < 0)
					return -ENOMEM;
				memmove(out + w, s + i, end + 1 - i);
				w += end + 1 - i;
				i = n;
				continue;
			}
			memmove(out + w, s + i, end - i);
			w += end - i;
		} else {
			memmove(out + w, s + i, end - i);
			w += end - i;
		}
		i = end;
	}
	out[w] = '\0';
	line->len = w;
	return 0;
}
