/*
 * rv_detect.c
 *	  Spoiler detection on unmarked text.
 *
 * Each ICU sentence gets a logit from its text (pass 1), then review
 * context (pass 2):
 *
 *	text	English: naive Bayes log-count ratios of the sentence's word
 *			unigrams and bigrams, and the character n-gram model
 *			(rv_detect_chars.c, summed when the sentence's features are
 *			taken), stacked and calibrated together with two language-neutral
 *			features (capitalized words after the first: named characters
 *			doing things; sentence length), fitted on labelled TV Tropes
 *			sentences split by show by tools/fit_detector.py; plus the English
 *			cue lexicon (endings, deaths, reveals, twists) at half weight.  In
 *			a review the length term is held at its training mean (TV Tropes'
 *			short sentences are fragments of spoiler lists, a review's are
 *			verdicts).  The weights are a static open-addressing table probed
 *			by 64-bit hash: tokens are hashed once when a sentence is
 *			interned, a bigram's hash is mixed from its two, and only a hit
 *			compares the key.
 *			Spanish, French, German: hand-written cue lexicons (endings,
 *			deaths, reveals, twists) with their own neutral weights.  Other
 *			languages: the neutral features only.
 *	context	the review scale (rv_detect_review_scale.c), because the
 *			training sentences come without a review around them: fitted on
 *			reviews written for the project (tools/fit_review_scale.py), it
 *			stretches the text logit (a review's spoilers stand further from
 *			its verdicts than TV Tropes' from its trope descriptions), moves
 *			it to the reviews' rate of spoiler sentences, and weighs the
 *			position (later sentences are likelier to reveal the plot) and
 *			the first sentence.  The hand-written lexicons are on a review's
 *			scale already and get hand-set position priors.  Hand-set for
 *			every language, as the fitting set has neither: a review-level
 *			warning line raises every sentence; a sentence next to a marked
 *			spoiler is likelier to continue it, when it narrates (at least
 *			RV_NEAR_MIN_WORDS words, own text logit at least RV_NEAR_MIN_TEXT):
 *			proximity alone never raises a short verdict.  The fitted
 *			neighbour stage (rv_detect_int.h) is measured by the evaluation
 *			but off here: it helps on TV Tropes pages and hurts on reviews.
 *	item	opt-in (rv_detect_with_item, spoilers(r, ctx)): the text logit
 *			is replaced by a fitted combination of it, the mean text logit
 *			of its neighbours in the review (for a sentence that narrates,
 *			as above) and the title's item features (rv_detect_item.c),
 *			blended with the text logit by the context's marked sentences
 *			(none: the default path, bit for bit), then the review priors
 *			as without a context.
 *
 * The review-level score is the largest sentence score, at least 0.95 with
 * marked spoilers and 0.9 with a warning line.  Everything is deterministic
 * single-precision arithmetic over static tables; a sentence costs about
 * 4.8 us to tokenize (the character n-grams' 1.2 us included) and 1.4 us
 * to score (detect_cli bench, TV Tropes sentences).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rv_detect_int.h"
#include "rv_segment.h"

/* Context priors, in logits (see the file comment). */
#define CTX_POSITION		0.8f	/* times (relative position - 0.5); lexicons */
#define CTX_FIRST_SENTENCE	-0.6f	/* lexicons */
#define CTX_WARNING			0.5f
#define CTX_NEAR_MARKED		0.6f
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

/* The type id of token s[0..len), added if new: each token hashed once. */
static uint32_t
intern_token(RvSentFeatures *f, const char *s, uint32_t len)
{
	uint64_t	h = rv_detect_hash(s, len);
	uint32_t	k;

	if (f->slots == NULL || (uint32_t) f->ntypes * 2 >= f->mask + 1)
	{
		uint32_t	size = f->mask ? (f->mask + 1) * 2 : 64;

		rv_free(f->slots);
		f->slots = rv_alloc(sizeof(int32_t) * size);
		memset(f->slots, 0xFF, sizeof(int32_t) * size);
		f->mask = size - 1;
		f->type_off = rv_realloc(f->type_off, sizeof(uint32_t) * (size / 2));
		f->type_len = rv_realloc(f->type_len, sizeof(uint32_t) * (size / 2));
		f->type_hash = rv_realloc(f->type_hash, sizeof(uint64_t) * (size / 2));
		for (int i = 0; i < f->ntypes; i++)
		{
			for (k = (uint32_t) f->type_hash[i] & f->mask; f->slots[k] >= 0; k = (k + 1) & f->mask)
				;
			f->slots[k] = i;
		}
	}
	for (k = (uint32_t) h & f->mask; f->slots[k] >= 0; k = (k + 1) & f->mask)
	{
		int32_t		t = f->slots[k];

		if (f->type_hash[t] == h && f->type_len[t] == len &&
			memcmp(RV_TYPE(f, t), s, len) == 0)
			return (uint32_t) t;
	}
	f->slots[k] = f->ntypes;
	if (f->typestr.data == NULL)
		rv_buf_init(&f->typestr, 256);
	f->type_off[f->ntypes] = (uint32_t) f->typestr.len;
	f->type_len[f->ntypes] = len;
	rv_buf_append(&f->typestr, s, len);
	rv_buf_append_char(&f->typestr, '\0');
	f->type_hash[f->ntypes] = h;
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
	if (rv_detect_meta_word(w->folded, len))
		return true;
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

static bool
is_english(const char *lang)
{
	return strncmp(lang, "en", 2) == 0 && (lang[2] == '\0' || lang[2] == '-');
}

bool
rv_detect_tokens(const char *text, size_t len, const char *lang,
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

bool
rv_detect_features(const char *text, size_t len, const char *lang,
				   RvSentFeatures *f, RvError *err)
{
	if (!rv_detect_tokens(text, len, lang, f, err))
		return false;
	if (is_english(lang) && !rv_detect_char_logit(text, len, &f->chars, err))
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
	rv_free(f->type_len);
	rv_free(f->type_hash);
	rv_free(f->slots);
	rv_free(f->tok);
	memset(f, 0, sizeof(*f));
}

/*
 * The fitted weights: a table the generator laid out, probed by 64-bit hash
 * (static data, nothing built at run time).  Only a hit compares the key.
 */
/*
 * Most features a sentence probes (bigrams above all) are not in the
 * table, and the table (1 MB) is not in the cache: a one-bit-per-key filter
 * of 32 kB, set on first use from the table's own hashes, answers most of
 * those misses without touching it.  A set bit only means "probe": the
 * result is the table's.
 */
#define WEIGHT_FILTER_BITS 18
#define WEIGHT_FILTER_BIT(h) ((h) >> (64 - WEIGHT_FILTER_BITS))

static uint64_t weight_filter[(1 << WEIGHT_FILTER_BITS) / 64];
static bool weight_filter_built;

static void
build_weight_filter(void)
{
	for (uint32_t k = 0; k <= rv_detect_slot_mask; k++)
	{
		uint64_t	h = rv_detect_slots[k].hash;

		if (h != 0)
			weight_filter[WEIGHT_FILTER_BIT(h) / 64] |= UINT64_C(1) << (WEIGHT_FILTER_BIT(h) % 64);
	}
	weight_filter_built = true;
}

int32_t
rv_detect_weight(uint64_t h, const char *a, uint32_t alen, const char *b, uint32_t blen)
{
	if (!weight_filter_built)
		build_weight_filter();
	if (!(weight_filter[WEIGHT_FILTER_BIT(h) / 64] >> (WEIGHT_FILTER_BIT(h) % 64) & 1))
		return 0;
	for (uint32_t k = (uint32_t) h & rv_detect_slot_mask;; k = (k + 1) & rv_detect_slot_mask)
	{
		const RvWeightSlot *e = &rv_detect_slots[k];

		if (e->hash == h)
		{
			const char *key = rv_detect_keys + (e->key >> 8);
			uint32_t	klen = e->key & 0xFF;

			if (b == NULL)
				return klen == alen && memcmp(key, a, alen) == 0 ? e->w : 0;
			return klen == alen + 1 + blen && memcmp(key, a, alen) == 0 &&
				key[alen] == ' ' && memcmp(key + alen + 1, b, blen) == 0 ? e->w : 0;
		}
		if (e->hash == 0)
			return 0;
	}
}

static bool
token_has_prefix(const char *tok, const char *prefix)
{
	/* Most tokens differ from a cue at the first byte. */
	return tok[0] == prefix[0] && strncmp(tok, prefix, strlen(prefix)) == 0;
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

/*
 * A lexicon's cues by word: its distinct cue words (prefixes), each a bit,
 * listed by their first byte, so that a sentence tests each distinct type
 * against the few words that start as it does, once, and a cue is then
 * bits of its types, not string compares of every token.  Built on first
 * use from the static lexicon (the same on every build); a lexicon with
 * more than CUE_MAX_WORDS distinct words or CUE_MAX_CUES cues keeps the
 * plain scan.
 */
#define CUE_MAX_WORDS 64
#define CUE_MAX_CUES 64
#define CUE_MAX_LEXICONS 8

typedef struct CueIndex
{
	bool		built;
	bool		usable;
	int			nwords;
	const char *word[CUE_MAX_WORDS];
	uint32_t	wlen[CUE_MAX_WORDS];
	uint64_t	first[256];		/* bit w: word w starts with this byte */
	uint64_t	need[CUE_MAX_CUES]; /* the bits of a cue's words */
	uint8_t		cueword[CUE_MAX_CUES][4];	/* a cue's words, in order */
	uint8_t		ncw[CUE_MAX_CUES];
} CueIndex;

static CueIndex cue_index[CUE_MAX_LEXICONS];

static const CueIndex *
cue_index_for(const RvCueLexicon *lex)
{
	int			li = (int) (lex - rv_detect_lexicons);
	CueIndex   *ix;

	if (li < 0 || li >= CUE_MAX_LEXICONS)
		return NULL;
	ix = &cue_index[li];
	if (ix->built)
		return ix->usable ? ix : NULL;
	memset(ix, 0, sizeof(*ix));
	ix->usable = lex->ncues <= CUE_MAX_CUES;
	for (int c = 0; ix->usable && c < lex->ncues; c++)
	{
		const RvCue *cue = &lex->cues[c];

		for (int k = 0; k < 4 && cue->words[k] && ix->usable; k++)
		{
			int			w;

			for (w = 0; w < ix->nwords && strcmp(ix->word[w], cue->words[k]) != 0; w++)
				;
			if (w == ix->nwords)
			{
				if (w == CUE_MAX_WORDS || cue->words[k][0] == '\0')
				{
					ix->usable = false;
					break;
				}
				ix->word[w] = cue->words[k];
				ix->wlen[w] = (uint32_t) strlen(cue->words[k]);
				ix->first[(unsigned char) cue->words[k][0]] |= UINT64_C(1) << w;
				ix->nwords++;
			}
			ix->cueword[c][k] = (uint8_t) w;
			ix->need[c] |= UINT64_C(1) << w;
			ix->ncw[c] = (uint8_t) (k + 1);
		}
	}
	ix->built = true;
	return ix->usable ? ix : NULL;
}

/* Sum of the weights of the cues present in the sentence, each once. */
static float
cue_sum_scan(const RvCueLexicon *lex, const RvSentFeatures *f)
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

/*
 * The same sum by the index: each distinct type gets the bits of the cue
 * words it starts with; a one-word cue is present when a type has its bit,
 * a longer one when consecutive tokens have theirs.  The present cues are
 * summed in the lexicon's order, so the float sum is the scan's, bit for
 * bit.
 */
static float
cue_sum(const RvCueLexicon *lex, const RvSentFeatures *f)
{
	const CueIndex *ix = cue_index_for(lex);
	uint64_t	local[256];
	uint64_t   *tm;
	uint64_t	any = 0;
	float		z = 0;

	if (ix == NULL)
		return cue_sum_scan(lex, f);
	if (f->ntokens == 0)
		return 0;
	tm = f->ntypes <= 256 ? local : rv_alloc(sizeof(uint64_t) * f->ntypes);
	for (int t = 0; t < f->ntypes; t++)
	{
		const char *s = RV_TYPE(f, t);
		uint32_t	len = f->type_len[t];
		uint64_t	cand = ix->first[(unsigned char) s[0]],
					m = 0;

		if ((t & 255) == 255 && RV_CHECK_INTERRUPTS())
			goto done;			/* rv_detect reports it */
		while (cand)
		{
			int			w = __builtin_ctzll(cand);

			cand &= cand - 1;
			if (len >= ix->wlen[w] && memcmp(s, ix->word[w], ix->wlen[w]) == 0)
				m |= UINT64_C(1) << w;
		}
		tm[t] = m;
		any |= m;
	}
	for (int c = 0; c < lex->ncues && any; c++)
	{
		int			nw = ix->ncw[c];

		if ((any & ix->need[c]) != ix->need[c] || nw > f->ntokens)
			continue;
		if (nw == 1)
		{
			z += lex->cues[c].w;
			continue;
		}
		for (int i = 0; i + nw <= f->ntokens; i++)
		{
			int			k;

			if ((i & 1023) == 1023 && RV_CHECK_INTERRUPTS())
				goto done;		/* rv_detect reports it */
			for (k = 0; k < nw &&
				 (tm[f->tok[i + k]] >> ix->cueword[c][k] & 1); k++)
				;
			if (k == nw)
			{
				z += lex->cues[c].w;
				break;
			}
		}
	}
done:
	if (tm != local)
		rv_free(tm);
	return z;
}

/*
 * The fitted model: bias plus each distinct unigram and bigram once
 * (binary features, summed exactly in fixed point): the distinct types,
 * then the distinct pairs of adjacent types (found with a set of pairs, so
 * memory follows what is distinct, not the sentence's length).  Each probe hashes nothing: token
 * hashes come from interning, a pair's is mixed from its two.
 */
float
rv_detect_model_logit(const RvSentFeatures *f)
{
	uint64_t   *pairs;
	uint32_t	pmask = 63,
				npairs = 0;
	int64_t		sum = 0;

	for (int i = 0; i < f->ntypes; i++)
		sum += rv_detect_weight(f->type_hash[i], RV_TYPE(f, i), f->type_len[i], NULL, 0);
	if (f->ntokens < 2)
		return rv_detect_bias + (float) sum * RV_WEIGHT_UNIT;
	pairs = rv_alloc(sizeof(uint64_t) * (pmask + 1));
	memset(pairs, 0xFF, sizeof(uint64_t) * (pmask + 1));
	for (int i = 0; i + 1 < f->ntokens; i++)
	{
		uint32_t	ta = f->tok[i],
					tb = f->tok[i + 1];
		uint64_t	key = (uint64_t) ta << 32 | tb;
		uint32_t	k;

		if (RV_CHECK_INTERRUPTS())
			break;				/* rv_detect reports it */
		for (k = (uint32_t) (key * RV_FNV_PRIME >> 32) & pmask;
			 pairs[k] != UINT64_MAX && pairs[k] != key; k = (k + 1) & pmask)
			;
		if (pairs[k] == key)
			continue;
		pairs[k] = key;
		sum += rv_detect_weight(rv_detect_pair_hash(f->type_hash[ta], f->type_hash[tb]),
							  RV_TYPE(f, ta), f->type_len[ta],
							  RV_TYPE(f, tb), f->type_len[tb]);
		if (++npairs * 2 > pmask)
		{
			uint32_t	newmask = pmask * 2 + 1;
			uint64_t   *np = rv_alloc(sizeof(uint64_t) * (newmask + 1));

			memset(np, 0xFF, sizeof(uint64_t) * (newmask + 1));
			for (uint32_t j = 0; j <= pmask; j++)
			{
				if (pairs[j] == UINT64_MAX)
					continue;
				for (k = (uint32_t) (pairs[j] * RV_FNV_PRIME >> 32) & newmask;
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
	return rv_detect_bias + (float) sum * RV_WEIGHT_UNIT;
}

float
rv_detect_cue_logit(const RvSentFeatures *f, const char *lang)
{
	const RvCueLexicon *lex = lexicon_for(lang);

	return lex ? cue_sum(lex, f) : 0;
}

float
rv_detect_cue_logit_scan(const RvSentFeatures *f, const char *lang)
{
	const RvCueLexicon *lex = lexicon_for(lang);

	return lex ? cue_sum_scan(lex, f) : 0;
}

const RvDetectOptions rv_detect_all = {true, true, true, true, false, true, true};

float
rv_detect_text_logit_opt(const RvSentFeatures *f, const char *lang, const RvDetectOptions *opt)
{
	const RvCueLexicon *lex = lexicon_for(lang);
	bool		fitted = is_english(lang) || lex == NULL;
	float		len_term;
	float		z;

	/*
	 * On TV Tropes, short sentences are likelier spoilers (fragments of
	 * spoiler lists) and long ones less; in reviews a short sentence is a
	 * verdict ("Fine.") and a long one often the plot.  So in a review the
	 * fitted model's length term is held at its training mean: the English
	 * fit keeps the rest of its calibration, without the length cue.
	 */
	if (fitted && opt->review_text)
		len_term = rv_detect_w_length * rv_detect_mean_log_length;
	else
		len_term = (fitted ? rv_detect_w_length : lex->w_length) *
			logf(1.0f + (float) f->nwords);
	z = opt->neutral ?
		(fitted ? rv_detect_w_names : lex->w_names) * (float) f->names + len_term : 0;

	if (is_english(lang))
		return z + (opt->words ? rv_detect_model_logit(f) : rv_detect_bias) +
			(opt->chars ? f->chars : 0) +
			(lex && opt->cues ? EN_CUE_SCALE * cue_sum(lex, f) : 0);
	if (lex == NULL)
		return z + rv_detect_bias;	/* neutral features only */
	return z + lex->bias + (opt->cues ? cue_sum(lex, f) : 0);
}

float
rv_detect_text_logit(const RvSentFeatures *f, const char *lang)
{
	return rv_detect_text_logit_opt(f, lang, &rv_detect_all);
}

static float
sigmoid(float z)
{
	return 1.0f / (1.0f + expf(-z));
}

/* Does a marked span overlap or touch sentence i or its neighbours? */
static bool
near_marked_span(const RvDetectInput *in, uint32_t i, uint32_t *span)
{
	const RvSentence *s = &in->sents[i];

	while (*span < in->nspans && in->spans[*span].start + in->spans[*span].len <
		   (i > 0 ? in->sents[i - 1].start : 0))
		(*span)++;
	for (uint32_t k = *span; k < in->nspans; k++)
	{
		uint32_t	a = in->spans[k].start,
					b = a + in->spans[k].len;
		uint32_t	lo = i > 0 ? in->sents[i - 1].end : s->start;
		uint32_t	hi = i + 1 < in->nsents ? in->sents[i + 1].start : s->end;

		if (a > hi)
			break;
		if (b >= lo)
			return true;
	}
	return false;
}

float
rv_detect_context_logit(const float *text, uint32_t n, uint32_t i)
{
	return rv_detect_ctx_bias + rv_detect_ctx_self * text[i] +
		rv_detect_ctx_neighbours * rv_detect_neighbour_mean(text, n, i, rv_detect_ctx_reach,
															rv_detect_ctx_decay);
}

static void
free_detect(float *text, int *nwords, float *spec)
{
	rv_free(text);
	rv_free(nwords);
	rv_free(spec);
}

/*
 * With an item context (English) that has marked spoilers, pass 1 also
 * takes each sentence's item features, and pass 2 combines them with its
 * text logit and its neighbours' (rv_item_combined_logit), blended with the
 * text logit by the context's evidence (rv_item_blend), in place of the
 * text logit; the review priors follow as without one.  A context without
 * marks scores exactly as none.
 */
static float
detect(const RvDetectInput *in, const RvDetectOptions *opt, const RvItemContext *item,
	   float *scores, RvError *err)
{
	float		review = 0;
	uint32_t	span = 0;
	float	   *text;
	int		   *nwords;
	float	   *spec = NULL;
	float		rate = 0;
	float		evidence = 0;
	float		thin = 0;
	bool		fitted_scale = is_english(in->lang) || !lexicon_for(in->lang);

	if (in->nsents == 0)
		return in->nspans > 0 ? 0.95f : in->warning ? 0.9f : 0;
	if (item != NULL && is_english(in->lang))
		evidence = rv_item_evidence_weight(item);
	/* without evidence, exactly the default path */
	if (evidence <= 0)
		item = NULL;
	else
		thin = rv_item_thinness(item);
	text = rv_alloc(sizeof(float) * in->nsents);
	nwords = rv_alloc(sizeof(int) * in->nsents);
	if (item != NULL)
		spec = rv_alloc(sizeof(float) * in->nsents);

	/* Pass 1: each sentence's text alone. */
	for (uint32_t i = 0; i < in->nsents; i++)
	{
		const RvSentence *s = &in->sents[i];
		RvSentFeatures f;

		if (!rv_detect_features(in->body + s->start, s->end - s->start, in->lang, &f, err))
		{
			free_detect(text, nwords, spec);
			return -1;
		}
		text[i] = rv_detect_text_logit_opt(&f, in->lang, opt);
		if (item != NULL)
			rv_item_features(item, &f, &spec[i], &rate);
		nwords[i] = f.nwords;
		rv_detect_features_free(&f);
		if (rv_interrupted(err) ||
			(RV_CHECK_INTERRUPTS() && rv_interrupted(err)))
		{
			free_detect(text, nwords, spec);
			return -1;
		}
	}

	/* Pass 2: the context of the review around each sentence. */
	for (uint32_t i = 0; i < in->nsents; i++)
	{
		float		z = text[i];
		float		pos = in->nsents > 1 ? (float) i / (float) (in->nsents - 1) : 0.5f;

		if (item != NULL)
			z = rv_item_blend(text[i],
							  rv_item_combined_logit(text, nwords, in->nsents, i, spec[i], rate,
													 thin),
							  evidence);
		else if (is_english(in->lang) && opt->neighbours)
			z = rv_detect_context_logit(text, in->nsents, i);
		if (!opt->review_priors)
		{
			scores[i] = sigmoid(z);
			continue;
		}
		if (fitted_scale)
		{
			/* the review scale, fitted on reviews */
			z = rv_detect_scale_bias + rv_detect_scale_text * z +
				rv_detect_scale_position * (pos - 0.5f);
			if (i == 0 && in->nsents > 1)
				z += rv_detect_scale_first;
		}
		else
		{
			/* the hand-written lexicons are on a review's scale already */
			z += CTX_POSITION * (pos - 0.5f);
			if (i == 0 && in->nsents > 1)
				z += CTX_FIRST_SENTENCE;
		}
		if (in->warning)
			z += CTX_WARNING;

		/*
		 * Next to a marked spoiler, a sentence that narrates is likelier to
		 * continue it; a short one or one whose own words judge rather than
		 * narrate ("Fine.") is not raised by proximity alone.
		 */
		if (near_marked_span(in, i, &span) && rv_detect_narrates(nwords[i], text[i]))
			z += CTX_NEAR_MARKED;
		scores[i] = sigmoid(z);
		if (scores[i] > review)
			review = scores[i];
	}
	free_detect(text, nwords, spec);
	if (in->nspans > 0 && review < 0.95f)
		review = 0.95f;
	if (in->warning && review < 0.9f)
		review = 0.9f;
	return review;
}

float
rv_detect_sentences(const RvDetectInput *in, const RvDetectOptions *opt, float *scores,
					RvError *err)
{
	return detect(in, opt, NULL, scores, err);
}

float
rv_detect_with_item(const RvDetectInput *in, const RvItemContext *ctx, float *scores,
					RvError *err)
{
	return detect(in, &rv_detect_all, ctx, scores, err);
}

float
rv_detect(const RvDetectInput *in, float *scores, RvError *err)
{
	return detect(in, &rv_detect_all, NULL, scores, err);
}

bool
rv_detect_preset(const char *name, float *threshold)
{
	if (strcmp(name, "default") == 0)
		*threshold = RV_DEFAULT_THRESHOLD;
	else if (strcmp(name, "spoiler-averse") == 0)
		*threshold = rv_detect_averse_threshold;
	else if (strcmp(name, "marked-only") == 0)
		*threshold = 1.0f;
	else
		return false;
	return true;
}

/*
 * One sentence into an item context (rv_detect_item.h): its tokens, as the
 * detector sees them, counted there.  The item context counts word types
 * only, so the character n-grams are not computed.
 */
bool
rv_item_add_sentence(RvItemContext *c, const char *text, size_t len,
					 const char *lang, bool spoiler, RvError *err)
{
	RvSentFeatures f;

	if (!rv_detect_tokens(text, len, lang, &f, err))
		return false;
	rv_item_add(c, &f, spoiler, 1);
	rv_detect_features_free(&f);
	return true;
}
