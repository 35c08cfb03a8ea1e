/*
 * review_typanalyze.c
 *	  Keyword statistics of review columns: review_typanalyze, the typanalyze
 *	  function of review (review_selfuncs.c reads what it stores).
 *
 * ANALYZE keeps the most common keywords of a column in a
 * STATISTIC_KIND_MCELEM slot, as it does for tsvector: the elements are the
 * keys the GIN index has for a review (review_gin.c), a keyword with a
 * position a spoiler-free reader sees as itself and a keyword found only
 * inside spoilers with a leading \x01 byte (HIDDEN_MARK).  A row has at most
 * one of the two forms of a keyword, so the fraction of rows containing it at
 * all is the sum of both frequencies, and @@~ counts the plain form only.
 * The numbers hold each element's frequency (fraction of non-null rows),
 * then the minimum and the maximum of them, as ts_typanalyze stores them.
 *
 * The elements are sorted bytewise (rv_lexcmp), not by length first as
 * tsvector's are: a prefix term's matches are then one contiguous range.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_type.h"
#include "commands/vacuum.h"
#include "common/hashfn.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "review_datum.h"
#include "review_opclass.h"

PG_FUNCTION_INFO_V1(review_typanalyze);

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
	int			num_mcelem = RV_STATS_TARGET(stats) * 10;
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

		rv_analyze_delay_point();
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

	/* negative means the default target */
	if (RV_STATS_TARGET(stats) < 0)
		RV_STATS_TARGET(stats) = default_statistics_target;
	stats->compute_stats = compute_review_stats;
	/* the sample size analyze.c chooses for scalar columns */
	stats->minrows = 300 * RV_STATS_TARGET(stats);
	PG_RETURN_BOOL(true);
}
