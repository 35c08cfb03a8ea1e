/*
 * rv_hidden.h
 *	  What a reader who has not seen the film must not see, and what is left
 *	  for them: the hidden ranges of a stored review, redaction, and the
 *	  visible numbering of words that the spoiler-safe operators use.
 *
 * This is the rule behind "never leak": redact(), snippets, the *_safe
 * functions and @@~ all take what they show from here.  A hidden range is a
 * marked span, or an ICU sentence whose spoiler score is at or above the
 * threshold (none at threshold 1: "marked spans only").
 */
#ifndef RV_HIDDEN_H
#define RV_HIDDEN_H

#include "rv_core.h"
#include "rv_layout.h"

typedef struct RvHiddenRange
{
	uint32_t	start;			/* byte offsets into the body */
	uint32_t	end;
	bool		marked;			/* a marked span (else a detected sentence) */
	float		score;			/* 1 for a marked span */
} RvHiddenRange;

/*
 * Fills out (room for nspans + nsents) with the marked spans and the
 * sentences scoring >= threshold, sorted by start, a marked span before a
 * sentence at the same start; sentences wholly inside a marked span are
 * left out.  Returns the count.
 */
extern int	rv_hidden_ranges(const RvSpanEntry *spans, uint32_t nspans,
							 const RvSentEntry *sents, uint32_t nsents,
							 float threshold, RvHiddenRange *out);

/*
 * The end of the run of hidden ranges starting at ranges[*i]: overlapping
 * ones and those only white space apart, which show as one mask (so the
 * number of masks does not tell how many sentences were hidden).  Advances
 * *i past the run.  body is what the offsets index.
 */
extern uint32_t rv_hidden_run(const RvHiddenRange *ranges, int n, int *i,
							  const char *body);

/*
 * Appends body with every run of hidden ranges replaced by mask (what
 * redact() returns); the visible bytes are copied in blocks.
 */
extern void rv_redact(const char *body, uint32_t body_len,
					  const RvHiddenRange *ranges, int n,
					  const char *mask, size_t mask_len, RvBuf *out);

/* The length of what rv_redact appends, computed without copying. */
extern uint64_t rv_redact_len(const char *body, uint32_t body_len,
							  const RvHiddenRange *ranges, int n,
							  size_t mask_len);

/*
 * Merges sorted ranges in place into disjoint ones (overlapping or
 * touching); returns the new count.
 */
extern int	rv_hidden_merge(RvHiddenRange *ranges, int n);

/*
 * Does [start, end) meet a hidden range?  ranges are disjoint or sorted by
 * start, and calls come with increasing start: *ri is the sweep's cursor
 * (0 at first).
 */
extern bool rv_hidden_covers(const RvHiddenRange *ranges, int n, int *ri,
							 uint32_t start, uint32_t end);

/*
 * The words a spoiler-free reader does not see, as runs of word numbers:
 * a visible word's visible number is its word number less the hidden words
 * before it, so that the spoiler-safe forms count positions and distances
 * in visible words only.  nruns is 0 when nothing is hidden.
 */
typedef struct RvVisible
{
	int			nruns;
	uint32_t   *start;			/* run i hides words [start[i], end[i]) */
	uint32_t   *end;
	uint32_t   *before;			/* hidden words before run i */
} RvVisible;

/*
 * The hidden runs of words of body (segmented as at input, in lang) under
 * ranges (disjoint: rv_hidden_merge).  Returns 0, or -1 with *err set;
 * rv_visible_free releases the arrays.
 */
extern int	rv_visible_words(const char *body, size_t len, const char *lang,
							 const RvHiddenRange *ranges, int n,
							 RvVisible *v, RvError *err);
extern void rv_visible_free(RvVisible *v);

/* Word numbers (ascending, visible) to visible numbers, in place. */
extern void rv_visible_renumber(const RvVisible *v, uint32_t *pos, int64_t n);

/* Visible words among the first nwords. */
extern uint32_t rv_visible_count(const RvVisible *v, uint32_t nwords);

#endif							/* RV_HIDDEN_H */
