/*
 * review_opclass.h
 *	  What the operator classes of review share: strategy numbers (the same
 *	  in review_ops, GIN, and review_rum_ops, RUM) and how GIN keys mark a
 *	  keyword that occurs only inside spoilers (also the form ANALYZE keeps
 *	  it in, so estimates look keys up as the index does).
 */
#ifndef REVIEW_OPCLASS_H
#define REVIEW_OPCLASS_H

#define RV_STRAT_MATCH			1	/* @@ reviewquery */
#define RV_STRAT_MATCH_TEXT		2	/* @@ text */
#define RV_STRAT_SAFE			3	/* @@~ reviewquery */
#define RV_STRAT_SAFE_TEXT		4	/* @@~ text */
#define RV_STRAT_EXISTS			5	/* ? text */
#define RV_STRAT_EXISTS_ANY		6	/* ?| text[] */
#define RV_STRAT_EXISTS_ALL		7	/* ?& text[] */
#define RV_STRAT_DISTANCE		8	/* <=> reviewquery (RUM only) */
#define RV_STRAT_BM25			9	/* <#> review_bm25query (RUM only) */

/* Leading byte of a hidden-only keyword's key; no keyword starts with it. */
#define HIDDEN_MARK				'\x01'

#endif							/* REVIEW_OPCLASS_H */
