/*
 * review_spoilers.c
 *	  Spoiler spans, sentence scores and redaction, read from the analysis
 *	  stored at input: nothing here segments or scores text again.
 *
 * Offsets given to SQL are in characters of review_body(r).
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "review_visible.h"
#include "rv_detect.h"

PG_FUNCTION_INFO_V1(review_spoilers);
PG_FUNCTION_INFO_V1(review_spoiler_score);
PG_FUNCTION_INFO_V1(review_sentences);
PG_FUNCTION_INFO_V1(review_redact);

/* Byte -> character offsets, for increasing byte offsets. */
typedef struct CharCursor
{
	const char *s;
	uint32		byte;
	int64		chars;
} CharCursor;

static int64
char_offset(CharCursor *c, uint32 byte)
{
	if (byte < c->byte)
	{
		c->byte = 0;
		c->chars = 0;
	}
	for (; c->byte < byte; c->byte++)
		if (((unsigned char) c->s[c->byte] & 0xC0) != 0x80)
			c->chars++;
	return c->chars;
}

/* Emits one row of a materialized SRF. */
static void
put_row(ReturnSetInfo *rsinfo, Datum *values, bool *nulls)
{
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/* spoilers(review) -> SETOF (start, len, source, score, content) */
Datum
review_spoilers(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvLayout	l;
	RvHiddenRange *ranges;
	int			n;
	CharCursor	cur;
	const char *body;

	InitMaterializedSRF(fcinfo, 0);
	review_layout(r, &l);
	body = (const char *) r + l.body;
	cur = (CharCursor) {body, 0, 0};
	ranges = review_hidden_ranges(r, &l, RV_DEFAULT_THRESHOLD, &n);
	for (int i = 0; i < n; i++)
	{
		Datum		values[5];
		bool		nulls[5] = {false};
		int64		start = char_offset(&cur, ranges[i].start);
		int64		end;
		CharCursor	c2 = cur;

		end = char_offset(&c2, ranges[i].end);
		values[0] = Int32GetDatum((int32) start);
		values[1] = Int32GetDatum((int32) (end - start));
		values[2] = CStringGetTextDatum(ranges[i].marked ? "markup" : "detected");
		values[3] = Float4GetDatum(ranges[i].score);
		values[4] = PointerGetDatum(cstring_to_text_with_len(body + ranges[i].start,
															 (int) (ranges[i].end - ranges[i].start)));
		put_row(rsinfo, values, nulls);
	}
	return (Datum) 0;
}

/* review_sentences(review) -> SETOF (start, len, score, sentence) */
Datum
review_sentences(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvLayout	l;
	const RvSentEntry *sents;
	CharCursor	cur;
	const char *body;

	InitMaterializedSRF(fcinfo, 0);
	review_layout(r, &l);
	body = (const char *) r + l.body;
	sents = RV_SECTION(r, &l, sents, RvSentEntry);
	cur = (CharCursor) {body, 0, 0};
	for (uint32 i = 0; i < r->nsents; i++)
	{
		Datum		values[4];
		bool		nulls[4] = {false};
		int64		start = char_offset(&cur, sents[i].start);
		int64		end = char_offset(&cur, sents[i].end);

		values[0] = Int32GetDatum((int32) start);
		values[1] = Int32GetDatum((int32) (end - start));
		values[2] = Float4GetDatum(sents[i].score);
		values[3] = PointerGetDatum(cstring_to_text_with_len(body + sents[i].start,
															 (int) (sents[i].end - sents[i].start)));
		put_row(rsinfo, values, nulls);
	}
	return (Datum) 0;
}

Datum
review_spoiler_score(PG_FUNCTION_ARGS)
{
	Review	   *r = (Review *) PG_DETOAST_DATUM_SLICE(PG_GETARG_DATUM(0), 0, sizeof(RvHeader));

	if (VARATT_IS_SHORT(r) || VARSIZE(r) < sizeof(RvHeader))
		r = PG_GETARG_REVIEW_P(0);
	PG_RETURN_FLOAT4(r->score);
}

/*
 * redact(review, mask, threshold): review_body with every marked span and
 * every sentence scoring >= threshold replaced by mask.  Masks separated by
 * nothing but white space collapse into one, so the number of masks does not
 * tell how many sentences were hidden.
 */
Datum
review_redact(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	text	   *mask = PG_GETARG_TEXT_PP(1);
	float		threshold = review_threshold_arg(fcinfo, 2);
	RvLayout	l;
	RvHiddenRange *ranges;
	int			n;
	const char *body;

	review_layout(r, &l);
	body = (const char *) r + l.body;
	ranges = review_hidden_ranges(r, &l, threshold, &n);
	PG_RETURN_TEXT_P(review_redact_text(body, r->body_len, ranges, n, mask));
}
