/*
 * fuzz_common.h
 *	  Shared by the libFuzzer harnesses of the pg_review core.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>

/* A property of the core was violated: make libFuzzer report a crash. */
#define FUZZ_ASSERT(cond) \
	do { if (!(cond)) { fprintf(stderr, "property failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); abort(); } } while (0)

#endif
