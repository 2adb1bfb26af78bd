/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: any bytes as a field's JSON text. What wa_json_raw() keeps
 * unparsed must be JSON to cJSON too, or a later reader would find the
 * field gone: so whatever it accepts, cJSON parses, and the record comes
 * out the same whether the field was kept as text or parsed at once.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cJSON *raw, *parsed;
	char *kept, *reparsed;

	if (wa_json_raw((const char *)data, size, &raw, NULL) < 0)
		return 0;
	if (wa_json_parse((const char *)data, size, &parsed, NULL) < 0)
		abort(); /* accepted text cJSON cannot read */
	kept = wa_json_print(raw);
	if (wa_json_expand(raw) < 0)
		abort();
	reparsed = wa_json_print(parsed);
	/* Printed raw, it is the text itself; expanded, it is what cJSON makes of it. */
	if (!kept || strchr(kept, '\n') || !reparsed)
		abort();
	free(kept);
	kept = wa_json_print(raw);
	if (!kept || strcmp(kept, reparsed) != 0)
		abort();
	free(kept);
	free(reparsed);
	cJSON_Delete(raw);
	cJSON_Delete(parsed);
	return 0;
}
