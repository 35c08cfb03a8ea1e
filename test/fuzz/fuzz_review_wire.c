/*
 * fuzz_review_wire.c
 *	  libFuzzer harness for what review_recv trusts: the binary wire
 *	  decoder, and the stored-layout validator.
 *
 * Properties: no crash or out-of-bounds read on any bytes; an accepted
 * wire value re-encodes to exactly the same bytes (the format is
 * canonical).
 */
#include <string.h>

#include "fuzz_common.h"
#include "rv_layout.h"
#include "rv_review.h"

int			LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	RvError		err = {0};
	RvDoc	   *doc = rv_wire_decode((const char *) data, size, &err);

	if (doc != NULL)
	{
		RvBuf		w;

		rv_buf_init(&w, 64);
		rv_wire_encode(doc, &w);
		FUZZ_ASSERT(w.len == size && memcmp(w.data, data, size) == 0);
		rv_free(w.data);
		rv_doc_free(doc);
	}
	else
		FUZZ_ASSERT(err.code != RV_OK);

	/* The validator reads a stored value: give it aligned bytes. */
	if (size >= sizeof(RvHeader))
	{
		void	   *copy = malloc(size);

		memcpy(copy, data, size);
		(void) rv_layout_validate(copy, size, &err);
		free(copy);
	}
	return 0;
}
