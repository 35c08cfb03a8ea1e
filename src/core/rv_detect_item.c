/*
 * rv_detect_item.c
 *	  Item context of the spoiler detector: what other reviews of the same
 *	  title say inside their marked spoilers.
 *
 * A context counts, over the sentences added to it, how many there are and
 * how many lie in marked spoilers, and per content word (a model token
 * that is not a stop word) in how many sentences it occurs, and in how
 * many marked ones.  A sentence scored against it gets two features, as
 * SpoilerNet's item specificity: how much its content words occur in the
 * title's spoilers rather than in the rest (the mean over its words the
 * context has seen of log((S + 0.5) / (ns + 1)) - log((A - S + 0.5) /
 * (na - ns + 1))), and the title's spoiler rate, log((ns + 1) / (na - ns +
 * 1)); the fitted rv_detect_item_* weights combine them with the text
 * logit.  Words are kept by hash (rv_detect_hash), so the context does
 * not hold the reviews' text.
 */
#include <math.h>
#include <string.h>

#include "rv_detect_int.h"

/* Words too common to tell a title's spoilers from the rest. */
static const char *const item_stop[] = {
	"a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has",
	"have", "he", "her", "him", "his", "in", "is", "it", "its", "not", "of", "on", "or",
	"she", "that", "the", "their", "them", "they", "this", "to", "was", "when", "which",
	"who", "with"
};

static bool
is_item_stop(const char *w, uint32_t len)
{
	int			lo = 0,
				hi = (int) (sizeof(item_stop) / sizeof(item_stop[0]));

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = strncmp(item_stop[mid], w, len);

		if (c == 0 && item_stop[mid][len] != '\0')
			c = 1;
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

void
rv_item_init(RvItemContext *c)
{
	memset(c, 0, sizeof(*c));
}

void
rv_item_free(RvItemContext *c)
{
	rv_free(c->words);
	memset(c, 0, sizeof(*c));
}

static RvItemWord *
item_slot(RvItemContext *c, uint64_t h, bool add)
{
	uint32_t	k;

	if (c->words == NULL || (add && (c->nwords + 1) * 2 > c->mask + 1))
	{
		uint32_t	size = c->words ? (c->mask + 1) * 2 : 256;
		RvItemWord *old = c->words;
		uint32_t	oldsize = old ? c->mask + 1 : 0;

		if (!add && old == NULL)
			return NULL;
		c->words = rv_alloc0(sizeof(RvItemWord) * size);
		c->mask = size - 1;
		for (uint32_t i = 0; i < oldsize; i++)
		{
			if (old[i].hash == 0)
				continue;
			for (k = (uint32_t) old[i].hash & c->mask; c->words[k].hash != 0; k = (k + 1) & c->mask)
				;
			c->words[k] = old[i];
		}
		rv_free(old);
	}
	for (k = (uint32_t) h & c->mask; c->words[k].hash != 0; k = (k + 1) & c->mask)
		if (c->words[k].hash == h)
			return &c->words[k];
	if (!add)
		return NULL;
	c->words[k].hash = h;
	c->nwords++;
	return &c->words[k];
}

void
rv_item_add(RvItemContext *c, const RvSentFeatures *f, bool spoiler, int delta)
{
	c->nsents += delta;
	if (spoiler)
		c->nspoiler += delta;
	for (int t = 0; t < f->ntypes; t++)
	{
		RvItemWord *w;

		if (is_item_stop(RV_TYPE(f, t), f->type_len[t]))
			continue;
		w = item_slot(c, f->type_hash[t], true);
		w->all += delta;
		if (spoiler)
			w->spoiler += delta;
	}
}

void
rv_item_features(const RvItemContext *c, const RvSentFeatures *f, float *specificity,
				 float *rate)
{
	double		sum = 0;
	int			n = 0;
	double		ns = c->nspoiler,
				na = c->nsents;

	for (int t = 0; t < f->ntypes; t++)
	{
		const RvItemWord *w;

		if (is_item_stop(RV_TYPE(f, t), f->type_len[t]))
			continue;
		w = item_slot((RvItemContext *) c, f->type_hash[t], false);
		if (w == NULL || w->all <= 0)
			continue;
		sum += log((w->spoiler + 0.5) / (ns + 1)) - log((w->all - w->spoiler + 0.5) / (na - ns + 1));
		n++;
	}
	*specificity = n ? (float) (sum / n) : 0;
	*rate = (float) log((ns + 1) / (na - ns + 1));
}

float
rv_item_logit(const RvItemContext *c, const RvSentFeatures *f, float text_logit)
{
	float		spec,
				rate;

	rv_item_features(c, f, &spec, &rate);
	return rv_detect_item_bias + rv_detect_item_text * text_logit +
		rv_detect_item_specificity * spec + rv_detect_item_rate * rate;
}
