/*
 * review_datum.h
 *	  The stored review value, read from a Datum (review_datum.c).
 */
#ifndef REVIEW_DATUM_H
#define REVIEW_DATUM_H

#include "pg_review.h"
#include "rv_layout.h"

/* A detoasted review value. */
typedef RvHeader Review;

#define DatumGetReviewP(x)		((Review *) PG_DETOAST_DATUM(x))
#define PG_GETARG_REVIEW_P(n)	DatumGetReviewP(PG_GETARG_DATUM(n))
#define PG_RETURN_REVIEW_P(x)	PG_RETURN_POINTER(x)

/* r, after checking that its header is whole and its version known. */
extern Review *review_checked_header(Review *r);

/* Section offsets of a stored value (checked: corrupt values raise XX001). */
extern void review_layout(const Review *r, RvLayout *l);

/*
 * A review Datum detoasted up to its keyword strings only (matching, ranking
 * and the index read no more); *l gets the whole value's offsets, and no
 * section from l->match_end on may be read.
 */
extern Review *review_detoast_prefix(Datum d, RvLayout *l);

/* The review's language tag, NUL-terminated, into lang[RV_LANG_BUFSIZE]. */
extern void review_lang_of(const Review *r, const RvLayout *l, char *lang);

#endif							/* REVIEW_DATUM_H */
