/*
 * test_query.c
 *	  reviewquery core: parsing, syntax errors, canonical output,
 *	  normalization, the binary form and evaluation.
 */
#include <stdlib.h>

#include "rv_test.h"
#include "rv_query.h"

/* ---------- helpers ---------- */

static char outbuf[8192];

/* Canonical output of s, or "ERROR" (error in *err). */
static const char *
qout_err(const char *s, RvError *err)
{
	RvQuery    *q = rv_query_parse(s, strlen(s), err);
	RvBuf		b;

	if (q == NULL)
		return "ERROR";
	rv_buf_init(&b, 64);
	rv_query_out(q, &b);
	snprintf(outbuf, sizeof(outbuf), "%.*s", (int) b.len, b.data);
	rv_free(b.data);
	rv_query_free(q);
	return outbuf;
}

static const char *
qout(const char *s)
{
	RvError		err = {0};

	return qout_err(s, &err);
}

/* Error code and offset of parsing s (RV_OK, 0 if it parses). */
static RvError
qerr(const char *s)
{
	RvError		err = {0};
	RvQuery    *q = rv_query_parse(s, strlen(s), &err);

	if (q)
	{
		rv_query_free(q);
		err.code = RV_OK;
		err.offset = 0;
	}
	return err;
}

#define CHECK_SYNTAX(s, off) \
	do { RvError _e = qerr(s); CHECK_EQ_INT(_e.code, RV_ERR_SYNTAX); CHECK_EQ_INT(_e.offset, off); } while (0)

/*
 * A toy normalizer: lowercases ASCII, drops stop words, splits on '-' into
 * several lexemes (stop words inside still count as positions).
 */
static const char *stopwords[] = {"the", "of", "a", "and", NULL};

static char lexbuf[16][64];
static const char *lexptr[16];
static uint32_t lexlen[16];
static uint32_t lexpos[16];
static int	norm_calls;

static bool
is_stop(const char *w, size_t n)
{
	for (int i = 0; stopwords[i]; i++)
		if (strlen(stopwords[i]) == n && memcmp(stopwords[i], w, n) == 0)
			return true;
	return false;
}

static bool
toy_normalize(void *arg, const RvQItem *term, RvQLexemes *out, RvError *err)
{
	uint32_t	n = 0,
				word = 0;
	uint32_t	i = 0;

	norm_calls++;
	if (term->len == 4 && memcmp(term->text, "FAIL", 4) == 0)
	{
		rv_error_set(err, RV_ERR_INTERNAL, 0, 0, "Normalizer failed.");
		return false;
	}
	while (i < term->len && n < 16)
	{
		uint32_t	j = i,
					len = 0;

		while (j < term->len && term->text[j] != '-')
		{
			char		c = term->text[j++];

			if (len < 63)
				lexbuf[n][len++] = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
		}
		if (len > 0 && !is_stop(lexbuf[n], len))
		{
			lexptr[n] = lexbuf[n];
			lexlen[n] = len;
			lexpos[n] = word;
			n++;
		}
		word++;
		i = j + 1;
	}
	out->lex = lexptr;
	out->len = lexlen;
	out->pos = lexpos;
	out->n = n;
	return true;
}

/* Identity normalizer (every term one lexeme, pos NULL). */
static bool
id_normalize(void *arg, const RvQItem *term, RvQLexemes *out, RvError *err)
{
	lexptr[0] = term->text;
	lexlen[0] = term->len;
	out->lex = lexptr;
	out->len = lexlen;
	out->pos = NULL;
	out->n = 1;
	return true;
}

/* Parse, normalize with fn, output; "ERROR" on failure. */
static const char *
nout(const char *s, RvQNormalizeFn fn)
{
	RvError		err = {0};
	RvQuery    *q = rv_query_parse(s, strlen(s), &err);
	RvQuery    *n;
	RvBuf		b;

	if (q == NULL)
		return "ERROR";
	n = rv_query_normalize(q, fn, NULL, &err);
	rv_query_free(q);
	if (n == NULL)
		return "ERROR";
	rv_buf_init(&b, 64);
	rv_query_out(n, &b);
	snprintf(outbuf, sizeof(outbuf), "%.*s", (int) b.len, b.data);
	rv_free(b.data);
	rv_query_free(n);
	return outbuf;
}

static char *
serialize(const RvQuery *q, size_t *len)
{
	char	   *d;

	*len = rv_query_serialized_size(q);
	d = malloc(*len);
	rv_query_serialize(q, d);
	return d;
}

/* A document: words at positions 1, 2, ...; terms match equal words. */
typedef struct Doc
{
	const char *words[64];
	int			n;
	uint32_t	pos[64];
} Doc;

static int64_t
doc_positions(void *arg, const RvQItem *term, const uint32_t **pos)
{
	Doc		   *d = arg;
	int64_t		n = 0;

	for (int i = 0; i < d->n; i++)
	{
		size_t		wl = strlen(d->words[i]);

		if ((term->flags & RVQ_PREFIX) ? (wl >= term->len && memcmp(d->words[i], term->text, term->len) == 0)
			: (wl == term->len && memcmp(d->words[i], term->text, wl) == 0))
			d->pos[n++] = (uint32_t) (i + 1);
	}
	*pos = d->pos;
	return n;
}

/* Does the space-separated document text match query s? */
static int
qmatch(const char *s, const char *text)
{
	static char tbuf[1024];
	Doc			d;
	RvError		err = {0};
	RvQuery    *q = rv_query_parse(s, strlen(s), &err);
	char	   *save = NULL;
	bool		res;

	if (q == NULL)
		return -1;
	snprintf(tbuf, sizeof(tbuf), "%s", text);
	d.n = 0;
	for (char *w = strtok_r(tbuf, " ", &save); w && d.n < 64; w = strtok_r(NULL, " ", &save))
		d.words[d.n++] = w;
	res = rv_query_match(q, doc_positions, &d);
	rv_query_free(q);
	return res;
}

/* ---------- parsing and canonical output ---------- */

RV_TEST(query_parse_basic)
{
	CHECK_EQ_STR(qout("class"), "'class'");
	CHECK_EQ_STR(qout("class & (wealth | money) & !love"),
				 "'class' & ( 'wealth' | 'money' ) & !'love'");
	CHECK_EQ_STR(qout("happi*"), "'happi'*");
	CHECK_EQ_STR(qout("'happi'*"), "'happi'*");
	CHECK_EQ_STR(qout("final <-> scene"), "'final' <-> 'scene'");
	CHECK_EQ_STR(qout("end <3> film"), "'end' <3> 'film'");
	CHECK_EQ_STR(qout("end <1> film"), "'end' <-> 'film'");
	CHECK_EQ_STR(qout("\"the final scene\""), "'the' <-> 'final' <-> 'scene'");
	CHECK_EQ_STR(qout("\"one\""), "'one'");
	CHECK_EQ_STR(qout("don't"), "'don''t'");
	CHECK_EQ_STR(qout("'it''s'"), "'it''s'");
	CHECK_EQ_STR(qout("a\\&b"), "'a&b'");
	CHECK_EQ_STR(qout("'a\\'b'"), "'a''b'");
	CHECK_EQ_STR(qout("back\\\\slash"), "'back\\\\slash'");
	CHECK_EQ_STR(qout("'with space'"), "'with space'");
	CHECK_EQ_STR(qout("映画 & 監督"), "'映画' & '監督'");
	CHECK_EQ_STR(qout("映画\u3000監督"), "'映画' & '監督'");
	CHECK_EQ_STR(qout("well-made"), "'well-made'");
	CHECK_EQ_STR(qout("\"wo* scene\""), "'wo'* <-> 'scene'");
}

RV_TEST(query_parse_empty)
{
	RvError		err = {0};
	RvQuery    *q = rv_query_parse("", 0, &err);

	CHECK(q != NULL);
	CHECK_EQ_INT(q->nitems, 0);
	rv_query_free(q);
	q = rv_query_parse(" \t\n ", 4, &err);
	CHECK(q != NULL);
	CHECK_EQ_INT(q->nitems, 0);
	CHECK_EQ_STR(qout("   "), "");
	rv_query_free(q);
}

RV_TEST(query_parse_items_prefix_order)
{
	RvError		err = {0};
	RvQuery    *q = rv_query_parse("a & !b | c", 10, &err);

	CHECK(q != NULL);
	CHECK_EQ_INT(q->nitems, 6);
	CHECK_EQ_INT(q->items[0].op, RVQ_OR);
	CHECK_EQ_INT(q->items[1].op, RVQ_AND);
	CHECK_EQ_INT(q->items[2].op, RVQ_TERM);
	CHECK_EQ_MEM(q->items[2].text, q->items[2].len, "a");
	CHECK_EQ_INT(q->items[2].offset, 1);
	CHECK_EQ_INT(q->items[2].flags, 0);
	CHECK_EQ_INT(q->items[3].op, RVQ_NOT);
	CHECK_EQ_INT(q->items[3].offset, 5);
	CHECK_EQ_INT(q->items[4].op, RVQ_TERM);
	CHECK_EQ_INT(q->items[5].op, RVQ_TERM);
	CHECK_EQ_INT(q->items[5].offset, 10);
	CHECK_EQ_INT(rv_query_nterms(q), 3);
	rv_query_free(q);

	q = rv_query_parse("'x'* y*", 7, &err);
	CHECK(q != NULL);
	CHECK_EQ_INT(q->items[1].flags, RVQ_EXACT | RVQ_PREFIX);
	CHECK_EQ_INT(q->items[2].flags, RVQ_PREFIX);
	CHECK_EQ_INT(q->items[2].offset, 6);
	rv_query_free(q);
}

RV_TEST(query_precedence_and_implicit_and)
{
	CHECK_EQ_STR(qout("class struggle"), "'class' & 'struggle'");
	CHECK_EQ_STR(qout("a b | c d"), "'a' & 'b' | 'c' & 'd'");
	CHECK_EQ_STR(qout("a & (b | c)"), "'a' & ( 'b' | 'c' )");
	CHECK_EQ_STR(qout("(a | b) c"), "( 'a' | 'b' ) & 'c'");
	/* AND, OR and phrases are associative: a same-operator group needs no ( ) */
	CHECK_EQ_STR(qout("a | (b | c)"), "'a' | 'b' | 'c'");
	CHECK_EQ_STR(qout("(a | b) | c"), "'a' | 'b' | 'c'");
	CHECK_EQ_STR(qout("((a))"), "'a'");
	CHECK_EQ_STR(qout("a <-> b & c"), "'a' <-> 'b' & 'c'");
	CHECK_EQ_STR(qout("a & b <-> c"), "'a' & 'b' <-> 'c'");
	CHECK_EQ_STR(qout("a <-> (b <-> c)"), "'a' <-> 'b' <-> 'c'");
	CHECK_EQ_STR(qout("a & (b & c) & (d | e)"), "'a' & 'b' & 'c' & ( 'd' | 'e' )");
	CHECK_EQ_STR(qout("!a b"), "!'a' & 'b'");
	CHECK_EQ_STR(qout("!(a b)"), "!( 'a' & 'b' )");
	CHECK_EQ_STR(qout("!!a"), "!!'a'");
	CHECK_EQ_STR(qout("!(a <-> b)"), "!( 'a' <-> 'b' )");
	CHECK_EQ_STR(qout("a !b"), "'a' & !'b'");
	CHECK_EQ_STR(qout("a\"b c\"(d)"), "'a' & 'b' <-> 'c' & 'd'");
	CHECK_EQ_STR(qout("a<->b<2>c"), "'a' <-> 'b' <2> 'c'");
	CHECK_EQ_STR(qout("\"a b\" <-> c"), "'a' <-> 'b' <-> 'c'");
	CHECK_EQ_STR(qout("a <-> \"b c\""), "'a' <-> 'b' <-> 'c'");
}

RV_TEST(query_syntax_errors)
{
	RvError		e;

	CHECK_SYNTAX("a & )", 5);
	CHECK_SYNTAX("a)", 2);
	CHECK_SYNTAX("(a", 1);
	CHECK_SYNTAX("((a) & (b)", 1);
	CHECK_SYNTAX("()", 2);
	CHECK_SYNTAX("& a", 1);
	CHECK_SYNTAX("a &", 4);			/* end of input */
	CHECK_SYNTAX("a & | b", 5);
	CHECK_SYNTAX("a |", 4);
	CHECK_SYNTAX("!", 2);
	CHECK_SYNTAX("a <-> ", 7);
	CHECK_SYNTAX("<-> a", 1);
	CHECK_SYNTAX("'abc", 1);
	CHECK_SYNTAX("x 'a''", 3);
	CHECK_SYNTAX("x \"a b", 3);
	CHECK_SYNTAX("a <0> b", 3);
	CHECK_SYNTAX("a <16385> b", 3);
	CHECK_SYNTAX("a <99999999999999999999> b", 3);
	CHECK_SYNTAX("a <x> b", 3);
	CHECK_SYNTAX("a <3 b", 3);
	CHECK_SYNTAX("a <- b", 3);
	CHECK_SYNTAX("a < b", 3);
	CHECK_SYNTAX("*", 1);
	CHECK_SYNTAX("a**", 3);
	CHECK_SYNTAX("'a'**", 5);
	CHECK_SYNTAX("a *", 3);
	CHECK_SYNTAX("\"a\"*", 4);
	CHECK_SYNTAX("(a)*", 4);
	CHECK_SYNTAX("a ''", 3);
	CHECK_SYNTAX("a \"\"", 3);
	CHECK_SYNTAX("a \" \t \"", 3);
	CHECK_SYNTAX("\"*\"", 2);
	CHECK_SYNTAX("a\\", 3);
	CHECK_SYNTAX("'a\\", 4);
	CHECK_SYNTAX("!a <-> b", 1);
	CHECK_SYNTAX("a <-> !b", 7);
	CHECK_SYNTAX("(a & b) <-> c", 1);
	CHECK_SYNTAX("a <-> (b | c)", 7);
	CHECK_SYNTAX("a <-> b <-> (c & d)", 13);
	/* offsets count characters, not bytes */
	CHECK_SYNTAX("映画 & )", 6);
	CHECK_SYNTAX("映画 &", 5);
	CHECK_SYNTAX("'映画", 1);
	CHECK_SYNTAX("映画 <0> 監督", 4);
	CHECK_SYNTAX("é \"ü", 3);

	e = qerr("映画 & )");
	CHECK_EQ_STR(e.detail, "Unexpected \")\" at character 6.");
	e = qerr("a &");
	CHECK_EQ_STR(e.detail, "Unexpected end of input.");
	e = qerr("(a");
	CHECK_EQ_STR(e.detail, "Missing \")\" for \"(\" at character 1.");
	e = qerr("a <0> b");
	CHECK_EQ_STR(e.detail, "Phrase distance at character 3 must be between 1 and 16384.");
	e = qerr("a <-> | b");
	CHECK_EQ_STR(e.detail, "Unexpected \"|\" at character 7.");
	e = qerr("a b <-> <2> c");
	CHECK_EQ_STR(e.detail, "Unexpected \"<2>\" at character 9.");
	e = qerr("x 'abc");
	CHECK_EQ_STR(e.detail, "Unterminated quoted term starting at character 3.");
	e = qerr("!a <-> b");
	CHECK_EQ_STR(e.detail, "Phrase operand at character 1 is not a word or a phrase.");
}

RV_TEST(query_encoding_and_limits)
{
	RvError		err = {0};
	RvQuery    *q;
	char	   *big;
	size_t		n;

	q = rv_query_parse("ab\xC3", 3, &err);
	CHECK(q == NULL);
	CHECK_EQ_INT(err.code, RV_ERR_ENCODING);
	CHECK_EQ_INT(err.offset, 3);
	q = rv_query_parse("a\0b", 3, &err);
	CHECK(q == NULL);
	CHECK_EQ_INT(err.code, RV_ERR_ENCODING);

	/* nesting */
	big = malloc(100000);
	n = 0;
	for (int i = 0; i < 300; i++)
		big[n++] = '(';
	big[n++] = 'a';
	for (int i = 0; i < 300; i++)
		big[n++] = ')';
	q = rv_query_parse(big, n, &err);
	CHECK(q == NULL);
	CHECK_EQ_INT(err.code, RV_ERR_LIMIT);
	CHECK_EQ_INT(err.offset, RVQ_MAX_DEPTH + 1);
	n = 0;
	for (int i = 0; i < 50000; i++)
		big[n++] = '!';
	big[n++] = 'a';
	q = rv_query_parse(big, n, &err);
	CHECK(q == NULL);
	CHECK_EQ_INT(err.code, RV_ERR_LIMIT);
	/* 255 levels are fine */
	n = 0;
	for (int i = 0; i < 255; i++)
		big[n++] = '(';
	big[n++] = 'a';
	for (int i = 0; i < 255; i++)
		big[n++] = ')';
	q = rv_query_parse(big, n, &err);
	CHECK(q != NULL);
	CHECK_EQ_INT(q->nitems, 1);
	rv_query_free(q);

	/* flat chains of any operator: only the item limit bounds them */
	for (int op = 0; op < 4; op++)
	{
		static const char *const sep[] = {" | ", " & ", " ", " <-> "};
		RvQuery    *nq;

		n = 0;
		if (op == 3)
			big[n++] = '"';
		for (int i = 0; i < 8000; i++)
		{
			if (i > 0)
			{
				const char *sp = op == 3 ? " " : sep[op];

				memcpy(big + n, sp, strlen(sp));
				n += strlen(sp);
			}
			n += (size_t) snprintf(big + n, 16, "w%d", i);
		}
		if (op == 3)
			big[n++] = '"';
		q = rv_query_parse(big, n, &err);
		CHECK(q != NULL);
		CHECK_EQ_INT(q->nitems, 15999);
		nq = rv_query_normalize(q, id_normalize, NULL, &err);
		CHECK(nq != NULL);
		CHECK_EQ_INT(nq->nitems, 15999);
		rv_query_free(nq);
		rv_query_free(q);
	}
	/* w0 | ... | w8200: 16401 items, over the item limit, not "too deep" */
	n = 0;
	for (int i = 0; i <= 8200; i++)
		n += (size_t) snprintf(big + n, 16, i ? " | w%d" : "w%d", i);
	q = rv_query_parse(big, n, &err);
	CHECK(q == NULL);
	CHECK_EQ_INT(err.code, RV_ERR_LIMIT);
	CHECK_EQ_STR(err.detail, "Query has more than 16384 items.");

	/* long implicit AND chains */
	n = 0;
	for (int i = 0; i < 1000; i++)
	{
		big[n++] = 'w';
		big[n++] = ' ';
	}
	q = rv_query_parse(big, n, &err);
	CHECK(q != NULL);
	CHECK_EQ_INT(q->nitems, 1999);
	rv_query_free(q);
	n = 0;
	for (int i = 0; i < 20000; i++)
	{
		big[n++] = 'w';
		big[n++] = ' ';
	}
	q = rv_query_parse(big, n, &err);
	CHECK(q == NULL);
	CHECK_EQ_INT(err.code, RV_ERR_LIMIT);

	/* term length */
	memset(big, 'x', RVQ_MAX_TERM_LEN);
	q = rv_query_parse(big, RVQ_MAX_TERM_LEN, &err);
	CHECK(q != NULL);
	CHECK_EQ_INT(q->items[0].len, RVQ_MAX_TERM_LEN);
	rv_query_free(q);
	big[0] = '(';
	memset(big + 1, 'x', RVQ_MAX_TERM_LEN + 1);
	q = rv_query_parse(big, RVQ_MAX_TERM_LEN + 2, &err);
	CHECK(q == NULL);
	CHECK_EQ_INT(err.code, RV_ERR_LIMIT);
	CHECK_EQ_INT(err.offset, 2);
	free(big);
}

/* A normalizer that turns every term into the lexeme "\x01" + term. */
static bool
marking_normalize(void *arg, const RvQItem *term, RvQLexemes *out, RvError *err)
{
	static char mbuf[64];
	static const char *mlex[1];
	static uint32_t mlen[1];

	mbuf[0] = '\x01';
	memcpy(mbuf + 1, term->text, term->len < 60 ? term->len : 60);
	mlex[0] = mbuf;
	mlen[0] = 1 + (term->len < 60 ? term->len : 60);
	out->lex = mlex;
	out->len = mlen;
	out->pos = NULL;
	out->n = 1;
	return true;
}

RV_TEST(query_normalize_refuses_control_lexemes)
{
	RvError		err = {0};
	RvQuery    *raw = rv_query_parse("captain", 7, &err);
	RvQuery    *q;

	CHECK(raw != NULL);
	q = rv_query_normalize(raw, marking_normalize, NULL, &err);
	CHECK(q == NULL);
	CHECK(strstr(err.detail, "control character U+0001") != NULL);
	rv_query_free(raw);
}

/* No term may hold a control character: such a term could reach hidden-only GIN keys. */
RV_TEST(query_terms_without_control_characters)
{
	RvError		err = {0};
	size_t		bad;
	uint32_t	cp;
	char		buf[64];

	CHECK(rv_term_valid("captain", 7, &bad, &cp));
	CHECK(rv_term_valid("caf\xC3\xA9 \xC2\xA0x", 9, &bad, &cp));	/* U+00A0 is no control */
	CHECK(!rv_term_valid("\x01" "captain", 8, &bad, &cp));
	CHECK_EQ_INT(bad, 0);
	CHECK_EQ_INT(cp, 1);
	CHECK(!rv_term_valid("ab\x7F", 3, &bad, &cp));
	CHECK_EQ_INT(bad, 2);
	CHECK_EQ_INT(cp, 0x7F);
	CHECK(!rv_term_valid("\xC3\xA9\xC2\x9F", 4, &bad, &cp));	/* C1 U+009F */
	CHECK_EQ_INT(bad, 2);
	CHECK_EQ_INT(cp, 0x9F);

	for (int c = 1; c < 0x20; c++)
	{
		/* quoted, quoted prefix, escaped in a bare word: always refused */
		const char *forms[] = {"'%ccaptain'", "'%ccapt'*", "'cap%ctain'", "\\%ccaptain",
		"x | '%cx'", "\"the \\%ccaptain\""};

		for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++)
		{
			RvQuery    *q;

			snprintf(buf, sizeof(buf), forms[f], c);
			q = rv_query_parse(buf, strlen(buf), &err);
			CHECK(q == NULL);
			CHECK_EQ_INT(err.code, RV_ERR_SYNTAX);
			CHECK(strstr(err.detail, "control character") != NULL);
		}
		/* bare: a syntax error too, unless white space, which separates words */
		snprintf(buf, sizeof(buf), "cap%ctain", c);
		{
			RvQuery    *q = rv_query_parse(buf, strlen(buf), &err);

			if (c >= 0x09 && c <= 0x0D)
			{
				CHECK(q != NULL);
				CHECK_EQ_INT(q->nitems, 3);
				rv_query_free(q);
			}
			else
				CHECK(q == NULL);
		}
	}
	CHECK_EQ_STR(qout("'a\x1f' & b"), "ERROR");
	CHECK_EQ_INT(qerr("x '\x01y'").offset, 3);
	CHECK_EQ_STR(qerr("x '\x01y'").detail,
				 "Term at character 3 contains the control character U+0001; terms cannot contain control characters.");
	CHECK_EQ_STR(qout("'x\xC2\x85y'"), "ERROR");	/* C1 inside quotes */
	CHECK_EQ_STR(qout("x\xC2\x85y"), "'x' & 'y'");	/* NEL outside quotes: white space */

	/* binary: one exact term "\x01x" */
	{
		const unsigned char ctl[] = {1, 1, 0, 0, 0, 1, 2, 0, 0, 2, 0, 0, 0, 0x01, 'x'};
		const unsigned char ok[] = {1, 1, 0, 0, 0, 1, 2, 0, 0, 2, 0, 0, 0, 'y', 'x'};
		RvQuery    *q;

		CHECK(rv_query_deserialize((const char *) ctl, sizeof(ctl), &err) == NULL);
		CHECK_EQ_INT(err.code, RV_ERR_BINARY);
		CHECK(strstr(err.detail, "U+0001") != NULL);
		q = rv_query_deserialize((const char *) ok, sizeof(ok), &err);
		CHECK(q != NULL);
		rv_query_free(q);
	}
}

/* ---------- normalization ---------- */

RV_TEST(query_normalize_stop_words)
{
	CHECK_EQ_STR(nout("The & Film", toy_normalize), "'film'");
	CHECK_EQ_STR(nout("the | film", toy_normalize), "'film'");
	CHECK_EQ_STR(nout("!the", toy_normalize), "");
	CHECK_EQ_STR(nout("the & (of | a)", toy_normalize), "");
	CHECK_EQ_STR(nout("film & !the", toy_normalize), "'film'");
	CHECK_EQ_STR(nout("(the | end) & !(a & of)", toy_normalize), "'end'");
	CHECK_EQ_STR(nout("end & !(of | film)", toy_normalize), "'end' & !'film'");
	CHECK_EQ_STR(nout("\"end of the film\"", toy_normalize), "'end' <3> 'film'");
	CHECK_EQ_STR(nout("\"the end\"", toy_normalize), "'end'");
	CHECK_EQ_STR(nout("\"the of\"", toy_normalize), "");
	CHECK_EQ_STR(nout("end <-> the <-> film", toy_normalize), "'end' <2> 'film'");
	CHECK_EQ_STR(nout("end <-> (the <2> film)", toy_normalize), "'end' <3> 'film'");
	CHECK_EQ_STR(nout("(end <-> the) <2> film", toy_normalize), "'end' <3> 'film'");
	CHECK_EQ_STR(nout("a <-> b <-> c", toy_normalize), "'b' <-> 'c'");
	CHECK_EQ_STR(nout("Class Struggle", toy_normalize), "'class' & 'struggle'");
	CHECK_EQ_STR(nout("HAPPI*", toy_normalize), "'happi'*");
	/* exact terms are not normalized, even stop words */
	norm_calls = 0;
	CHECK_EQ_STR(nout("'The' & film", toy_normalize), "'The' & 'film'");
	CHECK_EQ_INT(norm_calls, 1);
	CHECK_EQ_STR(nout("\"end of\" <-> 'The'", toy_normalize), "'end' <2> 'The'");
}

RV_TEST(query_normalize_multi_lexeme)
{
	CHECK_EQ_STR(nout("well-made", toy_normalize), "'well' <-> 'made'");
	CHECK_EQ_STR(nout("state-of-the-art", toy_normalize), "'state' <3> 'art'");
	CHECK_EQ_STR(nout("state-of-the-art*", toy_normalize), "'state' <3> 'art'*");
	CHECK_EQ_STR(nout("well-ma* | x", toy_normalize), "'well' <-> 'ma'* | 'x'");
	CHECK_EQ_STR(nout("!well-made", toy_normalize), "!( 'well' <-> 'made' )");
	CHECK_EQ_STR(nout("\"a well-made film\"", toy_normalize),
				 "'well' <-> 'made' <-> 'film'");
	/* a vanished trailing word of a compound does not count: "x-the" ends at x */
	CHECK_EQ_STR(nout("\"x-the film\"", toy_normalize), "'x' <-> 'film'");
	CHECK_EQ_STR(nout("x-y <2> z-w", toy_normalize), "'x' <-> 'y' <2> 'z' <-> 'w'");
}

RV_TEST(query_normalize_result)
{
	RvError		err = {0};
	RvQuery    *q = rv_query_parse("Good FAIL", 9, &err);
	RvQuery    *n;

	CHECK(q != NULL);
	n = rv_query_normalize(q, toy_normalize, NULL, &err);
	CHECK(n == NULL);
	CHECK_EQ_INT(err.code, RV_ERR_INTERNAL);
	rv_query_free(q);

	q = rv_query_parse("Good* 'x'", 9, &err);
	n = rv_query_normalize(q, toy_normalize, NULL, &err);
	CHECK(n != NULL);
	CHECK_EQ_INT(n->nitems, 3);
	CHECK_EQ_INT(n->items[1].flags, RVQ_EXACT | RVQ_PREFIX);
	CHECK_EQ_INT(n->items[1].offset, 1);
	CHECK_EQ_INT(n->items[2].flags, RVQ_EXACT);
	rv_query_free(n);
	rv_query_free(q);

	/* distances that add up past the limit */
	q = rv_query_parse("b <16384> the <-> c", 19, &err);
	CHECK(q != NULL);
	n = rv_query_normalize(q, toy_normalize, NULL, &err);
	CHECK(n == NULL);
	CHECK_EQ_INT(err.code, RV_ERR_LIMIT);
	rv_query_free(q);
}

/* ---------- round trips ---------- */

static unsigned rng_state = 12345;

static unsigned
rnd(unsigned n)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return (rng_state >> 16) % n;
}

static const char *words[] = {
	"film", "end", "x", "don't", "'it''s'", "a\\&b", "映画", "'with space'",
	"'back\\\\slash'", "happi*", "'exact'*", "\"one two\"", "\"a b* c\"",
	"é", "'!&|()<>*'", "w\\ x"
};

/* A random query text, parenthesized where the grammar needs it. */
static void
gen(RvBuf *b, int depth, bool phrase_operand)
{
	unsigned	k = depth > 4 ? 0 : rnd(phrase_operand ? 3 : 7);

	switch (k)
	{
		case 0:
			rv_buf_append_str(b, words[rnd(sizeof(words) / sizeof(words[0]))]);
			break;
		case 1:
		case 2:
			rv_buf_append_str(b, "(");
			gen(b, depth + 1, true);
			rv_buf_printf(b, rnd(2) ? " <-> " : " <%u> ", 1 + rnd(20));
			gen(b, depth + 1, true);
			rv_buf_append_str(b, ")");
			break;
		case 3:
			rv_buf_append_str(b, "!");
			gen(b, depth + 1, false);
			break;
		default:
			rv_buf_append_str(b, "(");
			gen(b, depth + 1, false);
			rv_buf_append_str(b, k == 4 ? " & " : k == 5 ? " | " : " ");
			gen(b, depth + 1, false);
			rv_buf_append_str(b, ")");
			break;
	}
}

static bool
same_bytes(const RvQuery *a, const RvQuery *b)
{
	size_t		la,
				lb;
	char	   *da = serialize(a, &la);
	char	   *db = serialize(b, &lb);
	bool		same = la == lb && memcmp(da, db, la) == 0;

	free(da);
	free(db);
	return same;
}

RV_TEST(query_out_parse_round_trip)
{
	int			checked = 0;

	rng_state = 12345;
	for (int iter = 0; iter < 2000; iter++)
	{
		RvBuf		text,
					out;
		RvError		err = {0};
		RvQuery    *q,
				   *n,
				   *r;

		rv_buf_init(&text, 64);
		gen(&text, 0, false);
		q = rv_query_parse(text.data, text.len, &err);
		if (q == NULL)
			fprintf(stderr, "  %s: %s\n", text.data, err.detail);
		CHECK(q != NULL);
		n = rv_query_normalize(q, id_normalize, NULL, &err);
		CHECK(n != NULL);
		/* identity normalization keeps the shape except phrase chains */
		CHECK_EQ_INT(rv_query_nterms(n), rv_query_nterms(q));
		rv_buf_init(&out, 64);
		rv_query_out(n, &out);
		r = rv_query_parse(out.data, out.len, &err);
		CHECK(r != NULL);
		if (!same_bytes(n, r))
			fprintf(stderr, "  %s -> %s\n", text.data, out.data);
		CHECK(same_bytes(n, r));
		checked++;
		rv_query_free(q);
		rv_query_free(n);
		rv_query_free(r);
		rv_free(text.data);
		rv_free(out.data);
	}
	CHECK_EQ_INT(checked, 2000);
}

RV_TEST(query_out_parse_round_trip_exact)
{
	/* all-quoted input (already EXACT) round-trips without normalizing */
	const char *cases[] = {
		"'a' & ( 'b' | 'c' ) & !'d'", "'a' | 'b' & 'c'", "( 'a' | 'b' ) & 'c'",
		"'a' <-> 'b' <2> 'c'", "!( 'a' <-> 'b' ) | 'c'*", "'it''s' & 'x\\\\y'",
		"!!!'a'", "'a' & 'b' & 'c'", "'a' | 'b' | 'c' | 'd' | 'e'", NULL
	};

	for (int i = 0; cases[i]; i++)
		CHECK_EQ_STR(qout(cases[i]), cases[i]);
}

/* ---------- binary form ---------- */

RV_TEST(query_serialize_round_trip)
{
	const char *cases[] = {
		"", "a", "a & (b | !c) & d <-> e", "\"end of the film\" | happi* & '映画'",
		"a <16384> b", NULL
	};

	for (int i = 0; cases[i]; i++)
	{
		RvError		err = {0};
		RvQuery    *q = rv_query_parse(cases[i], strlen(cases[i]), &err);
		RvQuery    *r;
		size_t		len;
		char	   *d;

		CHECK(q != NULL);
		d = serialize(q, &len);
		CHECK_EQ_INT((unsigned char) d[0], 1);
		r = rv_query_deserialize(d, len, &err);
		CHECK(r != NULL);
		CHECK_EQ_INT(r->nitems, q->nitems);
		for (uint32_t k = 0; k < q->nitems; k++)
		{
			CHECK_EQ_INT(r->items[k].op, q->items[k].op);
			CHECK_EQ_INT(r->items[k].flags, q->items[k].flags);
			CHECK_EQ_INT(r->items[k].distance, q->items[k].distance);
			CHECK_EQ_INT(r->items[k].len, q->items[k].len);
			CHECK_EQ_INT(r->items[k].offset, 0);
			if (q->items[k].op == RVQ_TERM)
				CHECK(memcmp(r->items[k].text, q->items[k].text, q->items[k].len) == 0);
		}
		CHECK(same_bytes(q, r));
		rv_query_free(q);
		rv_query_free(r);
		free(d);
	}
}

RV_TEST(query_serialize_layout)
{
	RvError		err = {0};
	RvQuery    *q = rv_query_parse("ab <300> c*", 11, &err);
	size_t		len;
	char	   *d = serialize(q, &len);
	const unsigned char expect[] = {
		1, 3, 0, 0, 0,
		RVQ_PHRASE, 0, 0x2C, 0x01, 0, 0, 0, 0,
		RVQ_TERM, 0, 0, 0, 2, 0, 0, 0,
		RVQ_TERM, RVQ_PREFIX, 0, 0, 1, 0, 0, 0,
		'a', 'b', 'c'
	};

	CHECK_EQ_INT(len, sizeof(expect));
	CHECK(memcmp(d, expect, len) == 0);
	free(d);
	rv_query_free(q);
}

/* Deserializes d[0..len); if accepted, it must re-serialize to the same bytes. */
static int
check_bytes(const char *d, size_t len)
{
	RvError		err = {0};
	RvQuery    *r;
	char	   *copy = malloc(len ? len : 1);	/* exact size: ASan sees overreads */
	int			ok = 1;

	memcpy(copy, d, len);
	r = rv_query_deserialize(copy, len, &err);
	if (r)
	{
		size_t		l2;
		char	   *d2 = serialize(r, &l2);
		RvBuf		b;
		RvQTri		tv[64];
		bool		rc;

		if (l2 != len || memcmp(d2, copy, len) != 0)
			ok = 0;
		/* and every operation on it must be safe */
		rv_buf_init(&b, 16);
		rv_query_out(r, &b);
		rv_free(b.data);
		if (rv_query_nterms(r) <= 64)
		{
			for (int k = 0; k < 64; k++)
				tv[k] = (RvQTri) (k % 3);
			(void) rv_query_eval_tri(r, tv, &rc);
		}
		(void) rv_query_has_positive_term(r);
		free(d2);
		rv_query_free(r);
	}
	else if (err.code != RV_ERR_BINARY && err.code != RV_ERR_LIMIT)
		ok = 0;
	free(copy);
	return ok;
}

/* Serializes q and runs check_bytes on the result. */
static int
check_bytes_query(const RvQuery *q)
{
	size_t		len;
	char	   *d = serialize(q, &len);
	int			ok = check_bytes(d, len);

	free(d);
	return ok;
}

RV_TEST(query_deserialize_rejects_corruption)
{
	const char *src = "(a | !'b''c') & \"end of\" <3> film* & !(x <-> y)";
	RvError		err = {0};
	RvQuery    *q = rv_query_parse(src, strlen(src), &err);
	size_t		len;
	char	   *d;
	int			accepted = 0;
	const unsigned char vals[] = {0, 1, 2, 3, 4, 5, 6, 0x7F, 0x80, 0xFF};

	CHECK(q != NULL);
	d = serialize(q, &len);
	CHECK(check_bytes(d, len));
	/* every truncation is rejected */
	for (size_t l = 0; l < len; l++)
	{
		RvQuery    *r = rv_query_deserialize(d, l, &err);

		CHECK(r == NULL);
		CHECK_EQ_INT(err.code, RV_ERR_BINARY);
	}
	/* trailing garbage too */
	{
		char	   *e = malloc(len + 1);

		memcpy(e, d, len);
		e[len] = 'x';
		CHECK(rv_query_deserialize(e, len + 1, &err) == NULL);
		free(e);
	}
	/* every byte set to various values: never crashes, accepted => canonical */
	for (size_t i = 0; i < len; i++)
	{
		for (size_t v = 0; v < sizeof(vals); v++)
		{
			char		saved = d[i];

			d[i] = (char) vals[v];
			CHECK(check_bytes(d, len));
			{
				RvQuery    *r = rv_query_deserialize(d, len, &err);

				accepted += r != NULL;
				rv_query_free(r);
			}
			d[i] = saved;
		}
		for (int bit = 0; bit < 8; bit++)
		{
			d[i] ^= (char) (1 << bit);
			CHECK(check_bytes(d, len));
			d[i] ^= (char) (1 << bit);
		}
	}
	/* some mutations are legitimately valid (e.g. another term byte) */
	CHECK(accepted > 0);
	free(d);
	rv_query_free(q);
}

RV_TEST(query_deserialize_specific_rejections)
{
	RvError		err = {0};
	/* version, counts, items */
	const unsigned char bad_version[] = {2, 0, 0, 0, 0};
	const unsigned char empty[] = {1, 0, 0, 0, 0};
	const unsigned char two_roots[] = {1, 2, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 'a', 'b'};
	const unsigned char missing[] = {1, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 'a'};
	const unsigned char not_in_phrase[] = {1, 4, 0, 0, 0, 5, 0, 1, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0,
	1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 'a', 'b'};
	const unsigned char phrase_ok[] = {1, 3, 0, 0, 0, 5, 0, 1, 0, 0, 0, 0, 0,
	1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 'a', 'b'};
	const unsigned char dist0[] = {1, 3, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0,
	1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 'a', 'b'};
	const unsigned char nul[] = {1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0};
	const unsigned char badutf8[] = {1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0xC3};
	const unsigned char badflags[] = {1, 1, 0, 0, 0, 1, 4, 0, 0, 1, 0, 0, 0, 'a'};
	const unsigned char emptyterm[] = {1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0};
	const unsigned char huge[] = {1, 0xFF, 0xFF, 0xFF, 0xFF};
	RvQuery    *q;

	CHECK(rv_query_deserialize((const char *) bad_version, 5, &err) == NULL);
	CHECK_EQ_INT(err.code, RV_ERR_BINARY);
	q = rv_query_deserialize((const char *) empty, 5, &err);
	CHECK(q != NULL);
	CHECK_EQ_INT(q->nitems, 0);
	rv_query_free(q);
	CHECK(rv_query_deserialize((const char *) two_roots, sizeof(two_roots), &err) == NULL);
	CHECK(rv_query_deserialize((const char *) missing, sizeof(missing), &err) == NULL);
	CHECK(rv_query_deserialize((const char *) not_in_phrase, sizeof(not_in_phrase), &err) == NULL);
	CHECK_EQ_STR(err.detail, "Binary reviewquery has an invalid phrase operand.");
	q = rv_query_deserialize((const char *) phrase_ok, sizeof(phrase_ok), &err);
	CHECK(q != NULL);
	rv_query_free(q);
	CHECK(rv_query_deserialize((const char *) dist0, sizeof(dist0), &err) == NULL);
	CHECK(rv_query_deserialize((const char *) nul, sizeof(nul), &err) == NULL);
	CHECK(rv_query_deserialize((const char *) badutf8, sizeof(badutf8), &err) == NULL);
	CHECK(rv_query_deserialize((const char *) badflags, sizeof(badflags), &err) == NULL);
	CHECK(rv_query_deserialize((const char *) emptyterm, sizeof(emptyterm), &err) == NULL);
	CHECK(rv_query_deserialize((const char *) huge, sizeof(huge), &err) == NULL);
	CHECK_EQ_INT(err.code, RV_ERR_LIMIT);
}

RV_TEST(query_deserialize_depth_bound)
{
	/* a NOT chain deeper than RVQ_MAX_TREE_DEPTH */
	uint32_t	n = RVQ_MAX_TREE_DEPTH + 5;
	size_t		len = 5 + (size_t) (n + 1) * 8 + 1;
	unsigned char *d = calloc(len, 1);
	RvError		err = {0};

	d[0] = 1;
	d[1] = (unsigned char) ((n + 1) & 0xFF);
	d[2] = (unsigned char) ((n + 1) >> 8);
	for (uint32_t i = 0; i < n; i++)
		d[5 + i * 8] = RVQ_NOT;
	d[5 + n * 8] = RVQ_TERM;
	d[5 + n * 8 + 4] = 1;
	d[len - 1] = 'a';
	CHECK(rv_query_deserialize((const char *) d, len, &err) == NULL);
	CHECK_EQ_INT(err.code, RV_ERR_LIMIT);
	free(d);
}

/* ---------- evaluation ---------- */

RV_TEST(query_match_boolean)
{
	CHECK_EQ_INT(qmatch("film", "a good film"), 1);
	CHECK_EQ_INT(qmatch("movie", "a good film"), 0);
	CHECK_EQ_INT(qmatch("good & film", "a good film"), 1);
	CHECK_EQ_INT(qmatch("good & movie", "a good film"), 0);
	CHECK_EQ_INT(qmatch("bad | film", "a good film"), 1);
	CHECK_EQ_INT(qmatch("!bad", "a good film"), 1);
	CHECK_EQ_INT(qmatch("!good", "a good film"), 0);
	CHECK_EQ_INT(qmatch("film & !(bad | awful)", "a good film"), 1);
	CHECK_EQ_INT(qmatch("film & !(bad | good)", "a good film"), 0);
	CHECK_EQ_INT(qmatch("go*", "a good film"), 1);
	CHECK_EQ_INT(qmatch("goo* & !fi*", "a good film"), 0);
	CHECK_EQ_INT(qmatch("", "a good film"), 0);
	CHECK_EQ_INT(qmatch("!x", ""), 1);
}

RV_TEST(query_match_phrase)
{
	const char *doc = "the end of the film was the end";

	CHECK_EQ_INT(qmatch("end <-> of", doc), 1);
	CHECK_EQ_INT(qmatch("of <-> end", doc), 0);
	CHECK_EQ_INT(qmatch("end <3> film", doc), 1);
	CHECK_EQ_INT(qmatch("end <2> film", doc), 0);
	CHECK_EQ_INT(qmatch("end <4> film", doc), 0);
	CHECK_EQ_INT(qmatch("\"the end of the film\"", doc), 1);
	CHECK_EQ_INT(qmatch("\"the end of film\"", doc), 0);
	CHECK_EQ_INT(qmatch("\"the end\" <-> of", doc), 1);
	CHECK_EQ_INT(qmatch("the <-> (end <-> of)", doc), 1);
	CHECK_EQ_INT(qmatch("the <-> (end <2> the)", doc), 1);
	CHECK_EQ_INT(qmatch("the <-> (end <3> the)", doc), 0);
	/* the second "the end" (positions 7, 8) has nothing after it */
	CHECK_EQ_INT(qmatch("was <-> the <-> end", doc), 1);
	CHECK_EQ_INT(qmatch("was <-> the <-> end <-> of", doc), 0);
	CHECK_EQ_INT(qmatch("(the <-> end) <6> end", doc), 1);
	CHECK_EQ_INT(qmatch("(the <-> end) <5> end", doc), 0);
	CHECK_EQ_INT(qmatch("(the <-> end) <7> end", doc), 0);
	CHECK_EQ_INT(qmatch("fi* <-> wa*", doc), 1);
	CHECK_EQ_INT(qmatch("!(end <-> film)", doc), 1);
	CHECK_EQ_INT(qmatch("!(end <-> of)", doc), 0);
	CHECK_EQ_INT(qmatch("end <-> film | was", doc), 1);
	CHECK_EQ_INT(qmatch("end <-> film & was", doc), 0);
	CHECK_EQ_INT(qmatch("end <-> zzz", doc), 0);
	CHECK_EQ_INT(qmatch("zzz <-> end", doc), 0);
}

static RvQTri
tri(const char *s, const RvQTri *v, bool *recheck)
{
	RvError		err = {0};
	RvQuery    *q = rv_query_parse(s, strlen(s), &err);
	RvQTri		r;

	if (q == NULL)
		return (RvQTri) 99;
	r = rv_query_eval_tri(q, v, recheck);
	rv_query_free(q);
	return r;
}

RV_TEST(query_eval_tri)
{
	const RvQTri T = RVQ_TRUE,
				F = RVQ_FALSE,
				M = RVQ_MAYBE;
	bool		rc = true;

	CHECK_EQ_INT(tri("a & b", (RvQTri[]) {T, T}, &rc), T);
	CHECK(!rc);
	CHECK_EQ_INT(tri("a & b", (RvQTri[]) {T, M}, &rc), M);
	CHECK_EQ_INT(tri("a & b", (RvQTri[]) {F, M}, &rc), F);
	CHECK_EQ_INT(tri("a | b", (RvQTri[]) {F, M}, &rc), M);
	CHECK_EQ_INT(tri("a | b", (RvQTri[]) {T, M}, &rc), T);
	CHECK_EQ_INT(tri("a | b", (RvQTri[]) {F, F}, &rc), F);
	CHECK_EQ_INT(tri("!a", (RvQTri[]) {T}, &rc), F);
	CHECK_EQ_INT(tri("!a", (RvQTri[]) {F}, &rc), T);
	CHECK_EQ_INT(tri("!a", (RvQTri[]) {M}, &rc), M);
	CHECK_EQ_INT(tri("a & !b", (RvQTri[]) {T, F}, &rc), T);
	CHECK_EQ_INT(tri("a <-> b", (RvQTri[]) {T, T}, &rc), M);
	CHECK(rc);
	CHECK_EQ_INT(tri("a <-> b", (RvQTri[]) {T, F}, &rc), F);
	CHECK(!rc);
	CHECK_EQ_INT(tri("a <-> b", (RvQTri[]) {M, T}, &rc), M);
	CHECK(rc);
	CHECK_EQ_INT(tri("!(a <-> b)", (RvQTri[]) {T, T}, &rc), M);
	CHECK(rc);
	CHECK_EQ_INT(tri("!(a <-> b)", (RvQTri[]) {F, T}, &rc), T);
	CHECK_EQ_INT(tri("x | a <-> b", (RvQTri[]) {T, T, T}, &rc), T);
	/* term values are in item order: (a | b) & c is [AND, OR, a, b, c] */
	CHECK_EQ_INT(tri("(a | b) & c", (RvQTri[]) {F, F, T}, &rc), F);
	CHECK_EQ_INT(tri("(a | b) & c", (RvQTri[]) {F, T, T}, &rc), T);
	CHECK_EQ_INT(tri("", NULL, &rc), F);
}

RV_TEST(query_has_positive_term)
{
	const char *yes[] = {"a", "a & !b", "!a & b", "a <-> b", "!!a", "a | b", "", NULL};
	const char *no[] = {"!a", "a | !b", "!(a & b)", "!(a <-> b)", "!a | !b", NULL};

	for (int i = 0; yes[i]; i++)
	{
		RvError		err = {0};
		RvQuery    *q = rv_query_parse(yes[i], strlen(yes[i]), &err);

		CHECK(rv_query_has_positive_term(q));
		rv_query_free(q);
	}
	for (int i = 0; no[i]; i++)
	{
		RvError		err = {0};
		RvQuery    *q = rv_query_parse(no[i], strlen(no[i]), &err);

		CHECK(!rv_query_has_positive_term(q));
		rv_query_free(q);
	}
}

/* ---------- random inputs ---------- */

static int64_t
count_chars(const char *s, size_t len)
{
	int64_t		n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Random token soup: never crashes; errors are located; results round-trip. */
RV_TEST(query_parse_random_soup)
{
	static const char *alpha[] = {
		"a", "b", "xy", " ", " ", "&", "|", "!", "(", ")", "\"", "'", "<", ">",
		"-", "1", "0", "*", "\\", "映", "\u3000", "<->", "<2>", "''"
	};
	int			accepted = 0,
				rejected = 0;

	rng_state = 777;
	for (int iter = 0; iter < 30000; iter++)
	{
		char		s[256];
		size_t		len = 0;
		int			ntok = (int) rnd(16);
		RvError		err = {0};
		RvQuery    *q;

		for (int t = 0; t < ntok; t++)
		{
			const char *a = alpha[rnd(sizeof(alpha) / sizeof(alpha[0]))];

			memcpy(s + len, a, strlen(a));
			len += strlen(a);
		}
		q = rv_query_parse(s, len, &err);
		if (q == NULL)
		{
			rejected++;
			CHECK(err.code == RV_ERR_SYNTAX);
			CHECK(err.offset >= 1 && err.offset <= count_chars(s, len) + 1);
			CHECK(err.detail[0] != '\0');
		}
		else
		{
			RvQuery    *n = rv_query_normalize(q, id_normalize, NULL, &err);
			RvQuery    *r,
					   *rn;
			RvBuf		out;

			accepted++;
			for (uint32_t k = 0; k < q->nitems; k++)
				CHECK(q->items[k].offset >= 1 &&
					  q->items[k].offset <= count_chars(s, len));
			CHECK(n != NULL);
			rv_buf_init(&out, 64);
			rv_query_out(n, &out);
			r = rv_query_parse(out.data, out.len, &err);
			CHECK(r != NULL);
			CHECK(same_bytes(n, r));
			/* the raw query's output normalizes to the same query */
			out.len = 0;
			rv_query_out(q, &out);
			rv_query_free(r);
			r = rv_query_parse(out.data, out.len, &err);
			CHECK(r != NULL);
			rn = rv_query_normalize(r, id_normalize, NULL, &err);
			CHECK(same_bytes(n, rn));
			CHECK(check_bytes_query(n));
			rv_query_free(rn);
			rv_query_free(r);
			rv_query_free(n);
			rv_query_free(q);
			rv_free(out.data);
		}
	}
	/* the soup must exercise both paths */
	CHECK(accepted > 1000);
	CHECK(rejected > 1000);
}

/* Random well-formed item arrays with random bytes mixed in. */
RV_TEST(query_deserialize_random_bytes)
{
	int			accepted = 0;

	rng_state = 4242;
	for (int iter = 0; iter < 20000; iter++)
	{
		unsigned char d[128];
		uint32_t	n = rnd(6);
		size_t		len;

		d[0] = 1;
		d[1] = (unsigned char) n;
		d[2] = d[3] = d[4] = 0;
		len = 5;
		for (uint32_t i = 0; i < n; i++)
		{
			uint8_t		op = (uint8_t) (1 + rnd(5));

			d[len] = op;
			d[len + 1] = (uint8_t) (rnd(8) == 0 ? rnd(256) : (op == RVQ_TERM ? rnd(4) : 0));
			d[len + 2] = (uint8_t) (op == RVQ_PHRASE ? 1 + rnd(3) : 0);
			d[len + 3] = 0;
			d[len + 4] = (uint8_t) (op == RVQ_TERM ? 1 + rnd(3) : 0);
			d[len + 5] = d[len + 6] = d[len + 7] = 0;
			len += 8;
		}
		for (uint32_t i = rnd(10); i > 0; i--)
			d[len++] = (unsigned char) (rnd(4) == 0 ? rnd(256) : 'a' + rnd(3));
		if (rnd(10) == 0)
			d[rnd((unsigned) len)] = (unsigned char) rnd(256);
		CHECK(check_bytes((const char *) d, len));
		{
			RvError		err = {0};
			RvQuery    *q = rv_query_deserialize((const char *) d, len, &err);

			accepted += q != NULL;
			rv_query_free(q);
		}
	}
	CHECK(accepted > 100);
}

/* TERM values for tri-valued evaluation from presence in the document. */
static void
presence(const RvQuery *q, Doc *d, RvQTri *tv)
{
	uint32_t	k = 0;

	for (uint32_t i = 0; i < q->nitems; i++)
	{
		const uint32_t *pos;

		if (q->items[i].op == RVQ_TERM)
			tv[k++] = doc_positions(d, &q->items[i], &pos) > 0 ? RVQ_TRUE : RVQ_FALSE;
	}
}

/*
 * Random queries on random documents: matching is invariant under
 * normalization (which reshapes phrase trees into chains), and the
 * index-level evaluation never contradicts it.
 */
RV_TEST(query_match_random_consistency)
{
	static const char *vocab[] = {
		"film", "end", "x", "don't", "it's", "a&b", "映画", "exact", "happiness",
		"one", "two", "b", "c", "w x"
	};
	int			matched = 0;

	rng_state = 99;
	for (int iter = 0; iter < 3000; iter++)
	{
		RvBuf		text;
		RvError		err = {0};
		RvQuery    *q,
				   *n;
		Doc			d;
		RvQTri		tv[256];
		RvQTri		t;
		bool		rc,
					m;

		rv_buf_init(&text, 64);
		gen(&text, 0, false);
		q = rv_query_parse(text.data, text.len, &err);
		CHECK(q != NULL);
		n = rv_query_normalize(q, id_normalize, NULL, &err);
		CHECK(n != NULL);
		d.n = 1 + (int) rnd(30);
		for (int i = 0; i < d.n; i++)
			d.words[i] = vocab[rnd(sizeof(vocab) / sizeof(vocab[0]))];
		m = rv_query_match(q, doc_positions, &d);
		CHECK_EQ_INT(rv_query_match(n, doc_positions, &d), m);
		matched += m;
		CHECK(rv_query_nterms(q) <= 256);
		presence(q, &d, tv);
		t = rv_query_eval_tri(q, tv, &rc);
		if (t == RVQ_TRUE)
			CHECK(m);
		else if (t == RVQ_FALSE)
			CHECK(!m);
		else
			CHECK(rc);			/* MAYBE only from phrases here */
		/* a query without a positive term is exactly one matching nothing */
		d.n = 0;
		CHECK_EQ_INT(rv_query_match(q, doc_positions, &d), !rv_query_has_positive_term(q));
		rv_query_free(q);
		rv_query_free(n);
		rv_free(text.data);
	}
	CHECK(matched > 100);
	CHECK(matched < 2900);
}
