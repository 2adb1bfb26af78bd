/* SPDX-License-Identifier: MIT */
/*
 * A 64-bit near-duplicate fingerprint of a text, compared by Hamming
 * distance: one-bit minwise hashing (Li and König, 2010). The features
 * are the text's two-word shingles; each of 64 hash functions keeps the
 * smallest value any feature gets, and bit i is one bit of the i-th
 * minimum. Two texts agree on bit i with probability (1 + J) / 2, J being
 * the Jaccard similarity of their shingle sets, so the expected distance
 * is 32 (1 - J): a copy with another headline and a few words changed
 * (J about 0.9) lands 1-5 bits away, unrelated articles about 30.
 *
 * Why not SimHash (Charikar), which the record field is named after: its
 * distance follows the angle between feature vectors, and two changed
 * words in a 100-word article already move it 8 bits, as far as two
 * different stories on one topic. The fingerprint has SimHash's shape
 * (64 bits, Hamming distance, the same index), with MinHash's accuracy.
 */
#ifndef DUPLICATES_FINGERPRINT_H
#define DUPLICATES_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

#include "../common/tokens.h"

#define FINGERPRINT_HASHES 64

struct fingerprint_functions {
	uint64_t mul[FINGERPRINT_HASHES], add[FINGERPRINT_HASHES];
};

/* The hash functions: fixed, so fingerprints stay comparable across runs and versions. */
void fingerprint_functions_init(struct fingerprint_functions *f);

/* The fingerprint of the words of `tokens`; *ret_features: how many shingles it saw. */
uint64_t fingerprint_of(const struct fingerprint_functions *f, const struct wp_tokens *tokens,
			size_t *ret_features);

static inline int fingerprint_distance(uint64_t a, uint64_t b)
{
	return __builtin_popcountll(a ^ b);
}

#endif
