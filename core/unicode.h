/* SPDX-License-Identifier: MIT */
/*
 * What counts as part of a word, beyond ASCII: letters, marks and numbers
 * of every script (utf8proc's categories). The rules' whole-word matching
 * and the store's tokenizer agree on it.
 */
#ifndef WA_UNICODE_H
#define WA_UNICODE_H

#include <stdbool.h>
#include <utf8proc.h>

static inline bool wa_unicode_is_word(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

#endif
