/*
 * test_rank.c
 *	  review_rank's scoring (rv_rank.c) against values computed by hand, and
 *	  which terms count (rv_query_positive_terms).
 */
#include <math.h>
#include <stdlib.h>

#include "rv_test.h"
#include "rv_rank.h"

typedef struct Hits
{
	const char *lex[4];
	uint32_t	pos[4][4];
	int			n[4];
	uint32_t	expansions[4];
} Hits;

static int64_t
hits_of(void *arg, uint32_t item, const RvQItem *it, uint32_t **pos, uint32_t *expansions)
{
	Hits	   *h = arg;

	for (int k = 0; k < 4 && h->lex[k]; k++)
	{
		if (strlen(h->lex[k]) == it->len && memcmp(h->lex[k], it->text, it->len) == 0)
		{
			*pos = h->pos[k];
			if (h->expansions[k])
				*expansions = h->expansions[k];
			return h->n[k];
		}
	}
	return 0;
}

static float
rank(const char *query, uint32_t nwords, Hits *h)
{
	RvError		err = {0};
	RvQuery    *q = rv_query_parse(query, strlen(query), &err);
	float		r;

	if (q == NULL)
		return -1;
	r = rv_rank_score(q, NULL, nwords, hits_of, h);
	rv_query_free(q);
	return r;
}

#define CHECK_NEAR(a, b) \
	do { double _a = (a), _b = (b); \
		 if (fabs(_a - _b) > 1e-6) { rv_test_fail(__FILE__, __LINE__, "%s == %.9f, expected %.9f", #a, _a, _b); return; } } while (0)

RV_TEST(rank_one_term_by_hand)
{
	Hits		h = {{"a"}, {{0}}, {1}, {0}};

	/* 250 words: norm 1; tf 1 saturates to 1; first word: x 1.5; 1.5 / 2.5 */
	CHECK_NEAR(rank("a", 250, &h), 0.6);
	/* absent term */
	CHECK_NEAR(rank("z", 250, &h), 0.0);
	/* an empty query ranks 0 */
	CHECK_NEAR(rank("", 250, &h), 0.0);
}

RV_TEST(rank_proximity_by_hand)
{
	Hits		h = {{"a", "b"}, {{0}, {2}}, {1, 1}, {0, 0}};

	/*
	 * a: 1.5; b at word 2: 1 + 0.5 / 1.1; the shortest cover is 2 words
	 * apart for 2 terms: x (1 + 1 / (1 + 1)); s / (s + 1) = 0.8158995816
	 */
	CHECK_NEAR(rank("a & b", 250, &h), 0.8158995816);
	/* the same for OR and phrase: ranking does not look at the operator */
	CHECK_NEAR(rank("a | b", 250, &h), 0.8158995816);
}

RV_TEST(rank_prefix_and_length_by_hand)
{
	Hits		h = {{"ab"}, {{10, 20, 30}}, {3}, {4}};

	/*
	 * 500 words: norm 1.75; tf 3: 3 * 2.2 / (3 + 2.1); first at word 10:
	 * x (1 + 0.5 / 1.5); a prefix matching 4 keywords: x 1 / (1 + ln 4)
	 */
	CHECK_NEAR(rank("ab*", 500, &h), 0.4196450889);
}

RV_TEST(rank_negated_terms_do_not_count)
{
	Hits		h = {{"a", "b"}, {{0}, {1}}, {1, 1}, {0, 0}};

	CHECK_NEAR(rank("a & !b", 250, &h), 0.6);
	CHECK_NEAR(rank("!b", 250, &h), 0.0);
}

RV_TEST(rank_word_count_capped)
{
	Hits		h = {{"a"}, {{0}}, {1}, {0}};

	CHECK(rank("a", UINT32_MAX, &h) == rank("a", RV_RANK_MAX_WORDS, &h));
	CHECK(rank("a", RV_RANK_MAX_WORDS, &h) > 0);
}

RV_TEST(positive_terms)
{
	const char *s = "a & !(b | c) & (d <-> e) & !!f & !(g & !h)";
	RvError		err = {0};
	RvQuery    *q = rv_query_parse(s, strlen(s), &err);
	bool		positive[64];
	char		got[16] = "";

	CHECK(q != NULL && q->nitems <= 64);
	memset(positive, 1, sizeof(positive));
	rv_query_positive_terms(q, positive);
	for (uint32_t i = 0; i < q->nitems; i++)
	{
		if (q->items[i].op != RVQ_TERM)
			CHECK(!positive[i]);
		else if (positive[i])
			strncat(got, q->items[i].text, q->items[i].len);
	}
	CHECK_EQ_STR(got, "adefh");
	rv_query_free(q);
}
