/*
 * review_topk.h
 *	  The bounded top-k scan of ORDER BY r <#> bq LIMIT k (review_topk.c).
 */
#ifndef REVIEW_TOPK_H
#define REVIEW_TOPK_H

/* The planner hook, the custom scan and pg_review.bm25_topk (_PG_init). */
extern void review_topk_init(void);

#endif							/* REVIEW_TOPK_H */
