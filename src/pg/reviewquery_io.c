/*
 * reviewquery_io.c
 *	  The reviewquery type: text and binary I/O, reviewquery(text, lang).
 *
 * Terms are normalized at input exactly as review keywords are (ICU words,
 * NFKC case folding, the Snowball dictionary of the language), so the stored
 * query holds lexemes; output quotes them ('lexeme'), and quoted terms are
 * taken as lexemes on input, so out(in(x)) re-parses to the same value.
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "review_lexize.h"
#include "reviewquery.h"
#include "rv_review.h"

PG_FUNCTION_INFO_V1(reviewquery_in);
PG_FUNCTION_INFO_V1(reviewquery_out);
PG_FUNCTION_INFO_V1(reviewquery_recv);
PG_FUNCTION_INFO_V1(reviewquery_send);
PG_FUNCTION_INFO_V1(reviewquery_parse);

/*
 * The deserialized query of argument argno, cached in fn_extra across the
 * rows of a scan (the query is almost always a constant).
 */
typedef struct QueryCache
{
	struct varlena *raw;		/* copy of the datum, to recognise it */
	RvQuery    *q;
} QueryCache;

RvQuery *
review_query_from_datum(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *v = PG_GETARG_VARLENA_P(argno);
	QueryCache *c = fcinfo->flinfo->fn_extra;
	MemoryContext old;
	RvError		err = {0};

	if (c != NULL && VARSIZE(c->raw) == VARSIZE(v) &&
		memcmp(c->raw, v, VARSIZE(v)) == 0)
		return c->q;

	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (c == NULL)
		c = fcinfo->flinfo->fn_extra = palloc0(sizeof(QueryCache));
	else
	{
		pfree(c->raw);
		c->raw = NULL;
	}
	c->raw = palloc(VARSIZE(v));
	memcpy(c->raw, v, VARSIZE(v));
	c->q = rv_query_deserialize(VARDATA(c->raw), VARSIZE(c->raw) - VARHDRSZ, &err);
	MemoryContextSwitchTo(old);
	if (c->q == NULL)
	{
		pfree(c->raw);
		fcinfo->flinfo->fn_extra = NULL;
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type reviewquery is corrupted"),
				 errdetail_internal("%s", err.detail)));
	}
	return c->q;
}

static bool
normalize_term(void *arg, const RvQItem *term, RvQLexemes *out, RvError *err)
{
	const char *lang = arg;
	ReviewLexemes t;

	review_lexemes(term->text, term->len, lang, &t);
	out->lex = t.lex;
	out->len = t.len;
	out->pos = t.pos;
	out->n = (uint32) t.n;
	return true;
}

RvQuery *
review_query_parse(const char *s, size_t len, const char *lang)
{
	RvError		err = {0};
	RvQuery    *raw = rv_query_parse(s, len, &err);
	RvQuery    *q;

	if (raw == NULL)
		rv_report(&err, "reviewquery", pnstrdup(s, len));
	q = rv_query_normalize(raw, normalize_term, (void *) lang, &err);
	if (q == NULL)
		rv_report(&err, "reviewquery", pnstrdup(s, len));
	return q;
}

struct varlena *
review_query_to_datum(const RvQuery *q)
{
	size_t		size = rv_query_serialized_size(q);
	struct varlena *v;

	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("value of type reviewquery is too large")));
	v = palloc0(VARHDRSZ + size);
	SET_VARSIZE(v, VARHDRSZ + size);
	rv_query_serialize(q, VARDATA(v));
	return v;
}

Datum
reviewquery_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);

	PG_RETURN_POINTER(review_query_to_datum(review_query_parse(s, strlen(s), RV_DEFAULT_LANG)));
}

/* reviewquery(text, lang): the text normalized in the given language. */
Datum
reviewquery_parse(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	text	   *langt = PG_GETARG_TEXT_PP(1);
	char		lang[RV_LANG_BUFSIZE];
	const char *l = VARDATA_ANY(langt);
	size_t		llen = VARSIZE_ANY_EXHDR(langt);

	if (!rv_lang_canonical(l, llen, lang, sizeof(lang)))
	{
		/* quote at most 40 bytes, never half a character */
		int			shown = pg_mbcliplen(l, (int) llen, 40);

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid language tag \"%.*s%s\"", shown, l, (size_t) shown < llen ? "..." : ""),
				 errhint("Use a BCP 47 tag such as en, fr-CA or zh-Hant.")));
	}
	PG_RETURN_POINTER(review_query_to_datum(review_query_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), lang)));
}

Datum
reviewquery_out(PG_FUNCTION_ARGS)
{
	RvQuery    *q = review_query_from_datum(fcinfo, 0);
	RvBuf		out;

	rv_buf_init(&out, 64);
	rv_query_out(q, &out);
	PG_RETURN_CSTRING(out.data);
}

Datum
reviewquery_send(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_VARLENA_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA(v), (int) (VARSIZE(v) - VARHDRSZ));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The serialized form is platform-independent: recv validates and keeps it. */
Datum
reviewquery_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	RvError		err = {0};
	RvQuery    *q;

	q = rv_query_deserialize(buf->data + buf->cursor, (size_t) (buf->len - buf->cursor), &err);
	if (q == NULL)
		rv_report(&err, "reviewquery", NULL);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(review_query_to_datum(q));
}
