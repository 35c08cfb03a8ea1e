/*
 * rv_snippet.h
 *	  review_snippet's text: the stretch of max_words words with the most
 *	  visible matches, matches in <b>...</b>, hidden ranges as one mask per
 *	  run, as redact() shows them.
 *
 * Spoiler-safe by construction: bytes are copied from the body only outside
 * the hidden ranges, and a word that meets one is never a match.
 */
#ifndef RV_SNIPPET_H
#define RV_SNIPPET_H

#include "rv_hidden.h"
#include "rv_query.h"

#define RV_SNIPPET_MASK "[spoiler]"
#define RV_SNIPPET_ELLIPSIS "\xE2\x80\xA6"	/* U+2026 */

typedef struct RvSnipWord
{
	uint32_t	start;			/* byte offsets into the body */
	uint32_t	end;
	bool		hidden;			/* meets a hidden range */
	bool		match;			/* a positive query term, and not hidden */
} RvSnipWord;

/*
 * Is lexeme lex one of q's positive terms (positive: rv_query_positive_terms),
 * exactly or as a prefix term's expansion?
 */
extern bool rv_snippet_lexeme_matches(const RvQuery *q, const bool *positive,
									  const char *lex, uint32_t len);

/*
 * Appends the snippet of body to out: words (n > 0, in order, with hidden
 * and match set) are the body's words, ranges (sorted by start) what
 * is hidden; max_words >= 1.
 */
extern void rv_snippet_build(const char *body, const RvSnipWord *words, int n,
							 const RvHiddenRange *ranges, int nranges,
							 int max_words, RvBuf *out);

#endif							/* RV_SNIPPET_H */
