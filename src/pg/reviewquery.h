/*
 * reviewquery.h
 *	  reviewquery values: parsing query text, the stored form, and the
 *	  deserialized query cached across the rows of a scan (reviewquery_io.c).
 */
#ifndef REVIEWQUERY_H
#define REVIEWQUERY_H

#include "pg_review.h"
#include "rv_query.h"

/* A reviewquery Datum's payload, deserialized (validated) once per call site. */
extern RvQuery *review_query_from_datum(FunctionCallInfo fcinfo, int argno);

/* Parses and normalizes query text in lang (what reviewquery_in does). */
extern RvQuery *review_query_parse(const char *s, size_t len, const char *lang);

/* Builds the stored reviewquery value from a normalized query. */
extern struct varlena *review_query_to_datum(const RvQuery *q);

#endif							/* REVIEWQUERY_H */
