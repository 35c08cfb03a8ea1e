/*
 * review_selfuncs.c
 *	  Keyword statistics of review columns (review_typanalyze) and the
 *	  restriction selectivity of the search operators (review_matchsel).
 *
 * ANALYZE keeps the most common keywords of a column in a
 * STATISTIC_KIND_MCELEM slot, as it does for tsvector: the elements are the
 * keys the GIN index has for a review (review_gin.c), a keyword with a
 * position a spoiler-free reader sees as itself and a keyword found only
 * inside spoilers with a leading \x01 byte.  A row has at most one of the
 * two forms of a keyword, so the fraction of rows containing it at all is
 * the sum of both frequencies, and @@~ counts the plain form only.  The
 * numbers hold each element's frequency (fraction of non-null rows), then
 * the minimum and the maximum of them, as ts_typanalyze stores them.
 *
 * The elements are sorted bytewise (rv_lexcmp), not by length first as
 * tsvector's are: a prefix term's matches are then one contiguous range.
 */
#include "postgres.h"

#include <math.h>

#include "access/detoast.h"
#include "access/htup_details.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_type.h"
#include "commands/vacuum.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/selfuncs.h"

#include "review_match.h"
#include "review_opclass.h"

PG_FUNCTION_INFO_V1(review_typanalyze);
PG_FUNCTION_INFO_V1(review_matchsel);

/* Without statistics, a term matches this fraction (tsmatchsel's value). */
#define DEFAULT_REVIEW_MATCH_SEL	0.005

/*--------------------------------------------------------------------------
 * ANALYZE
 *--------------------------------------------------------------------------
 */

typedef struct KeywordKey
{
	char	   *str;			/* not NUL-terminated; in the table's context */
	uint32		len;
} KeywordKey;

/* An element of D in the Lossy Counting algorithm. */
typedef struct TrackItem
{
	KeywordKey	key;
	int			frequency;		/* f: rows seen with it */
	int			delta;			/* maximum error of f */
} TrackItem;

typedef struct KeywordCounter
{
	HTAB	   *tab;
	MemoryContext cxt;			/* the keys' strings */
	int			bucket_width;	/* w */
	int			b_current;
	int64		nkeys;			/* keys seen so far (N) */
} KeywordCounter;

static uint32
keyword_hash(const void *key, Size keysize)
{
	const KeywordKey *k = (const KeywordKey *) key;

	return DatumGetUInt32(hash_any((const unsigned char *) k->str, (int) k->len));
}

static int
keyword_match(const void *key1, const void *key2, Size keysize)
{
	const KeywordKey *a = (const KeywordKey *) key1;
	const KeywordKey *b = (const KeywordKey *) key2;

	return a->len == b->len && memcmp(a->str, b->str, a->len) == 0 ? 0 : 1;
}

/* Drops the items that cannot be frequent: f + delta <= b_current. */
static void
prune_keywords(KeywordCounter *c)
{
	HASH_SEQ_STATUS scan;
	TrackItem  *item;

	hash_seq_init(&scan, c->tab);
	while ((item = (TrackItem *) hash_seq_search(&scan)) != NULL)
	{
		if (item->frequency + item->delta <= c->b_current)
		{
			char	   *str = item->key.str;

			if (hash_search(c->tab, &item->key, HASH_REMOVE, NULL) == NULL)
				elog(ERROR, "hash table corrupted");
			pfree(str);
		}
	}
}

/*
 * Counts one key of a row.  The string is copied, since the row's detoasted
 * value is freed before the next row.
 */
static void
count_keyword(KeywordCounter *c, const char *str, uint32 len, bool hidden)
{
	KeywordKey	key;
	TrackItem  *item;
	bool		found;
	char		buf[RV_MAX_LEXEME + 1];
	char	   *tmp = NULL;

	if (hidden)
	{
		/* Keywords are at most RV_MAX_LEXEME bytes; be safe with others. */
		tmp = len < sizeof(buf) ? buf : palloc(len + 1);
		tmp[0] = HIDDEN_MARK;
		memcpy(tmp + 1, str, len);
		str = tmp;
		len++;
	}
	key.str = (char *) str;
	key.len = len;
	item = (TrackItem *) hash_search(c->tab, &key, HASH_ENTER, &found);
	if (found)
		item->frequency++;
	else
	{
		item->key.str = MemoryContextAlloc(c->cxt, len);
		memcpy(item->key.str, str, len);
		item->key.len = len;
		item->frequency = 1;
		item->delta = c->b_current - 1;
	}
	if (tmp != NULL && tmp != buf)
		pfree(tmp);

	c->nkeys++;
	if (c->nkeys % c->bucket_width == 0)
	{
		prune_keywords(c);
		c->b_current++;
	}
}

static int
trackitem_cmp_freq_desc(const void *a, const void *b)
{
	const TrackItem *ta = *(const TrackItem *const *) a;
	const TrackItem *tb = *(const TrackItem *const *) b;

	return (tb->frequency > ta->frequency) - (tb->frequency < ta->frequency);
}

static int
trackitem_cmp_keyword(const void *a, const void *b)
{
	const TrackItem *ta = *(const TrackItem *const *) a;
	const TrackItem *tb = *(const TrackItem *const *) b;

	return rv_lexcmp(ta->key.str, ta->key.len, tb->key.str, tb->key.len);
}

/*
 * compute_stats of a review column: null fraction, average (stored) width,
 * and the most common keys by Lossy Counting (Manku and Motwani, "Approximate
 * frequency counts over data streams", VLDB 2002), as compute_tsvector_stats
 * does it for tsvector.  A key is
 * counted once per row (a review's keywords are distinct).
 */
static void
compute_review_stats(VacAttrStats *stats, AnalyzeAttrFetchFunc fetchfunc,
					 int samplerows, double totalrows)
{
	int			num_mcelem = stats->attr->attstattarget * 10;
	int			null_cnt = 0;
	double		total_width = 0;
	KeywordCounter c;
	HASHCTL		hash_ctl;
	MemoryContext row_cxt;
	MemoryContext old;

	/*
	 * Bucket width (num_mcelem + 10) / 0.007, as compute_tsvector_stats: an
	 * error bound epsilon = 1 / w well below the frequency of the keys kept.
	 */
	c.bucket_width = (int64) (num_mcelem + 10) * 1000 / 7;
	c.b_current = 1;
	c.nkeys = 0;
	c.cxt = AllocSetContextCreate(CurrentMemoryContext, "review keyword statistics",
								  ALLOCSET_DEFAULT_SIZES);
	memset(&hash_ctl, 0, sizeof(hash_ctl));
	hash_ctl.keysize = sizeof(KeywordKey);
	hash_ctl.entrysize = sizeof(TrackItem);
	hash_ctl.hash = keyword_hash;
	hash_ctl.match = keyword_match;
	hash_ctl.hcxt = c.cxt;
	c.tab = hash_create("review keywords", Max(num_mcelem, 64), &hash_ctl,
						HASH_ELEM | HASH_FUNCTION | HASH_COMPARE | HASH_CONTEXT);

	/* Each row is detoasted (its keyword prefix only) here, then freed. */
	row_cxt = AllocSetContextCreate(CurrentMemoryContext, "review analyze row",
									ALLOCSET_DEFAULT_SIZES);

	for (int row = 0; row < samplerows; row++)
	{
		Datum		value;
		bool		isnull;
		Review	   *r;
		RvLayout	l;

		vacuum_delay_point();
		value = fetchfunc(stats, row, &isnull);
		if (isnull)
		{
			null_cnt++;
			continue;
		}
		/* The stored (possibly compressed) width, as compute_scalar_stats. */
		total_width += VARSIZE_ANY(DatumGetPointer(value));

		old = MemoryContextSwitchTo(row_cxt);
		r = review_detoast_prefix(value, &l);
		for (uint32 i = 0; i < r->nlex; i++)
		{
			RvKeyword	kw;

			rv_layout_keyword(r, &l, i, &kw);
			count_keyword(&c, kw.str, kw.len, !kw.visible);
		}
		MemoryContextSwitchTo(old);
		MemoryContextReset(row_cxt);
	}
	MemoryContextDelete(row_cxt);

	if (null_cnt < samplerows)
	{
		int			nonnull_cnt = samplerows - null_cnt;
		int64		cutoff_freq;
		TrackItem **sort_table;
		TrackItem  *item;
		HASH_SEQ_STATUS scan;
		int			track_len = 0;
		int			minfreq = INT_MAX;
		int			maxfreq = 0;

		stats->stats_valid = true;
		stats->stanullfrac = (double) null_cnt / (double) samplerows;
		stats->stawidth = (int32) (total_width / (double) nonnull_cnt);
		/* Reviews are practically unique, as tsvectors are taken to be. */
		stats->stadistinct = -1.0;

		/*
		 * Keep the items whose count may reach the support threshold s:
		 * f > (s - epsilon) N, with epsilon = 1 / w and s = 10 epsilon.
		 */
		cutoff_freq = 9 * c.nkeys / c.bucket_width;
		sort_table = palloc(sizeof(TrackItem *) * Max(hash_get_num_entries(c.tab), 1));
		hash_seq_init(&scan, c.tab);
		while ((item = (TrackItem *) hash_seq_search(&scan)) != NULL)
		{
			/* A key seen in one row says nothing about the others. */
			if (item->frequency > cutoff_freq && item->frequency > 1)
			{
				sort_table[track_len++] = item;
				minfreq = Min(minfreq, item->frequency);
				maxfreq = Max(maxfreq, item->frequency);
			}
		}
		if (num_mcelem >= track_len)
			num_mcelem = track_len;
		else
		{
			qsort(sort_table, track_len, sizeof(TrackItem *), trackitem_cmp_freq_desc);
			minfreq = sort_table[num_mcelem - 1]->frequency;
		}

		if (num_mcelem > 0)
		{
			Datum	   *values;
			float4	   *numbers;

			qsort(sort_table, num_mcelem, sizeof(TrackItem *), trackitem_cmp_keyword);

			old = MemoryContextSwitchTo(stats->anl_context);
			values = palloc(sizeof(Datum) * num_mcelem);
			numbers = palloc(sizeof(float4) * (num_mcelem + 2));
			for (int i = 0; i < num_mcelem; i++)
			{
				values[i] = PointerGetDatum(cstring_to_text_with_len(sort_table[i]->key.str,
																	 (int) sort_table[i]->key.len));
				numbers[i] = (double) sort_table[i]->frequency / (double) nonnull_cnt;
			}
			numbers[num_mcelem] = (double) minfreq / (double) nonnull_cnt;
			numbers[num_mcelem + 1] = (double) maxfreq / (double) nonnull_cnt;
			MemoryContextSwitchTo(old);

			stats->stakind[0] = STATISTIC_KIND_MCELEM;
			stats->staop[0] = TextEqualOperator;
			stats->stacoll[0] = C_COLLATION_OID;	/* bytewise order */
			stats->stanumbers[0] = numbers;
			stats->numnumbers[0] = num_mcelem + 2;
			stats->stavalues[0] = values;
			stats->numvalues[0] = num_mcelem;
			stats->statypid[0] = TEXTOID;
			stats->statyplen[0] = -1;
			stats->statypbyval[0] = false;
			stats->statypalign[0] = TYPALIGN_INT;
		}
	}
	else
	{
		/* Only nulls: the column is taken to be entirely null. */
		stats->stats_valid = true;
		stats->stanullfrac = 1.0;
		stats->stawidth = 0;
		stats->stadistinct = 0.0;
	}
	MemoryContextDelete(c.cxt);
}

/* review_typanalyze(internal) -> bool: the typanalyze function of review. */
Datum
review_typanalyze(PG_FUNCTION_ARGS)
{
	VacAttrStats *stats = (VacAttrStats *) PG_GETARG_POINTER(0);

	/* stats->attr is a copy: negative means the default target */
	if (stats->attr->attstattarget < 0)
		stats->attr->attstattarget = default_statistics_target;
	stats->compute_stats = compute_review_stats;
	/* the sample size analyze.c chooses for scalar columns */
	stats->minrows = 300 * stats->attr->attstattarget;
	PG_RETURN_BOOL(true);
}

/*--------------------------------------------------------------------------
 * Selectivity
 *--------------------------------------------------------------------------
 */

/* The MCELEM slot of the column, or none (nmcelem = 0: default estimates). */
typedef struct KeywordStats
{
	text	  **elems;			/* sorted bytewise */
	float4	   *freqs;
	int			nmcelem;
	float4		minfreq;
	bool		safe;			/* @@~: visible occurrences only */
} KeywordStats;

/* Index of the first element >= (s, len). */
static int
elem_lower_bound(const KeywordStats *ks, const char *s, uint32 len)
{
	int			lo = 0,
				hi = ks->nmcelem;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		text	   *e = ks->elems[mid];

		if (rv_lexcmp(VARDATA_ANY(e), VARSIZE_ANY_EXHDR(e), s, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Frequency of the exact element (s, len), or -1 if it is not in MCELEM. */
static double
elem_freq(const KeywordStats *ks, const char *s, uint32 len)
{
	int			i = elem_lower_bound(ks, s, len);

	if (i < ks->nmcelem &&
		rv_lexcmp(VARDATA_ANY(ks->elems[i]), VARSIZE_ANY_EXHDR(ks->elems[i]), s, len) == 0)
		return ks->freqs[i];
	return -1.0;
}

/* What an element not in MCELEM is assumed to match: less than any in it. */
static double
absent_freq(const KeywordStats *ks)
{
	return Min(DEFAULT_REVIEW_MATCH_SEL, ks->minfreq / 2);
}

/* Fraction of rows having keyword (s, len); hidden-only too unless safe. */
static Selectivity
keyword_selec(const KeywordStats *ks, const char *s, uint32 len)
{
	double		visible,
				hidden = -1.0;

	if (ks->nmcelem == 0)
		return DEFAULT_REVIEW_MATCH_SEL;
	visible = elem_freq(ks, s, len);
	if (!ks->safe)
	{
		char	   *key = palloc(len + 1);

		key[0] = HIDDEN_MARK;
		memcpy(key + 1, s, len);
		hidden = elem_freq(ks, key, len + 1);
		pfree(key);
	}
	if (visible < 0 && hidden < 0)
		return absent_freq(ks);
	/* The two forms are disjoint; the missing one is rare. */
	return Max(visible, 0.0) + Max(hidden, 0.0);
}

/*
 * A prefix term: the elements starting with it (a contiguous range of the
 * plain ones, and of the \x01 ones unless safe), taken as independent;
 * extrapolated to the keywords not in MCELEM as tsmatchsel does when there
 * are enough elements to be representative.  Never below a plain term.
 */
static Selectivity
prefix_selec(const KeywordStats *ks, const char *s, uint32 len)
{
	double		matched = 0,
				allmces = 0;
	int			n_matched = 0;
	int			nplain = 0;
	Selectivity selec;

	if (ks->nmcelem == 0)
		return DEFAULT_REVIEW_MATCH_SEL * 4;
	for (int i = 0; i < ks->nmcelem; i++)
	{
		text	   *e = ks->elems[i];
		const char *es = VARDATA_ANY(e);
		uint32		elen = VARSIZE_ANY_EXHDR(e);
		bool		hidden = elen > 0 && es[0] == HIDDEN_MARK;
		double		f = ks->freqs[i];

		if (hidden)
		{
			if (ks->safe)
				continue;
			es++;
			elen--;
		}
		else
		{
			allmces += f - allmces * f;
			nplain++;
		}
		if (elen >= len && memcmp(es, s, len) == 0)
		{
			matched += f - matched * f;
			if (!hidden)
				n_matched++;
		}
	}
	CLAMP_PROBABILITY(matched);
	CLAMP_PROBABILITY(allmces);
	selec = matched;
	if (nplain >= 100)
		selec += (1.0 - allmces) * ((double) n_matched / nplain);
	return Max(absent_freq(ks), selec);
}

/* Selectivity of the subtree at q->items[*i]; advances *i past it. */
static Selectivity
query_selec(const KeywordStats *ks, const RvQuery *q, uint32 *i)
{
	const RvQItem *it = &q->items[(*i)++];
	Selectivity s1,
				s2,
				selec;

	check_stack_depth();
	switch (it->op)
	{
		case RVQ_TERM:
			if (it->flags & RVQ_PREFIX)
				selec = prefix_selec(ks, it->text, it->len);
			else
				selec = keyword_selec(ks, it->text, it->len);
			break;
		case RVQ_NOT:
			selec = 1.0 - query_selec(ks, q, i);
			break;
		case RVQ_AND:
		case RVQ_PHRASE:

			/*
			 * A phrase as AND, as tsquery's: adjacency is rarer than
			 * co-occurrence, but the words of a phrase people search for
			 * tend to occur together.
			 */
			s1 = query_selec(ks, q, i);
			s2 = query_selec(ks, q, i);
			selec = s1 * s2;
			break;
		case RVQ_OR:
			s1 = query_selec(ks, q, i);
			s2 = query_selec(ks, q, i);
			selec = s1 + s2 - s1 * s2;
			break;
		default:
			elog(ERROR, "unrecognized reviewquery operator: %d", (int) it->op);
			selec = 0;			/* keep compiler quiet */
	}
	CLAMP_PROBABILITY(selec);
	return selec;
}

static Selectivity
rvquery_selec(const KeywordStats *ks, const RvQuery *q)
{
	uint32		i = 0;

	if (q->nitems == 0)
		return 0.0;				/* the empty query matches nothing */
	return query_selec(ks, q, &i);
}

/*
 * A text query (@@ text, @@~ text) is normalized in each review's language
 * at execution; here in the default language.  Text that does not parse
 * would fail at execution, which is no business of the planner: default.
 */
static Selectivity
text_query_selec(const KeywordStats *ks, text *t)
{
	RvError		err = {0};
	RvQuery    *raw = rv_query_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &err);

	if (raw == NULL)
		return DEFAULT_REVIEW_MATCH_SEL;
	rv_query_free(raw);
	return rvquery_selec(ks, review_query_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
												RV_DEFAULT_LANG));
}

/*
 * review ? word: the literal keyword, or every keyword the word normalizes
 * to (in the default language here, in the review's at execution).
 */
static Selectivity
word_selec(const KeywordStats *ks, const char *w, uint32 len)
{
	ReviewLexemes wl;
	Selectivity literal = 0,
				normalized = 0;
	size_t		bad;
	uint32_t	cp;

	if (len == 0)
		return 0.0;
	/* refused at execution; never look up a hidden-only key */
	if (!rv_term_valid(w, len, &bad, &cp))
		return DEFAULT_REVIEW_MATCH_SEL;
	if (len <= RV_MAX_LEXEME)
		literal = keyword_selec(ks, w, len);
	review_lexemes(w, len, RV_DEFAULT_LANG, &wl);
	if (wl.n > 0)
	{
		normalized = 1.0;
		for (int i = 0; i < wl.n; i++)
			normalized *= keyword_selec(ks, wl.lex[i], wl.len[i]);
	}
	/* Usually the same keyword; otherwise the likelier one dominates. */
	return Max(literal, normalized);
}

/* review ?| words, review ?& words: NULL elements are ignored. */
static Selectivity
words_selec(const KeywordStats *ks, ArrayType *a, bool all)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	Selectivity selec = all ? 1.0 : 0.0;

	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
	{
		text	   *t;
		Selectivity s;

		if (nulls[i])
			continue;
		t = DatumGetTextPP(elems[i]);
		s = word_selec(ks, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
		if (all)
			selec *= s;
		else
			selec = selec + s - selec * s;
	}
	return selec;
}

/*
 * review_matchsel(internal, oid, internal, int4) -> float8: restriction
 * selectivity of review @@ / @@~ reviewquery or text, ?, ?| and ?&, from the
 * keyword statistics of the review column (like tsmatchsel).  The operator
 * is told by its name and its right-hand type.
 */
Datum
review_matchsel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	Oid			operator = PG_GETARG_OID(1);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	VariableStatData vardata;
	Node	   *other;
	bool		varonleft;
	Const	   *c;
	Oid			ltype,
				rtype;
	char	   *opname;
	KeywordStats ks = {0};
	AttStatsSlot sslot;
	bool		have_slot = false;
	double		nullfrac = 0;
	Selectivity selec;

	if (!get_restriction_variable(root, args, varRelid, &vardata, &other, &varonleft))
		PG_RETURN_FLOAT8(DEFAULT_REVIEW_MATCH_SEL);

	/* The review must be the left operand and the other side a constant. */
	op_input_types(operator, &ltype, &rtype);
	if (!varonleft || !IsA(other, Const) || vardata.vartype != ltype ||
		((Const *) other)->consttype != rtype)
	{
		ReleaseVariableStats(vardata);
		PG_RETURN_FLOAT8(DEFAULT_REVIEW_MATCH_SEL);
	}
	c = (Const *) other;
	if (c->constisnull)
	{
		/* The operators are strict. */
		ReleaseVariableStats(vardata);
		PG_RETURN_FLOAT8(0.0);
	}

	opname = get_opname(operator);
	ks.safe = opname != NULL && strcmp(opname, "@@~") == 0;
	if (HeapTupleIsValid(vardata.statsTuple))
	{
		nullfrac = ((Form_pg_statistic) GETSTRUCT(vardata.statsTuple))->stanullfrac;
		if (get_attstatsslot(&sslot, vardata.statsTuple, STATISTIC_KIND_MCELEM,
							 InvalidOid, ATTSTATSSLOT_VALUES | ATTSTATSSLOT_NUMBERS))
		{
			have_slot = true;
			/* The minimum and maximum follow the elements' frequencies. */
			if (sslot.nnumbers == sslot.nvalues + 2 && sslot.valuetype == TEXTOID)
			{
				ks.nmcelem = sslot.nvalues;
				ks.elems = (text **) palloc(sizeof(text *) * Max(ks.nmcelem, 1));
				for (int i = 0; i < ks.nmcelem; i++)
					ks.elems[i] = (text *) DatumGetPointer(sslot.values[i]);
				ks.freqs = sslot.numbers;
				ks.minfreq = sslot.numbers[sslot.nnumbers - 2];
			}
		}
	}

	if (rtype == TEXTOID && opname != NULL && strcmp(opname, "?") == 0)
	{
		text	   *t = DatumGetTextPP(c->constvalue);

		selec = word_selec(&ks, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	}
	else if (rtype == TEXTOID)
		selec = text_query_selec(&ks, DatumGetTextPP(c->constvalue));
	else if (rtype == TEXTARRAYOID)
		selec = words_selec(&ks, DatumGetArrayTypeP(c->constvalue),
							opname != NULL && strcmp(opname, "?&") == 0);
	else
	{
		/* reviewquery: validate as review_query_from_datum does */
		struct varlena *v = PG_DETOAST_DATUM(c->constvalue);
		RvError		err = {0};
		RvQuery    *q = rv_query_deserialize(VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), &err);

		selec = q != NULL ? rvquery_selec(&ks, q) : DEFAULT_REVIEW_MATCH_SEL;
	}

	if (have_slot)
		free_attstatsslot(&sslot);
	ReleaseVariableStats(vardata);

	/* The statistics count non-null rows; the operators are strict. */
	selec *= 1.0 - nullfrac;
	CLAMP_PROBABILITY(selec);
	PG_RETURN_FLOAT8((float8) selec);
}
