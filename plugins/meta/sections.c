/* SPDX-License-Identifier: MIT */
#include "sections.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

bool meta_is_section_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"asia",     "berita",   "bisnis",    "daerah",     "dunia",     "ekonomi",
		"eropa",    "foto",     "galeri",    "headline",   "hukum",     "internasional",
		"keamanan", "luar",     "metro",     "militer",    "nasional",  "negeri",
		"news",     "olahraga", "opini",     "pertahanan", "pilihan",   "politik",
		"populer",  "redaksi",  "tim",       "regional",   "teknologi", "terbaru",
		"terkini",  "tengah",   "timur",     "utama",      "video",     "world",
		"team",     "staff",    "editorial", "hari",       "ini",       "today",
		"latest",   "breaking",
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0)
			return true;
	return false;
}

static bool is_joiner(const char *w, size_t n)
{
	return (n == 3 && strncasecmp(w, "dan", 3) == 0) ||
	       (n == 1 && strchr("&/|>", w[0]) != NULL);
}

bool meta_is_section_label(const char *s, size_t len)
{
	size_t i = 0, words = 0;

	while (i < len) {
		size_t start, n;

		while (i < len && isspace((unsigned char)s[i]))
			i++;
		if (i == len)
			break;
		start = i;
		while (i < len && !isspace((unsigned char)s[i]))
			i++;
		n = i - start;
		if (meta_is_section_word(s + start, n))
			words++;
		else if (!is_joiner(s + start, n))
			return false;
	}
	return words > 0;
}
