/*
 * rv_stopwords.h
 *	  Stop words for languages that PostgreSQL has no Snowball dictionary
 *	  for (Japanese, Chinese, Korean, Thai): particles and function words
 *	  that ICU segments as words of their own.
 */
#ifndef RV_STOPWORDS_H
#define RV_STOPWORDS_H

#include "rv_core.h"

/* Is the folded word a stop word of lang (a BCP 47 tag)? */
extern bool rv_is_stopword(const char *lang, const char *word, size_t len);

/* True if every list is sorted bytewise, as bsearch needs (unit tests). */
extern bool rv_stopwords_sorted(void);

#endif							/* RV_STOPWORDS_H */
