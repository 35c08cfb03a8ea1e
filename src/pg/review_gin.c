/*
 * review_gin.c
 *	  GIN operator class review_ops: one key per keyword of a review.
 *
 * A keyword with at least one position a spoiler-free reader sees is
 * indexed as itself; a keyword that occurs only inside spoilers is indexed
 * with a leading \x01 byte (no real keyword starts with a control
 * character).  So the index is no larger than a tsvector's, the plain
 * operators look up both forms, and the spoiler-safe operators (@@~) look
 * up the plain form only.  Keys compare bytewise, so a prefix term is one
 * contiguous range of keys (partial match).
 *
 * Queries given as text (@@ text, ?, ?|, ?&) are normalized in the review's
 * language, which the index cannot know: their terms are normalized in
 * every language that has a stemmer, any variant may match, and the
 * operator rechecks each candidate.
 */
#include "postgres.h"

#include "access/gin.h"
#include "access/stratnum.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "review_gin.h"
#include "review_lexize.h"
#include "review_match.h"
#include "review_opclass.h"
#include "reviewquery.h"

PG_FUNCTION_INFO_V1(review_gin_cmp);
PG_FUNCTION_INFO_V1(review_gin_extract_value);
PG_FUNCTION_INFO_V1(review_gin_extract_query);
PG_FUNCTION_INFO_V1(review_gin_consistent);
PG_FUNCTION_INFO_V1(review_gin_triconsistent);
PG_FUNCTION_INFO_V1(review_gin_compare_partial);

/*
 * Languages whose normalizations a text query's terms are looked up in:
 * every language with a Snowball dictionary or a stop list, and "und" for
 * all others (folded words, no stop words).
 */
static const char *const index_langs[] = {
	"ar", "ca", "da", "de", "el", "en", "es", "eu", "fi", "fr", "ga", "hi", "hu",
	"hy", "id", "it", "ja", "ko", "lt", "ne", "nl", "no", "pt", "ro", "ru", "sr",
	"sv", "ta", "th", "tr", "yi", "zh", "und"
};

#define NUM_INDEX_LANGS (sizeof(index_langs) / sizeof(index_langs[0]))

static int
cmp_key(const text *a, const text *b)
{
	return rv_lexcmp(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
}

Datum
review_gin_cmp(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);

	PG_RETURN_INT32(cmp_key(a, b));
}

static Datum
make_key(const char *s, uint32 len, bool hidden)
{
	text	   *t = palloc(VARHDRSZ + len + 1);
	char	   *p = VARDATA(t);

	if (hidden)
		*p++ = HIDDEN_MARK;
	memcpy(p, s, len);
	SET_VARSIZE(t, VARHDRSZ + len + (hidden ? 1 : 0));
	return PointerGetDatum(t);
}

Datum
review_gin_extract_value(PG_FUNCTION_ARGS)
{
	RvLayout	l;
	Review	   *r = review_detoast_prefix(PG_GETARG_DATUM(0), &l);
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	Datum	   *keys;

	keys = palloc(sizeof(Datum) * (r->nlex ? r->nlex : 1));
	for (uint32 i = 0; i < r->nlex; i++)
	{
		RvKeyword	kw;

		rv_layout_keyword(r, &l, i, &kw);
		/* a keyword is a lexeme: never empty, never too long to index */
		Assert(kw.len > 0 && kw.len <= RV_MAX_LEXEME);
		keys[i] = make_key(kw.str, kw.len, !kw.visible);
	}
	*nkeys = (int32) r->nlex;
	PG_RETURN_POINTER(keys);
}

/*
 * What extractQuery leaves for consistent (via extra_data[0]): the query's
 * terms, each a list of variants (one per distinct normalization), each
 * variant a list of lexemes that must all be present; each lexeme has one
 * or two keys (plain, and hidden unless the operator is spoiler-safe).
 */
typedef struct LexInfo
{
	int			key_plain;
	int			key_hidden;		/* -1 for spoiler-safe strategies */
} LexInfo;

typedef struct Variant
{
	int			nlex;
	int		   *lex;			/* indexes into QueryInfo.lexes */
} Variant;

typedef struct TermInfo
{
	int			nvariants;
	Variant    *variants;
	bool		vanishes;		/* a variant has no lexeme (stop word) */
} TermInfo;

typedef enum Combine
{
	COMBINE_QUERY,				/* evaluate the reviewquery */
	COMBINE_ANY,				/* ?| (and ? with one term) */
	COMBINE_ALL					/* ?& */
} Combine;

typedef struct QueryInfo
{
	RvQuery    *q;				/* for COMBINE_QUERY */
	Combine		combine;
	int			nterms;
	TermInfo   *terms;
	int			nlexes;
	LexInfo    *lexes;
	bool		always_recheck;
	bool		has_not;		/* the reviewquery negates (COMBINE_QUERY) */
	RvQTri	   *lexval;			/* scratch for consistent, sized once */
	RvQTri	   *termval;
	GinTernaryValue *keyval;	/* consistent's bool checks as ternary */
} QueryInfo;

typedef struct KeyBuilder
{
	QueryInfo  *qi;
	Datum	   *keys;
	bool	   *pmatch;
	char	  **lexstr;
	uint32	   *lexlen;
	bool	   *lexprefix;
	int			nkeys;
	int			cap;
	bool		safe;
	/* open addressing over the lexemes (index + 1, 0: empty) */
	int		   *slots;
	uint32		slotmask;
} KeyBuilder;

static uint32
lexeme_hash(const char *s, uint32 len, bool prefix)
{
	return hash_bytes((const unsigned char *) s, (int) len) ^ (prefix ? 0x9e3779b9 : 0);
}

/* Sizes the lexeme hash for qi->nlexes + 1 entries at most half full. */
static void
builder_grow_slots(KeyBuilder *b)
{
	uint32		cap;

	if (b->slots != NULL && (uint32) (b->qi->nlexes + 1) * 2 <= b->slotmask + 1)
		return;
	cap = b->slots ? (b->slotmask + 1) * 2 : 64;
	if (b->slots)
		pfree(b->slots);
	b->slots = palloc0(sizeof(int) * cap);
	b->slotmask = cap - 1;
	for (int i = 0; i < b->qi->nlexes; i++)
	{
		uint32		h = lexeme_hash(b->lexstr[i], b->lexlen[i], b->lexprefix[i]) & b->slotmask;

		while (b->slots[h] != 0)
			h = (h + 1) & b->slotmask;
		b->slots[h] = i + 1;
	}
}

static void
builder_grow(KeyBuilder *b)
{
	if (b->nkeys + 2 <= b->cap && b->qi->nlexes + 1 <= b->cap)
		return;
	b->cap *= 2;
	b->keys = repalloc(b->keys, sizeof(Datum) * b->cap);
	b->pmatch = repalloc(b->pmatch, sizeof(bool) * b->cap);
	b->qi->lexes = repalloc(b->qi->lexes, sizeof(LexInfo) * b->cap);
	b->lexstr = repalloc(b->lexstr, sizeof(char *) * b->cap);
	b->lexlen = repalloc(b->lexlen, sizeof(uint32) * b->cap);
	b->lexprefix = repalloc(b->lexprefix, sizeof(bool) * b->cap);
}

/* Index of the lexeme (adding its keys the first time). */
static int
add_lexeme(KeyBuilder *b, const char *s, uint32 len, bool prefix)
{
	QueryInfo  *qi = b->qi;
	uint32		h;

	builder_grow_slots(b);
	h = lexeme_hash(s, len, prefix) & b->slotmask;
	for (; b->slots[h] != 0; h = (h + 1) & b->slotmask)
	{
		int			i = b->slots[h] - 1;

		if (b->lexprefix[i] == prefix && b->lexlen[i] == len && memcmp(b->lexstr[i], s, len) == 0)
			return i;
	}
	b->slots[h] = qi->nlexes + 1;
	builder_grow(b);
	b->lexstr[qi->nlexes] = pnstrdup(s, len);
	b->lexlen[qi->nlexes] = len;
	b->lexprefix[qi->nlexes] = prefix;
	qi->lexes[qi->nlexes].key_plain = b->nkeys;
	b->pmatch[b->nkeys] = prefix;
	b->keys[b->nkeys++] = make_key(s, len, false);
	qi->lexes[qi->nlexes].key_hidden = -1;
	if (!b->safe)
	{
		qi->lexes[qi->nlexes].key_hidden = b->nkeys;
		b->pmatch[b->nkeys] = prefix;
		b->keys[b->nkeys++] = make_key(s, len, true);
	}
	return qi->nlexes++;
}

static void
add_variant(KeyBuilder *b, TermInfo *t, const char *const *lex, const uint32 *len, int n, bool prefix)
{
	Variant    *v;

	/* Skip a variant identical to one already there. */
	for (int i = 0; i < t->nvariants; i++)
	{
		bool		same = t->variants[i].nlex == n;

		for (int k = 0; same && k < n; k++)
		{
			int			li = t->variants[i].lex[k];

			same = b->lexlen[li] == len[k] && memcmp(b->lexstr[li], lex[k], len[k]) == 0;
		}
		if (same)
			return;
	}
	t->variants = t->nvariants ? repalloc(t->variants, sizeof(Variant) * (t->nvariants + 1))
		: palloc(sizeof(Variant) * (NUM_INDEX_LANGS + 2));
	v = &t->variants[t->nvariants++];
	v->nlex = n;
	v->lex = palloc(sizeof(int) * (n ? n : 1));
	for (int k = 0; k < n; k++)
		v->lex[k] = add_lexeme(b, lex[k], len[k], prefix && k == n - 1);
	if (n == 0)
		t->vanishes = true;
}

/* A raw term of a text query: its normalization in every language, and itself. */
static void
add_text_term(KeyBuilder *b, TermInfo *t, const char *s, uint32 len, bool prefix, bool exact)
{
	/* a ? word as the operator sees it (parsed terms are checked already) */
	review_check_word(s, len, "?, ?| or ?&");
	if (!exact)
	{
		for (size_t i = 0; i < NUM_INDEX_LANGS; i++)
		{
			ReviewLexemes wl;

			review_lexemes(s, len, index_langs[i], &wl);
			add_variant(b, t, wl.lex, wl.len, wl.n, prefix);
		}
	}
	else
	{
		const char *one[1] = {s};
		uint32		onelen[1] = {len};

		add_variant(b, t, one, onelen, 1, prefix);
	}
}

Datum
review_gin_extract_query(PG_FUNCTION_ARGS)
{
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	bool	  **pmatch = (bool **) PG_GETARG_POINTER(3);
	Pointer   **extra_data = (Pointer **) PG_GETARG_POINTER(4);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	QueryInfo  *qi = palloc0(sizeof(QueryInfo));
	KeyBuilder	b;
	bool		has_not = false;

	memset(&b, 0, sizeof(b));
	b.qi = qi;
	b.cap = 16;
	b.keys = palloc(sizeof(Datum) * b.cap);
	b.pmatch = palloc(sizeof(bool) * b.cap);
	b.lexstr = palloc(sizeof(char *) * b.cap);
	b.lexlen = palloc(sizeof(uint32) * b.cap);
	b.lexprefix = palloc(sizeof(bool) * b.cap);
	qi->lexes = palloc(sizeof(LexInfo) * b.cap);
	b.safe = (strategy == RV_STRAT_SAFE || strategy == RV_STRAT_SAFE_TEXT);

	switch (strategy)
	{
		case RV_STRAT_MATCH:
		case RV_STRAT_SAFE:
		case RV_STRAT_MATCH_TEXT:
		case RV_STRAT_SAFE_TEXT:
			{
				bool		is_text = (strategy == RV_STRAT_MATCH_TEXT || strategy == RV_STRAT_SAFE_TEXT);
				RvQuery    *q;
				int			k = 0;

				if (is_text)
				{
					text	   *t = PG_GETARG_TEXT_PP(0);
					RvError		err = {0};

					q = rv_query_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &err);
					if (q == NULL)
						rv_report(&err, "reviewquery", text_to_cstring(t));
					qi->always_recheck = true;
				}
				else
				{
					struct varlena *v = PG_GETARG_VARLENA_P(0);
					RvError		err = {0};

					q = rv_query_deserialize(VARDATA(v), VARSIZE(v) - VARHDRSZ, &err);
					if (q == NULL)
						ereport(ERROR,
								(errcode(ERRCODE_DATA_CORRUPTED),
								 errmsg("stored value of type reviewquery is corrupted")));
				}
				qi->q = q;
				qi->combine = COMBINE_QUERY;
				qi->nterms = (int) rv_query_nterms(q);
				qi->terms = palloc0(sizeof(TermInfo) * (qi->nterms ? qi->nterms : 1));
				for (uint32 i = 0; i < q->nitems; i++)
				{
					const RvQItem *it = &q->items[i];

					if (it->op == RVQ_NOT)
						has_not = qi->has_not = true;
					if (it->op != RVQ_TERM)
						continue;
					if (is_text)
						add_text_term(&b, &qi->terms[k], it->text, it->len,
									  (it->flags & RVQ_PREFIX) != 0, (it->flags & RVQ_EXACT) != 0);
					else
						add_variant(&b, &qi->terms[k], &it->text, &it->len, 1,
									(it->flags & RVQ_PREFIX) != 0);
					k++;
				}
				/*
				 * With no positive term ("!x"), rows without any key can
				 * match: scan everything.  A text query whose terms may
				 * vanish as stop words in some language may end up so too.
				 */
				if (q->nitems > 0 &&
					(!rv_query_has_positive_term(q) || (is_text && has_not)))
					*searchMode = GIN_SEARCH_MODE_ALL;
				break;
			}
		case RV_STRAT_EXISTS:
			{
				text	   *t = PG_GETARG_TEXT_PP(0);

				qi->combine = COMBINE_ANY;
				qi->nterms = 1;
				qi->terms = palloc0(sizeof(TermInfo));
				add_text_term(&b, &qi->terms[0], VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), false, false);
				add_text_term(&b, &qi->terms[0], VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), false, true);
				qi->always_recheck = true;
				break;
			}
		case RV_STRAT_EXISTS_ANY:
		case RV_STRAT_EXISTS_ALL:
			{
				ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
				Datum	   *elems;
				bool	   *nulls;
				int			n;

				review_check_word_array(a);
				deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
				qi->combine = strategy == RV_STRAT_EXISTS_ANY ? COMBINE_ANY : COMBINE_ALL;
				qi->terms = palloc0(sizeof(TermInfo) * (n ? n : 1));

				/*
				 * Language by language, then the literal: each term gets its
				 * variants in the order add_text_term gives them, and the
				 * segmenter's cached iterator serves a whole language (its
				 * cache holds fewer languages than the index's).
				 */
				for (size_t li = 0; li <= NUM_INDEX_LANGS; li++)
				{
					int			k = 0;

					for (int i = 0; i < n; i++)
					{
						text	   *t;
						TermInfo   *ti;

						if (nulls[i])
							continue;
						t = DatumGetTextPP(elems[i]);
						ti = &qi->terms[k++];
						if (li < NUM_INDEX_LANGS)
						{
							ReviewLexemes wl;

							review_lexemes(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), index_langs[li], &wl);
							add_variant(&b, ti, wl.lex, wl.len, wl.n, false);
						}
						else
							add_text_term(&b, ti, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), false, true);
					}
					qi->nterms = k;
				}
				/* ?& [] is true for every row. */
				if (qi->combine == COMBINE_ALL && qi->nterms == 0)
					*searchMode = GIN_SEARCH_MODE_ALL;
				qi->always_recheck = true;
				break;
			}
		default:
			elog(ERROR, "unrecognized strategy number: %d", strategy);
	}

	qi->lexval = palloc(sizeof(RvQTri) * (qi->nlexes ? qi->nlexes : 1));
	qi->termval = palloc(sizeof(RvQTri) * (qi->nterms ? qi->nterms : 1));
	qi->keyval = palloc(sizeof(GinTernaryValue) * (b.nkeys ? b.nkeys : 1));
	*nkeys = b.nkeys;
	*pmatch = b.pmatch;
	*extra_data = palloc(sizeof(Pointer) * (b.nkeys ? b.nkeys : 1));
	for (int i = 0; i < b.nkeys; i++)
		(*extra_data)[i] = (Pointer) qi;
	/* With no keys, consistent still needs the query (GIN_SEARCH_MODE_ALL). */
	if (b.nkeys == 0 && *searchMode == GIN_SEARCH_MODE_ALL)
		(*extra_data)[0] = (Pointer) qi;
	PG_RETURN_POINTER(b.keys);
}

static RvQTri
tri_or(RvQTri a, RvQTri b)
{
	if (a == RVQ_TRUE || b == RVQ_TRUE)
		return RVQ_TRUE;
	if (a == RVQ_MAYBE || b == RVQ_MAYBE)
		return RVQ_MAYBE;
	return RVQ_FALSE;
}

static RvQTri
tri_and(RvQTri a, RvQTri b)
{
	if (a == RVQ_FALSE || b == RVQ_FALSE)
		return RVQ_FALSE;
	if (a == RVQ_MAYBE || b == RVQ_MAYBE)
		return RVQ_MAYBE;
	return RVQ_TRUE;
}

static RvQTri
key_value(GinTernaryValue v)
{
	return v == GIN_TRUE ? RVQ_TRUE : v == GIN_MAYBE ? RVQ_MAYBE : RVQ_FALSE;
}

/*
 * The reviewquery's value from its lexemes' values (qi->lexval): each term
 * from its variants, then the query; *recheck as rv_query_eval_tri sets it.
 */
static RvQTri
query_value(QueryInfo *qi, bool *recheck)
{
	for (int t = 0; t < qi->nterms; t++)
	{
		RvQTri		v = RVQ_FALSE;

		for (int k = 0; k < qi->terms[t].nvariants; k++)
		{
			const Variant *var = &qi->terms[t].variants[k];
			RvQTri		vv = var->nlex ? RVQ_TRUE : RVQ_MAYBE;

			for (int j = 0; j < var->nlex; j++)
				vv = tri_and(vv, qi->lexval[var->lex[j]]);
			/* several words from one term form a phrase: positions unknown */
			if (var->nlex > 1 && vv == RVQ_TRUE)
				vv = RVQ_MAYBE;
			v = tri_or(v, vv);
		}
		qi->termval[t] = v;
	}
	return rv_query_eval_tri(qi->q, qi->termval, recheck);
}

/* Evaluates the query over key presence; *recheck says if the answer is exact. */
static RvQTri
evaluate(QueryInfo *qi, const GinTernaryValue *check, int nkeys, bool *recheck)
{
	RvQTri	   *lexval = qi->lexval;
	RvQTri		res;
	bool		needs_recheck = false;

	/*
	 * ?| and ?& (up to 16,384 words): each term from its keys as needed,
	 * stopping at the first term that decides.
	 */
	if (qi->combine != COMBINE_QUERY)
	{
		bool		any = qi->combine == COMBINE_ANY;

		res = any ? RVQ_FALSE : RVQ_TRUE;
		for (int t = 0; t < qi->nterms; t++)
		{
			RvQTri		v = RVQ_FALSE;

			for (int k = 0; k < qi->terms[t].nvariants && v != RVQ_TRUE; k++)
			{
				const Variant *var = &qi->terms[t].variants[k];
				RvQTri		vv = var->nlex ? RVQ_TRUE : RVQ_MAYBE;

				for (int j = 0; j < var->nlex && vv != RVQ_FALSE; j++)
				{
					const LexInfo *li = &qi->lexes[var->lex[j]];
					RvQTri		lv = key_value(check[li->key_plain]);

					if (li->key_hidden >= 0)
						lv = tri_or(lv, key_value(check[li->key_hidden]));
					vv = tri_and(vv, lv);
				}
				if (var->nlex > 1 && vv == RVQ_TRUE)
					vv = RVQ_MAYBE;
				v = tri_or(v, vv);
			}
			res = any ? tri_or(res, v) : tri_and(res, v);
			if (res == (any ? RVQ_TRUE : RVQ_FALSE))
				break;
		}
		*recheck = qi->always_recheck || res == RVQ_MAYBE;
		return res;
	}

	for (int i = 0; i < qi->nlexes; i++)
	{
		lexval[i] = key_value(check[qi->lexes[i].key_plain]);
		if (qi->lexes[i].key_hidden >= 0)
			lexval[i] = tri_or(lexval[i], key_value(check[qi->lexes[i].key_hidden]));
	}
	res = query_value(qi, &needs_recheck);

	/*
	 * A key absent from the item is not proof that the row lacks it: while
	 * the pending list is moved into the tree (gin_clean_pending_list,
	 * VACUUM, an insert past gin_pending_list_limit), and after a crash in
	 * the middle of that, a row can be in the tree with some of its keys and
	 * not yet the others.  So a match that rests on a negated key's absence
	 * ("!love", "dream & !american") is rechecked against the row: the
	 * query is asked again with every absent key unknown, and if it is then
	 * no longer sure, the match needs the heap.
	 */
	if (res == RVQ_TRUE && qi->has_not && !needs_recheck)
	{
		bool		any_absent = false;

		for (int i = 0; i < qi->nlexes; i++)
			if (lexval[i] == RVQ_FALSE)
			{
				lexval[i] = RVQ_MAYBE;
				any_absent = true;
			}
		if (any_absent && query_value(qi, &needs_recheck) != RVQ_TRUE)
			needs_recheck = true;
	}
	*recheck = qi->always_recheck || needs_recheck || res == RVQ_MAYBE;
	return res;
}

Datum
review_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	QueryInfo  *qi = (QueryInfo *) extra_data[0];
	GinTernaryValue *tri = qi->keyval;	/* called once per item: no palloc */

	for (int i = 0; i < nkeys; i++)
		tri[i] = check[i] ? GIN_TRUE : GIN_FALSE;
	PG_RETURN_BOOL(evaluate(qi, tri, nkeys, recheck) != RVQ_FALSE);
}

Datum
review_gin_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	bool		recheck;
	RvQTri		res = evaluate((QueryInfo *) extra_data[0], check, nkeys, &recheck);

	if (res == RVQ_FALSE)
		PG_RETURN_GIN_TERNARY_VALUE(GIN_FALSE);
	if (res == RVQ_MAYBE || recheck)
		PG_RETURN_GIN_TERNARY_VALUE(GIN_MAYBE);
	PG_RETURN_GIN_TERNARY_VALUE(GIN_TRUE);
}

/* Keys in the prefix's range: 0 match, < 0 go on, > 0 past the range. */
Datum
review_gin_compare_partial(PG_FUNCTION_ARGS)
{
	text	   *partial = PG_GETARG_TEXT_PP(0);
	text	   *key = PG_GETARG_TEXT_PP(1);
	uint32		plen = VARSIZE_ANY_EXHDR(partial);
	uint32		klen = VARSIZE_ANY_EXHDR(key);
	int			c = memcmp(VARDATA_ANY(key), VARDATA_ANY(partial), Min(plen, klen));

	if (c == 0 && klen < plen)
		c = -1;
	PG_RETURN_INT32(c < 0 ? -1 : c > 0 ? 1 : 0);
}
