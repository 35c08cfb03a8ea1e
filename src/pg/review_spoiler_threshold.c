/*
 * review_spoiler_threshold.c
 *	  spoiler_threshold(preset): the named thresholds of redact(),
 *	  has_spoilers() and spoilers() (new in 0.3.0).
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "rv_detect.h"

PG_FUNCTION_INFO_V1(review_spoiler_threshold);

Datum
review_spoiler_threshold(PG_FUNCTION_ARGS)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	float		t;

	if (!rv_detect_preset(name, &t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown spoiler threshold preset \"%s\"", name),
				 errhint("The presets are \"default\", \"spoiler-averse\" and \"marked-only\".")));
	PG_RETURN_FLOAT4(t);
}
