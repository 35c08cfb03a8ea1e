/*
 * rv_output.c
 *	  The sizes of a review's printed forms (text, COPY text and CSV, binary,
 *	  jsonb and its text), and the check that input refuses a value that
 *	  PostgreSQL could not output.
 *
 * The sizes come from counting buffers over the very code that prints
 * (rv_format.c, rv_wire.c), so they are exact.
 */
#include <string.h>

#include "rv_review.h"

/*
 * Sizes of the printed forms, from counting buffers: the escaping in
 * rv_format_body is the very code that prints, so the count is exact.
 */

/* A JSON string's bytes as jsonb prints it, quotes included. */
#define JSON_STR(t)			(2 + (t).json)
#define JSON_COPY_STR(t)	(2 + (t).json_copy)
#define JSON_CSV_STR(t)		(4 + (t).json + (t).quotes)

static void
tally_pair(RvOutputSize *sz, const char *key, const RvTally *v, int *npairs)
{
	uint64_t	klen = strlen(key);

	/* {"key": "value", ...}: ", " between pairs, ": " in each */
	sz->jsonb += klen + v->bytes;
	sz->json_text += (*npairs ? 2 : 0) + 2 + klen + 2 + JSON_STR(*v);
	sz->json_copy += (*npairs ? 2 : 0) + 2 + klen + 2 + JSON_COPY_STR(*v);
	sz->json_csv += (*npairs ? 2 : 0) + 4 + klen + 2 + JSON_CSV_STR(*v);
	(*npairs)++;
}

static void
tally_meta(RvOutputSize *sz, const char *key, const char *v, uint32_t len, int *npairs)
{
	RvBuf		b;
	RvTally		t;

	if (v == NULL)
		return;
	rv_buf_init_tally(&b, &t);
	rv_buf_append(&b, v, len);
	tally_pair(sz, key, &t, npairs);
}

void
rv_output_size(const RvDoc *doc, RvOutputSize *sz)
{
	RvBuf		b;
	RvTally		head,
				warning,
				body;
	int			npairs = 0;

	memset(sz, 0, sizeof(*sz));
	rv_buf_init_tally(&b, &head);
	rv_format_head(doc, &b);
	rv_buf_init_tally(&b, &warning);
	if (doc->warning)
		rv_buf_append_str(&b, RV_WARNING_LINE "\n");
	rv_buf_init_tally(&b, &body);
	rv_format_body(doc, &b);

	/* The text form: COPY's CSV format quotes it (at most) and doubles '"'. */
	sz->text = head.bytes + body.bytes;
	sz->copy_text = head.copy + body.copy;
	sz->copy_csv = 2 + sz->text + head.quotes + body.quotes;
	sz->wire = rv_wire_size(doc);

	/*
	 * review_to_jsonb: the metadata as written and the body with the warning
	 * line.  A jsonb object holds a header, a JEntry per key and per value,
	 * then the keys' and values' bytes; printed it is
	 * {"key": "value", ...} with every string escaped.
	 */
	sz->json_text = 2;
	sz->json_copy = 2;
	sz->json_csv = 2 + 2;
	tally_meta(sz, "title", doc->title, doc->title_len, &npairs);
	tally_meta(sz, "author", doc->author, doc->author_len, &npairs);
	tally_meta(sz, "rating", doc->rating, doc->rating_len, &npairs);
	tally_meta(sz, "lang", doc->lang, doc->lang_len, &npairs);
	warning.bytes += body.bytes;
	warning.copy += body.copy;
	warning.quotes += body.quotes;
	warning.json += body.json;
	warning.json_copy += body.json_copy;
	tally_pair(sz, "body", &warning, &npairs);
	sz->jsonb += 4 + 8 * (uint64_t) npairs;
}

/*
 * An upper bound of every printed size: each byte of the body, a label or a
 * metadata value prints as at most 2 bytes (an escape) in the text form, and
 * each of those as at most 7 in the jsonb form escaped by COPY; a span adds
 * its markers.  Below the limits by this bound, no count is needed.
 */
static uint64_t
output_size_bound(const RvDoc *doc)
{
	uint64_t	bytes = (uint64_t) doc->body_len + doc->title_len + doc->author_len +
		doc->rating_len + doc->lang_len;

	for (uint32_t i = 0; i < doc->nspans; i++)
		bytes += doc->spans[i].label_len;
	return 14 * bytes + 24 * (uint64_t) doc->nspans + 1024;
}

bool
rv_check_output_size(const RvDoc *doc, const RvOutputLimits *lim, RvError *err)
{
	RvOutputSize sz;
	uint64_t	bound = output_size_bound(doc);
	struct
	{
		uint64_t	size;
		uint64_t	limit;
		const char *form;
	}			forms[8];
	int			n = 0;

	if (bound + RV_OUTPUT_ROW_OVERHEAD <= lim->buffer && bound <= lim->jsonb)
		return true;
	rv_output_size(doc, &sz);

#define FORM(sz_, limit_, overhead_, form_) \
	(forms[n].size = (sz_), \
	 forms[n].limit = (limit_) > (overhead_) ? (limit_) - (overhead_) : 0, \
	 forms[n].form = (form_), n++)
	FORM(sz.text, lim->buffer, RV_OUTPUT_ROW_OVERHEAD, NULL);
	FORM(sz.copy_text, lim->buffer, RV_OUTPUT_COPY_OVERHEAD, "as COPY TO escapes it");
	FORM(sz.copy_csv, lim->buffer, RV_OUTPUT_COPY_OVERHEAD, "as COPY TO writes it in CSV");
	FORM(sz.wire, lim->buffer, RV_OUTPUT_ROW_OVERHEAD, "its binary form");
	FORM(sz.jsonb, lim->jsonb, 0, "its jsonb form (review_to_jsonb)");
	FORM(sz.json_text, lim->buffer, RV_OUTPUT_ROW_OVERHEAD, "its jsonb form printed");
	FORM(sz.json_copy, lim->buffer, RV_OUTPUT_COPY_OVERHEAD, "its jsonb form as COPY TO escapes it");
	FORM(sz.json_csv, lim->buffer, RV_OUTPUT_COPY_OVERHEAD, "its jsonb form as COPY TO writes it in CSV");
#undef FORM

	for (int i = 0; i < n; i++)
	{
		unsigned long long size = forms[i].size,
					most = forms[i].limit;

		if (size <= most)
			continue;
		if (forms[i].form == NULL)
			rv_error_set(err, RV_ERR_LIMIT, 0, 0,
						 "The canonical text form of the review would be %llu bytes, "
						 "%llu more than the %llu bytes PostgreSQL can output.",
						 size, size - most, most);
		else
			rv_error_set(err, RV_ERR_LIMIT, 0, 0,
						 "The canonical text form of the review would be %llu bytes; "
						 "%s would be %llu bytes, %llu more than the %llu bytes %s.",
						 (unsigned long long) sz.text, forms[i].form, size, size - most,
						 most, i == 4 ? "a jsonb value can hold" : "PostgreSQL can output");
		return false;
	}
	return true;
}
