/*
 * review_accessors.c
 *	  Metadata and body accessors.  The metadata sits right after the header,
 *	  so its accessors detoast only a prefix of a large, TOASTed review.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "review_datum.h"
#include "rv_detect.h"

PG_FUNCTION_INFO_V1(review_title);
PG_FUNCTION_INFO_V1(review_author);
PG_FUNCTION_INFO_V1(review_lang);
PG_FUNCTION_INFO_V1(review_rating_text);
PG_FUNCTION_INFO_V1(review_rating);
PG_FUNCTION_INFO_V1(review_body);
PG_FUNCTION_INFO_V1(has_spoilers);

/*
 * Fetches the header and the metadata strings only: two slices of at most a
 * few hundred bytes, whatever the size of the body.
 */
static Review *
get_meta_prefix(FunctionCallInfo fcinfo)
{
	Datum		d = PG_GETARG_DATUM(0);
	Review	   *h;
	uint64		need;

	h = (Review *) PG_DETOAST_DATUM_SLICE(d, 0, sizeof(RvHeader));
	/* Short or odd values: take the whole, and check it before reading it. */
	if (VARATT_IS_SHORT(h) || VARSIZE(h) < sizeof(RvHeader))
		return review_checked_header(PG_GETARG_REVIEW_P(0));
	need = sizeof(RvHeader) + (uint64) h->lang_len + h->title_len + h->author_len + h->rating_len;
	if (need > sizeof(RvHeader))
		h = (Review *) PG_DETOAST_DATUM_SLICE(d, 0, (int32) Min(need, MaxAllocSize));
	if (VARATT_IS_SHORT(h) || !RV_LAYOUT_VERSION_OK(h->version) || VARSIZE(h) < need)
		h = review_checked_header(PG_GETARG_REVIEW_P(0));
	return h;
}

/* Returns metadata field k (0 lang, 1 title, 2 author, 3 rating). */
static Datum
meta_field(FunctionCallInfo fcinfo, int k)
{
	Review	   *h = get_meta_prefix(fcinfo);
	const char *p = (const char *) h + sizeof(RvHeader);
	uint32		lens[4] = {h->lang_len, h->title_len, h->author_len, h->rating_len};
	uint8		flag[4] = {0, RV_FLAG_TITLE, RV_FLAG_AUTHOR, RV_FLAG_RATING};

	if (k > 0 && !(h->flags & flag[k]))
		PG_RETURN_NULL();
	for (int i = 0; i < k; i++)
		p += lens[i];
	PG_RETURN_TEXT_P(cstring_to_text_with_len(p, (int) lens[k]));
}

Datum
review_lang(PG_FUNCTION_ARGS)
{
	return meta_field(fcinfo, 0);
}

Datum
review_title(PG_FUNCTION_ARGS)
{
	return meta_field(fcinfo, 1);
}

Datum
review_author(PG_FUNCTION_ARGS)
{
	return meta_field(fcinfo, 2);
}

Datum
review_rating_text(PG_FUNCTION_ARGS)
{
	return meta_field(fcinfo, 3);
}

Datum
review_rating(PG_FUNCTION_ARGS)
{
	Review	   *h = (Review *) PG_DETOAST_DATUM_SLICE(PG_GETARG_DATUM(0), 0, sizeof(RvHeader));

	if (VARATT_IS_SHORT(h) || VARSIZE(h) < sizeof(RvHeader))
		h = PG_GETARG_REVIEW_P(0);
	review_checked_header(h);
	if (!(h->flags & RV_FLAG_RATING))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT4(h->rating);
}

Datum
review_body(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvLayout	l;

	review_layout(r, &l);
	PG_RETURN_TEXT_P(cstring_to_text_with_len((const char *) r + l.body, (int) r->body_len));
}

/* Marked spans, the warning line, or a sentence at the default threshold. */
Datum
has_spoilers(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvLayout	l;
	const RvSentEntry *s;

	review_layout(r, &l);
	if (r->nspans > 0 || (r->flags & RV_FLAG_WARNING))
		PG_RETURN_BOOL(true);
	s = RV_SECTION(r, &l, sents, RvSentEntry);
	for (uint32 i = 0; i < r->nsents; i++)
		if (s[i].score >= RV_DEFAULT_THRESHOLD)
			PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(false);
}
