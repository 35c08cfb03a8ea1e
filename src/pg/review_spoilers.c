/*
 * review_spoilers.c
 *	  Spoiler spans, sentence scores and redaction, read from the analysis
 *	  stored at input: nothing here segments or scores text again.
 *
 * Offsets given to SQL are in characters of review_body(r).
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "pg_review.h"
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

/* By start; a marked span before a detected sentence at the same start. */
static int
cmp_range(const void *a, const void *b)
{
	const HiddenRange *x = a,
			   *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (int) y->marked - (int) x->marked;
}

/*
 * Marked spans plus sentences scoring >= threshold (none when threshold is
 * 1: "marked spans only"), sorted by start.  Sentences wholly inside a
 * marked span are left out: the span already covers them.
 */
HiddenRange *
review_hidden_ranges(const Review *r, const RvLayout *l, float threshold, int *n)
{
	const RvSpanEntry *spans = RV_SECTION(r, l, spans, RvSpanEntry);
	const RvSentEntry *sents = RV_SECTION(r, l, sents, RvSentEntry);
	HiddenRange *out = palloc(sizeof(HiddenRange) * (r->nspans + r->nsents + 1));
	int			k = 0;
	uint32		si = 0;

	for (uint32 i = 0; i < r->nspans; i++)
		out[k++] = (HiddenRange) {spans[i].start, spans[i].start + spans[i].len, true, 1.0f};
	if (threshold < 1.0f)
	{
		for (uint32 i = 0; i < r->nsents; i++)
		{
			if (sents[i].score < threshold)
				continue;
			while (si < r->nspans && spans[si].start + spans[si].len <= sents[i].start)
				si++;
			if (si < r->nspans && spans[si].start <= sents[i].start &&
				spans[si].start + spans[si].len >= sents[i].end)
				continue;
			out[k++] = (HiddenRange) {sents[i].start, sents[i].end, false, sents[i].score};
		}
	}
	qsort(out, k, sizeof(HiddenRange), cmp_range);
	*n = k;
	return out;
}

static float
get_threshold(FunctionCallInfo fcinfo, int argno)
{
	float		t = PG_GETARG_FLOAT4(argno);

	if (isnan(t) || t < 0 || t > 1)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("spoiler threshold must be between 0 and 1, not %g", t)));
	return t;
}

/* spoilers(review) -> SETOF (start, len, source, score, content) */
Datum
review_spoilers(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvLayout	l;
	HiddenRange *ranges;
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

static bool
only_space(const char *s, uint32 from, uint32 to)
{
	for (uint32 i = from; i < to; i++)
		if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
			return false;
	return true;
}

uint32
review_hidden_run(const HiddenRange *ranges, int n, int *i, const char *body)
{
	uint32		end = ranges[*i].end;

	for ((*i)++; *i < n && (ranges[*i].start <= end || only_space(body, end, ranges[*i].start)); (*i)++)
		end = Max(end, ranges[*i].end);
	return end;
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
	float		threshold = get_threshold(fcinfo, 2);
	RvLayout	l;
	HiddenRange *ranges;
	int			n;
	const char *body;
	StringInfoData out;
	uint32		pos = 0;

	review_layout(r, &l);
	body = (const char *) r + l.body;
	ranges = review_hidden_ranges(r, &l, threshold, &n);
	initStringInfo(&out);
	for (int i = 0; i < n;)
	{
		uint32		start = ranges[i].start;
		uint32		end = review_hidden_run(ranges, n, &i, body);

		if (start < pos)
			start = pos;
		appendBinaryStringInfo(&out, body + pos, (int) (start - pos));
		appendBinaryStringInfo(&out, VARDATA_ANY(mask), (int) VARSIZE_ANY_EXHDR(mask));
		pos = Max(pos, end);
	}
	appendBinaryStringInfo(&out, body + pos, (int) (r->body_len - pos));
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, out.len));
}
