/*
 * test_bm25.c
 *	  BM25 scoring (rv_bm25.c) against values computed by hand.
 */
#include <math.h>

#include "rv_test.h"
#include "rv_bm25.h"

#define CHECK_NEAR(a, b) \
	do { double _a = (a), _b = (b); \
		 if (fabs(_a - _b) > 1e-9) { rv_test_fail(__FILE__, __LINE__, "%s == %.12f, expected %.12f", #a, _a, _b); return; } } while (0)

RV_TEST(bm25_idf_by_hand)
{
	/* N = 3, df = 1: ln(1 + 2.5 / 1.5) */
	CHECK_NEAR(rv_bm25_idf(3, 1), 0.980829253012);
	/* a term in every row still weighs a little: ln(1 + 0.5 / 3.5) */
	CHECK_NEAR(rv_bm25_idf(3, 3), 0.133531392625);
	/* df beyond N (statistics behind the rows) is clamped to N */
	CHECK_NEAR(rv_bm25_idf(3, 7), rv_bm25_idf(3, 3));
	CHECK_NEAR(rv_bm25_idf(3, -1), rv_bm25_idf(3, 0));
	/* an empty corpus */
	CHECK_NEAR(rv_bm25_idf(0, 0), 0);
	CHECK_NEAR(rv_bm25_idf(NAN, 1), 0);
}

RV_TEST(bm25_term_by_hand)
{
	double		idf = rv_bm25_idf(3, 1);
	double		plain;

	/*
	 * tf 2, first at word 4, 10 words, average 8: norm = 0.25 + 0.75 * 1.25;
	 * idf * 2 * 2.2 / (2 + 1.2 * norm) * (1 + 0.25 / (1 + 4 / 20))
	 */
	CHECK_NEAR(rv_bm25_term(idf, 2, 4, 10, 8), 1.522552465746);
	/* no occurrence, no score */
	CHECK_NEAR(rv_bm25_term(idf, 0, 0, 10, 8), 0);
	/* without an average, no length normalization */
	plain = idf * 2 * 2.2 / (2 + 1.2) * (1 + RV_BM25_FIRST / (1 + 4 / RV_BM25_FIRST_SCALE));
	CHECK_NEAR(rv_bm25_term(idf, 2, 4, 10, 0), plain);
	/* saturation: more occurrences help less and less */
	CHECK(rv_bm25_term(idf, 3, 0, 10, 8) - rv_bm25_term(idf, 2, 0, 10, 8) <
		  rv_bm25_term(idf, 2, 0, 10, 8) - rv_bm25_term(idf, 1, 0, 10, 8));
	/* longer reviews score lower, earlier mentions higher */
	CHECK(rv_bm25_term(idf, 2, 0, 20, 8) < rv_bm25_term(idf, 2, 0, 10, 8));
	CHECK(rv_bm25_term(idf, 2, 50, 10, 8) < rv_bm25_term(idf, 2, 0, 10, 8));
}
