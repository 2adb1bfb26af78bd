/* SPDX-License-Identifier: MIT */
#include "tokens.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include <warta/article.h>
#include <warta/swar.h>

#include "utf8.h"
#include "wordset.h"

/*
 * Words whose period does not end a sentence although a capital follows:
 * titles and address words before names (`Dr. Andi`, `Jl. Sudirman`, `H.
 * Ahmad`), Indonesian and English. Single capitals (`A. Yani`) and
 * dotted forms (`S.H.`, `M.Si.`, `a.n.`) are recognised by shape.
 */
static const char *const abbreviations[] = {
	"bpk", "capt", "co",  "col", "dll", "dkk", "dr",  "dra", "drg", "drh",
	"drs", "dsb",  "gen", "hj",  "inc", "ir",  "jl",  "jln", "jr",  "kab",
	"kec", "kel",  "kol", "lt",  "ltd", "mr",  "mrs", "ms",  "no",  "ny",
	"pdt", "prof", "sdr", "sgt", "sr",  "st",  "tn",  "tsb", "vs",  "yth",
};

static bool is_abbreviation(const char *s, size_t n)
{
	char low[8];

	if (n >= sizeof(low))
		return false;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
	low[n] = '\0';
	for (size_t i = 0; i < sizeof(abbreviations) / sizeof(*abbreviations); i++)
		if (strcmp(low, abbreviations[i]) == 0)
			return true;
	return false;
}

enum char_class { C_SPACE, C_NEWLINE, C_LETTER, C_DIGIT, C_OTHER };

struct cursor {
	const char *s;
	size_t len;
};

/* ASCII, nearly every byte of the text, by table: the class, and case in the high bits. */
enum { ASCII_UPPER = 0x10, ASCII_LOWER = 0x20, ASCII_CLASS = 0x0f };

static const unsigned char ascii_class[128] = {
	['\t'] = C_SPACE,
	['\v'] = C_SPACE,
	['\f'] = C_SPACE,
	['\r'] = C_SPACE,
	[' '] = C_SPACE,
	['\n'] = C_NEWLINE,
	['0' ... '9'] = C_DIGIT,
	['A' ... 'Z'] = C_LETTER | ASCII_UPPER,
	['a' ... 'z'] = C_LETTER | ASCII_LOWER,
	['!' ... '/'] = C_OTHER,
	[':' ... '@'] = C_OTHER,
	['[' ... '`'] = C_OTHER,
	['{' ... 0x7f] = C_OTHER,
	[0x00 ... 0x08] = C_OTHER,
	[0x0e ... 0x1f] = C_OTHER,
};

static inline enum char_class classify(const struct cursor *c, size_t i, size_t *ret_n,
				       bool *ret_upper, bool *ret_lower)
{
	unsigned char b = (unsigned char)c->s[i];

	if (b < 0x80) {
		unsigned char k = ascii_class[b];

		*ret_n = 1;
		*ret_upper = k & ASCII_UPPER;
		*ret_lower = k & ASCII_LOWER;
		return (enum char_class)(k & ASCII_CLASS);
	}
	*ret_upper = *ret_lower = false;
	uint32_t cp;

	*ret_n = wp_utf8_decode(c->s + i, c->len - i, &cp);
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return *ret_upper = true, C_LETTER;
	case UTF8PROC_CATEGORY_LL:
		return *ret_lower = true, C_LETTER;
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return C_LETTER;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
		return C_SPACE;
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return C_NEWLINE;
	default:
		return C_OTHER;
	}
}

static bool alnum_at(const struct cursor *c, size_t i)
{
	size_t n;
	bool up, low;

	if (i >= c->len)
		return false;
	enum char_class k = classify(c, i, &n, &up, &low);

	return k == C_LETTER || k == C_DIGIT;
}

static bool digit_at(const struct cursor *c, size_t i)
{
	return i < c->len && c->s[i] >= '0' && c->s[i] <= '9';
}

/*
 * A segment of letters and digits from i: its end, whether it has a digit
 * and whether it is a capitalised word of letters only.
 */
static size_t segment_end(const struct cursor *c, size_t i, bool *ret_digit, bool *ret_capital)
{
	size_t start = i, n;
	bool up, low;

	*ret_digit = false;
	*ret_capital = false;
	while (i < c->len) {
		enum char_class k = classify(c, i, &n, &up, &low);

		if (k != C_LETTER && k != C_DIGIT)
			break;
		if (k == C_DIGIT)
			*ret_digit = true;
		if (i == start)
			*ret_capital = up;
		i += n;
	}
	return i;
}

/*
 * Whether a hyphen joins the segments around it. It does in designators
 * (`Su-57`, `Iskander-M`), reduplication (`Bangsa-Bangsa`) and compounds
 * (`kerja-sama`); it does not between two different capitalised names
 * (`Rusia-Belarus`, `Jakarta-Bandung`), which are two mentions.
 */
static bool hyphen_joins(const struct cursor *c, size_t seg_start, size_t hyphen)
{
	bool d1, cap1, d2, cap2;
	size_t end1 = segment_end(c, seg_start, &d1, &cap1);
	size_t end2 = segment_end(c, hyphen + 1, &d2, &cap2);
	size_t n1 = end1 - seg_start, n2 = end2 - hyphen - 1;

	if (d1 || d2 || !cap1 || !cap2 || n1 < 3 || n2 < 3)
		return true;
	return n1 == n2 && strncasecmp(c->s + seg_start, c->s + hyphen + 1, n1) == 0;
}

static int push(struct wp_tokens *t, uint32_t start, uint32_t end, uint32_t chars, uint16_t flags)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		struct wp_token *v = realloc(t->v, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		t->v = v;
		t->cap = cap;
	}
	t->v[t->n++] =
		(struct wp_token){ .start = start, .end = end, .chars = chars, .flags = flags };
	return 0;
}

static size_t count_chars(const char *s, size_t from, size_t to)
{
	size_t n = 0;

	for (size_t i = from; i < to; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* The leading ASCII letters and digits of eight bytes: how many, and which bytes are which. */
struct ascii_run {
	size_t n;
	uint64_t upper, lower, digits; /* 0x80 set in the bytes of the run that are so */
};

static struct ascii_run ascii_alnum_run(uint64_t w)
{
	uint64_t letters = wa_swar_letters(w), digits = wa_swar_digits(w);
	uint64_t stop = ~(letters | digits) & WA_SWAR_HIGH;
	size_t n = stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
	uint64_t in = n == 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * n)) - 1;
	uint64_t lower_case = (w << 2) & WA_SWAR_HIGH; /* a letter's 0x20 bit, at its 0x80 */

	letters &= in;
	return (struct ascii_run){ .n = n,
				   .upper = letters & ~lower_case,
				   .lower = letters & lower_case,
				   .digits = digits & in };
}

/* Scans the word or number at i; returns its end and sets its flags. */
static size_t scan_word(const struct cursor *c, size_t i, uint16_t *flags)
{
	size_t start = i, seg_start = i, n;
	bool up, low, any_lower = false, any_upper = false, digit = false;

	while (i < c->len) {
		/* Most bytes of a word are ASCII letters and digits: eight a step for them. */
		if (i + 8 <= c->len) {
			struct ascii_run run = ascii_alnum_run(wa_swar_load(c->s + i));

			if (i == start && (run.upper & 0x80))
				*flags |= WP_TOKEN_CAPITAL;
			any_upper |= run.upper != 0;
			any_lower |= run.lower != 0;
			digit |= run.digits != 0;
			i += run.n;
			if (run.n == 8)
				continue;
			if (i >= c->len)
				break;
		}
		enum char_class k = classify(c, i, &n, &up, &low);

		if (k == C_LETTER || k == C_DIGIT) {
			if (i == start && up)
				*flags |= WP_TOKEN_CAPITAL;
			any_lower |= low;
			any_upper |= up;
			digit |= k == C_DIGIT;
			i += n;
			continue;
		}
		char ch = c->s[i];

		/* 1.000, 245,2, 08.30: separators between digits. */
		if ((ch == '.' || ch == ',') && digit_at(c, i + 1) && i > start &&
		    c->s[i - 1] >= '0' && c->s[i - 1] <= '9') {
			i++;
			continue;
		}
		/* France's: the English possessive is not part of the name. */
		if (ch == '\'' && i + 1 < c->len && (c->s[i + 1] == 's' || c->s[i + 1] == 'S') &&
		    !alnum_at(c, i + 2))
			break;
		if ((ch == '-' || ch == '\'') && alnum_at(c, i + 1) &&
		    (ch == '\'' || hyphen_joins(c, seg_start, i))) {
			i++;
			seg_start = i;
			continue;
		}
		/* S.H., M.Si., a.n., detik.com: letters on both sides of a period. */
		if (ch == '.' && i + 1 < c->len && !digit && alnum_at(c, i + 1) &&
		    !digit_at(c, i + 1) && i - seg_start <= 3) {
			i++;
			seg_start = i;
			*flags |= WP_TOKEN_ABBREV;
			continue;
		}
		break;
	}
	if (classify(c, start, &n, &up, &low) == C_DIGIT)
		*flags |= WP_TOKEN_NUMBER;
	else
		*flags |= WP_TOKEN_WORD;
	if (digit && (*flags & WP_TOKEN_WORD))
		*flags |= WP_TOKEN_HAS_DIGIT;
	if (any_upper && !any_lower)
		*flags |= WP_TOKEN_UPPER;
	/* The period of an abbreviation or an initial belongs to the word. */
	if (i < c->len && c->s[i] == '.' && (*flags & WP_TOKEN_WORD)) {
		size_t word = i - start;

		/* A capital alone before a period ending the line ends a sentence: "Armada I." */
		bool initial = word == 1 && any_upper && i + 1 < c->len && c->s[i + 1] != '\n';

		if ((*flags & WP_TOKEN_ABBREV) || initial || is_abbreviation(c->s + start, word)) {
			*flags |= WP_TOKEN_ABBREV;
			i++;
		}
	} else {
		*flags &= (uint16_t)~WP_TOKEN_ABBREV;
	}
	return i;
}

/* Appends the token lower-cased to tokens->folded; the text is len bytes. */
static int fold_token(const char *text, size_t len, struct wp_tokens *tokens, struct wp_token *t)
{
	/*
	 * Three bytes out per byte in at most: a lower case letter is never
	 * more than half as long again as its capital (Ⱥ 2 bytes, ⱥ 3), and
	 * a stray byte of invalid UTF-8 becomes U+FFFD, three. Eight more:
	 * the eight-byte steps below may write past the token's end.
	 */
	size_t need = tokens->folded_len + (t->end - t->start) * 3 + 1 + 8;

	if (need > tokens->folded_cap) {
		size_t cap = tokens->folded_cap ? tokens->folded_cap : 4096;

		while (cap < need)
			cap *= 2;
		char *f = realloc(tokens->folded, cap);

		if (!f)
			return -ENOMEM;
		tokens->folded = f;
		tokens->folded_cap = cap;
	}
	char *out = tokens->folded + tokens->folded_len;
	size_t o = 0, i = t->start;

	/* ASCII eight bytes a step: setting 0x20 lower-cases a letter, and only a letter. */
	while (i < t->end && i + 8 <= len) {
		uint64_t w = wa_swar_load(text + i);
		size_t n = t->end - i < 8 ? t->end - i : 8;
		uint64_t in = n == 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * n)) - 1;

		if (w & in & WA_SWAR_HIGH)
			break;
		w |= wa_swar_letters(w) >> 2;
		memcpy(out + o, &w, 8);
		o += n;
		i += n;
	}
	while (i < t->end) {
		unsigned char b = (unsigned char)text[i];

		if (b < 0x80) {
			out[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
			i++;
			continue;
		}
		uint32_t cp;

		i += wp_utf8_decode(text + i, t->end - i, &cp);
		o += wp_utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp), out + o);
	}
	out[o] = '\0';
	t->fold = (uint32_t)tokens->folded_len;
	t->fold_len = (uint32_t)o;
	t->hash = wp_wordset_hash(out, o);
	tokens->folded_len += o + 1;
	return 0;
}

int wp_tokenize(const char *text, size_t len, struct wp_tokens *tokens)
{
	struct cursor c = { text, len > UINT32_MAX ? UINT32_MAX : len };
	size_t i = 0, chars = 0, counted = 0, n;
	/* Up to the first byte beyond ASCII (often the whole text), a byte is a character. */
	size_t ascii_until = wp_ascii_span(text, c.len);
	bool up, low, sentence = true, line = true;

	tokens->n = 0;
	tokens->folded_len = 0;
	while (i < c.len) {
		enum char_class k = classify(&c, i, &n, &up, &low);

		if (k == C_SPACE || k == C_NEWLINE) {
			if (tokens->n)
				tokens->v[tokens->n - 1].flags |= WP_TOKEN_SPACE_AFTER;
			if (k == C_NEWLINE)
				line = sentence = true;
			i += n;
			continue;
		}
		uint16_t flags = 0;
		size_t end;

		if (k == C_LETTER || k == C_DIGIT) {
			end = scan_word(&c, i, &flags);
		} else {
			end = i + n;
			flags = WP_TOKEN_PUNCT;
		}
		chars = i <= ascii_until ? i : chars + count_chars(text, counted, i);
		counted = i;
		if (line)
			flags |= WP_TOKEN_LINE_START;
		if (sentence && !(flags & WP_TOKEN_PUNCT))
			flags |= WP_TOKEN_SENT_START;
		line = false;
		if (flags & WP_TOKEN_PUNCT) {
			char ch = text[i];

			if (ch == '.' || ch == '!' || ch == '?')
				sentence = true;
		} else {
			sentence = false;
		}
		if (push(tokens, (uint32_t)i, (uint32_t)end, (uint32_t)chars, flags) < 0 ||
		    fold_token(text, c.len, tokens, &tokens->v[tokens->n - 1]) < 0)
			return -ENOMEM;
		i = end;
	}
	return 0;
}

void wp_tokens_fini(struct wp_tokens *tokens)
{
	free(tokens->v);
	free(tokens->folded);
	memset(tokens, 0, sizeof(*tokens));
}

static void free_tokens(void *data)
{
	wp_tokens_fini(data);
	free(data);
}

const struct wp_tokens *wp_article_tokens(struct wa_article *article, int *ret_error)
{
	static const char key[] = "warta.tokens";
	struct wp_tokens *tokens = wa_article_memo(article, key);
	const char *text = wa_article_text(article);

	*ret_error = 0;
	if (tokens || !text)
		return tokens;
	if (!(tokens = calloc(1, sizeof(*tokens)))) {
		*ret_error = -ENOMEM;
		return NULL;
	}
	if ((*ret_error = wp_tokenize(text, strlen(text), tokens)) < 0) {
		free_tokens(tokens);
		return NULL;
	}
	/* On failure set_memo has freed the tokens already. */
	if ((*ret_error = wa_article_set_memo(article, key, tokens, free_tokens)) < 0)
		return NULL;
	return tokens;
}
