/*
 * test_layout.c
 *	  The stored form: build, read back, validate, reject corruption.
 */
#include <stdlib.h>

#include "rv_test.h"
#include "rv_layout.h"
#include "rv_review.h"
#include "rv_varint.h"

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
	RvKeyword	kw;
	uint32_t	pos[2];

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
	rv_layout_keyword(h, &l, 0, &kw);
	CHECK_EQ_MEM(kw.str, kw.len, "alpha");
	CHECK(kw.visible);
	CHECK_EQ_INT(kw.npos, 2);
	rv_layout_positions(&kw, pos);
	CHECK_EQ_INT(pos[0], 0 << 1);
	CHECK_EQ_INT(pos[1], 2 << 1 | RV_POS_HIDDEN);
	rv_layout_keyword(h, &l, 1, &kw);
	CHECK_EQ_MEM(kw.str, kw.len, "beta");
	CHECK(!kw.visible);
	CHECK_EQ_INT(kw.npos, 1);
	rv_layout_positions(&kw, pos);
	CHECK_EQ_INT(pos[0], 1 << 1 | RV_POS_HIDDEN);
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

	/*
	 * Positions alone past the limit (a byte each at least: refused without
	 * reading them), and two counts that wrap 32 bits.
	 */
	lex[0].npos = (uint32_t) RV_MAX_VALUE_SIZE;
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
 * The same value in the version 1 or 2 layout (spans, sentences, 16-byte
 * keyword entries, a position array, keyword strings before the body in 2,
 * after the labels in 1), made from a current value through the reading
 * API.
 */
static RvHeader *
old_version(const RvHeader *h, uint8_t version, size_t *size)
{
	RvLayout	l,
				lo;
	RvHeader	oh = *h;
	RvHeader   *old;
	RvLexEntry *e;
	uint32_t	str_off = 0,
				pos_off = 0;

	rv_layout_compute(h, &l);
	oh.version = version;
	oh.lexstr_len = 0;
	for (uint32_t i = 0; i < h->nlex; i++)
	{
		RvKeyword	kw;

		rv_layout_keyword(h, &l, i, &kw);
		oh.lexstr_len += kw.len;
	}
	rv_layout_compute(&oh, &lo);
	*size = lo.total;
	old = calloc(1, lo.total);
	memcpy(old, h, l.lex);		/* header and metadata */
	*old = oh;
	memcpy((char *) old + lo.spans, (const char *) h + l.spans, h->nspans * sizeof(RvSpanEntry));
	memcpy((char *) old + lo.sents, (const char *) h + l.sents, h->nsents * sizeof(RvSentEntry));
	memcpy((char *) old + lo.body, (const char *) h + l.body, h->body_len + h->labels_len);
	e = (RvLexEntry *) ((char *) old + lo.lex);
	for (uint32_t i = 0; i < h->nlex; i++)
	{
		RvKeyword	kw;

		rv_layout_keyword(h, &l, i, &kw);
		e[i].off = str_off;
		e[i].len = (uint16_t) kw.len;
		e[i].flags = kw.visible ? RV_LEX_VISIBLE : 0;
		e[i].pos_off = pos_off;
		e[i].npos = kw.npos;
		memcpy((char *) old + lo.lexstr + str_off, kw.str, kw.len);
		rv_layout_positions(&kw, (uint32_t *) ((char *) old + lo.pos) + pos_off);
		str_off += kw.len;
		pos_off += kw.npos;
	}
	return old;
}

/*
 * Version 3 packs keywords and positions (varints) before spans, sentences
 * and body; values stored by versions 1 and 2 still read the same through
 * the same functions.
 */
RV_TEST(layout_older_versions_still_read)
{
	size_t		size;
	RvHeader   *h = build("abcd efgh ||ij||", &size);
	RvLayout	l;
	RvError		err = {0};

	CHECK(h != NULL);
	CHECK_EQ_INT(h->version, RV_LAYOUT_VERSION);
	CHECK_EQ_INT(RV_LAYOUT_VERSION, 3);
	CHECK(rv_layout_compute(h, &l));
	/* Matching reads header, metadata and keywords only. */
	CHECK(l.match_end == l.lexstr + h->lexstr_len);
	CHECK(l.match_end <= l.spans && l.spans < l.body);
	CHECK(l.labels + h->labels_len == size);

	for (uint8_t version = 1; version <= 2; version++)
	{
		size_t		osize;
		RvHeader   *old = old_version(h, version, &osize);
		RvLayout	lo;
		RvDoc		d;

		CHECK(rv_layout_validate(old, osize, &err));
		CHECK(rv_layout_compute(old, &lo));
		CHECK(version == 1 ? lo.match_end == osize : lo.match_end == lo.body);
		CHECK_EQ_INT(rv_layout_find_lexeme(old, &lo, "beta", 4), 1);
		CHECK_EQ_INT(rv_layout_find_lexeme(old, &lo, "alpha", 5), 0);
		CHECK_EQ_INT(rv_layout_lower_bound(old, &lo, "b", 1), 1);
		for (uint32_t i = 0; i < h->nlex; i++)
		{
			RvKeyword	a,
						b;
			uint32_t	pa[4],
						pb[4];

			rv_layout_keyword(h, &l, i, &a);
			rv_layout_keyword(old, &lo, i, &b);
			CHECK_EQ_INT(a.len, b.len);
			CHECK(memcmp(a.str, b.str, a.len) == 0);
			CHECK_EQ_INT(a.npos, b.npos);
			CHECK(a.visible == b.visible);
			rv_layout_positions(&a, pa);
			rv_layout_positions(&b, pb);
			CHECK(memcmp(pa, pb, sizeof(uint32_t) * a.npos) == 0);
		}
		rv_layout_doc(old, &d);
		CHECK_EQ_MEM(d.body, d.body_len, "abcd efgh ij");
		CHECK_EQ_INT(d.nspans, 1);
		rv_layout_doc_release(&d);
		old->version = 4;
		CHECK(!rv_layout_validate(old, osize, &err));
		free(old);
	}
	free(h);
}

/*
 * Version 3's keyword data is checked byte by byte: an overlong varint, a
 * wrong offset, a repeated position, a trailing byte are all refused.
 */
RV_TEST(layout_keyword_data_strict)
{
	size_t		size;
	unsigned char *v = build("abcd efgh ||ij||", &size);
	RvHeader   *h = (RvHeader *) v;
	RvLayout	l;
	RvError		err = {0};
	unsigned char *kw;
	uint32_t   *offs;

	CHECK(v != NULL);
	CHECK(rv_layout_compute(h, &l));
	CHECK(rv_layout_validate(v, size, &err));
	kw = v + l.lexstr;
	offs = (uint32_t *) (v + l.lex);
	/* alpha: len 5, "alpha", npos 2 visible (0x05), positions 0, +2 hidden (0x05) */
	CHECK_EQ_INT(kw[0], 5);
	CHECK_EQ_MEM((char *) kw + 1, 5, "alpha");
	CHECK_EQ_INT(kw[6], 2 << 1 | 1);
	CHECK_EQ_INT(kw[7], 0);
	CHECK_EQ_INT(kw[8], 2 << 1 | 1);
	CHECK_EQ_INT(offs[1], 9);
	/* Second position 0 words after the first: out of order. */
	kw[8] = 0 << 1 | 1;
	CHECK(!rv_layout_validate(v, size, &err));
	kw[8] = 2 << 1 | 1;
	/* The visible flag must agree with the positions. */
	kw[6] = 2 << 1;
	CHECK(!rv_layout_validate(v, size, &err));
	kw[6] = 2 << 1 | 1;
	/* An offset that does not point at the keyword. */
	offs[1] = 8;
	CHECK(!rv_layout_validate(v, size, &err));
	offs[1] = 9;
	/* A position past the last word. */
	kw[8] = 3 << 1 | 1;
	CHECK(!rv_layout_validate(v, size, &err));
	kw[8] = 2 << 1 | 1;
	/* An overlong varint (0x80 0x00 for 0). */
	kw[7] = 0x80;
	CHECK(!rv_layout_validate(v, size, &err));
	kw[7] = 0;
	CHECK(rv_layout_validate(v, size, &err));
	free(v);
}

static bool
stop_now(void)
{
	return true;
}

/*
 * Positions handed over already encoded (how the server collects them) give
 * the very bytes of positions handed over as an array; an interrupt request
 * makes rv_layout_size give 0 with rv_interrupted() true.
 */
RV_TEST(layout_encoded_positions)
{
	const char *text = "abcd efgh ||ij||";
	RvError		err = {0};
	RvDoc	   *d = rv_parse(text, strlen(text), &err);
	RvAnalysis	an = {0};
	uint32_t	p1[3] = {0 << 1, 2 << 1 | RV_POS_HIDDEN, 300 << 1};
	unsigned char enc[8],
			   *e = enc;
	RvLexeme	lex[1] = {{"alpha", 5, p1, 3}};
	size_t		size,
				size2;
	void	   *a,
			   *b;

	CHECK(d != NULL);
	an.lex = lex;
	an.nlex = 1;
	an.nwords = 301;
	size = rv_layout_size(d, &an);
	a = calloc(1, size);
	rv_layout_write(d, &an, a);

	e = rv_varint_put(e, 0 << 1);
	e = rv_varint_put(e, 2 << 1 | RV_POS_HIDDEN);
	e = rv_varint_put(e, 298 << 1);
	lex[0] = (RvLexeme) {"alpha", 5, NULL, 3, enc, (uint32_t) (e - enc), true};
	size2 = rv_layout_size(d, &an);
	CHECK_EQ_INT(size2, size);
	b = calloc(1, size2);
	rv_layout_write(d, &an, b);
	CHECK(memcmp(a, b, size) == 0);
	CHECK(rv_layout_validate(b, size, &err));

	rv_set_interrupt_callback(stop_now);
	rv_interrupt_countdown = 1;
	CHECK_EQ_INT(rv_layout_size(d, &an), 0);
	rv_set_interrupt_callback(NULL);
	CHECK(rv_interrupted(&err));
	CHECK_EQ_INT(err.code, RV_ERR_CANCELED);
	CHECK(!rv_interrupted(&err));
	CHECK_EQ_INT(rv_layout_size(d, &an), size);
	free(a);
	free(b);
	rv_doc_free(d);
}
