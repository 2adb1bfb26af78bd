/* SPDX-License-Identifier: MIT */
/*
 * Reader comments in a page's comment section (WordPress, Blogger and the
 * themes built on them): each comment's content block, with its author
 * when the markup names one. The section itself is then pruned with the
 * rest of the page furniture.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_text.h"

#define AUTHOR_LEVELS 4 /* how far up a comment's content its author may sit */

static const char *class_of(xmlNodePtr n)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		if (!strcasecmp((const char *)a->name, "class"))
			return a->children && a->children->content
				       ? (const char *)a->children->content
				       : "";
	}
	return "";
}

/* Is `word` one of the space-separated classes of n? */
static bool has_class(xmlNodePtr n, const char *word)
{
	const char *c = class_of(n);
	size_t len = strlen(word);

	for (const char *at = strcasestr(c, word); at; at = strcasestr(at + 1, word)) {
		if ((at == c || at[-1] == ' ') && (!at[len] || at[len] == ' '))
			return true;
	}
	return false;
}

static bool is_content(xmlNodePtr n)
{
	return has_class(n, "comment-content") || has_class(n, "comment-text") ||
	       has_class(n, "comment_text") || has_class(n, "comment-body-text");
}

static xmlNodePtr find(xmlNodePtr n, bool (*match)(xmlNodePtr), int depth)
{
	for (xmlNodePtr c = n->children; c && depth < 64; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (match(c))
			return c;
		xmlNodePtr found = find(c, match, depth + 1);

		if (found)
			return found;
	}
	return NULL;
}

static bool is_author(xmlNodePtr n)
{
	return has_class(n, "fn") || has_class(n, "comment-author") || has_class(n, "user-name");
}

/*
 * The commenter's name alone: "Bambang says:", "Milan on September 12,
 * 2018 at 4:47 pm said:" are the name and what the theme prints after it.
 */
static char *clean_author(struct wp_strbuf *t)
{
	static const char *const verbs[] = { " says:", " said:", " berkata:" };

	wp_strbuf_rtrim(t, " ");
	for (size_t i = 0; t->len && i < sizeof(verbs) / sizeof(*verbs); i++) {
		size_t n = strlen(verbs[i]);

		if (t->len > n && !strcmp(t->buf + t->len - n, verbs[i]))
			t->buf[t->len -= n] = '\0';
	}
	/* " on " then the date: the first " on " followed by a capital or a digit. */
	for (char *on = t->buf ? strstr(t->buf, " on ") : NULL; on; on = strstr(on + 1, " on "))
		if ((on[4] >= 'A' && on[4] <= 'Z') || (on[4] >= '0' && on[4] <= '9')) {
			*on = '\0';
			t->len = (size_t)(on - t->buf);
			break;
		}
	wp_strbuf_rtrim(t, " ");
	return t->buf;
}

static char *author_of(xmlNodePtr content)
{
	xmlNodePtr up = content->parent;

	for (int i = 0; up && i < AUTHOR_LEVELS; i++, up = up->parent) {
		xmlNodePtr a = find(up, is_author, 0);

		if (a) {
			struct wp_strbuf t = { 0 };
			xmlNodePtr fn = has_class(a, "fn") ? a : find(a, is_author, 0);

			wp_html_node_text(fn ? fn : a, &t);
			return clean_author(&t);
		}
	}
	return NULL;
}

/*
 * A comment marked only as a whole ("<li class="comment">"), its author
 * and date beside its paragraphs: themes that give the text no class of
 * its own.
 */
static bool is_bare_comment(xmlNodePtr n)
{
	return has_class(n, "comment") && !find(n, is_content, 0);
}

/* The text of the <p> elements under n, a line each. */
static void paragraphs_text(xmlNodePtr n, struct wp_strbuf *out, int depth)
{
	for (xmlNodePtr c = n->children; c && depth < 64; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcasecmp((const char *)c->name, "p") != 0) {
			paragraphs_text(c, out, depth + 1);
			continue;
		}
		if (out->len)
			wp_strbuf_putc(out, '\n');
		wp_html_node_text(c, out);
		wp_strbuf_rtrim(out, " ");
	}
}

static void collect(xmlNodePtr n, cJSON *list, int depth)
{
	for (xmlNodePtr c = n->children; c && depth < 64; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		bool bare = is_bare_comment(c);

		if (!is_content(c) && !bare) {
			collect(c, list, depth + 1);
			continue;
		}
		struct wp_strbuf text = { 0 };
		char *author = bare ? NULL : author_of(c);

		if (bare) {
			xmlNodePtr a = find(c, is_author, 0);

			paragraphs_text(c, &text, depth);
			if (a) {
				struct wp_strbuf name = { 0 };

				wp_html_node_text(a, &name);
				author = clean_author(&name);
			}
		} else {
			wp_html_node_text(c, &text);
		}
		wp_strbuf_rtrim(&text, " ");
		if (text.len && cJSON_GetArraySize(list) < 1000) {
			cJSON *comment = cJSON_CreateObject();

			if (comment && author && *author)
				cJSON_AddStringToObject(comment, "author", author);
			if (comment)
				cJSON_AddStringToObject(comment, "text", text.buf);
			cJSON_AddItemToArray(list, comment);
		}
		free(author);
		wp_strbuf_fini(&text);
	}
}

void wp_html_comments(xmlNodePtr section, cJSON *list)
{
	collect(section, list, 0);
}
