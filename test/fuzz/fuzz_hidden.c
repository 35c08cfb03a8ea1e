/*
 * fuzz_hidden.c
 *	  libFuzzer harness for the hidden-range rule (rv_hidden.c) and the
 *	  snippet (rv_snippet.c): what redact(), snippets and @@~ must never show.
 *
 * The input is review text.  It is parsed, its sentences scored by the
 * detector, and its hidden ranges computed at four thresholds, as input and
 * redact() do.  Properties, for every threshold:
 *	- the ranges lie within the body, sorted by start;
 *	- no byte inside a hidden range reaches the output of redact or of a
 *	  snippet: the output is the same whatever those bytes are (the body with
 *	  every hidden byte set to 0x00 and to 0xFF give the same output as the
 *	  body itself), and holds no 0xFF (valid UTF-8 has none);
 *	- rv_redact_len is the length of what rv_redact appends;
 *	- a word is in a hidden run of rv_visible_words exactly when it meets a
 *	  hidden range, and the visible count is the words less the hidden ones.
 */
#include <string.h>

#include "fuzz_common.h"
#include "rv_detect.h"
#include "rv_hidden.h"
#include "rv_review.h"
#include "rv_segment.h"
#include "rv_snippet.h"

int			LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

typedef struct WordsState
{
	const RvHiddenRange *ranges;
	int			n;
	int			ri;
	RvSnipWord *words;
	int			nwords;
	int			cap;
	uint32_t	nhidden;
	uint32_t	last_index;
	uint32_t	total;
} WordsState;

static bool
collect_word(const RvWord *w, void *arg)
{
	WordsState *st = arg;
	RvSnipWord *sw;

	if (st->nwords == st->cap)
	{
		st->cap = st->cap ? st->cap * 2 : 64;
		st->words = rv_realloc(st->words, sizeof(RvSnipWord) * st->cap);
	}
	sw = &st->words[st->nwords++];
	sw->start = (uint32_t) w->start;
	sw->end = (uint32_t) w->end;
	sw->hidden = rv_hidden_covers(st->ranges, st->n, &st->ri, sw->start, sw->end);
	/* some visible words match: those whose folded form starts with an odd byte */
	sw->match = !sw->hidden && w->folded_len > 0 && (w->folded[0] & 1);
	st->nhidden += sw->hidden;
	st->last_index = w->index;
	st->total = w->index + 1;
	return true;
}

/* The body with every byte inside a hidden range set to fill. */
static char *
overwrite_hidden(const char *body, uint32_t len, const RvHiddenRange *r, int n,
				 unsigned char fill)
{
	char	   *b = rv_alloc(len + 1);

	memcpy(b, body, len);
	b[len] = '\0';
	for (int i = 0; i < n; i++)
		memset(b + r[i].start, fill, r[i].end - r[i].start);
	return b;
}

static void
check_same(const RvBuf *a, const RvBuf *b)
{
	FUZZ_ASSERT(a->len == b->len && memcmp(a->data, b->data, a->len) == 0);
	FUZZ_ASSERT(memchr(a->data, 0xFF, a->len) == NULL);
}

static void
check_threshold(const RvDoc *doc, const RvSpanEntry *spans,
				const RvSentEntry *sents, uint32_t nsents, float threshold,
				int max_words)
{
	RvHiddenRange *r = rv_alloc(sizeof(RvHiddenRange) * (doc->nspans + nsents + 1));
	RvHiddenRange *merged;
	int			n = rv_hidden_ranges(spans, doc->nspans, sents, nsents, threshold, r),
				nmerged;
	char	   *lo,
			   *hi;
	RvBuf		out,
				out_lo,
				out_hi;
	WordsState	st = {0};
	RvError		err = {0};
	RvVisible	v;

	for (int i = 0; i < n; i++)
	{
		FUZZ_ASSERT(r[i].start < r[i].end && r[i].end <= doc->body_len);
		FUZZ_ASSERT(i == 0 || r[i - 1].start <= r[i].start);
		FUZZ_ASSERT(r[i].marked || r[i].score >= threshold);
	}
	lo = overwrite_hidden(doc->body, doc->body_len, r, n, 0x00);
	hi = overwrite_hidden(doc->body, doc->body_len, r, n, 0xFF);

	/* redact */
	rv_buf_init(&out, 64);
	rv_buf_init(&out_lo, 64);
	rv_buf_init(&out_hi, 64);
	rv_redact(doc->body, doc->body_len, r, n, "[spoiler]", 9, &out);
	rv_redact(lo, doc->body_len, r, n, "[spoiler]", 9, &out_lo);
	rv_redact(hi, doc->body_len, r, n, "[spoiler]", 9, &out_hi);
	FUZZ_ASSERT(rv_redact_len(doc->body, doc->body_len, r, n, 9) == out.len);
	check_same(&out, &out_lo);
	check_same(&out, &out_hi);

	/* snippets: the words and their flags come from the real body */
	st.ranges = r;
	st.n = n;
	if (rv_words(doc->body, doc->body_len, doc->lang, collect_word, &st, &err) >= 0 &&
		st.nwords > 0)
	{
		out.len = out_lo.len = out_hi.len = 0;
		rv_snippet_build(doc->body, st.words, st.nwords, r, n, max_words, &out);
		rv_snippet_build(lo, st.words, st.nwords, r, n, max_words, &out_lo);
		rv_snippet_build(hi, st.words, st.nwords, r, n, max_words, &out_hi);
		check_same(&out, &out_lo);
		check_same(&out, &out_hi);
	}

	/* visible words: the same hidden words as the ranges say */
	merged = rv_alloc(sizeof(RvHiddenRange) * (n + 1));
	memcpy(merged, r, sizeof(RvHiddenRange) * n);
	nmerged = rv_hidden_merge(merged, n);
	for (int i = 1; i < nmerged; i++)
		FUZZ_ASSERT(merged[i - 1].end < merged[i].start);
	if (st.nwords > 0 &&
		rv_visible_words(doc->body, doc->body_len, doc->lang, merged, nmerged, &v, &err) == 0)
	{
		uint32_t	hidden_words = 0;

		for (int i = 0; i < v.nruns; i++)
		{
			FUZZ_ASSERT(v.start[i] < v.end[i]);
			FUZZ_ASSERT(i == 0 || v.end[i - 1] < v.start[i]);
			hidden_words += v.end[i] - v.start[i];
		}
		/* words skipped by rv_words (elisions) have numbers but no word */
		FUZZ_ASSERT(hidden_words == st.nhidden);
		FUZZ_ASSERT(rv_visible_count(&v, st.total) == st.total - hidden_words);
		rv_visible_free(&v);
	}

	rv_free(st.words);
	rv_free(merged);
	rv_free(out.data);
	rv_free(out_lo.data);
	rv_free(out_hi.data);
	rv_free(lo);
	rv_free(hi);
	rv_free(r);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const float thresholds[] = {0.0f, 0.3f, RV_DEFAULT_THRESHOLD, 1.0f};
	RvError		err = {0};
	RvDoc	   *doc = rv_parse((const char *) data, size, &err);
	RvSentence *sent = NULL;
	int64_t		nsents;
	RvSpanEntry *spans;
	RvSentEntry *sents;
	float	   *scores;
	RvDetectInput din;

	if (doc == NULL)
		return 0;
	nsents = rv_sentences(doc->body, doc->body_len, doc->lang, &sent, &err);
	if (nsents < 0)
	{
		rv_doc_free(doc);
		return 0;
	}
	scores = rv_alloc(sizeof(float) * (nsents + 1));
	din = (RvDetectInput) {doc->body, doc->body_len, doc->lang, doc->warning,
	sent, (uint32_t) nsents, doc->spans, doc->nspans};
	FUZZ_ASSERT(rv_detect(&din, scores, &err) >= 0);
	spans = rv_alloc(sizeof(RvSpanEntry) * (doc->nspans + 1));
	for (uint32_t i = 0; i < doc->nspans; i++)
		spans[i] = (RvSpanEntry) {doc->spans[i].start, doc->spans[i].len, 0, UINT32_MAX};
	sents = rv_alloc(sizeof(RvSentEntry) * (nsents + 1));
	for (int64_t i = 0; i < nsents; i++)
	{
		FUZZ_ASSERT(scores[i] >= 0 && scores[i] <= 1);
		sents[i] = (RvSentEntry) {sent[i].start, sent[i].end, scores[i]};
	}
	for (int t = 0; t < 4; t++)
		check_threshold(doc, spans, sents, (uint32_t) nsents, thresholds[t],
						1 + (int) (size % 24));
	rv_free(sents);
	rv_free(spans);
	rv_free(scores);
	rv_free(sent);
	rv_doc_free(doc);
	return 0;
}
