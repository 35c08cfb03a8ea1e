/*
 * rv_wire_decode.c
 *	  Decoding the binary (send/recv) format of a review (rv_wire.c has the
 *	  layout and the encoder).
 *
 * Decoding distrusts every byte: lengths, offsets, UTF-8, flags, version,
 * that the value could be output (rv_check_output_size), and finally that
 * it is canonical (printing and re-parsing it gives the same value), which
 * rules out bodies the text form could not express.
 */
#include <stdio.h>
#include <string.h>

#include "rv_review.h"
#include "rv_utf8.h"

typedef struct Reader
{
	const unsigned char *p;
	size_t		left;
	size_t		pos;
	RvError    *err;
} Reader;

static bool
get_u32(Reader *r, uint32_t *v, const char *what)
{
	if (r->left < 4)
	{
		rv_error_set(r->err, RV_ERR_BINARY, 0, 0,
					 "The data ends at byte %zu, inside the %s.", r->pos, what);
		return false;
	}
	*v = ((uint32_t) r->p[0] << 24) | ((uint32_t) r->p[1] << 16) |
		((uint32_t) r->p[2] << 8) | r->p[3];
	r->p += 4;
	r->left -= 4;
	r->pos += 4;
	return true;
}

/* Reads a length-prefixed string and copies it, checking UTF-8 and NULs. */
static bool
get_str(Reader *r, const char **s, uint32_t *len, const char *what)
{
	size_t		bad;

	if (!get_u32(r, len, what))
		return false;
	if (*len > r->left)
	{
		rv_error_set(r->err, RV_ERR_BINARY, 0, 0,
					 "The %s length %u at byte %zu exceeds the %zu bytes left.",
					 what, *len, r->pos - 4, r->left);
		return false;
	}
	if (!rv_utf8_valid((const char *) r->p, *len, &bad))
	{
		if (rv_interrupted(r->err))
			return false;
		rv_error_set(r->err, RV_ERR_BINARY, 0, 0,
					 "The %s has an invalid UTF-8 sequence or a NUL byte at byte %zu.",
					 what, r->pos + bad);
		return false;
	}
	*s = rv_strndup((const char *) r->p, *len);
	r->p += *len;
	r->left -= *len;
	r->pos += *len;
	return true;
}

static bool
is_char_start(const char *body, uint32_t len, uint32_t off)
{
	return off == len || ((unsigned char) body[off] & 0xC0) != 0x80;
}

RvDoc *
rv_wire_decode(const char *data, size_t len, RvError *err)
{
	Reader		r = {(const unsigned char *) data, len, 0, err};
	RvDoc	   *doc = rv_alloc0(sizeof(RvDoc));
	RvDoc	   *check = NULL;
	uint8_t		flags;
	uint32_t	nspans;
	char		canon[RV_LANG_MAXLEN + 1];
	char		why[160];
	RvBuf		text;

	doc->rating_norm = -1;
	if (len < 2)
	{
		rv_error_set(err, RV_ERR_BINARY, 0, 0, "The data is %zu bytes; a review needs at least 2.", len);
		goto fail;
	}
	if (r.p[0] != RV_WIRE_VERSION)
	{
		rv_error_set(err, RV_ERR_BINARY, 0, 0, "Unsupported binary format version %u (expected %d).",
					 r.p[0], RV_WIRE_VERSION);
		goto fail;
	}
	flags = r.p[1];
	if (flags & ~WF_ALL)
	{
		rv_error_set(err, RV_ERR_BINARY, 0, 0, "Unknown flag bits 0x%02x at byte 1.", flags & ~WF_ALL);
		goto fail;
	}
	r.p += 2, r.left -= 2, r.pos = 2;
	doc->warning = (flags & WF_WARNING) != 0;

	if (!get_str(&r, &doc->lang, &doc->lang_len, "language tag"))
		goto fail;
	if (!rv_lang_canonical(doc->lang, doc->lang_len, canon, sizeof(canon)) ||
		strcmp(canon, doc->lang) != 0)
	{
		rv_error_set(err, RV_ERR_BINARY, 0, 0, "The language tag is not a canonical BCP 47 tag.");
		goto fail;
	}
	if ((flags & WF_TITLE) && !get_str(&r, &doc->title, &doc->title_len, "title"))
		goto fail;
	if ((flags & WF_AUTHOR) && !get_str(&r, &doc->author, &doc->author_len, "author"))
		goto fail;
	if (flags & WF_RATING)
	{
		if (!get_str(&r, &doc->rating, &doc->rating_len, "rating"))
			goto fail;
		if (!rv_rating_parse(doc->rating, doc->rating_len, &doc->rating_norm, why, sizeof(why)))
		{
			rv_error_set(err, RV_ERR_BINARY, 0, 0, "Invalid rating. %s", why);
			goto fail;
		}
	}
	if (!get_str(&r, &doc->body, &doc->body_len, "body"))
		goto fail;
	if (!get_u32(&r, &nspans, "span count"))
		goto fail;
	/* Each span takes at least 12 bytes: reject absurd counts before allocating. */
	if (nspans > r.left / 12)
	{
		rv_error_set(err, RV_ERR_BINARY, 0, 0, "The span count %u does not fit in the %zu bytes left.",
					 nspans, r.left);
		goto fail;
	}
	doc->spans = rv_alloc0(sizeof(RvSpan) * (nspans ? nspans : 1));
	for (uint32_t i = 0; i < nspans; i++)
	{
		RvSpan	   *sp = &doc->spans[i];
		uint32_t	prev_end = i ? doc->spans[i - 1].start + doc->spans[i - 1].len : 0;
		uint32_t	label_len;

		if (!get_u32(&r, &sp->start, "span start") || !get_u32(&r, &sp->len, "span length"))
			goto fail;
		doc->nspans = i + 1;
		if (sp->len == 0 || sp->start < prev_end || sp->start > doc->body_len ||
			sp->len > doc->body_len - sp->start ||
			!is_char_start(doc->body, doc->body_len, sp->start) ||
			!is_char_start(doc->body, doc->body_len, sp->start + sp->len))
		{
			rv_error_set(err, RV_ERR_BINARY, 0, 0,
						 "Spoiler span %u (bytes %u+%u) is empty, out of order, outside the %u-byte body or not on character boundaries.",
						 i + 1, sp->start, sp->len, doc->body_len);
			goto fail;
		}
		if (r.left >= 4 && memcmp(r.p, "\xFF\xFF\xFF\xFF", 4) == 0)
		{
			r.p += 4, r.left -= 4, r.pos += 4;
			continue;
		}
		if (!get_str(&r, &sp->label, &label_len, "span label"))
			goto fail;
		sp->label_len = label_len;
		if (label_len == 0 || memchr(sp->label, '\n', label_len) || memchr(sp->label, '\r', label_len))
		{
			rv_error_set(err, RV_ERR_BINARY, 0, 0, "Spoiler span %u has an empty or multi-line label.", i + 1);
			goto fail;
		}
	}
	if (r.left != 0)
	{
		rv_error_set(err, RV_ERR_BINARY, 0, 0, "Unexpected data (%zu bytes) after the review at byte %zu.",
					 r.left, r.pos);
		goto fail;
	}

	/*
	 * A value that could not be output is refused (RV_ERR_LIMIT, as from
	 * any input) before its text form is made for the check below.
	 */
	{
		RvOutputLimits lim = {RV_OUTPUT_MAX_BUFFER, RV_OUTPUT_MAX_JSONB};

		if (!rv_check_output_size(doc, &lim, err))
			goto fail;
	}

	/* The value must be one that the text form produces. */
	rv_buf_init(&text, doc->body_len + 128);
	rv_format(doc, &text);
	check = rv_parse(text.data, text.len, err);
	rv_free(text.data);
	if (check == NULL || rv_doc_cmp(doc, check) != 0)
	{
		rv_error_set(err, RV_ERR_BINARY, 0, 0,
					 "The review is not in canonical form (its body has leading blank lines, trailing white space or a leading warning line).");
		goto fail;
	}
	rv_doc_free(check);
	return doc;

fail:
	rv_doc_free(check);
	rv_doc_free(doc);
	return NULL;
}
