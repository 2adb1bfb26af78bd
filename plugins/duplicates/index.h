/* SPDX-License-Identifier: MIT */
/*
 * The near-duplicate index: every article's SimHash with its id, and the
 * question "which earlier ones are within distance d?" answered without
 * reading them all. Multi-index hashing (Manku, Jain and Das Sarma, 2007):
 * for distances up to k the 64 bits are cut into k + 1 blocks and each
 * entry is filed under each block's value; two hashes within distance k
 * agree exactly on at least one block (pigeonhole), so a lookup reads
 * k + 1 buckets of about n / 2^(64/(k+1)) entries: for k = 6 at a million
 * articles, seven buckets of about 1,000 to 2,000: some 10,000 XOR-and-popcounts
 * over 120 KB read in order. Memory: 24 bytes per article and 12 more per
 * block (about 110 MB for a million articles at k = 6).
 *
 * The entries are also appended to a file in the state directory (24
 * bytes each: the hash, then the 16-byte id) and read back at start. A
 * crash can lose the last few appends; the cost is a copy not reported
 * as one, never a wrong report.
 *
 * Only the most recent `window` articles are kept, so memory and the file
 * stay bounded on a daemon that runs for years: once a quarter more have
 * come in, the oldest go, and the file is rewritten (to a temporary name,
 * synced, renamed over the old one).
 */
#ifndef DUPLICATES_INDEX_H
#define DUPLICATES_INDEX_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define INDEX_MAX_DISTANCE 7
#define INDEX_MAX_MATCHES  10
#define INDEX_ID_BYTES     16

struct index_entry {
	uint64_t hash;
	uint8_t id[INDEX_ID_BYTES];
};

/* The hashes are kept in the buckets too, so a lookup reads memory in order. */
struct index_bucket {
	uint64_t *hash;
	uint32_t *entry;
	uint32_t n, cap;
};

struct index {
	struct index_entry *entries;
	size_t n, cap;
	int max_distance;
	int blocks; /* max_distance + 1 */
	struct index_bucket *buckets[INDEX_MAX_DISTANCE + 1];
	size_t window; /* the most recent articles kept; 0: all */
	char *path;    /* the file, when appended to */
	int fd;        /* the file appended to, or -1 */
	pthread_mutex_t lock;
};

struct index_match {
	uint8_t id[INDEX_ID_BYTES];
	int distance;
};

/*
 * Opens the index kept in `path` (created if missing; NULL: in memory
 * only) for lookups up to max_distance (0 to INDEX_MAX_DISTANCE) among
 * the last `window` articles (0: all). With `append` false the file is
 * read but never written (dry runs). Returns 0 or -errno.
 */
int index_open(struct index *x, const char *path, int max_distance, size_t window, bool append);
void index_close(struct index *x);

/*
 * The entries within max_distance of hash (closest first, at most
 * INDEX_MAX_MATCHES), then adds (hash, id) unless that id is already
 * there: an article processed again after a crash is not its own
 * duplicate. Returns the number of matches or -errno.
 */
int index_check_and_add(struct index *x, uint64_t hash, const uint8_t id[INDEX_ID_BYTES],
			struct index_match matches[INDEX_MAX_MATCHES]);

#endif
