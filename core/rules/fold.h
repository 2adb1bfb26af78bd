/* SPDX-License-Identifier: MIT */
/*
 * Text folded for matching: what "case-insensitive, whole words,
 * Unicode-aware" means for every keyword in warta.
 *
 * Folding applies Unicode case folding to each code point (so "ÉTAT" and
 * "état", "Straße" and "STRASSE" meet) and turns every run of white space
 * into one ASCII space (so "latihan\n  gabungan" matches "latihan
 * gabungan"). Keywords and article text go through the same function, so
 * byte comparison of folded strings is the matching rule. Composition is
 * not changed here: NFC is the normalize stage's job.
 */
#ifndef WA_FOLD_H
#define WA_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/* A growable output buffer, reused across calls to avoid an allocation per article. */
struct wa_fold_buf {
	char *data;
	size_t len;
	size_t cap;
};

/*
 * Folds len bytes of UTF-8 into buf (replacing its content, NUL-terminated).
 * Invalid sequences are copied byte by byte. Leading and trailing white
 * space is dropped. Returns 0 or -ENOMEM.
 */
int wa_fold(const char *text, size_t len, struct wa_fold_buf *buf);
void wa_fold_buf_fini(struct wa_fold_buf *buf);

/*
 * False if matching the raw text gives the same result as matching its
 * folding, given a matcher that ignores ASCII case and treats runs of ASCII
 * white space as one space (as wa_keywords does): true only when some
 * non-ASCII code point is white space or changes under case folding. Most
 * articles are ASCII plus punctuation, and skip the fold.
 */
bool wa_fold_is_needed(const char *text, size_t len);

/* True if the code point starting at text[pos] is part of a word (letter, mark, digit). */
bool wa_fold_is_word_at(const char *text, size_t len, size_t pos);
/* True if the code point ending just before text[pos] is part of a word. */
bool wa_fold_is_word_before(const char *text, size_t pos);

/*
 * True if the folded needle occurs in the folded haystack at pos as a
 * whole word: no word character on either side, where the needle's own
 * edge is a word character (as PCRE's \b).
 */
bool wa_fold_is_whole_word(const char *haystack, size_t haystack_len, size_t pos,
			   size_t needle_len);

#endif
