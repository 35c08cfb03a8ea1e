/*
 * review_visible.h
 *	  What a spoiler-free reader sees of a stored value: its hidden ranges
 *	  and the visible numbering of its words (review_visible.c, over the
 *	  core's rv_hidden.c).
 */
#ifndef REVIEW_VISIBLE_H
#define REVIEW_VISIBLE_H

#include "review_datum.h"
#include "rv_hidden.h"

/*
 * The ranges to hide at threshold (1: marked spans only), sorted by start;
 * palloc'd.
 */
extern RvHiddenRange *review_hidden_ranges(const Review *r, const RvLayout *l,
										   float threshold, int *n);

/*
 * The words redact() hides at the default threshold, as runs of word
 * numbers (see RvVisible): NULL when nothing is hidden.  Computed from the
 * whole value (body, spans, sentences).
 */
extern RvVisible *review_visible_words(const Review *r, const RvLayout *l);

/* Argument argno as a spoiler threshold: in [0, 1], or 22003. */
extern float review_threshold_arg(FunctionCallInfo fcinfo, int argno);

/*
 * redact()'s text: body with every run of ranges replaced by mask; 54000
 * when the result could not be a text value.
 */
extern text *review_redact_text(const char *body, uint32 body_len,
								const RvHiddenRange *ranges, int n, const text *mask);

#endif							/* REVIEW_VISIBLE_H */
