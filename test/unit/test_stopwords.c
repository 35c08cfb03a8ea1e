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
}
