/*
 * rv_segment.h
 *	  ICU sentence and word segmentation in a review's language.
 *
 * Break iterators run directly on the UTF-8 text through UText, so every
 * boundary is a byte offset of the input.  Iterators are cached per language
 * for the life of the process: opening one loads its rules, which costs more
 * than segmenting a typical review.
 */
#ifndef RV_SEGMENT_H
#define RV_SEGMENT_H

#include "rv_core.h"

/*
 * Splits text into sentences (ICU sentence rules for lang), each trimmed of
 * surrounding white space; sentences that are only white space are dropped.
 * Returns the count and an rv_alloc'd array in *out, or -1 with *err set.
 */
extern int64_t rv_sentences(const char *text, size_t len, const char *lang,
							RvSentence **out, RvError *err);

/* A word found by ICU word segmentation. */
typedef struct RvWord
{
	uint32_t	start;			/* byte range in the segmented text */
	uint32_t	end;
	const char *folded;			/* NFKC_Casefold form, UTF-8, NUL-terminated */
	uint32_t	folded_len;
	uint32_t	index;			/* 0-based word number in the text */
} RvWord;

/* Return false to stop the iteration early. */
typedef bool (*RvWordCallback) (const RvWord *word, void *arg);

/*
 * Calls cb for each word of text in order: runs of letters, digits, kana or
 * ideographs as ICU's word rules for lang find them (dictionary-based for
 * Chinese, Japanese, Thai, Khmer, Lao, Burmese); spaces and punctuation are
 * skipped.  In French, Italian, Catalan and Irish an elided word and its
 * apostrophe ("l'", "dell'", "qu'", also with U+2019) are split off the word
 * they lean on: the elided word takes a word number but is not reported, and
 * the rest is reported as a word.  The folded form is only valid during the
 * call.  Returns the number of words, or -1 with *err set.
 */
extern int64_t rv_words(const char *text, size_t len, const char *lang,
						RvWordCallback cb, void *arg, RvError *err);

/*
 * NFKC_Casefold of s[0..len) into buf (also maps U+2019 to an apostrophe, as
 * reviews mix both).  Returns the folded length, or -1 with *err set.
 */
extern int64_t rv_fold(const char *s, size_t len, RvBuf *buf, RvError *err);

/* Drops cached ICU objects (the glue calls it at backend exit; tests too). */
extern void rv_segment_reset(void);

#endif							/* RV_SEGMENT_H */
