/*
 * review_rum.c
 *	  RUM operator class review_rum_ops (extension pg_review_rum): one key
 *	  per keyword of a review, with the keyword's positions as additional
 *	  information, so that phrases and the spoiler-safe operators are decided
 *	  in the index without a recheck and ORDER BY r <=> q is ranked from the
 *	  index alone.  Phrases under @@~ are the exception: their distances count
 *	  visible words (review_visible_words), which hidden stop words, absent
 *	  from the index, shift; the visible keys filter and the operator
 *	  rechecks.
 *
 * Keys are the keywords themselves (no hidden-only marker as in review_ops:
 * the positions carry the hidden flag).  The additional information of a
 * (keyword, review) pair is a bytea:
 *
 *	varbyte header		(nwords << 3) | AIH_RARE | AIH_VISINFO |
 *						AIH_VISIBLE, where nwords is the review's word
 *						count (BM25 length normalization, capped at
 *						RV_RANK_MAX_WORDS) and the bits say
 *						AIH_VISIBLE (AI_VISIBLE): a position a
 *						spoiler-free reader sees;
 *						AIH_VISINFO (AI_VISINFO): the visible counts
 *						follow;
 *						AIH_RARE: the rare flags follow
 *	[varbyte rare]		AI_TRUNCATED: positions left out (see below);
 *						AI_MIXED: some positions hidden, some not;
 *						AI_JOINED: nlex follows
 *						(rare flags in a byte of their own keep the
 *						header at two bytes up to 2047 words)
 *	[varbyte nlex]		keywords merged in, when a prefix term's matches
 *						are joined (for the prefix-expansion weight); 1
 *						when absent
 *	[varbyte hidden,	only in reviews with hidden words: the review's
 *	 varbyte before]	hidden word count (nwords less its visible word
 *						count), and the hidden words before the keyword's
 *						first visible position (0 when it has none), from
 *						which its visible number (review_visible.h)
 *						follows; both are small, usually a byte each; for
 *						the spoiler-safe BM25 ordering
 *	varbyte ...			positions, strictly ascending, as deltas from the
 *						previous one: with AI_MIXED each is
 *						(word number << 1) | hidden, otherwise the word
 *						number alone, all hidden or none as AI_VISIBLE says
 *
 * Most keywords of a review are all visible or all hidden, so most entries
 * spend no bit per position on it, and most headers take two bytes: an
 * entry is about two bytes larger than rum_tsvector_ops' (fewer pages for a
 * ranked scan to read than with a byte each for flags, count and nlex).
 * varbyte: LEB128, as in the stored layout (rv_varint.h).
 * A prefix term matches several keys; RUM joins their additional
 * information per row with review_rum_join (support function 10), which
 * merges the positions, so consistent and ordering see what
 * review_term_positions() returns for the prefix.
 *
 * Positions beyond AI_MAX_POS_BYTES are left out (AI_TRUNCATED), so that an
 * index item always fits a page: that takes a keyword occurring some 500+
 * times in one review.  Matching then falls back to key presence and asks
 * for a recheck (exact); ranking of such a row uses the positions kept, so
 * its distance may differ from review_rank's.
 *
 * r <=> q is 1 - review_rank(r, q): as a function it ranks the stored value,
 * in the index it ranks the positions above with the same scoring code
 * (review_rank_score), so both give the same float8 and ORDER BY r <=> q
 * orders exactly like ORDER BY review_rank(r, q) DESC.
 *
 * Queries given as text (@@ text, @@~ text, ?, ?|, ?&) use review_ops' GIN
 * support functions, whose arguments RUM passes in the same places; they
 * always recheck.
 */
#include "postgres.h"

#include "access/stratnum.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "rum.h"

#include "review_bm25.h"
#include "review_gin.h"
#include "review_match.h"
#include "review_rank.h"
#include "review_visible.h"
#include "reviewquery.h"
#include "review_opclass.h"
#include "rv_bm25.h"
#include "rv_varint.h"

PG_FUNCTION_INFO_V1(review_distance);
PG_FUNCTION_INFO_V1(review_rum_config);
PG_FUNCTION_INFO_V1(review_rum_extract_value);
PG_FUNCTION_INFO_V1(review_rum_extract_query);
PG_FUNCTION_INFO_V1(review_rum_consistent);
PG_FUNCTION_INFO_V1(review_rum_pre_consistent);
PG_FUNCTION_INFO_V1(review_rum_ordering);
PG_FUNCTION_INFO_V1(review_rum_join);

#define AI_VISIBLE			0x01
#define AI_TRUNCATED		0x02
#define AI_MIXED			0x04
#define AI_JOINED			0x08
#define AI_VISINFO			0x10
#define AI_RARE_FLAGS		(AI_TRUNCATED | AI_MIXED | AI_JOINED)
/* the header's own flag bits */
#define AIH_VISIBLE			0x01
#define AIH_VISINFO			0x02
#define AIH_RARE			0x04	/* a varbyte of AI_RARE_FLAGS follows */
#define AI_FLAG_BITS		3
#define AI_MAX_POS_BYTES	1024

/*
 * Reading the stored value: the i-th keyword, and its positions in the
 * stored form ((word << 1) | hidden, ascending; palloc'd).
 */
static void
stored_keyword(const Review *r, const RvLayout *l, uint32 i,
			   const char **str, uint32 *len, uint32 **pos, uint32 *npos)
{
	RvKeyword	kw;

	rv_layout_keyword(r, l, i, &kw);
	*str = kw.str;
	*len = kw.len;
	*npos = kw.npos;
	*pos = palloc(sizeof(uint32) * (kw.npos ? kw.npos : 1));
	rv_layout_positions(&kw, *pos);
}

/* Additional information: encoding and decoding */

static pg_noinline void
corrupted_addinfo(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INDEX_CORRUPTED),
			 errmsg("additional information of a review_rum_ops index entry is corrupted")));
}

/*
 * A varint of an index entry's additional information.  Inline, with the
 * one-byte case first: the ordering reads a few for every match.
 */
static pg_attribute_always_inline const unsigned char *
get_varint(const unsigned char *p, const unsigned char *end, uint32 *v)
{
	if (likely(p < end && *p < 0x80))
	{
		*v = *p;
		return p + 1;
	}
	p = rv_varint_get_checked(p, end, v);
	if (p == NULL)
		corrupted_addinfo();
	return p;
}

/*
 * Builds the bytea from positions in stored form ((word << 1) | hidden,
 * ascending); positions past limit bytes (0: none) are left out.  flags
 * may bring AI_TRUNCATED and AI_VISIBLE from positions already left out
 * (when review_rum_join merges truncated entries): AI_VISIBLE describes
 * every position, kept or not.
 */
typedef struct AddVis
{
	uint32		vislen;			/* the review's visible word count */
	uint32		visfirst;		/* visible number of the first visible position */
} AddVis;

static bytea *
encode_addinfo(uint32 flags, uint32 nwords, uint32 nlex, const uint32 *pos,
			   uint32 npos, size_t limit, const AddVis *vis)
{
	bytea	   *b = palloc(VARHDRSZ + 5 * 5 + (size_t) npos * 5);
	unsigned char *start = (unsigned char *) VARDATA(b);
	unsigned char *p = start;
	uint32		header = Min(nwords, RV_RANK_MAX_WORDS) << AI_FLAG_BITS;
	uint32		nhidden = 0;
	uint32		shift;
	uint32		prev = 0;
	uint32		kept = npos;
	size_t		bytes = 0;

	for (uint32 k = 0; k < npos; k++)
		nhidden += pos[k] & 1;
	flags &= AI_VISIBLE | AI_TRUNCATED;
	if (nhidden < npos)
		flags |= AI_VISIBLE;
	if (nhidden > 0 && (flags & AI_VISIBLE))
		flags |= AI_MIXED;
	/* the hidden bit is kept only when positions differ in it */
	shift = (flags & AI_MIXED) ? 0 : 1;
	if (nlex != 1)
		flags |= AI_JOINED;

	/* the positions that fit in limit bytes (0: all) */
	for (uint32 k = 0; k < npos && limit > 0; k++)
	{
		uint32		v = pos[k] >> shift;

		if (bytes + 5 > limit)
		{
			kept = k;
			flags |= AI_TRUNCATED;
			break;
		}
		bytes += rv_varint_size(v - prev);
		prev = v;
	}

	if (flags & AI_VISIBLE)
		header |= AIH_VISIBLE;
	if (vis != NULL)
		header |= AIH_VISINFO;
	if (flags & AI_RARE_FLAGS)
		header |= AIH_RARE;
	p = rv_varint_put(p, header);
	if (flags & AI_RARE_FLAGS)
		p = rv_varint_put(p, flags & AI_RARE_FLAGS);
	if (nlex != 1)
		p = rv_varint_put(p, nlex);
	if (vis != NULL)
	{
		uint32		capped = Min(nwords, RV_RANK_MAX_WORDS);
		uint32		before = 0;

		/* as differences: the hidden words, overall and before the first visible */
		for (uint32 k = 0; k < npos; k++)
			if (!(pos[k] & RV_POS_HIDDEN))
			{
				Assert(vis->visfirst <= pos[k] >> 1);
				before = (pos[k] >> 1) - vis->visfirst;
				break;
			}
		p = rv_varint_put(p, capped - Min(vis->vislen, capped));
		p = rv_varint_put(p, before);
	}
	prev = 0;
	for (uint32 k = 0; k < kept; k++)
	{
		uint32		v = pos[k] >> shift;

		p = rv_varint_put(p, v - prev);
		prev = v;
	}
	SET_VARSIZE(b, VARHDRSZ + (p - start));
	return b;
}

typedef struct AddInfo
{
	uint32		flags;
	uint32		nwords;
	uint32		nlex;
	uint32		vislen;			/* the visible word count (nwords without AI_VISINFO) */
	uint32		before;			/* hidden words before the first visible position */
	const unsigned char *pos;	/* encoded positions */
	const unsigned char *end;
} AddInfo;

static pg_attribute_always_inline void
read_addinfo(Datum d, AddInfo *ai)
{
	bytea	   *b = DatumGetByteaPP(d);
	const unsigned char *p = (const unsigned char *) VARDATA_ANY(b);
	const unsigned char *end = p + VARSIZE_ANY_EXHDR(b);
	uint32		h;

	p = get_varint(p, end, &h);
	ai->flags = ((h & AIH_VISIBLE) ? AI_VISIBLE : 0) | ((h & AIH_VISINFO) ? AI_VISINFO : 0);
	ai->nwords = h >> AI_FLAG_BITS;
	if (h & AIH_RARE)
	{
		uint32		rare;

		p = get_varint(p, end, &rare);
		if (rare == 0 || (rare & ~AI_RARE_FLAGS) != 0)
			corrupted_addinfo();
		ai->flags |= rare;
	}
	ai->nlex = 1;
	if (ai->flags & AI_JOINED)
		p = get_varint(p, end, &ai->nlex);
	ai->vislen = ai->nwords;
	ai->before = 0;
	if (ai->flags & AI_VISINFO)
	{
		uint32		hidden;

		p = get_varint(p, end, &hidden);
		p = get_varint(p, end, &ai->before);
		if (hidden > ai->nwords)
			corrupted_addinfo();
		ai->vislen = ai->nwords - hidden;
	}
	ai->pos = p;
	ai->end = end;
}

/*
 * AI_VISIBLE of an entry, from the first byte of its header, which holds
 * the header's flag bits whatever its length.
 */
static bool
addinfo_visible(Datum d)
{
	bytea	   *b = DatumGetByteaPP(d);

	if (VARSIZE_ANY_EXHDR(b) < 1)
		corrupted_addinfo();
	return (*(const unsigned char *) VARDATA_ANY(b) & AIH_VISIBLE) != 0;
}

/*
 * The positions in stored form ((word << 1) | hidden, ascending); *out is
 * palloc'd.
 */
static uint32
decode_raw(const AddInfo *ai, uint32 **out)
{
	const unsigned char *p = ai->pos;
	bool		mixed = (ai->flags & AI_MIXED) != 0;
	uint32		hidden = (ai->flags & AI_VISIBLE) ? 0 : 1;
	uint32		v = 0;
	uint32		n = 0;

	/* at least one byte per position */
	*out = palloc(sizeof(uint32) * (ai->end - ai->pos + 1));
	while (p < ai->end)
	{
		uint32		delta;

		p = get_varint(p, ai->end, &delta);
		v += delta;
		(*out)[n++] = mixed ? v : (v << 1) | hidden;
	}
	return n;
}

/*
 * The positions as review_term_positions() gives them: word numbers,
 * ascending, distinct (merged keywords may share a word), without the
 * hidden ones if safe.  Returns the count; *out is palloc'd.
 */
static int64
decode_positions(const AddInfo *ai, bool safe, uint32 **out)
{
	uint32		nraw = decode_raw(ai, out);
	int64		n = 0;

	for (uint32 k = 0; k < nraw; k++)
	{
		uint32		v = (*out)[k];

		if (safe && (v & 1))
			continue;
		if (n > 0 && (*out)[n - 1] == v >> 1)
			continue;
		(*out)[n++] = v >> 1;
	}
	return n;
}

/*
 * The count and the first of what decode_positions() would return, without
 * building the array: BM25 needs no more, for every matching row.
 */
static int64
count_positions(const AddInfo *ai, bool safe, uint32 *first)
{
	const unsigned char *p = ai->pos;
	bool		mixed = (ai->flags & AI_MIXED) != 0;
	uint32		hidden = (ai->flags & AI_VISIBLE) ? 0 : 1;
	uint32		v = 0;
	uint32		last = 0;
	int64		n = 0;

	*first = 0;
	if (p >= ai->end)
		return 0;
	if (!mixed && !(ai->flags & AI_JOINED))
	{
		/*
		 * Strictly ascending word numbers, all hidden or none: one position
		 * per varint, i.e. per byte without the continuation bit.
		 */
		if (safe && hidden)
			return 0;
		if (ai->end[-1] & 0x80)
			corrupted_addinfo();
		(void) get_varint(p, ai->end, first);
		for (; p < ai->end; p++)
			n += (*p & 0x80) == 0;
		return n;
	}
	while (p < ai->end)
	{
		uint32		delta;
		uint32		raw;

		p = get_varint(p, ai->end, &delta);
		v += delta;
		raw = mixed ? v : (v << 1) | hidden;
		if (safe && (raw & 1))
			continue;
		if (n > 0 && last == raw >> 1)
			continue;
		last = raw >> 1;
		if (n == 0)
			*first = last;
		n++;
	}
	return n;
}

/* Support functions */

Datum
review_rum_config(PG_FUNCTION_ARGS)
{
	RumConfig  *config = (RumConfig *) PG_GETARG_POINTER(0);

	config->addInfoTypeOid = BYTEAOID;
	config->strategyInfo[0].strategy = InvalidStrategy;
	PG_RETURN_VOID();
}

Datum
review_rum_extract_value(PG_FUNCTION_ARGS)
{
	RvLayout	l;
	Review	   *r = PG_GETARG_REVIEW_P(0);
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	Datum	  **addInfo = (Datum **) PG_GETARG_POINTER(3);
	bool	  **addInfoIsNull = (bool **) PG_GETARG_POINTER(4);
	int			n = (int) r->nlex;
	Datum	   *keys = palloc(sizeof(Datum) * (n ? n : 1));
	RvVisible  *visible;
	AddVis		vis;

	/* the visible word numbers, when the review hides any word */
	review_layout(r, &l);
	visible = review_visible_words(r, &l);
	if (visible != NULL)
		vis.vislen = rv_visible_count(visible, r->nwords);

	*addInfo = palloc(sizeof(Datum) * (n ? n : 1));
	*addInfoIsNull = palloc(sizeof(bool) * (n ? n : 1));
	for (int i = 0; i < n; i++)
	{
		const char *str;
		uint32		len,
					npos;
		uint32	   *pos;

		CHECK_FOR_INTERRUPTS();
		stored_keyword(r, &l, i, &str, &len, &pos, &npos);
		keys[i] = PointerGetDatum(cstring_to_text_with_len(str, len));
		if (visible != NULL)
		{
			vis.visfirst = 0;
			for (uint32 k = 0; k < npos; k++)
				if (!(pos[k] & RV_POS_HIDDEN))
				{
					vis.visfirst = pos[k] >> 1;
					rv_visible_renumber(visible, &vis.visfirst, 1);
					break;
				}
		}
		(*addInfo)[i] = PointerGetDatum(encode_addinfo(0, r->nwords, 1, pos, npos,
													   AI_MAX_POS_BYTES,
													   visible ? &vis : NULL));
		(*addInfoIsNull)[i] = false;
		Assert(npos > 0);		/* every stored keyword occurs */
		pfree(pos);
	}
	*nentries = n;
	PG_RETURN_POINTER(keys);
}

/*
 * What extractQuery leaves for consistent and ordering (extra_data[0]):
 * the query, and for each of its items the entry of its term (-1 for
 * operators).  Terms repeated in the query share an entry.
 */
typedef struct RumQuery
{
	RvQuery    *q;
	int		   *entry;
	bool	   *positive;		/* TERM items outside any NOT */
	RvQTri	   *termval;		/* evaluate_presence's scratch, a slot a term */
	int			nentries;
	MemoryContext cxt;			/* reset at each call */
	/* for the position callbacks */
	bool	   *check;
	Datum	   *addInfo;
	bool	   *addInfoIsNull;
	bool		safe;
	bool		positional;		/* a phrase: consistent needs positions */
	bool		safe_phrase;	/* @@~ with a phrase: distances in visible words */
	ReviewBm25 *bm25;			/* <#>: the statistics; NULL otherwise */
	double	   *best;			/* bounded <#>: min-heap of the best scores seen */
	uint32		nbest;

	/*
	 * evaluate_presence's answers by the entries' states (2 bits each), for
	 * consistent [0] and pre-consistent [1]: 0 not known yet, else 1 +
	 * result + 3 * recheck.  NULL until used; only for queries of up to
	 * PRESENCE_MEMO_ENTRIES entries.
	 */
	uint8	   *memo[2];
} RumQuery;

#define PRESENCE_MEMO_ENTRIES	6

Datum
review_rum_extract_query(PG_FUNCTION_ARGS)
{
	struct varlena *v;
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	bool	  **pmatch = (bool **) PG_GETARG_POINTER(3);
	Pointer   **extra_data = (Pointer **) PG_GETARG_POINTER(4);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	RumQuery   *rq;
	RvError		err = {0};
	Datum	   *keys;
	uint32	   *first;			/* the item that made each entry */
	int			n = 0;

	if (strategy != RV_STRAT_MATCH && strategy != RV_STRAT_SAFE &&
		strategy != RV_STRAT_DISTANCE && strategy != RV_STRAT_BM25)
		return review_gin_extract_query(fcinfo);

	v = PG_GETARG_VARLENA_P(0);
	rq = palloc0(sizeof(RumQuery));
	if (strategy == RV_STRAT_BM25)
	{
		rq->bm25 = review_bm25_deserialize(v);
		rq->q = rq->bm25->q;
		if (rq->bm25->bound > 0)
			rq->best = palloc(sizeof(double) * rq->bm25->bound);
	}
	else
		rq->q = rv_query_deserialize(VARDATA(v), VARSIZE(v) - VARHDRSZ, &err);
	if (rq->q == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type reviewquery is corrupted")));
	rq->entry = palloc(sizeof(int) * (rq->q->nitems ? rq->q->nitems : 1));
	keys = palloc(sizeof(Datum) * (rq->q->nitems ? rq->q->nitems : 1));
	*pmatch = palloc(sizeof(bool) * (rq->q->nitems ? rq->q->nitems : 1));
	first = palloc(sizeof(uint32) * (rq->q->nitems ? rq->q->nitems : 1));
	for (uint32 i = 0; i < rq->q->nitems; i++)
	{
		const RvQItem *it = &rq->q->items[i];
		bool		prefix = (it->flags & RVQ_PREFIX) != 0;
		int			e;

		rq->entry[i] = -1;
		if (it->op != RVQ_TERM)
			continue;
		for (e = 0; e < n; e++)
		{
			const RvQItem *other = &rq->q->items[first[e]];

			if ((*pmatch)[e] == prefix && other->len == it->len &&
				memcmp(other->text, it->text, it->len) == 0)
				break;
		}
		if (e == n)
		{
			keys[n] = PointerGetDatum(cstring_to_text_with_len(it->text, it->len));
			(*pmatch)[n] = prefix;
			first[n] = i;
			n++;
		}
		rq->entry[i] = e;
	}
	rq->nentries = n;
	rq->positive = palloc0(sizeof(bool) * (rq->q->nitems ? rq->q->nitems : 1));
	rq->termval = palloc(sizeof(RvQTri) * (rq->q->nitems ? rq->q->nitems : 1));
	if (rq->q->nitems > 0)
		rv_query_positive_terms(rq->q, rq->positive);
	rq->cxt = AllocSetContextCreate(CurrentMemoryContext, "review_rum_ops query",
									ALLOCSET_SMALL_SIZES);
	rq->safe = (strategy == RV_STRAT_SAFE);
	rq->positional = false;
	for (uint32 i = 0; i < rq->q->nitems; i++)
		if (rq->q->items[i].op == RVQ_PHRASE)
			rq->positional = true;
	rq->safe_phrase = rq->safe && review_query_has_phrase(rq->q);

	/*
	 * With no positive term ("!x") rows without any of the keys match too:
	 * scan everything.  Ordering needs only the entries there are.
	 */
	if (strategy != RV_STRAT_DISTANCE && strategy != RV_STRAT_BM25 && rq->q->nitems > 0 &&
		!rv_query_has_positive_term(rq->q))
		*searchMode = GIN_SEARCH_MODE_ALL;

	*extra_data = palloc(sizeof(Pointer) * (n ? n : 1));
	for (int e = 0; e < (n ? n : 1); e++)
		(*extra_data)[e] = (Pointer) rq;
	*nentries = n;
	PG_RETURN_POINTER(keys);
}

/* Positions of a term from the additional information (rv_query_match). */
static int64_t
match_positions(void *arg, const RvQItem *term, const uint32_t **pos)
{
	RumQuery   *rq = arg;
	int			e = rq->entry[term - rq->q->items];
	AddInfo		ai;
	uint32	   *p;
	int64		n;

	if (!rq->check[e] || rq->addInfoIsNull[e])
		return 0;
	read_addinfo(rq->addInfo[e], &ai);
	n = decode_positions(&ai, rq->safe, &p);
	*pos = p;
	return n;
}

/*
 * The query over key presence, as review_ops does it, for rows whose
 * positions are not all in the index.  For pre-consistent (addInfo NULL),
 * whose check[] RUM's fast scan also fills with "what if these keys were
 * absent", the answer must not grow when keys go: terms under a NOT count
 * as unknown.  Allocates nothing: it runs for every candidate row.
 */
/*
 * What a row's entry e says of its term: absent, present (under @@~: with a
 * visible position), or unknown (pre-consistent, addInfo NULL, or no
 * additional information).
 */
static inline RvQTri
entry_state(RumQuery *rq, int e, bool *check, Datum *addInfo, bool *addInfoIsNull)
{
	if (!check[e])
		return RVQ_FALSE;
	if (!rq->safe)
		return RVQ_TRUE;
	if (addInfo == NULL || addInfoIsNull[e])
		return RVQ_MAYBE;
	return addinfo_visible(addInfo[e]) ? RVQ_TRUE : RVQ_FALSE;
}

static RvQTri
evaluate_presence(RumQuery *rq, bool *check, Datum *addInfo,
				  bool *addInfoIsNull, bool *recheck)
{
	RvQTri	   *termval = rq->termval;
	RvQTri		state[PRESENCE_MEMO_ENTRIES];
	bool		pre = (addInfo == NULL);
	uint32		key = 0;
	uint8	   *memo = NULL;
	int			k = 0;
	RvQTri		res;

	/*
	 * Each entry's state, and the answer they give when the memo has it: the
	 * answer depends on nothing else, and RUM asks again for every row.
	 */
	if (rq->nentries <= PRESENCE_MEMO_ENTRIES)
	{
		for (int e = 0; e < rq->nentries; e++)
		{
			state[e] = entry_state(rq, e, check, addInfo, addInfoIsNull);
			key |= (uint32) state[e] << (2 * e);
		}
		if (rq->memo[pre] == NULL)
			rq->memo[pre] = MemoryContextAllocZero(GetMemoryChunkContext(rq),
												   (Size) 1 << (2 * PRESENCE_MEMO_ENTRIES));
		memo = rq->memo[pre];
		if (memo[key] != 0)
		{
			*recheck = memo[key] > 3;
			return (RvQTri) ((memo[key] - 1) % 3);
		}
	}

	*recheck = false;
	for (uint32 i = 0; i < rq->q->nitems; i++)
	{
		int			e = rq->entry[i];

		if (e < 0)
			continue;
		if (pre && !rq->positive[i])
			termval[k] = RVQ_MAYBE;
		else if (memo != NULL)
			termval[k] = state[e];
		else
			termval[k] = entry_state(rq, e, check, addInfo, addInfoIsNull);
		k++;
	}
	res = rv_query_eval_tri(rq->q, termval, recheck);
	if (res == RVQ_MAYBE)
		*recheck = true;
	if (memo != NULL)
		memo[key] = (uint8) (1 + res + (*recheck ? 3 : 0));
	return res;
}

Datum
review_rum_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	Datum	   *addInfo = (Datum *) PG_GETARG_POINTER(8);
	bool	   *addInfoIsNull = (bool *) PG_GETARG_POINTER(9);
	RumQuery   *rq;
	MemoryContext old;
	bool		exact = true;
	bool		res;

	if (strategy != RV_STRAT_MATCH && strategy != RV_STRAT_SAFE)
		return review_gin_consistent(fcinfo);

	rq = (RumQuery *) extra_data[0];

	/*
	 * Without phrases, @@ is decided by which keys the row has, and @@~ by
	 * which it has with a visible position (AI_VISIBLE, which describes
	 * every position, also those left out).  Under @@~ a phrase's distance counts visible words only, which the index cannot
	 * tell (hidden stop words have no position): the keys' visible flags
	 * filter, the operator rechecks.
	 */
	if (!rq->positional || rq->safe_phrase)
		PG_RETURN_BOOL(evaluate_presence(rq, check, addInfo, addInfoIsNull,
										 recheck) != RVQ_FALSE);

	/* Positions are exact unless some were left out of the index. */
	for (int e = 0; e < rq->nentries && exact; e++)
	{
		if (check[e] && !addInfoIsNull[e])
		{
			AddInfo		ai;

			read_addinfo(addInfo[e], &ai);
			exact = !(ai.flags & AI_TRUNCATED);
		}
		else if (check[e])
			exact = false;
	}

	MemoryContextReset(rq->cxt);
	old = MemoryContextSwitchTo(rq->cxt);
	if (exact)
	{
		rq->check = check;
		rq->addInfo = addInfo;
		rq->addInfoIsNull = addInfoIsNull;
		res = rv_query_match(rq->q, match_positions, rq);
		*recheck = false;
	}
	else
		res = evaluate_presence(rq, check, addInfo, addInfoIsNull, recheck) != RVQ_FALSE;
	MemoryContextSwitchTo(old);
	PG_RETURN_BOOL(res);
}

/* Fast scan: can a row with these keys match at all? */
Datum
review_rum_pre_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	bool		recheck;

	if (strategy != RV_STRAT_MATCH && strategy != RV_STRAT_SAFE)
		PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(evaluate_presence((RumQuery *) extra_data[0], check, NULL, NULL,
									 &recheck) != RVQ_FALSE);
}

/* A term's positions and expansions from the additional information. */
static int64
rank_positions(void *arg, uint32 item, const RvQItem *it, uint32 **pos,
			   uint32 *expansions)
{
	RumQuery   *rq = arg;
	int			e = rq->entry[item];
	AddInfo		ai;

	if (!rq->check[e] || rq->addInfoIsNull[e])
		return 0;
	read_addinfo(rq->addInfo[e], &ai);
	if (it->flags & RVQ_PREFIX)
		*expansions = ai.nlex;
	return decode_positions(&ai, false, pos);
}

/*
 * review_bm25 from the index: each scoring term's frequency is its number
 * of positions, its first mention the first of them, and the length the
 * word count in the header, as review_bm25() reads them from the value.
 */
static float8
bm25_positions(RumQuery *rq)
{
	const ReviewBm25 *b = rq->bm25;
	double		score = 0;
	double		len = 0;
	bool		first_entry = true;

	for (uint32 i = 0; i < rq->q->nitems; i++)
	{
		int			e = rq->entry[i];
		AddInfo		ai;
		uint32		first;
		int64		n;

		if (!b->scores[i] || e < 0 || !rq->check[e] || rq->addInfoIsNull[e])
			continue;
		read_addinfo(rq->addInfo[e], &ai);
		/* the same in every entry of the row */
		if (first_entry)
			len = b->safe ? ai.vislen : ai.nwords;
		first_entry = false;
		n = count_positions(&ai, b->safe, &first);
		if (n == 0)
			continue;
		/* safe: lengths and first mentions in visible words */
		score += rv_bm25_term(b->idf[i], (double) n,
							  b->safe && first >= ai.before ? first - ai.before : first,
							  len, b->avgdl);
	}
	return score;
}

/*
 * A bounded top-k scan (review_topk.c) reads only the first `bound` rows of
 * the ordered scan, and starts again without the bound if it needs more.
 * RUM scores every match and sorts them all, and the sort is what a ranking
 * with distinct scores pays for (for a single term, RUM's own tsvector
 * distance has a handful of values, which sort almost for free).  So a row
 * whose score is below the `bound` best seen so far, which cannot be among
 * the first `bound` rows, is given distance 0 like a row without a score:
 * such rows tie and sort in TID order, after the ones kept.  A row is kept
 * when it scores at least the smallest of the best (ties are kept), so the
 * first `bound` rows, and their order, are exactly the unbounded scan's.
 */
static bool
bm25_among_best(RumQuery *rq, double score)
{
	double	   *h = rq->best;
	uint32		n = rq->nbest;
	uint32		i = 0;

	if (n < rq->bm25->bound)
	{
		/* sift up */
		i = rq->nbest++;
		while (i > 0 && h[(i - 1) / 2] > score)
		{
			h[i] = h[(i - 1) / 2];
			i = (i - 1) / 2;
		}
		h[i] = score;
		return true;
	}
	if (score < h[0])
		return false;
	/* replace the smallest, sift down */
	for (;;)
	{
		uint32		c = 2 * i + 1;

		if (c >= n)
			break;
		if (c + 1 < n && h[c + 1] < h[c])
			c++;
		if (h[c] >= score)
			break;
		h[i] = h[c];
		i = c;
	}
	h[i] = score;
	return true;
}

/* r <=> q from the index: 1 - review_rank, computed from the positions. */
Datum
review_rum_ordering(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	Datum	   *addInfo = (Datum *) PG_GETARG_POINTER(8);
	bool	   *addInfoIsNull = (bool *) PG_GETARG_POINTER(9);
	RumQuery   *rq;
	MemoryContext old;
	uint32		nwords = 0;
	bool		found = false;
	float4		rank;

	if (extra_data == NULL)		/* no entries: nothing can rank */
		PG_RETURN_FLOAT8(PG_GETARG_UINT16(1) == RV_STRAT_BM25 ? 0.0 : 1.0);
	rq = (RumQuery *) extra_data[0];
	rq->check = check;
	rq->addInfo = addInfo;
	rq->addInfoIsNull = addInfoIsNull;
	/* BM25: one pass over the entries, allocating nothing per row */
	if (rq->bm25 != NULL)
	{
		float8		score = bm25_positions(rq);

		if (rq->best != NULL && !bm25_among_best(rq, score))
			PG_RETURN_FLOAT8(0.0);
		PG_RETURN_FLOAT8(score != 0 ? -score : 0.0);
	}
	for (int e = 0; e < rq->nentries && !found; e++)
		if (check[e] && !addInfoIsNull[e])
		{
			AddInfo		ai;

			read_addinfo(addInfo[e], &ai);
			nwords = ai.nwords;
			found = true;
		}
	if (!found)
		PG_RETURN_FLOAT8(1.0);

	MemoryContextReset(rq->cxt);
	old = MemoryContextSwitchTo(rq->cxt);
	rank = rv_rank_score(rq->q, rq->positive, nwords, rank_positions, rq);
	MemoryContextSwitchTo(old);
	PG_RETURN_FLOAT8(1.0 - (float8) rank);
}

/* A prefix term's matches in one row: merged positions, summed keywords. */
Datum
review_rum_join(PG_FUNCTION_ARGS)
{
	AddInfo		a,
				b;
	uint32	   *pa,
			   *pb,
			   *out;
	uint32		na,
				nb,
				n = 0,
				i = 0,
				j = 0;

	read_addinfo(PG_GETARG_DATUM(0), &a);
	read_addinfo(PG_GETARG_DATUM(1), &b);
	na = decode_raw(&a, &pa);
	nb = decode_raw(&b, &pb);
	out = palloc(sizeof(uint32) * (na + nb + 1));
	while (i < na || j < nb)
	{
		uint32		v;

		if (j >= nb || (i < na && pa[i] <= pb[j]))
			v = pa[i++];
		else
			v = pb[j++];
		if (n == 0 || out[n - 1] != v)
			out[n++] = v;
	}
	if ((a.flags | b.flags) & AI_VISINFO)
	{
		AddVis		vis = {(a.flags & AI_VISINFO) ? a.vislen : b.vislen, 0};
		bool		found = false;

		/* the first visible position of the two, in visible numbers */
		for (uint32 k = 0; k < na && !found; k++)
			if (!(pa[k] & RV_POS_HIDDEN))
			{
				vis.visfirst = (pa[k] >> 1) - a.before;
				found = true;
			}
		for (uint32 k = 0; k < nb; k++)
			if (!(pb[k] & RV_POS_HIDDEN))
			{
				if (!found || (pb[k] >> 1) - b.before < vis.visfirst)
					vis.visfirst = (pb[k] >> 1) - b.before;
				found = true;
				break;
			}
		PG_RETURN_BYTEA_P(encode_addinfo(a.flags | b.flags, a.nwords, a.nlex + b.nlex,
										 out, n, 0, &vis));
	}
	PG_RETURN_BYTEA_P(encode_addinfo(a.flags | b.flags,
									 a.nwords, a.nlex + b.nlex, out, n, 0, NULL));
}

/* r <=> q evaluated on the stored value: 1 - review_rank(r, q). */
Datum
review_distance(PG_FUNCTION_ARGS)
{
	RvLayout	l;
	Review	   *r = review_detoast_prefix(PG_GETARG_DATUM(0), &l);
	RvQuery    *q = review_query_from_datum(fcinfo, 1);

	PG_RETURN_FLOAT8(1.0 - (float8) review_rank_stored(r, &l, q));
}
