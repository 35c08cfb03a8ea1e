/*
 * review_corpus_stats.c
 *	  review_bm25_query(q, table, column, safe): a reviewquery with the
 *	  corpus statistics that review_corpus_track() keeps for a review column,
 *	  read from review_corpus_stats with index scans of its key.
 *
 * The tables, the triggers that append the deltas and the functions that
 * maintain them are SQL (see the install scripts); this file only reads
 * them, once per query, so that a top-k query pays a few index probes for
 * its statistics instead of a PL/pgSQL call (about 0.1 ms).
 *
 * It reads the tables as the SQL form did: with the statement's snapshot
 * (STABLE), after the same privilege checks and with the same errors, and
 * honouring their row security: a row of review_corpus_columns counts only
 * when its policy would let the caller see it, and the statistics are read
 * only after checking that the caller may read the tracked column, which is
 * what the policy of review_corpus_stats asks.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "catalog/pg_class.h"
#include "catalog/namespace.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_namespace.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include "review_bm25.h"
#include "reviewquery.h"
#include "rv_rank.h"

PG_FUNCTION_INFO_V1(review_bm25_query);

/* Columns of review_corpus_columns and review_corpus_stats. */
#define COL_RELID		1
#define COL_ATTNAME		2
#define ST_KEYWORD		3
#define ST_NDOCS		4
#define ST_NDOCS_VIS	5
#define ST_NWORDS		6
#define ST_NWORDS_VIS	7

/* The extension's tables, found in the schema of the calling function. */
typedef struct CorpusTables
{
	Oid			columns;		/* review_corpus_columns */
	Oid			columns_key;	/* its primary key */
	Oid			stats;			/* review_corpus_stats */
	Oid			stats_key;		/* review_corpus_stats_key */
} CorpusTables;

static Oid
corpus_relation(const char *name, Oid nsp)
{
	Oid			oid = get_relname_relid(name, nsp);

	if (!OidIsValid(oid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"%s\" of extension pg_review does not exist", name)));
	return oid;
}

static void
corpus_tables(FunctionCallInfo fcinfo, CorpusTables *t)
{
	Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);

	t->columns = corpus_relation("review_corpus_columns", nsp);
	t->columns_key = corpus_relation("review_corpus_columns_pkey", nsp);
	t->stats = corpus_relation("review_corpus_stats", nsp);
	t->stats_key = corpus_relation("review_corpus_stats_key", nsp);
}

/* What SELECT on one of the extension's tables needs. */
static void
corpus_check_select(Oid relid)
{
	AclResult	aclresult = pg_class_aclcheck(relid, GetUserId(), ACL_SELECT);

	if (aclresult != ACLCHECK_OK)
		aclcheck_error(aclresult, OBJECT_TABLE, get_rel_name(relid));
}

/*
 * A table's name as the SQL functions print it (they run with search_path
 * pg_catalog, pg_temp): qualified unless it is in one of those.
 */
static char *
rel_text(Oid relid)
{
	Oid			nsp = get_rel_namespace(relid);
	char	   *name = get_rel_name(relid);

	if (name == NULL)
		return psprintf("%u", relid);
	if (nsp == PG_CATALOG_NAMESPACE || isAnyTempNamespace(nsp))
		return (char *) quote_identifier(name);
	return quote_qualified_identifier(get_namespace_name(nsp), name);
}

/* has_column_privilege(relid, attname, 'SELECT') */
static bool
column_readable(Oid relid, const char *attname)
{
	AttrNumber	attnum = get_attnum(relid, attname);

	if (attnum == InvalidAttrNumber)
		return false;
	return pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) == ACLCHECK_OK ||
		pg_attribute_aclcheck(relid, attnum, GetUserId(), ACL_SELECT) == ACLCHECK_OK;
}

/* has_any_column_privilege(relid, 'SELECT') */
static bool
any_column_readable(Oid relid)
{
	return pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) == ACLCHECK_OK ||
		pg_attribute_aclcheck_all(relid, GetUserId(), ACL_SELECT, ACLMASK_ANY) == ACLCHECK_OK;
}

static bool
owns_table(Oid relid)
{
	HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	bool		result = false;

	if (HeapTupleIsValid(tup))
	{
		result = has_privs_of_role(GetUserId(), ((Form_pg_class) GETSTRUCT(tup))->relowner);
		ReleaseSysCache(tup);
	}
	return result;
}

/*
 * The tracked column a call means (att, or the only tracked column of rel
 * the caller may see), checked as review_corpus_column(rel, att, false)
 * does; copied into *result.
 */
static void
corpus_column(const CorpusTables *t, Oid rel, const char *att, NameData *result)
{
	Relation	heap;
	SysScanDesc scan;
	ScanKeyData key;
	HeapTuple	tup;
	bool		rls = check_enable_rls(t->columns, InvalidOid, false) == RLS_ENABLED;
	bool		found = false;
	int64		n = 0;

	/* has_any_column_privilege(): NULL, so no error, for a dropped table */
	if (SearchSysCacheExists1(RELOID, ObjectIdGetDatum(rel)) &&
		!any_column_readable(rel))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied for table %s", rel_text(rel))));
	corpus_check_select(t->columns);

	heap = table_open(t->columns, AccessShareLock);
	ScanKeyInit(&key, COL_RELID, BTEqualStrategyNumber, F_OIDEQ, ObjectIdGetDatum(rel));
	scan = systable_beginscan(heap, t->columns_key, true, GetActiveSnapshot(), 1, &key);
	while (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		bool		isnull;
		Name		name = DatumGetName(heap_getattr(tup, COL_ATTNAME,
													 RelationGetDescr(heap), &isnull));

		if (isnull)
			continue;
		/* the policy review_corpus_columns_read */
		if (rls && !column_readable(rel, NameStr(*name)) && !owns_table(rel))
			continue;
		if (att != NULL)
		{
			if (strcmp(NameStr(*name), att) == 0)
				found = true;
		}
		else if (n++ == 0 || strcmp(NameStr(*name), NameStr(*result)) < 0)
			namestrcpy(result, NameStr(*name));
	}
	systable_endscan(scan);
	table_close(heap, AccessShareLock);

	if (att == NULL && n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("table %s has no tracked review column", rel_text(rel)),
				 errhint("Track one with SELECT review_corpus_track(%s, column).",
						 quote_literal_cstr(rel_text(rel)))));
	if (att == NULL && n > 1)
		ereport(ERROR,
				(errcode(ERRCODE_AMBIGUOUS_PARAMETER),
				 errmsg("table %s has " INT64_FORMAT " tracked review columns", rel_text(rel), n),
				 errhint("Name the column.")));
	if (att != NULL && !found)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("column %s of table %s is not tracked", att, rel_text(rel)),
				 errhint("Track it with SELECT review_corpus_track(%s, %s).",
						 quote_literal_cstr(rel_text(rel)), quote_literal_cstr(att))));
	if (att != NULL)
		namestrcpy(result, att);
	if (get_attnum(rel, NameStr(*result)) == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist",
						NameStr(*result), get_rel_name(rel))));
	if (!column_readable(rel, NameStr(*result)))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied for column %s of table %s",
						NameStr(*result), rel_text(rel))));
}

/* Sums of one keyword's deltas (or of a prefix's keywords). */
typedef struct CorpusSums
{
	int64		ndocs;
	int64		ndocs_visible;
	int64		nwords;
	int64		nwords_visible;
} CorpusSums;

static int64
stat_int8(HeapTuple tup, TupleDesc desc, int attno)
{
	bool		isnull;
	Datum		d = heap_getattr(tup, attno, desc, &isnull);

	return isnull ? 0 : DatumGetInt64(d);
}

/*
 * Adds up the rows of (rel, att) whose keyword is kw, or starts with kw
 * when prefix: one range of review_corpus_stats_key, in keyword order.
 */
static void
corpus_sums(Relation heap, Relation index, Oid rel, const NameData *att,
			const char *kw, int kwlen, bool prefix, CorpusSums *sums)
{
	TupleDesc	desc = RelationGetDescr(heap);
	text	   *kwtext = cstring_to_text_with_len(kw, kwlen);
	ScanKeyData keys[3];
	SysScanDesc scan;
	HeapTuple	tup;

	memset(sums, 0, sizeof(*sums));
	ScanKeyInit(&keys[0], COL_RELID, BTEqualStrategyNumber, F_OIDEQ, ObjectIdGetDatum(rel));
	ScanKeyEntryInitialize(&keys[1], 0, COL_ATTNAME, BTEqualStrategyNumber, InvalidOid,
						   C_COLLATION_OID, F_NAMEEQ, NameGetDatum(att));
	ScanKeyEntryInitialize(&keys[2], 0, ST_KEYWORD,
						   prefix ? BTGreaterEqualStrategyNumber : BTEqualStrategyNumber,
						   InvalidOid, C_COLLATION_OID, prefix ? F_TEXT_GE : F_TEXTEQ,
						   PointerGetDatum(kwtext));
	scan = systable_beginscan_ordered(heap, index, GetActiveSnapshot(), 3, keys);
	while (HeapTupleIsValid(tup = systable_getnext_ordered(scan, ForwardScanDirection)))
	{
		bool		isnull;
		text	   *k = DatumGetTextPP(heap_getattr(tup, ST_KEYWORD, desc, &isnull));

		if (isnull)
			continue;
		/* past the range of the prefix in keyword order */
		if (prefix && (VARSIZE_ANY_EXHDR(k) < (Size) kwlen ||
					   memcmp(VARDATA_ANY(k), kw, kwlen) != 0))
			break;
		sums->ndocs += stat_int8(tup, desc, ST_NDOCS);
		sums->ndocs_visible += stat_int8(tup, desc, ST_NDOCS_VIS);
		sums->nwords += stat_int8(tup, desc, ST_NWORDS);
		sums->nwords_visible += stat_int8(tup, desc, ST_NWORDS_VIS);
	}
	systable_endscan_ordered(scan);
	pfree(kwtext);
}

/*
 * review_bm25_query(q reviewquery, rel regclass, att name DEFAULT NULL,
 * safe bool DEFAULT false) -> review_bm25query: q with the rows, average
 * word count and document frequency of each positive term of the tracked
 * column (with safe, of what a spoiler-free reader sees).  NULL when q,
 * rel or safe is NULL.
 */
Datum
review_bm25_query(PG_FUNCTION_ARGS)
{
	CorpusTables t;
	NameData	att;
	RvQuery    *q;
	Oid			rel;
	bool		safe;
	bool	   *positive;
	double	   *df;
	Relation	heap,
				index;
	CorpusSums	sums;
	double		rows,
				avgdl;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(3))
		PG_RETURN_NULL();
	q = review_query_from_datum(fcinfo, 0);
	rel = PG_GETARG_OID(1);
	safe = PG_GETARG_BOOL(3);

	corpus_tables(fcinfo, &t);
	corpus_column(&t, rel, PG_ARGISNULL(2) ? NULL : NameStr(*PG_GETARG_NAME(2)), &att);
	corpus_check_select(t.stats);

	heap = table_open(t.stats, AccessShareLock);
	index = index_open(t.stats_key, AccessShareLock);

	corpus_sums(heap, index, rel, &att, "", 0, false, &sums);
	rows = (double) sums.ndocs;
	avgdl = rows > 0 ? (double) (safe ? sums.nwords_visible : sums.nwords) / rows : 0;

	positive = palloc0(sizeof(bool) * (q->nitems ? q->nitems : 1));
	df = palloc(sizeof(double) * (q->nitems ? q->nitems : 1));
	rv_query_positive_terms(q, positive);
	for (uint32 i = 0; i < q->nitems; i++)
	{
		const RvQItem *it = &q->items[i];
		bool		prefix = (it->flags & RVQ_PREFIX) != 0;
		bool		repeat = false;

		df[i] = -1;
		if (!positive[i])
			continue;
		/* a term given twice is looked up once */
		for (uint32 j = 0; j < i && !repeat; j++)
			if (positive[j] && rv_query_same_term(&q->items[j], it))
			{
				df[i] = df[j];
				repeat = true;
			}
		if (repeat)
			continue;
		corpus_sums(heap, index, rel, &att, it->text, (int) it->len, prefix, &sums);
		df[i] = (double) (safe ? sums.ndocs_visible : sums.ndocs);
	}

	index_close(index, AccessShareLock);
	table_close(heap, AccessShareLock);
	PG_RETURN_POINTER(review_bm25_serialize(q, safe, rows, avgdl, df));
}
