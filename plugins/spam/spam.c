/* SPDX-License-Identifier: MIT */
/*
 * spam: online-gambling promotion injected into articles (DOMAIN.md 3).
 *
 * Reads words, not keywords. Each word is folded for matching (NFKC, so
 * 𝘿𝘼𝙁𝙏𝘼𝙍 is "daftar"; case; accents; Cyrillic look-alikes; leetspeak
 * when that makes a known term), and classed:
 *  - brand: three or more letters glued to 2-4 digits (TRISULA88,
 *    ligawin66) or ending in "4d"; never a designator (Su-57 and KF-21
 *    have hyphens and are two words here), an allow-listed name (Densus
 *    88, G20), an acronym with a year (RIMPAC2024) or a footnote shape
 *    ("Ukraina245." — the clean stage's business);
 *  - a term of data/spam.txt: game, slang, provider, or call to action;
 *  - capitals: an ALL-CAPS word in a sentence written in lower case.
 * A run of neighbouring such words is an injection when it holds a brand
 * with a call to action, a term or another capitalised word, or two
 * capitalised words with a term: "DAFTAR TRISULA88" in "di tengah
 * ketegangan DAFTAR TRISULA88 yang terus meningkat". Injections are cut
 * out of the sentence (removed[] kind "spam"). A whole sentence is one
 * when it names no brand but advertises all the same: gambling slang, a
 * second term and a call to action ("Situs slot gacor hari ini gampang
 * maxwin, daftar sekarang ..."). Plain mentions of gambling in a news
 * report on it only raise the score.
 *
 * spam.score = 1 - (0.4^injections * 0.7^other brands * 0.95^terms): one
 * injection makes 0.6, a page of promotion approaches 1, a report about
 * a gambling raid stays low. spam.evidence lists what was found.
 */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <warta/plugin.h>
#include <warta/swar.h>

#include "../common/strbuf.h"
#include "lexicon.h"

#define WORD_MAX          48
#define EVIDENCE_MAX      10
#define EVIDENCE_TEXT_MAX 120 /* bytes of a hidden block quoted as evidence */
#define P_INJECTION       0.6
#define P_BRAND           0.3
#define P_TERM            0.05
#define FOLD_PENDING      UCHAR_MAX

/*
 * Kept small (the words of a 4 KB article are some 700 of these, written
 * once each): the folded form lives after the words, in the same block.
 */
struct word {
	size_t start, end; /* bytes of the text */
	size_t sentence;
	size_t term_words; /* a term starting here covers this many words */
	char *folded;      /* WORD_MAX bytes, made on first use (word_folded): most never are */
	enum term_kind term;
	unsigned char folded_len; /* FOLD_PENDING until then */
	bool digits; /* folded holds a digit: the only words that can be brands or leetspeak */
	bool alpha;  /* folded starts with a letter */
	bool caps;   /* two or more letters, all capitals */
	bool lower;  /* starts with a lower-case letter */
	bool brand;
	bool high; /* has bytes beyond ASCII: folded as soon as the words are split */
};

struct spam {
	struct lexicon lexicon;
};

static int spam_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	struct spam *s = calloc(1, sizeof(*s));
	char *error = NULL;
	int r;

	if (!s)
		return -ENOMEM;
	r = lexicon_load(ctx, &s->lexicon, &error);
	if (r < 0) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "%s", error ? error : strerror(-r));
		free(error);
		free(s);
		return r;
	}
	*ret_state = s;
	return 0;
}

static void spam_fini(void *state)
{
	struct spam *s = state;

	lexicon_fini(&s->lexicon);
	free(s);
}

/* Cyrillic letters that pass for Latin ones in injected anchors. */
static char homoglyph(utf8proc_int32_t cp)
{
	switch (cp) {
	case 0x0430:
		return 'a';
	case 0x0435:
		return 'e';
	case 0x043e:
		return 'o';
	case 0x0440:
		return 'p';
	case 0x0441:
		return 'c';
	case 0x0443:
		return 'y';
	case 0x0445:
		return 'x';
	case 0x0456:
		return 'i';
	case 0x0458:
		return 'j';
	case 0x0455:
		return 's';
	}
	return 0;
}

/*
 * NFKC + case fold + accents off, ASCII kept; other letters stay as UTF-8.
 * Returns the folded length. (word_folded folds plain ASCII words itself.)
 */
static size_t fold(const char *s, size_t len, char out[WORD_MAX])
{
	utf8proc_uint8_t *mapped = NULL;
	size_t n = 0;
	utf8proc_ssize_t m = utf8proc_map(
		(const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
		UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);

	for (utf8proc_ssize_t i = 0; i < m && n + 4 < WORD_MAX;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(mapped + i, m - i, &cp);

		if (k <= 0)
			break;
		char h = homoglyph(cp);

		if (h) {
			out[n++] = h;
		} else {
			memcpy(out + n, mapped + i, (size_t)k);
			n += (size_t)k;
		}
		i += k;
	}
	out[n] = '\0';
	free(mapped);
	return n;
}

static void unleet(const char *s, char *out, size_t size)
{
	static const char from[] = "4013578", to[] = "aoieslt";
	size_t n = 0;

	for (; *s && n + 1 < size; s++) {
		const char *p = strchr(from, *s);

		out[n++] = p ? to[p - from] : *s;
	}
	out[n] = '\0';
}

static const char *word_folded(const char *text, struct word *w);

static bool is_brand(struct word *w, const char *text, size_t len)
{
	size_t letters = 0, digits = 0;

	if (!w->digits)
		return false;
	const char *f = word_folded(text, w);

	while (f[letters] >= 'a' && f[letters] <= 'z')
		letters++;
	while (isdigit((unsigned char)f[letters + digits]))
		digits++;
	if (f[letters + digits] != '\0')
		return false;
	if (letters < 3 || digits < 2 || digits > 4)
		return false;
	/* RIMPAC2024, SGS2024: an acronym with a year. */
	if (digits == 4 && letters <= 6 &&
	    (strncmp(f + letters, "19", 2) == 0 || strncmp(f + letters, "20", 2) == 0) && w->caps)
		return false;
	/* "Ukraina245.", "TNI245.": a footnote, for clean to strip. */
	const char *raw = text + w->start;
	bool before_stop = w->end < len && strchr(".,;:", text[w->end]);

	if (before_stop && isupper((unsigned char)raw[0]) &&
	    (islower((unsigned char)raw[1]) || (w->caps && letters <= 4)))
		return false;
	return true;
}

/* "mona4d", "target4d": market brands. */
static bool is_4d_brand(const char *text, struct word *w)
{
	if (!w->digits)
		return false;
	const char *f = word_folded(text, w);
	size_t n = w->folded_len;

	return n >= 5 && strcmp(f + n - 2, "4d") == 0 &&
	       strspn(f, "abcdefghijklmnopqrstuvwxyz") == n - 2;
}

/* What split_words needs to know of a byte, by table: it reads every byte of the text. */
enum {
	B_WORD = 1,  /* ASCII letters and digits, and every byte of a multi-byte character */
	B_UPPER = 2, /* A-Z */
	B_LOWER = 4, /* a-z */
	B_DIGIT = 8, /* 0-9 */
	B_HIGH = 16, /* not ASCII */
};

_Static_assert(B_UPPER << 4 == 'a' - 'A', "read_word folds a capital by its class bit");

static const unsigned char byte_class[256] = {
	['0' ... '9'] = B_WORD | B_DIGIT,
	['A' ... 'Z'] = B_WORD | B_UPPER,
	['a' ... 'z'] = B_WORD | B_LOWER,
	[0x80 ... 0xff] = B_WORD | B_HIGH,
};

/* The bytes of a word's folded form: the folded copy keeps this many of a plain one. */
static size_t folded_size(const struct word *w)
{
	size_t len = w->end - w->start;

	return len < WORD_MAX - 1 ? len : WORD_MAX - 1;
}

/*
 * The word's folded form. A plain ASCII word is folded here, on first use
 * (a capital's class bit, shifted, is its lower-case bit); a word with
 * other letters was folded by read_word.
 */
static const char *word_folded(const char *text, struct word *w)
{
	if (w->folded_len == FOLD_PENDING) {
		const unsigned char *s = (const unsigned char *)text + w->start;
		size_t n = folded_size(w);

		for (size_t k = 0; k < n; k++)
			w->folded[k] = (char)(s[k] | (byte_class[s[k]] & B_UPPER) << 4);
		w->folded[n] = '\0';
		w->folded_len = n;
	}
	return w->folded;
}

/* A word's shape from the classes of its bytes (`seen`, or-ed together). */
static void read_word(const char *text, struct word *w, unsigned seen)
{
	const unsigned char *s = (const unsigned char *)text + w->start;

	w->digits = seen & B_DIGIT;
	w->caps = false;
	if ((seen & (B_UPPER | B_LOWER)) == B_UPPER) {
		size_t upper = 0;

		for (size_t k = 0; k < w->end - w->start && upper < 2; k++)
			upper += (byte_class[s[k]] & B_UPPER) != 0;
		w->caps = upper >= 2;
	}
	w->lower = byte_class[s[0]] & B_LOWER;
	w->alpha = byte_class[s[0]] & (B_UPPER | B_LOWER);
	w->folded_len = FOLD_PENDING;
	w->high = seen & B_HIGH;
}

/* A word with bytes beyond ASCII: NFKC may turn fancy letters into digits and back. */
static void read_folded_word(const char *text, struct word *w)
{
	w->folded_len = (unsigned char)fold(text + w->start, w->end - w->start, w->folded);
	w->digits = strpbrk(w->folded, "0123456789") != NULL;
	w->alpha = isalpha((unsigned char)w->folded[0]);
}

/*
 * The classes of the bytes of w up to the first that is no word byte (a
 * word's end), or-ed together; *ret_n gets how many bytes that is. Eight
 * bytes a step: the byte loop mispredicted its branch at every word's end.
 */
static unsigned chunk_classes(uint64_t w, size_t *ret_n)
{
	uint64_t letters = wa_swar_letters(w), digits = wa_swar_digits(w), high = w & WA_SWAR_HIGH;
	uint64_t other = ~(letters | digits | high) & WA_SWAR_HIGH;
	size_t n = other ? (size_t)__builtin_ctzll(other) / 8 : 8;
	uint64_t in = n == 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * n)) - 1;
	uint64_t lower_case = (w << 2) & WA_SWAR_HIGH; /* 0x20, the lower-case bit, at 0x80 */

	*ret_n = n;
	letters &= in;
	return ((letters & ~lower_case) ? B_UPPER : 0) | ((letters & lower_case) ? B_LOWER : 0) |
	       ((digits & in) ? B_DIGIT : 0) | ((high & in) ? B_HIGH : 0) | (n ? B_WORD : 0);
}

/* Where the word starting at text[i] ends, with the classes of its bytes in *ret_seen. */
static size_t word_end(const char *text, size_t i, size_t len, unsigned *ret_seen)
{
	unsigned seen = 0;
	size_t n = 8;

	while (n == 8 && i + 8 <= len) {
		seen |= chunk_classes(wa_swar_load(text + i), &n);
		i += n;
	}
	if (n == 8) {
		for (unsigned b; i < len && (b = byte_class[(unsigned char)text[i]]) & B_WORD; i++)
			seen |= b;
	}
	*ret_seen = seen;
	return i;
}

static size_t split_words(const char *text, size_t len, struct word **ret)
{
	struct word *v = NULL;
	size_t n = 0, cap = 0, sentence = 0;

	for (size_t i = 0; i < len;) {
		if (!(byte_class[(unsigned char)text[i]] & B_WORD)) {
			char c = text[i];

			if ((c == '.' || c == '!' || c == '?' || c == '\n') &&
			    (i + 1 >= len || text[i + 1] == ' ' || text[i + 1] == '\n'))
				sentence++;
			i++;
			continue;
		}
		unsigned seen;
		size_t end = word_end(text, i, len, &seen);

		if (n == cap) {
			size_t c = cap ? cap * 2 : 256;
			struct word *nv = realloc(v, c * sizeof(*nv));

			if (!nv)
				break;
			v = nv, cap = c;
		}
		struct word *w = &v[n++];

		w->start = i, w->end = end, w->sentence = sentence;
		w->brand = false;
		w->term = TERM_NONE, w->term_words = 0;
		read_word(text, w, seen);
		i = end;
	}
	/* Room for the folded forms after the words, where no pointer yet points. */
	struct word *nv = realloc(v, n * (sizeof(*v) + WORD_MAX) + 1);

	if (!nv) {
		free(v);
		*ret = NULL;
		return 0;
	}
	char *folds = (char *)(nv + n);

	for (size_t k = 0; k < n; k++) {
		nv[k].folded = folds + k * WORD_MAX;
		if (nv[k].high)
			read_folded_word(text, &nv[k]);
	}
	*ret = nv;
	return n;
}

/* Joins words [i, i+k) with single spaces into out; false if they do not fit. */
static bool join_words(const char *text, struct word *w, size_t i, size_t k, char *out, size_t size)
{
	size_t n = 0;

	for (size_t j = 0; j < k; j++) {
		const char *f = word_folded(text, &w[i + j]);
		size_t len = w[i + j].folded_len;

		if (n + len + 2 > size)
			return false;
		if (j)
			out[n++] = ' ';
		memcpy(out + n, f, len);
		n += len;
	}
	out[n] = '\0';
	return true;
}

/* Marks terms of one to three words starting at each word; longest first. */
static void find_terms(const struct lexicon *lex, const char *text, struct word *w, size_t n)
{
	char words[3 * WORD_MAX + 3], leet[sizeof(words)];

	for (size_t i = 0; i < n; i++) {
		/* The lexicon's shapes ignore case: most words are turned away unfolded. */
		if (!w[i].digits && w[i].folded_len == FOLD_PENDING &&
		    !lexicon_may_start_term(lex, text + w[i].start, folded_size(&w[i])))
			continue;
		const char *f = word_folded(text, &w[i]);

		if (!lexicon_starts_term(lex, f, w[i].folded_len)) {
			if (!w[i].digits)
				continue;
			unleet(f, leet, sizeof(leet));
			if (!lexicon_starts_term(lex, leet, strlen(leet)))
				continue;
		}
		for (size_t k = TERM_MAX_WORDS; k >= 1; k--) {
			if (i + k > n || !join_words(text, w, i, k, words, sizeof(words)))
				continue;
			enum term_kind kind = lexicon_find(lex, words);

			if (kind == TERM_NONE && strpbrk(words, "0123456789")) {
				unleet(words, leet, sizeof(leet));
				kind = lexicon_find(lex, leet);
			}
			if (kind != TERM_NONE) {
				w[i].term = kind;
				w[i].term_words = k;
				for (size_t j = 1; j < k; j++)
					w[i + j].term =
						kind == TERM_ALLOW ? TERM_ALLOW : w[i + j].term;
				break;
			}
		}
	}
}

/* What the runs of hot words need to know of their sentence. */
/* A brand's sentence with this few words of its own is an advertisement whole. */
#define PASTED_MAX_OWN_WORDS 4

struct sentence {
	bool caps_stand_out;
	bool promotion;
	bool pasted; /* a brand's advertisement whole: it goes with its injection */
};

/*
 * For each sentence, in one pass over the words (caller frees):
 *
 * caps_stand_out: its own words (the gambling terms and brands left out)
 * mostly in lower case, or a headline in title case ("Prabowo Resmikan
 * Pabrik ... SLOT GACOR HARI INI") with a few in capitals; not an all-caps
 * header.
 *
 * promotion: an advertisement without a brand. Slang only gamblers' sites
 * use (gacor, maxwin, bonus new member), another gambling term, and two
 * calls to action, or one with much slang. Or gamblers' words make half of
 * it: three terms, or two (a call to action counts) in a fragment opening
 * in lower case, as pasted ones do. A report on a raid ("mempromosikan
 * situs slot gacor ... mengajak warga daftar") has some of each, not that
 * many, among many words of its own. A sentence with a brand is left to
 * the runs around the brand, which cut the injection and keep the
 * sentence.
 *
 * pasted: a sentence with a brand and a few words of its own at most, no
 * more than the gamblers' ("Situs slot gacor hari ini MAXWIN138 gampang
 * menang, daftar sekarang juga!"): no article's sentence around an
 * injection but the advertisement itself, which goes whole when its
 * brand's run does. An article's sentence has more words of its own
 * ("Pejabat itu menambahkan bahwa ... menjadi ancaman bagi generasi muda").
 */
static struct sentence *read_sentences(const struct word *w, size_t n)
{
	size_t sentences = n ? w[n - 1].sentence + 1 : 1;
	struct count {
		unsigned own, lower, caps; /* the sentence's own words, gamblers' left out */
		unsigned slang, terms, ctas, brands, words, covered;
		bool opens_lower;
	} *c = calloc(sentences, sizeof(*c));
	struct sentence *result = calloc(sentences, sizeof(*result));

	if (!c || !result) {
		free(c);
		free(result);
		return NULL;
	}
	for (size_t i = 0, covered = 0; i < n; i++) {
		struct count *k = &c[w[i].sentence];
		bool term = w[i].term_words && w[i].term != TERM_ALLOW;

		if (k->words++ == 0)
			k->opens_lower = w[i].lower;
		k->brands += w[i].brand;
		if (term) {
			covered = w[i].term_words;
			k->covered += (unsigned)w[i].term_words;
			k->slang += w[i].term == TERM_SLANG;
			k->terms += w[i].term == TERM_GAME || w[i].term == TERM_SLANG ||
				    w[i].term == TERM_PROVIDER;
			k->ctas += w[i].term == TERM_CTA;
		}
		if (covered) {
			covered--;
			continue;
		}
		if (!w[i].alpha || w[i].brand)
			continue;
		k->own++;
		k->lower += w[i].lower;
		k->caps += w[i].caps;
	}
	for (size_t i = 0; i < sentences; i++) {
		const struct count *k = &c[i];
		/* Half its words or more are the gamblers' own. */
		bool dense = k->covered * 2 >= k->words;

		result[i].caps_stand_out =
			k->own >= 4 && (k->lower * 2 >= k->own || k->caps * 2 < k->own);
		result[i].promotion =
			!k->brands &&
			((k->slang && k->terms >= 2 &&
			  (k->ctas >= 2 || (k->ctas && k->slang >= 3))) ||
			 /* "Bocoran RTP live slot pragmatic play gampang menang." */
			 (dense && k->terms >= 3) ||
			 /* "... per tahun. link slot gacor terpercaya hari ini" */
			 (dense && k->opens_lower && k->terms && k->terms + k->ctas >= 2));
		result[i].pasted = k->brands && k->own <= PASTED_MAX_OWN_WORDS &&
				   k->covered + k->brands >= k->own;
	}
	free(c);
	return result;
}

struct finding {
	double keep_score; /* product of (1 - p) */
	cJSON *evidence;
};

static void add_evidence(struct finding *f, const char *text, size_t len)
{
	char *s = strndup(text, len);
	const cJSON *e;

	if (!s)
		return;
	cJSON_ArrayForEach(e, f->evidence)
	{
		if (strcmp(e->valuestring, s) == 0) {
			free(s);
			return;
		}
	}
	if (cJSON_GetArraySize(f->evidence) < EVIDENCE_MAX)
		cJSON_AddItemToArray(f->evidence, cJSON_CreateString(s));
	free(s);
}

static bool hot(const struct word *w, bool lower_sentence)
{
	if (w->term == TERM_ALLOW)
		return false;
	return w->brand || w->term != TERM_NONE || (w->caps && lower_sentence);
}

/* "main di situs ...": a preposition between two promotion words is part of the run. */
static bool bridges(const char *text, struct word *w, size_t i, size_t n, bool lower_sentence)
{
	if (i + 1 >= n || w[i + 1].sentence != w[i].sentence || !hot(&w[i + 1], lower_sentence))
		return false;
	const char *f = word_folded(text, &w[i]);

	return strcmp(f, "di") == 0 || strcmp(f, "ke") == 0;
}

/*
 * A hidden block of a web page (removed[] kind "hidden", from ingest_html)
 * that holds a gambling brand or two gambling terms is an injection too:
 * invisible to readers, planted for search engines. So is a link to
 * another site whose anchor reads so (kind "links", a line per anchor).
 */
struct hidden_check {
	const struct spam *spam;
	struct finding *finding;
};

static void check_block(struct hidden_check *c, const char *text, size_t len)
{
	struct word *w = NULL;
	size_t n = split_words(text, len, &w), brands = 0, terms = 0;

	find_terms(&c->spam->lexicon, text, w, n);
	for (size_t i = 0; i < n; i++) {
		brands += w[i].term != TERM_ALLOW &&
			  (is_brand(&w[i], text, len) || is_4d_brand(text, &w[i]));
		terms += w[i].term == TERM_GAME || w[i].term == TERM_SLANG ||
			 w[i].term == TERM_PROVIDER;
	}
	if (brands || terms >= 2) {
		size_t quoted = len < EVIDENCE_TEXT_MAX ? len : EVIDENCE_TEXT_MAX;

		while (quoted < len && quoted > 0 && ((unsigned char)text[quoted] & 0xc0) == 0x80)
			quoted--; /* whole characters only */
		c->finding->keep_score *= 1 - P_INJECTION;
		add_evidence(c->finding, text, quoted);
	}
	free(w);
}

static int check_hidden_block(void *data, const char *kind, const char *text)
{
	struct hidden_check *c = data;

	if (!kind || !text)
		return 0;
	if (!strcmp(kind, "hidden")) {
		check_block(c, text, strlen(text));
	} else if (!strcmp(kind, "links")) {
		for (const char *line = text, *end; *line; line = *end ? end + 1 : end) {
			end = line + strcspn(line, "\n");
			check_block(c, line, (size_t)(end - line));
		}
	}
	return 0;
}

static int spam_process(void *state, struct wa_article *a)
{
	struct spam *s = state;
	const char *text = wa_article_text(a);
	struct finding f = { .keep_score = 1.0, .evidence = cJSON_CreateArray() };
	struct wp_strbuf out = { 0 };
	struct word *w = NULL;
	int r = 0;

	if (!text) {
		cJSON_Delete(f.evidence);
		return WA_PLUGIN_OK;
	}
	if (!f.evidence)
		return -ENOMEM;
	size_t len = strlen(text), n = split_words(text, len, &w), copied = 0;
	struct sentence *sentences;

	find_terms(&s->lexicon, text, w, n);
	for (size_t i = 0; i < n; i++)
		w[i].brand = w[i].digits && w[i].term != TERM_ALLOW &&
			     (is_brand(&w[i], text, len) || is_4d_brand(text, &w[i]));
	if (!(sentences = read_sentences(w, n))) {
		cJSON_Delete(f.evidence);
		free(w);
		return -ENOMEM;
	}
	for (size_t i = 0; i < n;) {
		bool lower_sentence = sentences[w[i].sentence].caps_stand_out;
		bool promotion = sentences[w[i].sentence].promotion;

		if (!promotion && !hot(&w[i], lower_sentence)) {
			i++;
			continue;
		}
		size_t j = i, brands = 0, ctas = 0, terms = 0, caps = 0;

		while (j < n && w[j].sentence == w[i].sentence &&
		       (promotion || hot(&w[j], lower_sentence) ||
			bridges(text, w, j, n, lower_sentence))) {
			brands += w[j].brand;
			ctas += w[j].term == TERM_CTA;
			terms += w[j].term == TERM_GAME || w[j].term == TERM_SLANG ||
				 w[j].term == TERM_PROVIDER;
			caps += w[j].caps && lower_sentence;
			/* A term of several words ("link alternatif") is in the run whole. */
			size_t words = w[j].term_words > 1 ? w[j].term_words : 1;

			while (words-- > 0 && j < n && w[j].sentence == w[i].sentence)
				j++;
		}
		bool injection = promotion ||
				 (brands && (ctas || terms || caps >= 2 || j - i >= 2)) ||
				 (caps >= 2 && terms && lower_sentence);

		if (injection) {
			bool whole = promotion || sentences[w[i].sentence].pasted;

			if (!promotion && whole) { /* from the sentence's first word to its last */
				while (i > 0 && w[i - 1].sentence == w[i].sentence &&
				       w[i - 1].start >= copied)
					i--;
				while (j < n && w[j].sentence == w[i].sentence)
					j++;
			}
			size_t start = w[i].start, end = w[j - 1].end;

			/* The whole advertisement goes, with its closing punctuation. */
			while (whole && end < len && strchr(".!?", text[end]))
				end++;

			f.keep_score *= 1 - P_INJECTION;
			add_evidence(&f, text + start, end - start);
			if (wa_article_add_removed(a, "spam", text + start, end - start) < 0)
				r = -ENOMEM;
			/* Cut the run and one space beside it, keeping the sentence. */
			if (start > copied && text[start - 1] == ' ')
				start--;
			else if (end < len && text[end] == ' ')
				end++;
			wp_strbuf_put(&out, text + copied, start - copied);
			copied = end;
		} else {
			for (size_t k = i; k < j; k++) {
				if (w[k].brand) {
					f.keep_score *= 1 - P_BRAND;
					add_evidence(&f, text + w[k].start, w[k].end - w[k].start);
				} else if (w[k].term != TERM_NONE && w[k].term != TERM_CTA) {
					f.keep_score *= 1 - P_TERM;
				}
			}
		}
		i = j;
	}
	wp_strbuf_put(&out, text + copied, len - copied);
	(void)wa_article_for_each_removed(a, check_hidden_block,
					  &(struct hidden_check){ .spam = s, .finding = &f });
	if (r == 0 && out.error)
		r = out.error;
	if (r == 0 && copied > 0)
		r = wa_article_set_text(a, out.buf, out.len);
	if (r == 0)
		r = wa_article_set_number(a, "spam.score", round((1 - f.keep_score) * 100) / 100);
	if (r == 0 && cJSON_GetArraySize(f.evidence) > 0) {
		char *json = cJSON_PrintUnformatted(f.evidence);

		r = json ? wa_article_set_json(a, "spam.evidence", json) : -ENOMEM;
		free(json);
	}
	cJSON_Delete(f.evidence);
	wp_strbuf_fini(&out);
	free(sentences);
	free(w);
	return r < 0 ? r : WA_PLUGIN_OK;
}

WA_PLUGIN_DEFINE(spam) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "spam",
	.summary = "Injected online-gambling promotion: cut out, scored, evidence kept",
	.kind = WA_PLUGIN_ANALYZE,
	.init = spam_init,
	.process = spam_process,
	.fini = spam_fini,
};
