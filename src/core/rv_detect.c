/*
 * rv_detect.c
 *	  Spoiler detection on unmarked text.
 *
 * Each ICU sentence gets a logit from its text, then review context:
 *
 *	text	English: naive Bayes log-count ratios of the sentence's word
 *			unigrams and bigrams, calibrated together with two language-neutral
 *			features (capitalized words after the first: named characters
 *			doing things; sentence length), fitted on labelled TV Tropes
 *			sentences by tools/fit_detector.py; plus the English cue lexicon
 *			(endings, deaths, reveals, twists) at half weight.
 *			Spanish, French, German: hand-written cue lexicons (endings,
 *			deaths, reveals, twists) with the same neutral features.  Other
 *			languages: the neutral features only.
 *	context	hand-set priors, because the training sentences come without a
 *			review around them: later sentences are likelier to reveal the
 *			plot than the set-up at the start; a review-level warning line
 *			raises every sentence; a sentence next to a marked spoiler is
 *			likelier to continue it.  A constant shift moves the fitted
 *			model's balanced training prior (53% spoilers) to the rate of
 *			spoiler sentences in reviews (about 30%); the hand-written
 *			lexicons are on that scale already.
 *
 * The review-level score is the largest sentence score, at least 0.95 with
 * marked spoilers and 0.9 with a warning line.  Everything is deterministic
 * single-precision arithmetic over static tables.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rv_detect_int.h"
#include "rv_segment.h"

/* Context priors, in logits (see the file comment). */
#define CTX_POSITION		0.8f	/* times (relative position - 0.5) */
#define CTX_FIRST_SENTENCE	-0.6f
#define CTX_WARNING			0.5f
#define CTX_NEAR_MARKED		0.6f
#define PRIOR_SHIFT			-0.95f	/* log(0.3/0.7) - log(0.53/0.47) */
#define EN_CUE_SCALE		0.5f	/* English cues on top of the fitted model */

typedef struct TokState
{
	const char *text;
	RvSentFeatures *f;
	int			cap;
} TokState;

static bool
is_upper_ascii_or_latin(const char *s)
{
	unsigned char c = (unsigned char) s[0];

	if (c >= 'A' && c <= 'Z')
		return true;
	/* Latin-1 Supplement capitals (À..Þ except ×) as UTF-8 C3 80..9E */
	return c == 0xC3 && (unsigned char) s[1] >= 0x80 && (unsigned char) s[1] <= 0x9E &&
		(unsigned char) s[1] != 0x97;
}

static bool
all_digits(const char *s, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return len > 0;
}

#define FNV_OFFSET 14695981039346656037ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t
fnv(uint64_t h, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * FNV_PRIME;
	return h;
}

/* The type id of token s[0..len), added if new. */
static uint32_t
intern_token(RvSentFeatures *f, const char *s, uint32_t len)
{
	uint64_t	h = fnv(FNV_OFFSET, s, len);
	uint32_t	k;

	if (f->slots == NULL || (uint32_t) f->ntypes * 2 >= f->mask + 1)
	{
		uint32_t	size = f->mask ? (f->mask + 1) * 2 : 64;

		rv_free(f->slots);
		f->slots = rv_alloc(sizeof(int32_t) * size);
		memset(f->slots, 0xFF, sizeof(int32_t) * size);
		f->mask = size - 1;
		f->type_off = rv_realloc(f->type_off, sizeof(uint32_t) * (size / 2));
		f->type_hash = rv_realloc(f->type_hash, sizeof(uint32_t) * (size / 2));
		for (int i = 0; i < f->ntypes; i++)
		{
			for (k = f->type_hash[i] & f->mask; f->slots[k] >= 0; k = (k + 1) & f->mask)
				;
			f->slots[k] = i;
		}
	}
	for (k = (uint32_t) h & f->mask; f->slots[k] >= 0; k = (k + 1) & f->mask)
	{
		const char *t = RV_TYPE(f, f->slots[k]);

		if (f->type_hash[f->slots[k]] == (uint32_t) h && strncmp(t, s, len) == 0 &&
			t[len] == '\0')
			return (uint32_t) f->slots[k];
	}
	f->slots[k] = f->ntypes;
	if (f->typestr.data == NULL)
		rv_buf_init(&f->typestr, 256);
	f->type_off[f->ntypes] = (uint32_t) f->typestr.len;
	rv_buf_append(&f->typestr, s, len);
	rv_buf_append_char(&f->typestr, '\0');
	f->type_hash[f->ntypes] = (uint32_t) h;
	return (uint32_t) f->ntypes++;
}

static bool
collect_token(const RvWord *w, void *arg)
{
	TokState   *st = arg;
	RvSentFeatures *f = st->f;
	uint32_t	len = w->folded_len;

	if (w->index > 0 && is_upper_ascii_or_latin(st->text + w->start))
		f->names++;
	f->nwords++;
	if (f->ntokens == st->cap)
	{
		st->cap = st->cap ? st->cap + st->cap / 2 : 16;
		f->tok = rv_realloc(f->tok, sizeof(uint32_t) * st->cap);
	}
	/* "man's" -> "man": the possessive carries no signal of its own. */
	if (len > 2 && w->folded[len - 2] == '\'' && w->folded[len - 1] == 's')
		len -= 2;
	f->tok[f->ntokens++] = all_digits(w->folded, len) ? intern_token(f, "<num>", 5)
		: intern_token(f, w->folded, len);
	return true;
}

bool
rv_detect_features(const char *text, size_t len, const char *lang,
				   RvSentFeatures *f, RvError *err)
{
	TokState	st = {text, f, 0};

	memset(f, 0, sizeof(*f));
	if (rv_words(text, len, lang, collect_token, &st, err) < 0)
	{
		rv_detect_features_free(f);
		return false;
	}
	return true;
}

void
rv_detect_features_free(RvSentFeatures *f)
{
	rv_free(f->typestr.data);
	rv_free(f->type_off);
	rv_free(f->type_hash);
	rv_free(f->slots);
	rv_free(f->tok);
	memset(f, 0, sizeof(*f));
}

/*
 * The fitted weights, hashed once per process for lookups by token or by
 * token pair without building the pair's string.  The table lives in
 * malloc'd memory for the life of the process (it is derived from static
 * data, so no memory context owns it); without memory, lookups fall back
 * to binary search.
 */
static int32_t *weight_slots;	/* index into rv_detect_weights, or -1 */
static uint64_t *weight_hashes;
static uint32_t weight_mask;
static bool weight_table_tried;


static void
build_weight_table(void)
{
	uint32_t	size = 1;

	weight_table_tried = true;
	while (size < (uint32_t) rv_detect_nweights * 2)
		size <<= 1;
	weight_slots = malloc(sizeof(int32_t) * size);
	weight_hashes = malloc(sizeof(uint64_t) * (rv_detect_nweights ? rv_detect_nweights : 1));
	if (weight_slots == NULL || weight_hashes == NULL)
	{
		free(weight_slots);
		free(weight_hashes);
		weight_slots = NULL;
		return;
	}
	weight_mask = size - 1;
	memset(weight_slots, 0xFF, sizeof(int32_t) * size);
	for (int i = 0; i < rv_detect_nweights; i++)
	{
		uint64_t	h = fnv(FNV_OFFSET, rv_detect_weights[i].key, strlen(rv_detect_weights[i].key));
		uint32_t	k = (uint32_t) h & weight_mask;

		weight_hashes[i] = h;
		while (weight_slots[k] >= 0)
			k = (k + 1) & weight_mask;
		weight_slots[k] = i;
	}
}

/* Is key equal to a, or to "a b" when b is given? */
static bool
key_equals(const char *key, const char *a, size_t alen, const char *b, size_t blen)
{
	if (strncmp(key, a, alen) != 0)
		return false;
	if (b == NULL)
		return key[alen] == '\0';
	return key[alen] == ' ' && strncmp(key + alen + 1, b, blen) == 0 &&
		key[alen + 1 + blen] == '\0';
}

static float
weight_of(uint64_t h, const char *a, const char *b)
{
	size_t		alen = strlen(a),
				blen = b ? strlen(b) : 0;

	if (!weight_table_tried)
		build_weight_table();
	if (weight_slots != NULL)
	{
		for (uint32_t k = (uint32_t) h & weight_mask; weight_slots[k] >= 0; k = (k + 1) & weight_mask)
		{
			int32_t		e = weight_slots[k];

			if (weight_hashes[e] == h && key_equals(rv_detect_weights[e].key, a, alen, b, blen))
				return rv_detect_weights[e].w;
		}
		return 0;
	}
	else
	{
		char		buf[512];
		const char *key = a;
		int			lo = 0,
					hi = rv_detect_nweights;

		if (b != NULL)
		{
			if (alen + blen + 2 > sizeof(buf))
				return 0;		/* longer than any fitted feature */
			memcpy(buf, a, alen);
			buf[alen] = ' ';
			memcpy(buf + alen + 1, b, blen + 1);
			key = buf;
		}
		while (lo < hi)
		{
			int			mid = (lo + hi) / 2;
			int			c = strcmp(rv_detect_weights[mid].key, key);

			if (c == 0)
				return rv_detect_weights[mid].w;
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		return 0;
	}
}

static bool
token_has_prefix(const char *tok, const char *prefix)
{
	return strncmp(tok, prefix, strlen(prefix)) == 0;
}

static const RvCueLexicon *
lexicon_for(const char *lang)
{
	size_t		n = strcspn(lang, "-");

	for (int i = 0; i < rv_detect_nlexicons; i++)
		if (strlen(rv_detect_lexicons[i].lang) == n &&
			memcmp(rv_detect_lexicons[i].lang, lang, n) == 0)
			return &rv_detect_lexicons[i];
	return NULL;
}

/* Sum of the weights of the cues present in the sentence, each once. */
static float
cue_sum(const RvCueLexicon *lex, const RvSentFeatures *f)
{
	float		z = 0;

	for (int c = 0; c < lex->ncues; c++)
	{
		const RvCue *cue = &lex->cues[c];
		int			nw = 0;

		while (nw < 4 && cue->words[nw])
			nw++;
		for (int i = 0; i + nw <= f->ntokens; i++)
		{
			int			k;

			if (RV_CHECK_INTERRUPTS())
				return z;		/* rv_detect reports it */
			for (k = 0; k < nw && token_has_prefix(RV_TOKEN(f, i + k), cue->words[k]); k++)
				;
			if (k == nw)
			{
				z += cue->w;
				break;
			}
		}
	}
	return z;
}

typedef struct FeatureRef
{
	uint64_t	hash;
	int			a;				/* token index */
	int			b;				/* second token of a pair, or -1 */
} FeatureRef;

static int
cmp_feature(const void *x, const void *y)
{
	uint64_t	a = ((const FeatureRef *) x)->hash,
				b = ((const FeatureRef *) y)->hash;

	return (a > b) - (a < b);
}

/*
 * The fitted model: bias plus each distinct unigram and bigram once.  The
 * features are the distinct types and the distinct pairs of adjacent types
 * (found with a set of pairs), so memory follows what is distinct, not the
 * sentence's length.
 */
static float
model_logit(const RvSentFeatures *f)
{
	FeatureRef *refs;
	uint64_t   *pairs;
	uint32_t	pmask = 63,
				npairs = 0;
	int			n = 0,
				cap = f->ntypes + 64;
	float		z = rv_detect_bias;

	refs = rv_alloc(sizeof(FeatureRef) * cap);
	pairs = rv_alloc(sizeof(uint64_t) * (pmask + 1));
	memset(pairs, 0xFF, sizeof(uint64_t) * (pmask + 1));
	for (int i = 0; i < f->ntypes; i++)
		refs[n++] = (FeatureRef) {fnv(FNV_OFFSET, RV_TYPE(f, i), strlen(RV_TYPE(f, i))), i, -1};
	for (int i = 0; i + 1 < f->ntokens; i++)
	{
		uint64_t	key = (uint64_t) f->tok[i] << 32 | f->tok[i + 1];
		uint32_t	k;

		if (RV_CHECK_INTERRUPTS())
			break;				/* rv_detect reports it */
		for (k = (uint32_t) (key * FNV_PRIME >> 32) & pmask;
			 pairs[k] != UINT64_MAX && pairs[k] != key; k = (k + 1) & pmask)
			;
		if (pairs[k] == key)
			continue;
		pairs[k] = key;
		if (n == cap)
		{
			cap *= 2;
			refs = rv_realloc(refs, sizeof(FeatureRef) * cap);
		}
		refs[n++] = (FeatureRef) {fnv(fnv(refs[f->tok[i]].hash, " ", 1), RV_TOKEN(f, i + 1),
									  strlen(RV_TOKEN(f, i + 1))),
								  (int) f->tok[i], (int) f->tok[i + 1]};
		if (++npairs * 2 > pmask)
		{
			uint32_t	newmask = pmask * 2 + 1;
			uint64_t   *np = rv_alloc(sizeof(uint64_t) * (newmask + 1));

			memset(np, 0xFF, sizeof(uint64_t) * (newmask + 1));
			for (uint32_t j = 0; j <= pmask; j++)
			{
				if (pairs[j] == UINT64_MAX)
					continue;
				for (k = (uint32_t) (pairs[j] * FNV_PRIME >> 32) & newmask;
					 np[k] != UINT64_MAX; k = (k + 1) & newmask)
					;
				np[k] = pairs[j];
			}
			rv_free(pairs);
			pairs = np;
			pmask = newmask;
		}
	}
	rv_free(pairs);
	/* Binary features: a repeated word or pair counts once (equal hashes). */
	qsort(refs, n, sizeof(FeatureRef), cmp_feature);
	for (int i = 0; i < n; i++)
		if (i == 0 || refs[i].hash != refs[i - 1].hash)
			z += weight_of(refs[i].hash, RV_TYPE(f, refs[i].a),
						   refs[i].b >= 0 ? RV_TYPE(f, refs[i].b) : NULL);
	rv_free(refs);
	return z;
}

static bool
is_english(const char *lang)
{
	return strncmp(lang, "en", 2) == 0 && (lang[2] == '\0' || lang[2] == '-');
}

float
rv_detect_text_logit(const RvSentFeatures *f, const char *lang)
{
	const RvCueLexicon *lex = lexicon_for(lang);
	float		z = rv_detect_w_names * (float) f->names +
		rv_detect_w_length * logf(1.0f + (float) f->nwords);

	if (is_english(lang))
		return z + model_logit(f) + (lex ? EN_CUE_SCALE * cue_sum(lex, f) : 0);
	if (lex == NULL)
		return z + rv_detect_bias;	/* neutral features only */
	return z + lex->bias + cue_sum(lex, f);
}

static float
sigmoid(float z)
{
	return 1.0f / (1.0f + expf(-z));
}

float
rv_detect(const RvDetectInput *in, float *scores, RvError *err)
{
	float		review = 0;
	uint32_t	span = 0;

	for (uint32_t i = 0; i < in->nsents; i++)
	{
		const RvSentence *s = &in->sents[i];
		RvSentFeatures f;
		float		z;
		float		pos = in->nsents > 1 ? (float) i / (float) (in->nsents - 1) : 0.5f;
		bool		near_marked = false;

		if (!rv_detect_features(in->body + s->start, s->end - s->start, in->lang, &f, err))
			return -1;
		z = rv_detect_text_logit(&f, in->lang);
		rv_detect_features_free(&f);
		if (rv_interrupted(err) ||
			(RV_CHECK_INTERRUPTS() && rv_interrupted(err)))
			return -1;
		if (is_english(in->lang) || !lexicon_for(in->lang))
			z += PRIOR_SHIFT;	/* the fitted model's balanced prior */

		/* Marked spans that overlap or touch this sentence or its neighbours. */
		while (span < in->nspans && in->spans[span].start + in->spans[span].len <
			   (i > 0 ? in->sents[i - 1].start : 0))
			span++;
		for (uint32_t k = span; k < in->nspans; k++)
		{
			uint32_t	a = in->spans[k].start,
						b = a + in->spans[k].len;
			uint32_t	lo = i > 0 ? in->sents[i - 1].end : s->start;
			uint32_t	hi = i + 1 < in->nsents ? in->sents[i + 1].start : s->end;

			if (a > hi)
				break;
			if (b >= lo)
			{
				near_marked = true;
				break;
			}
		}

		z += CTX_POSITION * (pos - 0.5f);
		if (i == 0 && in->nsents > 1)
			z += CTX_FIRST_SENTENCE;
		if (in->warning)
			z += CTX_WARNING;
		if (near_marked)
			z += CTX_NEAR_MARKED;
		scores[i] = sigmoid(z);
		if (scores[i] > review)
			review = scores[i];
	}
	if (in->nspans > 0 && review < 0.95f)
		review = 0.95f;
	if (in->warning && review < 0.9f)
		review = 0.9f;
	return review;
}
