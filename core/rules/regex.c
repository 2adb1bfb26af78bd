/* SPDX-License-Identifier: MIT */
/*
 * PCRE2 behind a small interface: compile once with JIT, match with a
 * per-thread match context and match data.
 */
#include "regex.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "banned.h"

/* Enough for any sane pattern on an article; a runaway one stops here within milliseconds. */
#define MATCH_LIMIT    1000000
#define DEPTH_LIMIT    10000
#define HEAP_LIMIT_KIB 8192

struct wa_regex {
	pcre2_code *code;
	char *pattern;
};

struct wa_regex_scratch {
	pcre2_match_context *context;
	pcre2_match_data *data;
	pcre2_jit_stack *jit_stack;
};

int wa_regex_new(const char *pattern, size_t len, struct wa_regex **ret_regex, char *error,
		 size_t error_size)
{
	struct wa_regex *re;
	int code;
	PCRE2_SIZE offset;
	uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;

	re = calloc(1, sizeof(*re));
	if (!re)
		return -ENOMEM;
	re->pattern = strndup(pattern, len);
	if (!re->pattern) {
		free(re);
		return -ENOMEM;
	}
	re->code = pcre2_compile((PCRE2_SPTR)pattern, len, options, &code, &offset, NULL);
	if (!re->code) {
		PCRE2_UCHAR message[256];

		if (pcre2_get_error_message(code, message, sizeof(message)) < 0)
			snprintf((char *)message, sizeof(message), "error %d", code);
		snprintf(error, error_size, "%s at offset %zu", (char *)message, (size_t)offset);
		wa_regex_free(re);
		return code == PCRE2_ERROR_NOMEMORY ? -ENOMEM : -EINVAL;
	}
	/* Without JIT (an unsupported CPU) matching is slower but the same. */
	(void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
	*ret_regex = re;
	return 0;
}

void wa_regex_free(struct wa_regex *re)
{
	if (!re)
		return;
	pcre2_code_free(re->code);
	free(re->pattern);
	free(re);
}

const char *wa_regex_pattern(const struct wa_regex *re)
{
	return re->pattern;
}

struct wa_regex_scratch *wa_regex_scratch_new(void)
{
	struct wa_regex_scratch *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->context = pcre2_match_context_create(NULL);
	s->data = pcre2_match_data_create(1, NULL);
	s->jit_stack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
	if (!s->context || !s->data || !s->jit_stack) {
		wa_regex_scratch_free(s);
		return NULL;
	}
	pcre2_set_match_limit(s->context, MATCH_LIMIT);
	pcre2_set_depth_limit(s->context, DEPTH_LIMIT);
	pcre2_set_heap_limit(s->context, HEAP_LIMIT_KIB);
	pcre2_jit_stack_assign(s->context, NULL, s->jit_stack);
	return s;
}

void wa_regex_scratch_free(struct wa_regex_scratch *s)
{
	if (!s)
		return;
	pcre2_jit_stack_free(s->jit_stack);
	pcre2_match_data_free(s->data);
	pcre2_match_context_free(s->context);
	free(s);
}

int wa_regex_find(const struct wa_regex *re, struct wa_regex_scratch *s, const char *subject,
		  size_t len, size_t *pos, size_t *ret_start, size_t *ret_end)
{
	PCRE2_SIZE *ovector;
	int rc;

	if (*pos > len)
		return 0;
	rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, *pos, 0, s->data, s->context);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc == PCRE2_ERROR_NOMEMORY)
		return -ENOMEM;
	if (rc < 0)
		return -E2BIG; /* match, depth or heap limit, or JIT stack */
	ovector = pcre2_get_ovector_pointer(s->data);
	*ret_start = ovector[0];
	*ret_end = ovector[1];
	*pos = ovector[1];
	if (ovector[1] == ovector[0]) {
		/* An empty match must still move on (to the next character), or callers would loop.
		 */
		(*pos)++;
		while (*pos < len && ((unsigned char)subject[*pos] & 0xC0) == 0x80)
			(*pos)++;
	}
	return 1;
}

int wa_regex_count(const struct wa_regex *re, struct wa_regex_scratch *s, const char *subject,
		   size_t len, int max)
{
	size_t pos = 0, start, end;
	int n = 0;

	while (n < max) {
		int r = wa_regex_find(re, s, subject, len, &pos, &start, &end);

		if (r < 0)
			return r;
		if (r == 0)
			break;
		n++;
	}
	return n;
}
