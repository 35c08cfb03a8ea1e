/*
 * review_lexize.h
 *	  Keywords of a text, as reviews and reviewquery terms both get them
 *	  (review_lexize.c).
 */
#ifndef REVIEW_LEXIZE_H
#define REVIEW_LEXIZE_H

#include "pg_review.h"
#include "rv_segment.h"

/*
 * Calls fn for each keyword of text in language lang: ICU words, NFKC case
 * folded, then stemmed by PostgreSQL's Snowball dictionary for the language
 * (stop words yield no keyword but keep their word number).  memo points to
 * a slot of this call for the (distinct word, keyword) pair, 0 the first
 * time: fn may keep there what it made of the keyword (an index of its
 * own), so that each later occurrence of the word skips fn's own lookup.
 */
typedef void (*ReviewKeywordFn) (void *arg, const RvWord *word,
								 const char *lex, uint32 len, uint32 *memo);
extern void review_normalize_text(const char *text, size_t len, const char *lang,
								  ReviewKeywordFn fn, void *arg);

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

#endif							/* REVIEW_LEXIZE_H */
