/*
 * review_io.c
 *	  Text and binary I/O of the review type, and its constructor.
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "review_build.h"
#include "rv_review.h"

PG_FUNCTION_INFO_V1(review_in);
PG_FUNCTION_INFO_V1(review_out);
PG_FUNCTION_INFO_V1(review_recv);
PG_FUNCTION_INFO_V1(review_send);
PG_FUNCTION_INFO_V1(review_construct);

/* Review text is UTF-8; the keyword dictionaries run in the database encoding. */
static void
check_database_encoding(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("pg_review requires a database with encoding UTF8"),
				 errdetail("The current database uses encoding %s.",
						   GetDatabaseEncodingName())));
}

Datum
review_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	RvError		err = {0};
	RvDoc	   *doc;

	check_database_encoding();
	doc = rv_parse(str, strlen(str), &err);
	if (doc == NULL)
		rv_report(&err, "review", str);
	PG_RETURN_REVIEW_P(review_from_doc(doc));
}

Datum
review_out(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvLayout	l;
	RvDoc		doc;
	RvBuf		out;

	review_layout(r, &l);
	rv_layout_doc(r, &doc);
	rv_buf_init(&out, r->body_len + 64);
	rv_format(&doc, &out);
	PG_RETURN_CSTRING(out.data);
}

Datum
review_send(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvLayout	l;
	RvDoc		doc;
	RvBuf		out;
	StringInfoData buf;

	review_layout(r, &l);
	rv_layout_doc(r, &doc);
	rv_buf_init(&out, r->body_len + 64);
	rv_wire_encode(&doc, &out);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, out.data, (int) out.len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
review_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	RvError		err = {0};
	RvDoc	   *doc;

	check_database_encoding();
	doc = rv_wire_decode(buf->data + buf->cursor, (size_t) (buf->len - buf->cursor), &err);
	if (doc == NULL)
		rv_report(&err, "review", NULL);
	buf->cursor = buf->len;
	PG_RETURN_REVIEW_P(review_from_doc(doc));
}

/*
 * review(body, title, rating, lang, author): not strict, as every argument
 * but body may be NULL ("not set"); a NULL body gives NULL.
 */
Datum
review_construct(PG_FUNCTION_ARGS)
{
	text	   *args[5] = {NULL};
	RvError		err = {0};
	RvDoc	   *doc;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	for (int i = 0; i < 5; i++)
		if (!PG_ARGISNULL(i))
			args[i] = PG_GETARG_TEXT_PP(i);

	check_database_encoding();
#define ARG(i) (args[i] ? VARDATA_ANY(args[i]) : NULL), (args[i] ? VARSIZE_ANY_EXHDR(args[i]) : 0)
	doc = rv_build(ARG(0), ARG(1), ARG(2), ARG(3), ARG(4), &err);
#undef ARG
	if (doc == NULL)
		rv_report(&err, "review", NULL);
	PG_RETURN_REVIEW_P(review_from_doc(doc));
}
