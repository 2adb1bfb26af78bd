/* SPDX-License-Identifier: MIT */
/* cJSON helpers: see json.h for the ownership rules they enforce. */
#include "json.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

void wa_json_init(void)
{
	cJSON_Hooks hooks = { .malloc_fn = malloc, .free_fn = free };

	cJSON_InitHooks(&hooks);
}

int wa_json_parse(const char *text, size_t len, cJSON **ret_root, size_t *ret_error_offset)
{
	const char *end = NULL;
	cJSON *root;

	root = cJSON_ParseWithLengthOpts(text, len, &end, false);
	if (!root) {
		if (ret_error_offset)
			*ret_error_offset = end && end >= text ? (size_t)(end - text) : 0;
		return -EINVAL;
	}
	*ret_root = root;
	return 0;
}

int wa_json_set(cJSON *object, const char *key, cJSON *item)
{
	if (!item)
		return -ENOMEM;
	if (cJSON_GetObjectItemCaseSensitive(object, key)) {
		if (!cJSON_ReplaceItemInObjectCaseSensitive(object, key, item)) {
			cJSON_Delete(item);
			return -ENOMEM;
		}
		return 0;
	}
	if (!cJSON_AddItemToObject(object, key, item)) {
		cJSON_Delete(item);
		return -ENOMEM;
	}
	return 0;
}

int wa_json_append(cJSON *array, cJSON *item)
{
	if (!item)
		return -ENOMEM;
	if (!cJSON_AddItemToArray(array, item)) {
		cJSON_Delete(item);
		return -ENOMEM;
	}
	return 0;
}

/* ---- JSON text kept as text (see json.h) ---- */

enum { MAX_NESTING = 1000 }; /* cJSON's CJSON_NESTING_LIMIT */

struct check {
	const char *s;
	size_t len, at;
	bool spaced; /* insignificant whitespace seen: the text needs compacting */
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool at_char(const struct check *c, char ch)
{
	return c->at < c->len && c->s[c->at] == ch;
}

static void check_space(struct check *c)
{
	size_t start = c->at;

	while (c->at < c->len && is_space(c->s[c->at]))
		c->at++;
	c->spaced |= c->at > start;
}

static bool check_word(struct check *c, const char *word)
{
	size_t n = strlen(word);

	if (c->len - c->at < n || memcmp(c->s + c->at, word, n) != 0)
		return false;
	c->at += n;
	return true;
}

/* The code unit of the \uXXXX at s[at] (at the backslash), or -1. */
static long utf16_unit(const struct check *c, size_t at)
{
	long unit = 0;

	if (c->len - at < 6 || c->s[at] != '\\' || c->s[at + 1] != 'u')
		return -1;
	for (size_t i = at + 2; i < at + 6; i++) {
		char h = c->s[i];
		int v = h >= '0' && h <= '9'   ? h - '0'
			: h >= 'a' && h <= 'f' ? h - 'a' + 10
			: h >= 'A' && h <= 'F' ? h - 'A' + 10
					       : -1;

		if (v < 0)
			return -1;
		unit = unit * 16 + v;
	}
	return unit;
}

/*
 * The bytes of w that JSON must escape: below 0x20, '"' and '\\'. Each
 * test sets the high bit of a byte that passes; a borrow can flag a byte
 * after one that passed, never before, so the lowest flag is exact.
 */
static uint64_t needs_escape(uint64_t w)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), high = ones * 0x80;
	uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');

	return (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
		((backslash - ones) & ~backslash)) &
	       high;
}

/* Bytes a string cannot hold as they are: the quote, the backslash, control characters. */
static const bool string_stop[256] = {
	[0x00 ... 0x1f] = true,
	['"'] = true,
	['\\'] = true,
};

/* A string, at its opening quote. Surrogates must pair up, as cJSON requires to parse it. */
static bool check_string(struct check *c)
{
	const unsigned char *s = (const unsigned char *)c->s;

	for (c->at++;; c->at++) {
		/* Most bytes are plain text: skip them without looking further. */
		size_t at = c->at;

		while (at + 8 <= c->len) {
			uint64_t w, stops;

			memcpy(&w, s + at, 8);
			stops = needs_escape(w);
			if (stops) {
				at += (size_t)__builtin_ctzll(stops) / 8;
				break;
			}
			at += 8;
		}
		while (at < c->len && !string_stop[s[at]])
			at++;
		c->at = at;
		if (at >= c->len)
			return false;
		unsigned char ch = s[at];
		long unit;

		if (ch == '"') {
			c->at++;
			return true;
		}
		if (ch < 0x20)
			return false;
		if (c->at + 1 < c->len && c->s[c->at + 1] != 'u') {
			if (!memchr("\"\\/bfnrt", c->s[c->at + 1], 8))
				return false;
			c->at++;
			continue;
		}
		unit = utf16_unit(c, c->at);
		if (unit < 0 || (unit >= 0xdc00 && unit <= 0xdfff))
			return false;
		if (unit >= 0xd800 && unit <= 0xdbff) {
			long low = utf16_unit(c, c->at + 6);

			if (low < 0xdc00 || low > 0xdfff)
				return false;
			c->at += 6;
		}
		c->at += 5;
	}
}

static bool check_digits(struct check *c)
{
	size_t start = c->at;

	while (c->at < c->len && c->s[c->at] >= '0' && c->s[c->at] <= '9')
		c->at++;
	return c->at > start;
}

/* cJSON reads a number through a 64-byte buffer: a longer one is not JSON to it. */
static bool check_number(struct check *c)
{
	size_t start = c->at;

	if (at_char(c, '-'))
		c->at++;
	if (at_char(c, '0'))
		c->at++;
	else if (!check_digits(c))
		return false;
	if (at_char(c, '.')) {
		c->at++;
		if (!check_digits(c))
			return false;
	}
	if (at_char(c, 'e') || at_char(c, 'E')) {
		c->at++;
		if (at_char(c, '+') || at_char(c, '-'))
			c->at++;
		if (!check_digits(c))
			return false;
	}
	return c->at - start < 64;
}

static bool check_value(struct check *c, int depth);

/* An object or an array, at its opening bracket. */
static bool check_container(struct check *c, int depth)
{
	char close = c->s[c->at] == '{' ? '}' : ']';

	if (depth >= MAX_NESTING)
		return false;
	c->at++;
	check_space(c);
	if (at_char(c, close)) {
		c->at++;
		return true;
	}
	for (;;) {
		if (close == '}') {
			if (!at_char(c, '"') || !check_string(c))
				return false;
			check_space(c);
			if (!at_char(c, ':'))
				return false;
			c->at++;
		}
		if (!check_value(c, depth + 1))
			return false;
		if (at_char(c, close)) {
			c->at++;
			return true;
		}
		if (!at_char(c, ','))
			return false;
		c->at++;
		check_space(c);
	}
}

/* A value with the whitespace around it. */
static bool check_value(struct check *c, int depth)
{
	bool ok;

	check_space(c);
	if (c->at >= c->len)
		return false;
	switch (c->s[c->at]) {
	case '{':
	case '[':
		ok = check_container(c, depth);
		break;
	case '"':
		ok = check_string(c);
		break;
	case 't':
		ok = check_word(c, "true");
		break;
	case 'f':
		ok = check_word(c, "false");
		break;
	case 'n':
		ok = check_word(c, "null");
		break;
	default:
		ok = check_number(c);
	}
	if (ok)
		check_space(c);
	return ok;
}

/* s[0, len) without whitespace outside strings; s is checked JSON. */
static void compact(const char *s, size_t len, char *out)
{
	bool in_string = false;

	for (size_t i = 0; i < len; i++) {
		if (in_string) {
			if (s[i] == '\\')
				*out++ = s[i++];
			else if (s[i] == '"')
				in_string = false;
		} else if (is_space(s[i])) {
			continue;
		} else if (s[i] == '"') {
			in_string = true;
		}
		*out++ = s[i];
	}
	*out = '\0';
}

int wa_json_raw(const char *text, size_t len, cJSON **ret_item, size_t *ret_error_offset)
{
	struct check c = { .s = text, .len = len };
	cJSON *item;
	char *copy;

	if (!check_value(&c, 0) || c.at != len) {
		if (ret_error_offset)
			*ret_error_offset = c.at;
		return -EINVAL;
	}
	copy = malloc(len + 1);
	item = cJSON_CreateNull();
	if (!copy || !item) {
		free(copy);
		cJSON_Delete(item);
		return -ENOMEM;
	}
	if (c.spaced) {
		compact(text, len, copy);
	} else {
		memcpy(copy, text, len);
		copy[len] = '\0';
	}
	/* cJSON frees a raw node's text with its hooks, which are malloc and free (wa_json_init).
	 */
	item->type = cJSON_Raw;
	item->valuestring = copy;
	*ret_item = item;
	return 0;
}

/* A raw node becomes the tree of its text: the parse's root is moved into it. */
static int expand_raw(cJSON *item)
{
	cJSON *tree;

	if (wa_json_parse(item->valuestring, strlen(item->valuestring), &tree, NULL) < 0)
		return -ENOMEM; /* the text was checked: only memory can fail */
	free(item->valuestring);
	item->type = (item->type & cJSON_StringIsConst) | tree->type;
	item->child = tree->child;
	item->valuestring = tree->valuestring;
	item->valueint = tree->valueint;
	item->valuedouble = tree->valuedouble;
	tree->child = NULL;
	tree->valuestring = NULL;
	cJSON_Delete(tree);
	return 0;
}

int wa_json_expand(cJSON *item)
{
	cJSON *child;

	if (cJSON_IsRaw(item))
		return expand_raw(item);
	/* A path goes through objects only, so a raw node is never inside an array. */
	if (cJSON_IsObject(item)) {
		for (child = item->child; child; child = child->next) {
			int r = wa_json_expand(child);

			if (r < 0)
				return r;
		}
	}
	return 0;
}

/* Walks all but the last component of path, creating objects; returns the parent. */
static int walk_to_parent(cJSON *root, const char *path, bool create, cJSON **ret_parent,
			  const char **ret_last)
{
	const char *start = path, *dot;
	cJSON *node = root;
	char key[128];

	while ((dot = strchr(start, '.'))) {
		size_t n = (size_t)(dot - start);
		cJSON *next;

		if (n == 0 || n >= sizeof(key))
			return -EINVAL;
		memcpy(key, start, n);
		key[n] = '\0';
		next = cJSON_GetObjectItemCaseSensitive(node, key);
		if (cJSON_IsRaw(next)) {
			int r = expand_raw(next);

			if (r < 0)
				return r;
		}
		if (!next) {
			int r;

			if (!create)
				return -ENOENT;
			next = cJSON_CreateObject();
			r = wa_json_set(node, key, next);
			if (r < 0)
				return r;
		} else if (!cJSON_IsObject(next)) {
			return -EINVAL;
		}
		node = next;
		start = dot + 1;
	}
	if (*start == '\0')
		return -EINVAL;
	*ret_parent = node;
	*ret_last = start;
	return 0;
}

int wa_json_set_path(cJSON *root, const char *path, cJSON *item)
{
	const char *last;
	cJSON *parent;
	int r;

	r = walk_to_parent(root, path, true, &parent, &last);
	if (r < 0) {
		cJSON_Delete(item);
		return r;
	}
	return wa_json_set(parent, last, item);
}

cJSON *wa_json_get_path(const cJSON *root, const char *path)
{
	const char *last;
	cJSON *parent;

	if (walk_to_parent((cJSON *)root, path, false, &parent, &last) < 0)
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(parent, last);
}

const char *wa_json_get_string(const cJSON *object, const char *key)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);

	return cJSON_IsString(item) ? item->valuestring : NULL;
}

/*
 * The compact printer. cJSON_PrintUnformatted writes every number with
 * sprintf("%1.15g") and reads it back with sscanf to check the round
 * trip: in a record with a few hundred entity offsets that was a third of
 * the cost of the entity stage. Integers (what nearly every number in a
 * record is) are written here digit by digit; other numbers as cJSON
 * writes them, except that the round trip is checked exactly (cJSON
 * accepts a near miss and so may drop the last digits of a large number).
 */
struct out {
	char *buf;
	size_t len, cap;
	bool failed;
};

static void put(struct out *o, const char *p, size_t n)
{
	if (o->failed)
		return;
	if (o->len + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 1024;

		while (cap < o->len + n + 1)
			cap *= 2;
		char *buf = realloc(o->buf, cap);

		if (!buf) {
			o->failed = true;
			return;
		}
		o->buf = buf;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

static void put_number(struct out *o, double d)
{
	char digits[32];
	int n;

	if (!isfinite(d)) {
		put(o, "null", 4);
		return;
	}
	/* Below 10^15 "%1.15g" writes an integer's digits exactly: so do we, faster. */
	if (fabs(d) < 1e15 && d == (double)(long long)d && !(d == 0 && signbit(d))) {
		long long v = (long long)d;
		unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
		size_t at = sizeof(digits);

		do
			digits[--at] = (char)('0' + u % 10);
		while ((u /= 10) > 0);
		if (v < 0)
			digits[--at] = '-';
		put(o, digits + at, sizeof(digits) - at);
		return;
	}
	n = snprintf(digits, sizeof(digits), "%1.15g", d);
	if (strtod(digits, NULL) != d)
		n = snprintf(digits, sizeof(digits), "%1.17g", d);
	put(o, digits, (size_t)n);
}

/*
 * Strings are most of a record (the text, removed[]), so plain bytes are
 * copied eight a step between the places that need an escape.
 */
static void put_string(struct out *o, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t len = strlen(s), run = 0;

	put(o, "\"", 1);
	for (size_t i = 0; i < len;) {
		if (i + 8 <= len) {
			uint64_t w, flags;

			memcpy(&w, s + i, 8);
			flags = needs_escape(w);
			if (!flags) {
				i += 8;
				continue;
			}
			i += (size_t)__builtin_ctzll(flags) / 8;
		} else {
			unsigned char c = (unsigned char)s[i];

			if (c >= 0x20 && c != '"' && c != '\\') {
				i++;
				continue;
			}
		}
		unsigned char c = (unsigned char)s[i];
		char esc[6] = { '\\', (char)c };
		size_t n = 2;

		switch (c) {
		case '"':
		case '\\':
			break;
		case '\b':
			esc[1] = 'b';
			break;
		case '\f':
			esc[1] = 'f';
			break;
		case '\n':
			esc[1] = 'n';
			break;
		case '\r':
			esc[1] = 'r';
			break;
		case '\t':
			esc[1] = 't';
			break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			n = 6;
		}
		put(o, s + run, i - run);
		put(o, esc, n);
		run = ++i;
	}
	put(o, s + run, len - run);
	put(o, "\"", 1);
}

static void put_item(struct out *o, const cJSON *item, int depth)
{
	const cJSON *child;

	if (depth > 1000) { /* cJSON's own nesting limit for what it parses */
		o->failed = true;
		return;
	}
	switch (item->type & 0xff) {
	case cJSON_False:
		put(o, "false", 5);
		break;
	case cJSON_True:
		put(o, "true", 4);
		break;
	case cJSON_NULL:
		put(o, "null", 4);
		break;
	case cJSON_Number:
		put_number(o, item->valuedouble);
		break;
	case cJSON_String:
		put_string(o, item->valuestring ? item->valuestring : "");
		break;
	case cJSON_Raw:
		if (item->valuestring)
			put(o, item->valuestring, strlen(item->valuestring));
		else
			o->failed = true;
		break;
	case cJSON_Array:
	case cJSON_Object:
		put(o, (item->type & 0xff) == cJSON_Array ? "[" : "{", 1);
		for (child = item->child; child; child = child->next) {
			if (child != item->child)
				put(o, ",", 1);
			if ((item->type & 0xff) == cJSON_Object) {
				put_string(o, child->string ? child->string : "");
				put(o, ":", 1);
			}
			put_item(o, child, depth + 1);
		}
		put(o, (item->type & 0xff) == cJSON_Array ? "]" : "}", 1);
		break;
	default:
		o->failed = true;
	}
}

char *wa_json_print(const cJSON *item)
{
	struct out o = { 0 };

	if (!item)
		return NULL;
	put_item(&o, item, 0);
	if (o.failed) {
		free(o.buf);
		return NULL;
	}
	return o.buf;
}

/* ---- a member's span in JSON text, without parsing it ---- */

static size_t skip_space(const char *s, size_t i, size_t len)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	return i;
}

/*
 * What the skips below stop at: inside a string its end and escapes, inside
 * a container the strings and brackets, after a scalar what ends it. The
 * store reads a record's large values this way (a member's span, entity
 * rows), and a table lets it pass the plain bytes in a tight loop.
 */
enum { IN_STRING = 1, IN_CONTAINER = 2, AFTER_SCALAR = 4 };
static const unsigned char json_stops[256] = {
	['"'] = IN_STRING | IN_CONTAINER,
	['\\'] = IN_STRING,
	['{'] = IN_CONTAINER,
	['['] = IN_CONTAINER,
	['}'] = IN_CONTAINER | AFTER_SCALAR,
	[']'] = IN_CONTAINER | AFTER_SCALAR,
	[','] = AFTER_SCALAR,
	[' '] = AFTER_SCALAR,
	['\t'] = AFTER_SCALAR,
	['\r'] = AFTER_SCALAR,
	['\n'] = AFTER_SCALAR,
};

static size_t skip_to(const char *s, size_t i, size_t len, unsigned char stops)
{
	while (i < len && !(json_stops[(unsigned char)s[i]] & stops))
		i++;
	return i;
}

/* Past the string that opens at s[i], or 0 when it is not closed. */
static size_t skip_string(const char *s, size_t i, size_t len)
{
	for (i = skip_to(s, i + 1, len, IN_STRING); i < len;
	     i = skip_to(s, i + 1, len, IN_STRING)) {
		if (s[i] == '\\')
			i++;
		else
			return i + 1;
	}
	return 0;
}

/* Past the value that starts at s[i], or 0 when it does not end. */
static size_t skip_value(const char *s, size_t i, size_t len)
{
	int depth = 0;

	if (i < len && s[i] != '"' && s[i] != '{' && s[i] != '[')
		return skip_to(s, i, len, AFTER_SCALAR);
	while ((i = skip_to(s, i, len, IN_CONTAINER)) < len) {
		if (s[i] == '"') {
			if ((i = skip_string(s, i, len)) == 0)
				return 0;
			if (depth == 0)
				return i;
			continue;
		}
		if (s[i] == '{' || s[i] == '[')
			depth++;
		else if ((s[i] == '}' || s[i] == ']') && --depth == 0)
			return i + 1;
		i++;
	}
	return 0;
}

/*
 * Where the next item of the container s (an object or an array: `open`
 * and `close`) starts, from *pos: 0 at first (at the opening), then where
 * the last item ended. 1 and its start in *ret_at, 0 at the container's
 * end, -EINVAL if s is not such a container.
 */
static int next_item(const char *s, size_t len, size_t pos, char open, char close, size_t *ret_at)
{
	size_t i = skip_space(s, pos, len);

	if (pos == 0) {
		if (i >= len || s[i] != open)
			return -EINVAL;
		i = skip_space(s, i + 1, len);
	} else if (i < len && s[i] == ',') {
		i = skip_space(s, i + 1, len);
	}
	if (i >= len)
		return -EINVAL;
	if (s[i] == close)
		return 0;
	*ret_at = i;
	return 1;
}

/*
 * Finds the top-level member `key` of the object s: its span (key through
 * value), where the value ends, the separator after it, and the comma
 * before it (0 when it is the first). Returns 1, 0 when absent, -EINVAL
 * when s is not an object.
 */
static int find_member(const char *s, size_t len, const char *key, size_t *ret_start,
		       size_t *ret_value_end, size_t *ret_next, size_t *ret_comma_before)
{
	size_t key_len = strlen(key), pos = 0, comma_before = 0, k, k_end, value, value_end;
	int r;

	while ((r = wa_json_member_next(s, len, &pos, &k, &k_end, &value, &value_end)) > 0) {
		size_t next = skip_space(s, value_end, len);

		if (next >= len || (s[next] != ',' && s[next] != '}'))
			return -EINVAL;
		if (k_end - k == key_len && memcmp(s + k, key, key_len) == 0) {
			*ret_start = k - 1; /* the key's opening quote */
			*ret_value_end = value_end;
			*ret_next = next;
			*ret_comma_before = comma_before;
			return 1;
		}
		comma_before = next;
	}
	return r;
}

int wa_json_member_span(const char *s, size_t len, const char *key, size_t *ret_start,
			size_t *ret_end)
{
	size_t start, value_end, next, comma_before;
	int r = find_member(s, len, key, &start, &value_end, &next, &comma_before);

	if (r <= 0)
		return r;
	/* Take one comma with it: the one after, else the one before (none if it is alone). */
	if (s[next] == ',') {
		*ret_start = start;
		*ret_end = next + 1;
	} else {
		*ret_start = comma_before ? comma_before : start;
		*ret_end = value_end;
	}
	return 1;
}

int wa_json_member_next(const char *s, size_t len, size_t *pos, size_t *ret_key,
			size_t *ret_key_end, size_t *ret_value, size_t *ret_value_end)
{
	size_t i;
	int r = next_item(s, len, *pos, '{', '}', &i);

	if (r <= 0)
		return r;
	size_t key_end = s[i] == '"' ? skip_string(s, i, len) : 0;

	if (key_end == 0)
		return -EINVAL;
	size_t colon = skip_space(s, key_end, len);

	if (colon >= len || s[colon] != ':')
		return -EINVAL;
	size_t value = skip_space(s, colon + 1, len), value_end = skip_value(s, value, len);

	if (value_end == 0)
		return -EINVAL;
	*ret_key = i + 1;
	*ret_key_end = key_end - 1;
	*ret_value = value;
	*ret_value_end = value_end;
	*pos = value_end;
	return 1;
}

int wa_json_array_next(const char *s, size_t len, size_t *pos, size_t *ret_start, size_t *ret_end)
{
	size_t i;
	int r = next_item(s, len, *pos, '[', ']', &i);

	if (r <= 0)
		return r;
	size_t end = skip_value(s, i, len);

	if (end == 0)
		return -EINVAL;
	*ret_start = i;
	*ret_end = end;
	*pos = end;
	return 1;
}
