/* SPDX-License-Identifier: MIT */
#include "fingerprint.h"

#include <xxhash.h>

#define SHINGLE 2

/* splitmix64: the constants of the hash functions, and the final bit mix. */
static uint64_t splitmix(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* h_i(x) = a_i x + b_i (mod 2^64), a_i odd: one multiply-add per function and feature. */
void fingerprint_functions_init(struct fingerprint_functions *f)
{
	uint64_t state = UINT64_C(0x5741525441); /* "WARTA": the same functions in every run */

	for (int i = 0; i < FINGERPRINT_HASHES; i++) {
		f->mul[i] = splitmix(&state) | 1;
		f->add[i] = splitmix(&state);
	}
}

uint64_t fingerprint_of(const struct fingerprint_functions *f, const struct wp_tokens *tokens,
			size_t *ret_features)
{
	uint64_t minimum[FINGERPRINT_HASHES], window[SHINGLE];
	size_t n_words = 0, features = 0;

	for (int i = 0; i < FINGERPRINT_HASHES; i++)
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

		for (int i = 0; i < FINGERPRINT_HASHES; i++) {
			uint64_t v = h * f->mul[i] + f->add[i];

			if (v < minimum[i])
				minimum[i] = v;
		}
		features++;
	}
	uint64_t print = 0;

	for (int i = 0; i < FINGERPRINT_HASHES; i++) {
		uint64_t m = minimum[i];

		if (splitmix(&m) >> 63)
			print |= UINT64_C(1) << i;
	}
	*ret_features = features;
	return print;
}
