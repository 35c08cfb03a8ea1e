/*
 * review_gin.h
 *	  The GIN support functions of review_ops (review_gin.c) that the RUM
 *	  operator class (review_rum.c) calls for the operators it handles the
 *	  same way.
 */
#ifndef REVIEW_GIN_H
#define REVIEW_GIN_H

#include "pg_review.h"

extern Datum review_gin_extract_query(PG_FUNCTION_ARGS);
extern Datum review_gin_consistent(PG_FUNCTION_ARGS);

#endif							/* REVIEW_GIN_H */
