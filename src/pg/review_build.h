/*
 * review_build.h
 *	  The stored value of a parsed review (review_build.c).
 */
#ifndef REVIEW_BUILD_H
#define REVIEW_BUILD_H

#include "review_datum.h"

/* Analyses a parsed document and builds the stored value. */
extern Review *review_from_doc(const RvDoc *doc);

#endif							/* REVIEW_BUILD_H */
