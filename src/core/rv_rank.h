/*
 * rv_rank.h
 *	  review_rank's scoring, from each query term's word positions.
 *
 * The stored value (review_rank) and the RUM index (ORDER BY r <=> q) give
 * the positions; both score here, so they cannot drift apart.
 */
#ifndef RV_RANK_H
#define RV_RANK_H

#include "rv_query.h"

/*
 * Word counts above this rank as this (the RUM index keeps the count in 27
 * bits); no review of a realistic size comes near it.
 */
#define RV_RANK_MAX_WORDS	((1U << 27) - 1)

/*
 * A term's positions (word numbers, ascending, distinct) into *pos and
 * into *expansions the number of keywords it matched (set only for prefix
 * terms; 1 otherwise); returns the count.  item is the term's index in
 * q->items.  *pos must stay valid until rv_rank_score returns.
 */
typedef int64_t (*RvRankTermFn) (void *arg, uint32_t item, const RvQItem *it,
								 uint32_t **pos, uint32_t *expansions);

/*
 * Sets positive[i] (q->nitems entries) for the TERM items outside any NOT,
 * false for every other item.
 */
extern void rv_query_positive_terms(const RvQuery *q, bool *positive);

/*
 * review_rank's value, in [0, 1): 0 when no positive term occurs.
 * positive marks q's terms outside any NOT (rv_query_positive_terms); NULL
 * computes it.  nwords is the review's word count.
 */
extern float rv_rank_score(const RvQuery *q, const bool *positive,
						   uint32_t nwords, RvRankTermFn fn, void *arg);

#endif							/* RV_RANK_H */
