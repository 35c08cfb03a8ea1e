/*
 * rv_doc.c
 *	  Comparison and disposal of parsed review documents.
 */
#include <string.h>

#include "rv_review.h"

void
rv_doc_free(RvDoc *doc)
{
	if (doc == NULL)
		return;
	rv_free((void *) doc->lang);
	rv_free((void *) doc->title);
	rv_free((void *) doc->author);
	rv_free((void *) doc->rating);
	rv_free((void *) doc->body);
	for (uint32_t i = 0; i < doc->nspans; i++)
		rv_free((void *) doc->spans[i].label);
	rv_free(doc->spans);
	rv_free(doc);
}

/* NULL (not set) sorts before every string; then bytewise, shorter first. */
static int
cmp_str(const char *a, uint32_t alen, const char *b, uint32_t blen)
{
	int			c;

	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	c = memcmp(a, b, alen < blen ? alen : blen);
	if (c != 0)
		return c < 0 ? -1 : 1;
	return (alen > blen) - (alen < blen);
}

int
rv_doc_cmp(const RvDoc *a, const RvDoc *b)
{
	int			c;

	if ((c = cmp_str(a->title, a->title_len, b->title, b->title_len)) != 0 ||
		(c = cmp_str(a->author, a->author_len, b->author, b->author_len)) != 0 ||
		(c = cmp_str(a->body, a->body_len, b->body, b->body_len)) != 0 ||
		(c = cmp_str(a->lang, a->lang_len, b->lang, b->lang_len)) != 0 ||
		(c = cmp_str(a->rating, a->rating_len, b->rating, b->rating_len)) != 0)
		return c;
	if (a->warning != b->warning)
		return a->warning ? 1 : -1;
	if (a->nspans != b->nspans)
		return a->nspans > b->nspans ? 1 : -1;
	for (uint32_t i = 0; i < a->nspans; i++)
	{
		const RvSpan *x = &a->spans[i],
				   *y = &b->spans[i];

		if (x->start != y->start)
			return x->start > y->start ? 1 : -1;
		if (x->len != y->len)
			return x->len > y->len ? 1 : -1;
		if ((c = cmp_str(x->label, x->label_len, y->label, y->label_len)) != 0)
			return c;
	}
	return 0;
}
