/*
 * review_bm25.h
 *	  review_bm25query values: a reviewquery with the corpus statistics BM25
 *	  needs (rows, average length, each positive term's document
 *	  frequency), as review_bm25_query() reads them from the statistics a
 *	  tracked column keeps (review_bm25.c).
 */
#ifndef REVIEW_BM25_H
#define REVIEW_BM25_H

#include "pg_review.h"
#include "rv_query.h"

/* A review_bm25query, deserialized (and validated). */
typedef struct ReviewBm25
{
	RvQuery    *q;
	bool		safe;			/* statistics and score of what redact() shows */
	double		rows;
	double		avgdl;
	double	   *df;				/* per item: TERM items outside any NOT */
	double	   *idf;			/* per item; 0 for items that do not score */
	bool	   *scores;			/* per item: the first item of each distinct
								 * positive term (repeats score once) */
	uint16		bound;			/* a bounded top-k scan's k (review_topk.c), or 0 */
} ReviewBm25;

/* r <#> bq (the top-k scan recognizes the operator by its function). */
extern PGDLLEXPORT Datum review_bm25_distance(PG_FUNCTION_ARGS);

/*
 * A copy of the review_bm25query bq with the bound a top-k scan gives the
 * index: review_rum_ops then keeps the exact distance only for rows that
 * are among the best `bound` seen so far (see review_topk.c).
 */
extern struct varlena *review_bm25_with_bound(Datum bq, uint16 bound);

/* The review_bm25query of argument argno, cached across the rows of a scan. */
extern ReviewBm25 *review_bm25_from_datum(FunctionCallInfo fcinfo, int argno);

/*
 * Deserializes a review_bm25query varlena (detoasted), in the current
 * context; the result points into v, which must outlive it.
 */
extern ReviewBm25 *review_bm25_deserialize(const struct varlena *v);

/*
 * A review_bm25query value of q with these statistics: df per item of q
 * (-1 for items that are not positive terms).
 */
extern struct varlena *review_bm25_serialize(const RvQuery *q, bool safe,
											 double rows, double avgdl,
											 const double *df);

#endif							/* REVIEW_BM25_H */
