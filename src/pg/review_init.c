/*
 * review_init.c
 *	  Module entry point: installs palloc as the core's allocator and the
 *	  interrupt callback, defines the settings and the top-k scan.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "pg_review.h"
#include "review_topk.h"

PG_MODULE_MAGIC;

/*
 * The core's allocations live in the current memory context, so an ERROR
 * anywhere releases them with the context.  Huge allocations are allowed so
 * that buffers of a large review may grow past 1 GB transiently; the final
 * value's size is checked against the varlena limit before it is built.
 */
static void *
rv_palloc(size_t size)
{
	return MemoryContextAllocHuge(CurrentMemoryContext, size ? size : 1);
}

static void *
rv_repalloc(void *ptr, size_t size)
{
	return repalloc_huge(ptr, size ? size : 1);
}

static const RvAllocator palloc_allocator = {rv_palloc, rv_repalloc, pfree};

/*
 * The core's interrupt callback: a cancel or statement_timeout raises its
 * ERROR right here, from inside the core's loops (safe: see rv_core.h).
 */
static bool
rv_check_for_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
	return false;
}

void		_PG_init(void);

void
_PG_init(void)
{
	rv_set_allocator(&palloc_allocator);
	rv_set_interrupt_callback(rv_check_for_interrupts);

	DefineCustomBoolVariable("pg_review.detect",
							 "Runs the spoiler detector when a review value is built (for benchmarking only).",
							 "Off builds values in which no sentence scores as a spoiler, so that a benchmark "
							 "can measure what the detector costs at input. Leave it on for data you keep.",
							 &review_detect,
							 true,
							 PGC_SUSET,
							 0,
							 NULL, NULL, NULL);
	review_topk_init();
}

