/*
 * rv_query_norm.c
 *	  reviewquery normalization: raw terms become lexemes through a callback
 *	  supplied by the glue, vanished operands (stop words) are simplified
 *	  away tsquery-style, and phrases keep the distance of vanished words.
 *
 * A phrase (or a term yielding several lexemes) is a fixed pattern of words
 * at known offsets, so it is flattened to (lexeme, offset) pairs and rebuilt
 * as a left-deep chain whose distances are the offset differences.
 */
#include <string.h>

#include "rv_query_int.h"
#include "rv_utf8.h"

typedef struct Placed
{
	int32_t		node;			/* TERM node in the new builder */
	uint64_t	offset;			/* word offset from the phrase's first word */
} Placed;

typedef struct Norm
{
	const RvQuery *q;
	RvQNormalizeFn fn;
	void	   *arg;
	RvError    *err;
	RvQBuilder	b;
	Placed	   *placed;
	uint32_t	nplaced;
	uint32_t	capplaced;
} Norm;

#define NORM_VANISHED	(-1)
#define NORM_ERROR		(-2)

static bool
place(Norm *nm, int32_t node, uint64_t offset)
{
	if (node < 0)
		return false;
	if (nm->nplaced == nm->capplaced)
	{
		nm->capplaced = nm->capplaced ? nm->capplaced * 2 : 16;
		nm->placed = rv_realloc(nm->placed, nm->capplaced * sizeof(Placed));
	}
	nm->placed[nm->nplaced].node = node;
	nm->placed[nm->nplaced].offset = offset;
	nm->nplaced++;
	return true;
}

/*
 * Places the lexemes of the term at item i, whose first word is at word
 * offset start; *end receives the offset of its last word.
 */
static bool
place_term(Norm *nm, const RvQItem *it, uint64_t start, uint64_t *end)
{
	RvQLexemes lx;
	uint32_t	last = 0;

	if (it->flags & RVQ_EXACT)
	{
		*end = start;
		return place(nm, rvq_add_term(&nm->b, it->text, it->len, it->flags,
									  it->offset, nm->err), start);
	}
	memset(&lx, 0, sizeof(lx));
	if (!nm->fn(nm->arg, it, &lx, nm->err))
		return false;
	for (uint32_t k = 0; k < lx.n; k++)
	{
		uint32_t	pos = lx.pos ? lx.pos[k] : k;
		uint8_t		flags = RVQ_EXACT;
		size_t		bad;
		uint32_t	cp;

		if (k > 0 && pos <= last)
		{
			rv_error_set(nm->err, RV_ERR_INTERNAL, 0, it->offset,
						 "Lexeme positions of a query term are not increasing.");
			return false;
		}
		if (lx.len[k] == 0 || lx.len[k] > RVQ_MAX_TERM_LEN)
		{
			rv_error_set(nm->err, lx.len[k] ? RV_ERR_LIMIT : RV_ERR_INTERNAL,
						 0, it->offset,
						 "A lexeme of the query term at character %u is empty or longer than %d bytes.",
						 it->offset, RVQ_MAX_TERM_LEN);
			return false;
		}
		if (!rv_utf8_valid(lx.lex[k], lx.len[k], &bad))
		{
			rv_error_set(nm->err, RV_ERR_ENCODING, 0, it->offset,
						 "A lexeme of the query term at character %u is not valid UTF-8.",
						 it->offset);
			return false;
		}
		if (!rv_term_valid(lx.lex[k], lx.len[k], &bad, &cp))
		{
			rv_error_set(nm->err, RV_ERR_INTERNAL, 0, it->offset,
						 "A lexeme of the query term at character %u contains the control character U+%04X.",
						 it->offset, (unsigned) cp);
			return false;
		}
		last = pos;
		if (k == lx.n - 1)
			flags |= it->flags & RVQ_PREFIX;
		if (!place(nm, rvq_add_term(&nm->b, lx.lex[k], lx.len[k], flags,
									it->offset, nm->err), start + pos))
			return false;
	}
	/* a term whose words all vanished still occupies one word */
	*end = start + last;
	return true;
}

/* Places the TERM/PHRASE subtree at *i starting at word offset start. */
static bool
place_subtree(Norm *nm, uint32_t *i, uint64_t start, uint64_t *end)
{
	const RvQItem *it = &nm->q->items[(*i)++];
	uint64_t	left_end;

	if (it->op == RVQ_TERM)
		return place_term(nm, it, start, end);
	/* deserialized and parsed queries only have TERM/PHRASE under PHRASE */
	if (!place_subtree(nm, i, start, &left_end))
		return false;
	return place_subtree(nm, i, left_end + it->distance, end);
}

/* Normalizes a TERM or PHRASE subtree into a chain; NORM_VANISHED if empty. */
static int32_t
norm_pattern(Norm *nm, uint32_t *i)
{
	uint64_t	end;
	int32_t		chain;

	nm->nplaced = 0;
	if (!place_subtree(nm, i, 0, &end))
		return NORM_ERROR;
	if (nm->nplaced == 0)
		return NORM_VANISHED;
	{
		RvQChain	c = {0};

		for (uint32_t k = 0; k < nm->nplaced; k++)
		{
			uint64_t	d = k ? nm->placed[k].offset - nm->placed[k - 1].offset : 0;

			if (d > RVQ_MAX_DISTANCE)
			{
				rvq_chain_free(&c);
				rv_error_set(nm->err, RV_ERR_LIMIT, 0, 0,
							 "Phrase distance in query exceeds %d.", RVQ_MAX_DISTANCE);
				return NORM_ERROR;
			}
			rvq_chain_push(&c, nm->placed[k].node, (uint16_t) d, 0);
		}
		chain = rvq_add_chain(&nm->b, RVQ_PHRASE, c.operands, c.dist, NULL, c.n, nm->err);
		rvq_chain_free(&c);
	}
	return chain < 0 ? NORM_ERROR : chain;
}

static int32_t norm_node(Norm *nm, uint32_t *i);

/*
 * Normalizes the operands of a run of op (AND or OR) nodes starting at *i,
 * however they nest (op is associative), into c; vanished operands are
 * left out.
 */
static bool
norm_operands(Norm *nm, uint32_t *i, RvQOp op, uint32_t offset, RvQChain *c)
{
	const RvQItem *it = &nm->q->items[*i];
	int32_t		r;

	if (it->op == op)
	{
		(*i)++;
		return norm_operands(nm, i, op, offset, c) &&
			norm_operands(nm, i, op, it->offset, c);
	}
	r = norm_node(nm, i);
	if (r == NORM_ERROR)
		return false;
	if (r != NORM_VANISHED)
		rvq_chain_push(c, r, 0, offset);
	return true;
}

static int32_t
norm_node(Norm *nm, uint32_t *i)
{
	const RvQItem *it = &nm->q->items[*i];
	int32_t		l;

	switch (it->op)
	{
		case RVQ_TERM:
		case RVQ_PHRASE:
			return norm_pattern(nm, i);
		case RVQ_NOT:
			(*i)++;
			l = norm_node(nm, i);
			if (l < 0)
				return l;
			l = rvq_add_op(&nm->b, RVQ_NOT, l, -1, 0, it->offset, nm->err);
			return l < 0 ? NORM_ERROR : l;
		default:
			{
				/* a chain of AND (or OR), flattened and rebalanced */
				RvQChain	c = {0};

				if (!norm_operands(nm, i, it->op, it->offset, &c))
					l = NORM_ERROR;
				else if (c.n == 0)
					l = NORM_VANISHED;
				else
				{
					l = rvq_add_chain(&nm->b, it->op, c.operands, NULL, c.offsets, c.n, nm->err);
					if (l < 0)
						l = NORM_ERROR;
				}
				rvq_chain_free(&c);
				return l;
			}
	}
}

RvQuery *
rv_query_normalize(const RvQuery *q, RvQNormalizeFn fn, void *arg,
				   RvError *err)
{
	Norm		nm;
	int32_t		root = NORM_VANISHED;
	RvQuery    *res = NULL;
	uint32_t	i = 0;

	memset(&nm, 0, sizeof(nm));
	nm.q = q;
	nm.fn = fn;
	nm.arg = arg;
	nm.err = err;
	rvq_builder_init(&nm.b);
	if (q->nitems > 0)
		root = norm_node(&nm, &i);
	if (root != NORM_ERROR)
		res = rvq_finish(&nm.b, root < 0 ? -1 : root, err);
	rv_free(nm.placed);
	rvq_builder_free(&nm.b);
	return res;
}
