/*
 * pg_review_compat.h
 *	  The differences between the PostgreSQL majors pg_review supports (15,
 *	  16, 17 and 18), in one place: every PG_VERSION_NUM test of the glue is
 *	  here, and the .c files use the macros below.  Included by pg_review.h
 *	  right after postgres.h.
 */
#ifndef PG_REVIEW_COMPAT_H
#define PG_REVIEW_COMPAT_H

#include "postgres.h"

#if PG_VERSION_NUM < 150000
#error "pg_review needs PostgreSQL 15 or later"
#endif

/*
 * 16 moved the varlena macros (VARSIZE, VARDATA, SET_VARSIZE, VARATT_IS_*)
 * out of postgres.h into varatt.h.
 */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * 18 replaced the pg_attribute_noreturn() suffix by a pg_noreturn prefix:
 * declare "pg_noreturn extern void f(...);" on every major.  GCC and clang
 * accept the attribute in front of the declaration, which is where
 * pg_attribute_noreturn() expands before 18.
 */
#if PG_VERSION_NUM < 180000
#define pg_noreturn pg_attribute_noreturn()
#endif

/*
 * 18: vacuum_delay_point() says whether it is called by ANALYZE (for the
 * cost accounting of autovacuum's workers).  Needs commands/vacuum.h.
 */
#if PG_VERSION_NUM >= 180000
#define rv_analyze_delay_point()	vacuum_delay_point(true)
#else
#define rv_analyze_delay_point()	vacuum_delay_point()
#endif

/*
 * 17 removed VacAttrStats->attr (a copy of the column's pg_attribute row);
 * the statistics target is VacAttrStats->attstattarget.  On each major a
 * negative target means default_statistics_target, and the field may be
 * assigned (before 17 attr is the typanalyze function's own copy).
 */
#if PG_VERSION_NUM >= 170000
#define RV_STATS_TARGET(stats)	((stats)->attstattarget)
#else
#define RV_STATS_TARGET(stats)	((stats)->attr->attstattarget)
#endif

/*
 * 18: index_beginscan() takes the scan's instrumentation (NULL: none), and
 * the EXPLAIN property functions are in commands/explain_format.h.
 */
#if PG_VERSION_NUM >= 180000
#define rv_index_beginscan(heap, index, snapshot, nkeys, norderbys) \
	index_beginscan((heap), (index), (snapshot), NULL, (nkeys), (norderbys))
#include "commands/explain_format.h"
#else
#define rv_index_beginscan(heap, index, snapshot, nkeys, norderbys) \
	index_beginscan((heap), (index), (snapshot), (nkeys), (norderbys))
#endif

#endif							/* PG_REVIEW_COMPAT_H */
