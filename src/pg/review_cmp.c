/*
 * review_cmp.c
 *	  Equality, ordering and hashing of reviews: by the fields as written
 *	  (title, author, body, lang, rating, warning, spans), never by the
 *	  derived analysis, which may differ between ICU versions.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "utils/fmgrprotos.h"

#include "review_datum.h"
#include "rv_review.h"

PG_FUNCTION_INFO_V1(review_cmp);
PG_FUNCTION_INFO_V1(review_eq);
PG_FUNCTION_INFO_V1(review_ne);
PG_FUNCTION_INFO_V1(review_lt);
PG_FUNCTION_INFO_V1(review_le);
PG_FUNCTION_INFO_V1(review_gt);
PG_FUNCTION_INFO_V1(review_ge);
PG_FUNCTION_INFO_V1(review_hash);
PG_FUNCTION_INFO_V1(review_hash_extended);

static int
compare_args(FunctionCallInfo fcinfo)
{
	Review	   *a = PG_GETARG_REVIEW_P(0);
	Review	   *b = PG_GETARG_REVIEW_P(1);
	RvLayout	la,
				lb;
	RvDoc		da,
				db;
	int			c;

	review_layout(a, &la);
	review_layout(b, &lb);
	rv_layout_doc(a, &da);
	rv_layout_doc(b, &db);
	c = rv_doc_cmp(&da, &db);
	rv_layout_doc_release(&da);
	rv_layout_doc_release(&db);
	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return c;
}

Datum
review_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(compare_args(fcinfo));
}

#define REVIEW_CMP_FN(name, op) \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(compare_args(fcinfo) op 0); \
}

REVIEW_CMP_FN(review_eq, ==)
REVIEW_CMP_FN(review_ne, !=)
REVIEW_CMP_FN(review_lt, <)
REVIEW_CMP_FN(review_le, <=)
REVIEW_CMP_FN(review_gt, >)
REVIEW_CMP_FN(review_ge, >=)

/* Mixes one field (with a "set" marker, so NULL and "" differ) into h. */
static uint64
hash_field(uint64 h, const char *s, uint32 len, bool set)
{
	uint64		part = set ? hash_bytes_extended((const unsigned char *) s, (int) len, h) : 0x9e3779b97f4a7c15ULL;

	return hash_combine64(h, part);
}

static uint64
review_hash_internal(Review *r, uint64 seed)
{
	RvLayout	l;
	RvDoc		d;
	uint64		h = seed;

	review_layout(r, &l);
	rv_layout_doc(r, &d);
	h = hash_field(h, d.title, d.title_len, d.title != NULL);
	h = hash_field(h, d.author, d.author_len, d.author != NULL);
	h = hash_field(h, d.body, d.body_len, true);
	h = hash_field(h, d.lang, d.lang_len, true);
	h = hash_field(h, d.rating, d.rating_len, d.rating != NULL);
	h = hash_combine64(h, d.warning ? 1 : 2);
	for (uint32 i = 0; i < d.nspans; i++)
	{
		h = hash_combine64(h, ((uint64) d.spans[i].start << 32) | d.spans[i].len);
		h = hash_field(h, d.spans[i].label, d.spans[i].label_len, d.spans[i].label != NULL);
	}
	rv_layout_doc_release(&d);
	return h;
}

Datum
review_hash(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	uint64		h = review_hash_internal(r, 0);

	PG_FREE_IF_COPY(r, 0);
	/* The low 32 bits of the extended hash with seed 0, as hash opclasses require. */
	PG_RETURN_INT32((int32) (uint32) h);
}

Datum
review_hash_extended(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	uint64		h = review_hash_internal(r, (uint64) PG_GETARG_INT64(1));

	PG_FREE_IF_COPY(r, 0);
	PG_RETURN_INT64((int64) h);
}
