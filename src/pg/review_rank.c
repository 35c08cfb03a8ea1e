/*
 * review_rank.c
 *	  review_rank(review, reviewquery): how well a review matches, for
 *	  ORDER BY ... DESC.  Read from the stored keywords and positions.
 *
 * For each positive query term (not under a NOT) found in the review:
 *	 term frequency, saturated as in BM25: tf * (k1 + 1) / (tf + k1 * (1 - b +
 *	 b * words / 250)), so repeating a word helps less and less and long
 *	 reviews are not favoured;
 *	 position: first mention early in the review weighs up to 1.5 times;
 *	 rarity within the query: a term's weight is 1 / (1 + log of how many
 *	 keywords a prefix term expands to), so "a*" does not outweigh a word.
 * Then proximity: the shortest stretch of words holding one occurrence of
 * every matched term multiplies the sum by 1 + 1 / (1 + stretch / terms).
 * The result is mapped into [0, 1) by s / (s + 1); 0 when no term occurs.
 * Corpus-wide rarity (IDF) is not used: it would make the function depend on
 * the table, and the ranking of one query is what ORDER BY needs.
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "miscadmin.h"

#include "review_match.h"

PG_FUNCTION_INFO_V1(review_rank);
PG_FUNCTION_INFO_V1(review_rank_safe);

#define BM25_K1 1.2
#define BM25_B 0.75
#define TYPICAL_WORDS 250.0

typedef struct TermHits
{
	uint32	   *pos;
	int64		n;
	double		weight;
} TermHits;

/* Marks the TERM items outside any NOT; returns the next item's index. */
uint32
review_query_positive_terms(const RvQuery *q, uint32 i, bool negated, bool *positive)
{
	const RvQItem *it = &q->items[i];

	check_stack_depth();
	switch (it->op)
	{
		case RVQ_TERM:
			positive[i] = !negated;
			return i + 1;
		case RVQ_NOT:
			return review_query_positive_terms(q, i + 1, !negated, positive);
		default:
			i = review_query_positive_terms(q, i + 1, negated, positive);
			return review_query_positive_terms(q, i, negated, positive);
	}
}

/* Shortest window holding a position of every list (k-way sweep). */
static double
shortest_cover(TermHits *hits, int n)
{
	int64	   *idx = palloc0(sizeof(int64) * n);
	double		best = -1;

	for (;;)
	{
		uint32		lo = UINT32_MAX,
					hi = 0;
		int			lo_i = 0;

		for (int k = 0; k < n; k++)
		{
			uint32		p = hits[k].pos[idx[k]];

			if (p < lo)
				lo = p, lo_i = k;
			if (p > hi)
				hi = p;
		}
		if (best < 0 || hi - lo < best)
			best = hi - lo;
		if (++idx[lo_i] >= hits[lo_i].n)
			break;
	}
	pfree(idx);
	return best;
}

/*
 * The scoring core, shared by review_rank() (positions read from the stored
 * value) and the RUM ordering (positions read from the index) so that the
 * two cannot drift apart: fn gives each positive term's positions and the
 * number of keywords it matched, nwords is the review's word count.
 */
float4
review_rank_score(const RvQuery *q, const bool *positive, uint32 nwords,
				  ReviewRankTermFn fn, void *arg)
{
	TermHits   *hits;
	int			nhits = 0;
	double		score = 0,
				norm;

	if (q->nitems == 0)
		return 0;
	if (positive == NULL)
	{
		bool	   *p = palloc0(sizeof(bool) * q->nitems);

		review_query_positive_terms(q, 0, false, p);
		positive = p;
	}
	hits = palloc(sizeof(TermHits) * q->nitems);
	norm = 1 - BM25_B + BM25_B * Min(nwords, RV_RANK_MAX_WORDS) / TYPICAL_WORDS;

	for (uint32 i = 0; i < q->nitems; i++)
	{
		uint32		expansions = 1;
		double		tf,
					s;
		TermHits   *h = &hits[nhits];

		if (!positive[i])
			continue;
		h->n = fn(arg, i, &q->items[i], &h->pos, &expansions);
		if (h->n == 0)
			continue;
		h->weight = 1.0 / (1.0 + log((double) Max(expansions, 1)));
		tf = (double) h->n;
		s = tf * (BM25_K1 + 1) / (tf + BM25_K1 * norm);
		s *= 1.0 + 0.5 / (1.0 + h->pos[0] / 20.0);
		score += h->weight * s;
		nhits++;
	}
	if (nhits > 1)
		score *= 1.0 + 1.0 / (1.0 + shortest_cover(hits, nhits) / nhits);
	pfree(hits);
	return (float4) (score / (score + 1.0));
}

typedef struct StoredArg
{
	const Review *r;
	const RvLayout *l;
	bool		safe;
	const ReviewVisible *vis;
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
	review_visible_renumber(a->vis, *pos, n);
	if (n > 0 && prefix)
		*expansions = nkeywords;
	return n;
}

float4
review_rank_stored(const Review *r, const RvLayout *l, const RvQuery *q)
{
	StoredArg	a = {r, l, false, NULL};

	return review_rank_score(q, NULL, r->nwords, stored_term, &a);
}

float4
review_rank_visible(const Review *r, const RvLayout *l, const RvQuery *q,
					const ReviewVisible *vis)
{
	StoredArg	a = {r, l, true, vis};

	return review_rank_score(q, NULL, review_visible_count(vis, r->nwords),
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
