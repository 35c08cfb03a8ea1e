/*
 * detect_cli.c
 *	  Command-line access to the spoiler detector, for fitting and
 *	  evaluation (never linked into the extension).
 *
 *	detect_cli tokens LANG		reads one sentence per line on stdin and
 *								prints "names<TAB>words<TAB>cues<TAB>token
 *								token ..." (cues: the cue lexicon's logit)
 *	detect_cli chars			reads one sentence per line and prints its
 *								character n-gram buckets, one per n-gram
 *								(rv_detect_chars.c), space-separated
 *	detect_cli sentence LANG	reads one sentence per line and prints the
 *								text-only probability (no review context),
 *								the quantity fitted on isolated sentences
 *	detect_cli bench LANG		reads one sentence per line and prints the
 *								microseconds per sentence of tokenizing
 *								(ICU words, folding, interning, the
 *								character n-grams' sum), of the character
 *								n-grams alone and of scoring the tokens
 *								(the word model's lookups),
 *								best of 5 runs over all sentences
 *	detect_cli score [PARTS]	reads a TSV of labelled reviews
 *								(review_id, lang, warning, label, sentence),
 *								scores each review's sentences in context with
 *								rv_detect and prints "label<TAB>score" per
 *								sentence
 *	detect_cli pages [PARTS]	the same on TV Tropes pages: no review-level
 *								priors (no review scale, position, warning)
 *	detect_cli texts			the same, each sentence's text probability
 *								as a review's pass 2 starts from (the
 *								length term held at its mean, before the
 *								review scale): what the scale is fitted on
 *	detect_cli score +item		the same as score, by rv_detect_with_item
 *								with an empty item context (a title nobody
 *								has marked yet)
 *
 *	detect_cli item [ITEM]		the same TSV: each review stands for a title,
 *								its labelled sentences for the marked spoilers
 *								of the title's other reviews; each sentence is
 *								scored with the item context of the others
 *								(itself taken out) and its neighbours in the
 *								review, as rv_detect_with_item combines them
 *								(blended by the context's marks; no
 *								review-level priors), and prints
 *								"label<TAB>probability"; a label "L:M" is
 *								spoiler L, marked M in the context (a thin
 *								context); ITEM "-blend": without the blend,
 *								"-neighbours":
 *								the item context alone, "-item": the context
 *								stage alone (the neighbours), "features":
 *								"label<TAB>specificity<TAB>rate<TAB>text
 *								logit<TAB>marked" (marked sentences of
 *								the context)
 *
 * PARTS turns components off for the ablation, e.g. "-words,-cues"
 * (words, neutral, cues), or the context stage on ("+neighbours"); nothing
 * is refitted.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rv_detect_int.h"
#include "rv_segment.h"

static void
print_tokens(const char *lang, bool probability)
{
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		n;

	while ((n = getline(&line, &cap, stdin)) > 0)
	{
		RvSentFeatures f;
		RvError		err = {0};

		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (!rv_detect_features(line, (size_t) n, lang, &f, &err))
		{
			fprintf(stderr, "%s\n", err.detail);
			exit(1);
		}
		if (probability)
			printf("%.6f\n", 1.0 / (1.0 + exp(-rv_detect_text_logit(&f, lang))));
		else
		{
			printf("%d\t%d\t%.4f\t", f.names, f.nwords, rv_detect_cue_logit(&f, lang));
			for (int i = 0; i < f.ntokens; i++)
				printf("%s%s", i ? " " : "", RV_TOKEN(&f, i));
			putchar('\n');
		}
		rv_detect_features_free(&f);
	}
	free(line);
}

static void
print_chars(void)
{
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		n;

	while ((n = getline(&line, &cap, stdin)) > 0)
	{
		uint16_t   *b;
		int64_t		nb;
		RvError		err = {0};

		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if ((nb = rv_detect_char_buckets(line, (size_t) n, &b, &err)) < 0)
		{
			fprintf(stderr, "%s\n", err.detail);
			exit(1);
		}
		for (int64_t i = 0; i < nb; i++)
			printf("%s%u", i ? " " : "", (unsigned) b[i]);
		putchar('\n');
		rv_free(b);
	}
	free(line);
}

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void
bench(const char *lang)
{
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		n;
	char	  **lines = NULL;
	size_t	   *lens = NULL;
	int			nl = 0,
				lcap = 0;
	RvSentFeatures *fs;
	double		best_tok = 1e30,
				best_score = 1e30,
				best_chars = 1e30;
	volatile float sink = 0;

	while ((n = getline(&line, &cap, stdin)) > 0)
	{
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (nl == lcap)
		{
			lcap = lcap ? lcap * 2 : 1024;
			lines = realloc(lines, sizeof(char *) * lcap);
			lens = realloc(lens, sizeof(size_t) * lcap);
		}
		lines[nl] = strdup(line);
		lens[nl++] = (size_t) n;
	}
	fs = calloc(nl ? nl : 1, sizeof(RvSentFeatures));
	for (int run = 0; run < 5; run++)
	{
		double		t0 = now_us(),
					t1;
		RvError		err = {0};

		for (int i = 0; i < nl; i++)
			if (!rv_detect_features(lines[i], lens[i], lang, &fs[i], &err))
				exit(1);
		t1 = now_us();
		for (int i = 0; i < nl; i++)
			sink += rv_detect_text_logit(&fs[i], lang);
		if (t1 - t0 < best_tok)
			best_tok = t1 - t0;
		if (now_us() - t1 < best_score)
			best_score = now_us() - t1;
		for (int i = 0; i < nl; i++)
			rv_detect_features_free(&fs[i]);
		t1 = now_us();
		for (int i = 0; i < nl; i++)
		{
			float		z;

			if (!rv_detect_char_logit(lines[i], lens[i], &z, &err))
				exit(1);
			sink += z;
		}
		if (now_us() - t1 < best_chars)
			best_chars = now_us() - t1;
	}
	printf("sentences %d  tokenize %.3f us (of which character n-grams %.3f us)  score %.3f us  "
		   "(per sentence)\n", nl, best_tok / (nl ? nl : 1), best_chars / (nl ? nl : 1),
		   best_score / (nl ? nl : 1));
	for (int i = 0; i < nl; i++)
		free(lines[i]);
	free(lines);
	free(lens);
	free(fs);
	free(line);
}

typedef struct Pending
{
	char		id[64];
	char		lang[36];
	int			warning;
	RvBuf		body;
	RvSentence *sents;
	int		   *labels;
	int		   *marks;			/* item mode: marked in the context */
	int			n;
	int			cap;
} Pending;

static RvDetectOptions opts;
static bool item_mode;
static bool empty_item;
static void flush_item(Pending *p);

static void
flush(Pending *p)
{
	if (item_mode)
	{
		flush_item(p);
		return;
	}
	RvDetectInput in;
	RvError		err = {0};
	float	   *scores;

	if (p->n == 0)
		return;
	scores = malloc(sizeof(float) * p->n);
	in.body = p->body.data;
	in.body_len = p->body.len;
	in.lang = p->lang;
	in.warning = p->warning != 0;
	in.sents = p->sents;
	in.nsents = (uint32_t) p->n;
	in.spans = NULL;
	in.nspans = 0;
	if (empty_item)
	{
		RvItemContext ctx;

		rv_item_init(&ctx);
		if (rv_detect_with_item(&in, &ctx, scores, &err) < 0)
		{
			fprintf(stderr, "%s\n", err.detail);
			exit(1);
		}
	}
	else if (rv_detect_sentences(&in, &opts, scores, &err) < 0)
	{
		fprintf(stderr, "%s\n", err.detail);
		exit(1);
	}
	for (int i = 0; i < p->n; i++)
		printf("%d\t%.6f\t%s\n", p->labels[i], scores[i], p->lang);
	free(scores);
	p->n = 0;
	p->body.len = 0;
}

/* What item mode prints: the library's combination or a part of it. */
typedef enum ItemParts
{
	ITEM_BOTH,					/* item context and neighbours, blended */
	ITEM_UNBLENDED,				/* -blend: the same without the blend */
	ITEM_ALONE,					/* -neighbours */
	ITEM_NEIGHBOURS,			/* -item: the context stage */
	ITEM_FEATURES
} ItemParts;

static ItemParts item_parts;

/* Item context: the review's sentences stand for a title's marked spoilers. */
static void
flush_item(Pending *p)
{
	uint32_t	n = (uint32_t) p->n;
	RvSentFeatures *fs = malloc(sizeof(RvSentFeatures) * (n ? n : 1));
	float	   *text = malloc(sizeof(float) * (n ? n : 1));
	int		   *nwords = malloc(sizeof(int) * (n ? n : 1));
	RvItemContext ctx;
	RvError		err = {0};

	rv_item_init(&ctx);
	for (uint32_t i = 0; i < n; i++)
	{
		if (!rv_detect_features(p->body.data + p->sents[i].start,
								p->sents[i].end - p->sents[i].start, p->lang, &fs[i], &err))
		{
			fprintf(stderr, "%s\n", err.detail);
			exit(1);
		}
		rv_item_add(&ctx, &fs[i], p->marks[i] != 0, 1);
		text[i] = rv_detect_text_logit_opt(&fs[i], p->lang, &opts);
		nwords[i] = fs[i].nwords;
	}
	for (uint32_t i = 0; i < n; i++)
	{
		float		spec,
					rate,
					z = 0;

		rv_item_add(&ctx, &fs[i], p->marks[i] != 0, -1);
		rv_item_features(&ctx, &fs[i], &spec, &rate);
		switch (item_parts)
		{
			case ITEM_BOTH:
				z = rv_item_blend(text[i],
								  rv_item_combined_logit(text, nwords, n, i, spec, rate,
														 rv_item_thinness(&ctx)),
								  rv_item_evidence_weight(&ctx));
				break;
			case ITEM_UNBLENDED:
				z = rv_item_combined_logit(text, nwords, n, i, spec, rate,
										   rv_item_thinness(&ctx));
				break;
			case ITEM_ALONE:
				z = rv_item_logit(&ctx, &fs[i], text[i]);
				break;
			case ITEM_NEIGHBOURS:
				z = rv_detect_context_logit(text, n, i);
				break;
			case ITEM_FEATURES:
				break;
		}
		if (item_parts == ITEM_FEATURES)
			printf("%d\t%.6f\t%.6f\t%.6f\t%d\n", p->labels[i], spec, rate, text[i],
				   ctx.nspoiler);
		else
			printf("%d\t%.6f\t%s\n", p->labels[i], 1.0 / (1.0 + exp(-z)), p->lang);
		rv_item_add(&ctx, &fs[i], p->marks[i] != 0, 1);
	}
	for (uint32_t i = 0; i < n; i++)
		rv_detect_features_free(&fs[i]);
	free(fs);
	free(text);
	free(nwords);
	rv_item_free(&ctx);
	p->n = 0;
	p->body.len = 0;
}

static void
score_reviews(void)
{
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		n;
	Pending		p;

	memset(&p, 0, sizeof(p));
	rv_buf_init(&p.body, 1024);
	while ((n = getline(&line, &cap, stdin)) > 0)
	{
		char	   *f[5];
		char	   *s = line;

		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		for (int i = 0; i < 5; i++)
		{
			f[i] = s;
			s = i < 4 ? strchr(s, '\t') : NULL;
			if (i < 4)
			{
				if (s == NULL)
				{
					fprintf(stderr, "bad line: %s\n", line);
					exit(1);
				}
				*s++ = '\0';
			}
		}
		if (strcmp(f[0], p.id) != 0)
		{
			flush(&p);
			snprintf(p.id, sizeof(p.id), "%s", f[0]);
			snprintf(p.lang, sizeof(p.lang), "%s", f[1]);
			p.warning = atoi(f[2]);
		}
		if (p.n == p.cap)
		{
			p.cap = p.cap ? p.cap * 2 : 16;
			p.sents = realloc(p.sents, sizeof(RvSentence) * p.cap);
			p.labels = realloc(p.labels, sizeof(int) * p.cap);
			p.marks = realloc(p.marks, sizeof(int) * p.cap);
		}
		if (p.body.len > 0)
			rv_buf_append_char(&p.body, ' ');
		p.sents[p.n].start = (uint32_t) p.body.len;
		rv_buf_append_str(&p.body, f[4]);
		p.sents[p.n].end = (uint32_t) p.body.len;
		p.labels[p.n] = atoi(f[3]);
		/* "label:marked": a spoiler the context does not know as one */
		p.marks[p.n] = strchr(f[3], ':') ? atoi(strchr(f[3], ':') + 1) : p.labels[p.n];
		p.n++;
	}
	flush(&p);
	free(line);
}

int
main(int argc, char **argv)
{
	opts = rv_detect_all;
	if (argc >= 2 && strcmp(argv[1], "item") == 0)
	{
		opts.review_text = false;
		opts.review_priors = false;
		item_mode = true;
		if (argc == 3 && strcmp(argv[2], "features") == 0)
			item_parts = ITEM_FEATURES;
		else if (argc == 3 && strcmp(argv[2], "-blend") == 0)
			item_parts = ITEM_UNBLENDED;
		else if (argc == 3 && strcmp(argv[2], "-neighbours") == 0)
			item_parts = ITEM_ALONE;
		else if (argc == 3 && strcmp(argv[2], "-item") == 0)
			item_parts = ITEM_NEIGHBOURS;
		else if (argc != 2)
		{
			fprintf(stderr, "usage: detect_cli item [features|-blend|-neighbours|-item]\n");
			return 2;
		}
		score_reviews();
		rv_segment_reset();
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "texts") == 0)
	{
		opts.review_priors = false;
		score_reviews();
		rv_segment_reset();
		return 0;
	}
	if (argc >= 2 && (strcmp(argv[1], "score") == 0 || strcmp(argv[1], "pages") == 0))
	{
		const char *parts = argc == 3 ? argv[2] : "";

		opts.review_text = strcmp(argv[1], "score") == 0;
		opts.review_priors = opts.review_text;
		opts.words = strstr(parts, "-words") == NULL;
		opts.chars = strstr(parts, "-chars") == NULL;
		opts.neutral = strstr(parts, "-neutral") == NULL;
		opts.cues = strstr(parts, "-cues") == NULL;
		opts.neighbours = strstr(parts, "+neighbours") != NULL;
		empty_item = strcmp(argv[1], "score") == 0 && strcmp(parts, "+item") == 0;
		if (argc > 3)
		{
			fprintf(stderr, "usage: detect_cli score|pages [PARTS] | score +item\n");
			return 2;
		}
		score_reviews();
		rv_segment_reset();
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "tokens") == 0)
		print_tokens(argv[2], false);
	else if (argc == 2 && strcmp(argv[1], "chars") == 0)
		print_chars();
	else if (argc == 3 && strcmp(argv[1], "sentence") == 0)
		print_tokens(argv[2], true);
	else if (argc == 3 && strcmp(argv[1], "bench") == 0)
		bench(argv[2]);
	else
	{
		fprintf(stderr, "usage: detect_cli tokens LANG | chars | sentence LANG | bench LANG | score [PARTS] | pages [PARTS] | texts | item [ITEM]\n");
		return 2;
	}
	rv_segment_reset();
	return 0;
}
