/*
 * review_stats.c
 *	  review_stats(review): the size of a review and how much of it is
 *	  spoilers, counted from the analysis stored at input (new in 0.2.0).
 *	  Nothing is segmented or scored again.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"

#include "review_datum.h"
#include "rv_detect.h"
#include "rv_utf8.h"

PG_FUNCTION_INFO_V1(review_stats);

#define REVIEW_STATS_NATTS 7

Datum
review_stats(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvLayout	l;
	TupleDesc	tupdesc;
	const RvSentEntry *sents;
	uint32	   *pos;
	int64		chars;
	uint32		spoiler_sents = 0;
	uint32		hidden = 0;
	Datum		values[REVIEW_STATS_NATTS];
	bool		nulls[REVIEW_STATS_NATTS] = {0};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	if (tupdesc->natts != REVIEW_STATS_NATTS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("review_stats must return %d columns, not %d",
						REVIEW_STATS_NATTS, tupdesc->natts)));
	tupdesc = BlessTupleDesc(tupdesc);

	review_layout(r, &l);

	/* The body was validated as UTF-8 when the value was built. */
	chars = rv_utf8_count((const char *) r + l.body, r->body_len);
	if (chars < 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type review is corrupted"),
				 errdetail("The body is not valid UTF-8.")));

	/* Sentences the detector flags at the default threshold, as spoilers(). */
	sents = RV_SECTION(r, &l, sents, RvSentEntry);
	for (uint32 i = 0; i < r->nsents; i++)
		if (sents[i].score >= RV_DEFAULT_THRESHOLD)
			spoiler_sents++;

	/*
	 * Keyword occurrences hidden from a spoiler-free reader: the positions
	 * marked hidden at input (inside a marked span, or in a sentence scoring
	 * at or above the default threshold), the ones @@~ ignores.  The
	 * keywords' positions are decoded one keyword at a time.
	 */
	pos = palloc(sizeof(uint32) * Max(r->npos, 1));
	for (uint32 i = 0; i < r->nlex; i++)
	{
		RvKeyword	kw;

		rv_layout_keyword(r, &l, i, &kw);
		rv_layout_positions(&kw, pos);
		for (uint32 k = 0; k < kw.npos; k++)
			if (pos[k] & RV_POS_HIDDEN)
				hidden++;
	}

	values[0] = Int32GetDatum((int32) chars);
	values[1] = Int32GetDatum((int32) r->nsents);
	values[2] = Int32GetDatum((int32) spoiler_sents);
	values[3] = Int32GetDatum((int32) r->nspans);
	values[4] = Int32GetDatum((int32) r->nlex);
	values[5] = Int32GetDatum((int32) r->npos);
	values[6] = Int32GetDatum((int32) hidden);

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
