/*
 * review_rank.c
 *	  review_rank(review, reviewquery): how well a review matches, for
 *	  ORDER BY ... DESC.  Read from the stored keywords and positions.
 *
 * The scoring (saturated term frequency, first mention, prefix expansion,
 * proximity) is the core's, rv_rank.c, which the RUM ordering shares; this
 * gives it the positions stored in the value.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"

#include "review_match.h"
#include "review_rank.h"
#include "review_visible.h"
#include "reviewquery.h"

PG_FUNCTION_INFO_V1(review_rank);
PG_FUNCTION_INFO_V1(review_rank_safe);

typedef struct StoredArg
{
	const Review *r;
	const RvLayout *l;
	bool		safe;
	const RvVisible *vis;
} StoredArg;

/* A term's positions in the stored value, and the keywords a prefix matches. */
static int64
stored_term(void *arg, uint32 item, const RvQItem *it, uint32 **pos,
			uint32 *expansions)
{
	StoredArg  *a = arg;
	bool		prefix = (it->flags & RVQ_PREFIX) != 0;
	uint32		nkeywords;
	int64		n;

	n = review_term_positions(a->r, a->l, it->text, it->len, prefix, a->safe, pos,
							  &nkeywords);
	rv_visible_renumber(a->vis, *pos, n);
	if (n > 0 && prefix)
		*expansions = nkeywords;
	return n;
}

float4
review_rank_stored(const Review *r, const RvLayout *l, const RvQuery *q)
{
	StoredArg	a = {r, l, false, NULL};

	return rv_rank_score(q, NULL, r->nwords, stored_term, &a);
}

float4
review_rank_visible(const Review *r, const RvLayout *l, const RvQuery *q,
					const RvVisible *vis)
{
	StoredArg	a = {r, l, true, vis};

	return rv_rank_score(q, NULL, rv_visible_count(vis, r->nwords),
							 stored_term, &a);
}

Datum
review_rank(PG_FUNCTION_ARGS)
{
	RvLayout	l;
	Review	   *r = review_detoast_prefix(PG_GETARG_DATUM(0), &l);
	RvQuery    *q = review_query_from_datum(fcinfo, 1);

	PG_RETURN_FLOAT4(review_rank_stored(r, &l, q));
}

/*
 * review_rank_safe(review, reviewquery): review_rank as a spoiler-free
 * reader would compute it from redact()'s text: hidden occurrences do not
 * count, and positions, proximity and the review's length are in visible
 * words.  Two reviews with the same visible words rank the same.
 */
Datum
review_rank_safe(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvQuery    *q = review_query_from_datum(fcinfo, 1);
	RvLayout	l;

	review_layout(r, &l);
	PG_RETURN_FLOAT4(review_rank_visible(r, &l, q, review_visible_words(r, &l)));
}
