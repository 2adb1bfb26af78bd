/* SPDX-License-Identifier: MIT */
/*
 * Step 2 of reading a page: which container holds the article.
 *
 * Paragraphs score by length and commas and credit their parent fully,
 * their grandparent half and further ancestors less (the Readability
 * heuristic); a container's score is discounted by its link density and
 * the best one wins, with the sibling blocks and paragraphs that belong
 * with it. A container the page itself names its article body
 * (html_prune.c) is taken instead when it holds prose and the scores do
 * not contradict it: that is where layouts with linked names, tables or
 * short paragraphs defeat the scores.
 */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "html_page.h"

#define MIN_PARAGRAPH     25   /* characters before a paragraph counts for scoring */
#define SIBLING_MIN_SCORE 10   /* a sibling block joins the best one with this score... */
#define SIBLING_SHARE     0.2  /* ...or this share of the best one's */
#define SIBLING_PARAGRAPH 80   /* a sibling paragraph joins with this much text... */
#define SIBLING_LINKS     0.25 /* ...and links under this share of it */
#define BODY_MIN_TEXT     200  /* a named body with less text is a placeholder or a teaser */
#define BODY_MAX_LINKS    0.5  /* ...and one mostly of links is a list of them */
#define BODY_SHARE        0.3 /* a named body apart from the best one needs this share of its score */

static void measure(struct wp_page *p, xmlNodePtr n, struct wp_node_info *info, bool left_out)
{
	size_t text = 0, commas = 0;

	info->text = info->links = info->commas = 0;
	info->score = 0;
	info->left_out = left_out;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			for (const char *s = (const char *)c->content; s && *s; s++) {
				text += *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r';
				commas += *s == ',';
			}
			continue;
		}
		struct wp_node_info *child = wp_page_info(p, c);

		if (!child)
			continue;
		bool out = left_out || (p->strict && child->furniture);

		measure(p, c, child, out);
		if (out)
			continue;
		if (wp_html_is_block(c)) {
			info->text += child->text;
			info->commas += child->commas;
		} else {
			text += child->text;
			commas += child->commas;
		}
		info->links += !strcmp((const char *)c->name, "a") ? child->text : child->links;
	}
	info->inline_text = text, info->inline_commas = commas;
	info->text += text, info->commas += commas;
}

void wp_page_measure(struct wp_page *p, xmlNodePtr root)
{
	struct wp_node_info *info = wp_page_info(p, root);

	if (info)
		measure(p, root, info, false);
}

/* <br> breaks a line inside a paragraph; it does not make a <div> a container. */
static bool has_block_child(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "br") != 0 &&
		    wp_html_is_block(c))
			return true;
	}
	return false;
}

static bool is_paragraph(xmlNodePtr n)
{
	const char *tag = (const char *)n->name;

	return !strcmp(tag, "p") || !strcmp(tag, "pre") ||
	       ((!strcmp(tag, "div") || !strcmp(tag, "td")) && !has_block_child(n));
}

static double link_density(const struct wp_node_info *info)
{
	return info->text ? (double)info->links / (double)info->text : 0;
}

static void credit(struct wp_page *p, xmlNodePtr from, size_t text, size_t commas)
{
	double s = 1 + (double)commas + fmin((double)text / 100, 3);
	int level = 0;

	for (xmlNodePtr up = from; up && level < 5; up = up->parent, level++) {
		struct wp_node_info *a = wp_page_info(p, up);

		if (!a)
			break;
		a->score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
	}
}

/*
 * Paragraph scores flow to their ancestors; then each is discounted by
 * its links. Text written straight into a container between its blocks
 * ("text<br><br>text<center>...") is a paragraph of that container, as
 * Readability wraps it in one.
 */
static void score(struct wp_page *p)
{
	for (size_t i = 0; i < p->n_info; i++) {
		struct wp_node_info *info = &p->info[i];

		if (info->left_out)
			continue;
		if (is_paragraph(info->node)) {
			if (info->text >= MIN_PARAGRAPH)
				credit(p, info->node->parent, info->text, info->commas);
		} else if (info->inline_text >= MIN_PARAGRAPH) {
			credit(p, info->node, info->inline_text, info->inline_commas);
		}
	}
	for (size_t i = 0; i < p->n_info; i++)
		p->info[i].score *= 1 - link_density(&p->info[i]);
}

/*
 * Articles split over sibling blocks (one <section> per few paragraphs)
 * take the siblings that scored well too, and sibling paragraphs of prose
 * (the Readability rule).
 */
static bool belongs_with(struct wp_page *p, xmlNodePtr sibling, double best_score)
{
	struct wp_node_info *info = wp_page_info(p, sibling);

	if (!info || info->left_out)
		return false;
	if (info->score > 0)
		return info->score >= fmax(SIBLING_MIN_SCORE, best_score * SIBLING_SHARE);
	return !strcmp((const char *)sibling->name, "p") && info->text > SIBLING_PARAGRAPH &&
	       link_density(info) < SIBLING_LINKS;
}

static bool is_ancestor(xmlNodePtr a, xmlNodePtr n)
{
	for (; n; n = n->parent) {
		if (n == a)
			return true;
	}
	return false;
}

/* The surest-named body with prose in it, the first in the page among equals. */
static struct wp_node_info *named_body(struct wp_page *p)
{
	struct wp_node_info *best = NULL;

	for (size_t i = 0; i < p->n_info; i++) {
		struct wp_node_info *info = &p->info[i];

		if (!info->body_rank || info->left_out || info->text < BODY_MIN_TEXT ||
		    link_density(info) > BODY_MAX_LINKS)
			continue;
		if (!best || info->body_rank < best->body_rank)
			best = info;
	}
	return best;
}

/*
 * A named body split into parts (one per few paragraphs, advertisements
 * between them): the parts are named alike and sit side by side, as
 * siblings or cousins under one wrapper.
 */
static bool is_part_of_body(struct wp_page *p, const struct wp_page_choice *c,
			    const struct wp_node_info *info)
{
	xmlNodePtr parent = info->node->parent;

	if (info->body_rank != wp_page_info(p, c->node)->body_rank || info->left_out || !info->text)
		return false;
	return parent == c->scope || (parent && parent->parent == c->scope);
}

void wp_page_for_each_chosen(struct wp_page *p, const struct wp_page_choice *c,
			     wp_page_chosen_fn *fn, void *userdata)
{
	if (c->named) {
		xmlNodePtr last = NULL;

		for (size_t i = 0; i < p->n_info; i++) {
			struct wp_node_info *info = &p->info[i];

			if ((info->node == c->node || (c->scope && is_part_of_body(p, c, info))) &&
			    !(last && is_ancestor(last, info->node)))
				fn(p, last = info->node, userdata);
		}
		return;
	}
	if (!c->scope) {
		fn(p, c->node, userdata);
		return;
	}
	for (xmlNodePtr n = c->scope->children; n; n = n->next) {
		if (n == c->node || (n->type == XML_ELEMENT_NODE && belongs_with(p, n, c->score)))
			fn(p, n, userdata);
	}
}

static void add_text(struct wp_page *p, xmlNodePtr n, void *userdata)
{
	*(size_t *)userdata += wp_page_info(p, n)->text;
}

bool wp_page_choose(struct wp_page *p, struct wp_page_choice *ret)
{
	struct wp_node_info *best = NULL, *body;

	score(p);
	for (size_t i = 0; i < p->n_info; i++) {
		struct wp_node_info *info = &p->info[i];

		if (!info->left_out && info->score > 0 && (!best || info->score > best->score))
			best = info;
	}
	body = named_body(p);
	if (body &&
	    (!best || is_ancestor(body->node, best->node) || is_ancestor(best->node, body->node) ||
	     body->score >= best->score * BODY_SHARE))
		*ret = (struct wp_page_choice){ .node = body->node, .named = true };
	else if (best)
		*ret = (struct wp_page_choice){ .node = best->node, .score = best->score };
	else
		return false;
	/* Siblings share the parent; a named body's parts may be cousins. */
	xmlNodePtr parent = ret->node->parent;

	if (parent && wp_page_info(p, parent))
		ret->scope = ret->named && parent->parent && wp_page_info(p, parent->parent)
				     ? parent->parent
				     : parent;
	ret->text = 0;
	wp_page_for_each_chosen(p, ret, add_text, &ret->text);
	return true;
}
