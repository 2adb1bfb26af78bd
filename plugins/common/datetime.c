/* SPDX-License-Identifier: MIT */
#include "datetime.h"

#include <ctype.h>
#include <string.h>

/* The shape some outlets' meta tags and scrapers give: date, then a time after a space. */
void wp_iso_datetime(char *s)
{
	static const char shape[] = "dddd-dd-dd dd:dd";
	size_t n = s ? strlen(s) : 0;

	if (n != 10 && n != 16 && n != 19)
		return;
	for (size_t i = 0; i < n && i < sizeof(shape) - 1; i++) {
		char want = shape[i];

		if (want == 'd'   ? !isdigit((unsigned char)s[i])
		    : want == '-' ? s[i] != '-' && s[i] != '/'
		    : want == ' ' ? s[i] != ' ' && s[i] != 'T'
				  : s[i] != want)
			return;
	}
	if (n == 19 &&
	    (s[16] != ':' || !isdigit((unsigned char)s[17]) || !isdigit((unsigned char)s[18])))
		return;
	s[4] = s[7] = '-';
	if (n > 10)
		s[10] = 'T';
}
