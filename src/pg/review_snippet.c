/*
 * review_snippet.c
 *	  review_snippet(review, reviewquery, max_words): a stretch of the review
 *	  around the best matches, matches in <b>...</b>.
 *
 * Spoiler-safe by construction: the text is copied from the body only
 * outside the ranges redact() hides at the default threshold, which become
 * "[spoiler]"; a match inside a spoiler is neither shown nor counted.  The
 * body is segmented again here (as ts_headline parses its document), but
 * only for the rows a query returns.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "review_lexize.h"
#include "review_visible.h"
#include "reviewquery.h"
#include "rv_detect.h"
#include "rv_rank.h"
#include "rv_snippet.h"

PG_FUNCTION_INFO_V1(review_snippet);

typedef struct SnipState
{
	const RvQuery *q;
	const bool *positive;
	const RvHiddenRange *ranges;
	int			nranges;
	int			ri;
	RvSnipWord *words;
	int			n;
	int			cap;
	int64		last_index;
} SnipState;

static void
collect(void *arg, const RvWord *w, const char *lex, uint32 len, uint32 *memo)
{
	SnipState  *st = arg;
	RvSnipWord *sw;

	/* A word with several lexemes is one word. */
	if (st->n > 0 && st->last_index == w->index)
	{
		sw = &st->words[st->n - 1];
		sw->match |= !sw->hidden &&
			rv_snippet_lexeme_matches(st->q, st->positive, lex, len);
		return;
	}
	if (st->n == st->cap)
	{
		st->cap *= 2;
		st->words = repalloc_huge(st->words, sizeof(RvSnipWord) * st->cap);
	}
	sw = &st->words[st->n++];
	sw->start = w->start;
	sw->end = w->end;
	sw->hidden = rv_hidden_covers(st->ranges, st->nranges, &st->ri, w->start, w->end);
	sw->match = !sw->hidden && rv_snippet_lexeme_matches(st->q, st->positive, lex, len);
	st->last_index = w->index;
}

Datum
review_snippet(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvQuery    *q = review_query_from_datum(fcinfo, 1);
	int32		max_words = PG_GETARG_INT32(2);
	RvLayout	l;
	char		lang[RV_LANG_BUFSIZE];
	SnipState	st;
	bool	   *positive;
	RvBuf		out;

	if (max_words < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("max_words must be at least 1")));
	review_layout(r, &l);
	review_lang_of(r, &l, lang);
	positive = palloc0(sizeof(bool) * (q->nitems ? q->nitems : 1));
	rv_query_positive_terms(q, positive);

	memset(&st, 0, sizeof(st));
	st.q = q;
	st.positive = positive;
	st.ranges = review_hidden_ranges(r, &l, RV_DEFAULT_THRESHOLD, &st.nranges);
	st.cap = 64;
	st.words = palloc(sizeof(RvSnipWord) * st.cap);
	st.last_index = -1;
	review_normalize_text((const char *) r + l.body, r->body_len, lang, collect, &st);
	if (st.n == 0)
		PG_RETURN_TEXT_P(cstring_to_text(""));

	/* the text's header, then the snippet */
	rv_buf_init(&out, VARHDRSZ + 256);
	out.len = VARHDRSZ;
	rv_snippet_build((const char *) r + l.body, st.words, st.n, st.ranges,
					 st.nranges, max_words, &out);
	SET_VARSIZE(out.data, out.len);
	PG_RETURN_TEXT_P((text *) out.data);
}
