/* SPDX-License-Identifier: MIT */
/*
 * The page's title without the site's name: "Judul | DW", "Judul - The
 * Namibian", "Judul | Bild | 07.06.2023" are all "Judul". What names the
 * site is known from the page itself (og:site_name, the publisher, the
 * host), never from a list, so a new outlet needs nothing.
 */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "html.h"

/* Letters and digits lowercased, other ASCII dropped: "Börsen-Zeitung" ~ "börsenzeitung". */
static size_t fold(const char *s, size_t len, char *out, size_t size)
{
	size_t k = 0;

	for (size_t i = 0; i < len && k + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80 || isalnum(c))
			out[k++] = (char)tolower(c);
	}
	out[k] = '\0';
	return k;
}

/*
 * Whether a title's tail names the site: its og:site_name or publisher,
 * or its host ("dw" of www.dw.com), one folded name inside the other
 * ("The Namibian" for namibian.com.na).
 */
static bool same_name(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	return la >= 2 && lb >= 2 && (la < lb ? strstr(b, a) : strstr(a, b));
}

/*
 * The host's own name: the label before the public suffix ("detik" of
 * news.detik.com, "namibian" of www.namibian.com.na), not a subdomain.
 */
static const char *site_label(const char *host, size_t *ret_len)
{
	static const char *const second_level[] = { "co",  "com", "net", "org", "ac",  "go", "or",
						    "web", "my",  "gov", "edu", "sch", "mil" };
	const char *labels[16];
	size_t lens[16], n = 0, end = strcspn(host, ":/?#");

	for (size_t i = 0; i < end && n < 16;) {
		size_t len = strcspn(host + i, ".:/?#");

		labels[n] = host + i, lens[n++] = len;
		i += len + 1;
	}
	if (n < 2)
		return NULL;
	n--; /* the top-level domain */
	while (n > 1) {
		bool generic = false;

		for (size_t k = 0; k < sizeof(second_level) / sizeof(*second_level); k++)
			generic |= lens[n - 1] == strlen(second_level[k]) &&
				   !strncasecmp(labels[n - 1], second_level[k], lens[n - 1]);
		if (!generic)
			break;
		n--;
	}
	*ret_len = lens[n - 1];
	return labels[n - 1];
}

static bool names_site(const char *words, size_t len, const struct page_meta *m)
{
	char t[128], name[128];

	if (len >= sizeof(t) || !fold(words, len, t, sizeof(t)))
		return false;
	if (m->site && fold(m->site, strlen(m->site), name, sizeof(name)) && same_name(t, name))
		return true;
	const char *host = m->url ? strstr(m->url, "://") : NULL;
	size_t label_len;
	const char *label = host ? site_label(host + 3, &label_len) : NULL;

	return label && label_len < sizeof(name) && fold(label, label_len, name, sizeof(name)) &&
	       same_name(t, name);
}

/* A date or a number: "07.06.2023", "2024". */
static bool is_date_like(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]) && !strchr(" ./-:", s[i]))
			return false;
	}
	return len > 0;
}

/*
 * Page titles carry the site's name ("Judul | DW", "Judul - The Namibian",
 * "Judul | Bild | 07.06.2023"): it goes when it names the site, is a date,
 * or when what precedes it is the page's own headline (<h1>).
 */
void page_title_trim(struct page_meta *m, const char *h1)
{
	static const char *const separators[] = {
		" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xb7 "
	};
	char *title = m->title;
	size_t len = title ? strlen(title) : 0;

	for (int round = 0; round < 3 && len; round++) {
		const char *sep = NULL;
		size_t sep_len = 0;

		for (size_t i = 0; i < sizeof(separators) / sizeof(*separators); i++) {
			size_t n = strlen(separators[i]);

			for (const char *at = title;
			     (at = memmem(at, len - (size_t)(at - title), separators[i], n));
			     at++) {
				if (!sep || at > sep)
					sep = at, sep_len = n;
			}
		}
		if (!sep || sep == title)
			break;
		size_t head = (size_t)(sep - title);
		const char *tail = sep + sep_len;
		size_t tail_len = len - head - sep_len;

		if (!names_site(tail, tail_len, m) && !is_date_like(tail, tail_len) &&
		    !(h1 && strlen(h1) == head && !strncasecmp(h1, title, head)))
			break;
		len = head;
	}
	if (title && len < strlen(title))
		title[len] = '\0';
}
