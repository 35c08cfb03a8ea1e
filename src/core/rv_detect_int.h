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

/* A feature weight: a token ("worker") or token bigram ("turns out"). */
typedef struct RvWeight
{
	const char *key;
	float		w;
} RvWeight;

/* The fitted English model (rv_detect_weights.c, generated). */
extern const float rv_detect_bias;
extern const float rv_detect_w_names;	/* per capitalized word inside a sentence */
extern const float rv_detect_w_length;	/* per log(1 + words) */
extern const RvWeight rv_detect_weights[];	/* sorted by key (strcmp) */
extern const int rv_detect_nweights;

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
	const RvCue *cues;
	int			ncues;
} RvCueLexicon;

extern const RvCueLexicon rv_detect_lexicons[];
extern const int rv_detect_nlexicons;

/* Language-neutral features of one sentence. */
typedef struct RvSentFeatures
{
	int			nwords;
	int			names;			/* capitalized words after the first */
	uint32_t   *tok;			/* token i is type tok[i] (RV_TOKEN) */
	int			ntokens;
	RvBuf		typestr;		/* distinct model tokens (folded; numbers as
								 * "<num>"), each once, NUL-terminated */
	uint32_t   *type_off;		/* where type t starts in typestr */
	int			ntypes;
	uint32_t   *type_hash;		/* fnv of each type */
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
 */
extern bool rv_detect_features(const char *text, size_t len, const char *lang,
							   RvSentFeatures *f, RvError *err);
extern void rv_detect_features_free(RvSentFeatures *f);

/* The text-only logit of a sentence (no review context). */
extern float rv_detect_text_logit(const RvSentFeatures *f, const char *lang);

#endif							/* RV_DETECT_INT_H */
