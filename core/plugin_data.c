/* SPDX-License-Identifier: MIT */
/*
 * Data files for plugins: data_dir overrides, else the built-in copies.
 *
 * The built-in copies make a bare binary complete (tests, `warta analyze`
 * on a laptop); the override lets an analyst teach warta a new outlet's
 * boilerplate by editing a text file, without a rebuild.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "banned.h"
#include "plugin.h"

#define DATA_FILE_MAX_BYTES (64 << 20)

static int read_file(int fd, char **ret_text, size_t *ret_len)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -errno;
	if (!S_ISREG(st.st_mode))
		return -EINVAL;
	if (st.st_size > DATA_FILE_MAX_BYTES)
		return -EFBIG;
	size_t size = (size_t)st.st_size, len = 0;
	char *text = malloc(size + 1);

	if (!text)
		return -ENOMEM;
	while (len < size) {
		ssize_t n = read(fd, text + len, size - len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int r = n < 0 ? -errno : -EIO;

			free(text);
			return r;
		}
		len += (size_t)n;
	}
	text[len] = '\0';
	*ret_text = text;
	*ret_len = len;
	return 0;
}

static const struct wa_data_file *builtin(const char *name)
{
	for (size_t i = 0; i < wa_builtin_data_count; i++) {
		if (strcmp(wa_builtin_data[i].name, name) == 0)
			return &wa_builtin_data[i];
	}
	return NULL;
}

int wa_plugin_data_read(const struct wa_plugin_ctx *ctx, const char *name, char **ret_text,
			size_t *ret_len, const char **ret_origin)
{
	if (!name || !*name || strchr(name, '/'))
		return -EINVAL;
	if (ctx->data_dir) {
		char path[4096];
		int n = snprintf(path, sizeof(path), "%s/%s", ctx->data_dir, name);

		if (n < 0 || (size_t)n >= sizeof(path))
			return -ENAMETOOLONG;
		int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

		if (fd >= 0) {
			int r = read_file(fd, ret_text, ret_len);

			close(fd);
			if (r == 0 && ret_origin)
				*ret_origin = ctx->data_dir;
			return r;
		}
		if (errno != ENOENT)
			return -errno;
	}
	const struct wa_data_file *file = builtin(name);

	if (!file)
		return -ENOENT;
	char *text = malloc(file->len + 1);

	if (!text)
		return -ENOMEM;
	memcpy(text, file->text, file->len);
	text[file->len] = '\0';
	*ret_text = text;
	*ret_len = file->len;
	if (ret_origin)
		*ret_origin = "built-in";
	return 0;
}
