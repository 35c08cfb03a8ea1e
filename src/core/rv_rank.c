/*
 * rv_rank.c
 *	  review_rank's scoring (see rv_rank.h).
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
#include <math.h>
#include <string.h>

#include "rv_rank.h"

#define BM25_K1 1.2
#define BM25_B 0.75
#define TYPICAL_WORDS 250.0

typedef struct TermHits
{
	uint32_t   *pos;
	int64_t		n;
	double		weight;
} TermHits;

void
rv_query_positive_terms(const RvQuery *q, bool *positive)
{
	/*
	 * Items are in prefix order, an operator before its operands: a stack of
	 * the negation each pending operand is under, at most one entry per item
	 * still to come, replaces the recursion over the tree.
	 */
	bool	   *neg;
	uint32_t	sp = 0;

	if (q->nitems == 0)
		return;
	neg = rv_alloc(sizeof(bool) * ((size_t) q->nitems + 1));
	neg[sp++] = false;
	for (uint32_t i = 0; i < q->nitems && sp > 0; i++)
	{
		bool		n = neg[--sp];

		positive[i] = false;
		switch (q->items[i].op)
		{
			case RVQ_TERM:
				positive[i] = !n;
				break;
			case RVQ_NOT:
				neg[sp++] = !n;
				break;
			default:
				neg[sp++] = n;
				neg[sp++] = n;
				break;
		}
	}
	rv_free(neg);
}

/* Shortest window holding a position of every list (k-way sweep). */
static double
shortest_cover(TermHits *hits, int n)
{
	int64_t    *idx = rv_alloc0(sizeof(int64_t) * n);
	double		best = -1;

	for (;;)
	{
		uint32_t	lo = UINT32_MAX,
					hi = 0;
		int			lo_i = 0;

		for (int k = 0; k < n; k++)
		{
			uint32_t	p = hits[k].pos[idx[k]];

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
	rv_free(idx);
	return best;
}

float
rv_rank_score(const RvQuery *q, const bool *positive, uint32_t nwords,
			  RvRankTermFn fn, void *arg)
{
	TermHits   *hits;
	bool	   *own = NULL;
	int			nhits = 0;
	double		score = 0,
				norm;

	if (q->nitems == 0)
		return 0;
	if (positive == NULL)
	{
		own = rv_alloc0(sizeof(bool) * q->nitems);
		rv_query_positive_terms(q, own);
		positive = own;
	}
	hits = rv_alloc(sizeof(TermHits) * q->nitems);
	if (nwords > RV_RANK_MAX_WORDS)
		nwords = RV_RANK_MAX_WORDS;
	norm = 1 - BM25_B + BM25_B * nwords / TYPICAL_WORDS;

	for (uint32_t i = 0; i < q->nitems; i++)
	{
		uint32_t	expansions = 1;
		double		tf,
					s;
		TermHits   *h = &hits[nhits];

		if (!positive[i])
			continue;
		h->n = fn(arg, i, &q->items[i], &h->pos, &expansions);
		if (h->n == 0)
			continue;
		h->weight = 1.0 / (1.0 + log((double) (expansions > 1 ? expansions : 1)));
		tf = (double) h->n;
		s = tf * (BM25_K1 + 1) / (tf + BM25_K1 * norm);
		s *= 1.0 + 0.5 / (1.0 + h->pos[0] / 20.0);
		score += h->weight * s;
		nhits++;
	}
	if (nhits > 1)
		score *= 1.0 + 1.0 / (1.0 + shortest_cover(hits, nhits) / nhits);
	rv_free(hits);
	rv_free(own);
	return (float) (score / (score + 1.0));
}
