/* SPDX-License-Identifier: MIT */
/*
 * The page extractor's inner workings (html_prune.c, html_score.c,
 * html_text.c): a page being read, and what is known of each element.
 *
 * Each element that survives pruning gets a struct wp_node_info, found
 * from the node through its _private pointer (libxml2 leaves that field
 * to the application), so every measure is computed once per element in
 * one bottom-up pass instead of once per ancestor that asks.
 */
#ifndef WP_HTML_PAGE_H
#define WP_HTML_PAGE_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wa_article;
struct cJSON;

#define WP_PAGE_MAX_DEPTH 200 /* deeper trees are hostile: their content is ignored */

struct wp_node_info {
	xmlNodePtr node;
	size_t text;   /* non-space bytes of text below, as the current mode counts */
	size_t links;  /* ...of which inside links */
	size_t commas; /* commas in that text: prose has them, menus do not */
	size_t inline_text, inline_commas; /* ...of which its own text and inline children's */
	double score;                      /* what the paragraphs below earned it */
	bool furniture; /* its class or id names page furniture (share, related, sidebar) */
	bool left_out;  /* furniture, or inside furniture, in strict mode */
	int body_rank;  /* > 0: the page calls this element its article body; lower is surer */
};

struct wp_page {
	struct wa_article *article;
	struct wp_node_info *info; /* in document order */
	size_t n_info, cap_info;
	/*
	 * Strict mode leaves furniture out. A page whose article sits in a
	 * container with a furniture word in its name ("penci_sidebar" on the
	 * layout wrapper) comes out nearly empty that way, and is read again
	 * without it.
	 */
	bool strict;
	bool oom;
};

/* The element's info, or NULL (not an element, or pruned). */
static inline struct wp_node_info *wp_page_info(const struct wp_page *p, xmlNodePtr n)
{
	size_t i = (size_t)(uintptr_t)n->_private;

	return n->type == XML_ELEMENT_NODE && i && i <= p->n_info ? &p->info[i - 1] : NULL;
}

/*
 * Step 1: removes what is never the article (scripts, navigation, forms,
 * hidden blocks: to removed[] as "hidden"), moves comment sections to
 * comments, and gives every remaining element its info, furniture and
 * article-body names noted.
 */
int wp_page_prune(struct wp_page *p, xmlNodePtr root, struct cJSON *comments);

/* Step 2: text, links and commas of every element, as p->strict counts them. */
void wp_page_measure(struct wp_page *p, xmlNodePtr root);

/*
 * Step 2: where the article is: the container the page names its body
 * when the scores agree, otherwise the best-scoring container and the
 * siblings that belong with it. False when no container holds prose.
 */
struct wp_page_choice {
	xmlNodePtr node;
	bool named;       /* the page names it its article body */
	xmlNodePtr scope; /* where its siblings (or a named body's other parts) are */
	double score;
	size_t text; /* the text length of all that is chosen */
};
bool wp_page_choose(struct wp_page *p, struct wp_page_choice *ret);

/* Calls fn on each element of the article, in document order. */
typedef void wp_page_chosen_fn(struct wp_page *p, xmlNodePtr n, void *userdata);
void wp_page_for_each_chosen(struct wp_page *p, const struct wp_page_choice *choice,
			     wp_page_chosen_fn *fn, void *userdata);

/* An attribute's value ("" when it has none), or NULL when absent. */
const char *wp_html_attr(xmlNodePtr n, const char *name);

bool wp_html_tag_in(xmlNodePtr n, const char *const *tags, size_t n_tags);
#define WP_HTML_TAG_IN(n, list) wp_html_tag_in((n), (list), sizeof(list) / sizeof(*(list)))

/* Records the element's text in removed[] as `kind` (captions, hidden blocks, link lists). */
void wp_html_record_removed(struct wa_article *article, const char *kind, xmlNodePtr n);

/* An element that starts a new line of text (p, div, li, br, ...). */
bool wp_html_is_block(xmlNodePtr n);

#endif
