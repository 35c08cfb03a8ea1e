/*
 * test_hidden.c
 *	  The hidden-range rule (rv_hidden.c): which ranges hide, their order,
 *	  runs of masks, redaction, visible word numbers; and the snippet
 *	  (rv_snippet.c), which must never copy a hidden byte.
 */
#include <stdlib.h>

#include "rv_test.h"
#include "rv_hidden.h"
#include "rv_snippet.h"

static char redacted[1024];

static const char *
redact(const char *body, const RvHiddenRange *r, int n, const char *mask)
{
	RvBuf		b;
	uint64_t	len = rv_redact_len(body, (uint32_t) strlen(body), r, n, strlen(mask));

	rv_buf_init(&b, 16);
	rv_redact(body, (uint32_t) strlen(body), r, n, mask, strlen(mask), &b);
	if (b.len != len)
		snprintf(redacted, sizeof(redacted), "length %zu, rv_redact_len %llu",
				 b.len, (unsigned long long) len);
	else
		snprintf(redacted, sizeof(redacted), "%.*s", (int) b.len, b.data);
	rv_free(b.data);
	return redacted;
}

RV_TEST(hidden_ranges_order_and_threshold)
{
	/* spans sorted and disjoint, as the layout keeps them */
	RvSpanEntry spans[] = {{10, 5, 0, UINT32_MAX}, {30, 10, 0, UINT32_MAX}};
	RvSentEntry sents[] = {
		{0, 9, 0.2f},			/* below any threshold used */
		{10, 20, 0.7f},			/* same start as span 0: the span first */
		{31, 38, 0.9f},			/* wholly inside span 1: left out */
		{40, 50, 0.5f},			/* exactly the default threshold: hidden */
		{50, 60, 0.49f}
	};
	RvHiddenRange out[7];
	int			n;

	n = rv_hidden_ranges(spans, 2, sents, 5, 0.5f, out);
	CHECK_EQ_INT(n, 4);
	CHECK(out[0].marked && out[0].start == 10 && out[0].end == 15);
	CHECK(!out[1].marked && out[1].start == 10 && out[1].end == 20);
	CHECK(out[2].marked && out[2].start == 30 && out[2].end == 40);
	CHECK(!out[3].marked && out[3].start == 40 && out[3].end == 50);
	CHECK(out[3].score == 0.5f);

	/* threshold 1: marked spans only, even for a sentence scoring 1 */
	sents[4].score = 1.0f;
	n = rv_hidden_ranges(spans, 2, sents, 5, 1.0f, out);
	CHECK_EQ_INT(n, 2);
	CHECK(out[0].marked && out[1].marked);

	/* threshold 0: every sentence not inside a span */
	n = rv_hidden_ranges(spans, 2, sents, 5, 0.0f, out);
	CHECK_EQ_INT(n, 6);
	for (int i = 1; i < n; i++)
		CHECK(out[i - 1].start <= out[i].start);
}

RV_TEST(hidden_ranges_nan_score_hides_nothing)
{
	RvSentEntry sents[] = {{0, 4, __builtin_nanf("")}};
	RvHiddenRange out[1];

	CHECK_EQ_INT(rv_hidden_ranges(NULL, 0, sents, 1, 0.0f, out), 0);
}

RV_TEST(redact_masks_and_runs)
{
	const char *body = "A film. She leaves. He stays. Fine.";
	RvHiddenRange one[] = {{8, 19, true, 1}};
	/* two sentences only white space apart show as one mask */
	RvHiddenRange two[] = {{8, 19, false, 0.9f}, {20, 29, false, 0.8f}};
	/* overlapping ranges, the second ending first */
	RvHiddenRange nested[] = {{8, 29, true, 1}, {20, 25, false, 0.8f}};

	CHECK_EQ_STR(redact(body, NULL, 0, "[x]"), body);
	CHECK_EQ_STR(redact(body, one, 1, "[spoiler]"), "A film. [spoiler] He stays. Fine.");
	CHECK_EQ_STR(redact(body, two, 2, "#"), "A film. # Fine.");
	CHECK_EQ_STR(redact(body, nested, 2, "#"), "A film. # Fine.");
	CHECK_EQ_STR(redact(body, one, 1, ""), "A film.  He stays. Fine.");
}

RV_TEST(redact_range_at_the_ends)
{
	const char *body = "Dies. Lives.";
	RvHiddenRange all[] = {{0, 12, true, 1}};
	RvHiddenRange first[] = {{0, 5, false, 0.9f}};
	RvHiddenRange last[] = {{6, 12, false, 0.9f}};

	CHECK_EQ_STR(redact(body, all, 1, "#"), "#");
	CHECK_EQ_STR(redact(body, first, 1, "#"), "# Lives.");
	CHECK_EQ_STR(redact(body, last, 1, "#"), "Dies. #");
}

RV_TEST(hidden_run_whitespace_only)
{
	const char *body = "ab \t\r\n cd ef";
	RvHiddenRange r[] = {{0, 2, true, 1}, {7, 9, true, 1}, {10, 12, true, 1}};
	int			i = 0;

	/* "ab" and "cd" are only white space apart; "ef" too */
	CHECK_EQ_INT(rv_hidden_run(r, 3, &i, body), 12);
	CHECK_EQ_INT(i, 3);
}

RV_TEST(hidden_merge_and_covers)
{
	RvHiddenRange r[] = {{0, 5, true, 1}, {3, 8, false, 0.9f}, {8, 9, false, 0.6f},
	{20, 30, true, 1}};
	int			n = rv_hidden_merge(r, 4);
	int			ri = 0;

	CHECK_EQ_INT(n, 2);
	CHECK(r[0].start == 0 && r[0].end == 9);
	CHECK(r[1].start == 20 && r[1].end == 30);
	CHECK(rv_hidden_covers(r, n, &ri, 0, 2));
	CHECK(!rv_hidden_covers(r, n, &ri, 10, 15));
	CHECK(rv_hidden_covers(r, n, &ri, 18, 21));
	CHECK(!rv_hidden_covers(r, n, &ri, 30, 31));
}

RV_TEST(visible_words_renumber)
{
	const char *body = "one two three four five";
	/* "two three" hidden; "five" hidden */
	RvHiddenRange r[] = {{4, 13, true, 1}, {19, 23, false, 0.9f}};
	RvVisible	v;
	RvError		err = {0};
	uint32_t	pos[] = {0, 3};

	CHECK_EQ_INT(rv_visible_words(body, strlen(body), "en", r, 2, &v, &err), 0);
	CHECK_EQ_INT(v.nruns, 2);
	CHECK(v.start[0] == 1 && v.end[0] == 3 && v.before[0] == 0);
	CHECK(v.start[1] == 4 && v.end[1] == 5 && v.before[1] == 2);
	rv_visible_renumber(&v, pos, 2);
	CHECK_EQ_INT(pos[0], 0);
	CHECK_EQ_INT(pos[1], 1);	/* "four" is the second visible word */
	CHECK_EQ_INT(rv_visible_count(&v, 5), 2);
	CHECK_EQ_INT(rv_visible_count(NULL, 5), 5);
	rv_visible_free(&v);

	/* nothing hidden */
	CHECK_EQ_INT(rv_visible_words(body, strlen(body), "en", NULL, 0, &v, &err), 0);
	CHECK_EQ_INT(v.nruns, 0);
	CHECK_EQ_INT(rv_visible_count(&v, 5), 5);
}

/* The words of body (every one a match unless listed in nomatch), hidden set. */
static int
snip_words(const char *body, const RvHiddenRange *r, int nr, const char *match,
		   RvSnipWord *w)
{
	int			n = 0,
				ri = 0;
	const char *p = body;

	while (*p)
	{
		const char *s = p;

		while (*p && *p != ' ')
			p++;
		w[n].start = (uint32_t) (s - body);
		w[n].end = (uint32_t) (p - body);
		w[n].hidden = rv_hidden_covers(r, nr, &ri, w[n].start, w[n].end);
		w[n].match = !w[n].hidden && (size_t) (p - s) == strlen(match) &&
			memcmp(s, match, p - s) == 0;
		n++;
		while (*p == ' ')
			p++;
	}
	return n;
}

static char snipped[1024];

static const char *
snippet(const char *body, const RvHiddenRange *r, int nr, const char *match, int max)
{
	RvSnipWord	w[64];
	int			n = snip_words(body, r, nr, match, w);
	RvBuf		b;

	rv_buf_init(&b, 16);
	rv_snippet_build(body, w, n, r, nr, max, &b);
	snprintf(snipped, sizeof(snipped), "%.*s", (int) b.len, b.data);
	rv_free(b.data);
	return snipped;
}

RV_TEST(snippet_window_marks_and_masks)
{
	const char *body = "aa bb cc dd ee ff bb gg";
	RvHiddenRange cc[] = {{6, 8, true, 1}};
	/* the second "bb" is hidden: it is neither shown nor counted */
	RvHiddenRange bb2[] = {{18, 20, false, 0.9f}};

	CHECK_EQ_STR(snippet(body, NULL, 0, "bb", 3), "aa <b>bb</b> cc…");
	CHECK_EQ_STR(snippet(body, cc, 1, "bb", 4), "aa <b>bb</b> [spoiler] dd…");
	CHECK_EQ_STR(snippet(body, cc, 1, "gg", 3), "…ff bb <b>gg</b>");
	CHECK_EQ_STR(snippet(body, bb2, 1, "bb", 2), "aa <b>bb</b>…");
	CHECK_EQ_STR(snippet(body, bb2, 1, "gg", 3), "…ff [spoiler] <b>gg</b>");
	CHECK_EQ_STR(snippet(body, NULL, 0, "zz", 30), "aa bb cc dd ee ff bb gg");
}

RV_TEST(snippet_mask_past_the_window)
{
	/* a hidden range that starts inside the window and ends past it */
	const char *body = "aa bb cc dd";
	RvHiddenRange r[] = {{3, 11, false, 0.9f}};

	CHECK_EQ_STR(snippet(body, r, 1, "aa", 2), "<b>aa</b> [spoiler]…");
}
