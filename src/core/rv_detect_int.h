/*
 * rv_detect_int.h
 *	  Internals of the spoiler detector shared by the scorer (rv_detect.c),
 *	  its data (rv_detect_lexicon.c, rv_detect_weights.c) and the fitting
 *	  tool (test/eval/detect_cli.c), so that the features the weights were
 *	  fitted on are computed by the very code that scores.
 */
#ifndef RV_DETECT_INT_H
#define RV_DETECT_INT_H

#include "rv_core.h"
#include "rv_detect.h"
#include "rv_detect_item.h"

/*
 * A feature weight: a token ("worker") or token bigram ("turns out"), in an
 * open-addressing table laid out by the generator (tools/fit_detector.py):
 * slot (hash & mask), then the next ones, until an empty slot (hash 0).  A
 * probe compares 64-bit hashes; only a hit compares the key, once.
 */
typedef struct RvWeightSlot
{
	uint64_t	hash;			/* rv_detect_hash or rv_detect_pair_hash; 0: empty */
	uint32_t	key;			/* the key ("a" or "a b") in rv_detect_keys:
								 * offset << 8 | length (keys are < 256
								 * bytes) */
	int32_t		w;				/* the weight in RV_WEIGHT_UNITs */
} RvWeightSlot;

/*
 * Weights are fixed point, so that a sentence's sum is exact and the same
 * in any order of summing (a reference lookup in the unit test gives the
 * very same bits).
 */
#define RV_WEIGHT_UNIT 1e-4f

/* The fitted English model (rv_detect_weights.c, generated). */
extern const float rv_detect_bias;
extern const float rv_detect_w_names;	/* per capitalized word inside a sentence */
extern const float rv_detect_w_length;	/* per log(1 + words) */
extern const float rv_detect_mean_log_length;	/* of the training sentences */

/*
 * The fitted context stage (rv_detect_weights.c), off in rv_detect: on TV
 * Tropes pages it raises the held-out AUC (spoilers come in runs there),
 * on reviews it lowers it (a spoiler sentence sits among judgements); the
 * evaluation measures it.  A sentence's logit is
 * ctx_bias + ctx_self * its text logit + ctx_neighbours * the weighted mean
 * of its neighbours' text logits (up to ctx_reach sentences either side in
 * the same review, weight ctx_decay^(distance - 1)).
 */
extern const float rv_detect_ctx_bias;
extern const float rv_detect_ctx_self;
extern const float rv_detect_ctx_neighbours;
extern const int rv_detect_ctx_reach;
extern const float rv_detect_ctx_decay;

/*
 * A word about spoilers themselves ("spoiler", "spoiled", "spoiler-free",
 * "unspoiled": it holds "spoil", ASCII case aside) is no feature of either
 * model.  In the TV Tropes sentences the few that have one are spoilers
 * (17 of 18); in a review it is what the reviewer says about spoilers
 * ("Nothing here could be spoiled."), and the warning line is read apart.
 */
extern bool rv_detect_meta_word(const char *s, size_t len);

/*
 * The review scale (rv_detect_review_scale.c, fitted on reviews by
 * tools/fit_review_scale.py): in a review, an English sentence's logit is
 * scale_bias + scale_text * its text logit + scale_position * (relative
 * position - 0.5) + scale_first if it opens a review of several sentences;
 * the warning and marked-neighbour priors are added to that.
 */
extern const float rv_detect_scale_bias;
extern const float rv_detect_scale_text;
extern const float rv_detect_scale_position;
extern const float rv_detect_scale_first;

/* The spoiler-averse preset: recall 0.8 on the review fitting set. */
extern const float rv_detect_averse_threshold;
extern const float rv_detect_recall80_threshold;	/* on TV Tropes pages */
extern const RvWeightSlot rv_detect_slots[];	/* rv_detect_slot_mask + 1 slots */
extern const uint32_t rv_detect_slot_mask;
extern const char rv_detect_keys[];
extern const int rv_detect_nweights;	/* occupied slots */

/*
 * The hashes of the table: FNV-1a over a token's bytes, and a mix of two
 * token hashes for a bigram, so that a pair is hashed without its string.
 * Never 0 (the empty slot).  tools/fit_detector.py computes the same.
 */
#define RV_FNV_OFFSET 14695981039346656037ULL
#define RV_FNV_PRIME 1099511628211ULL

static inline uint64_t
rv_detect_nonzero(uint64_t h)
{
	return h ? h : 1;
}

static inline uint64_t
rv_detect_hash(const char *s, size_t len)
{
	uint64_t	h = RV_FNV_OFFSET;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * RV_FNV_PRIME;
	return rv_detect_nonzero(h);
}

static inline uint64_t
rv_detect_pair_hash(uint64_t a, uint64_t b)
{
	uint64_t	h = a ^ (b * 0x9E3779B97F4A7C15ULL);

	/* splitmix64's finalizer */
	h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
	h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
	return rv_detect_nonzero(h ^ (h >> 31));
}

/*
 * The weight (in RV_WEIGHT_UNITs) of token a (b == NULL) or of the pair
 * "a b" whose hash is h; 0 when the model has no such feature.
 */
extern int32_t rv_detect_weight(uint64_t h, const char *a, uint32_t alen,
							  const char *b, uint32_t blen);

/* A cue: up to four token prefixes that must follow each other. */
typedef struct RvCue
{
	const char *words[4];
	float		w;
} RvCue;

/* Hand-written cue lexicons for languages without a fitted model. */
typedef struct RvCueLexicon
{
	const char *lang;
	float		bias;
	float		w_names;		/* the neutral features, hand-set with the */
	float		w_length;		/* cues (not used for English) */
	const RvCue *cues;
	int			ncues;
} RvCueLexicon;

extern const RvCueLexicon rv_detect_lexicons[];
extern const int rv_detect_nlexicons;

/*
 * The character n-gram part of the English model (rv_detect_chars.c): the
 * folded sentence's n-grams of RV_CHAR_MIN to RV_CHAR_MAX code points within
 * space-padded words, hashed into 2^RV_CHAR_BITS buckets whose weights
 * (rv_detect_char_weights, generated, in RV_CHAR_WEIGHT_UNITs, the
 * calibration's scale included) sum over the n-grams, over sqrt(n-grams).
 */
#define RV_CHAR_BITS		16
#define RV_CHAR_MIN			2
#define RV_CHAR_MAX			5
#define RV_CHAR_WEIGHT_UNIT 1e-3

extern const int16_t rv_detect_char_weights[];	/* 1 << RV_CHAR_BITS */

/*
 * The bucket of every n-gram of text[0..len), in order (repeats included),
 * in *buckets (rv_free it); returns their number, or -1 with *err set (ICU).
 */
extern int64_t rv_detect_char_buckets(const char *text, size_t len, uint16_t **buckets,
									  RvError *err);

/* The character n-gram model's logit of text[0..len) (no bias). */
extern bool rv_detect_char_logit(const char *text, size_t len, float *logit, RvError *err);

/* Language-neutral features of one sentence. */
typedef struct RvSentFeatures
{
	int			nwords;
	int			names;			/* capitalized words after the first */
	float		chars;			/* rv_detect_char_logit (English; else 0) */
	uint32_t   *tok;			/* token i is type tok[i] (RV_TOKEN) */
	int			ntokens;
	RvBuf		typestr;		/* distinct model tokens (folded; numbers as
								 * "<num>"), each once, NUL-terminated */
	uint32_t   *type_off;		/* where type t starts in typestr */
	uint32_t   *type_len;		/* its length in bytes */
	int			ntypes;
	uint64_t   *type_hash;		/* rv_detect_hash of each type */
	int32_t    *slots;			/* open addressing over types, -1: empty */
	uint32_t	mask;
} RvSentFeatures;

/*
 * Token i of a sentence.  A long sentence of repeated words costs 4 bytes a
 * word, not a string each.
 */
#define RV_TYPE(f, t) ((const char *) (f)->typestr.data + (f)->type_off[t])
#define RV_TOKEN(f, i) RV_TYPE(f, (f)->tok[i])

/*
 * Tokenizes one sentence (ICU words of lang, folded) and counts its
 * features; free with rv_detect_features_free.  Returns false on ICU error.
 * rv_detect_tokens does the same without the character n-grams (chars is
 * 0), for callers that read only the tokens.
 */
extern bool rv_detect_features(const char *text, size_t len, const char *lang,
							   RvSentFeatures *f, RvError *err);
extern bool rv_detect_tokens(const char *text, size_t len, const char *lang,
							 RvSentFeatures *f, RvError *err);
extern void rv_detect_features_free(RvSentFeatures *f);

/* The fitted English model's part of a sentence's logit (bias included). */
extern float rv_detect_model_logit(const RvSentFeatures *f);

/* The sum of the cue lexicon's weights present in the sentence. */
extern float rv_detect_cue_logit(const RvSentFeatures *f, const char *lang);

/* The same by a plain scan of every cue over every token (the reference). */
extern float rv_detect_cue_logit_scan(const RvSentFeatures *f, const char *lang);

/*
 * What rv_detect_sentences uses; rv_detect_all is rv_detect's.  The
 * evaluation turns parts off to measure them (an ablation at scoring time,
 * nothing refitted), the context stage on, and scores TV Tropes pages
 * without the review-level priors.
 */
typedef struct RvDetectOptions
{
	bool		words;			/* the fitted unigrams and bigrams */
	bool		chars;			/* the fitted character n-grams */
	bool		neutral;		/* capitalized words, length */
	bool		cues;			/* the cue lexicon */
	bool		neighbours;		/* the fitted context stage (off in rv_detect) */
	bool		review_text;	/* a review's text logit: the length term held
								 * at its mean */
	bool		review_priors;	/* review scale, warning, marked spans */
} RvDetectOptions;

extern const RvDetectOptions rv_detect_all;

/* The text-only logit of a sentence (no review context). */
extern float rv_detect_text_logit(const RvSentFeatures *f, const char *lang);
extern float rv_detect_text_logit_opt(const RvSentFeatures *f, const char *lang,
									  const RvDetectOptions *opt);

/* rv_detect with options. */
extern float rv_detect_sentences(const RvDetectInput *in, const RvDetectOptions *opt,
								 float *scores, RvError *err);

/*
 * Does a sentence narrate (at least RV_NEAR_MIN_WORDS words, its own text
 * logit at least RV_NEAR_MIN_TEXT)?  Only then do a marked neighbour or the
 * neighbours' text raise it: proximity alone never raises a short verdict
 * ("Fine.").  tools/fit_detector.py uses the same rule.
 */
#define RV_NEAR_MIN_WORDS	4
#define RV_NEAR_MIN_TEXT	-1.4f

static inline bool
rv_detect_narrates(int nwords, float text_logit)
{
	return nwords >= RV_NEAR_MIN_WORDS && text_logit >= RV_NEAR_MIN_TEXT;
}

/*
 * The weighted mean of the text logits of sentence i's neighbours among
 * text[0..n) (up to reach either side, weight decay^(distance - 1));
 * text[i] when it has none: alone in its review, a sentence is its own
 * context.
 */
static inline float
rv_detect_neighbour_mean(const float *text, uint32_t n, uint32_t i, int reach, float decay)
{
	float		sum = 0,
				wsum = 0,
				w = 1;

	for (int d = 1; d <= reach; d++, w *= decay)
	{
		if (i >= (uint32_t) d)
		{
			sum += w * text[i - d];
			wsum += w;
		}
		if (i + d < n)
		{
			sum += w * text[i + d];
			wsum += w;
		}
	}
	return wsum > 0 ? sum / wsum : text[i];
}

/* The fitted context stage's logit of sentence i (rv_detect_ctx_*). */
extern float rv_detect_context_logit(const float *text, uint32_t n, uint32_t i);

/*
 * The item context alone (rv_detect_weights.c): measured by the evaluation,
 * not what spoilers(r, ctx) scores.
 */
extern const float rv_detect_item_bias;
extern const float rv_detect_item_text;
extern const float rv_detect_item_specificity;
extern const float rv_detect_item_rate;

/*
 * The item context with the neighbours (rv_detect_weights.c), what
 * rv_detect_with_item scores: a sentence's logit is item_nb_bias +
 * item_nb_text * its text logit + item_nb_neighbours * the weighted mean of
 * its neighbours' text logits (item_nb_reach, item_nb_decay; its own text
 * logit when it does not narrate) + item_nb_specificity * specificity +
 * item_nb_rate * rate + thin * (item_nb_thin + item_nb_thin_specificity *
 * specificity + item_nb_thin_rate * rate), where thin is the context's
 * thinness (rv_item_thinness).
 */
extern const float rv_detect_item_nb_bias;
extern const float rv_detect_item_nb_text;
extern const float rv_detect_item_nb_neighbours;
extern const float rv_detect_item_nb_specificity;
extern const float rv_detect_item_nb_rate;
extern const float rv_detect_item_nb_thin;
extern const float rv_detect_item_nb_thin_specificity;
extern const float rv_detect_item_nb_thin_rate;
extern const int rv_detect_item_nb_reach;
extern const float rv_detect_item_nb_decay;
extern const float rv_detect_item_nb_thin_k0;

/* K0 / (K0 + m) for m marked sentences (K0: rv_detect_item_nb_thin_k0). */
extern float rv_item_thinness(const RvItemContext *c);

/*
 * The evidence of a context: the weight of the item model against the
 * default path's text logit, m / (m + rv_detect_item_evidence_k) for m
 * marked sentences in the context, 0 without any (then spoilers(r, ctx)
 * scores exactly as spoilers(r)).
 */
extern const float rv_detect_item_evidence_k;
extern float rv_item_evidence_weight(const RvItemContext *c);

/* text_logit + w * (item_logit - text_logit); text_logit itself at w <= 0. */
extern float rv_item_blend(float text_logit, float item_logit, float w);

/* Adds (delta 1) or takes back (delta -1) one sentence. */
extern void rv_item_add(RvItemContext *c, const RvSentFeatures *f, bool spoiler, int delta);

/* The two item features of a sentence against the context. */
extern void rv_item_features(const RvItemContext *c, const RvSentFeatures *f,
							 float *specificity, float *rate);

/*
 * The sentence's logit with its title's context alone, from its text logit
 * (the rv_detect_item_* weights).
 */
extern float rv_item_logit(const RvItemContext *c, const RvSentFeatures *f, float text_logit);

/*
 * The logit of sentence i of a review with its title's context and its
 * neighbours (the rv_detect_item_nb_* weights), from the text logits and
 * word counts of the review's n sentences, sentence i's item features and
 * the context's thinness: about 2 * reach + 9 multiply-adds.
 */
extern float rv_item_combined_logit(const float *text, const int *nwords, uint32_t n,
									uint32_t i, float specificity, float rate, float thin);

#endif							/* RV_DETECT_INT_H */
