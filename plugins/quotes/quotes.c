/* SPDX-License-Identifier: MIT */
/*
 * quotes: who said what, as quotes[] {text, speaker, kind, offset, via}.
 *
 * Direct quotations are the text between a pair of quote marks on one
 * paragraph (normalize has made every kind of mark ASCII: `"`, and `''`
 * from ’’ and ‘‘); scare quotes around a word or two ("Flanker-E") are
 * names, not speech. The speaker comes from the reporting verb after the
 * quotation (`," kata Shoigu.`, `," tegas Menhan Sjafrie.`) or before it
 * (`Shoigu mengatakan, "...`, `Shoigu: "...`); a verb with -nya
 * (`katanya`, `tegasnya`) or none at all means the person named last.
 * Indirect speech is a person followed by a me- reporting verb
 * (`Sjafrie menegaskan bahwa ...`): kind "indirect", the rest of the
 * sentence as text. `via` is the outlet a sentence cites ("seperti
 * dilansir Reuters").
 *
 * Speakers are the people of entities[] (this stage runs after entities),
 * so a quotation by "Shoigu" is credited to "Sergei Shoigu".
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <warta/plugin.h>

#include "../common/json_list.h"
#include "../common/people.h"
#include "../common/phrases.h"
#include "../common/tokens.h"

#define MIN_QUOTE_WORDS    3 /* fewer is a term in quotes, not speech */
#define MIN_INDIRECT_WORDS 4
#define MAX_QUOTES         200
/*
 * Tokens after a verb where the speaker's name may start: a post can be long
 * ("kata juru bicara Kementerian Unifikasi Korea Selatan Koo Byung-sam"),
 * but the name comes before the clause ends or a pronoun takes its place.
 */
#define SPEAKER_REACH 12
/* Tokens from a name after a quotation to its verb: "Richard Marles told" (and a post before). */
#define NAME_THEN_VERB        5
#define MAX_NAME_TOKENS       4
#define SPEAKER_LOOKBACK      60  /* tokens before a quotation where its speaker is named */
#define SPEAKER_MENTIONS_BACK 8   /* people named before "katanya" among whom its speaker is */
#define MAX_SENTENCE_TOKENS   300 /* longer "sentences" are not prose */

enum cue { CUE_VERB, CUE_TITLE, CUE_VIA };

struct quotes {
	struct wp_phrases cues;
};

struct scan {
	const struct quotes *q;
	const char *text;
	const struct wp_tokens *t;
	const struct wp_person_mention *people; /* by start */
	size_t n_people;
	struct wp_json_list list;
	const char *last_speaker; /* of the last direct quotation with one */
	uint32_t last_quote_end;  /* code point where its sentence ends */
};

static int quotes_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	struct quotes *q = calloc(1, sizeof(*q));
	int r;

	if (!q)
		return -ENOMEM;
	if ((r = wp_phrases_load_kind(&q->cues, ctx, "entity-cues.txt", "verb", CUE_VERB)) < 0 ||
	    (r = wp_phrases_load_kind(&q->cues, ctx, "entity-cues.txt", "title", CUE_TITLE)) < 0 ||
	    (r = wp_phrases_load_kind(&q->cues, ctx, "entity-cues.txt", "via", CUE_VIA)) < 0) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "entity-cues.txt: %s", strerror(-r));
		wp_phrases_fini(&q->cues);
		free(q);
		return r;
	}
	*ret_state = q;
	return 0;
}

static size_t cue_at(const struct scan *s, size_t i, enum cue kind)
{
	int entry;
	size_t n = wp_phrases_match(&s->q->cues, s->t, i, &entry);

	for (; n && entry >= 0; entry = s->q->cues.v[entry].next)
		if (s->q->cues.v[entry].kind == (int)kind)
			return n;
	return 0;
}

/*
 * The people named in the text: the entities stage's memo, or, when
 * entities[] came from elsewhere (an external plugin), read from it.
 * *ret_owned is what the caller frees.
 */
static int load_people(struct scan *s, struct wa_article *a, struct wp_people **ret_owned)
{
	const struct wp_people *memo = wa_article_memo(a, WP_PEOPLE_MEMO);
	char *json;
	cJSON *entities;
	const cJSON *e, *span;

	*ret_owned = NULL;
	if (memo) {
		s->people = memo->v;
		s->n_people = memo->n;
		return 0;
	}
	if (!(json = wa_article_get_json(a, "entities")))
		return 0;
	entities = cJSON_Parse(json);
	free(json);
	struct wp_people *p = calloc(1, sizeof(*p));
	size_t n = 0;

	cJSON_ArrayForEach(e, entities)
	{
		n += (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(e, "offsets"));
	}
	if (!p || !(p->v = calloc(n + 1, sizeof(*p->v)))) {
		free(p);
		cJSON_Delete(entities);
		return -ENOMEM;
	}
	cJSON_ArrayForEach(e, entities)
	{
		const cJSON *type = cJSON_GetObjectItemCaseSensitive(e, "type");
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(e, "name");

		if (!cJSON_IsString(type) || strcmp(type->valuestring, "person") != 0 ||
		    !cJSON_IsString(name))
			continue;
		cJSON_ArrayForEach(span, cJSON_GetObjectItemCaseSensitive(e, "offsets"))
		{
			const cJSON *x = cJSON_GetArrayItem(span, 0),
				    *y = cJSON_GetArrayItem(span, 1);
			char *copy = cJSON_IsNumber(x) && cJSON_IsNumber(y)
					     ? strdup(name->valuestring)
					     : NULL;

			if (copy)
				p->v[p->n++] = (struct wp_person_mention){ (uint32_t)x->valuedouble,
									   (uint32_t)y->valuedouble,
									   copy };
		}
	}
	cJSON_Delete(entities);
	qsort(p->v, p->n, sizeof(*p->v), wp_person_mention_order);
	s->people = p->v;
	s->n_people = p->n;
	*ret_owned = p;
	return 0;
}

/* The person named last before code point `before`, or NULL. */
/* The first person mention starting at or after code point `at`. */
static size_t first_person_from(const struct scan *s, uint32_t at)
{
	size_t lo = 0, hi = s->n_people;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->people[mid].start < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const char *last_person_before(const struct scan *s, uint32_t before, uint32_t after)
{
	for (size_t i = first_person_from(s, before); i-- > 0 && s->people[i].start >= after;)
		if (s->people[i].end <= before)
			return s->people[i].name;
	return NULL;
}

static size_t token_at(const struct scan *s, uint32_t chars);

/*
 * Whether the person mention starting at token m opens its sentence: only
 * capitalised words (a title, a rank, a post: "Menteri Pertahanan",
 * "Kepala Dinas Penerangan Angkatan Laut (Kadispenal) Laksamana Pertama
 * TNI") and brackets before it. The sentence's subject, then.
 */
static bool opens_sentence(const struct scan *s, size_t m)
{
	for (size_t k = m + 1; k-- > 0;) {
		const struct wp_token *t = &s->t->v[k];

		if (k < m && !(t->flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER)) &&
		    !wp_token_punct(s->text, t, '(') && !wp_token_punct(s->text, t, ')'))
			return false;
		if (t->flags & (WP_TOKEN_SENT_START | WP_TOKEN_LINE_START))
			return true;
	}
	return false;
}

/*
 * In the paragraph from token `line` up to code point `before`: the last
 * person named as a sentence's subject or before a reporting verb, or
 * NULL. Only there: further back, a capitalised word opening a sentence
 * is as often a dateline's outlet or a place taken for a name.
 */
static const char *paragraph_speaker(const struct scan *s, size_t line, uint32_t before)
{
	size_t i = first_person_from(s, before);

	for (size_t k = i; k-- > 0 && s->people[k].start >= s->t->v[line].chars;) {
		if (s->people[k].end > before)
			continue;
		size_t j = token_at(s, s->people[k].end);

		while (j < s->t->n && wp_token_punct(s->text, &s->t->v[j], ','))
			j++;
		if ((j < s->t->n && cue_at(s, j, CUE_VERB)) ||
		    opens_sentence(s, token_at(s, s->people[k].start)))
			return s->people[k].name;
	}
	return NULL;
}

/* How many paragraphs open after code point `from`, up to token `to`. */
static size_t paragraphs_between(const struct scan *s, uint32_t from, size_t to)
{
	size_t n = 0;

	for (size_t k = token_at(s, from); k <= to && k < s->t->n; k++)
		n += (s->t->v[k].flags & WP_TOKEN_LINE_START) != 0;
	return n;
}

/*
 * The person "katanya" refers to: the subject of the quotation's own
 * paragraph ("Menteri Pertahanan Sjafrie Sjamsoeddin meminta ... \"...\"
 * ujarnya", even after someone else spoke above); else the speaker of the
 * last quotation, in this paragraph or the one before, when no one was
 * named since; else, among the last few named, the last one the text
 * made speak, named right before a reporting verb ("Khaled Nordin
 * berkata, ..."); else the last one named. In "Khaled Nordin berkata ...
 * bersama rakan sejawatnya, Sjafrie.\n\n\"...\" katanya", Khaled speaks,
 * not Sjafrie.
 */
static const char *last_speaker_before(const struct scan *s, uint32_t before)
{
	const char *subject;
	size_t line, i;

	if (s->t->n == 0)
		return NULL;
	line = token_at(s, before);
	if (line >= s->t->n)
		line = s->t->n - 1;
	while (line > 0 && !(s->t->v[line].flags & WP_TOKEN_LINE_START))
		line--;
	if ((subject = paragraph_speaker(s, line, before)))
		return subject;
	/* The last quotation's speaker goes on, if no one was named since. */
	i = first_person_from(s, before);
	if (s->last_speaker && first_person_from(s, s->last_quote_end) == i &&
	    paragraphs_between(s, s->last_quote_end, line) <= 1)
		return s->last_speaker;
	for (size_t k = i; k-- > 0 && i - k <= SPEAKER_MENTIONS_BACK;) {
		if (s->people[k].end > before)
			continue;
		size_t j = token_at(s, s->people[k].end), start = token_at(s, s->people[k].start);

		while (j < s->t->n && wp_token_punct(s->text, &s->t->v[j], ','))
			j++;
		/* "Khaled Nordin berkata", or the verb first: "Menurut Utut, ...". */
		if ((j < s->t->n && cue_at(s, j, CUE_VERB)) ||
		    (start > 0 && cue_at(s, start - 1, CUE_VERB) == 1))
			return s->people[k].name;
	}
	return last_person_before(s, before, 0);
}

/* The person whose mention starts in code points [from, to), or NULL. */
static const char *person_in(const struct scan *s, uint32_t from, uint32_t to)
{
	size_t i = first_person_from(s, from);

	return i < s->n_people && s->people[i].start < to ? s->people[i].name : NULL;
}

/* A quote mark at token i: `"`, or `''` written as two apostrophes. Its width in tokens. */
static size_t quote_mark(const struct scan *s, size_t i)
{
	if (i >= s->t->n)
		return 0;
	if (wp_token_punct(s->text, &s->t->v[i], '"'))
		return 1;
	if (i + 1 < s->t->n && wp_token_punct(s->text, &s->t->v[i], '\'') &&
	    wp_token_punct(s->text, &s->t->v[i + 1], '\'') &&
	    s->t->v[i].end == s->t->v[i + 1].start)
		return 2;
	return 0;
}

static bool elided(const struct scan *s, size_t verb_end)
{
	const struct wp_token *t = &s->t->v[verb_end - 1];

	return t->fold_len > 3 &&
	       strcmp(wp_token_folded(s->t, verb_end - 1) + t->fold_len - 3, "nya") == 0;
}

/* Pronouns that stand where a speaker's name would; the first three for one person. */
static const char *const pronouns[] = { "dia", "ia", "beliau", "mereka", "kami", "saya" };
enum { THIRD_PERSON_PRONOUNS = 3 };

/* The index in pronouns[] of token k, or -1. */
static int pronoun(const struct scan *s, size_t k)
{
	for (size_t i = 0; i < sizeof(pronouns) / sizeof(*pronouns); i++)
		if (strcmp(wp_token_folded(s->t, k), pronouns[i]) == 0)
			return (int)i;
	return -1;
}

static bool third_person(const struct scan *s, size_t k)
{
	int p = pronoun(s, k);

	return p >= 0 && p < THIRD_PERSON_PRONOUNS;
}

/* Where a speaker can no longer be named after a verb: punctuation ending a clause, a pronoun. */
static bool clause_ends(const struct scan *s, size_t k)
{
	const struct wp_token *t = &s->t->v[k];

	if (t->flags & WP_TOKEN_PUNCT)
		return strchr(",.;:!?\"", s->text[t->start]) != NULL;
	return pronoun(s, k) >= 0;
}

/*
 * Tokens [k, end) describe someone the text named already: a word in
 * lower case (a post, a trade) and, closing the description, "tersebut"
 * or "itu".
 */
static bool refers_back(const struct scan *s, size_t k, size_t end)
{
	if (k >= end || (s->t->v[k].flags & (WP_TOKEN_CAPITAL | WP_TOKEN_PUNCT)))
		return false;
	for (size_t j = k + 1; j < end; j++)
		if (strcmp(wp_token_folded(s->t, j), "tersebut") == 0 ||
		    strcmp(wp_token_folded(s->t, j), "itu") == 0)
			return true;
	return false;
}

/* The speaker named after a closing mark ending at token j: `," kata Shoigu`. */
static const char *speaker_after(const struct scan *s, size_t j, uint32_t quote_start,
				 bool *ret_found)
{
	size_t v;

	*ret_found = false;
	while (j < s->t->n && wp_token_punct(s->text, &s->t->v[j], ','))
		j++;
	if (j >= s->t->n || (s->t->v[j].flags & WP_TOKEN_LINE_START))
		return NULL;
	/*
	 * English order: `," Marles told reporters`, `," Tunggul stated.`,
	 * `," Defence Minister Sjafrie Sjamsoeddin said`: a person named
	 * between the quotation and a verb of the same clause.
	 */
	for (size_t k = j + 1; k < s->t->n && k < j + NAME_THEN_VERB + 3 && !clause_ends(s, k);
	     k++) {
		if (!cue_at(s, k, CUE_VERB))
			continue;
		const char *named = person_in(s, s->t->v[j].chars, s->t->v[k].chars);

		if (named) {
			*ret_found = true;
			return named;
		}
		break;
	}
	if (!(v = cue_at(s, j, CUE_VERB)))
		return NULL;
	*ret_found = true;
	/* "tegasnya", "kata dia", "ujar beliau": the person named last. */
	if (elided(s, j + v) || (j + v < s->t->n && third_person(s, j + v)))
		return last_speaker_before(s, quote_start);
	size_t k = j + v, end = k;

	if (k >= s->t->n)
		return NULL;
	while (end < s->t->n && end - k < SPEAKER_REACH && !clause_ends(s, end))
		end++;
	const char *named = person_in(s, s->t->v[k].chars,
				      end > k ? wp_token_end_chars(s->text, &s->t->v[end - 1]) : 0);

	/* "kata politikus PDI Perjuangan tersebut", "ujar jenderal itu": someone named before. */
	if (!named && refers_back(s, k, end))
		return last_speaker_before(s, quote_start);
	return named;
}

/*
 * The speaker introducing a quotation that opens at token i: `Shoigu
 * mengatakan, "` or `Shoigu: "`. *ret_found: the paragraph introduces it,
 * even when its speaker is no person ("Kementerian Pertahanan Rusia
 * menyatakan ... \"").
 */
static const char *speaker_before(const struct scan *s, size_t i, bool *ret_found)
{
	size_t line = i;

	*ret_found = false;
	/* Within the paragraph, and not further back than a speaker is ever introduced. */
	while (line > 0 && i - line < SPEAKER_LOOKBACK &&
	       !(s->t->v[line].flags & WP_TOKEN_LINE_START))
		line--;
	if (i == line)
		return NULL;
	size_t p = i - 1;

	if (wp_token_punct(s->text, &s->t->v[p], ':')) {
		*ret_found = true;
		return last_person_before(s, s->t->v[p].chars + 1, s->t->v[line].chars);
	}
	/* A reporting verb between the last person named in the paragraph and the mark. */
	for (size_t k = line; k < i; k++) {
		if (cue_at(s, k, CUE_VERB)) {
			*ret_found = true;
			return last_person_before(s, s->t->v[i].chars, s->t->v[line].chars);
		}
	}
	return NULL;
}

/*
 * The lower-case words that name a kind of outlet between the cue and the
 * outlet's name: "dikutip kantor berita BelTA", "dilansir surat kabar The
 * Guardian", "mengutip stasiun televisi CNN".
 */
static size_t medium_words(const struct scan *s, size_t i)
{
	static const char *const words[] = {
		"kantor", "berita", "media",   "surat",    "kabar", "harian",   "koran", "majalah",
		"situs",  "laman",  "stasiun", "televisi", "radio", "jaringan", "portal"
	};
	size_t n = 0;

	for (; i + n < s->t->n && n < 3 && (s->t->v[i + n].flags & WP_TOKEN_WORD) &&
	       !(s->t->v[i + n].flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER));
	     n++) {
		const char *w = wp_token_folded(s->t, i + n);
		bool known = false;

		for (size_t k = 0; k < sizeof(words) / sizeof(*words) && !known; k++)
			known = strcmp(w, words[k]) == 0;
		if (!known)
			break;
	}
	return n;
}

/* The outlet a sentence around tokens [from, to) cites: "dilansir Reuters". */
static char *via_in(const struct scan *s, size_t from, size_t to)
{
	for (size_t k = from; k < to && k < s->t->n; k++) {
		size_t v = cue_at(s, k, CUE_VIA), n = 0;

		if (!v)
			continue;
		v += medium_words(s, k + v);
		while (k + v + n < s->t->n && n < MAX_NAME_TOKENS &&
		       (s->t->v[k + v + n].flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER)) &&
		       !(s->t->v[k + v + n].flags & WP_TOKEN_PUNCT))
			n++;
		if (n)
			return strndup(s->text + s->t->v[k + v].start,
				       s->t->v[k + v + n - 1].end - s->t->v[k + v].start);
	}
	return NULL;
}

static int add_quote(struct scan *s, const char *text, size_t len, const char *speaker,
		     const char *kind, uint32_t offset, const char *via)
{
	wp_json_object_begin(&s->list);
	wp_json_string(&s->list, "text", text, len);
	wp_json_string(&s->list, "speaker", speaker, speaker ? strlen(speaker) : 0);
	wp_json_string(&s->list, "kind", kind, strlen(kind));
	wp_json_uint(&s->list, "offset", offset);
	if (via)
		wp_json_string(&s->list, "via", via, strlen(via));
	wp_json_object_end(&s->list);
	return s->list.out.error;
}

static size_t words_between(const struct scan *s, size_t from, size_t to)
{
	size_t n = 0;

	for (size_t k = from; k < to; k++)
		n += (s->t->v[k].flags & (WP_TOKEN_WORD | WP_TOKEN_NUMBER)) != 0;
	return n;
}

/* The first token of the sentence holding token i, within its paragraph. */
static size_t sentence_start(const struct scan *s, size_t i)
{
	while (i > 0 && !(s->t->v[i].flags & (WP_TOKEN_SENT_START | WP_TOKEN_LINE_START)))
		i--;
	return i;
}

/* The end of the sentence holding token i: the first token of the next one. */
static size_t sentence_end(const struct scan *s, size_t i)
{
	/* Bounded: a text with no sentence ends would make every lookup read all of it. */
	size_t stop = i + MAX_SENTENCE_TOKENS < s->t->n ? i + MAX_SENTENCE_TOKENS : s->t->n;

	if (i >= s->t->n)
		return s->t->n; /* past the last token (a name ending the text): no sentence */
	for (i++; i < stop; i++)
		if (s->t->v[i].flags & (WP_TOKEN_SENT_START | WP_TOKEN_LINE_START))
			break;
	return i;
}

static int find_direct(struct scan *s, bool *quoted)
{
	for (size_t i = 0; i < s->t->n && s->list.n < MAX_QUOTES;) {
		size_t w = quote_mark(s, i), k, cw = 0;

		if (!w) {
			i++;
			continue;
		}
		for (k = i + w; k < s->t->n && !(s->t->v[k].flags & WP_TOKEN_LINE_START); k++)
			if ((cw = quote_mark(s, k)))
				break;
		if (!cw || k >= s->t->n || (s->t->v[k].flags & WP_TOKEN_LINE_START)) {
			i += w;
			continue;
		}
		for (size_t m = i; m < k + cw; m++)
			quoted[m] = true;
		if (words_between(s, i + w, k) >= MIN_QUOTE_WORDS) {
			uint32_t start = s->t->v[i + w].start, end = s->t->v[k].start;
			bool found;

			while (end > start && strchr(" ,", s->text[end - 1]))
				end--;
			const char *speaker = speaker_after(s, k + cw, s->t->v[i].chars, &found);

			if (!found)
				speaker = speaker_before(s, i, &found);
			/* A bare quotation goes on with the last speaker. */
			if (!found)
				speaker = last_person_before(s, s->t->v[i].chars, 0);
			size_t after = k + cw;

			if (after < s->t->n &&
			    !(s->t->v[after].flags & (WP_TOKEN_LINE_START | WP_TOKEN_SENT_START)))
				after = sentence_end(s, after);
			char *via = via_in(s, sentence_start(s, i), after);
			int r = add_quote(s, s->text + start, end - start, speaker, "direct",
					  s->t->v[i + w].chars, via);

			free(via);
			if (r < 0)
				return r;
			if (speaker) {
				s->last_speaker = speaker;
				s->last_quote_end =
					after < s->t->n ? s->t->v[after].chars : UINT32_MAX;
			}
		}
		i = k + cw;
	}
	return 0;
}

/* The token where code point `chars` starts, or n. */
static size_t token_at(const struct scan *s, uint32_t chars)
{
	size_t lo = 0, hi = s->t->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->t->v[mid].chars < chars)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool me_verb(const struct scan *s, size_t j, size_t n)
{
	const char *w = wp_token_folded(s->t, j);

	/* "Tolchenov, menurut Frega, ...": "menurut" names the source, not what Tolchenov did. */
	return n == 1 && ((strncmp(w, "me", 2) == 0 && strcmp(w, "menurut") != 0) ||
			  strcmp(w, "berkata") == 0);
}

/* "Menurut Menhan Sjafrie": "menurut" before the name, its post between them. */
static bool after_menurut(const struct scan *s, size_t first)
{
	for (size_t k = first, hops = 0; k > 0 && hops < 4; k--, hops++) {
		if (strcmp(wp_token_folded(s->t, k - 1), "menurut") == 0)
			return true;
		if (!(s->t->v[k - 1].flags & (WP_TOKEN_CAPITAL | WP_TOKEN_UPPER)))
			return false;
	}
	return false;
}

/*
 * Words between a subject and its reporting verb that leave the verb the
 * subject's: "Mohamed Khaled Nordin, sebelum ini berkata ...", "Agus juga
 * mengatakan ...".
 */
static size_t adverbs_at(const struct scan *s, size_t j)
{
	static const char *const adverbs[] = { "juga",   "sebelumnya", "kemudian", "lalu",
					       "pun",    "kembali",    "sempat",   "telah",
					       "pernah", "turut" };
	size_t k = j;

	while (k < s->t->n) {
		const char *w = wp_token_folded(s->t, k);
		bool adverb = wp_token_punct(s->text, &s->t->v[k], ',');

		/* No adverb opens otherwise: most words stop here at once. */
		if (!adverb && (!w[0] || !strchr("jklpst", w[0])))
			break;
		if (!adverb && strcmp(w, "sebelum") == 0 && k + 1 < s->t->n &&
		    strcmp(wp_token_folded(s->t, k + 1), "ini") == 0) {
			k += 2; /* "sebelum ini" */
			continue;
		}
		for (size_t a = 0; !adverb && a < sizeof(adverbs) / sizeof(*adverbs); a++)
			adverb = strcmp(w, adverbs[a]) == 0;
		if (!adverb)
			break;
		k++;
	}
	return k - j;
}

/*
 * What the speaker said from token j (after "mengatakan", "Menurut X,"):
 * the rest of the sentence, unless it is too short or quotes someone.
 * subject is the token the attribution starts at, where a cited outlet is
 * looked for.
 */
static int add_indirect(struct scan *s, const bool *quoted, size_t j, size_t subject,
			const char *speaker)
{
	while (j < s->t->n && (wp_token_punct(s->text, &s->t->v[j], ',') ||
			       strcmp(wp_token_folded(s->t, j), "bahwa") == 0))
		j++;
	size_t end = sentence_end(s, j), last = end;
	bool has_quote = false;

	for (size_t k = j; k < end; k++)
		has_quote |= quoted[k] || quote_mark(s, k);
	if (j >= end || has_quote || words_between(s, j, end) < MIN_INDIRECT_WORDS)
		return 0;
	/* The attribution is not part of what was said. */
	for (size_t k = j; k < end; k++)
		if (cue_at(s, k, CUE_VIA)) {
			last = k;
			break;
		}
	while (last > j && (s->t->v[last - 1].flags & WP_TOKEN_PUNCT))
		last--;
	if (last == j)
		return 0;
	char *via = via_in(s, subject, end);
	int r = add_quote(s, s->text + s->t->v[j].start, s->t->v[last - 1].end - s->t->v[j].start,
			  speaker, "indirect", s->t->v[j].chars, via);

	free(via);
	return r;
}

/* The reporting verb at token j (a me- verb or "berkata"): its tokens, 0 if none. */
static size_t reporting_verb(const struct scan *s, size_t j)
{
	size_t v;

	return j < s->t->n && (v = cue_at(s, j, CUE_VERB)) && me_verb(s, j, v) ? v : 0;
}

/*
 * Sjafrie menegaskan bahwa ..., Menurut Sjafrie, ...: the rest of the
 * sentence, credited to Sjafrie. "Ia mengatakan, ..." (Indonesian) and
 * "Beliau berkata, ..." (Malay) credit the person named last before.
 */
static int find_indirect(struct scan *s, const bool *quoted)
{
	int r;

	for (size_t p = 0; p < s->n_people && s->list.n < MAX_QUOTES; p++) {
		size_t j = token_at(s, s->people[p].end), v;

		if (after_menurut(s, token_at(s, s->people[p].start)) && j < s->t->n &&
		    wp_token_punct(s->text, &s->t->v[j], ',')) {
			j++; /* Menurut Sjafrie, ... */
		} else {
			j += adverbs_at(s, j);
			if (!(v = reporting_verb(s, j)))
				continue;
			j += v;
		}
		if ((r = add_indirect(s, quoted, j, token_at(s, s->people[p].start),
				      s->people[p].name)) < 0)
			return r;
	}
	for (size_t i = 0; i + 1 < s->t->n && s->list.n < MAX_QUOTES; i++) {
		const char *speaker;
		size_t j, v;

		if (!(s->t->v[i].flags & (WP_TOKEN_SENT_START | WP_TOKEN_LINE_START)) ||
		    !third_person(s, i))
			continue;
		j = i + 1 + adverbs_at(s, i + 1);
		if (!(v = reporting_verb(s, j)) ||
		    !(speaker = last_person_before(s, s->t->v[i].chars, 0)))
			continue;
		if ((r = add_indirect(s, quoted, j + v, i, speaker)) < 0)
			return r;
	}
	return 0;
}

static int quotes_process(void *state, struct wa_article *a)
{
	int r;
	const struct wp_tokens *tokens = wp_article_tokens(a, &r);
	struct scan s = { .q = state, .text = wa_article_text(a), .t = tokens };
	struct wp_people *owned = NULL;
	bool *quoted = NULL;

	if (!tokens)
		return r;
	r = load_people(&s, a, &owned);
	if (r == 0 && !(quoted = calloc(tokens->n + 1, sizeof(*quoted))))
		r = -ENOMEM;
	if (r == 0)
		r = find_direct(&s, quoted);
	if (r == 0)
		r = find_indirect(&s, quoted);
	if (r == 0)
		r = wp_json_list_set(a, "quotes", &s.list);
	wp_json_list_fini(&s.list);
	wp_people_free(owned);
	free(quoted);
	return r < 0 ? r : WA_PLUGIN_OK;
}

static void quotes_fini(void *state)
{
	struct quotes *q = state;

	wp_phrases_fini(&q->cues);
	free(q);
}

WA_PLUGIN_DEFINE(quotes) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "quotes",
	.summary = "Direct and indirect quotations with their speaker and cited outlet",
	.kind = WA_PLUGIN_ANALYZE,
	.init = quotes_init,
	.process = quotes_process,
	.fini = quotes_fini,
};
