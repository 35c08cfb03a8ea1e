/*
 * rv_wire.c
 *	  The binary (send/recv) format of a review: the fields as written, in
 *	  network byte order.  The derived analysis is not sent; the receiver
 *	  recomputes it, so no client can store an analysis that disagrees with
 *	  the text (spoiler-safe search depends on that).
 *
 *	uint8	version (RV_WIRE_VERSION)
 *	uint8	flags: 1 warning, 2 title set, 4 author set, 8 rating set
 *	string	lang; [title]; [author]; [rating]; body		(uint32 length + bytes)
 *	uint32	nspans, then per span: uint32 start, uint32 len (bytes of body),
 *			int32 label length (-1: none) + label bytes
 *
 * Decoding distrusts every byte: lengths, offsets, UTF-8, flags, version,
 * and finally that the value is canonical (printing and re-parsing it gives
 * the same value), which rules out bodies the text form could not express.
 */
#include <stdio.h>
#include <string.h>

#include "rv_review.h"
#include "rv_utf8.h"

#define WF_WARNING	0x01
#define WF_TITLE	0x02
#define WF_AUTHOR	0x04
#define WF_RATING	0x08
#define WF_ALL		0x0F

static void
put_u32(RvBuf *b, uint32_t v)
{
	unsigned char x[4] = {v >> 24, v >> 16, v >> 8, v};

	rv_buf_append(b, x, 4);
}

static void
put_str(RvBuf *b, const char *s, uint32_t len)
{
	put_u32(b, len);
	rv_buf_append(b, s, len);
}

void
rv_wire_encode(const RvDoc *doc, RvBuf *out)
{
	unsigned char hdr[2];

	hdr[0] = RV_WIRE_VERSION;
	hdr[1] = (doc->warning ? WF_WARNING : 0) | (doc->title ? WF_TITLE : 0) |
		(doc->author ? WF_AUTHOR : 0) | (doc->rating ? WF_RATING : 0);
	rv_buf_append(out, hdr, 2);
	put_str(out, doc->lang, doc->lang_len);
	if (doc->title)
		put_str(out, doc->title, doc->title_len);
	if (doc->author)
		put_str(out, doc->author, doc->author_len);
	if (doc->rating)
		put_str(out, doc->rating, doc->rating_len);
	put_str(out, doc->body, doc->body_len);
	put_u32(out, doc->nspans);
	for (uint32_t i = 0; i < doc->nspans; i++)
	{
		put_u32(out, doc->spans[i].start);
		put_u32(out, doc->spans[i].len);
		if (doc->spans[i].label)
			put_str(out, doc->spans[i].label, doc->spans[i].label_len);
		else
			put_u32(out, UINT32_MAX);
	}
}

uint64_t
rv_wire_size(const RvDoc *doc)
{
	uint64_t	n = 2 + 4 + (uint64_t) doc->lang_len + 4 + doc->body_len + 4;

	if (doc->title)
		n += 4 + (uint64_t) doc->title_len;
	if (doc->author)
		n += 4 + (uint64_t) doc->author_len;
	if (doc->rating)
		n += 4 + (uint64_t) doc->rating_len;
	for (uint32_t i = 0; i < doc->nspans; i++)
		n += 12 + (doc->spans[i].label ? (uint64_t) doc->spans[i].label_len : 0);
	return n;
}

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
