/*
 * review_visible.c
 *	  The hidden ranges and the visible word numbers of a stored value, for
 *	  redact(), snippets, the *_safe functions and @@~.  The rule is the
 *	  core's (rv_hidden.c); this reads the value's sections for it.
 */
#include "postgres.h"

#include "review_visible.h"
#include "rv_detect.h"

RvHiddenRange *
review_hidden_ranges(const Review *r, const RvLayout *l, float threshold, int *n)
{
	RvHiddenRange *out = palloc(sizeof(RvHiddenRange) *
								((Size) r->nspans + r->nsents + 1));

	Assert(threshold >= 0 && threshold <= 1);
	*n = rv_hidden_ranges(RV_SECTION(r, l, spans, RvSpanEntry), r->nspans,
						  RV_SECTION(r, l, sents, RvSentEntry), r->nsents,
						  threshold, out);
	Assert(*n <= (int) (r->nspans + r->nsents));
	return out;
}

RvVisible *
review_visible_words(const Review *r, const RvLayout *l)
{
	RvHiddenRange *ranges;
	RvVisible  *v;
	RvError		err = {0};
	char		lang[RV_LANG_BUFSIZE];
	int			n;

	ranges = review_hidden_ranges(r, l, RV_DEFAULT_THRESHOLD, &n);
	n = rv_hidden_merge(ranges, n);
	if (n == 0)
	{
		pfree(ranges);
		return NULL;
	}
	v = palloc(sizeof(RvVisible));
	review_lang_of(r, l, lang);
	if (rv_visible_words((const char *) r + l->body, r->body_len, lang,
						 ranges, n, v, &err) < 0)
		rv_report(&err, "review", NULL);
	pfree(ranges);
	if (v->nruns == 0)
	{
		pfree(v);
		return NULL;
	}
	return v;
}
