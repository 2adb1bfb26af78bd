/* SPDX-License-Identifier: MIT */
/*
 * List files: the data files of the form
 *
 *   KIND | item | item ...
 *
 * one line each, `#` starting a comment line (countries.txt,
 * gazetteer.txt, entity-cues.txt, ner-words.txt, units.txt,
 * stopwords.txt). One reader for all of them, so each stage only says
 * what a line means.
 */
#ifndef WP_LISTFILE_H
#define WP_LISTFILE_H

#include <stddef.h>

struct wa_plugin_ctx;

/*
 * Called for each line with its kind and items, trimmed, empty items
 * left out. A negative return stops the reading and is returned; -EINVAL
 * means "this line is malformed" and is reported with the line number.
 */
typedef int (*wp_list_line_fn)(void *data, const char *kind, char **items, size_t n_items);

/*
 * Reads the data file `name` (wa_plugin_data_read: data_dir first) and
 * calls fn for every line. Returns 0 or -errno; on error *ret_error (if
 * not NULL) says "FILE:LINE: what" or "FILE: what" (caller frees).
 */
int wp_list_file_read(const struct wa_plugin_ctx *ctx, const char *name, wp_list_line_fn fn,
		      void *data, char **ret_error);

#endif
