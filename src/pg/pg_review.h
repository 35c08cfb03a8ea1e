/*
 * pg_review.h
 *	  What every file of the PostgreSQL glue of pg_review shares: the
 *	  bridge from the core's errors (RvError) to ereport (pg_review.c).
 *
 * The glue's headers, one per concern:
 *	review_datum.h		the stored review value: type, header and layout
 *						checks, prefix detoasting
 *	review_lexize.h		keywords of a text (Snowball stemming)
 *	review_build.h		the stored value of a parsed review
 *	reviewquery.h		reviewquery values: parsing, datum I/O, the cache
 *	review_visible.h	hidden ranges and visible word numbers of a value
 *	review_match.h		matching a query against a stored value
 *	review_rank.h		ranking a stored value
 *	review_gin.h		the GIN support functions RUM shares
 *	review_opclass.h	strategy numbers and the hidden-key mark
 */
#ifndef PG_REVIEW_H
#define PG_REVIEW_H

#include "postgres.h"
#include "pg_review_compat.h"
#include "fmgr.h"

#include "rv_core.h"

/*
 * pg_review.detect (defined in pg_review.c): off skips the spoiler detector
 * when a value is built (every sentence scores 0), so that a benchmark sees
 * the detector's share of ingest.
 */
extern bool review_detect;

/* Raises the ERROR that err describes, for a value of type typname. */
pg_noreturn extern void rv_report(const RvError *err, const char *typname, const char *input);

#endif							/* PG_REVIEW_H */
