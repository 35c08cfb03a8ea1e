/*
 * review_match.c
 *	  review @@ reviewquery, review @@ text and their spoiler-safe variants
 *	  (@@~), evaluated over the keywords and positions stored at input.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "review_lexize.h"
#include "review_match.h"
#include "review_visible.h"
#include "reviewquery.h"
#include "rv_detect.h"

PG_FUNCTION_INFO_V1(review_match);
PG_FUNCTION_INFO_V1(review_match_text);
PG_FUNCTION_INFO_V1(review_match_safe);
PG_FUNCTION_INFO_V1(review_match_text_safe);

static int
cmp_uint32(const void *a, const void *b)
{
	uint32		x = *(const uint32 *) a,
				y = *(const uint32 *) b;

	return (x > y) - (x < y);
}

int64
review_term_positions(const Review *r, const RvLayout *l, const char *lex,
					  uint32 len, bool prefix, bool safe, uint32 **pos,
					  uint32 *nkeywords)
{
	uint32		first = rv_layout_lower_bound(r, l, lex, len);
	uint32		last;
	uint32	   *out = NULL;
	uint64		cap = 0;
	int64		n = 0;
	uint32		contributing = 0;

	/*
	 * The keywords that match: one, or the run of those with the prefix.
	 * Their positions are decoded into out, then filtered and shifted in
	 * place.
	 */
	for (last = first; last < r->nlex; last++)
	{
		RvKeyword	kw;
		int64		k0 = n;

		rv_layout_keyword(r, l, last, &kw);
		if (prefix ? !(kw.len >= len && memcmp(kw.str, lex, len) == 0)
			: rv_lexcmp(kw.str, kw.len, lex, len) != 0)
			break;
		if (n + kw.npos > cap)
		{
			cap = Max(cap * 2, n + kw.npos);
			out = out ? repalloc(out, sizeof(uint32) * cap) : palloc(sizeof(uint32) * cap);
		}
		rv_layout_positions(&kw, out + n);
		for (int64 k = k0; k < k0 + kw.npos; k++)
		{
			uint32		p = out[k];

			if (safe && (p & RV_POS_HIDDEN))
				continue;
			out[n++] = p >> 1;
		}
		contributing += (n > k0);
		if (!prefix)
		{
			last++;
			break;
		}
	}
	/* a keyword that is all hidden does not count in safe mode */
	if (nkeywords != NULL)
		*nkeywords = contributing;
	if (n == 0)
	{
		if (out)
			pfree(out);
		*pos = NULL;
		return 0;
	}
	if (last - first > 1 && n > 1)
	{
		int64		w = 1;

		qsort(out, n, sizeof(uint32), cmp_uint32);
		for (int64 i = 1; i < n; i++)
			if (out[i] != out[w - 1])
				out[w++] = out[i];
		n = w;
	}
#ifdef USE_ASSERT_CHECKING
	/* positions are word numbers, ascending and distinct */
	for (int64 i = 1; i < n; i++)
		Assert(out[i - 1] < out[i]);
	Assert(out[n - 1] < r->nwords);
#endif
	*pos = out;
	return n;
}

bool
review_query_has_phrase(const RvQuery *q)
{
	for (uint32 i = 0; i < q->nitems; i++)
		if (q->items[i].op == RVQ_PHRASE)
			return true;
	return false;
}

typedef struct MatchArg
{
	const Review *r;
	const RvLayout *l;
	bool		safe;
	const RvVisible *vis;	/* safe: renumber into visible words */
} MatchArg;

static int64_t
match_positions(void *arg, const RvQItem *term, const uint32_t **pos)
{
	MatchArg   *m = arg;
	uint32	   *p;
	int64		n = review_term_positions(m->r, m->l, term->text, term->len,
										  (term->flags & RVQ_PREFIX) != 0, m->safe, &p, NULL);

	rv_visible_renumber(m->vis, p, n);
	*pos = p;
	return n;
}

bool
review_match_query(const Review *r, const RvLayout *l, const RvQuery *q, bool safe)
{
	MatchArg	m = {r, l, safe, NULL};

	return rv_query_match(q, match_positions, &m);
}

void
review_check_word(const char *word, size_t len, const char *op)
{
	size_t		bad;
	uint32_t	cp;

	if (!rv_term_valid(word, len, &bad, &cp))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("word given to %s contains a control character", op),
				 errdetail("Character %d of the word is U+%04X; keywords and query terms cannot contain control characters.",
						   pg_mbstrlen_with_len(word, (int) bad) + 1, (unsigned) cp)));
}

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

bool
review_match_safe_datum(Datum d, const RvQuery *q)
{
	RvLayout	l;
	Review	   *r;
	MatchArg	m = {NULL, &l, true, NULL};

	if (!review_query_has_phrase(q))
	{
		/* presence of visible occurrences decides: the keywords suffice */
		r = review_detoast_prefix(d, &l);
		return review_match_query(r, &l, q, true);
	}
	r = DatumGetReviewP(d);
	review_layout(r, &l);
	m.r = r;
	m.vis = review_visible_words(r, &l);
	return rv_query_match(q, match_positions, &m);
}

bool
review_word_present(const Review *r, const RvLayout *l, const char *word,
					size_t len, const char *lang, bool safe)
{
	ReviewLexemes wl;

	review_lexemes(word, len, lang, &wl);
	if (wl.n == 0)
		return false;
	for (int i = 0; i < wl.n; i++)
	{
		uint32	   *pos;

		if (review_term_positions(r, l, wl.lex[i], wl.len[i], false, safe, &pos, NULL) == 0)
			return false;
	}
	return true;
}

static Datum
match_common(FunctionCallInfo fcinfo, bool safe)
{
	RvLayout	l;
	Review	   *r;
	RvQuery    *q = review_query_from_datum(fcinfo, 1);

	if (safe)
		PG_RETURN_BOOL(review_match_safe_datum(PG_GETARG_DATUM(0), q));
	r = review_detoast_prefix(PG_GETARG_DATUM(0), &l);
	PG_RETURN_BOOL(review_match_query(r, &l, q, false));
}

/* review @@ text: the text is a reviewquery in the review's language. */
static Datum
match_text_common(FunctionCallInfo fcinfo, bool safe)
{
	RvLayout	l;
	Review	   *r = review_detoast_prefix(PG_GETARG_DATUM(0), &l);
	text	   *t = PG_GETARG_TEXT_PP(1);
	char		lang[RV_LANG_BUFSIZE];
	RvQuery    *q;

	review_lang_of(r, &l, lang);
	q = review_query_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), lang);
	if (safe)
		PG_RETURN_BOOL(review_match_safe_datum(PG_GETARG_DATUM(0), q));
	PG_RETURN_BOOL(review_match_query(r, &l, q, false));
}

Datum
review_match(PG_FUNCTION_ARGS)
{
	return match_common(fcinfo, false);
}

Datum
review_match_safe(PG_FUNCTION_ARGS)
{
	return match_common(fcinfo, true);
}

Datum
review_match_text(PG_FUNCTION_ARGS)
{
	return match_text_common(fcinfo, false);
}

Datum
review_match_text_safe(PG_FUNCTION_ARGS)
{
	return match_text_common(fcinfo, true);
}
