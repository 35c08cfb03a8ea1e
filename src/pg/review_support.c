/*
 * review_support.c
 *	  Planner support function of the functions that take a text or text[]
 *	  argument: review @@ text, @@~ text, ?, ?|, ?& and redact(review, mask,
 *	  threshold).
 *
 * None of them looks at its input collation (no PG_GET_COLLATION), yet a
 * text argument gives the call an input collation, which stops postgres_fdw
 * from shipping it: foreign_expr_walker (contrib/postgres_fdw/deparse.c)
 * refuses an operator or function whose input collation does not come from
 * a foreign column, and accepts one whose input collation is InvalidOid.  So
 * at eval_const_expressions time we rewrite the call with no input
 * collation.  Operators must stay OpExprs (a FuncExpr does not match the
 * GIN index), and a call in function form, e.g. review_exists(r, 'x'),
 * becomes the operator, which lets it use the index too.
 */
#include "postgres.h"

#include "catalog/pg_operator.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(review_support);

/* The functions that implement an operator, and the operator's name. */
static const struct
{
	const char *funcname;
	const char *oprname;
}			review_text_operators[] = {
	{"review_match_text", "@@"},
	{"review_match_text_safe", "@@~"},
	{"review_exists", "?"},
	{"review_exists_any", "?|"},
	{"review_exists_all", "?&"},
};

/*
 * The operator whose code is funcid (named funcname), in funcid's own
 * schema (looked up in the catalog cache rather than by a qualified name, so
 * neither search_path nor the caller's USAGE on the schema matters), or
 * InvalidOid.
 */
static Oid
operator_of(Oid funcid, const char *funcname)
{
	Oid		   *argtypes;
	int			nargs;
	Oid			opno = InvalidOid;

	for (int i = 0; i < lengthof(review_text_operators); i++)
	{
		if (strcmp(funcname, review_text_operators[i].funcname) != 0)
			continue;
		get_func_signature(funcid, &argtypes, &nargs);
		if (nargs == 2)
			opno = GetSysCacheOid4(OPERNAMENSP, Anum_pg_operator_oid,
								   CStringGetDatum(review_text_operators[i].oprname),
								   ObjectIdGetDatum(argtypes[0]),
								   ObjectIdGetDatum(argtypes[1]),
								   ObjectIdGetDatum(get_func_namespace(funcid)));
		break;
	}
	if (OidIsValid(opno) && get_opcode(opno) != funcid)
		opno = InvalidOid;
	return opno;
}

/*
 * review_support(internal) -> internal
 *
 * SupportRequestSimplify: the same call without input collation, as an
 * OpExpr for an operator's function, as a FuncExpr for redact().  NULL (no
 * change) when there is no input collation or the call is not one we know.
 */
Datum
review_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);
	SupportRequestSimplify *req;
	FuncExpr   *fcall;
	Oid			opno;
	char	   *funcname;
	OpExpr	   *opexpr;
	FuncExpr   *fexpr;

	if (!IsA(rawreq, SupportRequestSimplify))
		PG_RETURN_POINTER(NULL);
	req = (SupportRequestSimplify *) rawreq;
	fcall = req->fcall;
	if (!OidIsValid(fcall->inputcollid) || fcall->funcretset)
		PG_RETURN_POINTER(NULL);

	funcname = get_func_name(fcall->funcid);
	if (funcname == NULL)
		PG_RETURN_POINTER(NULL);
	opno = operator_of(fcall->funcid, funcname);
	if (OidIsValid(opno))
	{
		if (list_length(fcall->args) != 2 || fcall->funcresulttype != BOOLOID)
			PG_RETURN_POINTER(NULL);
		opexpr = (OpExpr *) make_opclause(opno, BOOLOID, false,
										  linitial(fcall->args),
										  lsecond(fcall->args),
										  InvalidOid, InvalidOid);
		opexpr->opfuncid = fcall->funcid;
		PG_RETURN_POINTER(opexpr);
	}

	/* redact(review, text, real): a function, not an operator. */
	if (strcmp(funcname, "redact") != 0 || list_length(fcall->args) != 3)
		PG_RETURN_POINTER(NULL);
	fexpr = copyObject(fcall);
	fexpr->inputcollid = InvalidOid;
	PG_RETURN_POINTER(fexpr);
}
