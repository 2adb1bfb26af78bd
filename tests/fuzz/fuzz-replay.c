/* SPDX-License-Identifier: MIT */
/*
 * Runs a fuzz target over files, without libFuzzer: the seed corpus and
 * every crash a fuzzer found become regression tests of the normal suite.
 *   fuzz-replay-TARGET FILE|DIR...
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data;
	long len;

	if (!f || fseek(f, 0, SEEK_END) < 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) < 0) {
		fprintf(stderr, "cannot read '%s'\n", path);
		if (f)
			fclose(f);
		return 1;
	}
	data = malloc((size_t)len + 1);
	if (!data || fread(data, 1, (size_t)len, f) != (size_t)len) {
		fclose(f);
		free(data);
		return 1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(data, (size_t)len);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	int failures = 0, n = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		struct dirent **entries;
		int count;

		if (stat(argv[i], &st) < 0 || !S_ISDIR(st.st_mode)) {
			failures += replay_file(argv[i]);
			n++;
			continue;
		}
		count = scandir(argv[i], &entries, NULL, alphasort);
		for (int j = 0; j < count; j++) {
			char path[4096];

			if (entries[j]->d_name[0] != '.') {
				snprintf(path, sizeof(path), "%s/%s", argv[i], entries[j]->d_name);
				failures += replay_file(path);
				n++;
			}
			free(entries[j]);
		}
		free(entries);
	}
	printf("1..1\n%s 1 - %d input(s) replayed\n", failures ? "not ok" : "ok", n);
	return failures ? 1 : 0;
}
