/*
 * fuzz_review_parse.c
 *	  libFuzzer harness for the review text parser (review_in).
 *
 * Properties: parsing never crashes; an accepted input prints canonically,
 * the canonical text re-parses to an equal document and prints
 * identically, and the binary wire form decodes to an equal document; the
 * counted sizes of the text and binary forms (rv_output_size) are theirs,
 * and rv_check_output_size accepts at exactly the limits it counts and
 * refuses one byte below.
 */
#include <string.h>

#include "fuzz_common.h"
#include "rv_review.h"

int			LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	RvError		err = {0};
	RvDoc	   *doc = rv_parse((const char *) data, size, &err),
			   *again,
			   *wire;
	RvBuf		t1,
				t2,
				w;

	if (doc == NULL)
	{
		FUZZ_ASSERT(err.code != RV_OK && err.detail[0] != '\0');
		return 0;
	}
	rv_buf_init(&t1, 64);
	rv_format(doc, &t1);
	again = rv_parse(t1.data, t1.len, &err);
	FUZZ_ASSERT(again != NULL);
	FUZZ_ASSERT(rv_doc_cmp(doc, again) == 0);
	rv_buf_init(&t2, 64);
	rv_format(again, &t2);
	FUZZ_ASSERT(t1.len == t2.len && memcmp(t1.data, t2.data, t1.len) == 0);

	rv_buf_init(&w, 64);
	rv_wire_encode(doc, &w);
	wire = rv_wire_decode(w.data, w.len, &err);
	FUZZ_ASSERT(wire != NULL);
	FUZZ_ASSERT(rv_doc_cmp(doc, wire) == 0);

	{
		RvOutputSize sz;
		RvOutputLimits lim;

		rv_output_size(doc, &sz);
		FUZZ_ASSERT(sz.text == t1.len && sz.wire == w.len);
		/* Escaping never shortens a form (the jsonb form may be shorter than the text form: its body marks spoilers in another dialect). */
		FUZZ_ASSERT(sz.copy_text >= sz.text && sz.json_copy >= sz.json_text && sz.json_csv >= sz.json_text);
		lim.buffer = sz.json_csv + RV_OUTPUT_COPY_OVERHEAD;
		if (sz.json_copy + RV_OUTPUT_COPY_OVERHEAD > lim.buffer)
			lim.buffer = sz.json_copy + RV_OUTPUT_COPY_OVERHEAD;
		if (sz.wire + RV_OUTPUT_ROW_OVERHEAD > lim.buffer)
			lim.buffer = sz.wire + RV_OUTPUT_ROW_OVERHEAD;
		if (sz.copy_csv + RV_OUTPUT_COPY_OVERHEAD > lim.buffer)
			lim.buffer = sz.copy_csv + RV_OUTPUT_COPY_OVERHEAD;
		if (sz.copy_text + RV_OUTPUT_COPY_OVERHEAD > lim.buffer)
			lim.buffer = sz.copy_text + RV_OUTPUT_COPY_OVERHEAD;
		if (sz.json_text + RV_OUTPUT_ROW_OVERHEAD > lim.buffer)
			lim.buffer = sz.json_text + RV_OUTPUT_ROW_OVERHEAD;
		lim.jsonb = sz.jsonb;
		FUZZ_ASSERT(rv_check_output_size(doc, &lim, &err));
		lim.jsonb--;
		FUZZ_ASSERT(!rv_check_output_size(doc, &lim, &err) && err.code == RV_ERR_LIMIT);
		lim.jsonb++;
		lim.buffer--;
		FUZZ_ASSERT(!rv_check_output_size(doc, &lim, &err) && err.code == RV_ERR_LIMIT);
	}

	rv_doc_free(wire);
	rv_doc_free(again);
	rv_doc_free(doc);
	rv_free(t1.data);
	rv_free(t2.data);
	rv_free(w.data);
	return 0;
}
