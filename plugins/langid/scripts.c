/* SPDX-License-Identifier: MIT */
/* Unicode block ranges (facts from the Unicode code charts). */
#include "scripts.h"

#include <stdbool.h>

static const struct {
	uint32_t from, to;
	enum script script;
} blocks[] = {
	{ 0x0041, 0x005a, SCRIPT_LATIN },      { 0x0061, 0x007a, SCRIPT_LATIN },
	{ 0x00c0, 0x024f, SCRIPT_LATIN },      { 0x1e00, 0x1eff, SCRIPT_LATIN },
	{ 0x0370, 0x03ff, SCRIPT_GREEK },      { 0x0400, 0x052f, SCRIPT_CYRILLIC },
	{ 0x0530, 0x058f, SCRIPT_ARMENIAN },   { 0x0590, 0x05ff, SCRIPT_HEBREW },
	{ 0x0600, 0x06ff, SCRIPT_ARABIC },     { 0x0750, 0x077f, SCRIPT_ARABIC },
	{ 0x0900, 0x097f, SCRIPT_DEVANAGARI }, { 0x0980, 0x09ff, SCRIPT_BENGALI },
	{ 0x0a00, 0x0a7f, SCRIPT_GURMUKHI },   { 0x0a80, 0x0aff, SCRIPT_GUJARATI },
	{ 0x0b80, 0x0bff, SCRIPT_TAMIL },      { 0x0c00, 0x0c7f, SCRIPT_TELUGU },
	{ 0x0c80, 0x0cff, SCRIPT_KANNADA },    { 0x0d00, 0x0d7f, SCRIPT_MALAYALAM },
	{ 0x0d80, 0x0dff, SCRIPT_SINHALA },    { 0x0e00, 0x0e7f, SCRIPT_THAI },
	{ 0x0e80, 0x0eff, SCRIPT_LAO },        { 0x1000, 0x109f, SCRIPT_MYANMAR },
	{ 0x10a0, 0x10ff, SCRIPT_GEORGIAN },   { 0x1100, 0x11ff, SCRIPT_HANGUL },
	{ 0x1200, 0x137f, SCRIPT_ETHIOPIC },   { 0x1780, 0x17ff, SCRIPT_KHMER },
	{ 0x3040, 0x30ff, SCRIPT_KANA },       { 0x3130, 0x318f, SCRIPT_HANGUL },
	{ 0x3400, 0x4dbf, SCRIPT_HAN },        { 0x4e00, 0x9fff, SCRIPT_HAN },
	{ 0xac00, 0xd7af, SCRIPT_HANGUL },     { 0xf900, 0xfaff, SCRIPT_HAN },
};

enum script script_of(uint32_t cp)
{
	if (cp < 0x41)
		return SCRIPT_OTHER;
	for (size_t i = 0; i < sizeof(blocks) / sizeof(*blocks); i++) {
		if (cp >= blocks[i].from && cp <= blocks[i].to)
			return blocks[i].script;
	}
	return SCRIPT_OTHER;
}

static bool has_any(const uint32_t *cps, size_t n, const uint32_t *letters, size_t n_letters)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n_letters; j++) {
			if (cps[i] == letters[j])
				return true;
		}
	}
	return false;
}

#define HAS(...)                                           \
	has_any(cps, n, (const uint32_t[]){ __VA_ARGS__ }, \
		sizeof((const uint32_t[]){ __VA_ARGS__ }) / sizeof(uint32_t))

static const char *cyrillic(const uint32_t *cps, size_t n)
{
	if (HAS(0x0456, 0x0457, 0x0454, 0x0491)) /* і ї є ґ */
		return "uk";
	if (HAS(0x0452, 0x045b, 0x045f, 0x0459, 0x045a)) /* ђ ћ џ љ њ */
		return "sr";
	if (HAS(0x0453, 0x045c, 0x0455)) /* ѓ ќ ѕ */
		return "mk";
	if (!HAS(0x044b, 0x044d, 0x0451) && HAS(0x044a)) /* ъ without ы э ё */
		return "bg";
	return "ru";
}

static const char *arabic(const uint32_t *cps, size_t n)
{
	if (HAS(0x06d2, 0x0679, 0x0688, 0x0691)) /* ے ٹ ڈ ڑ */
		return "ur";
	if (HAS(0x067e, 0x0686, 0x0698, 0x06af, 0x06cc)) /* پ چ ژ گ ی */
		return "fa";
	return "ar";
}

const char *script_language(enum script dominant, const size_t counts[N_SCRIPTS],
			    const uint32_t *cps, size_t n)
{
	static const char *const languages[N_SCRIPTS] = {
		[SCRIPT_GREEK] = "el",      [SCRIPT_ARMENIAN] = "hy",  [SCRIPT_HEBREW] = "he",
		[SCRIPT_DEVANAGARI] = "hi", [SCRIPT_BENGALI] = "bn",   [SCRIPT_GURMUKHI] = "pa",
		[SCRIPT_GUJARATI] = "gu",   [SCRIPT_TAMIL] = "ta",     [SCRIPT_TELUGU] = "te",
		[SCRIPT_KANNADA] = "kn",    [SCRIPT_MALAYALAM] = "ml", [SCRIPT_SINHALA] = "si",
		[SCRIPT_THAI] = "th",       [SCRIPT_LAO] = "lo",       [SCRIPT_MYANMAR] = "my",
		[SCRIPT_GEORGIAN] = "ka",   [SCRIPT_ETHIOPIC] = "am",  [SCRIPT_KHMER] = "km",
		[SCRIPT_HANGUL] = "ko",     [SCRIPT_KANA] = "ja",
	};

	switch (dominant) {
	case SCRIPT_CYRILLIC:
		return cyrillic(cps, n);
	case SCRIPT_ARABIC:
		return arabic(cps, n);
	case SCRIPT_HAN:
		/* Japanese writes kanji between kana; Chinese has none. */
		return counts[SCRIPT_KANA] * 10 >= counts[SCRIPT_HAN] ? "ja" : "zh";
	default:
		return languages[dominant];
	}
}
