/*
 * review_rank.h
 *	  review_rank of a stored value (review_rank.c); the scoring itself is
 *	  the core's (rv_rank.h), shared with the RUM ordering.
 */
#ifndef REVIEW_RANK_H
#define REVIEW_RANK_H

#include "review_datum.h"
#include "rv_hidden.h"
#include "rv_rank.h"

/*
 * review_rank's value for a stored review.  With vis (safe), only visible
 * positions count, numbered in visible words, and nwords is the visible
 * word count: what review_rank_safe() computes.
 */
extern float4 review_rank_stored(const Review *r, const RvLayout *l,
								 const RvQuery *q);
extern float4 review_rank_visible(const Review *r, const RvLayout *l,
								  const RvQuery *q, const RvVisible *vis);

#endif							/* REVIEW_RANK_H */
