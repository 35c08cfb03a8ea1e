/*
 * fuzz_query.c
 *	  libFuzzer harness for the reviewquery parser and its binary form.
 *
 * Properties: no crash; the canonical output of an accepted query
 * re-parses to a query with identical serialized bytes (terms quoted as
 * lexemes); any bytes accepted by the deserializer re-serialize to
 * exactly those bytes; no term of a parsed, normalized or deserialized
 * query holds a byte below 0x20 (or DEL, or a C1 control), so none can reach
 * the GIN keys of hidden-only keywords, which start with \x01.
 */
#include <string.h>

#include "fuzz_common.h"
#include "rv_query.h"

int			LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Quoted terms are exact: no normalization needed for the round trip. */
static bool
identity(void *arg, const RvQItem *term, RvQLexemes *out, RvError *err)
{
	static const char *lex[1];
	static uint32_t len[1];

	lex[0] = term->text;
	len[0] = term->len;
	out->lex = lex;
	out->len = len;
	out->pos = NULL;
	out->n = 1;
	return true;
}

static void
assert_no_control(const RvQuery *q)
{
	for (uint32_t i = 0; i < q->nitems; i++)
	{
		const RvQItem *it = &q->items[i];
		size_t		bad;
		uint32_t	cp;

		if (it->op != RVQ_TERM)
			continue;
		FUZZ_ASSERT(it->len > 0);
		for (uint32_t k = 0; k < it->len; k++)
			FUZZ_ASSERT((unsigned char) it->text[k] >= 0x20);
		FUZZ_ASSERT(rv_term_valid(it->text, it->len, &bad, &cp));
	}
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	RvError		err = {0};
	RvQuery    *raw = rv_query_parse((const char *) data, size, &err);
	RvQuery    *d;

	if (raw != NULL)
	{
		RvQuery    *q;

		assert_no_control(raw);
		q = rv_query_normalize(raw, identity, NULL, &err);
		if (q != NULL)
		{
			RvBuf		out;
			RvQuery    *again,
					   *q2;
			size_t		n1 = rv_query_serialized_size(q);
			char	   *b1 = malloc(n1 + 1);

			assert_no_control(q);
			rv_query_serialize(q, b1);
			rv_buf_init(&out, 64);
			rv_query_out(q, &out);
			again = rv_query_parse(out.data, out.len, &err);
			FUZZ_ASSERT(again != NULL);
			q2 = rv_query_normalize(again, identity, NULL, &err);
			FUZZ_ASSERT(q2 != NULL);
			FUZZ_ASSERT(rv_query_serialized_size(q2) == n1);
			{
				char	   *b2 = malloc(n1 + 1);

				rv_query_serialize(q2, b2);
				FUZZ_ASSERT(memcmp(b1, b2, n1) == 0);
				free(b2);
			}
			free(b1);
			rv_free(out.data);
			rv_query_free(q2);
			rv_query_free(again);
			rv_query_free(q);
		}
		rv_query_free(raw);
	}

	d = rv_query_deserialize((const char *) data, size, &err);
	if (d != NULL)
	{
		size_t		n = rv_query_serialized_size(d);
		char	   *b = malloc(n + 1);

		assert_no_control(d);
		rv_query_serialize(d, b);
		FUZZ_ASSERT(n == size && memcmp(b, data, size) == 0);
		free(b);
		rv_query_free(d);
	}
	return 0;
}
