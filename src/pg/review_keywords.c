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

static Datum
exists_array(FunctionCallInfo fcinfo, bool all)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(1);
	RvLayout	l;
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	review_layout(r, &l);
	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
	{
		bool		found;

		if (nulls[i])
			continue;			/* like jsonb's ?| and ?&: NULL elements are ignored */
		found = keyword_present(r, &l, VARDATA_ANY(DatumGetTextPP(elems[i])),
								VARSIZE_ANY_EXHDR(DatumGetTextPP(elems[i])));
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

	review_check_word(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), "review_term_count");
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
