/*
 * rv_query.c
 *	  reviewquery core: the tree builder, canonical output and the binary
 *	  form.  Parsing is in rv_query_parse.c, normalization in
 *	  rv_query_norm.c, evaluation in rv_query_eval.c.
 */
#include <string.h>

#include "rv_query_int.h"
#include "rv_utf8.h"

#define RVQ_VERSION		1
#define RVQ_HDR_SIZE	5		/* u8 version, u32 nitems */
#define RVQ_ITEM_SIZE	8		/* u8 op, u8 flags, u16 distance, u32 len */

/* ---------- builder ---------- */

void
rvq_builder_init(RvQBuilder *b)
{
	b->nodes = NULL;
	b->n = 0;
	b->cap = 0;
	rv_buf_init(&b->text, 64);
}

void
rvq_builder_free(RvQBuilder *b)
{
	rv_free(b->nodes);
	rv_free(b->text.data);
	b->nodes = NULL;
	b->text.data = NULL;
}

static int32_t
add_node(RvQBuilder *b, RvError *err)
{
	/* Dropped nodes (normalization) count too: bound the work, not just the result. */
	if (b->n >= 4 * (uint32_t) RVQ_MAX_ITEMS)
	{
		rv_error_set(err, RV_ERR_LIMIT, 0, 0,
					 "Query has more than %d items.", RVQ_MAX_ITEMS);
		return -1;
	}
	if (b->n == b->cap)
	{
		b->cap = b->cap ? b->cap * 2 : 16;
		b->nodes = rv_realloc(b->nodes, b->cap * sizeof(RvQNode));
	}
	memset(&b->nodes[b->n], 0, sizeof(RvQNode));
	b->nodes[b->n].left = -1;
	b->nodes[b->n].right = -1;
	return (int32_t) b->n++;
}

int32_t
rvq_add_term(RvQBuilder *b, const char *text, uint32_t len, uint8_t flags,
			 uint32_t offset, RvError *err)
{
	int32_t		i = add_node(b, err);

	if (i < 0)
		return -1;
	b->nodes[i].op = RVQ_TERM;
	b->nodes[i].flags = flags;
	b->nodes[i].text = (uint32_t) b->text.len;
	b->nodes[i].len = len;
	b->nodes[i].offset = offset;
	rv_buf_append(&b->text, text, len);
	return i;
}

int32_t
rvq_add_op(RvQBuilder *b, RvQOp op, int32_t left, int32_t right,
		   uint16_t distance, uint32_t offset, RvError *err)
{
	int32_t		i = add_node(b, err);

	if (i < 0)
		return -1;
	b->nodes[i].op = (uint8_t) op;
	b->nodes[i].distance = distance;
	b->nodes[i].offset = offset;
	b->nodes[i].left = left;
	b->nodes[i].right = right;
	return i;
}

static int32_t
add_chain(RvQBuilder *b, RvQOp op, const int32_t *operands, const uint16_t *dist,
		  const uint32_t *offsets, uint32_t lo, uint32_t hi, RvError *err)
{
	/* the left half takes the middle one: three operands are (a op b) op c */
	uint32_t	m = lo + (hi - lo + 1) / 2;
	int32_t		l,
				r;

	if (hi - lo == 1)
		return operands[lo];
	l = add_chain(b, op, operands, dist, offsets, lo, m, err);
	if (l < 0)
		return -1;
	r = add_chain(b, op, operands, dist, offsets, m, hi, err);
	if (r < 0)
		return -1;
	return rvq_add_op(b, op, l, r, dist ? dist[m] : 0, offsets ? offsets[m] : 0, err);
}

int32_t
rvq_add_chain(RvQBuilder *b, RvQOp op, const int32_t *operands,
			  const uint16_t *dist, const uint32_t *offsets, uint32_t n,
			  RvError *err)
{
	return add_chain(b, op, operands, dist, offsets, 0, n, err);
}

void
rvq_chain_push(RvQChain *c, int32_t operand, uint16_t dist, uint32_t offset)
{
	if (c->n == c->cap)
	{
		c->cap = c->cap ? c->cap * 2 : 8;
		c->operands = rv_realloc(c->operands, c->cap * sizeof(int32_t));
		c->dist = rv_realloc(c->dist, c->cap * sizeof(uint16_t));
		c->offsets = rv_realloc(c->offsets, c->cap * sizeof(uint32_t));
	}
	c->operands[c->n] = operand;
	c->dist[c->n] = dist;
	c->offsets[c->n] = offset;
	c->n++;
}

void
rvq_chain_free(RvQChain *c)
{
	rv_free(c->operands);
	rv_free(c->dist);
	rv_free(c->offsets);
	memset(c, 0, sizeof(*c));
}

RvQuery *
rvq_finish(RvQBuilder *b, int32_t root, RvError *err)
{
	uint32_t	nitems = 0;
	uint32_t	maxdepth = 0;
	size_t		textlen = 0;
	int32_t    *stack;
	uint32_t   *depth;
	uint32_t	sp = 0;
	RvQuery    *q;
	char	   *text;

	/* Pass 1 (iterative): size and depth; too many items is the error to report. */
	stack = rv_alloc((b->n + 1) * sizeof(int32_t));
	depth = rv_alloc((b->n + 1) * sizeof(uint32_t));
	if (root >= 0)
	{
		stack[sp] = root;
		depth[sp++] = 1;
	}
	while (sp > 0)
	{
		RvQNode    *nd;
		uint32_t	d;

		sp--;
		nd = &b->nodes[stack[sp]];
		d = depth[sp];
		if (d > maxdepth)
			maxdepth = d;
		nitems++;
		textlen += nd->len;
		if (nd->right >= 0)
		{
			stack[sp] = nd->right;
			depth[sp++] = d + 1;
		}
		if (nd->left >= 0)
		{
			stack[sp] = nd->left;
			depth[sp++] = d + 1;
		}
	}
	if (nitems > RVQ_MAX_ITEMS || maxdepth > RVQ_MAX_TREE_DEPTH)
	{
		rv_free(stack);
		rv_free(depth);
		if (nitems > RVQ_MAX_ITEMS)
			rv_error_set(err, RV_ERR_LIMIT, 0, 0,
						 "Query has more than %d items.", RVQ_MAX_ITEMS);
		else
			rv_error_set(err, RV_ERR_LIMIT, 0, 0,
						 "Query is too deeply nested (more than %d levels).",
						 RVQ_MAX_TREE_DEPTH);
		return NULL;
	}

	/* Pass 2: one allocation holding header, items and text. */
	q = rv_alloc(sizeof(RvQuery) + nitems * sizeof(RvQItem) + textlen + 1);
	q->items = (RvQItem *) (q + 1);
	q->nitems = 0;
	text = (char *) (q->items + nitems);
	if (root >= 0)
		stack[sp++] = root;
	while (sp > 0)
	{
		RvQNode    *nd = &b->nodes[stack[--sp]];
		RvQItem    *it = &q->items[q->nitems++];

		it->op = (RvQOp) nd->op;
		it->flags = nd->flags;
		it->distance = nd->distance;
		it->len = nd->len;
		it->offset = nd->offset;
		it->text = NULL;
		if (nd->op == RVQ_TERM)
		{
			memcpy(text, b->text.data + nd->text, nd->len);
			it->text = text;
			text += nd->len;
		}
		if (nd->right >= 0)
			stack[sp++] = nd->right;
		if (nd->left >= 0)
			stack[sp++] = nd->left;
	}
	rv_free(stack);
	rv_free(depth);
	return q;
}

uint32_t
rvq_skip(const RvQuery *q, uint32_t i)
{
	uint32_t	need = 1;

	while (need > 0 && i < q->nitems)
	{
		switch (q->items[i].op)
		{
			case RVQ_TERM:
				need--;
				break;
			case RVQ_NOT:
				break;
			default:
				need++;
				break;
		}
		i++;
	}
	return i;
}

void
rv_query_free(RvQuery *q)
{
	rv_free(q);
}

bool
rv_term_valid(const char *s, size_t len, size_t *bad, uint32_t *cp)
{
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		/* C0 and DEL; C1 is U+0080..U+009F, encoded as C2 80..C2 9F */
		if (c < 0x20 || c == 0x7F ||
			(c == 0xC2 && i + 1 < len && (unsigned char) s[i + 1] < 0xA0))
		{
			*bad = i;
			*cp = c == 0xC2 ? (unsigned char) s[i + 1] : c;
			return false;
		}
	}
	return true;
}

uint32_t
rv_query_nterms(const RvQuery *q)
{
	uint32_t	n = 0;

	for (uint32_t i = 0; i < q->nitems; i++)
		if (q->items[i].op == RVQ_TERM)
			n++;
	return n;
}

/* ---------- canonical output ---------- */

static int
precedence(RvQOp op)
{
	switch (op)
	{
		case RVQ_OR:
			return 1;
		case RVQ_AND:
			return 2;
		case RVQ_PHRASE:
			return 3;
		case RVQ_NOT:
			return 4;
		default:
			return 5;
	}
}

static uint32_t out_item(const RvQuery *q, uint32_t i, RvBuf *out);

static uint32_t
out_operand(const RvQuery *q, uint32_t i, bool parens, RvBuf *out)
{
	if (parens)
		rv_buf_append(out, "( ", 2);
	i = out_item(q, i, out);
	if (parens)
		rv_buf_append(out, " )", 2);
	return i;
}

/* Appends the subtree at item i; returns the index after it. */
static uint32_t
out_item(const RvQuery *q, uint32_t i, RvBuf *out)
{
	const RvQItem *it = &q->items[i];
	int			prec = precedence(it->op);
	uint32_t	j;

	switch (it->op)
	{
		case RVQ_TERM:
			rv_buf_append_char(out, '\'');
			for (uint32_t k = 0; k < it->len; k++)
			{
				char		c = it->text[k];

				if (c == '\'')
					rv_buf_append_char(out, '\'');
				else if (c == '\\')
					rv_buf_append_char(out, '\\');
				rv_buf_append_char(out, c);
			}
			rv_buf_append_char(out, '\'');
			if (it->flags & RVQ_PREFIX)
				rv_buf_append_char(out, '*');
			return i + 1;
		case RVQ_NOT:
			rv_buf_append_char(out, '!');
			return out_operand(q, i + 1,
							   precedence(q->items[i + 1].op) < prec, out);
		default:
			/*
			 * binary and associative (AND, OR, PHRASE): only a looser
			 * operand needs ( ), on either side
			 */
			j = out_operand(q, i + 1,
							precedence(q->items[i + 1].op) < prec, out);
			if (it->op == RVQ_AND)
				rv_buf_append(out, " & ", 3);
			else if (it->op == RVQ_OR)
				rv_buf_append(out, " | ", 3);
			else if (it->distance == 1)
				rv_buf_append(out, " <-> ", 5);
			else
				rv_buf_printf(out, " <%u> ", (unsigned) it->distance);
			return out_operand(q, j, precedence(q->items[j].op) < prec, out);
	}
}

void
rv_query_out(const RvQuery *q, RvBuf *out)
{
	if (q->nitems > 0)
		out_item(q, 0, out);
}

/* ---------- binary form ---------- */

size_t
rv_query_serialized_size(const RvQuery *q)
{
	size_t		size = RVQ_HDR_SIZE + (size_t) q->nitems * RVQ_ITEM_SIZE;

	for (uint32_t i = 0; i < q->nitems; i++)
		if (q->items[i].op == RVQ_TERM)
			size += q->items[i].len;
	return size;
}

static void
put_u16(unsigned char *p, uint16_t v)
{
	p[0] = (unsigned char) v;
	p[1] = (unsigned char) (v >> 8);
}

static void
put_u32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) v;
	p[1] = (unsigned char) (v >> 8);
	p[2] = (unsigned char) (v >> 16);
	p[3] = (unsigned char) (v >> 24);
}

static uint16_t
get_u16(const unsigned char *p)
{
	return (uint16_t) (p[0] | (p[1] << 8));
}

static uint32_t
get_u32(const unsigned char *p)
{
	return (uint32_t) p[0] | ((uint32_t) p[1] << 8) |
		((uint32_t) p[2] << 16) | ((uint32_t) p[3] << 24);
}

void
rv_query_serialize(const RvQuery *q, char *dst)
{
	unsigned char *p = (unsigned char *) dst;
	char	   *text = dst + RVQ_HDR_SIZE + (size_t) q->nitems * RVQ_ITEM_SIZE;

	p[0] = RVQ_VERSION;
	put_u32(p + 1, q->nitems);
	p += RVQ_HDR_SIZE;
	for (uint32_t i = 0; i < q->nitems; i++, p += RVQ_ITEM_SIZE)
	{
		const RvQItem *it = &q->items[i];
		bool		term = it->op == RVQ_TERM;

		p[0] = (unsigned char) it->op;
		p[1] = term ? it->flags : 0;
		put_u16(p + 2, it->op == RVQ_PHRASE ? it->distance : 0);
		put_u32(p + 4, term ? it->len : 0);
		if (term)
		{
			memcpy(text, it->text, it->len);
			text += it->len;
		}
	}
}

static RvQuery *
bad_binary(RvQuery *q, RvError *err, const char *detail)
{
	rv_free(q);
	rv_error_set(err, RV_ERR_BINARY, 0, 0, "%s", detail);
	return NULL;
}

RvQuery *
rv_query_deserialize(const char *data, size_t len, RvError *err)
{
	const unsigned char *p = (const unsigned char *) data;
	uint32_t	nitems;
	size_t		textlen;
	size_t		sum = 0;
	const char *text;
	RvQuery    *q;
	uint32_t   *stack;			/* pending operand slots: depth << 1 | phrase */
	uint32_t	sp = 0;

	if (len < RVQ_HDR_SIZE)
		return bad_binary(NULL, err, "Binary reviewquery is truncated.");
	if (p[0] != RVQ_VERSION)
	{
		rv_error_set(err, RV_ERR_BINARY, 0, 0,
					 "Unsupported binary reviewquery version %u.", p[0]);
		return NULL;
	}
	nitems = get_u32(p + 1);
	if (nitems > RVQ_MAX_ITEMS)
	{
		rv_error_set(err, RV_ERR_LIMIT, 0, 0,
					 "Binary reviewquery has more than %d items.", RVQ_MAX_ITEMS);
		return NULL;
	}
	if (len - RVQ_HDR_SIZE < (size_t) nitems * RVQ_ITEM_SIZE)
		return bad_binary(NULL, err, "Binary reviewquery is truncated.");
	textlen = len - RVQ_HDR_SIZE - (size_t) nitems * RVQ_ITEM_SIZE;
	text = data + RVQ_HDR_SIZE + (size_t) nitems * RVQ_ITEM_SIZE;

	q = rv_alloc(sizeof(RvQuery) + (nitems + 1) * sizeof(RvQItem) +
				 (nitems + 1) * sizeof(uint32_t));
	q->items = (RvQItem *) (q + 1);
	q->nitems = nitems;
	stack = (uint32_t *) (q->items + nitems + 1);

	if (nitems > 0)
		stack[sp++] = 1 << 1;
	p += RVQ_HDR_SIZE;
	for (uint32_t i = 0; i < nitems; i++, p += RVQ_ITEM_SIZE)
	{
		RvQItem    *it = &q->items[i];
		uint32_t	slot;
		uint32_t	depth;

		it->op = (RvQOp) p[0];
		it->flags = p[1];
		it->distance = get_u16(p + 2);
		it->len = get_u32(p + 4);
		it->offset = 0;
		it->text = NULL;

		if (it->op < RVQ_TERM || it->op > RVQ_PHRASE)
			return bad_binary(q, err, "Binary reviewquery has an invalid operator code.");
		if (it->op == RVQ_TERM)
		{
			size_t		bad;
			uint32_t	cp;

			if ((it->flags & ~(RVQ_PREFIX | RVQ_EXACT)) != 0 || it->distance != 0)
				return bad_binary(q, err, "Binary reviewquery has invalid term flags.");
			if (it->len == 0 || it->len > RVQ_MAX_TERM_LEN)
				return bad_binary(q, err, "Binary reviewquery has a term of invalid length.");
			if (it->len > textlen - sum)
				return bad_binary(q, err, "Binary reviewquery is truncated.");
			it->text = text + sum;
			sum += it->len;
			if (!rv_utf8_valid(it->text, it->len, &bad))
				return bad_binary(q, err, "Binary reviewquery has a term that is not valid UTF-8.");
			if (!rv_term_valid(it->text, it->len, &bad, &cp))
			{
				rv_free(q);
				rv_error_set(err, RV_ERR_BINARY, 0, 0,
							 "Binary reviewquery has a term with the control character U+%04X; terms cannot contain control characters.",
							 (unsigned) cp);
				return NULL;
			}
		}
		else
		{
			if (it->flags != 0 || it->len != 0)
				return bad_binary(q, err, "Binary reviewquery has an invalid operator.");
			if (it->op == RVQ_PHRASE
				? (it->distance < 1 || it->distance > RVQ_MAX_DISTANCE)
				: it->distance != 0)
				return bad_binary(q, err, "Binary reviewquery has an invalid phrase distance.");
		}

		/* Tree shape: each item fills one pending operand slot. */
		if (sp == 0)
			return bad_binary(q, err, "Binary reviewquery has items after the end of the tree.");
		slot = stack[--sp];
		depth = slot >> 1;
		if (depth > RVQ_MAX_TREE_DEPTH)
		{
			rv_free(q);
			rv_error_set(err, RV_ERR_LIMIT, 0, 0,
						 "Binary reviewquery is too deeply nested.");
			return NULL;
		}
		if ((slot & 1) && it->op != RVQ_TERM && it->op != RVQ_PHRASE)
			return bad_binary(q, err, "Binary reviewquery has an invalid phrase operand.");
		if (it->op == RVQ_NOT)
			stack[sp++] = (depth + 1) << 1;
		else if (it->op != RVQ_TERM)
		{
			uint32_t	ph = it->op == RVQ_PHRASE ? 1 : 0;

			/* at most nitems + 1 slots are ever pending */
			stack[sp++] = ((depth + 1) << 1) | ph;
			stack[sp++] = ((depth + 1) << 1) | ph;
		}
	}
	if (sp != 0)
		return bad_binary(q, err, "Binary reviewquery is missing operands.");
	if (sum != textlen)
		return bad_binary(q, err, "Binary reviewquery has trailing bytes.");
	return q;
}
