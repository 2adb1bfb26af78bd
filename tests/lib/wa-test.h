/* SPDX-License-Identifier: MIT */
/*
 * A tiny test harness with TAP output, in the style of libuv's typed
 * asserts. A test file defines test functions with WA_TEST(name) and lists
 * them in WA_TEST_MAIN(...). Each test gets a fresh mkdtemp directory
 * (wa_test_dir) that is removed afterwards. A failed assertion ends that
 * test ("not ok") and the others still run; exit status 1 if any failed,
 * 77 (skip) if every test skipped.
 */
#ifndef WA_TEST_H
#define WA_TEST_H

#include <errno.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct wa_test {
	const char *name;
	void (*fn)(void);
};

static jmp_buf wa_test_jump;
static char wa_test_dir[256];
static bool wa_test_skipped;

#define WA_TEST(name) static void test_##name(void)
#define WA_TEST_ENTRY(name)        \
	{                          \
#name, test_##name \
	}

#define WA_TEST_FAIL(...)                                \
	do {                                             \
		printf("# %s:%d: ", __FILE__, __LINE__); \
		printf(__VA_ARGS__);                     \
		printf("\n");                            \
		longjmp(wa_test_jump, 1);                \
	} while (0)

#define WA_TEST_SKIP(why)                       \
	do {                                    \
		printf("# skipped: %s\n", why); \
		wa_test_skipped = true;         \
		longjmp(wa_test_jump, 2);       \
	} while (0)

#define ASSERT_TRUE(x)                                         \
	do {                                                   \
		if (!(x))                                      \
			WA_TEST_FAIL("expected true: %s", #x); \
	} while (0)
#define ASSERT_FALSE(x) ASSERT_TRUE(!(x))
#define ASSERT_EQ(a, b)                                                               \
	do {                                                                          \
		long long wa_a_ = (long long)(a), wa_b_ = (long long)(b);             \
		if (wa_a_ != wa_b_)                                                   \
			WA_TEST_FAIL("%s == %s: %lld != %lld", #a, #b, wa_a_, wa_b_); \
	} while (0)
#define ASSERT_NE(a, b)                                                     \
	do {                                                                \
		long long wa_a_ = (long long)(a), wa_b_ = (long long)(b);   \
		if (wa_a_ == wa_b_)                                         \
			WA_TEST_FAIL("%s != %s: both %lld", #a, #b, wa_a_); \
	} while (0)
#define ASSERT_OK(x) ASSERT_EQ((x), 0)
#define ASSERT_STR_EQ(a, b)                                                                      \
	do {                                                                                     \
		const char *wa_a_ = (a), *wa_b_ = (b);                                           \
		if (!wa_a_ || !wa_b_ || strcmp(wa_a_, wa_b_) != 0)                               \
			WA_TEST_FAIL("%s == %s: '%s' != '%s'", #a, #b, wa_a_ ? wa_a_ : "(null)", \
				     wa_b_ ? wa_b_ : "(null)");                                  \
	} while (0)
#define ASSERT_NULL(x)     ASSERT_TRUE((x) == NULL)
#define ASSERT_NOT_NULL(x) ASSERT_TRUE((x) != NULL)
#define ASSERT_CONTAINS(haystack, needle)                                                    \
	do {                                                                                 \
		const char *wa_h_ = (haystack);                                              \
		if (!wa_h_ || !strstr(wa_h_, (needle)))                                      \
			WA_TEST_FAIL("'%s' does not contain '%s'", wa_h_ ? wa_h_ : "(null)", \
				     (needle));                                              \
	} while (0)

static inline int wa_test_rm(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* A path inside the test's directory; returns a static buffer (one at a time). */
static inline const char *wa_test_path(const char *name)
{
	static char buf[1024];

	snprintf(buf, sizeof(buf), "%.255s/%.700s", wa_test_dir, name);
	return buf;
}

/* Writes a file inside the test directory. */
static inline void wa_test_write(const char *name, const void *data, size_t len)
{
	FILE *f = fopen(wa_test_path(name), "wb");

	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		WA_TEST_FAIL("cannot write '%s': %s", name, strerror(errno));
}

static inline int wa_test_run(const struct wa_test *tests, size_t n)
{
	volatile int failed = 0, skipped = 0;

	printf("1..%zu\n", n);
	for (volatile size_t i = 0; i < n; i++) {
		int jumped;

		snprintf(wa_test_dir, sizeof(wa_test_dir), "%s/wa-test-XXXXXX",
			 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		if (!mkdtemp(wa_test_dir)) {
			printf("Bail out! mkdtemp: %s\n", strerror(errno));
			return 1;
		}
		wa_test_skipped = false;
		jumped = setjmp(wa_test_jump);
		if (jumped == 0)
			tests[i].fn();
		if (jumped == 2) {
			printf("ok %zu - %s # SKIP\n", i + 1, tests[i].name);
			skipped++;
		} else if (jumped == 1) {
			printf("not ok %zu - %s\n", i + 1, tests[i].name);
			failed++;
		} else {
			printf("ok %zu - %s\n", i + 1, tests[i].name);
		}
		fflush(stdout);
		nftw(wa_test_dir, wa_test_rm, 16, FTW_DEPTH | FTW_PHYS);
	}
	if (failed)
		return 1;
	return skipped == (int)n ? 77 : 0;
}

#define WA_TEST_MAIN(...)                                                    \
	int main(void)                                                       \
	{                                                                    \
		static const struct wa_test tests[] = { __VA_ARGS__ };       \
		return wa_test_run(tests, sizeof(tests) / sizeof(tests[0])); \
	}

#endif
