/*
 * pg_review.c
 *	  Module entry point: installs palloc as the core's allocator, defines
 *	  the settings and turns core errors into ereport() calls.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "pg_review.h"

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

bool		review_detect = true;

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
}

void
rv_report(const RvError *err, const char *typname, const char *input)
{
	int			code;
	char		shown[80];

	switch (err->code)
	{
		case RV_ERR_SYNTAX:
			code = ERRCODE_INVALID_TEXT_REPRESENTATION;
			break;
		case RV_ERR_ENCODING:
			code = ERRCODE_CHARACTER_NOT_IN_REPERTOIRE;
			break;
		case RV_ERR_BINARY:
			code = ERRCODE_INVALID_BINARY_REPRESENTATION;
			break;
		case RV_ERR_LIMIT:
			code = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
			break;
		case RV_ERR_CANCELED:
			/* The server's callback raises its own ERROR; in case not: */
			CHECK_FOR_INTERRUPTS();
			ereport(ERROR,
					(errcode(ERRCODE_QUERY_CANCELED),
					 errmsg("canceling statement due to user request")));
			break;
		default:
			code = ERRCODE_INTERNAL_ERROR;
			break;
	}

	/* Quote at most the start of the first line: reviews are long. */
	shown[0] = '\0';
	if (input != NULL && err->code != RV_ERR_ENCODING)
	{
		size_t		len = strcspn(input, "\r\n");
		bool		cut = input[len] != '\0';

		if (len > 57)
		{
			len = (size_t) pg_mbcliplen(input, (int) len, 57);
			cut = true;
		}
		snprintf(shown, sizeof(shown), "%.*s%s", (int) len, input, cut ? "..." : "");
	}

	switch (err->code)
	{
		case RV_ERR_SYNTAX:
			if (input == NULL)
				ereport(ERROR,
						(errcode(code),
						 errmsg("invalid input syntax for type %s", typname),
						 errdetail_internal("%s", err->detail)));
			ereport(ERROR,
					(errcode(code),
					 errmsg("invalid input syntax for type %s: \"%s\"", typname, shown),
					 errdetail_internal("%s", err->detail)));
			break;
		case RV_ERR_BINARY:
			ereport(ERROR,
					(errcode(code),
					 errmsg("invalid external binary representation of type %s", typname),
					 errdetail_internal("%s", err->detail)));
			break;
		case RV_ERR_ENCODING:
			ereport(ERROR,
					(errcode(code),
					 errmsg("invalid byte sequence in value of type %s", typname),
					 errdetail_internal("%s", err->detail)));
			break;
		case RV_ERR_LIMIT:
			ereport(ERROR,
					(errcode(code),
					 errmsg("input of type %s exceeds an implementation limit", typname),
					 errdetail_internal("%s", err->detail)));
			break;
		default:
			ereport(ERROR,
					(errcode(code),
					 errmsg("could not process value of type %s", typname),
					 errdetail_internal("%s", err->detail)));
	}
	pg_unreachable();
}
