/*
 * review_visible.c
 *	  The hidden ranges and the visible word numbers of a stored value, for
 *	  redact(), snippets, the *_safe functions and @@~.  The rule is the
 *	  core's (rv_hidden.c); this reads the value's sections for it.
 */
#include "postgres.h"

#include <math.h>

#include "utils/memutils.h"

#include "review_visible.h"
#include "rv_detect.h"

RvHiddenRange *
review_hidden_ranges(const Review *r, const RvLayout *l, float threshold, int *n)
{
	RvHiddenRange *out = palloc(sizeof(RvHiddenRange) *
								((Size) r->nspans + r->nsents + 1));

	Assert(threshold >= 0 && threshold <= 1);
	*n = rv_hidden_ranges(RV_SECTION(r, l, spans, RvSpanEntry), r->nspans,
						  RV_SECTION(r, l, sents, RvSentEntry), r->nsents,
						  threshold, out);
	Assert(*n <= (int) (r->nspans + r->nsents));
	return out;
}

RvVisible *
review_visible_words(const Review *r, const RvLayout *l)
{
	RvHiddenRange *ranges;
	RvVisible  *v;
	RvError		err = {0};
	char		lang[RV_LANG_BUFSIZE];
	int			n;

	ranges = review_hidden_ranges(r, l, RV_DEFAULT_THRESHOLD, &n);
	n = rv_hidden_merge(ranges, n);
	if (n == 0)
	{
		pfree(ranges);
		return NULL;
	}
	v = palloc(sizeof(RvVisible));
	review_lang_of(r, l, lang);
	if (rv_visible_words((const char *) r + l->body, r->body_len, lang,
						 ranges, n, v, &err) < 0)
		rv_report(&err, "review", NULL);
	pfree(ranges);
	if (v->nruns == 0)
	{
		pfree(v);
		return NULL;
	}
	return v;
}

float
review_threshold_arg(FunctionCallInfo fcinfo, int argno)
{
	float		t = PG_GETARG_FLOAT4(argno);

	if (isnan(t) || t < 0 || t > 1)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("spoiler threshold must be between 0 and 1, not %g", t)));
	return t;
}

text *
review_redact_text(const char *body, uint32 body_len, const RvHiddenRange *ranges,
				   int n, const text *mask)
{
	uint64		len = rv_redact_len(body, body_len, ranges, n, VARSIZE_ANY_EXHDR(mask));
	RvBuf		out;

	if (len > MaxAllocSize - VARHDRSZ - 1)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("redacted text would be too long"),
				 errdetail("The text with its masks would have %llu bytes; the limit is %zu.",
						   (unsigned long long) len, (size_t) (MaxAllocSize - VARHDRSZ - 1)),
				 errhint("Use a shorter mask.")));
	/* the text's header, then the body around the masks, copied in blocks */
	rv_buf_init(&out, VARHDRSZ + len + 1);
	out.len = VARHDRSZ;
	rv_redact(body, body_len, ranges, n, VARDATA_ANY(mask), VARSIZE_ANY_EXHDR(mask), &out);
	Assert(out.len == VARHDRSZ + len);
	SET_VARSIZE(out.data, out.len);
	return (text *) out.data;
}
