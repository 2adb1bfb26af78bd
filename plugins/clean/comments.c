/* SPDX-License-Identifier: MIT */
/*
 * Reader comments, separated from the article (WordPress "One Reply to",
 * Blogger "Posting Komentar", JakartaGreater "138 KOMENTAR"): each line of
 * prose in the section is a comment; a "NAME says:" line, or a short
 * capitalised line, before one is its author; dates, counters and form
 * labels are dropped.
 */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <warta/article.h>

#include "../common/list_field.h"
#include "../common/textstat.h"
#include "clean.h"

#define AUTHOR_MAX 80

/* "Budi Santoso says:" / "Budi berkata:" -> the name's length, else 0. */
static size_t author_length(const struct line *l)
{
	static const char *const verbs[] = { " says:",       " said:", " berkata:",
					     " mengatakan:", " says",  " berkata" };

	for (size_t i = 0; i < sizeof(verbs) / sizeof(*verbs); i++) {
		size_t n = strlen(verbs[i]);

		if (l->len > n && l->len - n <= AUTHOR_MAX &&
		    strcmp(l->text + l->len - n, verbs[i]) == 0)
			return l->len - n;
	}
	return 0;
}

/* "Arif R.": a name ending in an initial, whose period ends no sentence. */
static bool ends_in_initial(const struct line *l)
{
	return l->len >= 3 && l->text[l->len - 1] == '.' &&
	       isupper((unsigned char)l->text[l->len - 2]) && l->text[l->len - 3] == ' ';
}

static cJSON *comment(const char *text, size_t len, const char *author, size_t author_len)
{
	cJSON *c = cJSON_CreateObject();
	char *t = strndup(text, len), *a = author ? strndup(author, author_len) : NULL;

	if (!c || !t || (author && !a) ||
	    (a && !cJSON_AddItemToObject(c, "author", cJSON_CreateString(a))) ||
	    !cJSON_AddItemToObject(c, "text", cJSON_CreateString(t))) {
		cJSON_Delete(c);
		c = NULL;
	}
	free(t);
	free(a);
	return c;
}

int clean_comments(struct wa_article *article, struct line *lines, size_t n,
		   bool (*ui)(void *data, struct line *line), void *data)
{
	cJSON *list = cJSON_CreateArray();
	const struct line *author = NULL, *name_line = NULL;
	int r = 0;

	if (!list)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		struct line *l = &lines[i];
		size_t says = author_length(l);

		if (says) {
			author = l;
			continue;
		}
		size_t words = l->words;

		/* Form labels, and "22 November 2026 at 10:15" stamps. */
		if (ui(data, l) || (isdigit((unsigned char)l->text[0]) && words < 8))
			continue;
		if (words < 4) {
			/* A short capitalised line before a stamp is the commenter's name. */
			if (isupper((unsigned char)l->text[0]) &&
			    (!wp_ends_sentence(l->text, l->len) || ends_in_initial(l)))
				name_line = l;
			continue;
		}
		size_t name_len = author ? author_length(author) : name_line ? name_line->len : 0;
		const char *who = author ? author->text : name_line ? name_line->text : NULL;
		cJSON *c = comment(l->text, l->len, who, name_len);

		if (!c || !cJSON_AddItemToArray(list, c)) {
			cJSON_Delete(c);
			r = -ENOMEM;
			break;
		}
		author = name_line = NULL;
	}
	if (r == 0)
		r = wp_set_list_field(article, "comments", list);
	cJSON_Delete(list);
	return r;
}
