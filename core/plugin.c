/* SPDX-License-Identifier: MIT */
/*
 * Plugin registry and instances.
 *
 * Descriptors are checked before anything else touches them, in the order
 * nginx does: version, then size, then the fields a host relies on. An
 * external plugin is opened with RTLD_NOW | RTLD_LOCAL so that a missing
 * symbol fails at load, not in the middle of an article.
 */
#include "plugin.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

struct catalog_entry {
	const struct wa_plugin *plugin;
	char *origin;
	void *dl_handle;
};

struct wa_plugin_catalog {
	struct catalog_entry *entries;
	size_t n_entries;
};

static bool is_valid_name(const char *name)
{
	if (!name || !*name)
		return false;
	for (const char *p = name; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return false;
	}
	return true;
}

int wa_plugin_check(const struct wa_plugin *p, const char *origin, char *err, size_t err_size)
{
	if (p->abi_version != WA_PLUGIN_ABI_VERSION) {
		snprintf(err, err_size,
			 "plugin in '%s' was built for ABI version %u, this warta has %u", origin,
			 p->abi_version, WA_PLUGIN_ABI_VERSION);
		return -EPROTO;
	}
	if (p->size != sizeof(struct wa_plugin)) {
		snprintf(
			err, err_size,
			"plugin in '%s' has a descriptor of %u bytes, ABI version %u has %zu: it is not binary compatible",
			origin, p->size, WA_PLUGIN_ABI_VERSION, sizeof(struct wa_plugin));
		return -EPROTO;
	}
	if (!is_valid_name(p->name)) {
		snprintf(err, err_size,
			 "plugin in '%s' has no valid name (lowercase letters, digits and '_')",
			 origin);
		return -EPROTO;
	}
	if (p->kind != WA_PLUGIN_INGEST && p->kind != WA_PLUGIN_ANALYZE &&
	    p->kind != WA_PLUGIN_OUTPUT) {
		snprintf(err, err_size, "plugin '%s' in '%s' has unknown kind %d", p->name, origin,
			 (int)p->kind);
		return -EPROTO;
	}
	if (!p->process || (p->kind == WA_PLUGIN_OUTPUT && !p->flush)) {
		snprintf(err, err_size, "plugin '%s' in '%s' lacks a required callback (%s)",
			 p->name, origin, p->process ? "flush" : "process");
		return -EPROTO;
	}
	if (p->options && p->config_size == 0) {
		snprintf(err, err_size, "plugin '%s' in '%s' declares options but no config_size",
			 p->name, origin);
		return -EPROTO;
	}
	return 0;
}

static int catalog_add(struct wa_plugin_catalog *cat, const struct wa_plugin *p, const char *origin,
		       void *dl_handle)
{
	struct catalog_entry *entries;
	char err[512];

	if (wa_plugin_check(p, origin, err, sizeof(err)) < 0) {
		wa_log_error("%s, skipping", err);
		return -EPROTO;
	}
	if (wa_plugin_catalog_find(cat, p->name)) {
		wa_log_error(
			"plugin '%s' in '%s' has the name of a plugin already loaded, skipping",
			p->name, origin);
		return -EEXIST;
	}
	entries = realloc(cat->entries, (cat->n_entries + 1) * sizeof(*entries));
	if (!entries)
		return -ENOMEM;
	cat->entries = entries;
	entries[cat->n_entries].plugin = p;
	entries[cat->n_entries].dl_handle = dl_handle;
	entries[cat->n_entries].origin = strdup(origin);
	if (!entries[cat->n_entries].origin)
		return -ENOMEM;
	cat->n_entries++;
	return 0;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && strcmp(s + n - m, suffix) == 0;
}

static int load_external(struct wa_plugin_catalog *cat, const char *path)
{
	const struct wa_plugin *p;
	void *handle;
	int r;

	handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		wa_log_error("cannot load plugin '%s': %s, skipping", path, dlerror());
		return -ENOEXEC;
	}
	p = dlsym(handle, "wa_plugin_entry");
	if (!p) {
		wa_log_error("'%s' does not export wa_plugin_entry, skipping", path);
		dlclose(handle);
		return -ENOEXEC;
	}
	r = catalog_add(cat, p, path, handle);
	if (r < 0)
		dlclose(handle);
	return r == -ENOMEM ? r : 0;
}

/* Sorted, so that the load order (and so duplicate resolution) is stable. */
static int load_directory(struct wa_plugin_catalog *cat, const char *dir)
{
	struct dirent **names = NULL;
	int n, r = 0;

	n = scandir(dir, &names, NULL, alphasort);
	if (n < 0) {
		wa_log_warning("cannot read plugin directory '%s': %s, skipping", dir,
			       wa_strerror(-errno));
		return 0;
	}
	for (int i = 0; i < n; i++) {
		char path[4096];

		if (r == 0 && has_suffix(names[i]->d_name, ".so")) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
			r = load_external(cat, path);
		}
		free(names[i]);
	}
	free(names);
	return r;
}

void wa_plugin_catalog_free(struct wa_plugin_catalog *cat)
{
	if (!cat)
		return;
	for (size_t i = 0; i < cat->n_entries; i++) {
		free(cat->entries[i].origin);
		if (cat->entries[i].dl_handle)
			dlclose(cat->entries[i].dl_handle);
	}
	free(cat->entries);
	free(cat);
}

int wa_plugin_catalog_new(const char *plugin_dir, struct wa_plugin_catalog **ret_catalog)
{
	struct wa_plugin_catalog *cat = calloc(1, sizeof(*cat));
	int r = 0;

	if (!cat)
		return -ENOMEM;
	for (size_t i = 0; wa_builtin_plugins[i] && r != -ENOMEM; i++)
		r = catalog_add(cat, wa_builtin_plugins[i], "built-in", NULL);
	if (r != -ENOMEM && plugin_dir)
		r = load_directory(cat, plugin_dir);
	if (r == -ENOMEM) {
		wa_plugin_catalog_free(cat);
		return r;
	}
	*ret_catalog = cat;
	return 0;
}

size_t wa_plugin_catalog_size(const struct wa_plugin_catalog *cat)
{
	return cat->n_entries;
}

const struct wa_plugin *wa_plugin_catalog_get(const struct wa_plugin_catalog *cat, size_t i)
{
	return i < cat->n_entries ? cat->entries[i].plugin : NULL;
}

const char *wa_plugin_catalog_origin(const struct wa_plugin_catalog *cat, size_t i)
{
	return i < cat->n_entries ? cat->entries[i].origin : NULL;
}

const struct wa_plugin *wa_plugin_catalog_find(const struct wa_plugin_catalog *cat,
					       const char *name)
{
	for (size_t i = 0; i < cat->n_entries; i++) {
		if (strcmp(cat->entries[i].plugin->name, name) == 0)
			return cat->entries[i].plugin;
	}
	return NULL;
}
