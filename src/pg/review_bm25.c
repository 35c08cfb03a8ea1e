/*
 * review_bm25.c
 *	  BM25 ranking with corpus statistics: the review_bm25query type, the
 *	  scorer review_bm25(review, review_bm25query) and its distance r <#> bq,
 *	  and what the statistics of a tracked column are made of
 *	  (review_corpus_terms, reviewquery_terms; the tables and triggers are
 *	  SQL, see the install scripts).
 *
 * A review_bm25query is a reviewquery with the statistics of the corpus it
 * is ranked against: the number of rows, their average word count, and the
 * document frequency of each positive term (outside any NOT).  Every input
 * that depends on the table is inside the value, so review_bm25() is a pure
 * function of its arguments (IMMUTABLE) and the RUM index can order by it;
 * review_bm25_query(), which reads the statistics, is STABLE.
 *
 * Stored form (after the varlena header; native byte order, read with
 * memcpy since a short-header value is not aligned):
 *
 *	uint8 version, uint8 flags (BQ_SAFE), uint16 bound, uint32 nitems,
 *	float8 rows, float8 avgdl, float8 df[nitems] (-1: not a positive term),
 *	the reviewquery's serialized form (rv_query_serialize)
 *
 * Text form: a JSON object, read through jsonb:
 *	{"query": "'worker' | 'wealth'", "safe": false, "rows": 3, "avgdl": 8.5,
 *	 "df": [{"term": "worker", "df": 2}, {"term": "wealth", "df": 1}]}
 * with "prefix": true on prefix terms.  The binary form is the text form.
 *
 * bound is 0 except in the copy a bounded top-k scan gives the index
 * (review_bm25_with_bound, see review_topk.c); it is not part of the text
 * form, and review_bm25() ignores it.
 *
 * With safe, the statistics are those of what a spoiler-free reader sees
 * (visible rows and words) and the score counts visible occurrences only,
 * with lengths and first mentions in visible words, as redact() shows the
 * review: hidden text never moves the score.
 */
#include "postgres.h"

#include <math.h>

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "review_bm25.h"
#include "review_match.h"
#include "review_visible.h"
#include "reviewquery.h"
#include "rv_bm25.h"
#include "rv_rank.h"

PG_FUNCTION_INFO_V1(review_bm25query_in);
PG_FUNCTION_INFO_V1(review_bm25query_out);
PG_FUNCTION_INFO_V1(review_bm25query_recv);
PG_FUNCTION_INFO_V1(review_bm25query_send);
PG_FUNCTION_INFO_V1(review_bm25);
PG_FUNCTION_INFO_V1(review_bm25_distance);
PG_FUNCTION_INFO_V1(reviewquery_terms);
PG_FUNCTION_INFO_V1(review_corpus_terms);

#define BQ_VERSION		1
#define BQ_SAFE			0x01
#define BQ_HEADER		24

/* The value's bytes: header, df[], then the query. */
struct varlena *
review_bm25_serialize(const RvQuery *q, bool safe, double rows, double avgdl,
			   const double *df)
{
	size_t		qsize = rv_query_serialized_size(q);
	size_t		size = VARHDRSZ + BQ_HEADER + sizeof(double) * (size_t) q->nitems + qsize;
	struct varlena *v;
	char	   *p;
	uint8		version = BQ_VERSION,
				flags = safe ? BQ_SAFE : 0;
	uint32		nitems = q->nitems;

	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("value of type review_bm25query is too large")));
	v = palloc0(size);
	SET_VARSIZE(v, size);
	p = VARDATA(v);
	memcpy(p, &version, 1);
	memcpy(p + 1, &flags, 1);
	memcpy(p + 4, &nitems, 4);
	memcpy(p + 8, &rows, 8);
	memcpy(p + 16, &avgdl, 8);
	memcpy(p + BQ_HEADER, df, sizeof(double) * q->nitems);
	rv_query_serialize(q, p + BQ_HEADER + sizeof(double) * q->nitems);
	return v;
}

static void
bm25_corrupted(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("stored value of type review_bm25query is corrupted"),
			 errdetail_internal("%s", detail)));
}

/* Which items score: the first of each distinct positive term. */
static void
bm25_prepare(ReviewBm25 *b)
{
	RvQuery    *q = b->q;
	bool	   *positive = palloc0(sizeof(bool) * (q->nitems ? q->nitems : 1));

	rv_query_positive_terms(q, positive);
	b->idf = palloc0(sizeof(double) * (q->nitems ? q->nitems : 1));
	b->scores = palloc0(sizeof(bool) * (q->nitems ? q->nitems : 1));
	for (uint32 i = 0; i < q->nitems; i++)
	{
		const RvQItem *it = &q->items[i];
		bool		repeat = false;

		if (!positive[i])
			continue;
		for (uint32 j = 0; j < i && !repeat; j++)
			repeat = b->scores[j] && rv_query_same_term(&q->items[j], it);
		b->scores[i] = !repeat;
		b->idf[i] = rv_bm25_idf(b->rows, b->df[i]);
	}
	pfree(positive);
}

ReviewBm25 *
review_bm25_deserialize(const struct varlena *v)
{
	const char *p = VARDATA(v);
	size_t		len = VARSIZE(v) - VARHDRSZ;
	uint8		version,
				flags;
	uint32		nitems;
	ReviewBm25 *b = palloc0(sizeof(ReviewBm25));
	RvError		err = {0};

	if (len < BQ_HEADER)
		bm25_corrupted("The value is shorter than its header.");
	memcpy(&version, p, 1);
	memcpy(&flags, p + 1, 1);
	memcpy(&b->bound, p + 2, 2);
	memcpy(&nitems, p + 4, 4);
	memcpy(&b->rows, p + 8, 8);
	memcpy(&b->avgdl, p + 16, 8);
	if (version != BQ_VERSION || (flags & ~BQ_SAFE) != 0)
		bm25_corrupted("Unknown format version or flags.");
	if (nitems > (len - BQ_HEADER) / sizeof(double))
		bm25_corrupted("The item count exceeds the value.");
	b->safe = (flags & BQ_SAFE) != 0;
	b->df = palloc(sizeof(double) * (nitems ? nitems : 1));
	memcpy(b->df, p + BQ_HEADER, sizeof(double) * nitems);
	b->q = rv_query_deserialize(p + BQ_HEADER + sizeof(double) * nitems,
								len - BQ_HEADER - sizeof(double) * nitems, &err);
	if (b->q == NULL)
		bm25_corrupted(err.detail);
	if (b->q->nitems != nitems)
		bm25_corrupted("The item count does not match the query.");
	if (!isfinite(b->rows) || b->rows < 0 || !isfinite(b->avgdl) || b->avgdl < 0)
		bm25_corrupted("Rows or average length out of range.");
	for (uint32 i = 0; i < nitems; i++)
		if (!isfinite(b->df[i]) || b->df[i] < -1)
			bm25_corrupted("A document frequency is out of range.");
	bm25_prepare(b);
	return b;
}

struct varlena *
review_bm25_with_bound(Datum bq, uint16 bound)
{
	struct varlena *v = PG_DETOAST_DATUM_COPY(bq);

	if (VARSIZE(v) < VARHDRSZ + BQ_HEADER)
		bm25_corrupted("The value is shorter than its header.");
	memcpy(VARDATA(v) + 2, &bound, 2);
	return v;
}

typedef struct Bm25Cache
{
	struct varlena *raw;
	ReviewBm25 *b;
} Bm25Cache;

ReviewBm25 *
review_bm25_from_datum(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *v = PG_GETARG_VARLENA_P(argno);
	Bm25Cache  *c = fcinfo->flinfo->fn_extra;
	MemoryContext old;

	if (c != NULL && VARSIZE(c->raw) == VARSIZE(v) && memcmp(c->raw, v, VARSIZE(v)) == 0)
		return c->b;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (c == NULL)
		c = fcinfo->flinfo->fn_extra = palloc0(sizeof(Bm25Cache));
	else if (c->raw != NULL)
		pfree(c->raw);
	c->raw = NULL;
	c->b = NULL;
	/* the deserialized query points into the copy, which must outlive it */
	c->raw = palloc(VARSIZE(v));
	memcpy(c->raw, v, VARSIZE(v));
	c->b = review_bm25_deserialize(c->raw);
	MemoryContextSwitchTo(old);
	return c->b;
}

/* Input */

static void
bm25_syntax(const char *msg, const char *input)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type review_bm25query: %s", msg),
			 errdetail("Expected {\"query\": reviewquery text, \"safe\": boolean, \"rows\": number, \"avgdl\": number, \"df\": [{\"term\": text, \"prefix\": boolean, \"df\": number}, ...]}."),
			 input ? errcontext("review_bm25query \"%.60s%s\"", input, strlen(input) > 60 ? "..." : "") : 0));
}

static JsonbValue *
json_field(JsonbContainer *c, const char *key, enum jbvType type, bool required,
		   const char *input)
{
	JsonbValue *v = getKeyJsonValueFromContainer(c, key, strlen(key), NULL);

	if (v == NULL)
	{
		if (required)
			bm25_syntax(psprintf("key \"%s\" is missing", key), input);
		return NULL;
	}
	if (v->type != type)
		bm25_syntax(psprintf("key \"%s\" has the wrong type", key), input);
	return v;
}

static double
json_number(JsonbContainer *c, const char *key, const char *input)
{
	JsonbValue *v = json_field(c, key, jbvNumeric, true, input);
	double		d = DatumGetFloat8(DirectFunctionCall1(numeric_float8,
													   NumericGetDatum(v->val.numeric)));

	if (!isfinite(d) || d < 0)
		bm25_syntax(psprintf("\"%s\" must be a finite number >= 0", key), input);
	return d;
}

static struct varlena *
bm25_from_text(const char *s)
{
	Jsonb	   *j = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(s)));
	JsonbValue *v,
			   *arr;
	RvQuery    *q;
	double	   *df;
	bool	   *positive;
	bool		safe = false;
	double		rows,
				avgdl;
	int			n;

	if (!JB_ROOT_IS_OBJECT(j) || JB_ROOT_IS_SCALAR(j))
		bm25_syntax("not a JSON object", s);
	v = json_field(&j->root, "query", jbvString, true, s);
	q = review_query_parse(v->val.string.val, v->val.string.len, RV_DEFAULT_LANG);
	if ((v = json_field(&j->root, "safe", jbvBool, false, s)) != NULL)
		safe = v->val.boolean;
	rows = json_number(&j->root, "rows", s);
	avgdl = json_number(&j->root, "avgdl", s);
	arr = json_field(&j->root, "df", jbvBinary, true, s);
	if (!JsonContainerIsArray(arr->val.binary.data))
		bm25_syntax("\"df\" must be an array", s);
	n = JsonContainerSize(arr->val.binary.data);

	df = palloc(sizeof(double) * (q->nitems ? q->nitems : 1));
	positive = palloc0(sizeof(bool) * (q->nitems ? q->nitems : 1));
	rv_query_positive_terms(q, positive);
	for (uint32 i = 0; i < q->nitems; i++)
		df[i] = positive[i] ? -2 : -1;	/* -2: still to be given */
	for (int k = 0; k < n; k++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(arr->val.binary.data, k);
		JsonbValue *term,
				   *pv;
		bool		prefix = false,
					found = false;
		double		d;

		if (e == NULL || e->type != jbvBinary || !JsonContainerIsObject(e->val.binary.data))
			bm25_syntax("an element of \"df\" is not an object", s);
		term = json_field(e->val.binary.data, "term", jbvString, true, s);
		if ((pv = json_field(e->val.binary.data, "prefix", jbvBool, false, s)) != NULL)
			prefix = pv->val.boolean;
		d = json_number(e->val.binary.data, "df", s);
		for (uint32 i = 0; i < q->nitems; i++)
		{
			const RvQItem *it = &q->items[i];

			if (positive[i] && it->len == (uint32) term->val.string.len &&
				((it->flags & RVQ_PREFIX) != 0) == prefix &&
				memcmp(it->text, term->val.string.val, it->len) == 0)
			{
				df[i] = d;
				found = true;
			}
		}
		if (!found)
			bm25_syntax(psprintf("\"df\" names \"%.*s\"%s, which is not a positive term of the query",
								 Min(term->val.string.len, 60), term->val.string.val,
								 prefix ? " (prefix)" : ""), s);
	}
	for (uint32 i = 0; i < q->nitems; i++)
		if (df[i] == -2)
			bm25_syntax(psprintf("\"df\" has no entry for the term \"%.*s\"",
								 (int) Min(q->items[i].len, 60), q->items[i].text), s);
	return review_bm25_serialize(q, safe, rows, avgdl, df);
}

Datum
review_bm25query_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(bm25_from_text(PG_GETARG_CSTRING(0)));
}

/* Output */

static char *
bm25_to_text(const ReviewBm25 *b)
{
	StringInfoData out;
	RvBuf		qtext;
	bool		first = true;

	rv_buf_init(&qtext, 64);
	rv_query_out(b->q, &qtext);
	initStringInfo(&out);
	appendStringInfoString(&out, "{\"query\": ");
	escape_json(&out, qtext.data);
	appendStringInfo(&out, ", \"safe\": %s, \"rows\": %s, \"avgdl\": %s, \"df\": [",
					 b->safe ? "true" : "false", float8out_internal(b->rows),
					 float8out_internal(b->avgdl));
	for (uint32 i = 0; i < b->q->nitems; i++)
	{
		const RvQItem *it = &b->q->items[i];

		if (!b->scores[i])
			continue;
		appendStringInfoString(&out, first ? "{\"term\": " : ", {\"term\": ");
		escape_json(&out, pnstrdup(it->text, it->len));
		if (it->flags & RVQ_PREFIX)
			appendStringInfoString(&out, ", \"prefix\": true");
		appendStringInfo(&out, ", \"df\": %s}", float8out_internal(b->df[i]));
		first = false;
	}
	appendStringInfoString(&out, "]}");
	return out.data;
}

Datum
review_bm25query_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(bm25_to_text(review_bm25_from_datum(fcinfo, 0)));
}

/* The binary form is the text form, so it is portable and checked alike. */
Datum
review_bm25query_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	char	   *s = bm25_to_text(review_bm25_from_datum(fcinfo, 0));

	pq_begintypsend(&buf);
	pq_sendtext(&buf, s, strlen(s));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
review_bm25query_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes = buf->len - buf->cursor;
	char	   *s = pq_getmsgtext(buf, nbytes, &nbytes);

	PG_RETURN_POINTER(bm25_from_text(s));
}

/* Scoring */

static double
bm25_score(const Review *r, const RvLayout *l, const ReviewBm25 *b,
		   const RvVisible *vis)
{
	double		len = b->safe ? rv_visible_count(vis, r->nwords) : r->nwords;
	double		score = 0;

	for (uint32 i = 0; i < b->q->nitems; i++)
	{
		const RvQItem *it = &b->q->items[i];
		uint32	   *pos;
		int64		n;

		if (!b->scores[i])
			continue;
		n = review_term_positions(r, l, it->text, it->len, (it->flags & RVQ_PREFIX) != 0,
								  b->safe, &pos, NULL);
		if (n == 0)
			continue;
		if (b->safe)
			rv_visible_renumber(vis, pos, 1);	/* the first one */
		score += rv_bm25_term(b->idf[i], (double) n, pos[0], len, b->avgdl);
		pfree(pos);
	}
	return score;
}

/* review_bm25(review, review_bm25query): the score, higher is better. */
static double
bm25_of_args(FunctionCallInfo fcinfo)
{
	ReviewBm25 *b = review_bm25_from_datum(fcinfo, 1);
	RvLayout	l;
	Review	   *r;
	RvVisible  *vis = NULL;

	if (b->safe)
	{
		/* visible words need the body */
		r = PG_GETARG_REVIEW_P(0);
		review_layout(r, &l);
		vis = review_visible_words(r, &l);
	}
	else
		r = review_detoast_prefix(PG_GETARG_DATUM(0), &l);
	return bm25_score(r, &l, b, vis);
}

Datum
review_bm25(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(bm25_of_args(fcinfo));
}

/* r <#> bq: -review_bm25(r, bq), so that ascending order is best first. */
Datum
review_bm25_distance(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(-bm25_of_args(fcinfo));
}

/* Statistics */

/* reviewquery_terms(reviewquery) -> SETOF (term, prefix): distinct positive terms. */
Datum
reviewquery_terms(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	RvQuery    *q = review_query_from_datum(fcinfo, 0);
	bool	   *positive = palloc0(sizeof(bool) * (q->nitems ? q->nitems : 1));

	InitMaterializedSRF(fcinfo, 0);
	rv_query_positive_terms(q, positive);
	for (uint32 i = 0; i < q->nitems; i++)
	{
		const RvQItem *it = &q->items[i];
		Datum		values[2];
		bool		nulls[2] = {false, false};
		bool		repeat = false;

		if (!positive[i])
			continue;
		for (uint32 j = 0; j < i && !repeat; j++)
			repeat = positive[j] && rv_query_same_term(&q->items[j], it);
		if (repeat)
			continue;
		values[0] = PointerGetDatum(cstring_to_text_with_len(it->text, it->len));
		values[1] = BoolGetDatum((it->flags & RVQ_PREFIX) != 0);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * review_corpus_terms(review) -> SETOF (keyword, docs, docs_visible, words,
 * words_visible): what one review adds to the statistics of its column: a
 * row per keyword (docs 1; docs_visible 1 when a spoiler-free reader sees
 * it), and a row with keyword '' for the totals (docs 1, docs_visible 1,
 * its word count and its visible word count).
 */
Datum
review_corpus_terms(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvLayout	l;
	RvVisible  *vis;
	Datum		values[5];
	bool		nulls[5] = {false, false, false, false, false};

	InitMaterializedSRF(fcinfo, 0);
	review_layout(r, &l);
	vis = review_visible_words(r, &l);
	values[0] = PointerGetDatum(cstring_to_text_with_len("", 0));
	values[1] = Int32GetDatum(1);
	values[2] = Int32GetDatum(1);
	values[3] = Int64GetDatum((int64) r->nwords);
	values[4] = Int64GetDatum((int64) rv_visible_count(vis, r->nwords));
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	values[3] = Int64GetDatum(0);
	values[4] = Int64GetDatum(0);
	for (uint32 i = 0; i < r->nlex; i++)
	{
		RvKeyword	kw;

		rv_layout_keyword(r, &l, i, &kw);
		values[0] = PointerGetDatum(cstring_to_text_with_len(kw.str, kw.len));
		values[2] = Int32GetDatum(kw.visible ? 1 : 0);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
