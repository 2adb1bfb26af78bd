/* SPDX-License-Identifier: MIT */
/*
 * test_full_disk: an external output plugin that reports ENOSPC for as long
 * as the file SPOOL/full-disk exists, standing in for a full disk where a
 * real one cannot be made (no privileges to mount a small filesystem).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <warta/plugin.h>

struct full_disk {
	char flag[PATH_MAX];
};

static int full_disk_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	struct full_disk *fd = malloc(sizeof(*fd));

	if (!fd)
		return -ENOMEM;
	snprintf(fd->flag, sizeof(fd->flag), "%s/full-disk", wa_plugin_ctx_spool_dir(ctx));
	*ret_state = fd;
	return 0;
}

static int full_disk_check(void *state)
{
	struct full_disk *fd = state;

	return access(fd->flag, F_OK) == 0 ? -ENOSPC : 0;
}

static int full_disk_process(void *state, struct wa_article *a)
{
	(void)a;
	return full_disk_check(state);
}

WA_PLUGIN_EXPORT = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "test_full_disk",
	.summary = "Test plugin: an output that fails with ENOSPC while SPOOL/full-disk exists",
	.kind = WA_PLUGIN_OUTPUT,
	.init = full_disk_init,
	.process = full_disk_process,
	.flush = full_disk_check,
	.fini = free,
};
