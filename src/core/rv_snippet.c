/*
 * rv_snippet.c
 *	  review_snippet's text (see rv_snippet.h).
 */
#include <string.h>

#include "rv_snippet.h"

bool
rv_snippet_lexeme_matches(const RvQuery *q, const bool *positive,
						  const char *lex, uint32_t len)
{
	for (uint32_t i = 0; i < q->nitems; i++)
	{
		const RvQItem *it = &q->items[i];

		if (it->op != RVQ_TERM || !positive[i])
			continue;
		if ((it->flags & RVQ_PREFIX) ? (len >= it->len && memcmp(lex, it->text, it->len) == 0)
			: rv_lexcmp(lex, len, it->text, it->len) == 0)
			return true;
	}
	return false;
}

void
rv_snippet_build(const char *body, const RvSnipWord *words, int n,
				 const RvHiddenRange *ranges, int nranges, int max_words,
				 RvBuf *out)
{
	int			best = 0,
				best_hits = -1,
				hits = 0,
				last,
				ri = 0;
	uint32_t	to,
				pos,
				copied;

	/* The window of max_words words with the most visible matches. */
	for (int i = 0; i < n; i++)
	{
		hits += words[i].match;
		if (i >= max_words)
			hits -= words[i - max_words].match;
		if (i >= max_words - 1 || i == n - 1)
		{
			int			start = i - max_words + 1 > 0 ? i - max_words + 1 : 0;

			if (hits > best_hits)
				best_hits = hits, best = start;
		}
	}
	last = (best + max_words < n ? best + max_words : n) - 1;
	pos = words[best].start;
	to = words[last].end;

	if (best > 0)
		rv_buf_append_str(out, RV_SNIPPET_ELLIPSIS);
	/* visible bytes are copied in blocks, from copied up to pos */
	copied = pos;
	for (int w = best; pos < to;)
	{
		while (ri < nranges && ranges[ri].end <= pos)
			ri++;
		if (ri < nranges && ranges[ri].start <= pos)
		{
			rv_buf_append(out, body + copied, pos - copied);
			rv_buf_append_str(out, RV_SNIPPET_MASK);
			pos = rv_hidden_run(ranges, nranges, &ri, body);
			copied = pos;
			continue;
		}
		while (w <= last && words[w].end <= pos)
			w++;
		if (w <= last && words[w].start == pos && words[w].match)
		{
			rv_buf_append(out, body + copied, pos - copied);
			rv_buf_append_str(out, "<b>");
			rv_buf_append(out, body + pos, words[w].end - pos);
			rv_buf_append_str(out, "</b>");
			pos = copied = words[w].end;
			continue;
		}
		/* visible up to the next hidden range or word start */
		{
			uint32_t	next = to;

			if (ri < nranges && ranges[ri].start < next)
				next = ranges[ri].start;
			if (w <= last && words[w].start > pos && words[w].start < next)
				next = words[w].start;
			else if (w <= last && words[w].start <= pos && words[w].end < next)
				next = words[w].end;
			pos = next > pos ? next : pos + 1;
		}
	}
	/* pos may pass to only inside a mask, which was not copied */
	if (copied < to && copied < pos)
		rv_buf_append(out, body + copied, (pos < to ? pos : to) - copied);
	if (last < n - 1)
		rv_buf_append_str(out, RV_SNIPPET_ELLIPSIS);
}
