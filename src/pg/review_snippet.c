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
#include "miscadmin.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "review_match.h"
#include "rv_detect.h"

PG_FUNCTION_INFO_V1(review_snippet);

#define SNIPPET_MASK "[spoiler]"
#define ELLIPSIS "…"

typedef struct SnipWord
{
	uint32		start;
	uint32		end;
	bool		hidden;
	bool		match;
} SnipWord;

typedef struct SnipState
{
	const RvQuery *q;
	const bool *positive;
	const HiddenRange *ranges;
	int			nranges;
	int			ri;
	SnipWord   *words;
	int			n;
	int			cap;
	int64		last_index;
} SnipState;

static bool
lexeme_matches(const SnipState *st, const char *lex, uint32 len)
{
	for (uint32 i = 0; i < st->q->nitems; i++)
	{
		const RvQItem *it = &st->q->items[i];

		if (it->op != RVQ_TERM || !st->positive[i])
			continue;
		if ((it->flags & RVQ_PREFIX) ? (len >= it->len && memcmp(lex, it->text, it->len) == 0)
			: rv_lexcmp(lex, len, it->text, it->len) == 0)
			return true;
	}
	return false;
}

static void
collect(void *arg, const RvWord *w, const char *lex, uint32 len)
{
	SnipState  *st = arg;
	SnipWord   *sw;

	/* A word with several lexemes is one word. */
	if (st->n > 0 && st->last_index == w->index)
	{
		st->words[st->n - 1].match |= lexeme_matches(st, lex, len);
		return;
	}
	if (st->n == st->cap)
	{
		st->cap *= 2;
		st->words = repalloc_huge(st->words, sizeof(SnipWord) * st->cap);
	}
	sw = &st->words[st->n++];
	sw->start = w->start;
	sw->end = w->end;
	while (st->ri < st->nranges && st->ranges[st->ri].end <= w->start)
		st->ri++;
	sw->hidden = st->ri < st->nranges && st->ranges[st->ri].start < w->end;
	sw->match = !sw->hidden && lexeme_matches(st, lex, len);
	st->last_index = w->index;
}

/* Marks the TERM items outside any NOT. */
static uint32
mark_positive(const RvQuery *q, uint32 i, bool negated, bool *positive)
{
	const RvQItem *it = &q->items[i];

	check_stack_depth();
	if (it->op == RVQ_TERM)
	{
		positive[i] = !negated;
		return i + 1;
	}
	if (it->op == RVQ_NOT)
		return mark_positive(q, i + 1, !negated, positive);
	i = mark_positive(q, i + 1, negated, positive);
	return mark_positive(q, i, negated, positive);
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
	const char *body;
	bool	   *positive;
	int			best = 0,
				best_hits = -1,
				hits = 0;
	uint32		from,
				to,
				pos;
	int			ri = 0,
				last;
	StringInfoData out;

	if (max_words < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("max_words must be at least 1")));
	review_layout(r, &l);
	review_lang_of(r, &l, lang);
	body = (const char *) r + l.body;
	positive = palloc0(sizeof(bool) * (q->nitems ? q->nitems : 1));
	if (q->nitems > 0)
		mark_positive(q, 0, false, positive);

	memset(&st, 0, sizeof(st));
	st.q = q;
	st.positive = positive;
	st.ranges = review_hidden_ranges(r, &l, RV_DEFAULT_THRESHOLD, &st.nranges);
	st.cap = 64;
	st.words = palloc(sizeof(SnipWord) * st.cap);
	st.last_index = -1;
	review_normalize_text(body, r->body_len, lang, collect, &st);
	if (st.n == 0)
		PG_RETURN_TEXT_P(cstring_to_text(""));

	/* The window of max_words words with the most visible matches. */
	for (int i = 0; i < st.n; i++)
	{
		hits += st.words[i].match;
		if (i >= max_words)
			hits -= st.words[i - max_words].match;
		if (i >= max_words - 1 || i == st.n - 1)
		{
			int			start = Max(0, i - max_words + 1);

			if (hits > best_hits)
				best_hits = hits, best = start;
		}
	}
	last = Min(st.n, best + max_words) - 1;
	from = st.words[best].start;
	to = st.words[last].end;

	initStringInfo(&out);
	if (best > 0)
		appendStringInfoString(&out, ELLIPSIS);
	pos = from;
	for (int w = best; pos < to;)
	{
		while (ri < st.nranges && st.ranges[ri].end <= pos)
			ri++;
		if (ri < st.nranges && st.ranges[ri].start <= pos)
		{
			appendStringInfoString(&out, SNIPPET_MASK);
			pos = review_hidden_run(st.ranges, st.nranges, &ri, body);
			continue;
		}
		while (w <= last && st.words[w].end <= pos)
			w++;
		if (w <= last && st.words[w].start == pos && st.words[w].match)
		{
			appendStringInfoString(&out, "<b>");
			appendBinaryStringInfo(&out, body + pos, (int) (st.words[w].end - pos));
			appendStringInfoString(&out, "</b>");
			pos = st.words[w].end;
			continue;
		}
		appendStringInfoChar(&out, body[pos]);
		pos++;
	}
	if (last < st.n - 1)
		appendStringInfoString(&out, ELLIPSIS);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, out.len));
}
