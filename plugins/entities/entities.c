/* SPDX-License-Identifier: MIT */
/*
 * entities: the countries, places, organisations, people, equipment and
 * events of the cleaned text, as entities[] (DESIGN.md): type, canonical
 * name, ISO code for countries, the role a person was introduced with,
 * the other spellings seen, the mention count and each mention's span in
 * code points of `text`.
 *
 * Only `text` is read: what clean moved to removed[] or comments[] (related
 * links, captions, reader comments) cannot produce an entity.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <warta/plugin.h>

#include "../common/tokens.h"
#include "entity_list.h"
#include "gazetteer.h"
#include "recognise.h"

static int entities_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	struct gazetteer *g = calloc(1, sizeof(*g));
	char *error = NULL;
	int r;

	if (!g)
		return -ENOMEM;
	if ((r = gazetteer_load(ctx, g, &error)) < 0) {
		wa_plugin_log(ctx, WA_LOG_ERROR, "%s", error ? error : strerror(-r));
		free(error);
		free(g);
		return r;
	}
	wa_plugin_log(ctx, WA_LOG_DEBUG, "%zu names, %zu cue words, %zu designator prefixes",
		      g->names.n, g->cues.n, g->n_prefix);
	*ret_state = g;
	return 0;
}

static int entities_process(void *state, struct wa_article *a)
{
	const struct gazetteer *g = state;
	const char *text = wa_article_text(a);
	struct entity_list list = { 0 };
	char *json = NULL;
	int r;
	const struct wp_tokens *tokens = wp_article_tokens(a, &r);

	if (!tokens)
		return r;
	r = entities_recognise(g, text, tokens, wa_article_get_string(a, "outlet"), &list);
	if (r == 0) {
		struct wp_people *people = entity_list_people(&list);

		r = people ? wa_article_set_memo(a, WP_PEOPLE_MEMO, people, wp_people_free)
			   : -ENOMEM;
	}
	if (r == 0 && list.n > 0)
		r = (json = entity_list_json(&list)) ? wa_article_set_json(a, "entities", json)
						     : -ENOMEM;
	free(json);
	entity_list_fini(&list);
	return r < 0 ? r : WA_PLUGIN_OK;
}

static void entities_fini(void *state)
{
	gazetteer_fini(state);
	free(state);
}

WA_PLUGIN_DEFINE(entities) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "entities",
	.summary = "Countries, places, organisations, people, equipment and events, aliases merged",
	.kind = WA_PLUGIN_ANALYZE,
	.init = entities_init,
	.process = entities_process,
	.fini = entities_fini,
};
