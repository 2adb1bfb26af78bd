/* SPDX-License-Identifier: MIT */
/*
 * clean: the article and nothing else.
 *
 * Works on lines (normalize made every paragraph one line), with the rules
 * of data/boilerplate.txt, each bound to a position because position is
 * what tells boilerplate from prose (DOMAIN.md 0.2): a date line above the
 * lede is the page's header, the same words in the body are news.
 *
 *  1. Glued pieces (span) are cut out of lines, splitting what they glued.
 *  2. The lede is the first line that opens with a dateline or reads as
 *     prose; the lines above it are the header (title, its repeats, byline,
 *     date), kept in removed[] for the meta and dates stages to read.
 *  3. From the lede on: a footer or comment section ends the article (cut),
 *     list headings take their lists with them (block), line rules remove
 *     single lines, and a line repeating an earlier short one is a caption.
 *  4. The trailing run of tail rules and short non-sentences goes, then the
 *     editor-initial trailer of the last paragraph (end).
 *  5. The dateline leaves the lede; citation digits leave the words.
 *
 * Every removal is recorded in removed[] with its kind; reader comments go
 * to comments[]. The text becomes the kept lines, one blank line apart.
 */
#include "clean.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <warta/plugin.h>

#include "../common/patterns.h"
#include "../common/textstat.h"
#include "../common/utf8.h"
#include "../common/wordset.h"

/* A repeated line this short is a duplicated caption or title, not a repeated paragraph. */
#define REPEAT_MAX_WORDS 30
/* At most this many words after a dateline that ends no sentence: a header's date, not a lede. */
#define DATELINE_HEADER_MAX_WORDS 9
/* A standfirst is followed by at most this many header lines (byline, date) of so many words. */
#define STANDFIRST_HEADER_LINES     3
#define STANDFIRST_HEADER_MAX_WORDS 12
/* How far into a line a byline or date glued to the lede may run (as DOMAIN.md 1.2 allows). */
#define GLUED_HEADER_MAX 120
/* A dateline's length at most, to its dash or colon ("ST. PETERSBURG, Russia (Reuters) -"). */
#define DATELINE_MAX 80
/* Under the last paragraph, a line this short that ends no sentence is no paragraph. */
#define TAIL_LINE_MAX_WORDS 7
/* ... and one this short under a related-article heading ("Next Article") the link's. */
#define TAIL_HEADLINE_MAX_WORDS 15
#define TAIL_HEADING_MAX_WORDS  3

struct clean {
	struct wp_pattern_file rules, datelines;
	const struct wp_pattern_group *span, *line, *contains, *suffix, *head, *tail, *block, *cut,
		*end;
};

struct run {
	struct clean *c;
	struct wa_article *article;
	pcre2_match_data *md;
	struct line *lines;
	size_t n_lines, cap_lines;
	struct wp_wordset short_lines; /* seen so far: a repeat is a caption or a title copy */
	bool from_markup;              /* a page extractor chose these lines (see mark_header) */
	size_t standfirst;             /* its line, SIZE_MAX if none (see after_standfirst) */
};

static const char *const search_groups[] = { "span", "end", "contains", "suffix", NULL };

/*
 * Span rules are searched through every article as one alternation, tried
 * wherever any of them can start: one that can start at a space has them
 * all tried at every word ("\\s*\\(baca" cost clean a sixth of its time).
 * Said at start, so whoever adds one hears of it.
 */
static void warn_slow_spans(const struct wa_plugin_ctx *ctx, const struct wp_pattern_file *f,
			    const struct wp_pattern_group *span)
{
	for (size_t m = 0; span && m < span->n_members; m++) {
		const struct wp_pattern *p = &f->patterns[span->members[m]];

		if (wp_pattern_starts_at_spaces(p))
			wa_plugin_log(
				ctx, WA_LOG_WARNING,
				"%s:%u: this span rule can start at a space, so the span rules "
				"are tried at every word of every article; open it with a "
				"word or a bracket",
				f->name, p->line);
	}
}

static int clean_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	struct clean *c = calloc(1, sizeof(*c));
	char *error = NULL;
	int r;

	if (!c)
		return -ENOMEM;
	r = wp_pattern_file_load(ctx, "boilerplate.txt", 2, search_groups, &c->rules, &error);
	if (r == 0)
		r = wp_pattern_file_load(ctx, "datelines.txt", 1, NULL, &c->datelines, &error);
	if (r < 0) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "%s", error ? error : strerror(-r));
		free(error);
		wp_pattern_file_fini(&c->rules);
		free(c);
		return r;
	}
	c->span = wp_pattern_file_group(&c->rules, "span");
	c->line = wp_pattern_file_group(&c->rules, "line");
	c->contains = wp_pattern_file_group(&c->rules, "contains");
	c->suffix = wp_pattern_file_group(&c->rules, "suffix");
	c->head = wp_pattern_file_group(&c->rules, "head");
	c->tail = wp_pattern_file_group(&c->rules, "tail");
	c->block = wp_pattern_file_group(&c->rules, "block");
	c->cut = wp_pattern_file_group(&c->rules, "cut");
	c->end = wp_pattern_file_group(&c->rules, "end");
	warn_slow_spans(ctx, &c->rules, c->span);
	*ret_state = c;
	return 0;
}

static void clean_fini(void *state)
{
	struct clean *c = state;

	wp_pattern_file_fini(&c->rules);
	wp_pattern_file_fini(&c->datelines);
	free(c);
}

/* The kind of the group's rule matching the whole line from its start, or NULL. */
static const char *match_line(struct run *run, const struct wp_pattern_group *g,
			      const struct line *l)
{
	size_t start, end;
	const struct wp_pattern *p = wp_pattern_group_match(&run->c->rules, g, l->text, l->len, 0,
							    run->md, &start, &end);

	return p ? p->words[1] : NULL;
}

/*
 * The kind of the line rules (line, contains, suffix) that remove this
 * line wherever it is, or NULL; computed once per line, as every pass asks.
 */
static const char *line_rule(struct run *run, struct line *l)
{
	if (l->rule_done)
		return l->rule;
	l->rule_done = true;
	l->rule = match_line(run, run->c->line, l);
	/* contains and suffix rules are for furniture: never a paragraph of prose. */
	if (l->body)
		return l->rule;
	if (!l->rule) {
		size_t start, end;
		const struct wp_pattern *p =
			wp_pattern_group_match(&run->c->rules, run->c->contains, l->text, l->len, 0,
					       run->md, &start, &end);

		l->rule = p ? p->words[1] : NULL;
	}
	if (!l->rule) {
		size_t start, end;
		const struct wp_pattern *p = wp_pattern_group_match(
			&run->c->rules, run->c->suffix, l->text, l->len, 0, run->md, &start, &end);

		l->rule = p && end == l->len ? p->words[1] : NULL;
	}
	return l->rule;
}

/* The kind the head rules give the line, or NULL; computed once per line. */
static const char *head_rule(struct run *run, struct line *l)
{
	if (!l->head_done) {
		l->head = match_line(run, run->c->head, l);
		l->head_done = true;
	}
	return l->head;
}

/* Inside a comment section: form labels and the section's own headings. */
static bool is_ui_line(void *data, struct line *l)
{
	struct run *run = data;

	return line_rule(run, l) || match_line(run, run->c->cut, l);
}

/*
 * "Rudal Burevestnik. (Foto: Reuters)": a photo credit that ends a line
 * which is no paragraph ends a caption, and the caption goes with it.
 * Returns the length of the caption before the credit at [start, end), 0
 * if the credit does not close such a line.
 */
static size_t caption_before_credit(const struct wp_pattern *p, const char *text, size_t len,
				    size_t at, size_t start, size_t end)
{
	size_t b = start, e = end;

	if (strcmp(p->words[1], "credit") != 0)
		return 0;
	while (e < len && text[e] == ' ')
		e++;
	if (e < len && text[e] != '\n')
		return 0;
	while (b > at && text[b - 1] != '\n')
		b--;
	while (b < start && text[b] == ' ')
		b++;
	size_t n = start - b, words = wp_count_words(text + b, n);

	return n && words <= REPEAT_MAX_WORDS && !wp_is_body_text(text + b, n, words) ? n : 0;
}

/* Step 1: cuts the span rules' matches out of the text, keeping both sides as lines. */
static int cut_spans(struct run *run, const char *text, size_t len, struct wp_strbuf *out)
{
	size_t at = 0, start, end;

	for (;;) {
		const struct wp_pattern *p = wp_pattern_group_match(
			&run->c->rules, run->c->span, text, len, at, run->md, &start, &end);

		if (!p || end == start)
			break;
		size_t caption = caption_before_credit(p, text, len, at, start, end);

		wp_strbuf_put(out, text + at, start - caption - at);
		size_t shown = caption;

		while (shown && text[start - caption + shown - 1] == ' ')
			shown--;
		if ((caption && wa_article_add_removed(run->article, "caption",
						       text + start - caption, shown) < 0) ||
		    wa_article_add_removed(run->article, p->words[1], text + start, end - start) <
			    0)
			return -ENOMEM;
		wp_strbuf_putc(out, '\n');
		at = end;
	}
	wp_strbuf_put(out, text + at, len - at);
	return out->error;
}

/*
 * The lines of text, in place: each ends where its newline (or its
 * trailing spaces) began, so a line is a string of its own and no copy.
 */
static int split_lines(struct run *run, char *text, size_t len)
{
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len, b = at, e = end;

		while (b < e && text[b] == ' ')
			b++;
		while (e > b && text[e - 1] == ' ')
			e--;
		if (e > b) {
			if (run->n_lines == run->cap_lines) {
				size_t cap = run->cap_lines ? run->cap_lines * 2 : 64;
				struct line *v = realloc(run->lines, cap * sizeof(*v));

				if (!v)
					return -ENOMEM;
				run->lines = v, run->cap_lines = cap;
			}
			struct line *v = run->lines;
			size_t words = wp_count_words(text + b, e - b);
			bool repeat = false;

			/* Short lines go into a set, so spotting repeats stays linear. */
			if (words <= REPEAT_MAX_WORDS) {
				repeat = wp_wordset_find(&run->short_lines, text + b, e - b, NULL);
				if (!repeat &&
				    wp_wordset_add(&run->short_lines, text + b, e - b, 0) < 0)
					return -ENOMEM;
			}
			v[run->n_lines++] = (struct line){
				.text = text + b,
				.len = e - b,
				.words = words,
				.body = wp_is_body_text(text + b, e - b, words),
				.repeat = repeat,
			};
			text[e] = '\0';
		}
		at = end + 1;
	}
	return 0;
}

/*
 * The length of the dateline opening this line, or 0. A lede follows a
 * dateline; a few words that end no sentence are a page header's date
 * ("Kompas.tv - 20 November 2026, 06:45 WIB", "Suara.com - Senin, 10
 * November 2025 | 21:14 WIB").
 */
static size_t find_dateline(struct run *run, const struct line *l)
{
	const struct wp_pattern_file *f = &run->c->datelines;

	for (size_t i = 0; i < f->n_groups; i++) {
		size_t start, end;

		if (!wp_pattern_group_match(f, &f->groups[i], l->text, l->len, 0, run->md, &start,
					    &end))
			continue;
		if (end == l->len) {
			/*
			 * A dateline on a line of its own ("Jakarta, CNN Indonesia --",
			 * its lede below, as some extractors break it) opens the article
			 * when a paragraph follows; the line is then all dateline.
			 */
			size_t next = (size_t)(l - run->lines) + 1;

			if (next < run->n_lines && run->lines[next].body)
				return end;
			continue;
		}
		const char *rest = l->text + end;
		size_t rest_len = l->len - end;

		if (wp_count_words(rest, rest_len) <= DATELINE_HEADER_MAX_WORDS &&
		    !wp_ends_sentence(rest, rest_len))
			return 0;
		return end;
	}
	return 0;
}

static size_t dateline_length(struct run *run, struct line *l)
{
	if (!l->dateline_done) {
		l->dateline = find_dateline(run, l);
		l->dateline_done = true;
	}
	return l->dateline;
}

/*
 * A lede too short to read as a paragraph, right above the first one:
 * "Presiden Prabowo Subianto tiba di Moskow." A sentence of five words or
 * more that no rule names, below the headline and not a caption's shape
 * (a photo's date in brackets, or a line repeated).
 */
static bool is_short_lede(struct run *run, size_t i)
{
	struct line *l = &run->lines[i];

	return i > 0 && l->words >= 5 && !l->repeat && wp_ends_sentence(l->text, l->len) &&
	       l->text[0] >= 'A' && l->text[0] <= 'Z' && !memchr(l->text, '(', l->len) &&
	       !line_rule(run, l) && !head_rule(run, l);
}

/*
 * A prose line above the page's byline and date, followed by the dateline
 * that opens the article, is its standfirst: "The RSAF will receive the
 * aircraft ...", then "Wong Pei Ting", the date, "SINGAPORE: ..." (CNA,
 * The Straits Times). Returns the dateline's line, or i.
 */
static size_t after_standfirst(struct run *run, size_t i)
{
	for (size_t j = i + 1; j < run->n_lines && j <= i + STANDFIRST_HEADER_LINES + 1; j++) {
		struct line *l = &run->lines[j];

		if (dateline_length(run, l))
			return j;
		if (l->body || l->words > STANDFIRST_HEADER_MAX_WORDS ||
		    wp_ends_sentence(l->text, l->len))
			return i;
	}
	return i;
}

/*
 * Step 2: the first line that is the article's own prose: one opening with
 * a dateline or reading as a paragraph (unless it is a standfirst); in a
 * short article, one that ends as a sentence does; failing that, the line
 * after a headline.
 */
static size_t find_lede(struct run *run)
{
	size_t sentence = SIZE_MAX, after_headline = SIZE_MAX;

	for (size_t i = 0; i < run->n_lines; i++) {
		struct line *l = &run->lines[i];

		if (line_rule(run, l) || head_rule(run, l))
			continue;
		if (dateline_length(run, l))
			return i;
		if (l->body) {
			size_t lede = after_standfirst(run, i);

			if (lede != i) {
				run->standfirst = i;
				return lede;
			}
			return i > 0 && is_short_lede(run, i - 1) ? i - 1 : i;
		}
		if (sentence == SIZE_MAX && wp_ends_sentence(l->text, l->len) && l->words >= 4)
			sentence = i;
		if (after_headline == SIZE_MAX && i > 0)
			after_headline = i;
	}
	if (sentence != SIZE_MAX)
		return sentence;
	if (after_headline != SIZE_MAX && !wp_ends_sentence(run->lines[0].text, run->lines[0].len))
		return after_headline;
	return 0; /* one line, or no telling: keep everything rather than guess */
}

/*
 * Text a page extractor took from markup (an HTML page, a feed item's
 * content) has no page header above its lede: the extractor chose the
 * article's container and the metadata came from the markup. Lines above
 * the lede there are the article's own (a list, a subheading, a short
 * opening), unless a rule names them or they repeat the title.
 */
static bool is_from_markup(const struct wa_article *a)
{
	const char *format = wa_article_get_string(a, "source.format");

	return format && (!strcmp(format, "html") || !strcmp(format, "feed"));
}

static bool is_title(const struct wa_article *a, const struct line *l)
{
	const char *title = wa_article_title(a);

	return title && strlen(title) == l->len && strncasecmp(title, l->text, l->len) == 0;
}

static void mark_header(struct run *run, size_t lede)
{
	for (size_t i = 0; i < lede; i++) {
		struct line *l = &run->lines[i];
		const char *kind = line_rule(run, l);

		l->kind = kind ? kind : head_rule(run, l);
		if (!l->kind && i == run->standfirst)
			l->kind = "standfirst";
		if (!l->kind && (!run->from_markup || is_title(run->article, l)))
			l->kind = "header";
	}
}

/* Step 3, the body: returns where the article ends (the first cut line). */
static size_t mark_body(struct run *run, size_t lede)
{
	size_t i = lede;

	while (i < run->n_lines) {
		struct line *l = &run->lines[i];
		const char *kind;

		if (i > lede && (kind = match_line(run, run->c->cut, l)))
			return i;
		/* A list heading is a label, never a paragraph of prose. */
		if (!l->body && (kind = match_line(run, run->c->block, l))) {
			l->kind = kind;
			for (i++; i < run->n_lines; i++) {
				struct line *m = &run->lines[i];

				/*
				 * A paragraph, a footer, a line of another kind, or the
				 * article's trailer ("(whn/imk)" under detik's "Baca juga"
				 * list) ends the list.
				 */
				if (m->body || match_line(run, run->c->cut, m) ||
				    line_rule(run, m) || match_line(run, run->c->tail, m))
					break;
				m->kind = kind;
			}
			continue;
		}
		if (i > lede && (kind = line_rule(run, l)))
			l->kind = kind;
		else if (i > lede && l->repeat)
			l->kind = "caption";
		i++;
	}
	return run->n_lines;
}

/*
 * Step 4: the trailing run after the last paragraph. A bare name right
 * under the text, the run's only line no rule knows, is the writer's
 * signature (Airspace Review and blogs sign under the text, Tempo English
 * in capitals, and only comments, promos or the page's footer follow): a
 * byline, which meta reads, not a footer. A name with more unknown lines
 * under it is as likely a heading ("Artikel Selanjutnya") or a related
 * link.
 */
static void mark_tail(struct run *run, size_t lede, size_t end)
{
	size_t first = end, unknown = 0;

	for (size_t i = end; i-- > lede + 1; first = i) {
		struct line *l = &run->lines[i];
		const char *kind;

		if (l->kind)
			continue;
		if ((kind = match_line(run, run->c->tail, l))) {
			l->kind = kind;
		} else if (l->words <= TAIL_LINE_MAX_WORDS && !wp_ends_sentence(l->text, l->len)) {
			l->kind = "footer";
			unknown++;
		} else if (l->words <= TAIL_HEADLINE_MAX_WORDS &&
			   !wp_ends_sentence(l->text, l->len) && i > 0 &&
			   run->lines[i - 1].words <= TAIL_HEADING_MAX_WORDS &&
			   run->lines[i - 1].kind &&
			   strcmp(run->lines[i - 1].kind, "related") == 0) {
			l->kind = "related"; /* "Next Article", then the next article's headline */
		} else {
			break;
		}
	}
	struct line *l = &run->lines[first];

	if (first < end && unknown == 1 && l->kind && strcmp(l->kind, "footer") == 0 &&
	    (wp_is_bare_name(l->text, l->len) || wp_is_shouted_name(l->text, l->len)))
		l->kind = "byline";
}

/* Removes a trailer ("(rds/has)") from the end of the last kept line. */
static int strip_trailer(struct run *run, size_t lede, size_t end)
{
	for (size_t i = end; i-- > lede;) {
		struct line *l = &run->lines[i];
		size_t start, stop;

		if (l->kind)
			continue;
		const struct wp_pattern *p = wp_pattern_group_match(
			&run->c->rules, run->c->end, l->text, l->len, 0, run->md, &start, &stop);

		if (p && stop == l->len && start > 0) {
			size_t from = start;

			while (from < stop && l->text[from] == ' ')
				from++;
			if (wa_article_add_removed(run->article, p->words[1], l->text + from,
						   stop - from) < 0)
				return -ENOMEM;
			l->len = start;
			l->text[start] = '\0';
			l->dateline_done = false; /* strip_dateline asks again, of what is left */
		}
		return 0;
	}
	return 0;
}

/* Step 5a: the dateline becomes metadata. */
static int strip_dateline(struct run *run, size_t lede)
{
	struct line *l = &run->lines[lede];
	size_t n = lede < run->n_lines && !l->kind ? dateline_length(run, l) : 0;

	if (!n)
		return 0;
	size_t keep = n;

	while (keep > 0 && l->text[keep - 1] == ' ')
		keep--;
	if (wa_article_add_removed(run->article, "dateline", l->text, keep) < 0)
		return -ENOMEM;
	memmove(l->text, l->text + n, l->len - n + 1);
	l->len -= n;
	return 0;
}

/* Records each removed run of lines of one kind as one removed[] entry. */
static int record_removed(struct run *run, size_t from, size_t to)
{
	struct wp_strbuf group = { 0 };
	int r = 0;

	for (size_t i = from; i < to && r == 0; i++) {
		const struct line *l = &run->lines[i];

		if (!l->kind)
			continue;
		if (group.len)
			wp_strbuf_putc(&group, '\n');
		wp_strbuf_put(&group, l->text, l->len);
		bool last = i + 1 >= to || !run->lines[i + 1].kind ||
			    strcmp(run->lines[i + 1].kind, l->kind) != 0 ||
			    strcmp(l->kind, "header") == 0; /* meta reads header lines one by one */

		if (last) {
			r = group.error ? group.error
					: wa_article_add_removed(run->article, l->kind, group.buf,
								 group.len);
			group.len = 0;
		}
	}
	wp_strbuf_fini(&group);
	return r;
}

/* The section from a cut line on: footers are removed, comment sections parsed. */
static int record_sections(struct run *run, size_t from)
{
	size_t i = from;

	while (i < run->n_lines) {
		const char *kind = match_line(run, run->c->cut, &run->lines[i]);
		size_t next = i + 1;

		while (next < run->n_lines) {
			const char *k = match_line(run, run->c->cut, &run->lines[next]);

			if (k && strcmp(k, kind) != 0)
				break;
			next++;
		}
		for (size_t j = i; j < next; j++)
			run->lines[j].kind = kind;
		if (strcmp(kind, "comments") == 0) {
			int r = clean_comments(run->article, run->lines + i, next - i, is_ui_line,
					       run);

			if (r < 0)
				return r;
			run->lines[i].kind = "comments"; /* the heading, as evidence */
			if (wa_article_add_removed(run->article, "comments", run->lines[i].text,
						   run->lines[i].len) < 0)
				return -ENOMEM;
		} else {
			int r = record_removed(run, i, next);

			if (r < 0)
				return r;
		}
		i = next;
	}
	return 0;
}

static int write_text(struct run *run, size_t end)
{
	struct wp_strbuf out = { 0 };
	int r = 0;

	for (size_t i = 0; i < end && r == 0; i++) {
		struct line *l = &run->lines[i];

		if (l->kind)
			continue;
		if ((r = clean_footnotes(run->article, l)) < 0)
			break;
		if (!l->len)
			continue;
		if (out.len)
			wp_strbuf_puts(&out, "\n\n");
		wp_strbuf_put(&out, l->text, l->len);
	}
	if (r == 0)
		r = out.error;
	if (r == 0)
		r = wa_article_set_text(run->article, out.buf ? out.buf : "", out.len);
	wp_strbuf_fini(&out);
	return r;
}

/*
 * Step 1b: "Editor: Budi Santoso JAKARTA - Kapal perang ...", "Senin, 17
 * November 2025 09:00 WIB | JAKARTA - ...": a byline or a date a scraper
 * glued to the lede. A byline rule would remove the whole line, the
 * article's opening with it; a date rule would not see the date. When a
 * dateline starts within GLUED_HEADER_MAX bytes of the first paragraph of
 * prose and what comes before it is a header line by the rules, that piece
 * goes, with its kind, and the lede stays.
 */
static int unglue_header(struct run *run)
{
	struct line *l = NULL;

	for (size_t i = 0; i < run->n_lines && !l; i++)
		if (run->lines[i].body)
			l = &run->lines[i];
	/* Most ledes open with their dateline: nothing is glued before it. */
	if (l && dateline_length(run, l))
		return 0;
	for (size_t at = 1; l && at < l->len && at < GLUED_HEADER_MAX; at++) {
		if (l->text[at - 1] != ' ' || !isupper((unsigned char)l->text[at]))
			continue;
		struct line rest = { .text = l->text + at, .len = l->len - at }, header = *l;
		size_t near = rest.len < DATELINE_MAX ? rest.len : DATELINE_MAX;

		/* Every dateline ends in a dash or a colon: a cheap test before the rules. */
		if (!memchr(rest.text, '-', near) && !memchr(rest.text, ':', near))
			continue;

		rest.words = wp_count_words(rest.text, rest.len);
		rest.body = wp_is_body_text(rest.text, rest.len, rest.words);
		/* The rest is prose, so never a dateline on a line of its own. */
		if (!rest.body || !find_dateline(run, &rest))
			continue;
		header.len = at;
		while (header.len > 0 && strchr(" |", header.text[header.len - 1]))
			header.len--;
		const char *kind = match_line(run, run->c->line, &header);

		if (!kind)
			kind = match_line(run, run->c->head, &header);
		if (!kind || (strcmp(kind, "byline") != 0 && strcmp(kind, "date") != 0))
			return 0;
		if (wa_article_add_removed(run->article, kind, header.text, header.len) < 0)
			return -ENOMEM;
		*l = rest;
		return 0;
	}
	return 0;
}

static int clean_process(void *state, struct wa_article *a)
{
	const char *text = wa_article_text(a);
	struct run run = {
		.c = state, .article = a, .from_markup = is_from_markup(a), .standfirst = SIZE_MAX
	};
	struct wp_strbuf spans = { 0 };
	int r;

	if (!text)
		return WA_PLUGIN_OK;
	size_t len = strlen(text);

	/* The rules match without checking UTF-8 again (normalize repairs it). */
	if (!wp_utf8_valid(text, len))
		return wa_article_add_error(a, "clean",
					    "the text is not valid UTF-8 (is normalize "
					    "before clean in the pipeline?)");
	run.md = wp_pattern_match_data();
	if (!run.md)
		return -ENOMEM;
	r = cut_spans(&run, text, len, &spans);
	if (r == 0)
		r = spans.buf ? split_lines(&run, spans.buf, spans.len) : 0;
	if (r == 0)
		r = unglue_header(&run);
	if (r == 0 && run.n_lines > 0) {
		size_t lede = find_lede(&run);

		mark_header(&run, lede);
		size_t end = mark_body(&run, lede);

		mark_tail(&run, lede, end);
		r = strip_trailer(&run, lede, end);
		if (r == 0)
			r = strip_dateline(&run, lede);
		if (r == 0)
			r = record_removed(&run, 0, end);
		if (r == 0)
			r = record_sections(&run, end);
		if (r == 0)
			r = write_text(&run, end);
	}
	free(run.lines);
	wp_wordset_fini(&run.short_lines);
	wp_strbuf_fini(&spans);
	pcre2_match_data_free(run.md);
	return r < 0 ? r : WA_PLUGIN_OK;
}

WA_PLUGIN_DEFINE(clean) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "clean",
	.summary = "Removes boilerplate, captions, footers, footnote digits; comments apart",
	.kind = WA_PLUGIN_ANALYZE,
	.init = clean_init,
	.process = clean_process,
	.fini = clean_fini,
};
