/* SPDX-License-Identifier: MIT */
/* Writing systems and the language each one (mostly) means. */
#ifndef LANGID_SCRIPTS_H
#define LANGID_SCRIPTS_H

#include <stddef.h>
#include <stdint.h>

enum script {
	SCRIPT_OTHER = 0, /* digits, punctuation, symbols: no evidence */
	SCRIPT_LATIN,
	SCRIPT_CYRILLIC,
	SCRIPT_GREEK,
	SCRIPT_ARMENIAN,
	SCRIPT_HEBREW,
	SCRIPT_ARABIC,
	SCRIPT_DEVANAGARI,
	SCRIPT_BENGALI,
	SCRIPT_GURMUKHI,
	SCRIPT_GUJARATI,
	SCRIPT_TAMIL,
	SCRIPT_TELUGU,
	SCRIPT_KANNADA,
	SCRIPT_MALAYALAM,
	SCRIPT_SINHALA,
	SCRIPT_THAI,
	SCRIPT_LAO,
	SCRIPT_MYANMAR,
	SCRIPT_GEORGIAN,
	SCRIPT_ETHIOPIC,
	SCRIPT_KHMER,
	SCRIPT_HANGUL,
	SCRIPT_KANA,
	SCRIPT_HAN,
	N_SCRIPTS,
};

enum script script_of(uint32_t cp);

/*
 * The language a text in a non-Latin script is written in, from the counts
 * of its code points per script and the letters that tell the languages
 * sharing a script apart (Ukrainian і, Persian پ, Urdu ے, kana in Japanese).
 * cps: the text's code points (for those letters); NULL for SCRIPT_LATIN.
 */
const char *script_language(enum script dominant, const size_t counts[N_SCRIPTS],
			    const uint32_t *cps, size_t n);

#endif
