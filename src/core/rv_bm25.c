/*
 * rv_bm25.c
 *	  BM25 scoring (see rv_bm25.h).
 */
#include <math.h>

#include "rv_bm25.h"

double
rv_bm25_idf(double ndocs, double df)
{
	if (!(ndocs >= 1))
		return 0;
	if (!(df >= 0))
		df = 0;
	if (df > ndocs)
		df = ndocs;
	return log(1.0 + (ndocs - df + 0.5) / (df + 0.5));
}

double
rv_bm25_term(double idf, double tf, uint32_t first, double len, double avgdl)
{
	double		norm;

	if (!(tf > 0))
		return 0;
	norm = avgdl > 0 ? 1.0 - RV_BM25_B + RV_BM25_B * len / avgdl : 1.0;
	return idf * tf * (RV_BM25_K1 + 1.0) / (tf + RV_BM25_K1 * norm) *
		(1.0 + RV_BM25_FIRST / (1.0 + first / RV_BM25_FIRST_SCALE));
}
