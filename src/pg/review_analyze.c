/*
 * review_analyze.c
 *	  What input derives from a review: ICU sentences, spoiler scores, and
 *	  keywords stemmed by PostgreSQL's Snowball dictionaries; then the stored
 *	  value.
 *
 * Stemming goes through the text search dictionary cache, so it is the very
 * english_stem, french_stem, ... that to_tsvector uses.  Languages without a
 * Snowball dictionary (Japanese, Chinese, Thai, ...) keep the folded ICU
 * words.  Keyword extraction for reviewquery terms uses the same path, so
 * queries and reviews always agree on what a keyword is.
 */
#include "postgres.h"

#include "access/detoast.h"
#if PG_VERSION_NUM >= 140000
#include "access/toast_compression.h"
#endif
#include "catalog/namespace.h"
#include "common/hashfn.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "tsearch/ts_public.h"
#include "utils/memutils.h"
#include "tsearch/ts_cache.h"
#include "utils/jsonb.h"

#include "pg_review.h"
#include "rv_detect.h"
#include "rv_review.h"
#include "rv_query.h"
#include "rv_segment.h"
#include "rv_stopwords.h"
#include "rv_varint.h"

/* Snowball dictionaries shipped with PostgreSQL, by ISO 639-1 code. */
static const struct
{
	const char *lang;
	const char *dict;
}			snowball_dicts[] = {
	{"ar", "arabic_stem"}, {"ca", "catalan_stem"}, {"da", "danish_stem"},
	{"de", "german_stem"}, {"el", "greek_stem"}, {"en", "english_stem"},
	{"es", "spanish_stem"}, {"eu", "basque_stem"}, {"fi", "finnish_stem"},
	{"fr", "french_stem"}, {"ga", "irish_stem"}, {"hi", "hindi_stem"},
	{"hu", "hungarian_stem"}, {"hy", "armenian_stem"}, {"id", "indonesian_stem"},
	{"it", "italian_stem"}, {"lt", "lithuanian_stem"}, {"nb", "norwegian_stem"},
	{"ne", "nepali_stem"}, {"nl", "dutch_stem"}, {"nn", "norwegian_stem"},
	{"no", "norwegian_stem"}, {"pt", "portuguese_stem"}, {"ro", "romanian_stem"},
	{"ru", "russian_stem"}, {"sr", "serbian_stem"}, {"sv", "swedish_stem"},
	{"ta", "tamil_stem"}, {"tr", "turkish_stem"}, {"yi", "yiddish_stem"}
};

#define NUM_SNOWBALL (sizeof(snowball_dicts) / sizeof(snowball_dicts[0]))

/* Dictionary OIDs by index into snowball_dicts; looked up once per backend. */
static Oid	snowball_oid[NUM_SNOWBALL];
static bool snowball_looked_up[NUM_SNOWBALL];

/* The Snowball dictionary for a BCP 47 tag, or InvalidOid. */
static Oid
dict_for_lang(const char *lang)
{
	size_t		n = strcspn(lang, "-");

	for (size_t i = 0; i < NUM_SNOWBALL; i++)
	{
		if (strlen(snowball_dicts[i].lang) == n &&
			memcmp(snowball_dicts[i].lang, lang, n) == 0)
		{
			if (!snowball_looked_up[i])
			{
				List	   *name = list_make2(makeString("pg_catalog"),
											  makeString((char *) snowball_dicts[i].dict));

				snowball_oid[i] = get_ts_dict_oid(name, true);
				snowball_looked_up[i] = true;
			}
			return snowball_oid[i];
		}
	}
	return InvalidOid;
}

/*
 * Strings and small arrays of one analysis, carved from 64 kB blocks: a
 * review of a million distinct words would otherwise pay a palloc chunk
 * header and power-of-2 rounding for each word, its lexeme and their arrays.
 * The blocks live in the current memory context.
 */
typedef struct Arena
{
	char	   *cur;
	Size		left;
} Arena;

#define ARENA_BLOCK (64 * 1024)

static void *
arena_alloc(Arena *a, Size n, Size align)
{
	Size		pad = (align - ((uintptr_t) a->cur & (align - 1))) & (align - 1);
	char	   *p;

	if (a->cur == NULL || n + pad > a->left)
	{
		if (n > ARENA_BLOCK / 4)
			return palloc(n);	/* a big one gets its own chunk */
		a->cur = palloc(ARENA_BLOCK);
		a->left = ARENA_BLOCK;
		pad = 0;
	}
	p = a->cur + pad;
	a->cur += pad + n;
	a->left -= pad + n;
	return p;
}

static char *
arena_strndup(Arena *a, const char *s, Size len)
{
	char	   *p = arena_alloc(a, len + 1, 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/*
 * A per-call memo of folded word -> lexemes: review text is Zipfian, so most
 * words repeat and the dictionary call is the costly part.  Entries are
 * dense (slots hold 1 + their index), so the open-addressing table costs 4
 * bytes a slot.
 */
typedef struct StemEntry
{
	const char *word;
	uint32		wlen;
	uint32		hash;
	int			nlex;			/* 0: stop word */
	const char **lex;
	uint32	   *lexlen;
} StemEntry;

typedef struct StemCache
{
	StemEntry  *entries;
	uint32		nentries;
	uint32		cap;
	uint32	   *slots;
	uint32		mask;
	Arena		arena;
	TSDictionaryCacheEntry *dict;
	const char *lang;			/* for the stop words of languages without one */
} StemCache;

static uint32 *
alloc_slots(uint32 mask)
{
	return MemoryContextAllocExtended(CurrentMemoryContext,
									  sizeof(uint32) * ((Size) mask + 1),
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
}

static void
stem_cache_init(StemCache *c, Oid dictoid, const char *lang)
{
	memset(c, 0, sizeof(*c));
	c->lang = lang;
	c->mask = 63;
	c->slots = alloc_slots(c->mask);
	c->cap = 32;
	c->entries = palloc(sizeof(StemEntry) * c->cap);
	c->dict = OidIsValid(dictoid) ? lookup_ts_dictionary_cache(dictoid) : NULL;
}

static void
stem_cache_grow(StemCache *c)
{
	uint32		newmask = c->mask * 2 + 1;
	uint32	   *slots = alloc_slots(newmask);

	for (uint32 i = 0; i < c->nentries; i++)
	{
		uint32		k = c->entries[i].hash & newmask;

		while (slots[k] != 0)
			k = (k + 1) & newmask;
		slots[k] = i + 1;
	}
	pfree(c->slots);
	c->slots = slots;
	c->mask = newmask;
}

static StemEntry *
stem(StemCache *c, const char *w, uint32 len)
{
	uint32		hash = hash_bytes((const unsigned char *) w, (int) len);
	uint32		k;
	StemEntry  *e;
	TSLexeme   *res = NULL;

	for (k = hash & c->mask; c->slots[k] != 0; k = (k + 1) & c->mask)
	{
		e = &c->entries[c->slots[k] - 1];
		if (e->hash == hash && e->wlen == len && memcmp(e->word, w, len) == 0)
			return e;
	}

	if (c->nentries == c->cap)
	{
		c->cap *= 2;
		c->entries = repalloc_huge(c->entries, sizeof(StemEntry) * c->cap);
	}
	c->slots[k] = c->nentries + 1;
	e = &c->entries[c->nentries++];
	e->word = arena_strndup(&c->arena, w, len);
	e->wlen = len;
	e->hash = hash;
	if (c->dict)
	{
		DictSubState dstate = {false, false, NULL};

		res = (TSLexeme *) DatumGetPointer(FunctionCall4(&c->dict->lexize,
														 PointerGetDatum(c->dict->dictData),
														 PointerGetDatum(w),
														 Int32GetDatum((int32) len),
														 PointerGetDatum(&dstate)));
	}
	if (res == NULL && c->dict == NULL && rv_is_stopword(c->lang, w, len))
	{
		e->nlex = 0;
		e->lex = NULL;
		e->lexlen = NULL;
	}
	else if (res == NULL)
	{
		/* No dictionary, or it does not know the word: keep it as folded. */
		e->nlex = 1;
		e->lex = arena_alloc(&c->arena, sizeof(char *), sizeof(char *));
		e->lexlen = arena_alloc(&c->arena, sizeof(uint32), sizeof(uint32));
		e->lex[0] = e->word;
		e->lexlen[0] = len;
	}
	else
	{
		int			n = 0;

		while (res[n].lexeme != NULL)
			n++;
		e->nlex = n;
		e->lex = arena_alloc(&c->arena, sizeof(char *) * (n ? n : 1), sizeof(char *));
		e->lexlen = arena_alloc(&c->arena, sizeof(uint32) * (n ? n : 1), sizeof(uint32));
		for (int i = 0; i < n; i++)
		{
			uint32		ll = (uint32) strlen(res[i].lexeme);

			/* The same string as the word (most stems of short words): share it. */
			e->lex[i] = (ll == len && memcmp(res[i].lexeme, w, len) == 0) ? e->word
				: arena_strndup(&c->arena, res[i].lexeme, ll);
			e->lexlen[i] = ll;
			pfree(res[i].lexeme);
		}
		pfree(res);
	}
	if ((uint64) c->nentries * 2 > c->mask)
	{
		uint32		i = (uint32) (e - c->entries);

		stem_cache_grow(c);
		e = &c->entries[i];
	}
	return e;
}

typedef struct NormalizeState
{
	StemCache	cache;
	ReviewKeywordFn fn;
	void	   *arg;
} NormalizeState;

static bool
normalize_word(const RvWord *w, void *arg)
{
	NormalizeState *st = arg;
	StemEntry  *e;

	if ((w->index & 1023) == 0)
		CHECK_FOR_INTERRUPTS();
	if (w->folded_len > RV_MAX_LEXEME)
		return true;			/* too long to be a keyword, like to_tsvector */
	e = stem(&st->cache, w->folded, w->folded_len);
	for (int i = 0; i < e->nlex; i++)
	{
		size_t		bad;
		uint32_t	cp;

		/* never a control character: hidden-only GIN keys start with one */
		if (e->lexlen[i] > 0 && e->lexlen[i] <= RV_MAX_LEXEME &&
			rv_term_valid(e->lex[i], e->lexlen[i], &bad, &cp))
			st->fn(st->arg, w, e->lex[i], e->lexlen[i]);
	}
	return true;
}

void
review_normalize_text(const char *text, size_t len, const char *lang,
					  ReviewKeywordFn fn, void *arg)
{
	NormalizeState st;
	RvError		err = {0};

	stem_cache_init(&st.cache, dict_for_lang(lang), lang);
	st.fn = fn;
	st.arg = arg;
	if (rv_words(text, len, lang, normalize_word, &st, &err) < 0)
		rv_report(&err, "review", NULL);
	/* The lexemes handed to fn stay (they are in the arena); the table goes. */
	pfree(st.cache.entries);
	pfree(st.cache.slots);
}

static void
append_lexeme(void *arg, const RvWord *w, const char *lex, uint32 len)
{
	ReviewLexemes *out = arg;

	if (out->n == out->cap)
	{
		out->cap = out->cap ? out->cap * 2 : 8;
		out->lex = out->lex ? repalloc(out->lex, sizeof(char *) * out->cap)
			: palloc(sizeof(char *) * out->cap);
		out->len = out->len ? repalloc(out->len, sizeof(uint32) * out->cap)
			: palloc(sizeof(uint32) * out->cap);
		out->pos = out->pos ? repalloc(out->pos, sizeof(uint32) * out->cap)
			: palloc(sizeof(uint32) * out->cap);
	}
	out->lex[out->n] = pnstrdup(lex, len);
	out->len[out->n] = len;
	out->pos[out->n] = w->index;
	out->n++;
}

void
review_lexemes(const char *text, size_t len, const char *lang, ReviewLexemes *out)
{
	memset(out, 0, sizeof(*out));
	review_normalize_text(text, len, lang, append_lexeme, out);
}

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
collect_keyword(void *arg, const RvWord *w, const char *lex, uint32 len)
{
	CollectState *st = arg;
	Keyword    *x = collect_lookup(st, lex, len);
	bool		hidden;
	uint32		v;

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

static int
cmp_keyword_arg(const void *a, const void *b, void *arg)
{
	const RvLexeme *x = a,
			   *y = b;

	return rv_lexcmp(x->str, x->len, y->str, y->len);
}

/* What PostgreSQL can output: MaxAllocSize - 1 bytes in a buffer; jsonb data. */
StaticAssertDecl(RV_OUTPUT_MAX_BUFFER == MaxAllocSize - 1, "RV_OUTPUT_MAX_BUFFER");
StaticAssertDecl(RV_OUTPUT_MAX_JSONB == JENTRY_OFFLENMASK, "RV_OUTPUT_MAX_JSONB");
static const RvOutputLimits review_output_limits = {RV_OUTPUT_MAX_BUFFER, RV_OUTPUT_MAX_JSONB};

Review *
review_from_doc(const RvDoc *doc)
{
	RvAnalysis	an;
	RvError		err = {0};
	CollectState st;
	RvDetectInput din;
	char		lang[RV_LANG_BUFSIZE];
	int64		nsents;
	size_t		size;
	Review	   *r;

	/*
	 * Every way a value is built comes here: refuse, before any analysis,
	 * one that could be stored but not printed, dumped or cast to jsonb.
	 */
	if (!rv_check_output_size(doc, &review_output_limits, &err))
		rv_report(&err, "review", NULL);

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
	an.score = rv_detect(&din, an.scores, &err);
	if (an.score < 0)
		rv_report(&err, "review", NULL);

	memset(&st, 0, sizeof(st));
	st.spans = doc->spans;
	st.nspans = doc->nspans;
	st.sents = an.sents;
	st.scores = an.scores;
	st.nsents = an.nsents;
	st.body_len = doc->body_len;
	review_normalize_text(doc->body, doc->body_len, lang, collect_keyword, &st);
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

		for (uint32 i = 0; i < st.nkw; i++)
			ninline += st.kw[i].dcap <= KW_INLINE ? st.kw[i].dlen : 0;
		inl = MemoryContextAllocHuge(CurrentMemoryContext, ninline ? ninline : 1);
		for (uint32 i = 0; i < st.nkw; i++)
		{
			RvLexeme   *x = &an.lex[i];
			Keyword    *k = &st.kw[i];

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
	}
	an.nlex = st.nkw;
	if (st.kw)
		pfree(st.kw);
	if (an.nlex > 1)
		qsort_interruptible(an.lex, an.nlex, sizeof(RvLexeme), cmp_keyword_arg, NULL);
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
	r = palloc0(size);
	rv_layout_write(doc, &an, r);
	SET_VARSIZE(r, size);
	return r;
}

/*
 * r itself if its header is whole and of a known format version: a value
 * shorter than the header is corrupt, and no field of it may be read.
 */
Review *
review_checked_header(Review *r)
{
	if (VARSIZE(r) < sizeof(RvHeader))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type review is corrupted"),
				 errdetail("The value has %zu bytes, less than its %zu-byte header.",
						   (size_t) VARSIZE(r), sizeof(RvHeader))));
	if (!RV_LAYOUT_VERSION_OK(r->version))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type review is corrupted"),
				 errdetail("Format version %u, %zu bytes.", r->version, (size_t) VARSIZE(r))));
	return r;
}

void
review_layout(const Review *r, RvLayout *l)
{
	review_checked_header((Review *) r);
	if (!rv_layout_compute(r, l) || l->total != VARSIZE(r))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type review is corrupted"),
				 errdetail("Format version %u, %zu bytes.", r->version, (size_t) VARSIZE(r))));
}

/* The whole value (as is, when it is in the row uncompressed). */
static Review *
detoast_whole(Datum d, RvLayout *l)
{
	Review	   *h = (Review *) PG_DETOAST_DATUM(d);

	review_layout(h, l);
	return h;
}

/*
 * Share of a value's bytes up to match_end, in 1/1024ths, as seen in the
 * last value this backend fetched: the next value of a scan is fetched with
 * one slice of that share (plus a margin), and only when it falls short is
 * the rest up to match_end fetched with a second.  Each slice of a value
 * stored out of line is a TOAST index lookup, which for a typical review
 * costs as much as decompressing its keywords.
 */
static uint32 prefix_share = 512;

/*
 * The value of Datum d up to the end of what matching and ranking read
 * (RvLayout.match_end: header, metadata and keywords with their positions;
 * in version 2 also spans and sentences), not the body.  A TOASTed value is
 * fetched as a prefix (one slice, or two when the first was too short), so
 * the body is neither read from the TOAST table nor decompressed.  *l
 * describes the whole value; the caller must read no section from
 * l->match_end on (the value returned may hold more).  Values of layout
 * version 1 (keyword strings last) and values in the row are returned whole.
 */
Review *
review_detoast_prefix(Datum d, RvLayout *l)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(d);
	Review	   *h;
	Size		total,
				want;

	/* In the row, uncompressed or with a short header: nothing to save. */
	if (!VARATT_IS_EXTENDED(raw) || (VARATT_IS_SHORT(raw) && !VARATT_IS_EXTERNAL(raw)))
		return detoast_whole(d, l);

#if PG_VERSION_NUM >= 140000
	/*
	 * A slice of an lz4-compressed value out of line fetches all of its
	 * compressed bytes (lz4 cannot tell how many a prefix needs): fetch them
	 * once here, so that the slices below only decompress.
	 */
	if (VARATT_IS_EXTERNAL_ONDISK(raw))
	{
		struct varatt_external ext;

		VARATT_EXTERNAL_GET_POINTER(ext, raw);
		if (VARATT_EXTERNAL_IS_COMPRESSED(ext) &&
			VARATT_EXTERNAL_GET_COMPRESS_METHOD(ext) == TOAST_LZ4_COMPRESSION_ID)
		{
			raw = detoast_external_attr(raw);
			d = PointerGetDatum(raw);
		}
	}
#endif

	total = toast_raw_datum_size(d);
	want = Max(total / 1024 * prefix_share + total % 1024 * prefix_share / 1024 + 128,
			   sizeof(RvHeader));
	if (want + 256 >= total)
		return detoast_whole(d, l);
	h = (Review *) PG_DETOAST_DATUM_SLICE(d, 0, (int32) (want - VARHDRSZ));
	if (VARSIZE(h) < sizeof(RvHeader) || h->version < 2 ||
		!RV_LAYOUT_VERSION_OK(h->version))
		return detoast_whole(d, l);
	if (!rv_layout_compute(h, l) || l->total != total || VARSIZE(h) != want)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type review is corrupted"),
				 errdetail("Format version %u, %zu bytes.", h->version, (size_t) total)));
	/* A little over this value's share, for the next one. */
	prefix_share = (uint32) Min((uint64) l->match_end * 1024 / total + 16, 1024);
	if (l->match_end <= want)
		return h;
	pfree(h);
	/* The rest is short: one whole fetch beats two slices. */
	if (l->total - l->match_end < 256)
		return detoast_whole(d, l);
	h = (Review *) PG_DETOAST_DATUM_SLICE(d, 0, (int32) (l->match_end - VARHDRSZ));
	if (VARSIZE(h) != l->match_end)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type review is corrupted"),
				 errdetail("A prefix of %zu bytes of a %zu-byte value has %zu bytes.",
						   l->match_end, (size_t) total, (size_t) VARSIZE(h))));
	return h;
}
