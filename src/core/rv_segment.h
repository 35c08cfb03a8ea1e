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
 * One word pass for several readers of the same text: rv_words_record_begin()
 * segments text into words once, and until rv_words_record_end() every
 * rv_words() call in lang on the whole of text, or on a part of it that has
 * white space (or the text's edge) on both sides and only characters whose
 * word rules never look past white space (ASCII and Latin letters, mostly),
 * replays the recorded words instead of running ICU again: the same words,
 * offsets and word numbers as ICU finds in that part alone.  Other parts are
 * segmented by ICU as ever.  text must stay unchanged and in place until the
 * end; a text over RV_WORD_RECORD_MAX bytes is not recorded (its words would
 * take about twice its size).  One record per process: the glue ends it even
 * on error (PG_FINALLY).  Returns false with *err set if ICU fails.
 */
#define RV_WORD_RECORD_MAX (8 * 1024 * 1024)
extern bool rv_words_record_begin(const char *text, size_t len, const char *lang,
								  RvError *err);
extern void rv_words_record_end(void);

/*
 * NFKC_Casefold of s[0..len) into buf (also maps U+2019 to an apostrophe, as
 * reviews mix both).  Returns the folded length, or -1 with *err set.
 */
extern int64_t rv_fold(const char *s, size_t len, RvBuf *buf, RvError *err);

/* Drops cached ICU objects (the glue calls it at backend exit; tests too). */
extern void rv_segment_reset(void);

#endif							/* RV_SEGMENT_H */
