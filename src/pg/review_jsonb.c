/*
 * review_jsonb.c
 *	  Casts between review and jsonb:
 *	  {"title": ..., "author": ..., "rating": ..., "lang": ..., "body": ...}
 *	  where body carries the spoilers in canonical markup (and the warning
 *	  line first when the review has one), so jsonb -> review -> jsonb is
 *	  the identity.  Keys that are not set are omitted.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "review_build.h"
#include "rv_review.h"

PG_FUNCTION_INFO_V1(review_to_jsonb);
PG_FUNCTION_INFO_V1(jsonb_to_review);

static const char *const json_keys[] = {"body", "title", "rating", "lang", "author"};

#define NUM_JSON_KEYS 5

static void
push_pair(JsonbParseState **st, const char *key, const char *val, uint32 len)
{
	JsonbValue	k,
				v;

	if (val == NULL)
		return;
	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = (int) strlen(key);
	v.type = jbvString;
	v.val.string.val = (char *) val;
	v.val.string.len = (int) len;
	pushJsonbValue(st, WJB_KEY, &k);
	pushJsonbValue(st, WJB_VALUE, &v);
}

Datum
review_to_jsonb(PG_FUNCTION_ARGS)
{
	Review	   *r = PG_GETARG_REVIEW_P(0);
	RvLayout	l;
	RvDoc		doc;
	RvBuf		body;
	JsonbParseState *st = NULL;
	JsonbValue *res;

	review_layout(r, &l);
	rv_layout_doc(r, &doc);
	rv_buf_init(&body, doc.body_len + 64);
	if (doc.warning)
		rv_buf_append_str(&body, RV_WARNING_LINE "\n");
	rv_format_body(&doc, &body);

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	push_pair(&st, "title", doc.title, doc.title_len);
	push_pair(&st, "author", doc.author, doc.author_len);
	push_pair(&st, "rating", doc.rating, doc.rating_len);
	push_pair(&st, "lang", doc.lang, doc.lang_len);
	push_pair(&st, "body", body.data, (uint32) body.len);
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	PG_RETURN_POINTER(JsonbValueToJsonb(res));
}

Datum
jsonb_to_review(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	const char *vals[NUM_JSON_KEYS] = {NULL};
	size_t		lens[NUM_JSON_KEYS] = {0};
	int			key = -1;
	RvError		err = {0};
	RvDoc	   *doc;

	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot convert jsonb to review: expected an object"),
				 errhint("Use {\"body\": \"...\", \"title\": \"...\", \"rating\": \"...\", \"lang\": \"...\", \"author\": \"...\"}.")));

	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			key = -1;
			for (int i = 0; i < NUM_JSON_KEYS; i++)
				if (strlen(json_keys[i]) == (size_t) v.val.string.len &&
					memcmp(json_keys[i], v.val.string.val, v.val.string.len) == 0)
					key = i;
			if (key < 0)
			{
				/* quote at most 40 bytes, never half a character */
				int			shown = pg_mbcliplen(v.val.string.val, v.val.string.len, 40);

				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("cannot convert jsonb to review: unknown key \"%.*s%s\"",
								shown, v.val.string.val, shown < v.val.string.len ? "..." : ""),
						 errdetail("The keys are body, title, rating, lang and author.")));
			}
		}
		else if (tok == WJB_VALUE)
		{
			if (v.type == jbvNull)
				continue;
			if (v.type != jbvString)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("cannot convert jsonb to review: \"%s\" must be a string or null",
								json_keys[key])));
			vals[key] = v.val.string.val;
			lens[key] = (size_t) v.val.string.len;
		}
	}
	if (vals[0] == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot convert jsonb to review: \"body\" is missing")));

	doc = rv_build(vals[0], lens[0], vals[1], lens[1], vals[2], lens[2],
				   vals[3], lens[3], vals[4], lens[4], &err);
	if (doc == NULL)
		rv_report(&err, "review", NULL);
	PG_RETURN_REVIEW_P(review_from_doc(doc));
}
