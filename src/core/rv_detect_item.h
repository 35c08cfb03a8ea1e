/*
 * rv_detect_item.h
 *	  The item context of the spoiler detector (rv_detect_item.c): what the
 *	  marked spoilers of other reviews of the same title say about words,
 *	  opt-in through spoiler_context() and spoilers(r, ctx) / redact(r, ctx).
 */
#ifndef RV_DETECT_ITEM_H
#define RV_DETECT_ITEM_H

#include "rv_detect.h"

/*
 * Item context (rv_detect_item.c): counts over the sentences of other
 * reviews of one title, and which of them lie in marked spoilers.
 */
typedef struct RvItemWord
{
	uint64_t	hash;			/* rv_detect_hash of a content word; 0: empty */
	int32_t		all;			/* sentences it occurs in */
	int32_t		spoiler;		/* of which marked spoilers */
} RvItemWord;

typedef struct RvItemContext
{
	int32_t		nsents;
	int32_t		nspoiler;
	uint32_t	nwords;
	uint32_t	mask;
	RvItemWord *words;			/* open addressing by hash */
	const unsigned char *stored;	/* or: the stored form's words, read in
									 * place (rv_item_deserialize) */
} RvItemContext;

extern void rv_item_init(RvItemContext *c);
extern void rv_item_free(RvItemContext *c);

/*
 * Adds one sentence of a review in language lang, which lies in a marked
 * spoiler or not.  Returns false with *err set on failure (ICU).
 */
extern bool rv_item_add_sentence(RvItemContext *c, const char *text, size_t len,
								 const char *lang, bool spoiler, RvError *err);

/* The stored form of a context (see rv_detect_item.c); appends to out. */
extern void rv_item_serialize(const RvItemContext *c, RvBuf *out);

/*
 * A context that reads the stored form in place, after checking all of
 * it: nothing is allocated, data must outlive c, and no sentence may be
 * added to it.  Returns false with *err set when data is not a stored
 * context.
 */
extern bool rv_item_deserialize(const void *data, size_t len, RvItemContext *c,
								RvError *err);

/*
 * rv_detect with the item context of the review's title (English text
 * logits only; other languages score as in rv_detect).
 */
extern float rv_detect_with_item(const RvDetectInput *in, const RvItemContext *ctx,
								 float *scores, RvError *err);

#endif							/* RV_DETECT_ITEM_H */
