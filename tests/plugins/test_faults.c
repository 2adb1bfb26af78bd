/* SPDX-License-Identifier: MIT */
/*
 * test_faults: an external analysis plugin that misbehaves on demand, so
 * that tests can prove the daemon survives plugins that crash, hang, fail
 * or drop. Markers in the article text choose the fault:
 *   WARTA-TEST-CRASH  the worker thread gets SIGSEGV
 *   WARTA-TEST-HANG   the worker thread never returns
 *   WARTA-TEST-ERROR  process() fails with -EIO (recorded, the run goes on)
 *   WARTA-TEST-DROP   process() drops the article
 * Anything else gets "test_faults": "passed" in its record.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <warta/plugin.h>

static int test_faults_process(void *state, struct wa_article *a)
{
	const char *text = wa_article_text(a);

	(void)state;
	if (strstr(text, "WARTA-TEST-CRASH"))
		raise(SIGSEGV);
	if (strstr(text, "WARTA-TEST-HANG")) {
		for (;;) {
			struct timespec ts = { .tv_sec = 1 };

			nanosleep(&ts, NULL);
		}
	}
	if (strstr(text, "WARTA-TEST-ERROR"))
		return -EIO;
	if (strstr(text, "WARTA-TEST-DROP"))
		return WA_PLUGIN_DROP;
	return wa_article_set_string(a, "test_faults", "passed");
}

WA_PLUGIN_EXPORT = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "test_faults",
	.summary = "Test plugin: crashes, hangs, fails or drops on marked articles",
	.kind = WA_PLUGIN_ANALYZE,
	.process = test_faults_process,
};
