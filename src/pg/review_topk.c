/*
 * review_topk.c
 *	  Bounded top-k for ORDER BY r <#> bq LIMIT k through a review_rum_ops
 *	  index: a planner hook puts a custom scan, "ReviewTopK", in place of the
 *	  index scan under the Limit, which tells the index its bound.
 *
 * RUM answers an ordered scan by scoring every match and sorting them all:
 * an index scan is not told the LIMIT.  With BM25 most matches score
 * differently, and sorting them is most of a single term's query.  The
 * custom scan runs the same index scan with bq's bound set to k (the LIMIT
 * plus the OFFSET): review_rum_ordering then gives the exact distance only
 * to rows among the k best seen so far, and the others distance 0, which
 * ties them and costs the sort little (see bm25_among_best).  The first k
 * rows of the bounded scan, in order, are those of the unbounded one.
 *
 * The scan counts the index entries it reads, including those whose heap
 * tuple is invisible to the snapshot and those the recheck or the scan's
 * other conditions drop, and keeps their TIDs.  When it is asked for more
 * rows after k entries, it starts again without the bound and goes on in
 * exact order, past the entries it has read: they were the k best (RUM
 * orders ties in no particular order, so the exact scan may list tied
 * entries in another order, which is why they are skipped by TID and not
 * by count), so every entry left sorts after them.  The rows are thus
 * those of an unbounded scan, whatever the rows it meets.
 *
 * Only a Limit directly over the index scan is changed (its rows are all
 * the Limit reads), with a constant LIMIT and OFFSET (k up to 65535),
 * forward, in a SELECT without row locks and not for a scrollable cursor;
 * pg_review.bm25_topk turns it off.  The rows are the index scan's however
 * many are read: the bound only saves work.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/relscan.h"
#include "access/table.h"
#include "access/tableam.h"
#include "catalog/pg_type.h"
#include "commands/explain.h"
#include "executor/executor.h"
#include "executor/nodeIndexscan.h"
#include "miscadmin.h"
#include "nodes/extensible.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/plannodes.h"
#include "optimizer/planner.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/ruleutils.h"

#include "pg_review.h"
#include "review_bm25.h"
#include "review_topk.h"

#define TOPK_MAX_BOUND	PG_UINT16_MAX

static bool review_bm25_topk = true;
static planner_hook_type prev_planner_hook = NULL;

/* custom_private of the plan: what the index scan's plan held */
enum
{
	TP_INDEXID,
	TP_BOUND,
	TP_INDEXQUAL,
	TP_INDEXQUALORIG,
	TP_INDEXORDERBY,
	TP_INDEXORDERBYORIG
};

typedef struct TopkState
{
	CustomScanState css;
	Relation	index;
	IndexScanDesc scan;
	TupleTableSlot *fetch;		/* the table AM's slot, copied to the scan slot */
	ExprState  *qualorig;		/* the index conditions, for a recheck */
	ScanKey		keys;
	int			nkeys;
	ScanKey		orderby;
	int			norderby;
	IndexRuntimeKeyInfo *runtime;
	int			nruntime;
	ExprContext *runtime_cxt;
	MemoryContext bound_cxt;	/* the bounded copy of bq, per (re)scan */
	Datum		exact;			/* bq as the plan gives it */
	uint32		bound;			/* k */
	bool		bounded;		/* the scan under way is bounded */
	bool		started;
	ItemPointerData *seen;		/* TIDs of the index entries read while bounded */
	uint32		nseen;
	uint32		skipped;		/* of them, met again after starting again */
	uint64		restarts;		/* scans started again without the bound */
} TopkState;

static Node *topk_create_state(CustomScan *cscan);
static void topk_begin(CustomScanState *node, EState *estate, int eflags);
static TupleTableSlot *topk_exec(CustomScanState *node);
static void topk_end(CustomScanState *node);
static void topk_rescan(CustomScanState *node);
static void topk_explain(CustomScanState *node, List *ancestors, ExplainState *es);

static const CustomScanMethods topk_scan_methods = {
	.CustomName = "ReviewTopK",
	.CreateCustomScanState = topk_create_state,
};

static const CustomExecMethods topk_exec_methods = {
	.CustomName = "ReviewTopK",
	.BeginCustomScan = topk_begin,
	.ExecCustomScan = topk_exec,
	.EndCustomScan = topk_end,
	.ReScanCustomScan = topk_rescan,
	.ExplainCustomScan = topk_explain,
};

/* Planning */

/* Is the ORDER BY of this index scan r <#> bq? */
static bool
orders_by_bm25(IndexScan *is)
{
	Node	   *ob;
	FmgrInfo	finfo;

	if (list_length(is->indexorderby) != 1 || is->indexorderdir == BackwardScanDirection ||
		is->scan.plan.parallel_aware)
		return false;
	ob = linitial(is->indexorderby);
	if (!IsA(ob, OpExpr))
		return false;
	fmgr_info(get_opcode(((OpExpr *) ob)->opno), &finfo);
	return finfo.fn_addr == review_bm25_distance;
}

/* A constant, non-negative int8 of a LIMIT or OFFSET (NULL: none, 0). */
static bool
limit_const(Node *n, int64 *v)
{
	if (n == NULL)
	{
		*v = 0;
		return true;
	}
	if (!IsA(n, Const) || ((Const *) n)->constisnull ||
		((Const *) n)->consttype != INT8OID)
		return false;
	*v = DatumGetInt64(((Const *) n)->constvalue);
	return *v >= 0;
}

static Plan *
make_topk(IndexScan *is, int64 bound)
{
	CustomScan *cs = makeNode(CustomScan);

	cs->scan = is->scan;
	cs->scan.plan.type = T_CustomScan;
	cs->flags = 0;
	cs->custom_plans = NIL;
	cs->custom_exprs = NIL;
	cs->custom_private = list_make2(makeInteger((int) is->indexid), makeInteger((int) bound));
	cs->custom_private = lappend(cs->custom_private, is->indexqual);
	cs->custom_private = lappend(cs->custom_private, is->indexqualorig);
	cs->custom_private = lappend(cs->custom_private, is->indexorderby);
	cs->custom_private = lappend(cs->custom_private, is->indexorderbyorig);
	cs->custom_scan_tlist = NIL;
	cs->custom_relids = bms_make_singleton(is->scan.scanrelid);
	cs->methods = &topk_scan_methods;
	return (Plan *) cs;
}

static Plan *topk_walk(Plan *plan);

static List *
topk_walk_list(List *plans)
{
	ListCell   *lc;

	foreach(lc, plans)
		lfirst(lc) = topk_walk((Plan *) lfirst(lc));
	return plans;
}

static Plan *
topk_walk(Plan *plan)
{
	if (plan == NULL)
		return NULL;
	check_stack_depth();
	if (IsA(plan, Limit) && plan->lefttree != NULL && IsA(plan->lefttree, IndexScan))
	{
		Limit	   *lim = (Limit *) plan;
		IndexScan  *is = (IndexScan *) plan->lefttree;
		int64		count,
					offset;

		if (lim->limitOption == LIMIT_OPTION_COUNT && lim->limitCount != NULL &&
			limit_const(lim->limitCount, &count) && limit_const(lim->limitOffset, &offset) &&
			count > 0 && count <= TOPK_MAX_BOUND && offset <= TOPK_MAX_BOUND - count &&
			orders_by_bm25(is))
			plan->lefttree = make_topk(is, count + offset);
		return plan;
	}
	plan->lefttree = topk_walk(plan->lefttree);
	plan->righttree = topk_walk(plan->righttree);
	if (IsA(plan, Append))
		((Append *) plan)->appendplans = topk_walk_list(((Append *) plan)->appendplans);
	else if (IsA(plan, MergeAppend))
		((MergeAppend *) plan)->mergeplans = topk_walk_list(((MergeAppend *) plan)->mergeplans);
	else if (IsA(plan, SubqueryScan))
		((SubqueryScan *) plan)->subplan = topk_walk(((SubqueryScan *) plan)->subplan);
	else if (IsA(plan, CustomScan))
		((CustomScan *) plan)->custom_plans = topk_walk_list(((CustomScan *) plan)->custom_plans);
	return plan;
}

static PlannedStmt *
topk_planner(Query *parse, const char *query_string, int cursorOptions,
			 ParamListInfo boundParams)
{
	PlannedStmt *stmt;

	if (prev_planner_hook)
		stmt = prev_planner_hook(parse, query_string, cursorOptions, boundParams);
	else
		stmt = standard_planner(parse, query_string, cursorOptions, boundParams);
	/* (a scrollable cursor's plan may scan backward, which ReviewTopK does not) */
	if (review_bm25_topk && stmt->commandType == CMD_SELECT && stmt->rowMarks == NIL &&
		!(cursorOptions & CURSOR_OPT_SCROLL))
	{
		stmt->planTree = topk_walk(stmt->planTree);
		stmt->subplans = topk_walk_list(stmt->subplans);
	}
	return stmt;
}

/* Execution */

static Node *
topk_create_state(CustomScan *cscan)
{
	TopkState  *st = (TopkState *) newNode(sizeof(TopkState), T_CustomScanState);

	st->css.methods = &topk_exec_methods;
	return (Node *) st;
}

static void
topk_begin(CustomScanState *node, EState *estate, int eflags)
{
	TopkState  *st = (TopkState *) node;
	CustomScan *cs = (CustomScan *) node->ss.ps.plan;
	Relation	heap = node->ss.ss_currentRelation;
	LOCKMODE	lockmode = exec_rt_fetch(cs->scan.scanrelid, estate)->rellockmode;

	st->bound = (uint32) intVal(list_nth(cs->custom_private, TP_BOUND));
	st->index = index_open((Oid) intVal(list_nth(cs->custom_private, TP_INDEXID)), lockmode);
	if (eflags & EXEC_FLAG_EXPLAIN_ONLY)
		return;
	st->qualorig = ExecInitQual(list_nth(cs->custom_private, TP_INDEXQUALORIG), &node->ss.ps);
	ExecIndexBuildScanKeys(&node->ss.ps, st->index, list_nth(cs->custom_private, TP_INDEXQUAL),
						   false, &st->keys, &st->nkeys, &st->runtime, &st->nruntime,
						   NULL, NULL);
	ExecIndexBuildScanKeys(&node->ss.ps, st->index, list_nth(cs->custom_private, TP_INDEXORDERBY),
						   true, &st->orderby, &st->norderby, &st->runtime, &st->nruntime,
						   NULL, NULL);
	if (st->nruntime > 0)
	{
		/* as ExecInitIndexScan: a context of their own for the runtime keys */
		ExprContext *stdecontext = node->ss.ps.ps_ExprContext;

		ExecAssignExprContext(estate, &node->ss.ps);
		st->runtime_cxt = node->ss.ps.ps_ExprContext;
		node->ss.ps.ps_ExprContext = stdecontext;
	}
	st->fetch = table_slot_create(heap, &estate->es_tupleTable);
	st->seen = palloc(sizeof(ItemPointerData) * st->bound);
	st->bound_cxt = AllocSetContextCreate(estate->es_query_cxt, "ReviewTopK bound",
										  ALLOCSET_SMALL_SIZES);
	st->scan = rv_index_beginscan(heap, st->index, estate->es_snapshot,
								  st->nkeys, st->norderby);
}

/* Starts the index scan: bounded at first, exact when started again. */
static void
topk_start(TopkState *st, bool bounded)
{
	ScanKey		ob = &st->orderby[0];

	if (!st->started)
	{
		if (st->nruntime > 0)
		{
			ResetExprContext(st->runtime_cxt);
			ExecIndexEvalRuntimeKeys(st->runtime_cxt, st->runtime, st->nruntime);
		}
		st->exact = ob->sk_argument;
		st->started = true;
	}
	MemoryContextReset(st->bound_cxt);
	if (bounded)				/* a new scan, not the exact one after a bounded one */
		st->nseen = 0;
	st->bounded = bounded && !(ob->sk_flags & SK_ISNULL);
	if (st->bounded)
	{
		MemoryContext old = MemoryContextSwitchTo(st->bound_cxt);

		ob->sk_argument = PointerGetDatum(review_bm25_with_bound(st->exact, (uint16) st->bound));
		MemoryContextSwitchTo(old);
	}
	else
		ob->sk_argument = st->exact;
	index_rescan(st->scan, st->keys, st->nkeys, st->orderby, st->norderby);
	st->skipped = 0;
}

static int
cmp_tid(const void *a, const void *b)
{
	return ItemPointerCompare((ItemPointer) a, (ItemPointer) b);
}

static TupleTableSlot *
topk_next(ScanState *ss)
{
	TopkState  *st = (TopkState *) ss;
	ExprContext *econtext = ss->ps.ps_ExprContext;

	if (!st->started)
		topk_start(st, true);
	for (;;)
	{
		if (!st->scan->xs_heap_continue)
		{
			ItemPointer tid;

			if (st->bounded && st->nseen == st->bound)
			{
				/* more than the bound: again in exact order, past what was read */
				topk_start(st, false);
				st->restarts++;
				qsort(st->seen, st->nseen, sizeof(ItemPointerData), cmp_tid);
			}
			tid = index_getnext_tid(st->scan, ForwardScanDirection);
			if (tid == NULL)
				return ExecClearTuple(ss->ss_ScanTupleSlot);
			if (st->bounded)
				st->seen[st->nseen++] = *tid;
			else if (st->skipped < st->nseen &&
					 bsearch(tid, st->seen, st->nseen, sizeof(ItemPointerData), cmp_tid) != NULL)
			{
				st->skipped++;
				continue;
			}
		}
		if (!index_fetch_heap(st->scan, st->fetch))
			continue;
		if (st->scan->xs_recheckorderby)
			elog(ERROR, "ReviewTopK: the index asks for its ORDER BY to be checked again");
		ExecCopySlot(ss->ss_ScanTupleSlot, st->fetch);
		ExecClearTuple(st->fetch);
		if (st->scan->xs_recheck)
		{
			econtext->ecxt_scantuple = ss->ss_ScanTupleSlot;
			if (!ExecQualAndReset(st->qualorig, econtext))
			{
				InstrCountFiltered2(ss, 1);
				continue;
			}
		}
		return ss->ss_ScanTupleSlot;
	}
}

/* No row locks (the plan is not changed under FOR UPDATE/SHARE): no EPQ. */
static bool
topk_recheck(ScanState *ss, TupleTableSlot *slot)
{
	return true;
}

static TupleTableSlot *
topk_exec(CustomScanState *node)
{
	return ExecScan(&node->ss, topk_next, topk_recheck);
}

static void
topk_rescan(CustomScanState *node)
{
	TopkState  *st = (TopkState *) node;

	if (st->started)
		st->orderby[0].sk_argument = st->exact;
	st->started = false;
}

static void
topk_end(CustomScanState *node)
{
	TopkState  *st = (TopkState *) node;

	if (st->scan != NULL)
		index_endscan(st->scan);
	if (st->index != NULL)
		index_close(st->index, NoLock);
}

static void
topk_explain(CustomScanState *node, List *ancestors, ExplainState *es)
{
	TopkState  *st = (TopkState *) node;
	CustomScan *cs = (CustomScan *) node->ss.ps.plan;
	List	   *context = set_deparse_context_plan(es->deparse_cxt, &cs->scan.plan, ancestors);
	List	   *qual = list_nth(cs->custom_private, TP_INDEXQUALORIG);
	List	   *orderby = list_nth(cs->custom_private, TP_INDEXORDERBYORIG);
	bool		prefix = es->verbose;

	ExplainPropertyText("Index", RelationGetRelationName(st->index), es);
	if (qual != NIL)
		ExplainPropertyText("Index Cond",
							deparse_expression((Node *) make_ands_explicit(qual), context,
											   prefix, false), es);
	ExplainPropertyText("Order By",
						deparse_expression(linitial(orderby), context, prefix, false), es);
	ExplainPropertyInteger("Bound", NULL, st->bound, es);
	if (es->analyze)
		ExplainPropertyInteger("Restarts", NULL, (int64) st->restarts, es);
}

void
review_topk_init(void)
{
	DefineCustomBoolVariable("pg_review.bm25_topk",
							 "Bounds the ordered scan of ORDER BY r <#> bq LIMIT k by k.",
							 "On, a Limit over a review_rum_ops index scan ordered by r <#> bq "
							 "tells the index its bound, so that it does not sort every match; "
							 "the rows and their order are the same.",
							 &review_bm25_topk,
							 true,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
	RegisterCustomScanMethods(&topk_scan_methods);
	prev_planner_hook = planner_hook;
	planner_hook = topk_planner;
}
