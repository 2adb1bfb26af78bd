/* SPDX-License-Identifier: MIT */
/*
 * ingest_email: articles that arrive by mail (alert services, newsletters,
 * an analyst forwarding a story), saved as .eml (RFC 5322 with MIME).
 *
 * The subject is the title, the sender goes to source.from, the Date
 * header to published. The text is the first text/plain part, or else the
 * first text/html part read by the page extractor; base64 and
 * quoted-printable are undone and charsets converted (iconv). Attachments
 * are not read: their names are listed in source.attachments_ignored.
 *
 * Taken: *.eml files, and files that open with mail headers (From, Date,
 * Subject, Message-ID, MIME-Version, Received, Return-Path...).
 */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <warta/plugin.h>

#include "../common/html_text.h"
#include "../common/rfc822.h"
#include "mime.h"

#define MAX_DEPTH 8 /* multipart within multipart... */
#define MAX_PARTS 64

struct ingest_email {
	const struct wa_plugin_ctx *ctx;
};

struct found {
	struct mime_part plain, html;
	bool has_plain, has_html;
	cJSON *attachments;
	size_t parts;
};

static bool has_extension(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && strcasecmp(name + n - e, ext) == 0;
}

/* The first lines are "Name: value" headers, and at least two are mail headers. */
static bool looks_like_mail(const char *s, size_t n)
{
	static const char *const known[] = {
		"from:",         "to:",       "date:",        "subject:",      "message-id:",
		"mime-version:", "received:", "return-path:", "delivered-to:", "content-type:"
	};
	size_t seen = 0, lines = 0;

	for (size_t i = 0; i < n && lines < 30;) {
		const char *eol = memchr(s + i, '\n', n - i);
		size_t len = eol ? (size_t)(eol - s) - i : n - i;

		if (len == 0 || (len == 1 && s[i] == '\r'))
			break; /* end of the headers */
		if (s[i] != ' ' && s[i] != '\t') {
			const char *colon = memchr(s + i, ':', len);

			if (!colon || memchr(s + i, ' ', (size_t)(colon - s) - i))
				return false; /* not a header line */
			for (size_t k = 0; k < sizeof(known) / sizeof(*known); k++)
				seen += strncasecmp(s + i, known[k], strlen(known[k])) == 0;
		}
		lines++;
		i += len + 1;
	}
	return seen >= 2;
}

static void note_attachment(struct found *f, const struct mime_part *p)
{
	struct wp_strbuf disposition = { 0 }, type = { 0 }, name = { 0 };

	if (mime_header(p, "Content-Disposition", &disposition))
		(void)mime_param(disposition.buf, "filename", &name);
	if (!name.len && mime_header(p, "Content-Type", &type))
		(void)mime_param(type.buf, "name", &name);
	struct wp_strbuf decoded = { 0 };

	mime_decode_words(name.len ? name.buf : "(unnamed)", &decoded);
	if (decoded.buf && cJSON_GetArraySize(f->attachments) < MAX_PARTS)
		cJSON_AddItemToArray(f->attachments, cJSON_CreateString(decoded.buf));
	wp_strbuf_fini(&decoded);
	wp_strbuf_fini(&disposition);
	wp_strbuf_fini(&type);
	wp_strbuf_fini(&name);
}

static void walk(const struct mime_part *p, struct found *f, int depth)
{
	struct wp_strbuf type = { 0 }, disposition = { 0 }, boundary = { 0 };

	if (++f->parts > MAX_PARTS || depth > MAX_DEPTH)
		return;
	bool typed = mime_header(p, "Content-Type", &type);
	const char *t = typed ? type.buf : "text/plain";
	bool attachment = mime_header(p, "Content-Disposition", &disposition) &&
			  strncasecmp(disposition.buf, "attachment", 10) == 0;

	if (!strncasecmp(t, "multipart/", 10) && mime_param(t, "boundary", &boundary) &&
	    boundary.len) {
		/* Parts lie between "--boundary" lines; "--boundary--" ends them. */
		struct wp_strbuf delim = { 0 };

		wp_strbuf_puts(&delim, "--");
		wp_strbuf_puts(&delim, boundary.buf);
		const char *s = p->body, *end = p->body + p->body_len;
		const char *at = memmem(s, (size_t)(end - s), delim.buf, delim.len);

		while (at && !delim.error) {
			const char *start = at + delim.len;

			if (start + 2 <= end && start[0] == '-' && start[1] == '-')
				break;
			start = memchr(start, '\n', (size_t)(end - start));
			if (!start)
				break;
			start++;
			const char *next =
				memmem(start, (size_t)(end - start), delim.buf, delim.len);
			size_t len = (size_t)((next ? next : end) - start);
			struct mime_part part = mime_split(start, len);

			walk(&part, f, depth + 1);
			at = next;
		}
		wp_strbuf_fini(&delim);
	} else if (!strncasecmp(t, "message/rfc822", 14)) {
		struct mime_part inner = mime_split(p->body, p->body_len);

		walk(&inner, f, depth + 1);
	} else if (!attachment && !strncasecmp(t, "text/plain", 10) && !f->has_plain) {
		f->plain = *p, f->has_plain = true;
	} else if (!attachment && !strncasecmp(t, "text/html", 9) && !f->has_html) {
		f->html = *p, f->has_html = true;
	} else if (strncasecmp(t, "multipart/", 10) != 0) {
		note_attachment(f, p);
	}
	wp_strbuf_fini(&type);
	wp_strbuf_fini(&disposition);
	wp_strbuf_fini(&boundary);
}

static int set_header(struct wa_article *a, const struct mime_part *msg, const char *header,
		      const char *field)
{
	struct wp_strbuf raw = { 0 }, value = { 0 };
	int r = 0;

	if (mime_header(msg, header, &raw)) {
		mime_decode_words(raw.buf, &value);
		if (value.len)
			r = wa_article_set_string(a, field, value.buf);
	}
	wp_strbuf_fini(&raw);
	wp_strbuf_fini(&value);
	return r;
}

static int set_text(struct wa_article *a, const struct found *f)
{
	struct wp_strbuf body = { 0 }, text = { 0 };
	int r = 0;

	if (f->has_plain) {
		mime_body_text(&f->plain, &body);
		r = body.error ? body.error
			       : wa_article_set_text(a, body.buf ? body.buf : "", body.len);
	} else if (f->has_html) {
		mime_body_text(&f->html, &body);
		htmlDocPtr doc =
			body.len ? htmlReadMemory(body.buf, (int)body.len, NULL, "UTF-8",
						  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
							  HTML_PARSE_NOWARNING | HTML_PARSE_NONET)
				 : NULL;

		if (doc) {
			r = wp_html_main_text(doc, a, &text);
			xmlFreeDoc(doc);
		}
		if (r == 0)
			r = wa_article_set_text(a, text.buf ? text.buf : "", text.len);
	}
	wp_strbuf_fini(&body);
	wp_strbuf_fini(&text);
	return r;
}

static int ingest_email_process(void *state, struct wa_article *a)
{
	struct ingest_email *e = state;
	size_t n;
	const char *raw = wa_article_raw(a, &n), *name = wa_article_source_file(a);
	struct found f = { .attachments = cJSON_CreateArray() };
	struct wp_strbuf date = { 0 };
	int r;

	if (!looks_like_mail(raw, n) && !has_extension(name, ".eml")) {
		cJSON_Delete(f.attachments);
		return WA_PLUGIN_DECLINED;
	}
	if (!f.attachments || n > INT32_MAX) {
		cJSON_Delete(f.attachments);
		return n > INT32_MAX ? wa_article_reject(a, "refused: a message over 2 GiB")
				     : -ENOMEM;
	}
	struct mime_part msg = mime_split(raw, n);

	walk(&msg, &f, 0);
	r = wa_article_set_string(a, "source.format", "email");
	if (r == 0)
		r = set_header(a, &msg, "Subject", "title");
	if (r == 0)
		r = set_header(a, &msg, "From", "source.from");
	if (r == 0 && mime_header(&msg, "Date", &date)) {
		char iso[64];

		if (wp_rfc822_to_iso(date.buf, iso, sizeof(iso)))
			r = wa_article_set_string(a, "published", iso);
	}
	if (r == 0)
		r = set_text(a, &f);
	if (r == 0 && cJSON_GetArraySize(f.attachments) > 0) {
		char *json = cJSON_PrintUnformatted(f.attachments);

		r = json ? wa_article_set_json(a, "source.attachments_ignored", json) : -ENOMEM;
		free(json);
		wa_plugin_log(e->ctx, WA_LOG_INFO, "'%s': %d attachment(s) not read", name,
			      cJSON_GetArraySize(f.attachments));
	}
	if (r == 0 && !f.has_plain && !f.has_html && !wa_article_title(a))
		r = wa_article_reject(a,
				      "refused: a message with neither a text part nor a subject");
	else if (r == 0 && !wa_article_text(a))
		r = wa_article_set_text(a, "", 0);
	wp_strbuf_fini(&date);
	cJSON_Delete(f.attachments);
	return r < 0 ? r : WA_PLUGIN_OK;
}

static int ingest_email_init(const struct wa_plugin_ctx *ctx, void **ret_state)
{
	struct ingest_email *e = calloc(1, sizeof(*e));

	if (!e)
		return -ENOMEM;
	wp_libxml_init();
	e->ctx = ctx;
	*ret_state = e;
	return 0;
}

static void ingest_email_fini(void *state)
{
	free(state);
}

WA_PLUGIN_DEFINE(ingest_email) = {
	.abi_version = WA_PLUGIN_ABI_VERSION,
	.size = sizeof(struct wa_plugin),
	.name = "ingest_email",
	.summary = "E-mail (.eml): subject, sender, date and the text or HTML part",
	.kind = WA_PLUGIN_INGEST,
	.init = ingest_email_init,
	.process = ingest_email_process,
	.fini = ingest_email_fini,
};
