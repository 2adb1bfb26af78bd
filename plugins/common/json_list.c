/* SPDX-License-Identifier: MIT */
#include "json_list.h"

#include <warta/article.h>

void wp_json_object_begin(struct wp_json_list *l)
{
	wp_strbuf_put(&l->out, l->n++ ? ",{" : "[{", 2);
	l->first_key = true;
}

void wp_json_object_end(struct wp_json_list *l)
{
	wp_strbuf_putc(&l->out, '}');
}

static void key(struct wp_json_list *l, const char *name)
{
	if (!l->first_key)
		wp_strbuf_putc(&l->out, ',');
	l->first_key = false;
	wp_strbuf_putc(&l->out, '"');
	wp_strbuf_puts(&l->out, name);
	wp_strbuf_put(&l->out, "\":", 2);
}

void wp_json_string(struct wp_json_list *l, const char *name, const char *s, size_t len)
{
	key(l, name);
	if (s)
		wp_strbuf_json_string_n(&l->out, s, len);
	else
		wp_strbuf_puts(&l->out, "null");
}

void wp_json_uint(struct wp_json_list *l, const char *name, unsigned long long v)
{
	key(l, name);
	wp_strbuf_uint(&l->out, v);
}

void wp_json_double(struct wp_json_list *l, const char *name, double v)
{
	key(l, name);
	wp_strbuf_double(&l->out, v);
}

void wp_json_bool(struct wp_json_list *l, const char *name, bool v)
{
	key(l, name);
	wp_strbuf_puts(&l->out, v ? "true" : "false");
}

int wp_json_list_set(struct wa_article *a, const char *field, struct wp_json_list *l)
{
	int r = l->out.error;

	if (r == 0 && l->n) {
		wp_strbuf_putc(&l->out, ']');
		r = l->out.error ? l->out.error : wa_article_set_json(a, field, l->out.buf);
	}
	wp_json_list_fini(l);
	return r;
}

void wp_json_list_fini(struct wp_json_list *l)
{
	wp_strbuf_fini(&l->out);
	*l = (struct wp_json_list){ 0 };
}
