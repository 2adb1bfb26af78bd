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

static pcre2_code *compile(const char *regex, size_t len, bool anchored, char *err, size_t err_size,
			   size_t *ret_offset)
{
	int code;
	PCRE2_SIZE offset;
	pcre2_code *re =
		pcre2_compile((PCRE2_SPTR)regex, len,
			      compile_options | (anchored ? PCRE2_ANCHORED : PCRE2_MULTILINE),
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
			pcre2_code *re = compile(p.regex, strlen(p.regex), anchored, err,
						 sizeof(err), &offset);

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
				   const struct wp_pattern_group *g, const bool *use, bool anchored,
				   char *err, size_t err_size)
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
	pcre2_code *code = compile(re.buf, re.len, anchored, err, err_size, &offset);

	wp_strbuf_fini(&re);
	return code;
}

/*
 * An anchored group is also compiled once per set of members that can
 * start with a given byte, so matching a line tries only the rules that
 * could match its first character: "Baca juga" never meets the fifty
 * rules that start with other letters.
 */
static int dispatch_by_first_byte(const struct wp_pattern_file *f, struct wp_pattern_group *g)
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
		g->by_first[b] = compile_members(f, g, use, true, err, sizeof(err));
		if (!g->by_first[b])
			r = -ENOMEM;
	}
out:
	free(first);
	free(use);
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

		g->code = compile_members(f, g, all, anchored, err, sizeof(err));
		free(all);
		if (!g->code) {
			*ret_error = format_error("%s: the '%s' patterns do not combine: %s "
						  "(a group or flag leaks out of one of them)",
						  f->name, name, err);
			return -EINVAL;
		}
		if (anchored) {
			int r = dispatch_by_first_byte(f, g);

			if (r < 0)
				return r;
		}
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

const struct wp_pattern *wp_pattern_group_match(const struct wp_pattern_file *f,
						const struct wp_pattern_group *g,
						const char *subject, size_t len, size_t offset,
						pcre2_match_data *md, size_t *ret_start,
						size_t *ret_end)
{
	if (!g)
		return NULL;
	const pcre2_code *code = g->code;

	if (offset < len && g->by_first[(unsigned char)subject[offset]])
		code = g->by_first[(unsigned char)subject[offset]];
	int rc = pcre2_match(code, (PCRE2_SPTR)subject, len, offset, PCRE2_NO_UTF_CHECK, md,
			     f->match_context);

	if (rc < 0)
		return NULL;
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
