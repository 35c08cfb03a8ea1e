/*
 * review_match.h
 *	  Matching reviewquery against the keywords stored in a review, shared
 *	  by the operators, ranking, snippets and the GIN support.
 */
#ifndef REVIEW_MATCH_H
#define REVIEW_MATCH_H

#include "pg_review.h"
#include "rv_query.h"
#include "utils/array.h"

/* A reviewquery Datum's payload, deserialized (validated) once per call site. */
extern RvQuery *review_query_from_datum(FunctionCallInfo fcinfo, int argno);

/* Parses and normalizes query text in lang (what reviewquery_in does). */
extern RvQuery *review_query_parse(const char *s, size_t len, const char *lang);

/* Builds the stored reviewquery value from a normalized query. */
extern struct varlena *review_query_to_datum(const RvQuery *q);

/* The review's language tag, NUL-terminated. */
extern void review_lang_of(const Review *r, const RvLayout *l, char *lang);

/*
 * Does the review match the normalized query?  With safe, only positions a
 * spoiler-free reader sees count (see redact()).
 */
extern bool review_match_query(const Review *r, const RvLayout *l,
							   const RvQuery *q, bool safe);

/*
 * Raises 22P02 if a word given to ?, ?|, ?& or review_term_count has a
 * control character (rv_term_valid: such a word could only reach the index
 * keys of hidden-only keywords).  op names the operator or function.
 */
extern void review_check_word(const char *word, size_t len, const char *op);

/*
 * The words a spoiler-free reader does not see (those redact() hides at the
 * default threshold), as runs of word numbers, so that the spoiler-safe
 * forms count positions and distances in visible words only: a visible
 * word's visible number is its word number less the hidden words before it.
 * Computed from the whole value (body, spans, sentences): NULL when nothing
 * is hidden.
 */
typedef struct ReviewVisible
{
	int			nruns;
	uint32	   *start;			/* run i hides words [start[i], end[i]) */
	uint32	   *end;
	uint32	   *before;			/* hidden words before run i */
} ReviewVisible;

extern ReviewVisible *review_visible_words(const Review *r, const RvLayout *l);

/* Word numbers (ascending, visible) to visible numbers, in place. */
extern void review_visible_renumber(const ReviewVisible *v, uint32 *pos, int64 n);

/* Visible words among the first nwords. */
extern uint32 review_visible_count(const ReviewVisible *v, uint32 nwords);

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
 * Raises 54000 if a ?| or ?& array has more than RVQ_MAX_ITEMS elements (the
 * item limit of a reviewquery).
 */
extern void review_check_word_array(ArrayType *a);

/*
 * Sets positive[i] for the TERM items of q outside any NOT, starting at item
 * i (0 for the whole query, with negated false); returns the index after
 * the subtree.
 */
extern uint32 review_query_positive_terms(const RvQuery *q, uint32 i,
										  bool negated, bool *positive);

/*
 * Ranking (review_rank.c).  A term's positions (word numbers, ascending,
 * distinct, hidden ones included) and into *expansions the number of
 * keywords it matched (set only for prefix terms; 1 otherwise); returns the
 * count.  item is the term's index in q->items.
 */
typedef int64 (*ReviewRankTermFn) (void *arg, uint32 item, const RvQItem *it,
								   uint32 **pos, uint32 *expansions);

/*
 * Word counts above this rank as this (the RUM index keeps the count in 28
 * bits); no review of a realistic size comes near it.
 */
#define RV_RANK_MAX_WORDS	((1U << 28) - 1)

/*
 * review_rank's value from per-term positions and the review's word count.
 * positive marks q's terms outside any NOT (review_query_positive_terms);
 * NULL computes it.
 */
extern float4 review_rank_score(const RvQuery *q, const bool *positive,
								uint32 nwords, ReviewRankTermFn fn, void *arg);

/*
 * review_rank's value for a stored review.  With vis (safe), only visible
 * positions count, numbered in visible words, and nwords is the visible
 * word count: what review_rank_safe() computes.
 */
extern float4 review_rank_stored(const Review *r, const RvLayout *l,
								 const RvQuery *q);
extern float4 review_rank_visible(const Review *r, const RvLayout *l,
								  const RvQuery *q, const ReviewVisible *vis);

#endif							/* REVIEW_MATCH_H */
