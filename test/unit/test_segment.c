/*
 * test_segment.c
 *	  UTF-8 validation, ICU sentence and word segmentation, folding.
 */
#include <stdlib.h>

#include "rv_test.h"
#include "rv_segment.h"
#include "rv_utf8.h"

RV_TEST(utf8_valid_and_invalid)
{
	size_t		bad = 0;

	CHECK(rv_utf8_valid("héllo 映画", strlen("héllo 映画"), &bad));
	CHECK(!rv_utf8_valid("ab\xC3", 3, &bad));
	CHECK_EQ_INT(bad, 2);
	CHECK(!rv_utf8_valid("a\xC0\xAF", 3, &bad));	/* overlong '/' */
	CHECK_EQ_INT(bad, 1);
	CHECK(!rv_utf8_valid("\xED\xA0\x80", 3, &bad));	/* surrogate */
	CHECK(!rv_utf8_valid("\xF4\x90\x80\x80", 4, &bad));	/* > U+10FFFF */
	CHECK(!rv_utf8_valid("a\0b", 3, &bad));
	CHECK_EQ_INT(bad, 1);
	CHECK_EQ_INT(rv_utf8_count("héllo 映画", strlen("héllo 映画")), 8);
}

RV_TEST(sentences_english)
{
	const char *t = "  Then Mr. Smith arrives.  The house burns down!\nThe end?  ";
	RvSentence *s;
	RvError		err = {0};
	int64_t		n = rv_sentences(t, strlen(t), "en", &s, &err);

	CHECK_EQ_INT(n, 3);
	CHECK_EQ_MEM(t + s[0].start, s[0].end - s[0].start, "Then Mr. Smith arrives.");
	CHECK_EQ_MEM(t + s[1].start, s[1].end - s[1].start, "The house burns down!");
	CHECK_EQ_MEM(t + s[2].start, s[2].end - s[2].start, "The end?");
	free(s);
}

RV_TEST(sentences_japanese)
{
	const char *t = "映画は素晴らしかった。最後に彼は死ぬ。";
	RvSentence *s;
	RvError		err = {0};
	int64_t		n = rv_sentences(t, strlen(t), "ja", &s, &err);

	CHECK_EQ_INT(n, 2);
	CHECK_EQ_MEM(t + s[1].start, s[1].end - s[1].start, "最後に彼は死ぬ。");
	free(s);
}

typedef struct WordList
{
	char		words[32][64];
	int			index[32];
	int			start[32];
	int			n;
} WordList;

static bool
collect(const RvWord *w, void *arg)
{
	WordList   *l = arg;

	if (l->n < 32)
	{
		l->index[l->n] = (int) w->index;
		l->start[l->n] = (int) w->start;
		snprintf(l->words[l->n++], 64, "%s", w->folded);
	}
	return true;
}

RV_TEST(words_fold_and_skip_punctuation)
{
	WordList	l = {0};
	RvError		err = {0};
	const char *t = "Anora’s FINAL scene — ﬁne, 25 times!";

	CHECK_EQ_INT(rv_words(t, strlen(t), "en", collect, &l, &err), 6);
	CHECK_EQ_STR(l.words[0], "anora's");
	CHECK_EQ_STR(l.words[1], "final");
	CHECK_EQ_STR(l.words[3], "fine");	/* NFKC folds the ligature */
	CHECK_EQ_STR(l.words[4], "25");
}

RV_TEST(words_japanese_dictionary_segmentation)
{
	WordList	l = {0};
	RvError		err = {0};
	const char *t = "彼女は映画館で泣いた";
	bool		found = false;

	CHECK(rv_words(t, strlen(t), "ja", collect, &l, &err) >= 3);
	/* A whole run of ideographs must not come back as one word. */
	for (int i = 0; i < l.n; i++)
	{
		CHECK(strcmp(l.words[i], t) != 0);
		if (strcmp(l.words[i], "彼女") == 0)
			found = true;
	}
	CHECK(found);
}

RV_TEST(words_split_elisions)
{
	WordList	l = {0};
	RvError		err = {0};
	const char *t = "L'amour et d’émotions, jusqu'au bout";

	/* l' and d' take word numbers 0 and 3, jusqu' number 5, none reported */
	CHECK_EQ_INT(rv_words(t, strlen(t), "fr", collect, &l, &err), 8);
	CHECK_EQ_INT(l.n, 5);
	CHECK_EQ_STR(l.words[0], "amour");
	CHECK_EQ_STR(l.words[1], "et");
	CHECK_EQ_STR(l.words[2], "émotions");
	CHECK_EQ_STR(l.words[3], "au");
	CHECK_EQ_STR(l.words[4], "bout");
	CHECK_EQ_INT(l.index[0], 1);
	CHECK_EQ_INT(l.index[2], 4);
	CHECK_EQ_INT(l.index[3], 6);
	CHECK_EQ_INT(l.start[0], 2);
	CHECK_EQ_INT(l.start[2], (int) (strstr(t, "émotions") - t));

	/* a region subtag, Italian and Catalan lists, upper case */
	l.n = 0;
	t = "DELL'anima nell’ombra quest'uomo un'altra";
	CHECK_EQ_INT(rv_words(t, strlen(t), "it-CH", collect, &l, &err), 8);
	CHECK_EQ_INT(l.n, 4);
	CHECK_EQ_STR(l.words[0], "anima");
	CHECK_EQ_STR(l.words[1], "ombra");
	CHECK_EQ_STR(l.words[2], "uomo");
	CHECK_EQ_STR(l.words[3], "altra");
	l.n = 0;
	t = "l'amor d'emocions";
	CHECK_EQ_INT(rv_words(t, strlen(t), "ca", collect, &l, &err), 4);
	CHECK_EQ_STR(l.words[0], "amor");
	CHECK_EQ_STR(l.words[1], "emocions");

	/* not an elision: another language, a word not in the list, nothing after */
	l.n = 0;
	t = "l'amour aujourd'hui";
	CHECK_EQ_INT(rv_words(t, strlen(t), "en", collect, &l, &err), 2);
	CHECK_EQ_STR(l.words[0], "l'amour");
	l.n = 0;
	CHECK_EQ_INT(rv_words(t, strlen(t), "fr", collect, &l, &err), 3);
	CHECK_EQ_STR(l.words[0], "amour");
	CHECK_EQ_STR(l.words[1], "aujourd'hui");
	l.n = 0;
	t = "l' amour";
	CHECK_EQ_INT(rv_words(t, strlen(t), "fr", collect, &l, &err), 2);
	CHECK_EQ_STR(l.words[0], "l");
}

/*
 * The word record (rv_words_record_begin): every rv_words() call on the
 * recorded text or a part of it gives what ICU gives on that text alone,
 * whether the part is replayed or segmented again.
 */
typedef struct WordTrace
{
	char		s[8192];
	size_t		len;
	int			stop_after;		/* > 0: stop after that many words */
	int			seen;
} WordTrace;

static bool
trace_word(const RvWord *w, void *arg)
{
	WordTrace  *t = arg;

	t->len += (size_t) snprintf(t->s + t->len, sizeof(t->s) - t->len, "%u-%u#%u:%.*s;",
								w->start, w->end, w->index, (int) w->folded_len, w->folded);
	return t->stop_after == 0 || ++t->seen < t->stop_after;
}

static int64_t
trace_words(const char *text, size_t len, const char *lang, int stop_after, WordTrace *t)
{
	RvError		err = {0};

	memset(t, 0, sizeof(*t));
	t->stop_after = stop_after;
	return rv_words(text, len, lang, trace_word, t, &err);
}

/* The parts of t that a check compares: its sentences, and every stretch between two spaces. */
static int
check_record_parts(const char *t, const char *lang, int stop_after)
{
	size_t		len = strlen(t);
	size_t		cut[64];
	int			ncut = 0;
	RvSentence *s;
	RvError		err = {0};
	int64_t		ns = rv_sentences(t, len, lang, &s, &err);
	int			bad = 0;
	size_t		(*parts)[2];
	int			nparts = 0;

	cut[ncut++] = 0;
	for (size_t i = 0; i < len && ncut < 62; i++)
		if (t[i] == ' ')
			cut[ncut++] = i + 1;
	cut[ncut++] = len;
	parts = malloc(sizeof(*parts) * (size_t) (ns + ncut * ncut + 1));
	for (int64_t i = 0; i < ns; i++)
	{
		parts[nparts][0] = s[i].start;
		parts[nparts++][1] = s[i].end - s[i].start;
	}
	for (int a = 0; a < ncut; a++)
		for (int b = a; b < ncut; b++)
		{
			size_t		e = cut[b];

			/* before the space, and including it */
			parts[nparts][0] = cut[a];
			parts[nparts++][1] = (e > cut[a] && t[e - 1] == ' ') ? e - 1 - cut[a] : e - cut[a];
		}
	for (int i = 0; i < nparts; i++)
	{
		WordTrace	fresh,
					replayed;
		int64_t		n1,
					n2;

		n1 = trace_words(t + parts[i][0], parts[i][1], lang, stop_after, &fresh);
		if (!rv_words_record_begin(t, len, lang, &err))
		{
			rv_test_fail(__FILE__, __LINE__, "rv_words_record_begin failed: %s", err.detail);
			bad++;
			break;
		}
		n2 = trace_words(t + parts[i][0], parts[i][1], lang, stop_after, &replayed);
		rv_words_record_end();
		if (n1 != n2 || fresh.len != replayed.len || memcmp(fresh.s, replayed.s, fresh.len) != 0)
		{
			rv_test_fail(__FILE__, __LINE__, "%s [%zu, +%zu) of \"%s\": %lld \"%.*s\" replayed as %lld \"%.*s\"",
						 lang, parts[i][0], parts[i][1], t, (long long) n1, (int) fresh.len, fresh.s,
						 (long long) n2, (int) replayed.len, replayed.s);
			bad++;
			break;
		}
	}
	free(parts);
	free(s);
	return bad;
}

RV_TEST(words_record_replays_as_icu_segments)
{
	static const struct
	{
		const char *lang;
		const char *text;
	}			cases[] = {
		{"en", "The hero dies. It was all a dream! Then Mr. Smith arrives at 3.5 km/h, U.S. style."},
		{"en", "It ended.Next morning the brother's alibi fell apart; can't stop, won't stop."},
		{"en", "Caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 the end\xE2\x80\x99s near. x\xC3\x97y."},
		{"en", "A\xCC\x81 combining mark, a soft\xC2\xADhyphen and \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 flags. Done."},
		{"fr", "L'amour est mort. Qu'il pleuve, jusqu'\xC3\xA0 l\xE2\x80\x99" "aube d'hiver."},
		{"de", "Der Vater verr\xC3\xA4t die Familie f\xC3\xBCr Geld. Gro\xC3\x9F" "artig!"},
		{"ja", "\xE6\x98\xA0\xE7\x94\xBB\xE3\x81\xAF\xE7\xB4\xA0\xE6\x99\xB4\xE3\x82\x89\xE3\x81\x97\xE3\x81\x8B\xE3\x81\xA3\xE3\x81\x9F\xE3\x80\x82 The end."},
		{"en", "  Spaces   around\tand\nnew lines \r\n here.  "},
		{"en", ""},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		if (check_record_parts(cases[i].text, cases[i].lang, 0) > 0)
			return;
		if (check_record_parts(cases[i].text, cases[i].lang, 2) > 0)
			return;
	}
}

RV_TEST(words_record_whole_text_and_end)
{
	const char *t = "Qu'il pleuve. L'orage d'\xC3\xA9t\xC3\xA9 \xE6\x98\xA0\xE7\x94\xBB!";
	WordTrace	fresh,
				fresh_en,
				replayed;
	RvError		err = {0};
	int64_t		n1 = trace_words(t, strlen(t), "fr", 0, &fresh);
	int64_t		n_en = trace_words(t, strlen(t), "en", 0, &fresh_en);

	CHECK_EQ_INT(n1, 8);
	CHECK(rv_words_record_begin(t, strlen(t), "fr", &err));
	CHECK_EQ_INT(trace_words(t, strlen(t), "fr", 0, &replayed), n1);
	CHECK_EQ_MEM(replayed.s, replayed.len, fresh.s);
	/* another language is segmented by ICU: no elisions in English */
	CHECK_EQ_INT(trace_words(t, strlen(t), "en", 0, &replayed), n_en);
	CHECK_EQ_MEM(replayed.s, replayed.len, fresh_en.s);
	CHECK(n_en < n1);
	rv_words_record_end();

	/*
	 * Which parts are replayed: a text changed under the record (which the
	 * callers never do) shows it.  The first sentence is ASCII between the
	 * text's start and a space: replayed.  The last part holds ideographs:
	 * segmented again.
	 */
	{
		char		buf[128];

		strcpy(buf, t);
		CHECK(rv_words_record_begin(buf, strlen(buf), "fr", &err));
		buf[6] = 'b';			/* pleuve -> bleuve */
		buf[strlen(buf) - 1] = '?';
		CHECK_EQ_INT(trace_words(buf, 13, "fr", 0, &replayed), 3);
		CHECK_EQ_MEM(replayed.s, replayed.len, "3-5#1:il;6-12#2:pleuve;");
		CHECK(trace_words(buf + 14, strlen(buf) - 14, "fr", 0, &replayed) > 0);
		CHECK(replayed.len > 0);
		rv_words_record_end();
		CHECK_EQ_INT(trace_words(buf, 13, "fr", 0, &replayed), 3);
		CHECK_EQ_MEM(replayed.s, replayed.len, "3-5#1:il;6-12#2:bleuve;");
	}
	CHECK_EQ_INT(trace_words(t, strlen(t), "fr", 0, &replayed), n1);
	CHECK_EQ_MEM(replayed.s, replayed.len, fresh.s);
}
