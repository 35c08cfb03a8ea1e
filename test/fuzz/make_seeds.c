/*
 * make_seeds.c
 *	  Writes wire-format seeds for fuzz_review_wire: the binary form of each
 *	  review seed.  Usage: make_seeds OUTDIR FILE...
 */
#include <stdio.h>
#include <stdlib.h>

#include "rv_review.h"

int
main(int argc, char **argv)
{
	for (int i = 2; i < argc; i++)
	{
		FILE	   *f = fopen(argv[i], "rb");
		char		buf[65536];
		size_t		n;
		RvError		err = {0};
		RvDoc	   *doc;

		if (f == NULL)
			continue;
		n = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		doc = rv_parse(buf, n, &err);
		if (doc != NULL)
		{
			RvBuf		w;
			char		path[4096];

			rv_buf_init(&w, 64);
			rv_wire_encode(doc, &w);
			snprintf(path, sizeof(path), "%s/wire%02d", argv[1], i - 1);
			f = fopen(path, "wb");
			fwrite(w.data, 1, w.len, f);
			fclose(f);
			rv_free(w.data);
			rv_doc_free(doc);
		}
	}
	return 0;
}
