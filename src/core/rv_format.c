/*
 * rv_format.c
 *	  Canonical text output of a review: front matter with the keys that are
 *	  set (title, author, rating, lang; lang only when not "en"), the warning
 *	  line, then the body with every marked span as [spoiler]...[/spoiler]
 *	  ([spoiler=label] when labelled) and marker characters escaped.
 */
#include <string.h>

#include "rv_review.h"

static bool
needs_quotes(const char *v, uint32_t len)
{
	if (len == 0 || v[0] == '"' || v[0] == ' ' || v[0] == '\t' ||
		v[len - 1] == ' ' || v[len - 1] == '\t')
		return true;
	for (uint32_t i = 0; i < len; i++)
		if (v[i] == '\n' || v[i] == '\r')
			return true;
	return false;
}

static void
put_meta(RvBuf *out, const char *key, const char *v, uint32_t len)
{
	if (v == NULL)
		return;
	rv_buf_append_str(out, key);
	rv_buf_append_str(out, ": ");
	if (!needs_quotes(v, len))
		rv_buf_append(out, v, len);
	else
	{
		rv_buf_append_char(out, '"');
		for (uint32_t i = 0; i < len; i++)
		{
			switch (v[i])
			{
				case '"':
					rv_buf_append_str(out, "\\\"");
					break;
				case '\\':
					rv_buf_append_str(out, "\\\\");
					break;
				case '\n':
					rv_buf_append_str(out, "\\n");
					break;
				case '\r':
					rv_buf_append_str(out, "\\r");
					break;
				case '\t':
					rv_buf_append_str(out, "\\t");
					break;
				default:
					rv_buf_append_char(out, v[i]);
			}
		}
		rv_buf_append_char(out, '"');
	}
	rv_buf_append_char(out, '\n');
}

/* Does the body start with a line "---" (which would read as front matter)? */
static bool
body_starts_with_rule(const RvDoc *doc)
{
	uint32_t	i = 3;

	if (doc->body_len < 3 || memcmp(doc->body, "---", 3) != 0)
		return false;
	while (i < doc->body_len && (doc->body[i] == ' ' || doc->body[i] == '\t' ||
								 doc->body[i] == '\r'))
		i++;
	return i == doc->body_len || doc->body[i] == '\n';
}

void
rv_format_body(const RvDoc *doc, RvBuf *out)
{
	uint32_t	pos = 0;

	for (uint32_t i = 0; i < doc->nspans; i++)
	{
		const RvSpan *sp = &doc->spans[i];

		rv_markup_escape(doc->body + pos, sp->start - pos, true, out);
		if (sp->label)
		{
			rv_buf_append_str(out, "[spoiler=");
			for (uint32_t k = 0; k < sp->label_len; k++)
			{
				if (sp->label[k] == ']' || sp->label[k] == '\\')
					rv_buf_append_char(out, '\\');
				rv_buf_append_char(out, sp->label[k]);
			}
			rv_buf_append_char(out, ']');
		}
		else
			rv_buf_append_str(out, "[spoiler]");
		rv_markup_escape(doc->body + sp->start, sp->len, true, out);
		rv_buf_append_str(out, "[/spoiler]");
		pos = sp->start + sp->len;
	}
	rv_markup_escape(doc->body + pos, doc->body_len - pos, false, out);
}

/* The front matter and the warning line: what precedes the body. */
void
rv_format_head(const RvDoc *doc, RvBuf *out)
{
	bool		default_lang = doc->lang_len == strlen(RV_DEFAULT_LANG) &&
		memcmp(doc->lang, RV_DEFAULT_LANG, doc->lang_len) == 0;

	if (doc->title || doc->author || doc->rating || !default_lang ||
		body_starts_with_rule(doc))
	{
		rv_buf_append_str(out, "---\n");
		put_meta(out, "title", doc->title, doc->title_len);
		put_meta(out, "author", doc->author, doc->author_len);
		put_meta(out, "rating", doc->rating, doc->rating_len);
		if (!default_lang)
			put_meta(out, "lang", doc->lang, doc->lang_len);
		rv_buf_append_str(out, "---\n");
	}
	if (doc->warning)
	{
		rv_buf_append_str(out, RV_WARNING_LINE);
		rv_buf_append_char(out, '\n');
	}
}

void
rv_format(const RvDoc *doc, RvBuf *out)
{
	rv_format_head(doc, out);
	rv_format_body(doc, out);
}
