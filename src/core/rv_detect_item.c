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
 * 1)); the fitted rv_detect_item_nb_* weights combine them with the text
 * logit, the mean text logit of the sentence's neighbours in its review and
 * the context's thinness (rv_item_combined_logit; the rv_detect_item_*
 * weights, without the neighbours, are the evaluation's ablation).  Words are kept by hash
 * (rv_detect_hash), so the context does not hold the reviews' text.
 */
#include <math.h>
#include <stdlib.h>
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
	if (c->stored != NULL)		/* read-only (rv_item_deserialize) */
		return;
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

/*
 * The stored form of a context (the bytea of spoiler_context()): "RVI1",
 * then nsents, nspoiler and nwords as 4-byte little-endian integers, then
 * per word its hash (8 bytes), sentences and marked sentences (4 each),
 * little-endian, by increasing hash, so that the same reviews give the
 * same bytes in any order.
 */
#define ITEM_MAGIC "RVI1"
#define ITEM_HEAD 16
#define ITEM_ENTRY 16

static void
put_u32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char) (v >> (8 * i));
}

static uint32_t
get_u32(const unsigned char *p)
{
	return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

static uint64_t
stored_hash(const unsigned char *e)
{
	return (uint64_t) get_u32(e) | (uint64_t) get_u32(e + 4) << 32;
}

/*
 * A word's sentences and marked sentences in the context: by the hash
 * table, or by binary search in the stored form's words (in hash order).
 */
static bool
item_counts(const RvItemContext *c, uint64_t h, int32_t *all, int32_t *spoiler)
{
	const RvItemWord *w;

	if (c->stored != NULL)
	{
		uint32_t	lo = 0,
					hi = c->nwords;

		while (lo < hi)
		{
			uint32_t	mid = lo + (hi - lo) / 2;
			const unsigned char *e = c->stored + (size_t) mid * ITEM_ENTRY;
			uint64_t	m = stored_hash(e);

			if (m == h)
			{
				*all = (int32_t) get_u32(e + 8);
				*spoiler = (int32_t) get_u32(e + 12);
				return true;
			}
			if (m < h)
				lo = mid + 1;
			else
				hi = mid;
		}
		return false;
	}
	w = item_slot((RvItemContext *) c, h, false);
	if (w == NULL)
		return false;
	*all = w->all;
	*spoiler = w->spoiler;
	return true;
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
		int32_t		all,
					spoiler;

		if (is_item_stop(RV_TYPE(f, t), f->type_len[t]) ||
			!item_counts(c, f->type_hash[t], &all, &spoiler) || all <= 0)
			continue;
		sum += log((spoiler + 0.5) / (ns + 1)) - log((all - spoiler + 0.5) / (na - ns + 1));
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

/*
 * Few marks make a title look spoiler-light: its rate is read from the
 * marks, and so are its spoiler words.  So the item model also sees the
 * context's thinness, K0 / (K0 + m) for m marked sentences (1 for one mark,
 * towards 0 for many), and was fitted over thin and full contexts alike
 * (tools/fit_detector.py).  Its logit is blended with the default path's
 * by weight m / (m + rv_detect_item_evidence_k), 0 without marks, so that
 * a context without marks scores exactly as none; k 0 gives the item model
 * alone whenever there is a mark.  K0 and k are chosen on the inner folds
 * of the training part.
 */
float
rv_item_thinness(const RvItemContext *c)
{
	return rv_detect_item_nb_thin_k0 /
		(rv_detect_item_nb_thin_k0 + (float) (c->nspoiler > 0 ? c->nspoiler : 0));
}

float
rv_item_evidence_weight(const RvItemContext *c)
{
	if (c->nspoiler <= 0)
		return 0;
	return (float) c->nspoiler / ((float) c->nspoiler + rv_detect_item_evidence_k);
}

float
rv_item_blend(float text_logit, float item_logit, float w)
{
	if (w <= 0)
		return text_logit;
	return text_logit + w * (item_logit - text_logit);
}

/*
 * The neighbours' mean text logit enters only for a sentence that narrates;
 * one that does not (a short verdict, a judging sentence) has its own text
 * logit there, as a sentence alone in its review, so that its neighbours
 * neither raise nor lower it.
 */
float
rv_item_combined_logit(const float *text, const int *nwords, uint32_t n, uint32_t i,
					   float specificity, float rate, float thin)
{
	float		nb = rv_detect_narrates(nwords[i], text[i]) ?
		rv_detect_neighbour_mean(text, n, i, rv_detect_item_nb_reach, rv_detect_item_nb_decay) :
		text[i];

	return rv_detect_item_nb_bias + rv_detect_item_nb_text * text[i] +
		rv_detect_item_nb_neighbours * nb + rv_detect_item_nb_specificity * specificity +
		rv_detect_item_nb_rate * rate + thin * (rv_detect_item_nb_thin +
												rv_detect_item_nb_thin_specificity * specificity +
												rv_detect_item_nb_thin_rate * rate);
}

static int
cmp_item_word(const void *a, const void *b)
{
	uint64_t	x = ((const RvItemWord *) a)->hash,
				y = ((const RvItemWord *) b)->hash;

	return (x > y) - (x < y);
}

/* The stored form's header, for a context of nwords words. */
static void
put_item_head(const RvItemContext *c, uint32_t nwords, RvBuf *out)
{
	unsigned char head[ITEM_HEAD];

	memcpy(head, ITEM_MAGIC, 4);
	put_u32(head + 4, (uint32_t) c->nsents);
	put_u32(head + 8, (uint32_t) c->nspoiler);
	put_u32(head + 12, nwords);
	rv_buf_append(out, head, ITEM_HEAD);
}

void
rv_item_serialize(const RvItemContext *c, RvBuf *out)
{
	RvItemWord *w;
	uint32_t	n = 0;

	if (c->stored != NULL)
	{
		put_item_head(c, c->nwords, out);
		rv_buf_append(out, c->stored, (size_t) c->nwords * ITEM_ENTRY);
		return;
	}
	w = rv_alloc(sizeof(RvItemWord) * (c->nwords ? c->nwords : 1));
	for (uint32_t k = 0; c->words && k <= c->mask; k++)
		if (c->words[k].hash != 0 && c->words[k].all > 0)
			w[n++] = c->words[k];
	qsort(w, n, sizeof(RvItemWord), cmp_item_word);
	put_item_head(c, n, out);
	for (uint32_t i = 0; i < n; i++)
	{
		unsigned char e[ITEM_ENTRY];

		put_u32(e, (uint32_t) w[i].hash);
		put_u32(e + 4, (uint32_t) (w[i].hash >> 32));
		put_u32(e + 8, (uint32_t) w[i].all);
		put_u32(e + 12, (uint32_t) w[i].spoiler);
		rv_buf_append(out, e, ITEM_ENTRY);
	}
	rv_free(w);
}

bool
rv_item_deserialize(const void *data, size_t len, RvItemContext *c, RvError *err)
{
	const unsigned char *p = data;
	uint32_t	n;
	uint64_t	prev = 0;

	rv_item_init(c);
	if (len < ITEM_HEAD || memcmp(p, ITEM_MAGIC, 4) != 0)
	{
		rv_error_set(err, RV_ERR_BINARY, 0, 0,
					 "The value is not a spoiler context (it does not start with \"RVI1\").");
		return false;
	}
	n = get_u32(p + 12);
	c->nsents = (int32_t) get_u32(p + 4);
	c->nspoiler = (int32_t) get_u32(p + 8);
	if ((len - ITEM_HEAD) / ITEM_ENTRY != n || (len - ITEM_HEAD) % ITEM_ENTRY != 0 ||
		c->nsents < 0 || c->nspoiler < 0 || c->nspoiler > c->nsents)
	{
		rv_error_set(err, RV_ERR_BINARY, 0, 0,
					 "The spoiler context is %zu bytes long, which does not match its counts.", len);
		return false;
	}
	for (uint32_t i = 0; i < n; i++)
	{
		const unsigned char *e = p + ITEM_HEAD + (size_t) i * ITEM_ENTRY;
		uint64_t	h = stored_hash(e);
		int32_t		all = (int32_t) get_u32(e + 8),
					spoiler = (int32_t) get_u32(e + 12);

		if (h <= prev || all <= 0 || spoiler < 0 || spoiler > all || all > c->nsents)
		{
			rv_item_init(c);
			rv_error_set(err, RV_ERR_BINARY, 0, 0,
						 "Word %u of the spoiler context is malformed.", i + 1);
			return false;
		}
		prev = h;
	}
	c->nwords = n;
	c->stored = p + ITEM_HEAD;
	return true;
}
