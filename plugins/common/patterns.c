/* SPDX-License-Identifier: MIT */
#include "patterns.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <warta/plugin.h>

#include "strbuf.h"

#define MATCH_LIMIT 100000 /* a data file's regex must not make one line cost seconds */

static char *format_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format_error(const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	return s;
}

/* DUPNAMES: the datelines' alternatives all name their parts (?<city>). */
static const uint32_t compile_options = PCRE2_CASELESS | PCRE2_UTF | PCRE2_DUPNAMES;

static bool is_search_group(const char *name, const char *const *search_groups)
{
	for (size_t i = 0; search_groups && search_groups[i]; i++) {
		if (strcmp(search_groups[i], name) == 0)
			return true;
	}
	return false;
}

/*
 * Line rules are anchored at the line's start; searches look through a text
 * whose ^ and $ are its line ends. A search group's members are also
 * compiled anchored (and multi-line), to be tried where a match may begin.
 */
enum anchoring { SEARCHED, ANCHORED, ANCHORED_IN_TEXT };

static pcre2_code *compile(const char *regex, size_t len, enum anchoring how, char *err,
			   size_t err_size, size_t *ret_offset)
{
	static const uint32_t options[] = {
		[SEARCHED] = PCRE2_MULTILINE,
		[ANCHORED] = PCRE2_ANCHORED,
		[ANCHORED_IN_TEXT] = PCRE2_ANCHORED | PCRE2_MULTILINE,
	};
	int code;
	PCRE2_SIZE offset;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)regex, len, compile_options | options[how],
				       &code, &offset, NULL);

	if (!re) {
		pcre2_get_error_message(code, (PCRE2_UCHAR *)err, err_size);
		*ret_offset = offset;
		return NULL;
	}
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* the interpreter is the fallback */
	return re;
}

/* Splits one line into n words and the regex after them; false if it has fewer. */
static bool split_line(char *line, size_t n_words, struct wp_pattern *p)
{
	char *s = line;

	for (size_t i = 0; i < n_words; i++) {
		s += strspn(s, " \t");
		size_t len = strcspn(s, " \t");

		if (!len || !s[len])
			return false;
		p->words[i] = strndup(s, len);
		s += len;
	}
	s += strspn(s, " \t");
	size_t len = strlen(s);

	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (!len)
		return false;
	p->regex = strndup(s, len);
	return true;
}

static void pattern_fini(struct wp_pattern *p)
{
	for (size_t i = 0; i < WP_PATTERN_MAX_WORDS; i++)
		free(p->words[i]);
	free(p->regex);
}

static int parse(struct wp_pattern_file *f, char *text, size_t n_words,
		 const char *const *search_groups, char **ret_error)
{
	unsigned lineno = 0;
	char err[256];

	for (char *line = text; line && *line;) {
		char *next = strchr(line, '\n');

		if (next)
			*next++ = '\0';
		lineno++;
		char *s = line + strspn(line, " \t");

		if (*s && *s != '#') {
			struct wp_pattern p = { .line = lineno };
			size_t offset;

			bool ok = split_line(s, n_words, &p);

			if (ok && !p.regex) {
				pattern_fini(&p);
				return -ENOMEM;
			}
			if (!ok) {
				pattern_fini(&p);
				*ret_error = format_error("%s:%u: expected %zu words and a regex",
							  f->name, lineno, n_words);
				return -EINVAL;
			}
			bool anchored =
				!is_search_group(p.words[0] ? p.words[0] : "", search_groups);
			pcre2_code *re =
				compile(p.regex, strlen(p.regex), anchored ? ANCHORED : SEARCHED,
					err, sizeof(err), &offset);

			if (!re) {
				*ret_error = format_error("%s:%u: bad regex at offset %zu: %s",
							  f->name, lineno, offset, err);
				pattern_fini(&p);
				return -EINVAL;
			}
			pcre2_code_free(re);
			struct wp_pattern *v =
				realloc(f->patterns, (f->n_patterns + 1) * sizeof(*v));

			if (!v) {
				pattern_fini(&p);
				return -ENOMEM;
			}
			f->patterns = v;
			f->patterns[f->n_patterns++] = p;
		}
		line = next;
	}
	return 0;
}

/*
 * The bytes a pattern's match can start with, from PCRE2's own analysis
 * (a first code unit, or a bitmap of them); all bytes when it has none.
 */
static void first_bytes(const char *regex, bool first[256])
{
	int code;
	PCRE2_SIZE offset;
	uint32_t type = 0, unit;
	const uint8_t *bitmap = NULL;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)regex, PCRE2_ZERO_TERMINATED, compile_options,
				       &code, &offset, NULL);

	memset(first, 1, 256);
	if (!re)
		return;
	if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &type) == 0 && type == 1 &&
	    pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0 && unit < 0x80) {
		memset(first, 0, 256);
		first[unit] = first[tolower((int)unit)] = first[toupper((int)unit)] = true;
	} else if (type == 0 && pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &bitmap) == 0 &&
		   bitmap) {
		for (size_t b = 0; b < 256; b++)
			first[b] = bitmap[b / 8] & (1u << (b % 8));
	}
	pcre2_code_free(re);
}

bool wp_pattern_starts_at_spaces(const struct wp_pattern *p)
{
	bool first[256];

	first_bytes(p->regex, first);
	return first[' '];
}

/* The alternation of the members flagged in `use`; (*MARK:i) names member i. */
static pcre2_code *compile_members(const struct wp_pattern_file *f,
				   const struct wp_pattern_group *g, const bool *use,
				   enum anchoring how, char *err, size_t err_size)
{
	struct wp_strbuf re = { 0 };
	size_t offset, n = 0;

	for (size_t m = 0; m < g->n_members; m++) {
		char mark[48];

		if (!use[m])
			continue;
		snprintf(mark, sizeof(mark), ")(*MARK:%zu)", m);
		wp_strbuf_puts(&re, n++ ? "|(?:" : "(?:");
		wp_strbuf_puts(&re, f->patterns[g->members[m]].regex);
		wp_strbuf_puts(&re, mark);
	}
	if (!n)
		wp_strbuf_puts(&re, "(*FAIL)");
	if (re.error)
		return NULL;
	pcre2_code *code = compile(re.buf, re.len, how, err, err_size, &offset);

	wp_strbuf_fini(&re);
	return code;
}

/*
 * An anchored group is also compiled once per set of members that can
 * start with a given byte, so matching a line tries only the rules that
 * could match its first character: "Baca juga" never meets the fifty
 * rules that start with other letters.
 */
static int dispatch_by_first_byte(const struct wp_pattern_file *f, struct wp_pattern_group *g,
				  enum anchoring how)
{
	bool(*first)[256] = calloc(g->n_members, sizeof(*first));
	bool *use = calloc(g->n_members ? g->n_members : 1, sizeof(*use));
	char err[256];
	int r = 0;

	if (!first || !use) {
		r = -ENOMEM;
		goto out;
	}
	for (size_t m = 0; m < g->n_members; m++)
		first_bytes(f->patterns[g->members[m]].regex, first[m]);
	for (size_t b = 0; b < 256 && r == 0; b++) {
		/* Bytes with the same members share one compiled alternation. */
		size_t same = b;

		for (size_t a = 0; a < b && same == b; a++) {
			bool equal = true;

			for (size_t m = 0; m < g->n_members && equal; m++)
				equal = first[m][a] == first[m][b];
			if (equal)
				same = a;
		}
		if (same != b) {
			g->by_first[b] = g->by_first[same];
			continue;
		}
		for (size_t m = 0; m < g->n_members; m++)
			use[m] = first[m][b];
		g->by_first[b] = compile_members(f, g, use, how, err, sizeof(err));
		if (!g->by_first[b])
			r = -ENOMEM;
	}
out:
	free(first);
	free(use);
	return r;
}

/*
 * The regex without its \b: an assertion only narrows where a regex
 * matches, and tested on a few bytes alone a \b would answer for a
 * boundary with text that is not there. \b inside a class (a backspace)
 * and inside \Q...\E stays.
 */
static void put_without_boundaries(struct wp_strbuf *out, const char *regex)
{
	bool in_class = false;

	for (const char *s = regex; *s; s++) {
		if (s[0] == '\\' && s[1] == 'Q') {
			const char *e = strstr(s, "\\E");
			size_t n = e ? (size_t)(e + 2 - s) : strlen(s);

			wp_strbuf_put(out, s, n);
			s += n - 1;
		} else if (s[0] == '\\' && s[1]) {
			if (s[1] != 'b' || in_class)
				wp_strbuf_put(out, s, 2);
			s++;
		} else if (in_class) {
			in_class = *s != ']';
			wp_strbuf_putc(out, *s);
		} else if (*s == '[') {
			/* "[]...]" and "[^]...]": a ] right after the opening is a member */
			size_t n = 1 + (s[1] == '^');

			n += s[n] == ']';
			wp_strbuf_put(out, s, n);
			s += n - 1;
			in_class = true;
		} else {
			wp_strbuf_putc(out, *s);
		}
	}
}

/*
 * The regex of the members that do not look behind where they are tried
 * (lookbehinds, \B: tested on a few bytes alone they cannot say where
 * they may match), without their \b, anchored; those members unflagged in
 * `sighted`. NULL if out of memory.
 */
static pcre2_code *compile_probe(const struct wp_pattern_file *f, const struct wp_pattern_group *g,
				 bool *sighted)
{
	struct wp_strbuf re = { 0 };
	int code;
	PCRE2_SIZE offset;
	pcre2_code *probe = NULL;

	for (size_t m = 0; m < g->n_members; m++) {
		struct wp_strbuf one = { 0 };
		uint32_t behind = 1;

		put_without_boundaries(&one, f->patterns[g->members[m]].regex);
		pcre2_code *re1 = one.buf ? pcre2_compile((PCRE2_SPTR)one.buf, one.len,
							  compile_options, &code, &offset, NULL)
					  : NULL;

		if (re1)
			(void)pcre2_pattern_info(re1, PCRE2_INFO_MAXLOOKBEHIND, &behind);
		pcre2_code_free(re1);
		sighted[m] = behind == 0;
		if (sighted[m]) {
			wp_strbuf_puts(&re, re.len ? "|(?:" : "(?:");
			wp_strbuf_put(&re, one.buf, one.len);
			wp_strbuf_putc(&re, ')');
		}
		wp_strbuf_fini(&one);
	}
	if (!re.len)
		wp_strbuf_puts(&re, "(*FAIL)");
	if (!re.error)
		probe = pcre2_compile((PCRE2_SPTR)re.buf, re.len,
				      compile_options | PCRE2_ANCHORED | PCRE2_MULTILINE, &code,
				      &offset, NULL);
	wp_strbuf_fini(&re);
	return probe;
}

static void set_bit(uint8_t row[32], uint8_t b)
{
	row[b / 8] |= (uint8_t)(1u << (b % 8));
}

static bool has_bit(const uint8_t row[32], uint8_t b)
{
	return row[b / 8] & (1u << (b % 8));
}

/* Whether `probe` may match (fully or in part) at the start of these bytes. */
static bool may_begin(const pcre2_code *probe, const uint8_t *bytes, size_t n, uint32_t options,
		      pcre2_match_data *md)
{
	return pcre2_match(probe, bytes, n, 0, options, md, NULL) != PCRE2_ERROR_NOMATCH;
}

static bool is_lead(uint8_t b)
{
	return b >= 0xc0;
}

/*
 * Third bytes are worth asking about only after few pairs: each pair asks
 * 128 questions, and a table that lets most pairs through saves little.
 */
#define MAX_PAIRS_ASKED 1024

/* The ASCII bytes that may begin a match, and those that may be one alone. */
static void ask_first_bytes(struct wp_pattern_starts *t, const pcre2_code *probe,
			    pcre2_match_data *md)
{
	for (unsigned b = 0; b < 0x80; b++) {
		uint8_t s[1] = { (uint8_t)b };

		if (!t->blind[b] && may_begin(probe, s, 1, PCRE2_PARTIAL_HARD, md)) {
			t->opens[b] = true;
			t->last[b] = may_begin(probe, s, 1, 0, md);
		}
	}
}

/* The ASCII pairs after each byte that opens; a character after one is let through. */
static size_t ask_pairs(struct wp_pattern_starts *t, const pcre2_code *probe, pcre2_match_data *md)
{
	size_t n = 0;

	for (unsigned b1 = 0; b1 < 0x80; b1++) {
		uint8_t s[2] = { (uint8_t)b1 };

		if (!t->opens[b1] || t->blind[b1])
			continue;
		for (unsigned b2 = 0; b2 < 256; b2++) {
			s[1] = (uint8_t)b2;
			if (is_lead(s[1]) ||
			    (b2 < 0x80 && may_begin(probe, s, 2, PCRE2_PARTIAL_HARD, md))) {
				set_bit(t->pair[b1], s[1]);
				n += b2 < 0x80;
			}
		}
	}
	return n;
}

static void ask_third_bytes(struct wp_pattern_starts *t, const pcre2_code *probe,
			    pcre2_match_data *md)
{
	for (unsigned b1 = 0; b1 < 0x80; b1++) {
		for (unsigned b2 = 0; b2 < 0x80; b2++) {
			uint8_t s[3] = { (uint8_t)b1, (uint8_t)b2 };

			if (t->blind[b1] || !has_bit(t->pair[b1], s[1]))
				continue;
			for (unsigned b3 = 0; b3 < 0x80; b3++) {
				s[2] = (uint8_t)b3;
				if (!has_bit(t->then[b2], s[2]) &&
				    may_begin(probe, s, 3, PCRE2_PARTIAL_HARD, md))
					set_bit(t->then[b2], s[2]);
			}
		}
	}
}

/*
 * Fills a search group's wp_pattern_starts by asking its rules about every
 * ASCII byte, every pair after a byte they allow, and every third byte
 * after a pair: bytes they reject outright (not even a partial match)
 * begin no match anywhere. Only ASCII is asked about: a few bytes cut out of a
 * longer character are not UTF-8, and non-ASCII text is rare once
 * normalize has made quotes and dashes ASCII, so a character that may
 * begin a match (by PCRE2's own first-byte table) is tried on its first
 * byte, as are rules that look behind. (Line rules, anchored at a line's
 * start, gain little: tables for them cost loading 0.13 billion
 * instructions and saved clean 1%, their rules opening with ".{0,60}" or
 * "\\p{Lu}" letting most lines through.)
 */
static int build_starts(const struct wp_pattern_file *f, struct wp_pattern_group *g)
{
	struct wp_pattern_starts *t = calloc(1, sizeof(*t));
	bool *sighted = calloc(g->n_members ? g->n_members : 1, sizeof(*sighted));
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	pcre2_code *probe = NULL;
	uint32_t empty = 1;
	bool first[256];
	int r = -ENOMEM;

	if (!t || !sighted || !md)
		goto out;
	probe = compile_probe(f, g, sighted);
	if (!probe)
		goto out;
	(void)pcre2_pattern_info(g->code, PCRE2_INFO_MATCHEMPTY, &empty);
	t->empty = empty;
	for (size_t m = 0; m < g->n_members; m++) {
		first_bytes(f->patterns[g->members[m]].regex, first);
		for (size_t b = 0; b < 256; b++)
			t->blind[b] |=
				t->empty || (first[b] && (!sighted[m] || is_lead((uint8_t)b)));
	}
	for (unsigned b = 0x80; b < 0xc0; b++)
		t->blind[b] = false; /* inside a character, where no match begins */
	for (unsigned b = 0; b < 256; b++) {
		if (t->blind[b]) {
			t->opens[b] = t->last[b] = true;
			memset(t->pair[b], 0xff, sizeof(t->pair[b]));
		}
		/*
		 * Third bytes are asked about only after ASCII pairs, and only
		 * ASCII ones: after a pair that ends in a character's first
		 * byte, and where a character follows a pair, all may.
		 */
		if (b >= 0xc0)
			memset(t->then[b], 0xff, sizeof(t->then[b]));
		memset(t->then[b] + 0xc0 / 8, 0xff, 0x40 / 8);
	}
	ask_first_bytes(t, probe, md);
	if (ask_pairs(t, probe, md) <= MAX_PAIRS_ASKED)
		ask_third_bytes(t, probe, md);
	else
		memset(t->then, 0xff, sizeof(t->then));
	g->starts = t;
	t = NULL;
	r = 0;
out:
	pcre2_code_free(probe);
	pcre2_match_data_free(md);
	free(sighted);
	free(t);
	return r;
}

/* One alternation per distinct first word; (*MARK:i) names the member that matched. */
static int build_groups(struct wp_pattern_file *f, const char *const *search_groups,
			char **ret_error)
{
	for (size_t i = 0; i < f->n_patterns; i++) {
		const char *name = f->patterns[i].words[0] ? f->patterns[i].words[0] : "";

		if (wp_pattern_file_group(f, name))
			continue;
		struct wp_pattern_group *v = realloc(f->groups, (f->n_groups + 1) * sizeof(*v));

		if (!v)
			return -ENOMEM;
		f->groups = v;
		struct wp_pattern_group *g = &f->groups[f->n_groups++];
		bool anchored = !is_search_group(name, search_groups);

		*g = (struct wp_pattern_group){ .name = strdup(name) };
		g->members = calloc(f->n_patterns, sizeof(*g->members));
		bool *all = calloc(f->n_patterns, sizeof(*all));

		if (!g->name || !g->members || !all) {
			free(all);
			return -ENOMEM;
		}
		for (size_t j = i; j < f->n_patterns; j++) {
			const char *n = f->patterns[j].words[0] ? f->patterns[j].words[0] : "";

			if (strcmp(n, name) == 0)
				all[g->n_members] = true, g->members[g->n_members++] = j;
		}
		char err[256];

		g->code = compile_members(f, g, all, anchored ? ANCHORED : SEARCHED, err,
					  sizeof(err));
		free(all);
		if (!g->code) {
			*ret_error = format_error("%s: the '%s' patterns do not combine: %s "
						  "(a group or flag leaks out of one of them)",
						  f->name, name, err);
			return -EINVAL;
		}
		int r = dispatch_by_first_byte(f, g, anchored ? ANCHORED : ANCHORED_IN_TEXT);

		g->searched = !anchored;
		if (r == 0 && g->searched)
			r = build_starts(f, g);
		if (r < 0)
			return r;
	}
	return 0;
}

int wp_pattern_file_load(const struct wa_plugin_ctx *ctx, const char *name, size_t n_words,
			 const char *const *search_groups, struct wp_pattern_file *ret_file,
			 char **ret_error)
{
	struct wp_pattern_file f = { .name = strdup(name) };
	char *text = NULL;
	size_t len;
	int r;

	*ret_error = NULL;
	if (!f.name || n_words > WP_PATTERN_MAX_WORDS)
		return f.name ? -EINVAL : -ENOMEM;
	r = wa_plugin_data_read(ctx, name, &text, &len, NULL);
	if (r < 0) {
		*ret_error = format_error("%s: cannot read: %s", name, strerror(-r));
		free(f.name);
		return r;
	}
	f.match_context = pcre2_match_context_create(NULL);
	if (!f.match_context) {
		free(text);
		wp_pattern_file_fini(&f);
		return -ENOMEM;
	}
	pcre2_set_match_limit(f.match_context, MATCH_LIMIT);
	r = parse(&f, text, n_words, search_groups, ret_error);
	if (r == 0)
		r = build_groups(&f, search_groups, ret_error);
	free(text);
	if (r < 0) {
		wp_pattern_file_fini(&f);
		return r;
	}
	*ret_file = f;
	return 0;
}

void wp_pattern_file_fini(struct wp_pattern_file *f)
{
	for (size_t i = 0; i < f->n_patterns; i++)
		pattern_fini(&f->patterns[i]);
	for (size_t i = 0; i < f->n_groups; i++) {
		struct wp_pattern_group *g = &f->groups[i];

		for (size_t b = 0; b < 256; b++) {
			if (g->by_first[b] && (b == 0 || g->by_first[b] != g->by_first[b - 1])) {
				/* shared entries are freed once: find whether an earlier byte had
				 * it */
				bool seen = false;

				for (size_t a = 0; a < b && !seen; a++)
					seen = g->by_first[a] == g->by_first[b];
				if (!seen)
					pcre2_code_free(g->by_first[b]);
			}
		}
		free(g->name);
		free(g->members);
		free(g->starts);
		pcre2_code_free(g->code);
	}
	pcre2_match_context_free(f->match_context);
	free(f->patterns);
	free(f->groups);
	free(f->name);
	*f = (struct wp_pattern_file){ 0 };
}

const struct wp_pattern_group *wp_pattern_file_group(const struct wp_pattern_file *f,
						     const char *name)
{
	for (size_t i = 0; i < f->n_groups; i++) {
		if (strcmp(f->groups[i].name, name) == 0)
			return &f->groups[i];
	}
	return NULL;
}

pcre2_match_data *wp_pattern_match_data(void)
{
	return pcre2_match_data_create(32, NULL);
}

/* The member that matched (its (*MARK)), with its span. */
static const struct wp_pattern *matched(const struct wp_pattern_file *f,
					const struct wp_pattern_group *g, pcre2_match_data *md,
					size_t *ret_start, size_t *ret_end)
{
	PCRE2_SPTR mark = pcre2_get_mark(md);

	if (!mark)
		return NULL;
	size_t i = strtoul((const char *)mark, NULL, 10);

	if (i >= g->n_members)
		return NULL;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

	*ret_start = ov[0];
	*ret_end = ov[1];
	return &f->patterns[g->members[i]];
}

/*
 * One match of a compiled group. pcre2_match spends about 350
 * instructions a call on checks made once at load, and clean calls it
 * about a hundred times an article, a line at a time: machine code the
 * JIT made is entered directly, the interpreter is the fallback (JIT
 * unavailable, or refused for this regex).
 */
static int match_code(const struct wp_pattern_file *f, const pcre2_code *code, const char *subject,
		      size_t len, size_t offset, pcre2_match_data *md)
{
	int rc = pcre2_jit_match(code, (PCRE2_SPTR)subject, len, offset, 0, md, f->match_context);

	if (rc != PCRE2_ERROR_JIT_BADOPTION)
		return rc;
	return pcre2_match(code, (PCRE2_SPTR)subject, len, offset, PCRE2_NO_UTF_CHECK, md,
			   f->match_context);
}

/*
 * A search through the places `starts` allows, each tried with the members
 * that can begin with its byte: the leftmost match, and at one place the
 * first member in file order, as one unanchored search would find.
 */
/* Whether the group's starts table lets a match begin at s[at]. */
static bool may_begin_at(const struct wp_pattern_starts *t, const uint8_t *s, size_t len, size_t at)
{
	if (at + 1 < len)
		return has_bit(t->pair[s[at]], s[at + 1]) &&
		       (t->blind[s[at]] || at + 2 == len || has_bit(t->then[s[at + 1]], s[at + 2]));
	return at + 1 == len ? t->last[s[at]] : t->empty;
}

static const struct wp_pattern *search(const struct wp_pattern_file *f,
				       const struct wp_pattern_group *g, const char *subject,
				       size_t len, size_t offset, pcre2_match_data *md,
				       size_t *ret_start, size_t *ret_end)
{
	const struct wp_pattern_starts *t = g->starts;
	const uint8_t *s = (const uint8_t *)subject;

	for (size_t at = offset; at <= len; at++) {
		while (at + 2 < len && !t->opens[s[at]])
			at++;
		if (!may_begin_at(t, s, len, at))
			continue;
		int rc = match_code(f, at < len ? g->by_first[s[at]] : g->code, subject, len, at,
				    md);

		if (rc >= 0)
			return matched(f, g, md, ret_start, ret_end);
		/* The match limit: give up on this text, as one search over it would. */
		if (rc != PCRE2_ERROR_NOMATCH)
			return NULL;
	}
	return NULL;
}

const struct wp_pattern *wp_pattern_group_match(const struct wp_pattern_file *f,
						const struct wp_pattern_group *g,
						const char *subject, size_t len, size_t offset,
						pcre2_match_data *md, size_t *ret_start,
						size_t *ret_end)
{
	if (!g)
		return NULL;
	if (g->searched)
		return search(f, g, subject, len, offset, md, ret_start, ret_end);
	const pcre2_code *code = g->code;

	if (offset < len && g->by_first[(unsigned char)subject[offset]])
		code = g->by_first[(unsigned char)subject[offset]];
	int rc = match_code(f, code, subject, len, offset, md);

	return rc < 0 ? NULL : matched(f, g, md, ret_start, ret_end);
}
