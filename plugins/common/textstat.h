/* SPDX-License-Identifier: MIT */
/*
 * What a line of text looks like: the shape tests the text stages share
 * to tell an article's sentences from page furniture.
 */
#ifndef WP_TEXTSTAT_H
#define WP_TEXTSTAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <warta/swar.h>

/*
 * A character of the CJK blocks (U+3000 to U+9FFF: punctuation, kana,
 * ideographs), written without spaces between words: its UTF-8 lead byte.
 */
static inline bool wp_is_cjk_lead(unsigned char c)
{
	return c >= 0xe3 && c <= 0xe9;
}

/* Runs of non-space bytes; in Chinese and Japanese, where nothing separates words, characters. */
static inline size_t wp_count_words(const char *s, size_t len)
{
	size_t n = 0, i = 0;
	bool in = false;

	/* Eight bytes a step while they are ASCII: a word starts at each non-space after a space.
	 */
	for (uint64_t w; i + 8 <= len; i += 8) {
		w = wa_swar_load(s + i);
		if (w & WA_SWAR_HIGH)
			break;
		uint64_t word = ~(wa_swar_equal(w, ' ') | wa_swar_equal(w, '\n')) & WA_SWAR_HIGH;

		n += wa_swar_count(word & ~(word << 8 | (in ? 0x80u : 0)));
		in = word >> 63;
	}
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		/* The CJK test only for lead bytes: this runs over every line of every article. */
		if (c >= 0x80 && wp_is_cjk_lead(c) && i + 2 < len) {
			n++, i += 2, in = false;
			continue;
		}
		bool space = c == ' ' || c == '\n';

		n += !space && !in;
		in = !space;
	}
	return n;
}

/*
 * The line ends as a sentence does: . ! ? (or their CJK full-width forms
 * 。！？) or a closing quote or bracket after one.
 */
static inline bool wp_ends_sentence(const char *s, size_t len)
{
	while (len &&
	       (s[len - 1] == ' ' || s[len - 1] == '"' || s[len - 1] == '\'' || s[len - 1] == ')'))
		len--;
	if (len >= 3 && (!memcmp(s + len - 3, "\xe3\x80\x82", 3) || /* 。 */
			 !memcmp(s + len - 3, "\xef\xbc\x81", 3) || /* ！ */
			 !memcmp(s + len - 3, "\xef\xbc\x9f", 3)))  /* ？ */
		return true;
	return len && (s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?');
}

/* A paragraph of prose rather than a headline, label, link or menu; words as wp_count_words. */
static inline bool wp_is_body_text(const char *s, size_t len, size_t words)
{
	return (words >= 10 && wp_ends_sentence(s, len)) || words >= 30;
}

/*
 * Two to four capitalised words and nothing else: "Ahmad Fauzan", "Sigit P.
 * Santosa", "Ni Luh Ayu". The shape of a writer's name standing alone, as a
 * signature under the text or a byline segment. An acronym ("CNN", "TNI")
 * names an outlet or a body, and a name opens with an initial only if
 * written with its dot ("M. Fauzi"; "A Short Heading" is a heading).
 */
static inline bool wp_is_bare_name(const char *s, size_t len)
{
	size_t words = 0;

	for (size_t i = 0; i < len;) {
		size_t start = i, upper = 0, letters = 0;

		for (; i < len && s[i] != ' '; i++) {
			unsigned char c = (unsigned char)s[i];

			if (c >= 0x80)
				letters++; /* a letter of a name written with accents */
			else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				letters++, upper += c < 'a';
			else if (c != '.' && c != '\'' && c != '-')
				return false;
		}
		bool bare_initial = letters == 1 && s[i - 1] != '.';

		if (s[start] < 'A' || s[start] > 'Z' || (bare_initial && words == 0) ||
		    (upper >= 2 && upper == letters))
			return false;
		words++;
		while (i < len && s[i] == ' ')
			i++;
	}
	return words >= 2 && words <= 4;
}

/*
 * "DANIEL A. FAJRI": a name in capitals, as Tempo English signs under the
 * text. Two to four words of capitals (an initial with its dot), one of
 * three letters at least: "TNI AU" is no one.
 */
static inline bool wp_is_shouted_name(const char *s, size_t len)
{
	size_t words = 0, longest = 0;

	for (size_t i = 0; i < len;) {
		size_t letters = 0;

		for (; i < len && s[i] != ' '; i++) {
			unsigned char c = (unsigned char)s[i];

			if (c >= 'A' && c <= 'Z')
				letters++;
			else if (c != '.' && c != '\'' && c != '-')
				return false;
		}
		if (letters == 0 || (letters == 1 && s[i - 1] != '.'))
			return false;
		longest = letters > longest ? letters : longest;
		words++;
		while (i < len && s[i] == ' ')
			i++;
	}
	return words >= 2 && words <= 4 && longest >= 3;
}

#endif
