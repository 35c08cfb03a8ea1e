/*
 * rv_query_eval.c
 *	  reviewquery evaluation: exact matching against a document's word
 *	  positions, and three-valued evaluation over term presence for GIN.
 *
 * Recursion follows the tree, whose depth parse, normalize and deserialize
 * bound by RVQ_MAX_TREE_DEPTH.
 */
#include <string.h>

#include "rv_query_int.h"

typedef struct Match
{
	const RvQuery *q;
	RvQPositionsFn fn;
	void	   *arg;
} Match;

/*
 * A phrase pattern's matches: sorted start positions (of its first word)
 * and its width (offset of its last word from its first).
 */
typedef struct Starts
{
	uint32_t   *pos;
	int64_t		n;
	uint64_t	width;
} Starts;

static void
pattern_starts(Match *m, uint32_t *i, Starts *out)
{
	const RvQItem *it = &m->q->items[(*i)++];
	Starts		l,
				r;
	int64_t		a = 0,
				b = 0,
				n = 0;

	if (it->op == RVQ_TERM)
	{
		const uint32_t *pos = NULL;
		int64_t		cnt = m->fn(m->arg, it, &pos);

		/* copied: the callback's array may be reused by its next call */
		out->n = (cnt > 0 && pos != NULL) ? cnt : 0;
		out->pos = rv_alloc((size_t) (out->n ? out->n : 1) * sizeof(uint32_t));
		if (out->n)
			memcpy(out->pos, pos, (size_t) out->n * sizeof(uint32_t));
		out->width = 0;
		return;
	}
	/* PHRASE: L <d> R matches at s iff L at s and R at s + width(L) + d */
	pattern_starts(m, i, &l);
	pattern_starts(m, i, &r);
	out->width = l.width + it->distance + r.width;
	out->pos = l.pos;			/* filtered in place */
	while (a < l.n && b < r.n)
	{
		uint64_t	want = (uint64_t) l.pos[a] + l.width + it->distance;

		if ((uint64_t) r.pos[b] < want)
			b++;
		else
		{
			if ((uint64_t) r.pos[b] == want)
				out->pos[n++] = l.pos[a];
			a++;
		}
	}
	out->n = n;
	rv_free(r.pos);
}

static bool
match_node(Match *m, uint32_t *i)
{
	const RvQItem *it = &m->q->items[*i];
	bool		res;

	switch (it->op)
	{
		case RVQ_TERM:
			{
				const uint32_t *pos = NULL;

				(*i)++;
				return m->fn(m->arg, it, &pos) > 0;
			}
		case RVQ_PHRASE:
			{
				Starts		s;

				pattern_starts(m, i, &s);
				rv_free(s.pos);
				return s.n > 0;
			}
		case RVQ_NOT:
			(*i)++;
			return !match_node(m, i);
		case RVQ_AND:
		case RVQ_OR:
			(*i)++;
			res = match_node(m, i);
			/* short-circuit: skip the right operand without evaluating it */
			if (res == (it->op == RVQ_OR))
			{
				*i = rvq_skip(m->q, *i);
				return res;
			}
			return match_node(m, i);
	}
	return false;
}

bool
rv_query_match(const RvQuery *q, RvQPositionsFn fn, void *arg)
{
	Match		m;
	uint32_t	i = 0;

	if (q->nitems == 0)
		return false;
	m.q = q;
	m.fn = fn;
	m.arg = arg;
	return match_node(&m, &i);
}

typedef struct Tri
{
	const RvQuery *q;
	const RvQTri *values;		/* NULL: every term absent */
	uint32_t	k;				/* next TERM's index */
	bool		recheck;
} Tri;

static RvQTri
tri_node(Tri *t, uint32_t *i)
{
	const RvQItem *it = &t->q->items[(*i)++];
	RvQTri		l,
				r;

	switch (it->op)
	{
		case RVQ_TERM:
			l = t->values ? t->values[t->k] : RVQ_FALSE;
			t->k++;
			return l;
		case RVQ_NOT:
			l = tri_node(t, i);
			return l == RVQ_MAYBE ? RVQ_MAYBE : (l == RVQ_TRUE ? RVQ_FALSE : RVQ_TRUE);
		case RVQ_OR:
			l = tri_node(t, i);
			r = tri_node(t, i);
			if (l == RVQ_TRUE || r == RVQ_TRUE)
				return RVQ_TRUE;
			return (l == RVQ_MAYBE || r == RVQ_MAYBE) ? RVQ_MAYBE : RVQ_FALSE;
		case RVQ_AND:
		case RVQ_PHRASE:
			l = tri_node(t, i);
			r = tri_node(t, i);
			if (l == RVQ_FALSE || r == RVQ_FALSE)
				return RVQ_FALSE;
			if (it->op == RVQ_PHRASE)
			{
				/* all words present: only positions can tell */
				t->recheck = true;
				return RVQ_MAYBE;
			}
			return (l == RVQ_TRUE && r == RVQ_TRUE) ? RVQ_TRUE : RVQ_MAYBE;
	}
	return RVQ_FALSE;
}

RvQTri
rv_query_eval_tri(const RvQuery *q, const RvQTri *term_values,
				  bool *needs_recheck)
{
	Tri			t;
	uint32_t	i = 0;
	RvQTri		res;

	if (needs_recheck)
		*needs_recheck = false;
	if (q->nitems == 0)
		return RVQ_FALSE;
	t.q = q;
	t.values = term_values;
	t.k = 0;
	t.recheck = false;
	res = tri_node(&t, &i);
	if (needs_recheck)
		*needs_recheck = t.recheck;
	return res;
}

bool
rv_query_has_positive_term(const RvQuery *q)
{
	bool		recheck;

	/* if a document without any of the terms cannot match, a term is needed */
	return rv_query_eval_tri(q, NULL, &recheck) == RVQ_FALSE;
}
