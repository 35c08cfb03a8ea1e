/*
 * rv_detect_chars.c
 *	  The character n-gram part of the English spoiler model.
 *
 * Word n-grams only know the words they were fitted on; a title's
 * characters, places and episode names are new in every review.  Character
 * n-grams carry what is shared below the word: inflections ("kill", "killed",
 * "killing"), the shape of names and numbers, quotes and exclamations.  The
 * sentence is folded (rv_fold: NFKC_Casefold; ASCII is lowered in place),
 * cut into words at white space, and every word, padded with a space on
 * either side, gives its n-grams of RV_CHAR_MIN to RV_CHAR_MAX code points
 * ("char_wb" n-grams); a word about spoilers themselves gives none
 * (rv_detect_meta_word).  Each n-gram is hashed (FNV-1a, then a multiplicative
 * hash) into one of 2^RV_CHAR_BITS buckets.  The sentence's vector counts
 * its n-grams per bucket over sqrt(n), n the number of n-grams, and its
 * logit is the sum of its n-grams' weights over sqrt(n): no set of buckets
 * is built, each n-gram costs a hash and a load.  The weights are a logistic
 * regression on those vectors, fitted by tools/fit_detector.py and
 * calibrated together with the word model (rv_detect_weights.c); collisions
 * are part of the fitted model (the hashing trick), so no key is stored.
 *
 * detect_cli prints the buckets, so the fit sees exactly what scores.
 */
#include <math.h>
#include <string.h>

#include "rv_detect_int.h"
#include "rv_segment.h"
#include "rv_utf8.h"

/* Where the n-grams go: summed, and listed when out is set. */
typedef struct CharSink
{
	int64_t		sum;			/* of the weights, in RV_CHAR_WEIGHT_UNITs */
	int64_t		n;				/* n-grams */
	uint16_t   *out;
	int64_t		cap;
} CharSink;

static inline bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static inline void
emit(CharSink *sink, uint64_t h)
{
	uint32_t	b = (uint32_t) ((h * 0x9E3779B97F4A7C15ULL) >> (64 - RV_CHAR_BITS));

	sink->sum += rv_detect_char_weights[b];
	if (sink->out)
	{
		if (sink->n == sink->cap)
		{
			sink->cap = sink->cap ? sink->cap * 2 : 256;
			sink->out = rv_realloc(sink->out, sizeof(uint16_t) * (size_t) sink->cap);
		}
		sink->out[sink->n] = (uint16_t) b;
	}
	sink->n++;
}

static inline uint64_t
fnv_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * RV_FNV_PRIME;
}

/* The length of the code point at s[i] (a stray byte counts as one). */
static inline uint32_t
cp_len(const char *s, uint32_t i, uint32_t len)
{
	uint32_t	n = rv_utf8_seqlen((unsigned char) s[i]);

	return (n == 0 || i + n > len) ? 1 : n;
}

/*
 * The n-grams of the word s[0..len), padded: an n-gram starts at the
 * leading space or at a code point, and runs over up to RV_CHAR_MAX code
 * points, the trailing space last.  The hash of an n-gram extends its
 * (n - 1)-gram's, FNV-1a being a running hash.  lower: ASCII to lower case
 * on the fly (the text was not folded).
 */
static void
word_ngrams(CharSink *sink, const char *s, uint32_t len, bool lower)
{
	for (int64_t start = -1; start < (int64_t) len;)
	{
		uint64_t	h = RV_FNV_OFFSET;
		uint32_t	p = start < 0 ? 0 : (uint32_t) start;
		int			k = 0;

		if (start < 0)
		{
			h = fnv_byte(h, ' ');
			k = 1;
		}
		for (; k < RV_CHAR_MAX; k++)
		{
			if (p >= len)
			{
				h = fnv_byte(h, ' ');
				if (k + 1 >= RV_CHAR_MIN)
					emit(sink, h);
				break;
			}
			for (uint32_t e = p + cp_len(s, p, len); p < e; p++)
			{
				unsigned char c = (unsigned char) s[p];

				h = fnv_byte(h, lower && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
			}
			if (k + 1 >= RV_CHAR_MIN)
				emit(sink, h);
		}
		start = start < 0 ? 0 : start + cp_len(s, (uint32_t) start, len);
	}
}

static bool
char_ngrams(const char *text, size_t len, CharSink *sink, RvError *err)
{
	RvBuf		folded = {0};
	const char *s = text;
	bool		ascii = true;
	size_t		i = 0;

	for (size_t j = 0; j < len && ascii; j++)
		ascii = (unsigned char) text[j] < 0x80;
	if (!ascii)
	{
		rv_buf_init(&folded, len + 1);
		if (rv_fold(text, len, &folded, err) < 0)
		{
			rv_free(folded.data);
			return false;
		}
		s = folded.data;
		len = folded.len;
	}
	while (i < len)
	{
		size_t		start;

		while (i < len && is_space((unsigned char) s[i]))
			i++;
		start = i;
		while (i < len && !is_space((unsigned char) s[i]))
			i++;
		if (i > start && !rv_detect_meta_word(s + start, i - start))
			word_ngrams(sink, s + start, (uint32_t) (i - start), ascii);
		if (RV_CHECK_INTERRUPTS())
			break;				/* rv_detect reports it */
	}
	rv_free(folded.data);
	return true;
}

int64_t
rv_detect_char_buckets(const char *text, size_t len, uint16_t **buckets, RvError *err)
{
	CharSink	sink = {0};

	sink.cap = 64;
	sink.out = rv_alloc(sizeof(uint16_t) * (size_t) sink.cap);
	*buckets = NULL;
	if (!char_ngrams(text, len, &sink, err))
	{
		rv_free(sink.out);
		return -1;
	}
	*buckets = sink.out;
	return sink.n;
}

bool
rv_detect_char_logit(const char *text, size_t len, float *logit, RvError *err)
{
	CharSink	sink = {0};

	*logit = 0;
	if (!char_ngrams(text, len, &sink, err))
		return false;
	if (sink.n > 0)
		*logit = (float) ((double) sink.sum * RV_CHAR_WEIGHT_UNIT / sqrt((double) sink.n));
	return true;
}
