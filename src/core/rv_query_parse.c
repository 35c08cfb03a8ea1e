/*
 * rv_query_parse.c
 *	  reviewquery text parser: a tokenizer and a recursive-descent parser
 *	  (OR < AND < PHRASE < NOT), building through rv_query_int.h.
 *
 * Recursion happens only for "(" and "!", bounded by RVQ_MAX_DEPTH; chains of
 * binary operators are loops that build balanced trees.  Errors carry 1-based character positions.
 */
#include <string.h>

#include "rv_query_int.h"
#include "rv_utf8.h"

typedef enum TokType
{
	TOK_END,
	TOK_OPERAND,				/* word, 'exact' or "phrase": node in tok.node */
	TOK_AND,
	TOK_OR,
	TOK_NOT,
	TOK_LPAREN,
	TOK_RPAREN,
	TOK_PHRASE					/* <-> or <N>: distance in tok.distance */
} TokType;

typedef struct Parser
{
	const char *s;
	size_t		len;
	size_t		p;				/* next byte to tokenize */
	/* character position cache: byte cpos_byte is character cpos_char (0-based) */
	size_t		cpos_byte;
	uint32_t	cpos_char;
	RvQBuilder	b;
	RvBuf		word;			/* unescaped term text */
	RvError    *err;
	/* current token */
	TokType		tok;
	size_t		tok_start;		/* byte offsets */
	size_t		tok_end;
	int32_t		tok_node;
	uint16_t	tok_distance;
} Parser;

/* 1-based character position of byte offset off. */
static uint32_t
charpos(Parser *ps, size_t off)
{
	if (off < ps->cpos_byte)
	{
		ps->cpos_byte = 0;
		ps->cpos_char = 0;
	}
	while (ps->cpos_byte < off)
	{
		ps->cpos_byte += rv_utf8_seqlen((unsigned char) ps->s[ps->cpos_byte]);
		ps->cpos_char++;
	}
	return ps->cpos_char + 1;
}

static bool
is_space_cp(uint32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 ||
		c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
		c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Length of the white space character at byte off, or 0. */
static int
space_at(Parser *ps, size_t off)
{
	int			n;
	uint32_t	c;

	if (off >= ps->len)
		return 0;
	c = rv_utf8_decode(ps->s + off, &n);
	return is_space_cp(c) ? n : 0;
}

static bool
is_special(char c)
{
	return c == '&' || c == '|' || c == '!' || c == '(' || c == ')' ||
		c == '"' || c == '<' || c == '*';
}

static bool
syntax_error(Parser *ps, size_t off, const char *fmt)
{
	uint32_t	pos = charpos(ps, off);

	rv_error_set(ps->err, RV_ERR_SYNTAX, 0, pos, fmt, pos);
	return false;
}

static bool
end_error(Parser *ps)
{
	rv_error_set(ps->err, RV_ERR_SYNTAX, 0, charpos(ps, ps->len),
				 "Unexpected end of input.");
	return false;
}

/* Appends the character at ps->p to ps->word and advances. */
static void
take_char(Parser *ps)
{
	int			n = rv_utf8_seqlen((unsigned char) ps->s[ps->p]);

	rv_buf_append(&ps->word, ps->s + ps->p, n);
	ps->p += n;
}

/* Backslash escape at ps->p: take the next character literally. */
static bool
take_escaped(Parser *ps)
{
	ps->p++;
	if (ps->p >= ps->len)
		return end_error(ps);
	take_char(ps);
	return true;
}

/* Adds ps->word as a term starting at byte start, with an optional '*'. */
static int32_t
finish_term(Parser *ps, size_t start, uint8_t flags)
{
	size_t		bad;
	uint32_t	cp;

	if (ps->p < ps->len && ps->s[ps->p] == '*')
	{
		flags |= RVQ_PREFIX;
		ps->p++;
	}
	if (!rv_term_valid(ps->word.data, ps->word.len, &bad, &cp))
	{
		uint32_t	pos = charpos(ps, start);

		rv_error_set(ps->err, RV_ERR_SYNTAX, 0, pos,
					 "Term at character %u contains the control character U+%04X; terms cannot contain control characters.",
					 pos, (unsigned) cp);
		return -1;
	}
	if (ps->word.len > RVQ_MAX_TERM_LEN)
	{
		uint32_t	pos = charpos(ps, start);

		rv_error_set(ps->err, RV_ERR_LIMIT, 0, pos,
					 "Term at character %u is longer than %d bytes.",
					 pos, RVQ_MAX_TERM_LEN);
		return -1;
	}
	return rvq_add_term(&ps->b, ps->word.data, (uint32_t) ps->word.len,
						flags, charpos(ps, start), ps->err);
}

/* 'exact lexeme' at ps->p. */
static int32_t
lex_exact(Parser *ps)
{
	size_t		start = ps->p;

	ps->word.len = 0;
	ps->p++;
	for (;;)
	{
		if (ps->p >= ps->len)
		{
			syntax_error(ps, start, "Unterminated quoted term starting at character %u.");
			return -1;
		}
		if (ps->s[ps->p] == '\\')
		{
			if (!take_escaped(ps))
				return -1;
		}
		else if (ps->s[ps->p] == '\'')
		{
			if (ps->p + 1 < ps->len && ps->s[ps->p + 1] == '\'')
			{
				rv_buf_append_char(&ps->word, '\'');
				ps->p += 2;
			}
			else
			{
				ps->p++;
				break;
			}
		}
		else
			take_char(ps);
	}
	if (ps->word.len == 0)
	{
		syntax_error(ps, start, "Empty quotes at character %u.");
		return -1;
	}
	return finish_term(ps, start, RVQ_EXACT);
}

/*
 * Reads a bare word at ps->p into ps->word; inside "..." only white space,
 * '"' and '*' end it.
 */
static bool
read_word(Parser *ps, bool in_phrase)
{
	ps->word.len = 0;
	while (ps->p < ps->len)
	{
		char		c = ps->s[ps->p];

		if (c == '\\')
		{
			if (!take_escaped(ps))
				return false;
			continue;
		}
		if (space_at(ps, ps->p) || c == '"' || c == '*' ||
			(!in_phrase && is_special(c)))
			break;
		take_char(ps);
	}
	return true;
}

/* "a phrase of words" at ps->p: a chain of distance-1 PHRASEs. */
static int32_t
lex_phrase(Parser *ps)
{
	size_t		start = ps->p;
	RvQChain	chain = {0};
	int32_t		res = -1;

	ps->p++;
	for (;;)
	{
		size_t		wstart;
		int32_t		t;
		int			sl;

		while ((sl = space_at(ps, ps->p)) > 0)
			ps->p += sl;
		if (ps->p >= ps->len)
		{
			syntax_error(ps, start, "Unterminated quoted phrase starting at character %u.");
			goto done;
		}
		if (ps->s[ps->p] == '"')
		{
			ps->p++;
			break;
		}
		wstart = ps->p;
		if (ps->s[ps->p] == '*')
		{
			syntax_error(ps, ps->p, "Unexpected \"*\" at character %u.");
			goto done;
		}
		if (!read_word(ps, true))
			goto done;
		t = finish_term(ps, wstart, 0);
		if (t < 0)
			goto done;
		rvq_chain_push(&chain, t, 1, charpos(ps, wstart));
	}
	if (chain.n == 0)
		syntax_error(ps, start, "Empty quotes at character %u.");
	else
		res = rvq_add_chain(&ps->b, RVQ_PHRASE, chain.operands, chain.dist,
							chain.offsets, chain.n, ps->err);
done:
	rvq_chain_free(&chain);
	return res;
}

/* Reads the next token into ps->tok*. */
static bool
next_token(Parser *ps)
{
	int			sl;
	char		c;

	while ((sl = space_at(ps, ps->p)) > 0)
		ps->p += sl;
	ps->tok_start = ps->p;
	if (ps->p >= ps->len)
	{
		ps->tok = TOK_END;
		ps->tok_end = ps->p;
		return true;
	}
	c = ps->s[ps->p];
	switch (c)
	{
		case '&':
			ps->tok = TOK_AND;
			ps->p++;
			break;
		case '|':
			ps->tok = TOK_OR;
			ps->p++;
			break;
		case '!':
			ps->tok = TOK_NOT;
			ps->p++;
			break;
		case '(':
			ps->tok = TOK_LPAREN;
			ps->p++;
			break;
		case ')':
			ps->tok = TOK_RPAREN;
			ps->p++;
			break;
		case '*':
			return syntax_error(ps, ps->p, "Unexpected \"*\" at character %u.");
		case '<':
			{
				size_t		q = ps->p + 1;
				uint32_t	d = 0;

				if (q + 1 < ps->len && ps->s[q] == '-' && ps->s[q + 1] == '>')
				{
					d = 1;
					q += 2;
				}
				else
				{
					size_t		digits = q;

					while (q < ps->len && ps->s[q] >= '0' && ps->s[q] <= '9')
					{
						if (d <= RVQ_MAX_DISTANCE)
							d = d * 10 + (uint32_t) (ps->s[q] - '0');
						q++;
					}
					if (q == digits || q >= ps->len || ps->s[q] != '>')
						return syntax_error(ps, ps->p,
											"Malformed phrase operator at character %u.");
					q++;
					if (d < 1 || d > RVQ_MAX_DISTANCE)
					{
						uint32_t	pos = charpos(ps, ps->p);

						rv_error_set(ps->err, RV_ERR_SYNTAX, 0, pos,
									 "Phrase distance at character %u must be between 1 and %d.",
									 pos, RVQ_MAX_DISTANCE);
						return false;
					}
				}
				ps->tok = TOK_PHRASE;
				ps->tok_distance = (uint16_t) d;
				ps->p = q;
				break;
			}
		case '\'':
			ps->tok = TOK_OPERAND;
			ps->tok_node = lex_exact(ps);
			if (ps->tok_node < 0)
				return false;
			break;
		case '"':
			ps->tok = TOK_OPERAND;
			ps->tok_node = lex_phrase(ps);
			if (ps->tok_node < 0)
				return false;
			break;
		default:
			ps->tok = TOK_OPERAND;
			if (!read_word(ps, false))
				return false;
			ps->tok_node = finish_term(ps, ps->tok_start, 0);
			if (ps->tok_node < 0)
				return false;
			break;
	}
	ps->tok_end = ps->p;
	return true;
}

static bool
unexpected(Parser *ps)
{
	uint32_t	pos;

	if (ps->tok == TOK_END)
		return end_error(ps);
	pos = charpos(ps, ps->tok_start);
	rv_error_set(ps->err, RV_ERR_SYNTAX, 0, pos,
				 "Unexpected \"%.*s\" at character %u.",
				 (int) (ps->tok_end - ps->tok_start), ps->s + ps->tok_start, pos);
	return false;
}

static int32_t parse_or(Parser *ps, int depth);

static int32_t
too_deep(Parser *ps)
{
	uint32_t	pos = charpos(ps, ps->tok_start);

	rv_error_set(ps->err, RV_ERR_LIMIT, 0, pos,
				 "Query nests parentheses and ! more than %d levels deep at character %u.",
				 RVQ_MAX_DEPTH, pos);
	return -1;
}

/* unary := '!' unary | operand | '(' or ')' */
static int32_t
parse_unary(Parser *ps, int depth)
{
	int32_t		n;
	uint32_t	pos;
	size_t		open;

	switch (ps->tok)
	{
		case TOK_NOT:
			if (depth >= RVQ_MAX_DEPTH)
				return too_deep(ps);
			pos = charpos(ps, ps->tok_start);
			if (!next_token(ps))
				return -1;
			n = parse_unary(ps, depth + 1);
			if (n < 0)
				return -1;
			return rvq_add_op(&ps->b, RVQ_NOT, n, -1, 0, pos, ps->err);
		case TOK_OPERAND:
			n = ps->tok_node;
			if (!next_token(ps))
				return -1;
			return n;
		case TOK_LPAREN:
			if (depth >= RVQ_MAX_DEPTH)
				return too_deep(ps);
			open = ps->tok_start;
			if (!next_token(ps))
				return -1;
			n = parse_or(ps, depth + 1);
			if (n < 0)
				return -1;
			if (ps->tok != TOK_RPAREN)
			{
				/* parse_or stops only at ")" or the end */
				syntax_error(ps, open, "Missing \")\" for \"(\" at character %u.");
				return -1;
			}
			if (!next_token(ps))
				return -1;
			return n;
		default:
			unexpected(ps);
			return -1;
	}
}

static bool
phrase_operand_ok(Parser *ps, int32_t n, size_t start)
{
	uint8_t		op = ps->b.nodes[n].op;

	if (op == RVQ_TERM || op == RVQ_PHRASE)
		return true;
	return syntax_error(ps, start,
						"Phrase operand at character %u is not a word or a phrase.");
}

/*
 * phrase := unary (('<->' | '<N>') unary)*
 * and := phrase (('&')? phrase)* -- adjacent operands are ANDed
 * or := and ('|' and)*
 * Each collects its operands in a list and joins them as a balanced tree
 * (rvq_add_chain), so a flat chain costs no nesting depth.
 */
static int32_t
parse_phrase(Parser *ps, int depth)
{
	size_t		start = ps->tok_start;
	int32_t		left = parse_unary(ps, depth);
	RvQChain	chain = {0};
	int32_t		res = -1;

	if (left < 0)
		return -1;
	if (ps->tok != TOK_PHRASE)
		return left;
	rvq_chain_push(&chain, left, 0, 0);
	while (ps->tok == TOK_PHRASE)
	{
		uint16_t	d = ps->tok_distance;
		uint32_t	pos = charpos(ps, ps->tok_start);
		size_t		rstart;
		int32_t		right;

		if ((chain.n == 1 && !phrase_operand_ok(ps, left, start)) ||
			!next_token(ps))
			goto done;
		rstart = ps->tok_start;
		right = parse_unary(ps, depth);
		if (right < 0 || !phrase_operand_ok(ps, right, rstart))
			goto done;
		rvq_chain_push(&chain, right, d, pos);
	}
	res = rvq_add_chain(&ps->b, RVQ_PHRASE, chain.operands, chain.dist,
						chain.offsets, chain.n, ps->err);
done:
	rvq_chain_free(&chain);
	return res;
}

static int32_t
parse_and(Parser *ps, int depth)
{
	int32_t		left = parse_phrase(ps, depth);
	RvQChain	chain = {0};
	int32_t		res = -1;

	if (left < 0)
		return -1;
	rvq_chain_push(&chain, left, 0, 0);
	for (;;)
	{
		uint32_t	pos;
		int32_t		right;

		if (ps->tok == TOK_AND)
		{
			pos = charpos(ps, ps->tok_start);
			if (!next_token(ps))
				goto done;
		}
		else if (ps->tok == TOK_OPERAND || ps->tok == TOK_NOT ||
				 ps->tok == TOK_LPAREN)
			pos = charpos(ps, ps->tok_start);
		else
			break;
		right = parse_phrase(ps, depth);
		if (right < 0)
			goto done;
		rvq_chain_push(&chain, right, 0, pos);
	}
	res = rvq_add_chain(&ps->b, RVQ_AND, chain.operands, NULL, chain.offsets,
						chain.n, ps->err);
done:
	rvq_chain_free(&chain);
	return res;
}

static int32_t
parse_or(Parser *ps, int depth)
{
	int32_t		left = parse_and(ps, depth);
	RvQChain	chain = {0};
	int32_t		res = -1;

	if (left < 0)
		return -1;
	rvq_chain_push(&chain, left, 0, 0);
	while (ps->tok == TOK_OR)
	{
		uint32_t	pos = charpos(ps, ps->tok_start);
		int32_t		right;

		if (!next_token(ps))
			goto done;
		right = parse_and(ps, depth);
		if (right < 0)
			goto done;
		rvq_chain_push(&chain, right, 0, pos);
	}
	res = rvq_add_chain(&ps->b, RVQ_OR, chain.operands, NULL, chain.offsets,
						chain.n, ps->err);
done:
	rvq_chain_free(&chain);
	return res;
}

RvQuery *
rv_query_parse(const char *s, size_t len, RvError *err)
{
	Parser		ps;
	size_t		bad;
	int32_t		root = -1;
	RvQuery    *q = NULL;

	if (!rv_utf8_valid(s, len, &bad))
	{
		int64_t		pos = rv_utf8_count(s, bad) + 1;

		rv_error_set(err, RV_ERR_ENCODING, 0, pos,
					 "Invalid UTF-8 or NUL byte at character %lld.",
					 (long long) pos);
		return NULL;
	}
	if (len > RV_MAX_VALUE_SIZE)
	{
		rv_error_set(err, RV_ERR_LIMIT, 0, 0, "Query text is too long.");
		return NULL;
	}
	memset(&ps, 0, sizeof(ps));
	ps.s = s;
	ps.len = len;
	ps.err = err;
	rvq_builder_init(&ps.b);
	rv_buf_init(&ps.word, 64);

	if (next_token(&ps))
	{
		if (ps.tok == TOK_END)
			q = rvq_finish(&ps.b, -1, err);
		else
		{
			root = parse_or(&ps, 0);
			if (root >= 0)
			{
				if (ps.tok != TOK_END)
					unexpected(&ps);	/* a stray ")" */
				else
					q = rvq_finish(&ps.b, root, err);
			}
		}
	}
	rv_free(ps.word.data);
	rvq_builder_free(&ps.b);
	return q;
}
