/*
 * review_keywords.c
 *	  The keywords stored in a review, and keyword presence operators
 *	  (?, ?|, ?&).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "review_lexize.h"
#include "review_match.h"
#include "review_visible.h"

PG_FUNCTION_INFO_V1(review_keywords);
PG_FUNCTION_INFO_V1(review_keywords_safe);
PG_FUNCTION_INFO_V1(review_exists);
PG_FUNCTION_INFO_V1(review_exists_any);
PG_FUNCTION_INFO_V1(review_exists_all);

/*
 * review_keywords(review) -> text[]: sorted, distinct.  With safe
 * (review_keywords_safe), only keywords a spoiler-free reader sees.
 */
static Datum
keywords_common(FunctionCallInfo fcinfo, bool safe)
{
	RvLayout	l;
	Review	   *r = review_detoast_prefix(PG_GETARG_DATUM(0), &l);
	Datum	   *elems;
	int			n = 0;

	elems = palloc(sizeof(Datum) * (r->nlex ? r->nlex : 1));
	for (uint32 i = 0; i < r->nlex; i++)
	{
		RvKeyword	kw;

		rv_layout_keyword(r, &l, i, &kw);
		if (safe && !kw.visible)
			continue;
		elems[n++] = PointerGetDatum(cstring_to_text_with_len(kw.str, kw.len));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

Datum
review_keywords(PG_FUNCTION_ARGS)
{
	return keywords_common(fcinfo, false);
}

Datum
review_keywords_safe(PG_FUNCTION_ARGS)
{
	return keywords_common(fcinfo, true);
}

/*
 * Is the word present as a keyword?  The word is normalized in the review's
 * language like a query term; the literal keyword also counts, so every
 * element of review_keywords(r) is found.
 */
static bool
keyword_present(const Review *r, const RvLayout *l, const char *w, int len)
{
	char		lang[RV_LANG_BUFSIZE];

	review_check_word(w, (size_t) len, "?, ?| or ?&");
	if (rv_layout_find_lexeme(r, l, w, (uint32) len) >= 0)
		return true;
	review_lang_of(r, l, lang);
	return review_word_present(r, l, w, (size_t) len, lang, false);
}

Datum
review_exists(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	text	   *w = PG_GETARG_TEXT_PP(1);
	RvLayout	l;

	review_layout(r, &l);
	PG_RETURN_BOOL(keyword_present(r, &l, VARDATA_ANY(w), VARSIZE_ANY_EXHDR(w)));
}

/*
 * The words of a ?| or ?& array, prepared once per scan: the array is
 * almost always a constant, so the copy of its datum, its non-NULL elements
 * and their normalization in each language met (a few slots, the oldest
 * reused) live in fn_extra, as review_query_from_datum caches a
 * reviewquery, and each row costs binary searches only.
 */
typedef struct ArrayWord
{
	char	   *str;
	uint32		len;
} ArrayWord;

typedef struct WordLexemes
{
	int			nlex;			/* -1: not normalized yet */
	char	  **lex;
	uint32	   *lexlen;
} WordLexemes;

#define ARRAY_LANG_SLOTS 4

typedef struct LangSlot
{
	char		lang[RV_LANG_BUFSIZE];
	bool		used;
	uint64		last_use;
	WordLexemes *words;			/* per word of the array */
	MemoryContext cxt;
	/* for ?| over a review with fewer keywords than words (any_present) */
	bool		set_built;
	int			nset;
	ArrayWord  *set;			/* literals and single lexemes, sorted */
	int			nmulti;
	int		   *multi;			/* words of several lexemes */
} LangSlot;

typedef struct ArrayCache
{
	ArrayType  *raw;			/* copy of the datum, to recognise it */
	int			nwords;
	ArrayWord  *words;
	LangSlot	slots[ARRAY_LANG_SLOTS];
	uint64		clock;
	MemoryContext cxt;			/* the words; the slots' contexts are children */
	MemoryContext scratch;		/* what normalizing one word allocates */
} ArrayCache;

static ArrayCache *
array_words(FunctionCallInfo fcinfo, int argno)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(argno);
	ArrayCache *c = fcinfo->flinfo->fn_extra;
	MemoryContext cxt,
				old;
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	if (c != NULL && VARSIZE(c->raw) == VARSIZE(a) &&
		memcmp(c->raw, a, VARSIZE(a)) == 0)
		return c;
	review_check_word_array(a);
	if (c != NULL)
	{
		/* forget the old array first: an error below leaves no stale cache */
		fcinfo->flinfo->fn_extra = NULL;
		MemoryContextDelete(c->cxt);	/* c is in it */
	}
	cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "review ?| ?& words",
								ALLOCSET_DEFAULT_SIZES);
	c = MemoryContextAllocZero(cxt, sizeof(ArrayCache));
	c->cxt = cxt;
	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	old = MemoryContextSwitchTo(c->cxt);
	c->scratch = AllocSetContextCreate(c->cxt, "review ?| ?& scratch",
									   ALLOCSET_SMALL_SIZES);
	c->raw = palloc(VARSIZE(a));
	memcpy(c->raw, a, VARSIZE(a));
	c->words = palloc0(sizeof(ArrayWord) * (n ? n : 1));
	for (int i = 0; i < n; i++)
	{
		text	   *t;
		ArrayWord  *w;

		if (nulls[i])
			continue;			/* like jsonb's ?| and ?&: NULL elements are ignored */
		t = DatumGetTextPP(elems[i]);
		w = &c->words[c->nwords++];
		w->len = VARSIZE_ANY_EXHDR(t);
		w->str = pnstrdup(VARDATA_ANY(t), w->len);
	}
	MemoryContextSwitchTo(old);
	pfree(elems);
	pfree(nulls);
	fcinfo->flinfo->fn_extra = c;
	return c;
}

/* The slot of lang, emptied and taken over from the oldest if new. */
static LangSlot *
lang_slot(ArrayCache *c, const char *lang)
{
	LangSlot   *s = NULL;

	for (int i = 0; i < ARRAY_LANG_SLOTS; i++)
	{
		LangSlot   *x = &c->slots[i];

		if (x->used && strcmp(x->lang, lang) == 0)
		{
			x->last_use = ++c->clock;
			return x;
		}
		if (s == NULL || !x->used || (s->used && x->last_use < s->last_use))
			s = x;
	}
	if (s->used)
		MemoryContextReset(s->cxt);
	else
		s->cxt = AllocSetContextCreate(c->cxt, "review ?| ?& lexemes",
									   ALLOCSET_DEFAULT_SIZES);
	s->used = true;
	s->set_built = false;
	s->last_use = ++c->clock;
	strlcpy(s->lang, lang, sizeof(s->lang));
	s->words = MemoryContextAlloc(s->cxt, sizeof(WordLexemes) * (c->nwords ? c->nwords : 1));
	for (int i = 0; i < c->nwords; i++)
		s->words[i].nlex = -1;
	return s;
}

/* Normalizes word i in the slot's language, once. */
static WordLexemes *
word_lexemes(ArrayCache *c, LangSlot *s, int i)
{
	ArrayWord  *w = &c->words[i];
	WordLexemes *wl = &s->words[i];

	if (wl->nlex < 0)
	{
		MemoryContext old = MemoryContextSwitchTo(c->scratch);
		ReviewLexemes lx;

		review_lexemes(w->str, w->len, s->lang, &lx);
		MemoryContextSwitchTo(s->cxt);
		wl->lex = palloc(sizeof(char *) * (lx.n ? lx.n : 1));
		wl->lexlen = palloc(sizeof(uint32) * (lx.n ? lx.n : 1));
		for (int k = 0; k < lx.n; k++)
		{
			wl->lex[k] = pnstrdup(lx.lex[k], lx.len[k]);
			wl->lexlen[k] = lx.len[k];
		}
		wl->nlex = lx.n;
		MemoryContextSwitchTo(old);
		MemoryContextReset(c->scratch);
	}
	return wl;
}

/* keyword_present for a prepared word: no allocation once normalized. */
static bool
array_word_present(ArrayCache *c, LangSlot *s, int i, const Review *r, const RvLayout *l)
{
	ArrayWord  *w = &c->words[i];
	WordLexemes *wl;

	if (rv_layout_find_lexeme(r, l, w->str, w->len) >= 0)
		return true;
	wl = word_lexemes(c, s, i);
	if (wl->nlex == 0)
		return false;
	for (int k = 0; k < wl->nlex; k++)
		if (rv_layout_find_lexeme(r, l, wl->lex[k], wl->lexlen[k]) < 0)
			return false;
	return true;
}

static int
cmp_array_word(const void *a, const void *b)
{
	const ArrayWord *x = a,
			   *y = b;

	return rv_lexcmp(x->str, x->len, y->str, y->len);
}

/*
 * ?| by the review's keywords: a word is present if its literal is a
 * keyword, or its one lexeme is, or (a word of several lexemes) all of
 * them are.  The literals and single lexemes of every word are sorted once
 * per language, so that a row costs a search a keyword of the review.
 */
static bool
any_present(ArrayCache *c, LangSlot *s, const Review *r, const RvLayout *l)
{
	if (!s->set_built)
	{
		MemoryContext old;
		int			cap = 2 * c->nwords + 1;

		for (int i = 0; i < c->nwords; i++)
			(void) word_lexemes(c, s, i);
		old = MemoryContextSwitchTo(s->cxt);
		s->set = palloc(sizeof(ArrayWord) * cap);
		s->multi = palloc(sizeof(int) * (c->nwords + 1));
		s->nset = 0;
		s->nmulti = 0;
		for (int i = 0; i < c->nwords; i++)
		{
			WordLexemes *wl = &s->words[i];

			s->set[s->nset++] = c->words[i];
			if (wl->nlex == 1)
			{
				s->set[s->nset].str = wl->lex[0];
				s->set[s->nset].len = wl->lexlen[0];
				s->nset++;
			}
			else if (wl->nlex > 1)
				s->multi[s->nmulti++] = i;
		}
		qsort(s->set, s->nset, sizeof(ArrayWord), cmp_array_word);
		MemoryContextSwitchTo(old);
		s->set_built = true;
	}
	for (uint32 k = 0; k < r->nlex; k++)
	{
		RvKeyword	kw;
		ArrayWord	key;

		rv_layout_keyword(r, l, k, &kw);
		key.str = (char *) kw.str;
		key.len = kw.len;
		if (bsearch(&key, s->set, s->nset, sizeof(ArrayWord), cmp_array_word) != NULL)
			return true;
	}
	for (int m = 0; m < s->nmulti; m++)
		if (array_word_present(c, s, s->multi[m], r, l))
			return true;
	return false;
}

static Datum
exists_array(FunctionCallInfo fcinfo, bool all)
{
	RvLayout	l;
	Review	   *r = review_detoast_prefix(PG_GETARG_DATUM(0), &l);
	ArrayCache *c = array_words(fcinfo, 1);
	char		lang[RV_LANG_BUFSIZE];
	LangSlot   *s;

	review_lang_of(r, &l, lang);
	s = lang_slot(c, lang);
	if (!all && r->nlex < (uint32) c->nwords)
		PG_RETURN_BOOL(any_present(c, s, r, &l));
	for (int i = 0; i < c->nwords; i++)
	{
		bool		found = array_word_present(c, s, i, r, &l);

		if (found && !all)
			PG_RETURN_BOOL(true);
		if (!found && all)
			PG_RETURN_BOOL(false);
	}
	PG_RETURN_BOOL(all);
}

Datum
review_exists_any(PG_FUNCTION_ARGS)
{
	return exists_array(fcinfo, false);
}

Datum
review_exists_all(PG_FUNCTION_ARGS)
{
	return exists_array(fcinfo, true);
}

PG_FUNCTION_INFO_V1(review_term_count);
PG_FUNCTION_INFO_V1(review_term_count_safe);

static bool
has_position(const uint32 *pos, int64 n, uint32 want)
{
	int64		lo = 0,
				hi = n;

	while (lo < hi)
	{
		int64		mid = (lo + hi) / 2;

		if (pos[mid] < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && pos[lo] == want;
}

/*
 * review_term_count(review, text): occurrences of a word, or of a phrase
 * (its words at the same relative positions; stop words keep their place).
 * With safe (review_term_count_safe), only the occurrences a spoiler-free
 * reader sees, a phrase's words counted in visible words.
 */
static int32
term_count(FunctionCallInfo fcinfo, bool safe)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	text	   *t = PG_GETARG_TEXT_PP(1);
	RvLayout	l;
	char		lang[RV_LANG_BUFSIZE];
	ReviewLexemes pw;
	uint32	   *first;
	int64		nfirst;
	int32		count = 0;
	RvVisible *vis = NULL;

	review_check_word(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), "review_term_count");
	review_layout(r, &l);
	review_lang_of(r, &l, lang);
	review_lexemes(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), lang, &pw);
	if (pw.n == 0)
		return 0;
	if (safe && pw.n > 1)
		vis = review_visible_words(r, &l);
	nfirst = review_term_positions(r, &l, pw.lex[0], pw.len[0], false, safe, &first, NULL);
	rv_visible_renumber(vis, first, nfirst);
	if (pw.n > 1)
	{
		/* The other words' positions, looked up once. */
		uint32	  **pos = palloc(sizeof(uint32 *) * pw.n);
		int64	   *npos = palloc(sizeof(int64) * pw.n);

		for (int k = 1; k < pw.n; k++)
		{
			npos[k] = review_term_positions(r, &l, pw.lex[k], pw.len[k], false, safe, &pos[k], NULL);
			rv_visible_renumber(vis, pos[k], npos[k]);
		}
		for (int64 i = 0; i < nfirst; i++)
		{
			bool		all = true;

			for (int k = 1; k < pw.n && all; k++)
				all = has_position(pos[k], npos[k], first[i] + (pw.pos[k] - pw.pos[0]));
			count += all;
		}
	}
	else
		count = (int32) nfirst;
	return count;
}

Datum
review_term_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(term_count(fcinfo, false));
}

Datum
review_term_count_safe(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(term_count(fcinfo, true));
}
