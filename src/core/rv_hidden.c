/*
 * rv_hidden.c
 *	  Hidden ranges, redaction and visible word numbers (see rv_hidden.h).
 */
#include <stdlib.h>
#include <string.h>

#include "rv_hidden.h"
#include "rv_segment.h"

/* By start; a marked span before a detected sentence at the same start. */
static int
cmp_range(const void *a, const void *b)
{
	const RvHiddenRange *x = a,
			   *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (int) y->marked - (int) x->marked;
}

int
rv_hidden_ranges(const RvSpanEntry *spans, uint32_t nspans,
				 const RvSentEntry *sents, uint32_t nsents,
				 float threshold, RvHiddenRange *out)
{
	int			k = 0;
	uint32_t	si = 0;

	for (uint32_t i = 0; i < nspans; i++)
		out[k++] = (RvHiddenRange) {spans[i].start, spans[i].start + spans[i].len, true, 1.0f};
	if (threshold < 1.0f)
	{
		for (uint32_t i = 0; i < nsents; i++)
		{
			if (!(sents[i].score >= threshold))
				continue;
			/* spans are sorted by start and disjoint (rv_layout_check) */
			while (si < nspans && spans[si].start + spans[si].len <= sents[i].start)
				si++;
			if (si < nspans && spans[si].start <= sents[i].start &&
				spans[si].start + spans[si].len >= sents[i].end)
				continue;
			out[k++] = (RvHiddenRange) {sents[i].start, sents[i].end, false, sents[i].score};
		}
	}
	if (k > 1)
		qsort(out, (size_t) k, sizeof(RvHiddenRange), cmp_range);
	return k;
}

static bool
only_space(const char *s, uint32_t from, uint32_t to)
{
	for (uint32_t i = from; i < to; i++)
		if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
			return false;
	return true;
}

uint32_t
rv_hidden_run(const RvHiddenRange *ranges, int n, int *i, const char *body)
{
	uint32_t	end = ranges[*i].end;

	for ((*i)++; *i < n && (ranges[*i].start <= end ||
							only_space(body, end, ranges[*i].start)); (*i)++)
	{
		if (ranges[*i].end > end)
			end = ranges[*i].end;
	}
	return end;
}

/*
 * The walk of redaction: each call gives the visible stretch [*from, *to)
 * before the next mask and moves past that mask's run; false when no mask
 * is left (what remains visible is [*pos, body_len)).
 */
static bool
next_mask(const RvHiddenRange *ranges, int n, const char *body, int *i,
		  uint32_t *pos, uint32_t *from, uint32_t *to)
{
	uint32_t	start,
				end;

	if (*i >= n)
		return false;
	start = ranges[*i].start;
	end = rv_hidden_run(ranges, n, i, body);
	*from = *pos;
	*to = start > *pos ? start : *pos;
	if (end > *pos)
		*pos = end;
	return true;
}

void
rv_redact(const char *body, uint32_t body_len, const RvHiddenRange *ranges,
		  int n, const char *mask, size_t mask_len, RvBuf *out)
{
	uint32_t	pos = 0,
				from,
				to;
	int			i = 0;

	while (next_mask(ranges, n, body, &i, &pos, &from, &to))
	{
		rv_buf_append(out, body + from, to - from);
		rv_buf_append(out, mask, mask_len);
	}
	if (pos < body_len)
		rv_buf_append(out, body + pos, body_len - pos);
}

uint64_t
rv_redact_len(const char *body, uint32_t body_len, const RvHiddenRange *ranges,
			  int n, size_t mask_len)
{
	uint64_t	len = 0;
	uint32_t	pos = 0,
				from,
				to;
	int			i = 0;

	while (next_mask(ranges, n, body, &i, &pos, &from, &to))
		len += (to - from) + (uint64_t) mask_len;
	return len + (pos < body_len ? body_len - pos : 0);
}

int
rv_hidden_merge(RvHiddenRange *ranges, int n)
{
	int			k = 0;

	for (int i = 0; i < n; i++)
	{
		if (k > 0 && ranges[i].start <= ranges[k - 1].end)
		{
			if (ranges[i].end > ranges[k - 1].end)
				ranges[k - 1].end = ranges[i].end;
		}
		else
			ranges[k++] = ranges[i];
	}
	return k;
}

bool
rv_hidden_covers(const RvHiddenRange *ranges, int n, int *ri,
				 uint32_t start, uint32_t end)
{
	while (*ri < n && ranges[*ri].end <= start)
		(*ri)++;
	return *ri < n && ranges[*ri].start < end;
}

typedef struct VisibleState
{
	const RvHiddenRange *ranges;
	int			nranges;
	int			ri;
	RvVisible  *v;
	int			cap;
} VisibleState;

static bool
visible_word(const RvWord *w, void *arg)
{
	VisibleState *st = arg;
	RvVisible  *v = st->v;

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
			v->start = rv_realloc(v->start, sizeof(uint32_t) * st->cap);
			v->end = rv_realloc(v->end, sizeof(uint32_t) * st->cap);
			v->before = rv_realloc(v->before, sizeof(uint32_t) * st->cap);
		}
		v->before[v->nruns] = v->nruns == 0 ? 0 :
			v->before[v->nruns - 1] + (v->end[v->nruns - 1] - v->start[v->nruns - 1]);
		v->start[v->nruns] = w->index;
		v->end[v->nruns] = w->index + 1;
		v->nruns++;
	}
	return true;
}

int
rv_visible_words(const char *body, size_t len, const char *lang,
				 const RvHiddenRange *ranges, int n, RvVisible *v, RvError *err)
{
	VisibleState st;

	memset(v, 0, sizeof(*v));
	if (n == 0)
		return 0;
	st.ranges = ranges;
	st.nranges = n;
	st.ri = 0;
	st.cap = 8;
	st.v = v;
	v->start = rv_alloc(sizeof(uint32_t) * st.cap);
	v->end = rv_alloc(sizeof(uint32_t) * st.cap);
	v->before = rv_alloc(sizeof(uint32_t) * st.cap);
	/* the same words, numbered the same, as the analysis at input */
	if (rv_words(body, len, lang, visible_word, &st, err) < 0)
	{
		rv_visible_free(v);
		return -1;
	}
	return 0;
}

void
rv_visible_free(RvVisible *v)
{
	rv_free(v->start);
	rv_free(v->end);
	rv_free(v->before);
	memset(v, 0, sizeof(*v));
}

/* The index of the last run starting at or before p, or -1. */
static int
run_at(const RvVisible *v, uint32_t p)
{
	int			lo = 0,
				hi = v->nruns;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (v->start[mid] <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

static uint32_t
visible_number(const RvVisible *v, uint32_t p)
{
	int			i = run_at(v, p);

	if (i < 0)
		return p;
	if (p < v->end[i])			/* hidden (not given by safe lookups) */
		return v->start[i] - v->before[i];
	return p - v->before[i] - (v->end[i] - v->start[i]);
}

void
rv_visible_renumber(const RvVisible *v, uint32_t *pos, int64_t n)
{
	if (v == NULL || v->nruns == 0)
		return;
	for (int64_t k = 0; k < n; k++)
		pos[k] = visible_number(v, pos[k]);
}

uint32_t
rv_visible_count(const RvVisible *v, uint32_t nwords)
{
	return (v == NULL || v->nruns == 0) ? nwords : visible_number(v, nwords);
}
