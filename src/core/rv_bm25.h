/*
 * rv_bm25.h
 *	  Okapi BM25 with corpus statistics, plus first-mention evidence: the
 *	  scoring of review_bm25() and of ORDER BY r <#> bq in a review_rum_ops
 *	  index (both call it, so they give the same float8).
 *
 * For each positive query term t found in the review (tf > 0):
 *
 *	 idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avgdl))
 *			* (1 + RV_BM25_FIRST / (1 + first / RV_BM25_FIRST_SCALE))
 *
 * with idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)) as Lucene and Tantivy
 * compute it, k1 = 1.2, b = 0.75, len the review's word count, avgdl the
 * average word count of the corpus, first the word number of t's first
 * occurrence.  RV_BM25_FIRST = 0 gives plain BM25.
 */
#ifndef RV_BM25_H
#define RV_BM25_H

#include "rv_core.h"

#define RV_BM25_K1				1.2
#define RV_BM25_B				0.75
/*
 * First-mention weight and scale: the best of a grid on CISI and NPL
 * (bench/relevance, evaluate.py --tune, pair weight 0), never Cranfield.
 */
#define RV_BM25_FIRST			0.25
#define RV_BM25_FIRST_SCALE		20.0

/* ln(1 + (N - df + 0.5) / (df + 0.5)), df clamped to [0, N]; 0 when N < 1. */
extern double rv_bm25_idf(double ndocs, double df);

/*
 * The part of one term: idf, its frequency tf (> 0) and first position in
 * a review of len words, in a corpus of average length avgdl (<= 0: len
 * itself, no length normalization).  Inline: the index ordering of
 * review_rum_ops calls it for every match.
 */
static inline double
rv_bm25_term(double idf, double tf, uint32_t first, double len, double avgdl)
{
	double		norm;

	if (!(tf > 0))
		return 0;
	norm = avgdl > 0 ? 1.0 - RV_BM25_B + RV_BM25_B * len / avgdl : 1.0;
	return idf * tf * (RV_BM25_K1 + 1.0) / (tf + RV_BM25_K1 * norm) *
		(1.0 + RV_BM25_FIRST / (1.0 + first / RV_BM25_FIRST_SCALE));
}

#endif							/* RV_BM25_H */
