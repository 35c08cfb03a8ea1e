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
 * Encoding and its size are here; decoding, which distrusts every byte, is
 * rv_wire_decode.c.
 */
#include <stdio.h>
#include <string.h>

#include "rv_review.h"
#include "rv_utf8.h"


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
