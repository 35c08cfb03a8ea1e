/*
 * rv_detect_lexicon.c
 *	  Hand-written spoiler cues for languages without a fitted model.
 *
 * A cue is a sequence of token prefixes (tokens are folded ICU words), so a
 * prefix stands for a word's inflections ("muer" for muere, mueren,
 * muerte).  Weights are logits: 1.6 for an outcome stated outright (deaths,
 * "in the end", "it turns out"), 1.0 for reveals and twists, 0.6 for words
 * that often narrate the late plot.  The bias, log(0.3 / 0.7), puts a sentence
 * without cues at the rate of spoiler sentences in reviews (about 30%): these
 * logits are on the review scale already, so rv_detect does not shift them
 * as it shifts the English model fitted on balanced data.  The neutral
 * features of these languages (per capitalized word, per log(1 + words))
 * are set with the cues: the values the English fit had when the cues
 * were written, so that refitting English does not move other languages.
 */
#include "rv_detect_int.h"

#define N(a) ((int) (sizeof(a) / sizeof(a[0])))
#define LEX_NEUTRAL 0.046475f, -0.801769f

/*
 * English cues add to the fitted model at half weight (see rv_detect.c):
 * the model already carries part of them, but isolated TV Tropes
 * sentences under-represent how reviews announce endings.
 */
static const RvCue en_cues[] = {
	{{"in", "the", "end"}, 1.6f}, {{"at", "the", "end"}, 1.6f}, {{"turns", "out"}, 1.6f},
	{{"turned", "out"}, 1.6f}, {{"dies"}, 1.6f}, {{"died"}, 1.6f}, {{"kill"}, 1.2f},
	{{"murder"}, 1.2f}, {{"dead"}, 1.2f}, {{"death"}, 1.0f}, {{"reveal"}, 1.0f},
	{{"twist"}, 1.0f}, {{"ending"}, 1.0f}, {{"finale"}, 1.0f}, {{"final", "scene"}, 1.2f},
	{{"last", "scene"}, 1.2f}, {{"surviv"}, 1.2f}, {{"betray"}, 1.0f}, {{"confess"}, 1.0f},
	{{"all", "along"}, 1.6f}, {{"was", "actually"}, 1.6f}, {{"secret"}, 0.6f},
	{{"eventually"}, 0.6f}, {{"finally"}, 0.6f}, {{"arrested"}, 1.0f}, {{"escapes"}, 0.6f}
};

static const RvCue es_cues[] = {
	{{"al", "final"}, 1.6f}, {{"muer"}, 1.6f}, {{"muri"}, 1.6f}, {{"mata"}, 1.6f},
	{{"asesin"}, 1.2f}, {{"result", "ser"}, 1.6f}, {{"result", "que"}, 1.6f},
	{{"en", "realidad"}, 1.0f}, {{"revel"}, 1.0f}, {{"descubr"}, 1.0f},
	{{"giro"}, 1.0f}, {{"traicion"}, 1.0f}, {{"finalmente"}, 1.0f},
	{{"el", "final"}, 1.0f}, {{"desenlace"}, 1.6f}, {{"sobreviv"}, 1.2f},
	{{"fallec"}, 1.6f}, {{"suicid"}, 1.6f}, {{"abandon"}, 0.6f}, {{"escena", "final"}, 1.2f},
	{{"secreto"}, 0.6f}, {{"verdader"}, 0.6f}, {{"termina"}, 1.0f}, {{"acaba"}, 1.0f}
};

static const RvCue fr_cues[] = {
	{{"à", "la", "fin"}, 1.6f}, {{"a", "la", "fin"}, 1.6f}, {{"meur"}, 1.6f},
	{{"mort"}, 1.2f}, {{"tué"}, 1.6f}, {{"tue"}, 1.2f}, {{"assassin"}, 1.2f},
	{{"en", "réalité"}, 1.0f}, {{"se", "révèle"}, 1.6f}, {{"révèl"}, 1.0f},
	{{"découvr"}, 1.0f}, {{"rebondissement"}, 1.0f}, {{"trahi"}, 1.0f},
	{{"finalement"}, 1.0f}, {{"dénouement"}, 1.6f}, {{"survi"}, 1.2f},
	{{"décè"}, 1.6f}, {{"suicid"}, 1.6f}, {{"disparaît"}, 1.0f}, {{"scène", "finale"}, 1.2f},
	{{"secret"}, 0.6f}, {{"quitte"}, 0.6f}, {{"termine"}, 1.0f}, {{"fin", "du", "film"}, 1.2f}
};

static const RvCue de_cues[] = {
	{{"am", "ende"}, 1.6f}, {{"stirbt"}, 1.6f}, {{"starb"}, 1.6f}, {{"tot"}, 1.2f},
	{{"getötet"}, 1.6f}, {{"tötet"}, 1.6f}, {{"ermord"}, 1.6f}, {{"mörder"}, 1.2f},
	{{"stellt", "sich"}, 1.6f}, {{"entpupp"}, 1.6f}, {{"in", "wahrheit"}, 1.0f},
	{{"enthüll"}, 1.0f}, {{"entdeck"}, 1.0f}, {{"wendung"}, 1.0f}, {{"verrat"}, 1.0f},
	{{"schließlich"}, 1.0f}, {{"überleb"}, 1.2f}, {{"selbstmord"}, 1.6f},
	{{"ertrink"}, 1.6f}, {{"ertrunk"}, 1.6f}, {{"schlussszene"}, 1.2f}, {{"geheimnis"}, 0.6f},
	{{"endet"}, 1.0f}, {{"verlässt"}, 0.6f}
};

const RvCueLexicon rv_detect_lexicons[] = {
	{"de", -0.85f, LEX_NEUTRAL, de_cues, N(de_cues)},
	{"en", 0.0f, LEX_NEUTRAL, en_cues, N(en_cues)},
	{"es", -0.85f, LEX_NEUTRAL, es_cues, N(es_cues)},
	{"fr", -0.85f, LEX_NEUTRAL, fr_cues, N(fr_cues)}
};

const int	rv_detect_nlexicons = N(rv_detect_lexicons);
