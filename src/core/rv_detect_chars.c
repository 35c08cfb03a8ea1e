/*
 * rv_detect_chars.c
 *	  The character n-gram part of the English spoiler model.
 *
 * Word n-grams only know the words they were fitted on; a title's
 * characters, places and episode names are new in every review.  Character
 * n-grams carry what is shared below the word: inflections ("kill", "killed",
 * "killing"), the shape of names and numbers, quotes and exclamations.  The
 * sentence is folded (rv_fold: NFKC_Casefold), cut into words at white space,
 * and every word, padded with a space on either side, gives its n-grams of
 * RV_CHAR_MIN to RV_CHAR_MAX code points ("char_wb" n-grams).  Each n-gram
 * is hashed (FNV-1a, then a finalizer) into one of 2^RV_CHAR_BITS buckets;
 * the sentence is the set of its distinct buckets, scaled to unit length
 * (1 / sqrt(n) each), and its logit the sum of the buckets' weights over
 * sqrt(n).  The weights are a logistic regression on those vectors, fitted
 * by tools/fit_detector.py and calibrated together with the word model
 * (rv_detect_weights.c); collisions are part of the fitted model (the
 * hashing trick), so no key is stored.
 *
 * detect_cli prints the buckets, so the fit sees exactly what scores.
 */
#include <math.h>
#include <string.h>

#include "rv_detect_int.h"
#include "rv_segment.h"
#include "rv_utf8.h"

static inline bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* murmur3's 64-bit finalizer, to the top RV_CHAR_BITS bits. */
static inline uint32_t
bucket_of(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 33;
	return (uint32_t) (h >> (64 - RV_CHAR_BITS));
}

static inline uint64_t
fnv_bytes(uint64_t h, const char *s, uint32_t from, uint32_t to)
{
	for (uint32_t b = from; b < to; b++)
		h = (h ^ (unsigned char) s[b]) * RV_FNV_PRIME;
	return h;
}

typedef struct CharState
{
	uint64_t	seen[(1 << RV_CHAR_BITS) / 64];
	uint16_t   *out;
	int64_t		n;
	int64_t		cap;
	uint32_t   *cp;				/* code point boundaries of the word */
	uint32_t	cpcap;
} CharState;

static void
add_bucket(CharState *st, uint32_t b)
{
	if (st->seen[b >> 6] & (UINT64_C(1) << (b & 63)))
		return;
	st->seen[b >> 6] |= UINT64_C(1) << (b & 63);
	if (st->n == st->cap)
	{
		st->cap = st->cap ? st->cap * 2 : 256;
		st->out = rv_realloc(st->out, sizeof(uint16_t) * (size_t) st->cap);
	}
	st->out[st->n++] = (uint16_t) b;
}

/*
 * The n-grams of the word s[0..len), padded: virtual code point 0 is the
 * leading space, 1..m the word's, m + 1 the trailing space.  The hash of an
 * n-gram extends its (n - 1)-gram's, FNV-1a being a running hash.
 */
static void
word_ngrams(CharState *st, const char *s, uint32_t len)
{
	uint32_t	m = 0;

	if (len + 1 > st->cpcap)
	{
		st->cpcap = len + 1 > 64 ? len + 1 : 64;
		st->cp = rv_realloc(st->cp, sizeof(uint32_t) * st->cpcap);
	}
	st->cp[0] = 0;
	for (uint32_t i = 0; i < len; m++)
	{
		uint32_t	n = rv_utf8_seqlen((unsigned char) s[i]);

		i += (n == 0 || i + n > len) ? 1 : n;
		st->cp[m + 1] = i;
	}
	for (uint32_t start = 0; start + RV_CHAR_MIN <= m + 2; start++)
	{
		uint64_t	h = RV_FNV_OFFSET;

		for (uint32_t k = start; k < start + RV_CHAR_MAX && k <= m + 1; k++)
		{
			if (k == 0 || k == m + 1)
				h = (h ^ ' ') * RV_FNV_PRIME;
			else
				h = fnv_bytes(h, s, st->cp[k - 1], st->cp[k]);
			if (k + 1 - start >= RV_CHAR_MIN)
				add_bucket(st, bucket_of(h));
		}
	}
}

int64_t
rv_detect_char_buckets(const char *text, size_t len, uint16_t **buckets, RvError *err)
{
	CharState  *st = rv_alloc0(sizeof(CharState));
	RvBuf		folded;
	size_t		i = 0;
	int64_t		n;

	*buckets = NULL;
	rv_buf_init(&folded, len + 1);
	if (rv_fold(text, len, &folded, err) < 0)
	{
		rv_free(folded.data);
		rv_free(st);
		return -1;
	}
	while (i < folded.len)
	{
		size_t		start;

		while (i < folded.len && is_space((unsigned char) folded.data[i]))
			i++;
		start = i;
		while (i < folded.len && !is_space((unsigned char) folded.data[i]))
			i++;
		if (i > start)
			word_ngrams(st, folded.data + start, (uint32_t) (i - start));
		if (RV_CHECK_INTERRUPTS())
			break;				/* rv_detect reports it */
	}
	rv_free(folded.data);
	rv_free(st->cp);
	*buckets = st->out;
	n = st->n;
	rv_free(st);
	return n;
}

bool
rv_detect_char_logit(const char *text, size_t len, float *logit, RvError *err)
{
	uint16_t   *b;
	int64_t		n = rv_detect_char_buckets(text, len, &b, err);
	int64_t		sum = 0;

	*logit = 0;
	if (n < 0)
		return false;
	for (int64_t i = 0; i < n; i++)
		sum += rv_detect_char_weights[b[i]];
	rv_free(b);
	if (n > 0)
		*logit = (float) ((double) sum * RV_CHAR_WEIGHT_UNIT / sqrt((double) n));
	return true;
}
