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
