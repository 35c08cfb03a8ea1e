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

#include "pg_review.h"
#include "review_match.h"

PG_FUNCTION_INFO_V1(review_keywords);
PG_FUNCTION_INFO_V1(review_exists);
PG_FUNCTION_INFO_V1(review_exists_any);
PG_FUNCTION_INFO_V1(review_exists_all);

/* review_keywords(review) -> text[]: sorted, distinct. */
Datum
review_keywords(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvLayout	l;
	Datum	   *elems;

	review_layout(r, &l);
	elems = palloc(sizeof(Datum) * (r->nlex ? r->nlex : 1));
	for (uint32 i = 0; i < r->nlex; i++)
	{
		RvKeyword	kw;

		rv_layout_keyword(r, &l, i, &kw);
		elems[i] = PointerGetDatum(cstring_to_text_with_len(kw.str, kw.len));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, (int) r->nlex, TEXTOID, -1, false, TYPALIGN_INT));
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
 * and their normalization in the language of the last review seen live in
 * fn_extra (as review_query_from_datum caches a reviewquery), and each row
 * costs binary searches only.
 */
typedef struct ArrayWord
{
	char	   *str;
	uint32		len;
	int			nlex;			/* normalized in cache->lang; -1: not yet */
	char	  **lex;
	uint32	   *lexlen;
} ArrayWord;

typedef struct ArrayCache
{
	ArrayType  *raw;			/* copy of the datum, to recognise it */
	int			nwords;
	ArrayWord  *words;
	char		lang[RV_LANG_BUFSIZE];
	MemoryContext lexcxt;		/* the normalizations, reset when lang changes */
	MemoryContext scratch;		/* what normalizing one word allocates */
} ArrayCache;

void
review_check_word_array(ArrayType *a)
{
	int			n = ArrayGetNItems(ARR_NDIM(a), ARR_DIMS(a));

	if (n > RVQ_MAX_ITEMS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("array of ?| or ?& has more than %d elements", RVQ_MAX_ITEMS),
				 errdetail("The array has %d elements.", n),
				 errhint("Split the words into several conditions, or use a reviewquery.")));
}

static ArrayCache *
array_words(FunctionCallInfo fcinfo, int argno)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(argno);
	ArrayCache *c = fcinfo->flinfo->fn_extra;
	MemoryContext old;
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	if (c != NULL && VARSIZE(c->raw) == VARSIZE(a) &&
		memcmp(c->raw, a, VARSIZE(a)) == 0)
		return c;
	review_check_word_array(a);
	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ArrayCache));
		c->lexcxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt,
										  "review ?| ?& words",
										  ALLOCSET_SMALL_SIZES);
		c->scratch = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt,
										   "review ?| ?& scratch",
										   ALLOCSET_SMALL_SIZES);
	}
	else
	{
		/* forget the old array first: an error below leaves no stale cache */
		fcinfo->flinfo->fn_extra = NULL;
		pfree(c->raw);
		for (int i = 0; i < c->nwords; i++)
			pfree(c->words[i].str);
		if (c->words)
			pfree(c->words);
		c->words = NULL;
		c->nwords = 0;
		MemoryContextReset(c->lexcxt);
	}
	c->lang[0] = '\0';
	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
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
		w->nlex = -1;
	}
	MemoryContextSwitchTo(old);
	pfree(elems);
	pfree(nulls);
	fcinfo->flinfo->fn_extra = c;
	return c;
}

/* keyword_present for a prepared word: no allocation once normalized. */
static bool
array_word_present(ArrayCache *c, ArrayWord *w, const Review *r, const RvLayout *l)
{
	if (rv_layout_find_lexeme(r, l, w->str, w->len) >= 0)
		return true;
	if (w->nlex < 0)
	{
		MemoryContext old = MemoryContextSwitchTo(c->scratch);
		ReviewLexemes wl;

		review_lexemes(w->str, w->len, c->lang, &wl);
		MemoryContextSwitchTo(c->lexcxt);
		w->lex = palloc(sizeof(char *) * (wl.n ? wl.n : 1));
		w->lexlen = palloc(sizeof(uint32) * (wl.n ? wl.n : 1));
		for (int k = 0; k < wl.n; k++)
		{
			w->lex[k] = pnstrdup(wl.lex[k], wl.len[k]);
			w->lexlen[k] = wl.len[k];
		}
		w->nlex = wl.n;
		MemoryContextSwitchTo(old);
		MemoryContextReset(c->scratch);
	}
	if (w->nlex == 0)
		return false;
	for (int k = 0; k < w->nlex; k++)
		if (rv_layout_find_lexeme(r, l, w->lex[k], w->lexlen[k]) < 0)
			return false;
	return true;
}

static Datum
exists_array(FunctionCallInfo fcinfo, bool all)
{
	RvLayout	l;
	Review	   *r = review_detoast_prefix(PG_GETARG_DATUM(0), &l);
	ArrayCache *c = array_words(fcinfo, 1);
	char		lang[RV_LANG_BUFSIZE];

	review_lang_of(r, &l, lang);
	if (strcmp(lang, c->lang) != 0)
	{
		/* a review in another language: normalize the words again, lazily */
		MemoryContextReset(c->lexcxt);
		for (int i = 0; i < c->nwords; i++)
			c->words[i].nlex = -1;
		strlcpy(c->lang, lang, sizeof(c->lang));
	}
	for (int i = 0; i < c->nwords; i++)
	{
		bool		found = array_word_present(c, &c->words[i], r, &l);

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
 */
Datum
review_term_count(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	text	   *t = PG_GETARG_TEXT_PP(1);
	RvLayout	l;
	char		lang[RV_LANG_BUFSIZE];
	ReviewLexemes pw;
	uint32	   *first;
	int64		nfirst;
	int32		count = 0;

	review_layout(r, &l);
	review_lang_of(r, &l, lang);
	review_lexemes(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), lang, &pw);
	if (pw.n == 0)
		PG_RETURN_INT32(0);
	nfirst = review_term_positions(r, &l, pw.lex[0], pw.len[0], false, false, &first, NULL);
	if (pw.n > 1)
	{
		/* The other words' positions, looked up once. */
		uint32	  **pos = palloc(sizeof(uint32 *) * pw.n);
		int64	   *npos = palloc(sizeof(int64) * pw.n);

		for (int k = 1; k < pw.n; k++)
			npos[k] = review_term_positions(r, &l, pw.lex[k], pw.len[k], false, false, &pos[k], NULL);
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
	PG_RETURN_INT32(count);
}
