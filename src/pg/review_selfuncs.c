/*
 * review_selfuncs.c
 *	  The restriction selectivity of the search operators (review_matchsel),
 *	  from the keyword statistics that review_typanalyze.c gathers: the most
 *	  common keywords in a STATISTIC_KIND_MCELEM slot, sorted bytewise, a
 *	  keyword found only inside spoilers in its HIDDEN_MARK form.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"

#include "review_lexize.h"
#include "review_match.h"
#include "review_opclass.h"
#include "reviewquery.h"

PG_FUNCTION_INFO_V1(review_matchsel);

/* Without statistics, a term matches this fraction (tsmatchsel's value). */
#define DEFAULT_REVIEW_MATCH_SEL	0.005

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
