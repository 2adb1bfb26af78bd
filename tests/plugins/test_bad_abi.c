/* SPDX-License-Identifier: MIT */
/* A plugin built for a future ABI: warta must refuse it by name, not crash. */
#include <warta/plugin.h>

static int bad_process(void *state, struct wa_article *a)
{
	(void)state;
	(void)a;
	return 0;
}

WA_PLUGIN_EXPORT = {
	.abi_version = WA_PLUGIN_ABI_VERSION + 1,
	.size = sizeof(struct wa_plugin) + 16,
	.name = "test_bad_abi",
	.kind = WA_PLUGIN_ANALYZE,
	.process = bad_process,
};
