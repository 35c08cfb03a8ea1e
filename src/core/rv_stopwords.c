/*
 * rv_stopwords.c
 *	  Stop word lists for languages without a Snowball dictionary.  Each
 *	  list is sorted bytewise (checked by the unit tests) for bsearch.
 */
#include <stdlib.h>
#include <string.h>

#include "rv_stopwords.h"

/* Japanese words of one hiragana are stop words by rule (ja_single_kana). */
static const char *const ja_stop[] = {
	"ある", "いる", "けど", "こと", "この", "これ", "した", "して", "する", "そう", "その", "それ",
	"だっ", "って", "です", "など", "なる", "のは", "ます", "まで", "もの", "より"
};

static const char *const zh_stop[] = {
	"一个", "上", "不", "与", "个", "也", "了", "他", "们", "和", "在", "她", "它", "就", "我",
	"我们", "是", "有", "来", "没有", "的", "着", "而", "與", "这", "那", "都"
};

static const char *const ko_stop[] = {
	"가", "그", "는", "도", "를", "에", "와", "은", "을", "의", "이", "하다"
};

static const char *const th_stop[] = {
	"กับ", "การ", "ของ", "ที่", "ว่า", "เป็น", "และ", "ใน", "ให้", "ได้"
};

typedef struct StopList
{
	const char *lang;
	const char *const *words;
	size_t		n;
} StopList;

#define LIST(l, a) {l, a, sizeof(a) / sizeof(a[0])}

static const StopList lists[] = {
	LIST("ja", ja_stop), LIST("ko", ko_stop), LIST("th", th_stop), LIST("zh", zh_stop)
};

typedef struct Key
{
	const char *s;
	size_t		len;
} Key;

static int
cmp_key(const void *k, const void *elem)
{
	const Key  *key = k;
	const char *w = *(const char *const *) elem;
	size_t		wl = strlen(w);
	int			c = memcmp(key->s, w, key->len < wl ? key->len : wl);

	if (c != 0)
		return c;
	return (key->len > wl) - (key->len < wl);
}

/*
 * One hiragana (U+3041..U+309F) alone is a particle or an inflection the
 * word segmenter split off a verb (the く of 亡くなる): never a keyword.
 */
static bool
ja_single_kana(const char *word, size_t len)
{
	const unsigned char *u = (const unsigned char *) word;

	return len == 3 && u[0] == 0xE3 &&
		((u[1] == 0x81 && u[2] >= 0x81) || (u[1] == 0x82 && u[2] <= 0x9F));
}

bool
rv_is_stopword(const char *lang, const char *word, size_t len)
{
	size_t		n = strcspn(lang, "-");
	Key			key = {word, len};

	if (n == 2 && memcmp(lang, "ja", 2) == 0 && ja_single_kana(word, len))
		return true;
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (strlen(lists[i].lang) == n && memcmp(lists[i].lang, lang, n) == 0)
			return bsearch(&key, lists[i].words, lists[i].n, sizeof(char *), cmp_key) != NULL;
	return false;
}

/* True if every list is in strictly increasing bytewise order (unit tests). */
bool
rv_stopwords_sorted(void)
{
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		for (size_t j = 1; j < lists[i].n; j++)
		{
			Key			prev = {lists[i].words[j - 1], strlen(lists[i].words[j - 1])};

			if (cmp_key(&prev, &lists[i].words[j]) >= 0)
				return false;
		}
	return true;
}
