/* SPDX-License-Identifier: MIT */
/*
 * Functions we do not use, made compile errors (after git's banned.h):
 * unbounded copies, static-buffer time conversion and tokenisation.
 */
#ifndef WA_BANNED_H
#define WA_BANNED_H

#define WA_BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) WA_BANNED(strcpy)
#undef strcat
#define strcat(x, y) WA_BANNED(strcat)
#undef sprintf
#define sprintf(...) WA_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) WA_BANNED(vsprintf)
#undef strtok
#define strtok(x, y) WA_BANNED(strtok)
#undef localtime
#define localtime(t) WA_BANNED(localtime)
#undef gmtime
#define gmtime(t) WA_BANNED(gmtime)

#endif
