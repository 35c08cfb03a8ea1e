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

#include "review_match.h"
#include "rv_detect.h"

PG_FUNCTION_INFO_V1(review_match);
PG_FUNCTION_INFO_V1(review_match_text);
PG_FUNCTION_INFO_V1(review_match_safe);
PG_FUNCTION_INFO_V1(review_match_text_safe);

void
review_lang_of(const Review *r, const RvLayout *l, char *lang)
{
	uint32		n = Min(r->lang_len, RV_LANG_BUFSIZE - 1);

	memcpy(lang, (const char *) r + l->meta, n);
	lang[n] = '\0';
}

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
	*pos = out;
	return n;
}

/* Hidden byte ranges merged into disjoint runs, and the word sweep. */
typedef struct VisibleState
{
	HiddenRange *ranges;
	int			nranges;
	int			ri;
	ReviewVisible *v;
	int			cap;
} VisibleState;

static bool
visible_word(const RvWord *w, void *arg)
{
	VisibleState *st = arg;
	ReviewVisible *v = st->v;

	if ((w->index & 1023) == 0)
		CHECK_FOR_INTERRUPTS();
	while (st->ri < st->nranges && st->ranges[st->ri].end <= w->start)
		st->ri++;
	if (st->ri >= st->nranges)
		return false;			/* no hidden word after this one */
	if (st->ranges[st->ri].start >= w->end)
		return true;			/* visible */
	if (v->nruns > 0 && v->end[v->nruns - 1] == w->index)
		v->end[v->nruns - 1]++;
	else
	{
		if (v->nruns == st->cap)
		{
			st->cap *= 2;
			v->start = repalloc(v->start, sizeof(uint32) * st->cap);
			v->end = repalloc(v->end, sizeof(uint32) * st->cap);
			v->before = repalloc(v->before, sizeof(uint32) * st->cap);
		}
		v->before[v->nruns] = v->nruns == 0 ? 0 :
			v->before[v->nruns - 1] + (v->end[v->nruns - 1] - v->start[v->nruns - 1]);
		v->start[v->nruns] = w->index;
		v->end[v->nruns] = w->index + 1;
		v->nruns++;
	}
	return true;
}

ReviewVisible *
review_visible_words(const Review *r, const RvLayout *l)
{
	VisibleState st;
	RvError		err = {0};
	char		lang[RV_LANG_BUFSIZE];
	int			n;
	int			k = 0;

	st.ranges = review_hidden_ranges(r, l, RV_DEFAULT_THRESHOLD, &n);
	/* merge (sorted by start) into disjoint ranges */
	for (int i = 0; i < n; i++)
	{
		if (k > 0 && st.ranges[i].start <= st.ranges[k - 1].end)
			st.ranges[k - 1].end = Max(st.ranges[k - 1].end, st.ranges[i].end);
		else
			st.ranges[k++] = st.ranges[i];
	}
	if (k == 0)
	{
		pfree(st.ranges);
		return NULL;
	}
	st.nranges = k;
	st.ri = 0;
	st.cap = 8;
	st.v = palloc0(sizeof(ReviewVisible));
	st.v->start = palloc(sizeof(uint32) * st.cap);
	st.v->end = palloc(sizeof(uint32) * st.cap);
	st.v->before = palloc(sizeof(uint32) * st.cap);
	review_lang_of(r, l, lang);
	/* the same words, numbered the same, as the analysis at input */
	if (rv_words((const char *) r + l->body, r->body_len, lang, visible_word, &st, &err) < 0)
		rv_report(&err, "review", NULL);
	pfree(st.ranges);
	if (st.v->nruns == 0)
		return NULL;
	return st.v;
}

/* The index of the last run starting at or before p, or -1. */
static int
run_at(const ReviewVisible *v, uint32 p)
{
	int			lo = 0,
				hi = v->nruns;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (v->start[mid] <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

static uint32
visible_number(const ReviewVisible *v, uint32 p)
{
	int			i = run_at(v, p);

	if (i < 0)
		return p;
	if (p < v->end[i])			/* hidden (not given by safe lookups) */
		return v->start[i] - v->before[i];
	return p - v->before[i] - (v->end[i] - v->start[i]);
}

void
review_visible_renumber(const ReviewVisible *v, uint32 *pos, int64 n)
{
	if (v == NULL)
		return;
	for (int64 k = 0; k < n; k++)
		pos[k] = visible_number(v, pos[k]);
}

uint32
review_visible_count(const ReviewVisible *v, uint32 nwords)
{
	return v == NULL ? nwords : visible_number(v, nwords);
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
	const ReviewVisible *vis;	/* safe: renumber into visible words */
} MatchArg;

static int64_t
match_positions(void *arg, const RvQItem *term, const uint32_t **pos)
{
	MatchArg   *m = arg;
	uint32	   *p;
	int64		n = review_term_positions(m->r, m->l, term->text, term->len,
										  (term->flags & RVQ_PREFIX) != 0, m->safe, &p, NULL);

	review_visible_renumber(m->vis, p, n);
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

/*
 * The deserialized query of argument argno, cached in fn_extra across the
 * rows of a scan (the query is almost always a constant).
 */
typedef struct QueryCache
{
	struct varlena *raw;		/* copy of the datum, to recognise it */
	RvQuery    *q;
} QueryCache;

RvQuery *
review_query_from_datum(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *v = PG_GETARG_VARLENA_P(argno);
	QueryCache *c = fcinfo->flinfo->fn_extra;
	MemoryContext old;
	RvError		err = {0};

	if (c != NULL && VARSIZE(c->raw) == VARSIZE(v) &&
		memcmp(c->raw, v, VARSIZE(v)) == 0)
		return c->q;

	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (c == NULL)
		c = fcinfo->flinfo->fn_extra = palloc0(sizeof(QueryCache));
	else
	{
		pfree(c->raw);
		c->raw = NULL;
	}
	c->raw = palloc(VARSIZE(v));
	memcpy(c->raw, v, VARSIZE(v));
	c->q = rv_query_deserialize(VARDATA(c->raw), VARSIZE(c->raw) - VARHDRSZ, &err);
	MemoryContextSwitchTo(old);
	if (c->q == NULL)
	{
		pfree(c->raw);
		fcinfo->flinfo->fn_extra = NULL;
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type reviewquery is corrupted"),
				 errdetail_internal("%s", err.detail)));
	}
	return c->q;
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
