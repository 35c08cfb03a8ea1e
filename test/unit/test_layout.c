/*
 * test_layout.c
 *	  The stored form: build, read back, validate, reject corruption.
 */
#include <stdlib.h>

#include "rv_test.h"
#include "rv_layout.h"
#include "rv_review.h"

static void *
build(const char *text, size_t *size)
{
	RvError		err = {0};
	RvDoc	   *d = rv_parse(text, strlen(text), &err);
	RvAnalysis	an = {0};
	RvSentence	sents[2] = {{0, 4, }, {5, 9}};
	float		scores[2] = {0.1f, 0.9f};
	uint32_t	p1[2] = {0 << 1, 2 << 1 | RV_POS_HIDDEN};
	uint32_t	p2[1] = {1 << 1 | RV_POS_HIDDEN};
	RvLexeme	lex[2] = {{"alpha", 5, p1, 2}, {"beta", 4, p2, 1}};
	void	   *v;

	if (d == NULL)
		return NULL;
	an.sents = sents;
	an.scores = scores;
	an.nsents = 2;
	an.score = 0.7f;
	an.lex = lex;
	an.nlex = 2;
	an.nwords = 3;
	*size = rv_layout_size(d, &an);
	v = calloc(1, *size);
	rv_layout_write(d, &an, v);
	rv_doc_free(d);
	return v;
}

RV_TEST(layout_round_trip)
{
	size_t		size;
	RvHeader   *h = build("---\ntitle: T\nrating: 3/4\n---\nabcd efgh ||ij||", &size);
	RvError		err = {0};
	RvDoc		d;
	RvLayout	l;
	const RvLexEntry *lex;

	CHECK(h != NULL);
	CHECK(rv_layout_validate(h, size, &err));
	rv_layout_doc(h, &d);
	CHECK_EQ_MEM(d.title, d.title_len, "T");
	CHECK_EQ_MEM(d.rating, d.rating_len, "3/4");
	CHECK(d.author == NULL);
	CHECK_EQ_MEM(d.body, d.body_len, "abcd efgh ij");
	CHECK_EQ_INT(d.nspans, 1);
	CHECK_EQ_INT(d.spans[0].start, 10);
	rv_layout_doc_release(&d);
	CHECK(rv_layout_compute(h, &l));
	CHECK_EQ_INT(rv_layout_find_lexeme(h, &l, "beta", 4), 1);
	CHECK_EQ_INT(rv_layout_find_lexeme(h, &l, "gamma", 5), -1);
	CHECK_EQ_INT(rv_layout_lower_bound(h, &l, "b", 1), 1);
	lex = RV_SECTION(h, &l, lex, RvLexEntry);
	CHECK_EQ_INT(lex[0].flags, RV_LEX_VISIBLE);
	CHECK_EQ_INT(lex[1].flags, 0);
	free(h);
}

RV_TEST(layout_rejects_corruption)
{
	size_t		size;
	unsigned char *v = build("abcd efgh ||ij||", &size);
	RvError		err = {0};
	int			accepted = 0;

	CHECK(v != NULL);
	/* Truncations fail. */
	for (size_t n = 0; n < size; n++)
		CHECK(!rv_layout_validate(v, n, &err));
	/* Flipping bits in the header, the arrays or the strings never crashes. */
	for (size_t i = 4; i < size; i++)
	{
		for (int bit = 0; bit < 8; bit++)
		{
			v[i] ^= (unsigned char) (1 << bit);
			accepted += rv_layout_validate(v, size, &err);
			v[i] ^= (unsigned char) (1 << bit);
		}
	}
	/* Some flips (inside text, scores) stay valid; structural ones do not. */
	CHECK(accepted < (int) (size - 4) * 8);
	v[4] = 9;					/* version */
	CHECK(!rv_layout_validate(v, size, &err));
	free(v);
}

/*
 * A value that would not fit a varlena is refused by its size alone (0),
 * which review_in turns into ERROR 54000: sizes are added up in 64 bits, so
 * no count can wrap around into a small allocation.
 */
RV_TEST(layout_refuses_oversize)
{
	RvError		err = {0};
	RvDoc	   *d = rv_parse("abcd", 4, &err);
	RvAnalysis	an = {0};
	RvLexeme	lex[2] = {{"alpha", 5, NULL, 0}, {"beta", 4, NULL, 0}};
	size_t		body_len;

	CHECK(d != NULL);
	body_len = d->body_len;
	an.lex = lex;
	an.nlex = 2;
	CHECK(rv_layout_size(d, &an) > 0);

	/* Positions alone past the limit, and two counts that wrap 32 bits. */
	lex[0].npos = (uint32_t) (RV_MAX_VALUE_SIZE / sizeof(uint32_t));
	CHECK_EQ_INT(rv_layout_size(d, &an), 0);
	lex[0].npos = lex[1].npos = 0x80000000u;
	CHECK_EQ_INT(rv_layout_size(d, &an), 0);
	lex[0].npos = lex[1].npos = 0;

	/* A body that fits alone but not with the header. */
	d->body_len = RV_MAX_VALUE_SIZE;
	CHECK_EQ_INT(rv_layout_size(d, &an), 0);
	d->body_len = RV_MAX_VALUE_SIZE - 4096;
	CHECK(rv_layout_size(d, &an) > RV_MAX_VALUE_SIZE - 4096);
	d->body_len = body_len;
	rv_doc_free(d);
}

/*
 * Version 2 puts the keyword strings before the body (matching reads a
 * prefix); values stored by version 1, with them last, still read the same.
 */
RV_TEST(layout_version1_still_read)
{
	size_t		size;
	RvHeader   *h = build("abcd efgh ||ij||", &size);
	RvHeader   *old;
	RvLayout	l,
				lo;
	RvError		err = {0};
	RvDoc		d;

	CHECK(h != NULL);
	CHECK_EQ_INT(h->version, RV_LAYOUT_VERSION);
	CHECK(rv_layout_compute(h, &l));
	CHECK(l.lexstr + h->lexstr_len == l.body);
	CHECK(l.labels + h->labels_len == size);

	/* The same value in the version 1 order. */
	old = calloc(1, size);
	memcpy(old, h, l.lexstr);
	old->version = 1;
	CHECK(rv_layout_compute(old, &lo));
	CHECK(lo.body == l.lexstr && lo.lexstr + h->lexstr_len == size);
	memcpy((char *) old + lo.body, (char *) h + l.body, h->body_len + h->labels_len);
	memcpy((char *) old + lo.lexstr, (char *) h + l.lexstr, h->lexstr_len);
	CHECK(rv_layout_validate(old, size, &err));
	CHECK_EQ_INT(rv_layout_find_lexeme(old, &lo, "beta", 4), 1);
	CHECK_EQ_INT(rv_layout_find_lexeme(old, &lo, "alpha", 5), 0);
	rv_layout_doc(old, &d);
	CHECK_EQ_MEM(d.body, d.body_len, "abcd efgh ij");
	rv_layout_doc_release(&d);
	old->version = 3;
	CHECK(!rv_layout_validate(old, size, &err));
	free(old);
	free(h);
}
