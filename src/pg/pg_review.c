/*
 * pg_review.c
 *	  Turns core errors into ereport() calls; holds the pg_review.detect
 *	  setting (the module's entry point is review_init.c).
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "pg_review.h"

/* Set by pg_review.detect (review_init.c). */
bool		review_detect = true;

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
