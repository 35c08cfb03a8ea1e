/*
 * pg_review.h
 *	  Shared declarations of the PostgreSQL glue of pg_review.
 */
#ifndef PG_REVIEW_H
#define PG_REVIEW_H

#include "postgres.h"
#include "fmgr.h"

#include "rv_core.h"
#include "rv_layout.h"
#include "rv_segment.h"

/* A detoasted review value. */
typedef RvHeader Review;

#define DatumGetReviewP(x)		((Review *) PG_DETOAST_DATUM(x))
#define PG_GETARG_REVIEW_P(n)	DatumGetReviewP(PG_GETARG_DATUM(n))
#define PG_RETURN_REVIEW_P(x)	PG_RETURN_POINTER(x)

/* Raises the ERROR that err describes, for a value of type typname. */
extern void rv_report(const RvError *err, const char *typname, const char *input)
			pg_attribute_noreturn();

/* Analyses a parsed document and builds the stored value (review_analyze.c). */
extern Review *review_from_doc(const RvDoc *doc);

/*
 * Calls fn for each keyword of text in language lang: ICU words, NFKC case
 * folded, then stemmed by PostgreSQL's Snowball dictionary for the language
 * (stop words yield no keyword but keep their word number).
 */
typedef void (*ReviewKeywordFn) (void *arg, const RvWord *word,
								 const char *lex, uint32 len);
extern void review_normalize_text(const char *text, size_t len, const char *lang,
								  ReviewKeywordFn fn, void *arg);

/*
 * A byte range of the body that a spoiler-free reader must not see: a
 * marked span, or a sentence scoring at or above a threshold.
 */
typedef struct HiddenRange
{
	uint32		start;
	uint32		end;
	bool		marked;
	float		score;
} HiddenRange;

/* The ranges to hide at threshold (1: marked spans only), sorted by start. */
extern HiddenRange *review_hidden_ranges(const Review *r, const RvLayout *l,
										 float threshold, int *n);

/* The keywords of a text, in order, with the word number of each. */
typedef struct ReviewLexemes
{
	const char **lex;			/* palloc'd copies */
	uint32	   *len;
	uint32	   *pos;
	int			n;
	int			cap;
} ReviewLexemes;

extern void review_lexemes(const char *text, size_t len, const char *lang,
						   ReviewLexemes *out);

/*
 * The end of the run of hidden ranges starting at ranges[*i]: overlapping
 * ones and those only white space apart, which show as one mask.  Advances
 * *i past the run.
 */
extern uint32 review_hidden_run(const HiddenRange *ranges, int n, int *i,
								const char *body);

/* r, after checking that its header is whole and its version known. */
extern Review *review_checked_header(Review *r);

/* Section offsets of a stored value. */
extern void review_layout(const Review *r, RvLayout *l);

/*
 * A review Datum detoasted up to its keyword strings only (matching, ranking
 * and the index read no more); *l gets the whole value's offsets, and no
 * section from l->body on may be read.
 */
extern Review *review_detoast_prefix(Datum d, RvLayout *l);

#endif							/* PG_REVIEW_H */
