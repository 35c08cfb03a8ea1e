/*
 * test_interrupt.c
 *	  The interrupt callback: every long loop of the analysis calls it, and
 *	  a callback that asks to stop makes the core unwind with RV_ERR_CANCELED
 *	  (and, under ASan, free what it had allocated).
 */
#include <stdlib.h>

#include "rv_test.h"
#include "rv_detect.h"
#include "rv_review.h"
#include "rv_segment.h"

static long calls;
static long abort_at;			/* ask to stop at this call; 0: never */

static bool
counting_callback(void)
{
	calls++;
	return abort_at > 0 && calls >= abort_at;
}

static void
arm(long at)
{
	calls = 0;
	abort_at = at;
	rv_set_interrupt_callback(counting_callback);
}

static void
disarm(void)
{
	rv_set_interrupt_callback(NULL);
}

/* "q q q ..." of n words, or with a spoiler marker around it all. */
static char *
repeated(size_t n, bool marked)
{
	char	   *s = malloc(2 * n + 8);
	size_t		p = 0;

	if (marked)
	{
		memcpy(s, "||", 2);
		p = 2;
	}
	for (size_t i = 0; i < n; i++)
	{
		s[p++] = 'q';
		s[p++] = ' ';
	}
	if (marked)
	{
		s[p - 1] = '|';
		s[p++] = '|';
	}
	s[p] = '\0';
	return s;
}

static bool
count_word(const RvWord *w, void *arg)
{
	(*(long *) arg)++;
	return true;
}

RV_TEST(interrupt_callback_is_called_and_can_decline)
{
	char	   *t = repeated(200000, false);
	RvError		err = {0};
	long		nw = 0;

	arm(0);
	CHECK_EQ_INT(rv_words(t, strlen(t), "en", count_word, &nw, &err), 200000);
	CHECK_EQ_INT(nw, 200000);
	/* at least once every RV_INTERRUPT_INTERVAL words */
	CHECK(calls >= 200000 / RV_INTERRUPT_INTERVAL);
	disarm();
	free(t);
}

RV_TEST(interrupt_stops_words_and_sentences)
{
	char	   *t = repeated(200000, false);
	RvError		err = {0};
	RvSentence *s = NULL;
	long		nw = 0;

	arm(3);
	CHECK_EQ_INT(rv_words(t, strlen(t), "en", count_word, &nw, &err), -1);
	CHECK_EQ_INT(err.code, RV_ERR_CANCELED);
	CHECK(nw < 200000);
	CHECK_EQ_INT(calls, 3);

	/* The request is consumed: the next call runs to the end. */
	disarm();
	nw = 0;
	memset(&err, 0, sizeof(err));
	CHECK_EQ_INT(rv_words(t, strlen(t), "en", count_word, &nw, &err), 200000);

	/* 50,000 sentences "It rains. It rains. ..." */
	free(t);
	t = malloc(10 * 50000 + 1);
	for (size_t i = 0; i < 50000; i++)
		memcpy(t + 10 * i, "It rains. ", 10);
	t[10 * 50000] = '\0';
	CHECK_EQ_INT(rv_sentences(t, 10 * 10, "en", &s, &err), 10);
	free(s);
	arm(2);
	CHECK_EQ_INT(rv_sentences(t, strlen(t), "en", &s, &err), -1);
	CHECK_EQ_INT(err.code, RV_ERR_CANCELED);
	CHECK(s == NULL);
	disarm();
	free(t);
}

RV_TEST(interrupt_stops_parse_and_detect)
{
	char	   *t = repeated(200000, true);
	RvError		err = {0};
	RvDoc	   *doc;
	RvSentence *s;
	int64_t		n;
	float	   *scores;
	RvDetectInput in;

	/* UTF-8 validation, then markup */
	for (long at = 1; at <= 2; at++)
	{
		arm(at);
		memset(&err, 0, sizeof(err));
		CHECK(rv_parse(t, strlen(t), &err) == NULL);
		CHECK_EQ_INT(err.code, RV_ERR_CANCELED);
		CHECK_EQ_INT(calls, at);
	}
	disarm();
	memset(&err, 0, sizeof(err));
	doc = rv_parse(t, strlen(t), &err);
	CHECK(doc != NULL);
	CHECK_EQ_INT(doc->nspans, 1);

	n = rv_sentences(doc->body, doc->body_len, "en", &s, &err);
	CHECK_EQ_INT(n, 1);
	scores = calloc(1, sizeof(float));
	in = (RvDetectInput) {doc->body, doc->body_len, "en", false, s, 1, doc->spans, doc->nspans};
	/* in the detector's words, and in its model's loop over the tokens */
	for (long at = 2; at <= 200000 / RV_INTERRUPT_INTERVAL + 2; at += 20)
	{
		arm(at);
		memset(&err, 0, sizeof(err));
		CHECK(rv_detect(&in, scores, &err) < 0);
		CHECK_EQ_INT(err.code, RV_ERR_CANCELED);
	}
	disarm();
	CHECK(rv_detect(&in, scores, &err) >= 0.95f);

	/* rv_request_interrupt (what a signal handler would call) */
	rv_request_interrupt();
	memset(&err, 0, sizeof(err));
	CHECK(rv_detect(&in, scores, &err) < 0);
	CHECK_EQ_INT(err.code, RV_ERR_CANCELED);
	CHECK(rv_detect(&in, scores, &err) >= 0.95f);

	free(scores);
	free(s);
	rv_doc_free(doc);
	free(t);
}

/*
 * A word record interrupted while it is made is released and left inactive:
 * rv_words() segments as ever, and the next record works.
 */
RV_TEST(interrupt_word_record)
{
	char	   *t = repeated(200000, false);
	RvError		err = {0};
	long		nw = 0;

	arm(3);
	CHECK(!rv_words_record_begin(t, strlen(t), "en", &err));
	CHECK_EQ_INT(err.code, RV_ERR_CANCELED);
	disarm();
	memset(&err, 0, sizeof(err));
	CHECK_EQ_INT(rv_words(t, 20, "en", count_word, &nw, &err), 10);
	rv_words_record_end();
	CHECK(rv_words_record_begin(t, strlen(t), "en", &err));
	nw = 0;
	CHECK_EQ_INT(rv_words(t, strlen(t), "en", count_word, &nw, &err), 200000);
	CHECK_EQ_INT(nw, 200000);
	rv_words_record_end();
	free(t);
}
