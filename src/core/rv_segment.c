/*
 * rv_segment.c
 *	  ICU sentence and word segmentation, and NFKC case folding.
 */
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "rv_segment.h"

/* A few languages per backend is the norm; evict round-robin past that. */
#define RV_BRK_CACHE_SIZE 8

typedef struct BrkCacheEntry
{
	UBreakIteratorType type;
	char		lang[36];
	UBreakIterator *brk;
} BrkCacheEntry;

static BrkCacheEntry brk_cache[RV_BRK_CACHE_SIZE];
static const UChar empty_text[1] = {0};
static int	brk_cache_next;

void
rv_segment_reset(void)
{
	for (int i = 0; i < RV_BRK_CACHE_SIZE; i++)
	{
		if (brk_cache[i].brk)
			ubrk_close(brk_cache[i].brk);
		memset(&brk_cache[i], 0, sizeof(BrkCacheEntry));
	}
	brk_cache_next = 0;
}

/*
 * Returns a cached break iterator of the given type for lang, set to text.
 * Sentence iterators use ICU's abbreviation suppressions ("Dr.", "e.g."), so
 * a title does not end a sentence.
 */
static UBreakIterator *
get_break_iterator(UBreakIteratorType type, const char *lang, UText *text,
				   RvError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	BrkCacheEntry *e = NULL;
	char		locale[ULOC_FULLNAME_CAPACITY + 16];

	for (int i = 0; i < RV_BRK_CACHE_SIZE; i++)
	{
		if (brk_cache[i].brk && brk_cache[i].type == type &&
			strcmp(brk_cache[i].lang, lang) == 0)
		{
			e = &brk_cache[i];
			break;
		}
	}

	if (e == NULL)
	{
		UBreakIterator *brk;

		uloc_forLanguageTag(lang, locale, ULOC_FULLNAME_CAPACITY, NULL, &status);
		if (U_FAILURE(status) || strlen(lang) >= sizeof(e->lang))
		{
			status = U_ZERO_ERROR;
			strcpy(locale, "en");
		}
		if (type == UBRK_SENTENCE)
			strcat(locale, strchr(locale, '@') ? ";ss=standard" : "@ss=standard");
		brk = ubrk_open(type, locale, NULL, 0, &status);
		if (U_FAILURE(status))
		{
			rv_error_set(err, RV_ERR_INTERNAL, 0, 0,
						 "ICU could not open a break iterator for \"%s\": %s.",
						 locale, u_errorName(status));
			return NULL;
		}
		e = &brk_cache[brk_cache_next];
		brk_cache_next = (brk_cache_next + 1) % RV_BRK_CACHE_SIZE;
		if (e->brk)
			ubrk_close(e->brk);
		e->type = type;
		strncpy(e->lang, strlen(lang) < sizeof(e->lang) ? lang : "en", sizeof(e->lang) - 1);
		e->lang[sizeof(e->lang) - 1] = '\0';
		e->brk = brk;
	}

	ubrk_setUText(e->brk, text, &status);
	if (U_FAILURE(status))
	{
		rv_error_set(err, RV_ERR_INTERNAL, 0, 0,
					 "ICU could not segment the text: %s.", u_errorName(status));
		return NULL;
	}
	return e->brk;
}

/*
 * Opens UTF-8 text for segmentation with a cached iterator of the given
 * type; NULL with *err set on failure.  Pair with close_segmenter().
 */
static UBreakIterator *
open_segmenter(UBreakIteratorType type, const char *text, size_t len,
			   const char *lang, UText *ut, RvError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	UBreakIterator *brk;

	/*
	 * The UText lives in the caller's frame, not on ICU's heap, so an ERROR
	 * that longjmps out of an interrupt check leaks nothing.
	 */
	*ut = (UText) UTEXT_INITIALIZER;

	if (len > INT32_MAX)
	{
		rv_error_set(err, RV_ERR_LIMIT, 0, 0, "The text is too long to segment.");
		return NULL;
	}
	utext_openUTF8(ut, text, (int64_t) len, &status);
	if (U_FAILURE(status))
	{
		rv_error_set(err, RV_ERR_INTERNAL, 0, 0, "ICU could not open the text: %s.",
					 u_errorName(status));
		return NULL;
	}
	brk = get_break_iterator(type, lang, ut, err);
	if (brk == NULL)
		utext_close(ut);
	return brk;
}

/* Detaches the cached iterator from text that is about to go away. */
static void
close_segmenter(UBreakIterator *brk, UText *ut)
{
	UErrorCode	status = U_ZERO_ERROR;

	ubrk_setText(brk, empty_text, 0, &status);
	utext_close(ut);
}

static bool
is_space_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Trims ASCII white space and U+00A0/U+3000 (common in pasted reviews). */
static void
trim_range(const char *text, uint32_t *start, uint32_t *end)
{
	for (;;)
	{
		if (*start < *end && is_space_byte((unsigned char) text[*start]))
			(*start)++;
		else if (*end - *start >= 2 && memcmp(text + *start, "\xC2\xA0", 2) == 0)
			*start += 2;
		else if (*end - *start >= 3 && memcmp(text + *start, "\xE3\x80\x80", 3) == 0)
			*start += 3;
		else
			break;
	}
	for (;;)
	{
		if (*end > *start && is_space_byte((unsigned char) text[*end - 1]))
			(*end)--;
		else if (*end - *start >= 2 && memcmp(text + *end - 2, "\xC2\xA0", 2) == 0)
			*end -= 2;
		else if (*end - *start >= 3 && memcmp(text + *end - 3, "\xE3\x80\x80", 3) == 0)
			*end -= 3;
		else
			break;
	}
}

int64_t
rv_sentences(const char *text, size_t len, const char *lang,
			 RvSentence **out, RvError *err)
{
	UText		ut;
	UBreakIterator *brk;
	RvSentence *sents = NULL;
	int64_t		n = 0,
				cap = 0;
	int32_t		prev,
				pos;

	*out = NULL;
	brk = open_segmenter(UBRK_SENTENCE, text, len, lang, &ut, err);
	if (brk == NULL)
		return -1;

	prev = ubrk_first(brk);
	while ((pos = ubrk_next(brk)) != UBRK_DONE)
	{
		uint32_t	s = (uint32_t) prev,
					e = (uint32_t) pos;

		prev = pos;
		if (RV_CHECK_INTERRUPTS() && rv_interrupted(err))
		{
			close_segmenter(brk, &ut);
			rv_free(sents);
			return -1;
		}
		trim_range(text, &s, &e);
		if (s >= e)
			continue;
		if (n == cap)
		{
			cap = cap ? cap * 2 : 16;
			sents = rv_realloc(sents, (size_t) cap * sizeof(RvSentence));
		}
		sents[n].start = s;
		sents[n].end = e;
		n++;
	}
	close_segmenter(brk, &ut);
	*out = sents;
	return n;
}

/*
 * NFKC_Casefold of ASCII is just lower case: s[0..len) lower-cased into buf
 * in one pass, or false (buf's contents undefined) as soon as a byte is not
 * ASCII.
 */
static bool
fold_ascii(const char *s, size_t len, RvBuf *buf)
{
	char	   *d;

	if (len + 1 > buf->cap)
	{
		buf->data = rv_realloc(buf->data, len + 1);
		buf->cap = len + 1;
	}
	d = buf->data;
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= 0x80)
			return false;
		d[i] = (char) ((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
	}
	d[len] = '\0';
	buf->len = len;
	return true;
}

int64_t
rv_fold(const char *s, size_t len, RvBuf *buf, RvError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	const UNormalizer2 *nfkc_cf;
	UChar		stackbuf[128],
				stackbuf2[256];
	UChar	   *src = stackbuf,
			   *dst = stackbuf2;
	int32_t		srclen,
				dstlen,
				outlen;

	if (fold_ascii(s, len, buf))
		return (int64_t) buf->len;
	buf->len = 0;

	nfkc_cf = unorm2_getNFKCCasefoldInstance(&status);
	if (U_FAILURE(status))
		goto icu_fail;

	u_strFromUTF8(NULL, 0, &srclen, s, (int32_t) len, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		goto icu_fail;
	status = U_ZERO_ERROR;
	if (srclen > (int32_t) (sizeof(stackbuf) / sizeof(UChar)))
		src = rv_alloc(sizeof(UChar) * (size_t) srclen);
	u_strFromUTF8(src, srclen, NULL, s, (int32_t) len, &status);
	if (U_FAILURE(status))
		goto icu_fail;

	/* Typographic apostrophes fold to the ASCII one, as the stemmers expect. */
	for (int32_t i = 0; i < srclen; i++)
		if (src[i] == 0x2019)
			src[i] = '\'';

	dstlen = unorm2_normalize(nfkc_cf, src, srclen, dst,
							  (int32_t) (sizeof(stackbuf2) / sizeof(UChar)), &status);
	if (status == U_BUFFER_OVERFLOW_ERROR)
	{
		status = U_ZERO_ERROR;
		dst = rv_alloc(sizeof(UChar) * (size_t) dstlen);
		dstlen = unorm2_normalize(nfkc_cf, src, srclen, dst, dstlen, &status);
	}
	if (U_FAILURE(status))
		goto icu_fail;

	u_strToUTF8(NULL, 0, &outlen, dst, dstlen, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		goto icu_fail;
	status = U_ZERO_ERROR;
	if ((size_t) outlen + 1 > buf->cap)
	{
		buf->data = rv_realloc(buf->data, (size_t) outlen + 1);
		buf->cap = (size_t) outlen + 1;
	}
	u_strToUTF8(buf->data, outlen + 1, NULL, dst, dstlen, &status);
	if (U_FAILURE(status))
		goto icu_fail;
	buf->len = (size_t) outlen;
	buf->data[outlen] = '\0';
	if (src != stackbuf)
		rv_free(src);
	if (dst != stackbuf2)
		rv_free(dst);
	return outlen;

icu_fail:
	if (src != stackbuf)
		rv_free(src);
	if (dst != stackbuf2)
		rv_free(dst);
	rv_error_set(err, RV_ERR_INTERNAL, 0, 0, "ICU could not normalize a word: %s.",
				 u_errorName(status));
	return -1;
}

/*
 * Elision: in French, Italian, Catalan and Irish a short word that loses its
 * final vowel is written against the next word with an apostrophe
 * ("l'amour", "dell'anima", "d'emocions").  ICU's word rules keep the two in
 * one word (an apostrophe between letters is MidNumLet), so they are split
 * here, as PostgreSQL's own parser does.  The lists are the elided articles,
 * pronouns and prepositions of each language (those of Lucene's elision
 * filters, plus Italian quell' and quest'), folded, without the apostrophe.
 */
static const char *const fr_elisions[] = {
	"c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu",
	"s", "t"
};
static const char *const it_elisions[] = {
	"agl", "all", "c", "coll", "d", "dagl", "dall", "degl", "dell", "gl", "l",
	"m", "negl", "nell", "pell", "quell", "quest", "s", "sugl", "sull", "t",
	"un", "v"
};
static const char *const ca_elisions[] = {"d", "l", "m", "n", "s", "t"};
static const char *const ga_elisions[] = {"b", "d", "m"};

typedef struct ElisionList
{
	const char *lang;
	const char *const *words;
	size_t		n;
} ElisionList;

#define ELISIONS(l, a) {l, a, sizeof(a) / sizeof(a[0])}

static const ElisionList elision_lists[] = {
	ELISIONS("ca", ca_elisions), ELISIONS("fr", fr_elisions),
	ELISIONS("ga", ga_elisions), ELISIONS("it", it_elisions)
};

#define RV_MAX_ELIDED 6			/* longest entry: "lorsqu", "puisqu" */

/* The elision list for a BCP 47 tag's language, or NULL. */
static const ElisionList *
elision_list(const char *lang)
{
	size_t		n = strcspn(lang, "-_");

	for (size_t i = 0; i < sizeof(elision_lists) / sizeof(elision_lists[0]); i++)
		if (strlen(elision_lists[i].lang) == n &&
			memcmp(elision_lists[i].lang, lang, n) == 0)
			return &elision_lists[i];
	return NULL;
}

/*
 * If the word s[0..len) starts with an elided word of the list and an
 * apostrophe (U+0027 or U+2019) with more of the word after it, the length
 * in bytes of that prefix, apostrophe included; else 0.  Matching ignores
 * ASCII case (every entry is ASCII).
 */
static size_t
elision_prefix(const ElisionList *el, const char *s, size_t len)
{
	char		head[RV_MAX_ELIDED];
	size_t		k;
	size_t		apos;

	for (k = 0; k < len && k < RV_MAX_ELIDED; k++)
	{
		char		c = s[k];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c < 'a' || c > 'z')
			break;
		head[k] = c;
	}
	if (k == 0 || k >= len)
		return 0;
	if (s[k] == '\'')
		apos = 1;
	else if (len - k >= 3 && memcmp(s + k, "\xE2\x80\x99", 3) == 0)
		apos = 3;
	else
		return 0;
	if (k + apos >= len)
		return 0;
	for (size_t i = 0; i < el->n; i++)
		if (strlen(el->words[i]) == k && memcmp(el->words[i], head, k) == 0)
			return k + apos;
	return 0;
}

/*
 * The word record: the words of one text, segmented once and replayed to
 * later rv_words() calls on the same text or on parts of it (see
 * rv_words_record_begin() in rv_segment.h).  One entry per ICU segment with
 * a word rule status, reported or not (a word that folds to nothing still
 * counts its elided prefixes).
 */
typedef struct WordRec
{
	uint32_t	seg_start;		/* the ICU segment, before elided prefixes */
	uint32_t	start;			/* the word reported, after them */
	uint32_t	end;
	uint32_t	base;			/* word number before the elided prefixes */
	uint32_t	index;			/* word number of the word reported */
	uint32_t	fold_off;		/* into folded */
	uint32_t	fold_len;		/* 0: not reported */
} WordRec;

typedef struct WordRecord
{
	bool		active;
	const char *text;
	size_t		len;
	char		lang[36];
	WordRec    *recs;
	uint32_t	nrecs;
	uint32_t	cap;
	RvBuf		folded;
	int64_t		n;				/* what rv_words() returned for the whole text */
} WordRecord;

static WordRecord word_record;

static void
record_word(WordRecord *r, uint32_t seg_start, const RvWord *w, uint32_t base,
			const RvBuf *folded)
{
	WordRec    *e;

	if (r->nrecs == r->cap)
	{
		r->cap = r->cap ? r->cap * 2 : 256;
		r->recs = rv_realloc(r->recs, sizeof(WordRec) * r->cap);
	}
	e = &r->recs[r->nrecs++];
	e->seg_start = seg_start;
	e->start = w->start;
	e->end = w->end;
	e->base = base;
	e->index = w->index;
	e->fold_off = (uint32_t) r->folded.len;
	e->fold_len = (uint32_t) folded->len;
	rv_buf_append(&r->folded, folded->data, folded->len);
	rv_buf_append_char(&r->folded, '\0');
}

/* rv_words() by ICU; with rec, every word segment is also recorded. */
static int64_t
words_icu(const char *text, size_t len, const char *lang,
		  RvWordCallback cb, void *arg, RvError *err, WordRecord *rec)
{
	const ElisionList *el = elision_list(lang);
	UText		ut;
	UBreakIterator *brk;
	RvBuf		folded;
	RvWord		w;
	int32_t		prev,
				pos;
	int64_t		n = 0;

	brk = open_segmenter(UBRK_WORD, text, len, lang, &ut, err);
	if (brk == NULL)
		return -1;

	rv_buf_init(&folded, 64);
	prev = ubrk_first(brk);
	while ((pos = ubrk_next(brk)) != UBRK_DONE)
	{
		int32_t		start = prev,
					seg_start = prev;
		int64_t		base = n;

		prev = pos;
		if (RV_CHECK_INTERRUPTS() && rv_interrupted(err))
		{
			n = -1;
			break;
		}
		/* Rule status below UBRK_WORD_NONE_LIMIT: spaces and punctuation. */
		if (ubrk_getRuleStatus(brk) < UBRK_WORD_NONE_LIMIT)
			continue;

		/*
		 * An elided word takes a word number, as a stop word does (phrase
		 * distances then count as to_tsvector's positions), but it is not
		 * reported: it is never a keyword.
		 */
		if (el != NULL)
		{
			size_t		k;

			while ((k = elision_prefix(el, text + start, (size_t) (pos - start))) > 0)
			{
				start += (int32_t) k;
				n++;
			}
		}
		if (rv_fold(text + start, (size_t) (pos - start), &folded, err) < 0)
		{
			n = -1;
			break;
		}
		w.start = (uint32_t) start;
		w.end = (uint32_t) pos;
		w.folded = folded.data;
		w.folded_len = (uint32_t) folded.len;
		w.index = (uint32_t) n;
		if (rec)
			record_word(rec, (uint32_t) seg_start, &w, (uint32_t) base, &folded);
		if (folded.len == 0)
			continue;
		n++;
		if (!cb(&w, arg))
			break;
	}
	close_segmenter(brk, &ut);
	rv_free(folded.data);
	return n;
}

/*
 * Bytes whose word break rules (UAX #29) look no further than the next
 * character and never across white space: ASCII, the Latin letters
 * U+00C0..U+024F (with U+00D7 and U+00F7, which break on both sides), the
 * single quotation marks U+2018 and U+2019 (MidNumLet, as '.') and the dashes
 * and double quotation marks U+2013, U+2014, U+201C, U+201D (breaking on
 * both sides).  Not combining marks or format characters (which attach to
 * what precedes them), regional indicators (counted in pairs), Hebrew, kana,
 * or the scripts ICU segments with a dictionary.
 */
static bool
locally_segmented(const unsigned char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = s[i];

		if (c < 0x80)
			i++;
		else if (c >= 0xC3 && c <= 0xC9 && i + 1 < len && (s[i + 1] & 0xC0) == 0x80 &&
				 (c < 0xC9 || s[i + 1] <= 0x8F))
			i += 2;
		else if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
				 (s[i + 2] == 0x93 || s[i + 2] == 0x94 || s[i + 2] == 0x98 ||
				  s[i + 2] == 0x99 || s[i + 2] == 0x9C || s[i + 2] == 0x9D))
			i += 3;
		else
			return false;
	}
	return true;
}

/*
 * Can the part [off, off + len) of the recorded text be segmented from the
 * record?  When it has white space (or the text's edge) on both sides and
 * only locally segmented characters, ICU finds in it, alone, exactly the
 * words it found there in the whole text: every word break rule that could
 * see past its edges stops at white space.
 */
static bool
part_is_local(const WordRecord *r, size_t off, size_t len)
{
	const unsigned char *t = (const unsigned char *) r->text;

	if (off > 0 && !is_space_byte(t[off - 1]))
		return false;
	if (off + len < r->len && !is_space_byte(t[off + len]))
		return false;
	return locally_segmented(t + off, len);
}

#define REPLAY_NONE INT64_MIN

/*
 * rv_words() on the part [off, off + len) of the recorded text, from the
 * record: offsets and word numbers as a call on that part alone gives them.
 * REPLAY_NONE (before any callback) if a recorded word crosses an edge.
 */
static int64_t
words_replay(const WordRecord *r, size_t off, size_t len,
			 RvWordCallback cb, void *arg, RvError *err)
{
	uint32_t	lo = 0,
				hi = r->nrecs,
				last;
	uint32_t	base0;
	int64_t		n = 0;
	RvWord		w;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (r->recs[mid].seg_start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && r->recs[lo - 1].end > off)
		return REPLAY_NONE;
	for (last = lo; last < r->nrecs && r->recs[last].seg_start < off + len; last++)
		;
	if (last > lo && r->recs[last - 1].end > off + len)
		return REPLAY_NONE;
	if (last == lo)
		return 0;
	base0 = r->recs[lo].base;
	for (uint32_t i = lo; i < last; i++)
	{
		const WordRec *e = &r->recs[i];

		if (RV_CHECK_INTERRUPTS() && rv_interrupted(err))
			return -1;
		n = (int64_t) (e->index - base0);
		if (e->fold_len == 0)
			continue;
		w.start = (uint32_t) (e->start - off);
		w.end = (uint32_t) (e->end - off);
		w.folded = r->folded.data + e->fold_off;
		w.folded_len = e->fold_len;
		w.index = (uint32_t) n;
		n++;
		if (!cb(&w, arg))
			return n;
	}
	return n;
}

int64_t
rv_words(const char *text, size_t len, const char *lang,
		 RvWordCallback cb, void *arg, RvError *err)
{
	const WordRecord *r = &word_record;

	if (r->active && (uintptr_t) text >= (uintptr_t) r->text &&
		(uintptr_t) text - (uintptr_t) r->text <= r->len &&
		len <= r->len - ((uintptr_t) text - (uintptr_t) r->text) &&
		strcmp(lang, r->lang) == 0)
	{
		size_t		off = (size_t) ((uintptr_t) text - (uintptr_t) r->text);

		if (off == 0 && len == r->len)
			return words_replay(r, 0, len, cb, arg, err);
		if (part_is_local(r, off, len))
		{
			int64_t		n = words_replay(r, off, len, cb, arg, err);

			if (n != REPLAY_NONE)
				return n;
		}
	}
	return words_icu(text, len, lang, cb, arg, err, NULL);
}

static bool
record_nothing(const RvWord *word, void *arg)
{
	return true;
}

bool
rv_words_record_begin(const char *text, size_t len, const char *lang, RvError *err)
{
	WordRecord *r = &word_record;
	int64_t		n;

	/*
	 * Not rv_words_record_end(): a record left by a call that did not end
	 * (an ERROR that longjmp'd out) may point into freed memory.
	 */
	memset(r, 0, sizeof(*r));
	if (len > RV_WORD_RECORD_MAX || strlen(lang) >= sizeof(r->lang))
		return true;			/* rv_words() segments as ever */
	rv_buf_init(&r->folded, len / 2 + 64);
	n = words_icu(text, len, lang, record_nothing, NULL, err, r);
	if (n < 0)
	{
		rv_words_record_end();
		return false;
	}
	r->text = text;
	r->len = len;
	strcpy(r->lang, lang);
	r->n = n;
	r->active = true;
	return true;
}

void
rv_words_record_end(void)
{
	WordRecord *r = &word_record;

	rv_free(r->recs);
	rv_free(r->folded.data);
	memset(r, 0, sizeof(*r));
}
