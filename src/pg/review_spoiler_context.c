/*
 * review_spoiler_context.c
 *	  The item context of the spoiler detector (new in 0.3.0): the aggregate
 *	  spoiler_context(review) over the reviews of one title, and spoilers(r,
 *	  ctx) and redact(r, ctx, mask, threshold), which score r's sentences
 *	  again with it.
 *
 * The context counts content words of marked spoilers against the rest of
 * the reviews (src/core/rv_detect_item.c); a review's own marks are free
 * labels for every other review of the title.  Unlike spoilers(r) and
 * redact(r), which read the scores stored at input, these score at query
 * time, with the weights of the library: STABLE.  A context is checked and
 * detoasted once per call site while it stays the same (context_arg), and
 * read in place.
 * The item model weighs by the context's marked sentences; a context
 * without any gives exactly what spoilers(r) and redact(r) give.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "pg_review.h"
#include "review_visible.h"
#include "rv_detect_item.h"

PG_FUNCTION_INFO_V1(review_spoiler_context_add);
PG_FUNCTION_INFO_V1(review_spoiler_context_final);
PG_FUNCTION_INFO_V1(review_spoilers_ctx);
PG_FUNCTION_INFO_V1(review_redact_ctx);

/* Does a marked span overlap body[start, end)? (spans sorted by start) */
static bool
in_marked(const RvSpanEntry *spans, uint32 nspans, uint32 start, uint32 end)
{
	for (uint32 i = 0; i < nspans && spans[i].start < end; i++)
		if (spans[i].start + spans[i].len > start)
			return true;
	return false;
}

/* spoiler_context_add(internal, review): adds a review's sentences. */
Datum
review_spoiler_context_add(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	RvItemContext *ctx;
	Review	   *r;
	RvLayout	l;
	const RvSentEntry *sents;
	const RvSpanEntry *spans;
	const char *body;
	char		lang[RV_LANG_BUFSIZE];

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "spoiler_context_add called in non-aggregate context");
	if (PG_ARGISNULL(0))
	{
		ctx = MemoryContextAlloc(aggcontext, sizeof(RvItemContext));
		rv_item_init(ctx);
	}
	else
		ctx = (RvItemContext *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(ctx);

	r = PG_GETARG_REVIEW_P(1);
	review_layout(r, &l);
	body = (const char *) r + l.body;
	sents = RV_SECTION(r, &l, sents, RvSentEntry);
	spans = RV_SECTION(r, &l, spans, RvSpanEntry);
	review_lang_of(r, &l, lang);
	for (uint32 i = 0; i < r->nsents; i++)
	{
		RvError		err = {0};
		MemoryContext old;
		bool		ok;

		CHECK_FOR_INTERRUPTS();
		/* the context's words live as long as the aggregate */
		old = MemoryContextSwitchTo(aggcontext);
		ok = rv_item_add_sentence(ctx, body + sents[i].start, sents[i].end - sents[i].start,
								  lang, in_marked(spans, r->nspans, sents[i].start, sents[i].end),
								  &err);
		MemoryContextSwitchTo(old);
		if (!ok)
			rv_report(&err, "review", NULL);
	}
	PG_RETURN_POINTER(ctx);
}

/* spoiler_context_final(internal) -> bytea */
Datum
review_spoiler_context_final(PG_FUNCTION_ARGS)
{
	RvItemContext *ctx;
	RvBuf		out;
	bytea	   *result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	ctx = (RvItemContext *) PG_GETARG_POINTER(0);
	rv_buf_init(&out, 64 + (size_t) ctx->nwords * 16);
	rv_item_serialize(ctx, &out);
	result = palloc(VARHDRSZ + out.len);
	SET_VARSIZE(result, VARHDRSZ + out.len);
	memcpy(VARDATA(result), out.data, out.len);
	rv_free(out.data);
	PG_RETURN_BYTEA_P(result);
}

/*
 * The context argument, checked and read in place (rv_item_deserialize),
 * kept in fn_extra while the argument stays the same: a scalar subquery or
 * a joined row gives every call the same value, often a TOAST pointer,
 * which would otherwise be detoasted and checked again for each review.
 * The same value is the same TOAST pointer (its bytes name the stored
 * value, which is never changed in place) or the same bytes inline.
 */
typedef struct ContextCache
{
	struct varlena *key;		/* the argument as passed (pointer or bytes) */
	bytea	   *value;			/* detoasted */
	RvItemContext ctx;			/* reads value in place */
} ContextCache;

static const RvItemContext *
context_arg(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	ContextCache *c = fcinfo->flinfo->fn_extra;
	Size		keylen = VARSIZE_ANY(raw);
	MemoryContext old;
	RvError		err = {0};

	if (c != NULL && c->key != NULL && VARSIZE_ANY(c->key) == keylen &&
		memcmp(c->key, raw, keylen) == 0)
		return &c->ctx;
	if (c == NULL)
		c = fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
															   sizeof(ContextCache));
	if (c->key != NULL)
	{
		pfree(c->key);
		pfree(c->value);
		c->key = NULL;
	}
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	c->value = PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(argno));
	if (!rv_item_deserialize(VARDATA(c->value), VARSIZE(c->value) - VARHDRSZ, &c->ctx, &err))
	{
		MemoryContextSwitchTo(old);
		pfree(c->value);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid spoiler context"),
				 errdetail_internal("%s", err.detail)));
	}
	c->key = palloc(keylen);
	memcpy(c->key, raw, keylen);
	MemoryContextSwitchTo(old);
	return &c->ctx;
}

/*
 * The ranges to hide with the context: the core's rule (rv_hidden_ranges:
 * marked spans, and sentences scoring >= threshold outside them) over the
 * sentences scored again with the context.
 */
static RvHiddenRange *
ranges_with_context(const Review *r, const RvLayout *l, const RvItemContext *ctx,
					float threshold, int *n)
{
	const RvSentEntry *sents = RV_SECTION(r, l, sents, RvSentEntry);
	const RvSpanEntry *spans = RV_SECTION(r, l, spans, RvSpanEntry);
	const char *body = (const char *) r + l->body;
	RvHiddenRange *out = palloc(sizeof(RvHiddenRange) * ((Size) r->nspans + r->nsents + 1));
	RvSentEntry *rescored = palloc(sizeof(RvSentEntry) * ((Size) r->nsents + 1));
	RvError		err = {0};
	char		lang[RV_LANG_BUFSIZE];

	memcpy(rescored, sents, sizeof(RvSentEntry) * r->nsents);

	/*
	 * A context without marked spoilers (a title nobody has marked yet) has
	 * no evidence: the stored scores, exactly what spoilers(r) and redact(r)
	 * read (the core would compute the same: rv_detect_with_item).
	 */
	if (threshold < 1.0f && r->nsents > 0 && ctx->nspoiler > 0)
	{
		RvSentence *ss = palloc(sizeof(RvSentence) * r->nsents);
		RvSpan	   *sp = palloc(sizeof(RvSpan) * ((Size) r->nspans + 1));
		float	   *scores = palloc(sizeof(float) * r->nsents);
		RvDetectInput in;

		review_lang_of(r, l, lang);
		for (uint32 i = 0; i < r->nsents; i++)
		{
			ss[i].start = sents[i].start;
			ss[i].end = sents[i].end;
		}
		for (uint32 i = 0; i < r->nspans; i++)
			sp[i] = (RvSpan) {spans[i].start, spans[i].len, NULL, 0};
		in.body = body;
		in.body_len = r->body_len;
		in.lang = lang;
		in.warning = (r->flags & RV_FLAG_WARNING) != 0;
		in.sents = ss;
		in.nsents = r->nsents;
		in.spans = sp;
		in.nspans = r->nspans;
		if (rv_detect_with_item(&in, ctx, scores, &err) < 0)
			rv_report(&err, "review", NULL);
		for (uint32 i = 0; i < r->nsents; i++)
			rescored[i].score = scores[i];
	}
	*n = rv_hidden_ranges(spans, r->nspans, rescored, r->nsents, threshold, out);
	return out;
}

/* Characters of body before byte offset b. */
static int32
chars_before(const char *body, uint32 b)
{
	int32		n = 0;

	for (uint32 i = 0; i < b; i++)
		if (((unsigned char) body[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* spoilers(review, bytea) -> SETOF (start, len, source, score, content) */
Datum
review_spoilers_ctx(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Review	   *r = PG_GETARG_REVIEW_P(0);
	const RvItemContext *ctx = context_arg(fcinfo, 1);
	RvLayout	l;
	RvHiddenRange *ranges;
	int			n;
	const char *body;

	InitMaterializedSRF(fcinfo, 0);
	review_layout(r, &l);
	body = (const char *) r + l.body;
	ranges = ranges_with_context(r, &l, ctx, RV_DEFAULT_THRESHOLD, &n);
	for (int i = 0; i < n; i++)
	{
		Datum		values[5];
		bool		nulls[5] = {false};
		int32		start = chars_before(body, ranges[i].start);

		values[0] = Int32GetDatum(start);
		values[1] = Int32GetDatum(chars_before(body, ranges[i].end) - start);
		values[2] = CStringGetTextDatum(ranges[i].marked ? "markup" : "detected");
		values[3] = Float4GetDatum(ranges[i].score);
		values[4] = PointerGetDatum(cstring_to_text_with_len(body + ranges[i].start,
															 (int) (ranges[i].end - ranges[i].start)));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* redact(review, bytea, mask, threshold) -> text */
Datum
review_redact_ctx(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	const RvItemContext *ctx = context_arg(fcinfo, 1);
	text	   *mask = PG_GETARG_TEXT_PP(2);
	float		threshold = review_threshold_arg(fcinfo, 3);
	RvLayout	l;
	RvHiddenRange *ranges;
	int			n;
	const char *body;

	review_layout(r, &l);
	body = (const char *) r + l.body;
	ranges = ranges_with_context(r, &l, ctx, threshold, &n);
	PG_RETURN_TEXT_P(review_redact_text(body, r->body_len, ranges, n, mask));
}
