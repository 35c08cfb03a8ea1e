/*
 * test_stopwords.c
 *	  Stop word lists are sorted (bsearch needs it) and looked up by language.
 */
#include "rv_test.h"
#include "rv_stopwords.h"

RV_TEST(stopwords_lookup)
{
	CHECK(rv_is_stopword("ja", "は", strlen("は")));
	CHECK(rv_is_stopword("ja-JP", "を", strlen("を")));
	CHECK(!rv_is_stopword("ja", "映画", strlen("映画")));
	CHECK(rv_is_stopword("zh-Hant", "的", strlen("的")));
	CHECK(!rv_is_stopword("en", "the", 3));	/* English uses Snowball's list */
	CHECK(!rv_is_stopword("ja", "はは", strlen("はは")));
	/* Any one hiragana is a stop word in Japanese, katakana and kanji not. */
	CHECK(rv_is_stopword("ja", "く", strlen("く")));
	CHECK(rv_is_stopword("ja", "ぁ", strlen("ぁ")));	/* U+3041, first */
	CHECK(rv_is_stopword("ja", "ゟ", strlen("ゟ")));	/* U+309F, last */
	CHECK(!rv_is_stopword("ja", "゠", strlen("゠")));	/* U+30A0, katakana */
	CHECK(!rv_is_stopword("ja", "カ", strlen("カ")));
	CHECK(!rv_is_stopword("ja", "亡", strlen("亡")));
	CHECK(!rv_is_stopword("zh", "く", strlen("く")));
	CHECK(rv_is_stopword("ja", "ある", strlen("ある")));
}

/* bsearch needs every list in bytewise order. */
RV_TEST(stopwords_sorted)
{
	CHECK(rv_stopwords_sorted());
}
