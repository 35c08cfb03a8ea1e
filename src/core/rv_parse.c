/*
 * rv_parse.c
 *	  The text form of a review: front matter, warning lines, body.
 *
 *	---
 *	title: Anora
 *	rating: 4.5/5
 *	lang: en
 *	---
 *	NOTE: This review contains spoilers
 *	Body text with ||marked spoilers||.
 *
 * Front matter is recognised only when the text starts with a line "---".
 * Values run to the end of the line and are trimmed; a value in double
 * quotes may contain \" \\ \n \r \t escapes (canonical output quotes values
 * that need it).  Leading blank lines and trailing white space of the body
 * are not part of the value.
 */
#include <stdio.h>
#include <string.h>

#include "rv_review.h"
#include "rv_utf8.h"

typedef enum MetaKey
{
	KEY_TITLE,
	KEY_AUTHOR,
	KEY_RATING,
	KEY_LANG,
	NUM_KEYS
} MetaKey;

static const char *const key_names[NUM_KEYS] = {"title", "author", "rating", "lang"};

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* End of the line starting at p (the '\n' or len). */
static size_t
line_end(const char *s, size_t len, size_t p)
{
	const char *nl = memchr(s + p, '\n', len - p);

	return nl ? (size_t) (nl - s) : len;
}

static bool
line_is(const char *s, size_t start, size_t end, const char *lit)
{
	size_t		n = strlen(lit);

	while (end > start && is_blank(s[end - 1]))
		end--;
	return end - start == n && memcmp(s + start, lit, n) == 0;
}

static bool
line_is_blank(const char *s, size_t start, size_t end)
{
	for (size_t i = start; i < end; i++)
		if (!is_blank(s[i]) && s[i] != '\f' && s[i] != '\v')
			return false;
	return true;
}

/* Unquotes a double-quoted front matter value. */
static bool
unquote(const char *v, size_t vlen, RvBuf *out, int line, RvError *err)
{
	size_t		i;

	for (i = 1; i < vlen; i++)
	{
		char		c = v[i];

		if (c == '"')
			break;
		if (c == '\\' && i + 1 < vlen)
		{
			c = v[++i];
			switch (c)
			{
				case 'n':
					c = '\n';
					break;
				case 'r':
					c = '\r';
					break;
				case 't':
					c = '\t';
					break;
				case '"':
				case '\\':
					break;
				default:
					rv_error_set(err, RV_ERR_SYNTAX, line, 0,
								 "Unknown escape \"\\%c\" in the quoted value on line %d.", c, line);
					return false;
			}
		}
		rv_buf_append_char(out, c);
	}
	if (i != vlen - 1)
	{
		rv_error_set(err, RV_ERR_SYNTAX, line, 0,
					 i >= vlen ? "Unterminated quoted value on line %d."
					 : "Unexpected text after the closing quote on line %d.", line);
		return false;
	}
	return true;
}

static char *
dup_buf(RvBuf *b, uint32_t *len)
{
	*len = (uint32_t) b->len;
	return b->data;
}

/*
 * Checks and stores one metadata value (from front matter or from the
 * constructor).  line is 0 for constructor arguments.
 */
static bool
set_meta(RvDoc *doc, MetaKey key, const char *v, size_t vlen, int line, RvError *err)
{
	char		where[48] = "";
	size_t		bad;

	if (line > 0)
		snprintf(where, sizeof(where), " on line %d", line);
	if (!rv_utf8_valid(v, vlen, &bad))
	{
		rv_error_set(err, RV_ERR_ENCODING, line, 0,
					 "The %s value%s is not valid UTF-8 or contains a NUL byte.",
					 key_names[key], where);
		return false;
	}
	if (vlen > UINT32_MAX / 2)
	{
		rv_error_set(err, RV_ERR_LIMIT, line, 0, "The %s value is too long.", key_names[key]);
		return false;
	}

	switch (key)
	{
		case KEY_TITLE:
			doc->title = rv_strndup(v, vlen);
			doc->title_len = (uint32_t) vlen;
			break;
		case KEY_AUTHOR:
			doc->author = rv_strndup(v, vlen);
			doc->author_len = (uint32_t) vlen;
			break;
		case KEY_RATING:
			{
				char		why[160];
				float		norm;

				while (vlen > 0 && is_blank(v[vlen - 1]))
					vlen--;
				while (vlen > 0 && is_blank(v[0]))
					v++, vlen--;
				if (!rv_rating_parse(v, vlen, &norm, why, sizeof(why)))
				{
					size_t		shown = rv_utf8_clip(v, vlen, 40);

					rv_error_set(err, RV_ERR_SYNTAX, line, 0,
								 "Invalid rating \"%.*s%s\"%s. %s",
								 (int) shown, v, shown < vlen ? "..." : "", where, why);
					return false;
				}
				doc->rating = rv_strndup(v, vlen);
				doc->rating_len = (uint32_t) vlen;
				doc->rating_norm = norm;
				break;
			}
		case KEY_LANG:
			{
				char		canon[RV_LANG_MAXLEN + 1];

				if (!rv_lang_canonical(v, vlen, canon, sizeof(canon)))
				{
					size_t		shown = rv_utf8_clip(v, vlen, 40);

					rv_error_set(err, RV_ERR_SYNTAX, line, 0,
								 "Invalid language tag \"%.*s%s\"%s: expected a BCP 47 tag such as en, fr-CA or zh-Hant.",
								 (int) shown, v, shown < vlen ? "..." : "", where);
					return false;
				}
				rv_free((void *) doc->lang);
				doc->lang = rv_strndup(canon, strlen(canon));
				doc->lang_len = (uint32_t) strlen(canon);
				break;
			}
		case NUM_KEYS:
			break;
	}
	return true;
}

/*
 * Parses front matter starting at s[0] (the opening "---" line).  On
 * success *body_start is the byte offset after the closing line.
 */
static bool
parse_front_matter(RvDoc *doc, const char *s, size_t len, size_t *body_start,
				   int *lines_used, RvError *err)
{
	bool		seen[NUM_KEYS] = {false};
	int			seen_line[NUM_KEYS] = {0};
	size_t		p = line_end(s, len, 0);
	int			line = 1;
	RvBuf		val;

	rv_buf_init(&val, 64);
	while (p < len)
	{
		size_t		start = p + 1,
					end,
					k,
					klen,
					v,
					vend;
		int			key = -1;

		line++;
		end = line_end(s, len, start);
		p = end;
		if (line_is(s, start, end, "---"))
		{
			*body_start = end < len ? end + 1 : len;
			*lines_used = line;
			rv_free(val.data);
			return true;
		}
		if (line_is_blank(s, start, end))
			continue;

		for (k = start; k < end && ((s[k] >= 'a' && s[k] <= 'z') ||
									(s[k] >= 'A' && s[k] <= 'Z') || s[k] == '_'); k++)
			;
		klen = k - start;
		if (klen == 0 || k >= end || s[k] != ':')
		{
			rv_error_set(err, RV_ERR_SYNTAX, line, 0,
						 "Front matter line %d is not \"key: value\".", line);
			goto fail;
		}
		for (int i = 0; i < NUM_KEYS; i++)
			if (strlen(key_names[i]) == klen &&
				strncasecmp(key_names[i], s + start, klen) == 0)
				key = i;
		if (key < 0)
		{
			rv_error_set(err, RV_ERR_SYNTAX, line, 0,
						 "Unknown front matter key \"%.*s\" on line %d; the keys are title, author, rating and lang.",
						 (int) (klen > 40 ? 40 : klen), s + start, line);
			goto fail;
		}
		if (seen[key])
		{
			rv_error_set(err, RV_ERR_SYNTAX, line, 0,
						 "Duplicate front matter key \"%s\" on line %d (first set on line %d).",
						 key_names[key], line, seen_line[key]);
			goto fail;
		}
		seen[key] = true;
		seen_line[key] = line;

		v = k + 1;
		vend = end;
		while (v < vend && is_blank(s[v]))
			v++;
		while (vend > v && is_blank(s[vend - 1]))
			vend--;
		if (v == vend)
		{
			rv_error_set(err, RV_ERR_SYNTAX, line, 0,
						 "Front matter key \"%s\" on line %d has no value.", key_names[key], line);
			goto fail;
		}
		if (s[v] == '"')
		{
			val.len = 0;
			if (!unquote(s + v, vend - v, &val, line, err))
				goto fail;
			if (!set_meta(doc, key, val.data, val.len, line, err))
				goto fail;
		}
		else if (!set_meta(doc, key, s + v, vend - v, line, err))
			goto fail;
	}
	rv_error_set(err, RV_ERR_SYNTAX, 1, 0,
				 "The front matter that starts on line 1 is not closed by a line \"---\".");
fail:
	rv_free(val.data);
	return false;
}

/*
 * Drops the leading lines of a parsed body that are blank or warning lines
 * (setting doc->warning), shifting the spans.  Deciding on the parsed body,
 * not the raw text, makes the decision the same for an input and for its
 * canonical output, which differ only in escapes and markup dialect; a line
 * that a spoiler span touches is never a warning line.
 */
static void
drop_leading_lines(RvDoc *doc, RvBuf *body)
{
	size_t		p = 0;

	for (;;)
	{
		size_t		end = line_end(body->data, body->len, p);
		size_t		next = end < body->len ? end + 1 : body->len;
		bool		blank;

		if (p >= body->len)
			break;
		if (doc->nspans > 0 && doc->spans[0].start < next)
			break;
		blank = line_is_blank(body->data, p, end);
		if (!blank &&
			!rv_is_warning_line(body->data + p, end - p - (end > p && body->data[end - 1] == '\r')))
			break;
		if (!blank)
			doc->warning = true;
		p = next;
	}
	if (p == 0)
		return;
	memmove(body->data, body->data + p, body->len - p);
	body->len -= p;
	body->data[body->len] = '\0';
	for (uint32_t i = 0; i < doc->nspans; i++)
		doc->spans[i].start -= (uint32_t) p;
}

/*
 * Parses a body: markup first, then leading blank and warning lines are
 * dropped; trailing white space of the text is not part of the body.
 * char_base is the number of characters of the whole input before s, for
 * error positions.
 */
static bool
parse_body(RvDoc *doc, const char *s, size_t len, int64_t char_base, RvError *err)
{
	RvBuf		body;

	while (len > 0 && (is_blank(s[len - 1]) || s[len - 1] == '\n' ||
					   s[len - 1] == '\f' || s[len - 1] == '\v'))
		len--;

	rv_buf_init(&body, len + 1);
	if (!rv_markup_parse(s, len, char_base, &body, &doc->spans, &doc->nspans, err))
	{
		rv_free(body.data);
		return false;
	}
	drop_leading_lines(doc, &body);
	doc->body = dup_buf(&body, &doc->body_len);
	return true;
}

static RvDoc *
new_doc(void)
{
	RvDoc	   *doc = rv_alloc0(sizeof(RvDoc));

	doc->lang = rv_strndup(RV_DEFAULT_LANG, strlen(RV_DEFAULT_LANG));
	doc->lang_len = (uint32_t) strlen(RV_DEFAULT_LANG);
	doc->rating_norm = -1;
	return doc;
}

static bool
check_encoding(const char *s, size_t len, const char *what, RvError *err)
{
	size_t		bad;

	if (len > RV_MAX_VALUE_SIZE)
	{
		rv_error_set(err, RV_ERR_LIMIT, 0, 0, "The %s is %zu bytes; the limit is %zu.",
					 what, len, (size_t) RV_MAX_VALUE_SIZE);
		return false;
	}
	if (!rv_utf8_valid(s, len, &bad))
	{
		if (rv_interrupted(err))
			return false;
		rv_error_set(err, RV_ERR_ENCODING, 0, rv_utf8_count(s, bad) + 1,
					 s[bad] == '\0' ? "The %s contains a NUL byte at character %lld."
					 : "The %s has an invalid UTF-8 byte sequence at character %lld.",
					 what, (long long) rv_utf8_count(s, bad) + 1);
		return false;
	}
	return true;
}

RvDoc *
rv_parse(const char *text, size_t len, RvError *err)
{
	RvDoc	   *doc;
	size_t		body_start = 0;
	size_t		first_end;

	if (!check_encoding(text, len, "input", err))
		return NULL;
	doc = new_doc();
	first_end = line_end(text, len, 0);
	if (line_is(text, 0, first_end, "---"))
	{
		int			lines;

		if (!parse_front_matter(doc, text, len, &body_start, &lines, err))
			goto fail;
	}
	if (!parse_body(doc, text + body_start, len - body_start,
					rv_utf8_count(text, body_start), err))
		goto fail;
	return doc;

fail:
	rv_doc_free(doc);
	return NULL;
}

RvDoc *
rv_build(const char *body, size_t body_len,
		 const char *title, size_t title_len,
		 const char *rating, size_t rating_len,
		 const char *lang, size_t lang_len,
		 const char *author, size_t author_len,
		 RvError *err)
{
	RvDoc	   *doc;

	if (!check_encoding(body, body_len, "body", err))
		return NULL;
	doc = new_doc();
	if ((title && !set_meta(doc, KEY_TITLE, title, title_len, 0, err)) ||
		(author && !set_meta(doc, KEY_AUTHOR, author, author_len, 0, err)) ||
		(rating && !set_meta(doc, KEY_RATING, rating, rating_len, 0, err)) ||
		(lang && !set_meta(doc, KEY_LANG, lang, lang_len, 0, err)) ||
		!parse_body(doc, body, body_len, 0, err))
	{
		rv_doc_free(doc);
		return NULL;
	}
	return doc;
}
