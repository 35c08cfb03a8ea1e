/*
 * rv_detect.h
 *	  Spoiler detection on unmarked text: a score in [0,1] per sentence and
 *	  one for the review as a whole.
 */
#ifndef RV_DETECT_H
#define RV_DETECT_H

#include "rv_core.h"

/* What the detector sees of one review. */
typedef struct RvDetectInput
{
	const char *body;			/* review_body: markup removed, spoilers kept */
	size_t		body_len;
	const char *lang;			/* BCP 47 tag, canonical case */
	bool		warning;		/* review-level "contains spoilers" line */
	const RvSentence *sents;	/* ICU sentences of body, in order */
	uint32_t	nsents;
	const RvSpan *spans;		/* marked spoiler spans, in order */
	uint32_t	nspans;
} RvDetectInput;

/* Default threshold of redact() and has_spoilers(). */
#define RV_DEFAULT_THRESHOLD 0.5f

/*
 * The named thresholds of spoiler_threshold(): "default" (0.5),
 * "spoiler-averse" (the threshold that reached recall 0.8 on the fit's
 * training part, moved to the review scale; it changes when the weights are
 * refitted) and "marked-only" (1: marked spans only).  False for another
 * name.
 */
extern bool rv_detect_preset(const char *name, float *threshold);

/*
 * Scores every sentence into scores[0..nsents) and returns the review-level
 * score (how likely the review as a whole reveals the plot), both in [0,1].
 * Deterministic: the same input gives the same scores on every platform.
 * Returns a negative value with *err set on failure (ICU).
 */
extern float rv_detect(const RvDetectInput *in, float *scores, RvError *err);

#endif							/* RV_DETECT_H */
