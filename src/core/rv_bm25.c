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
