/*
 * test_detect.c
 *	  The spoiler detector: ranges, obvious cases, context effects,
 *	  languages, determinism.
 */
#include <stdlib.h>

#include "rv_test.h"
#include "rv_detect_int.h"
#include "rv_segment.h"

/* Scores the sentences of text (segmented by ICU) into scores[]. */
static int
score_text(const char *text, const char *lang, bool warning, const RvSpan *spans,
		   uint32_t nspans, float *scores, float *review)
{
	RvSentence *sents;
	RvError		err = {0};
	int64_t		n = rv_sentences(text, strlen(text), lang, &sents, &err);
	RvDetectInput in = {text, strlen(text), lang, warning, sents, (uint32_t) n, spans, nspans};

	*review = rv_detect(&in, scores, &err);
	free(sents);
	return (int) n;
}

RV_TEST(detect_obvious_cases)
{
	float		s[4],
				review;
	const char *t = "The cinematography is gorgeous and the score is lovely. "
		"In the end, the detective turns out to be the killer and dies in the fire.";

	CHECK_EQ_INT(score_text(t, "en", false, NULL, 0, s, &review), 2);
	CHECK(s[0] >= 0 && s[0] < 0.5f);
	CHECK(s[1] >= 0.5f && s[1] <= 1);
	CHECK(review == s[1]);
}

RV_TEST(detect_context_raises_scores)
{
	const char *t = "The acting is fine. Then Maria leaves the village. The music is good.";
	float		plain[3],
				warned[3],
				marked[3],
				r1,
				r2,
				r3;
	RvSpan		span = {20, 30, NULL, 0};	/* "Then Maria leaves the village." */

	CHECK_EQ_INT(score_text(t, "en", false, NULL, 0, plain, &r1), 3);
	score_text(t, "en", true, NULL, 0, warned, &r2);
	score_text(t, "en", false, &span, 1, marked, &r3);
	for (int i = 0; i < 3; i++)
		CHECK(warned[i] > plain[i]);
	CHECK(marked[2] > plain[2]);	/* next to the marked span */
	CHECK(r2 >= 0.9f);
	CHECK(r3 >= 0.95f);
}

RV_TEST(detect_other_languages_use_cues)
{
	struct
	{
		const char *lang;
		const char *neutral;
		const char *cue;
	}			cases[] = {
		{"es", "La fotografía es preciosa.", "Al final, el minero muere en el derrumbe."},
		{"fr", "La lumière est superbe.", "À la fin, le grand-père meurt pendant la tempête."},
		{"de", "Die Bilder sind wunderschön.", "Am Ende stirbt der Vater im Schnee."}
	};

	for (int i = 0; i < 3; i++)
	{
		float		a[2],
					b[2],
					r;

		score_text(cases[i].neutral, cases[i].lang, false, NULL, 0, a, &r);
		score_text(cases[i].cue, cases[i].lang, false, NULL, 0, b, &r);
		CHECK(b[0] > a[0]);
		CHECK(b[0] >= 0.5f);
		CHECK(a[0] < 0.5f);
	}
}

RV_TEST(detect_deterministic_and_empty)
{
	const char *t = "He dies. She wins. It rains.";
	float		a[3],
				b[3],
				r1,
				r2;
	RvDetectInput in = {"", 0, "en", false, NULL, 0, NULL, 0};
	RvError		err = {0};

	score_text(t, "en", false, NULL, 0, a, &r1);
	score_text(t, "en", false, NULL, 0, b, &r2);
	CHECK(memcmp(a, b, sizeof(a)) == 0 && r1 == r2);
	CHECK(rv_detect(&in, a, &err) == 0);
	/* Unknown languages still get scores in range. */
	score_text("Ceci est un test. Il meurt.", "xx", false, NULL, 0, a, &r1);
	CHECK(a[0] >= 0 && a[0] <= 1 && a[1] >= 0 && a[1] <= 1);
}

RV_TEST(detect_weight_tables_sorted)
{
	for (int i = 1; i < rv_detect_nweights; i++)
		CHECK(strcmp(rv_detect_weights[i - 1].key, rv_detect_weights[i].key) < 0);
	for (int l = 0; l < rv_detect_nlexicons; l++)
		CHECK(rv_detect_lexicons[l].ncues > 10);
}
