/*
 * review_lexize.c
 *	  Keywords of a text: ICU words, NFKC case folded by the core, then
 *	  stemmed by PostgreSQL's Snowball dictionaries, with the stop words of
 *	  the language removed.
 *
 * Stemming goes through the text search dictionary cache, so it is the very
 * english_stem, french_stem, ... that to_tsvector uses.  Languages without a
 * Snowball dictionary (Japanese, Chinese, Thai, ...) keep the folded ICU
 * words.  Reviews (review_build.c) and reviewquery terms (reviewquery_io.c)
 * both come through here, so queries and reviews always agree on what a
 * keyword is.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "common/hashfn.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "tsearch/ts_cache.h"
#include "tsearch/ts_public.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

#include "review_lexize.h"
#include "rv_layout.h"
#include "rv_query.h"
#include "rv_segment.h"
#include "rv_stopwords.h"

/* Snowball dictionaries shipped with PostgreSQL, by ISO 639-1 code. */
static const struct
{
	const char *lang;
	const char *dict;
}			snowball_dicts[] = {
	{"ar", "arabic_stem"}, {"ca", "catalan_stem"}, {"da", "danish_stem"},
	{"de", "german_stem"}, {"el", "greek_stem"}, {"en", "english_stem"},
	{"es", "spanish_stem"}, {"eu", "basque_stem"}, {"fi", "finnish_stem"},
	{"fr", "french_stem"}, {"ga", "irish_stem"}, {"hi", "hindi_stem"},
	{"hu", "hungarian_stem"}, {"hy", "armenian_stem"}, {"id", "indonesian_stem"},
	{"it", "italian_stem"}, {"lt", "lithuanian_stem"}, {"nb", "norwegian_stem"},
	{"ne", "nepali_stem"}, {"nl", "dutch_stem"}, {"nn", "norwegian_stem"},
	{"no", "norwegian_stem"}, {"pt", "portuguese_stem"}, {"ro", "romanian_stem"},
	{"ru", "russian_stem"}, {"sr", "serbian_stem"}, {"sv", "swedish_stem"},
	{"ta", "tamil_stem"}, {"tr", "turkish_stem"}, {"yi", "yiddish_stem"}
};

#define NUM_SNOWBALL (sizeof(snowball_dicts) / sizeof(snowball_dicts[0]))

/* Dictionary OIDs by index into snowball_dicts; looked up once per backend. */
static Oid	snowball_oid[NUM_SNOWBALL];
static bool snowball_looked_up[NUM_SNOWBALL];

/* The Snowball dictionary for a BCP 47 tag, or InvalidOid. */
static Oid
dict_for_lang(const char *lang)
{
	size_t		n = strcspn(lang, "-");

	for (size_t i = 0; i < NUM_SNOWBALL; i++)
	{
		if (strlen(snowball_dicts[i].lang) == n &&
			memcmp(snowball_dicts[i].lang, lang, n) == 0)
		{
			if (!snowball_looked_up[i])
			{
				List	   *name = list_make2(makeString("pg_catalog"),
											  makeString((char *) snowball_dicts[i].dict));

				snowball_oid[i] = get_ts_dict_oid(name, true);
				snowball_looked_up[i] = true;
			}
			return snowball_oid[i];
		}
	}
	return InvalidOid;
}

/*
 * Strings and small arrays of one analysis, carved from 64 kB blocks: a
 * review of a million distinct words would otherwise pay a palloc chunk
 * header and power-of-2 rounding for each word, its lexeme and their arrays.
 * The blocks live in the current memory context.
 */
typedef struct Arena
{
	char	   *cur;
	Size		left;
} Arena;

/*
 * A block is a regular chunk of an AllocSet (at most its 8 kB chunk limit),
 * so that a context kept across values (review_build.c) reuses it rather
 * than returning it to malloc.
 */
#define ARENA_BLOCK 8192

static void *
arena_alloc(Arena *a, Size n, Size align)
{
	Size		pad = (align - ((uintptr_t) a->cur & (align - 1))) & (align - 1);
	char	   *p;

	if (a->cur == NULL || n + pad > a->left)
	{
		if (n > ARENA_BLOCK / 4)
			return palloc(n);	/* a big one gets its own chunk */
		a->cur = palloc(ARENA_BLOCK);
		a->left = ARENA_BLOCK;
		pad = 0;
	}
	p = a->cur + pad;
	a->cur += pad + n;
	a->left -= pad + n;
	return p;
}

static char *
arena_strndup(Arena *a, const char *s, Size len)
{
	char	   *p = arena_alloc(a, len + 1, 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/*
 * A per-call memo of folded word -> lexemes: review text is Zipfian, so most
 * words repeat and the dictionary call is the costly part.  Entries are
 * dense (slots hold 1 + their index), so the open-addressing table costs 4
 * bytes a slot.
 */
typedef struct StemEntry
{
	const char *word;
	uint32		wlen;
	uint32		hash;
	int			nlex;			/* 0: stop word */
	const char **lex;
	uint32	   *lexlen;
	uint32	   *memo;			/* per lexeme, for the ReviewKeywordFn */
} StemEntry;

typedef struct StemCache
{
	StemEntry  *entries;
	uint32		nentries;
	uint32		cap;
	uint32	   *slots;
	uint32		mask;
	Arena		arena;
	TSDictionaryCacheEntry *dict;
	Oid			dictoid;
	const char *lang;			/* for the stop words of languages without one */
} StemCache;

/*
 * What the dictionaries said, across calls: the backend's memo of (Snowball
 * dictionary, folded word) -> its lexemes, so that the words every review
 * uses are lowercased, looked up in the stop list and stemmed once per
 * backend rather than once per review.  A Snowball dictionary is a pure
 * function of its word and its options; any change of a dictionary
 * (pg_ts_dict invalidation, as the text search cache itself follows) empties
 * the memo, and so does reaching its budget.  Nothing outside this file
 * keeps a pointer into it: stem() copies what it needs into its arena.
 */
#define MEMO_STR 26

typedef struct MemoEntry
{
	uint32		hash;			/* memo_hash(); 0: empty line */
	Oid			dict;
	uint8		wlen;
	int8		nlex;			/* -1: the dictionary does not know the
								 * word; else 0 (a stop word) or 1 */
	uint8		llen;			/* the lexeme's length when nlex is 1 */
	uint8		pad;
	char		word[MEMO_STR];
	char		lex[MEMO_STR];
} MemoEntry;

/*
 * One cache line a word, the word and its lexeme inline, probed in place:
 * a lookup reads one line (then the next ones on a collision), not a slot,
 * an entry and a string.  Only answers that fit are kept (a word and
 * lexeme of at most MEMO_STR bytes, at most one lexeme: what Snowball
 * gives); when the memo is full it keeps what it has (in Zipfian text the
 * first words seen are mostly the frequent ones) and stem() asks the
 * dictionary for the rest.
 */
#define MEMO_LINES 16384
#define MEMO_MAX_ENTRIES (MEMO_LINES / 2)

StaticAssertDecl(sizeof(MemoEntry) == 64, "MemoEntry is a cache line");

static MemoEntry *memo_lines;	/* in TopMemoryContext */
static uint32 memo_n;
static bool memo_callback_registered;

static void
memo_reset(void)
{
	memo_n = 0;
	if (memo_lines)
		memset(memo_lines, 0, sizeof(MemoEntry) * MEMO_LINES);
}

static void
memo_inval(Datum arg, int cacheid, uint32 hashvalue)
{
	memo_reset();
}

static inline uint32
memo_hash(Oid dict, uint32 hash)
{
	uint32		h = hash ^ (dict * 0x9E3779B1U);

	return h ? h : 1;
}

static const MemoEntry *
memo_lookup(Oid dict, uint32 hash, const char *w, uint32 len)
{
	uint32		h = memo_hash(dict, hash);

	if (memo_lines == NULL || len > MEMO_STR)
		return NULL;
	for (uint32 k = h & (MEMO_LINES - 1); memo_lines[k].hash != 0; k = (k + 1) & (MEMO_LINES - 1))
	{
		const MemoEntry *m = &memo_lines[k];

		if (m->hash == h && m->dict == dict && m->wlen == len && memcmp(m->word, w, len) == 0)
			return m;
	}
	return NULL;
}

/* Remembers the dictionary's answer res (NULL: it does not know the word). */
static void
memo_insert(Oid dict, uint32 hash, const char *w, uint32 len, const TSLexeme *res)
{
	uint32		h = memo_hash(dict, hash);
	uint32		k;
	MemoEntry  *m;
	int			n = 0;
	size_t		ll = 0;

	if (len > MEMO_STR || memo_n >= MEMO_MAX_ENTRIES)
		return;
	if (res != NULL)
	{
		while (res[n].lexeme != NULL)
			n++;
		if (n > 1)
			return;
		if (n == 1 && (ll = strlen(res[0].lexeme)) > MEMO_STR)
			return;
	}
	if (!memo_callback_registered)
	{
		CacheRegisterSyscacheCallback(TSDICTOID, memo_inval, (Datum) 0);
		memo_callback_registered = true;
	}
	if (memo_lines == NULL)
		memo_lines = MemoryContextAllocZero(TopMemoryContext, sizeof(MemoEntry) * MEMO_LINES);
	for (k = h & (MEMO_LINES - 1); memo_lines[k].hash != 0; k = (k + 1) & (MEMO_LINES - 1))
		;
	m = &memo_lines[k];
	m->dict = dict;
	m->wlen = (uint8) len;
	m->nlex = (int8) (res != NULL ? n : -1);
	m->llen = (uint8) ll;
	memcpy(m->word, w, len);
	if (n == 1)
		memcpy(m->lex, res[0].lexeme, ll);
	m->hash = h;				/* linked last */
	memo_n++;
}

static uint32 *
alloc_slots(uint32 mask)
{
	return MemoryContextAllocExtended(CurrentMemoryContext,
									  sizeof(uint32) * ((Size) mask + 1),
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
}

static void
stem_cache_init(StemCache *c, Oid dictoid, const char *lang)
{
	memset(c, 0, sizeof(*c));
	c->lang = lang;
	c->mask = 63;
	c->slots = alloc_slots(c->mask);
	c->cap = 32;
	c->entries = palloc(sizeof(StemEntry) * c->cap);
	c->dict = OidIsValid(dictoid) ? lookup_ts_dictionary_cache(dictoid) : NULL;
	c->dictoid = dictoid;
}

static void
stem_cache_grow(StemCache *c)
{
	uint32		newmask = c->mask * 2 + 1;
	uint32	   *slots = alloc_slots(newmask);

	for (uint32 i = 0; i < c->nentries; i++)
	{
		uint32		k = c->entries[i].hash & newmask;

		while (slots[k] != 0)
			k = (k + 1) & newmask;
		slots[k] = i + 1;
	}
	pfree(c->slots);
	c->slots = slots;
	c->mask = newmask;
}

static StemEntry *
stem(StemCache *c, const char *w, uint32 len)
{
	uint32		hash = hash_bytes((const unsigned char *) w, (int) len);
	uint32		k;
	StemEntry  *e;
	TSLexeme   *res = NULL;
	bool		dict_known = false;
	int			nres = 0;
	const char **reslex = NULL;
	uint32	   *reslen = NULL;
	const char *memo_lex[1];
	uint32		memo_len = 0;

	for (k = hash & c->mask; c->slots[k] != 0; k = (k + 1) & c->mask)
	{
		e = &c->entries[c->slots[k] - 1];
		if (e->hash == hash && e->wlen == len && memcmp(e->word, w, len) == 0)
			return e;
	}

	if (c->nentries == c->cap)
	{
		c->cap *= 2;
		c->entries = repalloc_huge(c->entries, sizeof(StemEntry) * c->cap);
	}
	c->slots[k] = c->nentries + 1;
	e = &c->entries[c->nentries++];
	e->word = arena_strndup(&c->arena, w, len);
	e->wlen = len;
	e->hash = hash;
	if (c->dict)
	{
		const MemoEntry *m = memo_lookup(c->dictoid, hash, w, len);

		if (m == NULL)
		{
			DictSubState dstate = {false, false, NULL};

			res = (TSLexeme *) DatumGetPointer(FunctionCall4(&c->dict->lexize,
															 PointerGetDatum(c->dict->dictData),
															 PointerGetDatum(w),
															 Int32GetDatum((int32) len),
															 PointerGetDatum(&dstate)));
			memo_insert(c->dictoid, hash, w, len, res);
			dict_known = res != NULL;
			if (res != NULL)
			{
				while (res[nres].lexeme != NULL)
					nres++;
				reslex = palloc(sizeof(char *) * (nres ? nres : 1));
				reslen = palloc(sizeof(uint32) * (nres ? nres : 1));
				for (int i = 0; i < nres; i++)
				{
					reslex[i] = res[i].lexeme;
					reslen[i] = (uint32) strlen(res[i].lexeme);
				}
			}
		}
		else
		{
			dict_known = m->nlex >= 0;
			nres = m->nlex;
			reslex = memo_lex;
			reslen = &memo_len;
			memo_lex[0] = m->lex;
			memo_len = m->llen;
		}
	}
	if (!dict_known && c->dict == NULL && rv_is_stopword(c->lang, w, len))
	{
		e->nlex = 0;
		e->lex = NULL;
		e->lexlen = NULL;
	}
	else if (!dict_known)
	{
		/* No dictionary, or it does not know the word: keep it as folded. */
		e->nlex = 1;
		e->lex = arena_alloc(&c->arena, sizeof(char *), sizeof(char *));
		e->lexlen = arena_alloc(&c->arena, sizeof(uint32), sizeof(uint32));
		e->lex[0] = e->word;
		e->lexlen[0] = len;
	}
	else
	{
		int			n = nres;

		e->nlex = n;
		e->lex = arena_alloc(&c->arena, sizeof(char *) * (n ? n : 1), sizeof(char *));
		e->lexlen = arena_alloc(&c->arena, sizeof(uint32) * (n ? n : 1), sizeof(uint32));
		for (int i = 0; i < n; i++)
		{
			uint32		ll = reslen[i];

			/* The same string as the word (most stems of short words): share it. */
			e->lex[i] = (ll == len && memcmp(reslex[i], w, len) == 0) ? e->word
				: arena_strndup(&c->arena, reslex[i], ll);
			e->lexlen[i] = ll;
		}
		if (res != NULL)
		{
			/* the dictionary's own answer, not the memo's */
			for (int i = 0; i < nres; i++)
				pfree(res[i].lexeme);
			pfree(res);
			pfree(reslex);
			pfree(reslen);
		}
	}

	/*
	 * Keep only what can be a keyword, checked once per distinct word
	 * rather than at each occurrence: never a control character (hidden-only
	 * GIN keys start with one), nor longer than RV_MAX_LEXEME.
	 */
	{
		int			k = 0;

		for (int i = 0; i < e->nlex; i++)
		{
			size_t		bad;
			uint32_t	cp;

			if (e->lexlen[i] > 0 && e->lexlen[i] <= RV_MAX_LEXEME &&
				rv_term_valid(e->lex[i], e->lexlen[i], &bad, &cp))
			{
				e->lex[k] = e->lex[i];
				e->lexlen[k] = e->lexlen[i];
				k++;
			}
		}
		e->nlex = k;
		e->memo = NULL;
		if (k > 0)
		{
			e->memo = arena_alloc(&c->arena, sizeof(uint32) * k, sizeof(uint32));
			memset(e->memo, 0, sizeof(uint32) * k);
		}
	}
	if ((uint64) c->nentries * 2 > c->mask)
	{
		uint32		i = (uint32) (e - c->entries);

		stem_cache_grow(c);
		e = &c->entries[i];
	}
	return e;
}

typedef struct NormalizeState
{
	StemCache	cache;
	ReviewKeywordFn fn;
	void	   *arg;
} NormalizeState;

static bool
normalize_word(const RvWord *w, void *arg)
{
	NormalizeState *st = arg;
	StemEntry  *e;

	if ((w->index & 1023) == 0)
		CHECK_FOR_INTERRUPTS();
	if (w->folded_len > RV_MAX_LEXEME)
		return true;			/* too long to be a keyword, like to_tsvector */
	e = stem(&st->cache, w->folded, w->folded_len);
	for (int i = 0; i < e->nlex; i++)
		st->fn(st->arg, w, e->lex[i], e->lexlen[i], &e->memo[i]);
	return true;
}

void
review_normalize_text(const char *text, size_t len, const char *lang,
					  ReviewKeywordFn fn, void *arg)
{
	NormalizeState st;
	RvError		err = {0};

	stem_cache_init(&st.cache, dict_for_lang(lang), lang);
	st.fn = fn;
	st.arg = arg;
	if (rv_words(text, len, lang, normalize_word, &st, &err) < 0)
		rv_report(&err, "review", NULL);
	/* The lexemes handed to fn stay (they are in the arena); the table goes. */
	pfree(st.cache.entries);
	pfree(st.cache.slots);
}

static void
append_lexeme(void *arg, const RvWord *w, const char *lex, uint32 len, uint32 *memo)
{
	ReviewLexemes *out = arg;

	if (out->n == out->cap)
	{
		out->cap = out->cap ? out->cap * 2 : 8;
		out->lex = out->lex ? repalloc(out->lex, sizeof(char *) * out->cap)
			: palloc(sizeof(char *) * out->cap);
		out->len = out->len ? repalloc(out->len, sizeof(uint32) * out->cap)
			: palloc(sizeof(uint32) * out->cap);
		out->pos = out->pos ? repalloc(out->pos, sizeof(uint32) * out->cap)
			: palloc(sizeof(uint32) * out->cap);
	}
	out->lex[out->n] = pnstrdup(lex, len);
	out->len[out->n] = len;
	out->pos[out->n] = w->index;
	out->n++;
}

void
review_lexemes(const char *text, size_t len, const char *lang, ReviewLexemes *out)
{
	memset(out, 0, sizeof(*out));
	review_normalize_text(text, len, lang, append_lexeme, out);
}
