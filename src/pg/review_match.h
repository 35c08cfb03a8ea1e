/*
 * review_match.h
 *	  Matching reviewquery against the keywords stored in a review
 *	  (review_match.c), shared by the operators, ranking, snippets and the
 *	  GIN and RUM support.
 */
#ifndef REVIEW_MATCH_H
#define REVIEW_MATCH_H

#include "review_datum.h"
#include "rv_query.h"
#include "utils/array.h"

/*
 * Does the review match the normalized query?  With safe, only positions a
 * spoiler-free reader sees count (see redact()).
 */
extern bool review_match_query(const Review *r, const RvLayout *l,
							   const RvQuery *q, bool safe);

/* Does the query have a phrase (so that positions, not presence, decide)? */
extern bool review_query_has_phrase(const RvQuery *q);

/*
 * review_match_query in spoiler-safe mode with distances in visible words:
 * d is the review Datum (detoasted whole only when a phrase needs it).
 */
extern bool review_match_safe_datum(Datum d, const RvQuery *q);

/* Is word (normalized in lang) present: every lexeme it yields? */
extern bool review_word_present(const Review *r, const RvLayout *l,
								const char *word, size_t len, const char *lang,
								bool safe);

/*
 * Word positions (word numbers, ascending) of a term: one lexeme, or every
 * lexeme starting with it for a prefix term.  safe drops hidden positions.
 * Returns the count; *pos is palloc'd.  If nkeywords is not NULL, it is set
 * to the number of keywords the term matched (a prefix's expansions).
 */
extern int64 review_term_positions(const Review *r, const RvLayout *l,
								   const char *lex, uint32 len, bool prefix,
								   bool safe, uint32 **pos, uint32 *nkeywords);

/*
 * Raises 22P02 if a word given to ?, ?|, ?& or review_term_count has a
 * control character (rv_term_valid: such a word could only reach the index
 * keys of hidden-only keywords).  op names the operator or function.
 */
extern void review_check_word(const char *word, size_t len, const char *op);

/*
 * Raises 54000 if a ?| or ?& array has more than RVQ_MAX_ITEMS elements (the
 * item limit of a reviewquery).
 */
extern void review_check_word_array(ArrayType *a);

#endif							/* REVIEW_MATCH_H */
