/* SPDX-License-Identifier: MIT */
/*
 * A 64-bit near-duplicate fingerprint of a text, compared by Hamming
 * distance: one-bit minwise hashing (Li and König, 2010) over one
 * permutation (Li, Owen and Zhang, 2012). The features are the text's
 * two-word shingles; each is hashed once, the hash's top six bits choose
 * one of 64 bins and the rest compete for the bin's smallest value; bit i
 * is one bit of bin i's minimum. Two texts agree on bit i with probability
 * (1 + J) / 2, J being the Jaccard similarity of their shingle sets, as
 * with 64 separate hash functions, at one hash per shingle instead of 64.
 * So the expected distance is 32 (1 - J): a copy with another headline
 * and a few words changed (J about 0.9) lands 1-5 bits away, unrelated
 * articles about 30.
 *
 * Why not SimHash (Charikar), which the record field is named after: its
 * distance follows the angle between feature vectors, and two changed
 * words in a 100-word article already move it 8 bits, as far as two
 * different stories on one topic. The fingerprint has SimHash's shape
 * (64 bits, Hamming distance, the same index), with MinHash's accuracy.
 *
 * The hashing is fixed: fingerprints are comparable across runs, and only
 * with fingerprints of the same FINGERPRINT_VERSION.
 */
#ifndef DUPLICATES_FINGERPRINT_H
#define DUPLICATES_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

#include "../common/tokens.h"

#define FINGERPRINT_BITS 64
/* Goes up when the hashing changes: the index keeps fingerprints of one version only. */
#define FINGERPRINT_VERSION 2

/* The fingerprint of the words of `tokens`; *ret_features: how many shingles it saw. */
uint64_t fingerprint_of(const struct wp_tokens *tokens, size_t *ret_features);

static inline int fingerprint_distance(uint64_t a, uint64_t b)
{
	return __builtin_popcountll(a ^ b);
}

#endif
