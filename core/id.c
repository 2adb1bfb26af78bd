/* SPDX-License-Identifier: MIT */
#include "id.h"

#include <stdint.h>
#include <xxhash.h>

#include "banned.h"

void wa_id_of(const void *data, size_t len, char ret_id[WA_ID_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	XXH128_canonical_t canon;
	XXH128_hash_t h = XXH3_128bits(data, len);

	/* The canonical (big-endian) form, so ids match `xxhsum -H2` output. */
	XXH128_canonicalFromHash(&canon, h);
	for (size_t i = 0; i < sizeof(canon.digest); i++) {
		ret_id[2 * i] = hex[canon.digest[i] >> 4];
		ret_id[2 * i + 1] = hex[canon.digest[i] & 0xf];
	}
	ret_id[WA_ARTICLE_ID_LEN] = '\0';
}

bool wa_id_is_valid(const char *s, size_t len)
{
	if (len != WA_ARTICLE_ID_LEN)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	}
	return true;
}
