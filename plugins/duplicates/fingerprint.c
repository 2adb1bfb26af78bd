/* SPDX-License-Identifier: MIT */
#include "fingerprint.h"

#include <xxhash.h>

#define SHINGLE  2
#define BIN_BITS 6 /* 2^6 = FINGERPRINT_BITS bins */

_Static_assert(1 << BIN_BITS == FINGERPRINT_BITS, "one bin per bit");

/* splitmix64's finaliser: a bin's minimum to one well-mixed bit. */
static uint64_t mix(uint64_t z)
{
	z += UINT64_C(0x9e3779b97f4a7c15);
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/*
 * An empty bin borrows the minimum of the next non-empty bin to its right
 * (circularly), offset by the distance, so that two texts whose shingles
 * leave the same bins empty still agree where they agree (densification by
 * rotation, Shrivastava and Li, 2014). Only short texts leave bins empty.
 */
static void fill_empty_bins(uint64_t minimum[FINGERPRINT_BITS])
{
	uint64_t filled[FINGERPRINT_BITS];

	for (int i = 0; i < FINGERPRINT_BITS; i++) {
		filled[i] = minimum[i];
		for (int k = 1; filled[i] == UINT64_MAX && k < FINGERPRINT_BITS; k++) {
			uint64_t donor = minimum[(i + k) % FINGERPRINT_BITS];

			if (donor != UINT64_MAX)
				filled[i] = donor + (uint64_t)k * UINT64_C(0x2545f4914f6cdd1d);
		}
	}
	for (int i = 0; i < FINGERPRINT_BITS; i++)
		minimum[i] = filled[i];
}

uint64_t fingerprint_of(const struct wp_tokens *tokens, size_t *ret_features)
{
	uint64_t minimum[FINGERPRINT_BITS], window[SHINGLE], print = 0;
	size_t n_words = 0, features = 0;

	for (int i = 0; i < FINGERPRINT_BITS; i++)
		minimum[i] = UINT64_MAX;
	for (size_t t = 0; t < tokens->n; t++) {
		if (!(tokens->v[t].flags & (WP_TOKEN_WORD | WP_TOKEN_NUMBER)))
			continue;
		window[n_words++ % SHINGLE] =
			XXH3_64bits(wp_token_folded(tokens, t), tokens->v[t].fold_len);
		if (n_words < SHINGLE)
			continue;
		uint64_t shingle[SHINGLE];

		for (size_t k = 0; k < SHINGLE; k++)
			shingle[k] = window[(n_words - SHINGLE + k) % SHINGLE];
		uint64_t h = XXH3_64bits(shingle, sizeof(shingle));
		/* The top bits choose the bin, the rest compete for its minimum. */
		unsigned bin = (unsigned)(h >> (64 - BIN_BITS));
		uint64_t value = h & (UINT64_MAX >> BIN_BITS);

		if (value < minimum[bin])
			minimum[bin] = value;
		features++;
	}
	*ret_features = features;
	if (features == 0)
		return 0;
	fill_empty_bins(minimum);
	for (int i = 0; i < FINGERPRINT_BITS; i++)
		if (mix(minimum[i]) >> 63)
			print |= UINT64_C(1) << i;
	return print;
}
