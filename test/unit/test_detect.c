/*
 * test_detect.c
 *	  The spoiler detector: ranges, obvious cases, context effects,
 *	  languages, determinism.
 */
#include <math.h>
#include <stdlib.h>

#include "rv_test.h"
#include "rv_detect_int.h"
#include "rv_segment.h"

/* Scores the sentences of text (segmented by ICU) into scores[]. */
static int
score_text(const char *text, const char *lang, bool warning, const RvSpan *spans,
		   uint32_t nspans, float *scores, float *review)
{
	RvSentence *sents;
	RvError		err = {0};
	int64_t		n = rv_sentences(text, strlen(text), lang, &sents, &err);
	RvDetectInput in = {text, strlen(text), lang, warning, sents, (uint32_t) n, spans, nspans};

	*review = rv_detect(&in, scores, &err);
	free(sents);
	return (int) n;
}

RV_TEST(detect_obvious_cases)
{
	float		s[4],
				review;
	const char *t = "The cinematography is gorgeous and the score is lovely. "
		"In the end, the detective turns out to be the killer and dies in the fire.";

	CHECK_EQ_INT(score_text(t, "en", false, NULL, 0, s, &review), 2);
	CHECK(s[0] >= 0 && s[0] < 0.5f);
	CHECK(s[1] >= 0.5f && s[1] <= 1);
	CHECK(review == s[1]);
}

RV_TEST(detect_context_raises_scores)
{
	const char *t = "The acting is fine. Then Maria leaves the village. Then she burns the letters and walks into the sea.";
	float		plain[3],
				warned[3],
				marked[3],
				r1,
				r2,
				r3;
	RvSpan		span = {20, 30, NULL, 0};	/* "Then Maria leaves the village." */

	CHECK_EQ_INT(score_text(t, "en", false, NULL, 0, plain, &r1), 3);
	score_text(t, "en", true, NULL, 0, warned, &r2);
	score_text(t, "en", false, &span, 1, marked, &r3);
	for (int i = 0; i < 3; i++)
		CHECK(warned[i] > plain[i]);
	CHECK(marked[2] > plain[2]);	/* narrates, next to the marked span */
	CHECK(r2 >= 0.9f);
	CHECK(r3 >= 0.95f);
}

/*
 * Proximity alone does not raise a short verdict: in "A film. ||She
 * leaves.|| Fine." the last sentence stays below the threshold, and gets
 * exactly the score it has without the marked span.
 */
RV_TEST(detect_short_verdict_not_raised_by_marked_neighbour)
{
	const char *t = "A film. She leaves. Fine.";
	RvSpan		span = {8, 11, NULL, 0};	/* "She leaves." */
	float		plain[3],
				marked[3],
				r;

	CHECK_EQ_INT(score_text(t, "en", false, NULL, 0, plain, &r), 3);
	score_text(t, "en", false, &span, 1, marked, &r);
	CHECK(marked[2] < RV_DEFAULT_THRESHOLD);
	CHECK(marked[2] == plain[2]);
	CHECK(r >= 0.95f);
}

RV_TEST(detect_other_languages_use_cues)
{
	struct
	{
		const char *lang;
		const char *neutral;
		const char *cue;
	}			cases[] = {
		{"es", "La fotografía es preciosa.", "Al final, el minero muere en el derrumbe."},
		{"fr", "La lumière est superbe.", "À la fin, le grand-père meurt pendant la tempête."},
		{"de", "Die Bilder sind wunderschön.", "Am Ende stirbt der Vater im Schnee."}
	};

	for (int i = 0; i < 3; i++)
	{
		float		a[2],
					b[2],
					r;

		score_text(cases[i].neutral, cases[i].lang, false, NULL, 0, a, &r);
		score_text(cases[i].cue, cases[i].lang, false, NULL, 0, b, &r);
		CHECK(b[0] > a[0]);
		CHECK(b[0] >= 0.5f);
		CHECK(a[0] < 0.5f);
	}
}

RV_TEST(detect_deterministic_and_empty)
{
	const char *t = "He dies. She wins. It rains.";
	float		a[3],
				b[3],
				r1,
				r2;
	RvDetectInput in = {"", 0, "en", false, NULL, 0, NULL, 0};
	RvError		err = {0};

	score_text(t, "en", false, NULL, 0, a, &r1);
	score_text(t, "en", false, NULL, 0, b, &r2);
	CHECK(memcmp(a, b, sizeof(a)) == 0 && r1 == r2);
	CHECK(rv_detect(&in, a, &err) == 0);
	/* Unknown languages still get scores in range. */
	score_text("Ceci est un test. Il meurt.", "xx", false, NULL, 0, a, &r1);
	CHECK(a[0] >= 0 && a[0] <= 1 && a[1] >= 0 && a[1] <= 1);
}

/* The keys of the generated weight table, with their weights. */
typedef struct RefKey
{
	const char *key;
	int32_t		w;
} RefKey;

static int
cmp_refkey(const void *a, const void *b)
{
	return strcmp(((const RefKey *) a)->key, ((const RefKey *) b)->key);
}

static RefKey *
ref_keys(int *n)
{
	RefKey	   *keys = malloc(sizeof(RefKey) * (rv_detect_nweights + 1));

	*n = 0;
	for (uint32_t k = 0; k <= rv_detect_slot_mask; k++)
		if (rv_detect_slots[k].hash != 0)
			keys[(*n)++] = (RefKey) {rv_detect_keys + (rv_detect_slots[k].key >> 8),
				rv_detect_slots[k].w};
	qsort(keys, *n, sizeof(RefKey), cmp_refkey);
	return keys;
}

/* Reference lookup: the key's string, binary search by strcmp. */
static int32_t
ref_weight(const RefKey *keys, int n, const char *key)
{
	RefKey		probe = {key, 0};
	const RefKey *hit = bsearch(&probe, keys, n, sizeof(RefKey), cmp_refkey);

	return hit ? hit->w : 0;
}

RV_TEST(detect_weight_table_layout)
{
	int			n;
	RefKey	   *keys = ref_keys(&n);
	int			longest_probe = 0;

	CHECK_EQ_INT(n, rv_detect_nweights);
	CHECK((rv_detect_slot_mask & (rv_detect_slot_mask + 1)) == 0);
	CHECK((uint32_t) n * 2 <= rv_detect_slot_mask + 1);
	for (int i = 1; i < n; i++)
		CHECK(strcmp(keys[i - 1].key, keys[i].key) < 0);	/* no duplicates */
	for (uint32_t k = 0; k <= rv_detect_slot_mask; k++)
	{
		const RvWeightSlot *e = &rv_detect_slots[k];
		const char *key = rv_detect_keys + (e->key >> 8);
		const char *sp;
		uint64_t	h;
		int			probe = 0;

		if (e->hash == 0)
			continue;
		CHECK_EQ_INT((int) strlen(key), (int) (e->key & 0xFF));
		/* The stored hash is the key's, as the scorer computes it. */
		sp = strchr(key, ' ');
		h = sp ? rv_detect_pair_hash(rv_detect_hash(key, sp - key),
									 rv_detect_hash(sp + 1, strlen(sp + 1)))
			: rv_detect_hash(key, strlen(key));
		CHECK(h == e->hash);
		/* Every key is found, with its weight. */
		CHECK(sp ? rv_detect_weight(h, key, sp - key, sp + 1, strlen(sp + 1)) == e->w
			  : rv_detect_weight(h, key, strlen(key), NULL, 0) == e->w);
		for (uint32_t j = (uint32_t) h & rv_detect_slot_mask; j != k; j = (j + 1) & rv_detect_slot_mask)
			probe++;
		if (probe > longest_probe)
			longest_probe = probe;
	}
	CHECK(longest_probe < 64);
	for (int l = 0; l < rv_detect_nlexicons; l++)
		CHECK(rv_detect_lexicons[l].ncues > 10);
	free(keys);
}

/*
 * The hashed lookup gives the very scores of a plain one (each feature's
 * string built and binary-searched among the sorted keys), to the bit: on
 * sentences of table keys, of words the model lacks, and of repeats.
 */
RV_TEST(detect_lookup_matches_reference)
{
	int			n;
	RefKey	   *keys = ref_keys(&n);
	const char *fixed[] = {
		"In the end, the detective turns out to be the killer and dies in the fire.",
		"The acting is wonderful and the music is lovely.",
		"Zqxv blorft wumpus, the the the the, turns out turns out turns out.",
		"He dies. He dies! He dies? 1999 2000 3x01 man's men's",
		"Ça alors, über naïve café — “quoted” words’ and 'single' ones.",
		""
	};
	char		buf[4096];
	unsigned	seed = 12345;
	int			nsent = 0,
				nonzero = 0;

	for (int round = 0; round < 2000 + (int) (sizeof(fixed) / sizeof(fixed[0])); round++)
	{
		RvSentFeatures f;
		RvError		err = {0};
		int64_t		sum = 0;
		float		ref;
		size_t		len = 0;

		if (round < (int) (sizeof(fixed) / sizeof(fixed[0])))
			len = (size_t) snprintf(buf, sizeof(buf), "%s", fixed[round]);
		else
		{
			/* Table keys and words the model lacks, in random order. */
			int			words = 1 + (int) ((seed = seed * 1103515245 + 12345) >> 16) % 30;

			for (int w = 0; w < words && len + 300 < sizeof(buf); w++)
			{
				seed = seed * 1103515245 + 12345;
				if ((seed >> 16) % 5 == 0)
					len += (size_t) snprintf(buf + len, sizeof(buf) - len, "qzv%u ", (seed >> 8) % 50);
				else
					len += (size_t) snprintf(buf + len, sizeof(buf) - len, "%s ",
											 keys[(seed >> 4) % (unsigned) n].key);
			}
		}
		CHECK(rv_detect_features(buf, len, "en", &f, &err));
		for (int t = 0; t < f.ntypes; t++)
			sum += ref_weight(keys, n, RV_TYPE(&f, t));
		for (int i = 0; i + 1 < f.ntokens; i++)
		{
			bool		seen = false;
			char		pair[600];

			for (int j = 0; j < i && !seen; j++)
				seen = f.tok[j] == f.tok[i] && f.tok[j + 1] == f.tok[i + 1];
			if (seen)
				continue;
			snprintf(pair, sizeof(pair), "%s %s", RV_TOKEN(&f, i), RV_TOKEN(&f, i + 1));
			sum += ref_weight(keys, n, pair);
		}
		ref = rv_detect_bias + (float) sum * RV_WEIGHT_UNIT;
		CHECK(memcmp(&ref, &(float) {rv_detect_model_logit(&f)}, sizeof(float)) == 0);
		nonzero += sum != 0;
		nsent++;
		rv_detect_features_free(&f);
	}
	CHECK(nsent > 2000);
	CHECK(nonzero > 1900);		/* the sentences really hit the table */
	free(keys);
}

/*
 * The indexed cue sum is the plain scan's, to the bit: on random sentences
 * of cue words, their inflections, their first bytes alone and other words,
 * in each lexicon's language.
 */
RV_TEST(detect_cues_match_scan)
{
	static const char *const extra[] = {
		"the", "them", "ending", "killed", "deadline", "diesel", "a", "à", "in", "zz",
		"Turns", "out", "1999", "man's", "e", "d", "s", "t", "m", "f"
	};
	char		buf[4096];
	unsigned	seed = 777;
	int			hits = 0;

	for (int l = 0; l < rv_detect_nlexicons; l++)
	{
		const RvCueLexicon *lex = &rv_detect_lexicons[l];

		for (int round = 0; round < 1500; round++)
		{
			RvSentFeatures f;
			RvError		err = {0};
			size_t		len = 0;
			int			words;
			float		a,
						b;

			seed = seed * 1103515245 + 12345;
			words = 1 + (int) (seed >> 16) % 25;
			for (int w = 0; w < words && len + 100 < sizeof(buf); w++)
			{
				const RvCue *cue;
				unsigned	r;

				seed = seed * 1103515245 + 12345;
				r = seed >> 8;
				cue = &lex->cues[r % (unsigned) lex->ncues];
				if (r % 3 == 0)
					len += (size_t) snprintf(buf + len, sizeof(buf) - len, "%s ",
											 extra[(r >> 4) % (sizeof(extra) / sizeof(extra[0]))]);
				else
					for (int k = 0; k < 4 && cue->words[k]; k++)
						len += (size_t) snprintf(buf + len, sizeof(buf) - len, "%s%s ",
												 cue->words[k], (r >> 6) % 4 == 0 ? "ing" : "");
			}
			CHECK(rv_detect_features(buf, len, lex->lang, &f, &err));
			a = rv_detect_cue_logit(&f, lex->lang);
			b = rv_detect_cue_logit_scan(&f, lex->lang);
			CHECK(memcmp(&a, &b, sizeof(float)) == 0);
			hits += a != 0;
			rv_detect_features_free(&f);
		}
	}
	CHECK(hits > 4000);
}

RV_TEST(detect_presets)
{
	float		t = -1;

	CHECK(rv_detect_preset("default", &t) && t == RV_DEFAULT_THRESHOLD);
	CHECK(rv_detect_preset("marked-only", &t) && t == 1.0f);
	CHECK(rv_detect_preset("spoiler-averse", &t) && t > 0 && t < RV_DEFAULT_THRESHOLD);
	CHECK(!rv_detect_preset("Default", &t));
	CHECK(!rv_detect_preset("", &t));
}

/* Features of one English sentence (for the item context tests). */
static RvSentFeatures
features_of(const char *text)
{
	RvSentFeatures f;
	RvError		err = {0};

	if (!rv_detect_features(text, strlen(text), "en", &f, &err))
		abort();
	return f;
}

/* A title's context: n marked spoilers and n plain sentences. */
static void
item_context_of(RvItemContext *ctx, const char *const *spoilers,
				const char *const *plain, int n)
{
	rv_item_init(ctx);
	for (int i = 0; i < n; i++)
	{
		RvSentFeatures f = features_of(spoilers[i]);

		rv_item_add(ctx, &f, true, 1);
		rv_detect_features_free(&f);
		f = features_of(plain[i]);
		rv_item_add(ctx, &f, false, 1);
		rv_detect_features_free(&f);
	}
}

/*
 * Item context: words of the title's marked spoilers raise a sentence that
 * uses them, words of its plain sentences do not; taking a sentence back
 * out restores the context exactly; stop words are not counted.
 */
RV_TEST(detect_item_context)
{
	const char *spoilers[] = {"Magnus sinks the trawler for the insurance.",
	"In the end the trawler goes down with Magnus aboard."};
	const char *plain[] = {"The photography of the grey sea is stunning.",
	"The cast never overplays and the photography is grey and cold."};
	RvItemContext ctx;
	RvSentFeatures a = features_of("Magnus and the trawler, again."),
				b = features_of("The photography is grey."),
				c = features_of("A sentence with words nobody used.");
	float		sa,
				ra,
				sb,
				rb,
				sc,
				rc,
				s2,
				r2;

	item_context_of(&ctx, spoilers, plain, 2);
	CHECK_EQ_INT(ctx.nsents, 4);
	CHECK_EQ_INT(ctx.nspoiler, 2);
	rv_item_features(&ctx, &a, &sa, &ra);
	rv_item_features(&ctx, &b, &sb, &rb);
	rv_item_features(&ctx, &c, &sc, &rc);
	CHECK(sa > 0 && sb < 0 && sc == 0);
	CHECK(ra == rb && ra == rc);
	CHECK(rv_item_logit(&ctx, &a, 0) > rv_item_logit(&ctx, &b, 0));
	/* Adding a sentence and taking it back leaves the same features. */
	rv_item_add(&ctx, &a, true, 1);
	rv_item_add(&ctx, &a, true, -1);
	rv_item_features(&ctx, &a, &s2, &r2);
	CHECK(s2 == sa && r2 == ra);
	/* "the", "and" are stop words: a sentence of them has no specificity. */
	rv_detect_features_free(&c);
	c = features_of("The and the and.");
	rv_item_features(&ctx, &c, &sc, &rc);
	CHECK(sc == 0);
	rv_detect_features_free(&a);
	rv_detect_features_free(&b);
	rv_detect_features_free(&c);
	rv_item_free(&ctx);
}

/* Scores the sentences of text with the item context ctx. */
static int
score_text_item(const char *text, const RvSpan *spans, uint32_t nspans,
				const RvItemContext *ctx, float *scores)
{
	RvSentence *sents;
	RvError		err = {0};
	int64_t		n = rv_sentences(text, strlen(text), "en", &sents, &err);
	RvDetectInput in = {text, strlen(text), "en", false, sents, (uint32_t) n, spans, nspans};

	if (rv_detect_with_item(&in, ctx, scores, &err) < 0)
		n = -1;
	free(sents);
	return (int) n;
}

/*
 * The item context with the neighbours (issue 14): a sentence that narrates
 * between two spoiler sentences scores higher with the context than without
 * it, and higher than between two verdicts; a short verdict next to a marked
 * spoiler ("A film. ||She leaves.|| Fine.") is not raised by its neighbours
 * and stays unmasked: it scores exactly as with other neighbours.
 */
RV_TEST(detect_item_context_with_neighbours)
{
	const char *spoilers[] = {"Magnus sinks the trawler for the insurance.",
	"In the end the trawler goes down with Magnus aboard."};
	const char *plain[] = {"The photography of the grey sea is stunning.",
	"The cast never overplays and the photography is grey and cold."};
	const char *between_spoilers = "In the end Magnus dies and the trawler sinks. "
		"His daughter watches the harbour from the pier every night. "
		"She burns the insurance papers and walks into the sea.";
	const char *between_verdicts = "The photography is gorgeous and cold. "
		"His daughter watches the harbour from the pier every night. "
		"The cast is wonderful and never overplays.";
	RvSpan		span = {8, 11, NULL, 0};	/* "She leaves." */
	RvItemContext ctx;
	float		with[3],
				without[3],
				verdicts[3],
				plain_verdicts[3],
				marked[3],
				other[3],
				r;

	item_context_of(&ctx, spoilers, plain, 2);
	CHECK_EQ_INT(score_text_item(between_spoilers, NULL, 0, &ctx, with), 3);
	CHECK_EQ_INT(score_text(between_spoilers, "en", false, NULL, 0, without, &r), 3);
	CHECK_EQ_INT(score_text_item(between_verdicts, NULL, 0, &ctx, verdicts), 3);
	CHECK_EQ_INT(score_text(between_verdicts, "en", false, NULL, 0, plain_verdicts, &r), 3);
	/* The neighbours' own text says spoiler on one side, verdict on the other. */
	CHECK(without[0] > plain_verdicts[0] && without[2] > plain_verdicts[2]);
	CHECK(with[1] > without[1]);
	CHECK(with[1] > verdicts[1]);

	/* "Fine." does not narrate: its neighbours do not enter its score. */
	CHECK_EQ_INT(score_text_item("A film. She leaves. Fine.", &span, 1, &ctx, marked), 3);
	CHECK_EQ_INT(score_text_item("A film. It is long. Fine.", NULL, 0, &ctx, other), 3);
	CHECK(marked[2] < RV_DEFAULT_THRESHOLD);
	CHECK(memcmp(&marked[2], &other[2], sizeof(float)) == 0);
	rv_item_free(&ctx);
}

/* The stored form of a context: a round trip, and malformed forms refused. */
RV_TEST(detect_item_context_stored_form)
{
	RvItemContext a,
				b;
	RvSentFeatures f = features_of("Magnus sinks the trawler for the insurance."),
				g = features_of("The photography is grey.");
	RvBuf		s1,
				s2;
	RvError		err = {0};
	float		x1,
				y1,
				x2,
				y2;

	rv_item_init(&a);
	rv_item_add(&a, &f, true, 1);
	rv_item_add(&a, &g, false, 1);
	rv_buf_init(&s1, 64);
	rv_item_serialize(&a, &s1);
	/* magnus sinks trawler insurance photography grey: 6 content words */
	CHECK_EQ_INT((int) s1.len, 16 + 16 * 6);
	CHECK(rv_item_deserialize(s1.data, s1.len, &b, &err));
	rv_buf_init(&s2, 64);
	rv_item_serialize(&b, &s2);
	CHECK(s1.len == s2.len && memcmp(s1.data, s2.data, s1.len) == 0);
	rv_item_features(&a, &f, &x1, &y1);
	rv_item_features(&b, &f, &x2, &y2);
	CHECK(x1 == x2 && y1 == y2);
	rv_item_free(&b);
	/* Truncated, bad magic, counts that do not add up, unsorted words. */
	CHECK(!rv_item_deserialize(s1.data, s1.len - 1, &b, &err) && err.code == RV_ERR_BINARY);
	((char *) s2.data)[0] = 'X';
	CHECK(!rv_item_deserialize(s2.data, s2.len, &b, &err));
	memcpy(s2.data, s1.data, s1.len);
	((unsigned char *) s2.data)[8] = 9;	/* nspoiler > nsents */
	CHECK(!rv_item_deserialize(s2.data, s2.len, &b, &err));
	memcpy(s2.data, s1.data, s1.len);
	memcpy((char *) s2.data + 16, (char *) s1.data + 32, 16);	/* words 1, 2 swapped */
	memcpy((char *) s2.data + 32, (char *) s1.data + 16, 16);
	CHECK(!rv_item_deserialize(s2.data, s2.len, &b, &err));
	rv_free(s1.data);
	rv_free(s2.data);
	rv_detect_features_free(&f);
	rv_detect_features_free(&g);
	rv_item_free(&a);
}

/*
 * A context without marked spoilers (a new title) scores exactly as no
 * context: the same bits as rv_detect, with a warning line, a marked span
 * or neither.  With marks, the item model's weight does not fall as they
 * grow (m / (m + k), k >= 0), and the context's thinness falls from 1
 * without marks toward 0.
 */
RV_TEST(detect_item_context_evidence)
{
	const char *texts[] = {"A grey drama. Magnus sinks the trawler for the insurance money. Lovely.",
		"The sea is cold. In the end Magnus drowns when the trawler goes down.",
	"A film. She leaves. Fine."};
	RvSpan		span = {8, 11, NULL, 0};
	RvItemContext empty,
				unmarked,
				thin,
				thick;
	float		w1,
				w4;

	rv_item_init(&empty);
	rv_item_init(&unmarked);
	rv_item_init(&thin);
	rv_item_init(&thick);
	for (int i = 0; i < 4; i++)
	{
		RvSentFeatures f = features_of("Magnus sinks the trawler for the insurance.");
		RvSentFeatures g = features_of("The photography of the grey sea is stunning.");

		rv_item_add(&unmarked, &f, false, 1);
		rv_item_add(&unmarked, &g, false, 1);
		rv_item_add(&thin, &f, i == 0, 1);
		rv_item_add(&thin, &g, false, 1);
		rv_item_add(&thick, &f, true, 1);
		rv_item_add(&thick, &g, false, 1);
		rv_detect_features_free(&f);
		rv_detect_features_free(&g);
	}
	CHECK(rv_item_evidence_weight(&empty) == 0 && rv_item_evidence_weight(&unmarked) == 0);
	w1 = rv_item_evidence_weight(&thin);
	w4 = rv_item_evidence_weight(&thick);
	CHECK(w1 > 0 && w1 <= w4 && w4 <= 1);
	CHECK(rv_item_blend(-1.5f, 2.0f, 0) == -1.5f);
	CHECK(rv_item_blend(-1.5f, 2.0f, w1) > -1.5f && rv_item_blend(-1.5f, 2.0f, w1) <= 2.0f);
	CHECK(rv_item_blend(-1.5f, 2.0f, w4) >= rv_item_blend(-1.5f, 2.0f, w1));

	/* thinness: 1 without marks, K0 / (K0 + 1) with one, less with four */
	CHECK(rv_item_thinness(&empty) == 1);
	CHECK(fabsf(rv_item_thinness(&thin) - rv_detect_item_nb_thin_k0 /
				(rv_detect_item_nb_thin_k0 + 1)) < 1e-6f);
	CHECK(rv_item_thinness(&thick) < rv_item_thinness(&thin) && rv_item_thinness(&thick) > 0);
	{
		/*
		 * One mark among eight sentences reads as a spoiler-light title; the
		 * thinness takes back part of what the low rate costs a sentence
		 * with no specific words.
		 */
		float		tl[2] = {0.5f, 0.5f};
		int			nw[2] = {8, 8};
		float		spec,
					rate;
		RvSentFeatures f = features_of("Magnus sinks the trawler for the insurance.");

		rv_item_features(&thin, &f, &spec, &rate);
		rv_detect_features_free(&f);
		CHECK(rate < 0);
		CHECK(rv_item_combined_logit(tl, nw, 2, 0, 0, rate, rv_item_thinness(&thin)) >
			  rv_item_combined_logit(tl, nw, 2, 0, 0, rate, 0));
	}

	for (int t = 0; t < 3; t++)
	{
		for (int v = 0; v < 3; v++)
		{
			RvSentence *sents;
			RvError		err = {0};
			int64_t		n = rv_sentences(texts[t], strlen(texts[t]), "en", &sents, &err);
			RvDetectInput in = {texts[t], strlen(texts[t]), "en", v == 1, sents,
			(uint32_t) n, v == 2 && t == 2 ? &span : NULL, v == 2 && t == 2 ? 1 : 0};
			float		plain[4],
						a[4],
						b[4];
			float		rp = rv_detect(&in, plain, &err),
						ra = rv_detect_with_item(&in, &empty, a, &err),
						rb = rv_detect_with_item(&in, &unmarked, b, &err);

			CHECK(n > 0 && n <= 4);
			CHECK(memcmp(plain, a, sizeof(float) * n) == 0);
			CHECK(memcmp(plain, b, sizeof(float) * n) == 0);
			CHECK(memcmp(&rp, &ra, sizeof(float)) == 0 && memcmp(&rp, &rb, sizeof(float)) == 0);
			free(sents);
		}
	}

	/*
	 * "Magnus sinks the trawler ...": the marks raise it, the thin context
	 * part of the way.
	 */
	{
		float		plain[3],
					s_thin[3],
					s_thick[3],
					r;

		CHECK_EQ_INT(score_text(texts[0], "en", false, NULL, 0, plain, &r), 3);
		CHECK_EQ_INT(score_text_item(texts[0], NULL, 0, &thin, s_thin), 3);
		CHECK_EQ_INT(score_text_item(texts[0], NULL, 0, &thick, s_thick), 3);
		CHECK(s_thin[1] != plain[1]);
		CHECK((s_thin[1] - plain[1]) * (s_thick[1] - plain[1]) > 0);
	}
	rv_item_free(&empty);
	rv_item_free(&unmarked);
	rv_item_free(&thin);
	rv_item_free(&thick);
}

static int64_t
buckets_of(const char *text, uint16_t **b)
{
	RvError		err = {0};
	int64_t		n = rv_detect_char_buckets(text, strlen(text), b, &err);

	if (n < 0)
		abort();
	return n;
}

static bool
same_buckets(const char *x, const char *y)
{
	uint16_t   *a,
			   *b;
	int64_t		na = buckets_of(x, &a),
				nb = buckets_of(y, &b);
	bool		same = na == nb && (na == 0 || memcmp(a, b, sizeof(uint16_t) * na) == 0);

	rv_free(a);
	rv_free(b);
	return same;
}

/*
 * Character n-grams (rv_detect_chars.c): folded, cut at white space, each
 * word padded; code points, not bytes; every n-gram counted; the logit is
 * their weights' sum over sqrt(n), and English features carry it.
 */
RV_TEST(detect_char_ngrams)
{
	uint16_t   *b,
			   *b2;
	int64_t		n;
	int64_t		sum = 0;
	float		z;
	RvError		err = {0};
	RvSentFeatures f;

	CHECK_EQ_INT((int) buckets_of("", &b), 0);
	rv_free(b);
	CHECK_EQ_INT((int) buckets_of(" \t\n ", &b), 0);
	rv_free(b);
	/* " ab ": " a" " ab" " ab " "ab" "ab " "b " */
	CHECK_EQ_INT((int) buckets_of("ab", &b), 6);
	rv_free(b);
	/* " 日本 ": the same six, of code points */
	CHECK_EQ_INT((int) buckets_of("日本", &b), 6);
	rv_free(b);
	/* " abcdef ": 7 + 6 + 5 + 4 n-grams of 2, 3, 4 and 5 code points */
	CHECK_EQ_INT((int) buckets_of("abcdef", &b), 22);
	rv_free(b);
	CHECK(same_buckets("The END of it", "the end  of\tit"));
	CHECK(same_buckets("Émile dies.", "émile DIES."));
	CHECK(same_buckets("ÉMILE", "émile"));
	CHECK(!same_buckets("she dies", "she lives"));
	/* a repeated word repeats its n-grams */
	n = buckets_of("twice", &b);
	CHECK_EQ_INT((int) buckets_of("twice twice", &b2), (int) (2 * n));
	CHECK(memcmp(b, b2, sizeof(uint16_t) * n) == 0 && memcmp(b, b2 + n, sizeof(uint16_t) * n) == 0);
	rv_free(b);
	rv_free(b2);

	n = buckets_of("In the end the detective dies.", &b);
	for (int64_t i = 0; i < n; i++)
		sum += rv_detect_char_weights[b[i]];
	rv_free(b);
	CHECK(rv_detect_char_logit("In the end the detective dies.", 30, &z, &err));
	CHECK(fabs(z - (float) ((double) sum * RV_CHAR_WEIGHT_UNIT / sqrt((double) n))) < 1e-6);

	f = features_of("In the end the detective dies.");
	CHECK(f.chars == z);

	/* rv_detect_tokens: the same tokens, without the n-grams */
	{
		RvSentFeatures t;

		CHECK(rv_detect_tokens("In the end the detective dies.", 30, "en", &t, &err));
		CHECK(t.chars == 0);
		CHECK_EQ_INT(t.ntokens, f.ntokens);
		CHECK_EQ_INT(t.ntypes, f.ntypes);
		CHECK_EQ_INT(t.names, f.names);
		for (int i = 0; i < t.ntokens && i < f.ntokens; i++)
			CHECK(strcmp(RV_TOKEN(&t, i), RV_TOKEN(&f, i)) == 0);
		rv_detect_features_free(&t);
	}
	rv_detect_features_free(&f);
	CHECK(rv_detect_features("Le détective meurt.", strlen("Le détective meurt."), "fr", &f, &err));
	CHECK(f.chars == 0);
	rv_detect_features_free(&f);
}

/*
 * Words about spoilers themselves are no feature of either model: no token,
 * no character n-gram; the sentence's other words are as without them.
 */
RV_TEST(detect_meta_words)
{
	uint16_t   *b;
	RvSentFeatures f;
	RvError		err = {0};
	const char *meta[] = {"spoiler", "Spoilers", "SPOILED", "spoiler-free", "(spoiler:",
	"unspoiled", "spoilt"};
	const char *plain[] = {"spool", "soil", "spoi", "polish", "despot", ""};

	for (size_t i = 0; i < sizeof(meta) / sizeof(meta[0]); i++)
		CHECK(rv_detect_meta_word(meta[i], strlen(meta[i])));
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
		CHECK(!rv_detect_meta_word(plain[i], strlen(plain[i])));

	CHECK(rv_detect_tokens("Nothing here could be spoiled.", 30, "en", &f, &err));
	CHECK_EQ_INT(f.ntokens, 4);
	CHECK_EQ_INT(f.nwords, 5);
	for (int i = 0; i < f.ntokens; i++)
		CHECK(strstr(RV_TOKEN(&f, i), "spoil") == NULL);
	rv_detect_features_free(&f);
	CHECK_EQ_INT((int) buckets_of("Spoilers!", &b), 0);
	rv_free(b);
	CHECK(same_buckets("No spoilers: the cast is fine.", "No the cast is fine."));
	{
		RvSentFeatures a = features_of("A spoiler-free review: the cast is fine."),
					c = features_of("A review: the cast is fine.");

		CHECK(a.chars == c.chars);
		/* ICU's words: "spoiler" goes, "free" stays */
		CHECK_EQ_INT(a.ntokens, c.ntokens + 1);
		rv_detect_features_free(&a);
		rv_detect_features_free(&c);
	}
}
