/*
 * review_build.c
 *	  The stored value of a parsed review: its sentences scored by the
 *	  detector, its keywords (review_lexize.c) with their positions and
 *	  whether a spoiler-free reader sees each, laid out by the core.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "miscadmin.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "review_build.h"
#include "review_lexize.h"
#include "rv_detect.h"
#include "rv_review.h"
#include "rv_segment.h"
#include "rv_varint.h"

/*
 * One distinct keyword of a review being analysed, with its positions
 * encoded as the stored value holds them (varint differences, about a byte
 * a word), so collecting costs about what the value will take rather than a
 * struct per occurrence.
 */
typedef struct Keyword
{
	const char *lex;			/* owned by the stem cache */
	uint32		len;
	uint32		hash;
	uint32		npos;
	uint32		last;			/* word number of the last position */
	bool		visible;
	uint32		dlen;
	uint32		dcap;			/* up to KW_INLINE: in inl */
	union
	{
		unsigned char *ptr;
		unsigned char inl[8];
	}			data;
} Keyword;

#define KW_INLINE 8
#define KW_DATA(x) ((x)->dcap <= KW_INLINE ? (x)->data.inl : (x)->data.ptr)

typedef struct CollectState
{
	Keyword    *kw;
	uint32		nkw;
	uint32		kwcap;
	uint32	   *slots;			/* 1 + index into kw, 0: empty */
	uint32		mask;
	uint64		npos;
	uint64		posbytes;
	/* what hides a word: marked spans, and sentences scoring >= threshold */
	const RvSpan *spans;
	uint32		nspans;
	uint32		span_i;
	const RvSentence *sents;
	const float *scores;
	uint32		nsents;
	uint32		sent_i;
	uint32		nwords;
	uint32		body_len;
} CollectState;

static bool
word_hidden(CollectState *st, const RvWord *w)
{
	while (st->span_i < st->nspans &&
		   st->spans[st->span_i].start + st->spans[st->span_i].len <= w->start)
		st->span_i++;
	if (st->span_i < st->nspans && st->spans[st->span_i].start < w->end)
		return true;
	while (st->sent_i < st->nsents && st->sents[st->sent_i].end <= w->start)
		st->sent_i++;
	return st->sent_i < st->nsents && st->sents[st->sent_i].start < w->end &&
		st->scores[st->sent_i] >= RV_DEFAULT_THRESHOLD;
}

static void
collect_grow_slots(CollectState *st)
{
	uint32		newmask = st->mask ? st->mask * 2 + 1 : 255;
	uint32	   *slots = MemoryContextAllocExtended(CurrentMemoryContext,
											   sizeof(uint32) * ((Size) newmask + 1),
											   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);

	for (uint32 i = 0; i < st->nkw; i++)
	{
		uint32		k = st->kw[i].hash & newmask;

		while (slots[k] != 0)
			k = (k + 1) & newmask;
		slots[k] = i + 1;
	}
	if (st->slots)
		pfree(st->slots);
	st->slots = slots;
	st->mask = newmask;
}

static Keyword *
collect_lookup(CollectState *st, const char *lex, uint32 len)
{
	uint32		hash = hash_bytes((const unsigned char *) lex, (int) len);
	uint32		k;
	Keyword    *x;

	if ((uint64) (st->nkw + 1) * 2 > st->mask)
		collect_grow_slots(st);
	for (k = hash & st->mask; st->slots[k] != 0; k = (k + 1) & st->mask)
	{
		x = &st->kw[st->slots[k] - 1];
		if (x->hash == hash && x->len == len && memcmp(x->lex, lex, len) == 0)
			return x;
	}
	if (st->nkw == st->kwcap)
	{
		st->kwcap = st->kwcap ? st->kwcap * 2 : 64;
		st->kw = st->kw ? repalloc_huge(st->kw, sizeof(Keyword) * st->kwcap)
			: palloc(sizeof(Keyword) * st->kwcap);
	}
	st->slots[k] = st->nkw + 1;
	x = &st->kw[st->nkw++];
	memset(x, 0, sizeof(*x));
	x->lex = lex;
	x->len = len;
	x->hash = hash;
	return x;
}

static void
collect_keyword(void *arg, const RvWord *w, const char *lex, uint32 len, uint32 *memo)
{
	CollectState *st = arg;
	Keyword    *x;
	bool		hidden;
	uint32		v;

	/* memo: 1 + the keyword's index, once this word has been seen */
	if (*memo != 0)
		x = &st->kw[*memo - 1];
	else
	{
		x = collect_lookup(st, lex, len);
		*memo = (uint32) (x - st->kw) + 1;
	}

	st->nwords = w->index + 1;
	/* A word stemmed to the same keyword twice counts once. */
	if (x->npos > 0 && x->last == w->index)
		return;
	hidden = word_hidden(st, w);
	v = ((x->npos == 0 ? w->index : w->index - x->last) << 1) | (hidden ? RV_POS_HIDDEN : 0);
	if (x->dcap == 0)
		x->dcap = KW_INLINE;	/* most keywords occur a few times */
	if (x->dlen + 5 > x->dcap)
	{
		/*
		 * The encoded positions go into the value as they are: stop before
		 * the value could not be stored anyway, rather than after gigabytes
		 * of work.
		 */
		if (st->posbytes + st->body_len > RV_MAX_VALUE_SIZE)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("value of type review is too large"),
					 errdetail("The review has more than " UINT64_FORMAT " keyword occurrences.",
							   st->npos)));
		if (x->dcap == KW_INLINE)
		{
			unsigned char *p = palloc(KW_INLINE * 4);

			memcpy(p, x->data.inl, x->dlen);
			x->data.ptr = p;
			x->dcap = KW_INLINE * 4;
		}
		else
		{
			x->dcap *= 2;
			x->data.ptr = repalloc_huge(x->data.ptr, x->dcap);
		}
	}
	st->posbytes -= x->dlen;
	x->dlen = (uint32) (rv_varint_put(KW_DATA(x) + x->dlen, v) - KW_DATA(x));
	st->posbytes += x->dlen;
	x->last = w->index;
	x->npos++;
	x->visible |= !hidden;
	st->npos++;
}

/*
 * Keywords are sorted bytewise (rv_lexcmp) by an integer first: the first 8
 * bytes, big-endian, zero-padded.  A keyword holds no zero byte, so keys
 * that differ order as the strings do; equal keys (a shared 8-byte prefix)
 * compare the strings.
 */
typedef struct KeywordKey
{
	uint64		key;
	uint32		idx;			/* into CollectState.kw */
} KeywordKey;

static inline uint64
keyword_prefix(const char *s, uint32 len)
{
	uint64		k = 0;

	for (uint32 i = 0; i < 8; i++)
		k = (k << 8) | (i < len ? (unsigned char) s[i] : 0);
	return k;
}

static inline int
cmp_keyword_key(const KeywordKey *a, const KeywordKey *b, const Keyword *kw)
{
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return rv_lexcmp(kw[a->idx].lex, kw[a->idx].len, kw[b->idx].lex, kw[b->idx].len);
}

#define ST_SORT sort_keyword_keys
#define ST_ELEMENT_TYPE KeywordKey
#define ST_COMPARE(a, b, arg) cmp_keyword_key(a, b, arg)
#define ST_COMPARE_ARG_TYPE const Keyword
#define ST_CHECK_FOR_INTERRUPTS
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* What PostgreSQL can output: MaxAllocSize - 1 bytes in a buffer; jsonb data. */
StaticAssertDecl(RV_OUTPUT_MAX_BUFFER == MaxAllocSize - 1, "RV_OUTPUT_MAX_BUFFER");
StaticAssertDecl(RV_OUTPUT_MAX_JSONB == JENTRY_OFFLENMASK, "RV_OUTPUT_MAX_JSONB");
static const RvOutputLimits review_output_limits = {RV_OUTPUT_MAX_BUFFER, RV_OUTPUT_MAX_JSONB};

/*
 * The analysis of a value allocates some hundreds of kilobytes (the word
 * record, the stem cache, the keyword table and its positions) and drops
 * them all once the value is laid out.  Done in the caller's per-row
 * context, that memory went back to malloc at every row, and glibc handed
 * it back to the kernel (a brk call and a TLB flush) only to ask for it
 * again at the next row: a quarter of the time of ingest.  The analysis is
 * done instead in a workspace the backend keeps, reset after each value,
 * whose first block (kept over resets) holds the analysis of a review of
 * usual size.  A nested call (none is known) gets a context of its own.
 */
#define WORKSPACE_KEEP		(1024 * 1024)

static MemoryContext workspace;
static bool workspace_busy;

static MemoryContext
workspace_begin(void)
{
	if (workspace_busy)
		return AllocSetContextCreate(CurrentMemoryContext, "review analysis (nested)",
									 ALLOCSET_DEFAULT_SIZES);
	if (workspace == NULL)
		workspace = AllocSetContextCreate(TopMemoryContext, "review analysis",
										  WORKSPACE_KEEP, WORKSPACE_KEEP,
										  ALLOCSET_DEFAULT_MAXSIZE);
	workspace_busy = true;
	return workspace;
}

static void
workspace_end(MemoryContext cxt)
{
	if (cxt != workspace)
		MemoryContextDelete(cxt);
	else
	{
		MemoryContextReset(cxt);
		workspace_busy = false;
	}
}

static Review *analyse(const RvDoc *doc, MemoryContext result_cxt);

/* The stored value of doc, allocated in the current memory context. */
Review *
review_from_doc(const RvDoc *doc)
{
	MemoryContext caller = CurrentMemoryContext;
	MemoryContext work;
	Review	   *volatile r = NULL;

	/*
	 * Every way a value is built comes here: refuse, before any analysis,
	 * one that could be stored but not printed, dumped or cast to jsonb.
	 */
	{
		RvError		err = {0};

		if (!rv_check_output_size(doc, &review_output_limits, &err))
			rv_report(&err, "review", NULL);
	}

	work = workspace_begin();
	PG_TRY();
	{
		MemoryContextSwitchTo(work);
		r = analyse(doc, caller);
	}
	PG_FINALLY();
	{
		MemoryContextSwitchTo(caller);
		workspace_end(work);
	}
	PG_END_TRY();
	return r;
}

/*
 * The analysis of doc and its layout, in the current memory context (the
 * workspace); the value itself is allocated in result_cxt.
 */
static Review *
analyse(const RvDoc *doc, MemoryContext result_cxt)
{
	RvAnalysis	an;
	RvError		err = {0};
	CollectState st;
	RvDetectInput din;
	char		lang[RV_LANG_BUFSIZE];
	int64		nsents;
	size_t		size;
	Review	   *r;

	memset(&an, 0, sizeof(an));
	snprintf(lang, sizeof(lang), "%.*s", (int) doc->lang_len, doc->lang);

	nsents = rv_sentences(doc->body, doc->body_len, lang, &an.sents, &err);
	if (nsents < 0)
		rv_report(&err, "review", NULL);
	an.nsents = (uint32) nsents;
	an.scores = palloc0(sizeof(float) * (an.nsents ? an.nsents : 1));

	din.body = doc->body;
	din.body_len = doc->body_len;
	din.lang = lang;
	din.warning = doc->warning;
	din.sents = an.sents;
	din.nsents = an.nsents;
	din.spans = doc->spans;
	din.nspans = doc->nspans;

	memset(&st, 0, sizeof(st));
	st.spans = doc->spans;
	st.nspans = doc->nspans;
	st.sents = an.sents;
	st.scores = an.scores;
	st.nsents = an.nsents;
	st.body_len = doc->body_len;

	/*
	 * One ICU word pass over the body: recorded, then replayed to the
	 * detector's sentences and to the keywords (rv_words_record_begin()).
	 * The record must not outlive this call, even on error: a cancel while
	 * it is being made leaves it half made, and only rv_words_record_end()
	 * may release it, before the memory context goes.
	 */
	PG_TRY();
	{
		if (review_detect && !rv_words_record_begin(doc->body, doc->body_len, lang, &err))
			rv_report(&err, "review", NULL);
		an.score = review_detect ? rv_detect(&din, an.scores, &err) : 0;
		if (an.score < 0)
			rv_report(&err, "review", NULL);
		review_normalize_text(doc->body, doc->body_len, lang, collect_keyword, &st);
	}
	PG_FINALLY();
	{
		rv_words_record_end();
	}
	PG_END_TRY();
	if (st.slots)
		pfree(st.slots);

	/*
	 * The distinct keywords, sorted; their positions are already in order.
	 * Positions kept inline move to one block, so that the keyword table can
	 * go before the value is allocated.
	 */
	an.lex = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(RvLexeme) * (st.nkw ? st.nkw : 1));
	{
		Size		ninline = 0;
		unsigned char *inl;
		KeywordKey *order = MemoryContextAllocHuge(CurrentMemoryContext,
												   sizeof(KeywordKey) * (st.nkw ? st.nkw : 1));

		for (uint32 i = 0; i < st.nkw; i++)
		{
			ninline += st.kw[i].dcap <= KW_INLINE ? st.kw[i].dlen : 0;
			order[i].key = keyword_prefix(st.kw[i].lex, st.kw[i].len);
			order[i].idx = i;
		}
		if (st.nkw > 1)
			sort_keyword_keys(order, st.nkw, st.kw);
		inl = MemoryContextAllocHuge(CurrentMemoryContext, ninline ? ninline : 1);
		for (uint32 i = 0; i < st.nkw; i++)
		{
			RvLexeme   *x = &an.lex[i];
			Keyword    *k = &st.kw[order[i].idx];

			if ((i & 8191) == 0)
				CHECK_FOR_INTERRUPTS();
			x->str = k->lex;
			x->len = k->len;
			x->pos = NULL;
			x->npos = k->npos;
			x->posdata_len = k->dlen;
			x->visible = k->visible;
			if (k->dcap <= KW_INLINE)
			{
				memcpy(inl, k->data.inl, k->dlen);
				x->posdata = inl;
				inl += k->dlen;
			}
			else
				x->posdata = k->data.ptr;
		}
		pfree(order);
	}
	an.nlex = st.nkw;
	if (st.kw)
		pfree(st.kw);
	an.nwords = st.nwords;

	size = rv_layout_size(doc, &an);
	if (size == 0 && rv_interrupted(&err))
		rv_report(&err, "review", NULL);
	if (size == 0 || size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("value of type review is too large"),
				 errdetail("A review with its analysis may take at most %zu bytes.",
						   (size_t) MaxAllocSize)));
	r = MemoryContextAllocZero(result_cxt, size);
	rv_layout_write(doc, &an, r);
	SET_VARSIZE(r, size);
#ifdef USE_ASSERT_CHECKING
	{
		RvLayout	l;

		/* what was written reads back as a whole, valid value */
		Assert(rv_layout_compute(r, &l) && l.total == size);
		Assert(r->nlex == an.nlex && r->nwords == an.nwords);
	}
#endif
	return r;
}
