/*
 * review_datum.c
 *	  Reading a stored review: checking its header and layout, and
 *	  detoasting only the prefix that matching and ranking read.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/toast_compression.h"

#include "review_datum.h"

/*
 * r itself if its header is whole and of a known format version: a value
 * shorter than the header is corrupt, and no field of it may be read.
 */
Review *
review_checked_header(Review *r)
{
	if (VARSIZE(r) < sizeof(RvHeader))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type review is corrupted"),
				 errdetail("The value has %zu bytes, less than its %zu-byte header.",
						   (size_t) VARSIZE(r), sizeof(RvHeader))));
	if (!RV_LAYOUT_VERSION_OK(r->version))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type review is corrupted"),
				 errdetail("Format version %u, %zu bytes.", r->version, (size_t) VARSIZE(r))));
	return r;
}

void
review_layout(const Review *r, RvLayout *l)
{
	review_checked_header((Review *) r);
	if (!rv_layout_compute(r, l) || l->total != VARSIZE(r))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type review is corrupted"),
				 errdetail("Format version %u, %zu bytes.", r->version, (size_t) VARSIZE(r))));
}

/* The whole value (as is, when it is in the row uncompressed). */
static Review *
detoast_whole(Datum d, RvLayout *l)
{
	Review	   *h = (Review *) PG_DETOAST_DATUM(d);

	review_layout(h, l);
	return h;
}

/*
 * Share of a value's bytes up to match_end, in 1/1024ths, as seen in the
 * last value this backend fetched: the next value of a scan is fetched with
 * one slice of that share (plus a margin), and only when it falls short is
 * the rest up to match_end fetched with a second.  Each slice of a value
 * stored out of line is a TOAST index lookup, which for a typical review
 * costs as much as decompressing its keywords.
 */
static uint32 prefix_share = 512;

/*
 * The value of Datum d up to the end of what matching and ranking read
 * (RvLayout.match_end: header, metadata and keywords with their positions;
 * in version 2 also spans and sentences), not the body.  A TOASTed value is
 * fetched as a prefix (one slice, or two when the first was too short), so
 * the body is neither read from the TOAST table nor decompressed.  *l
 * describes the whole value; the caller must read no section from
 * l->match_end on (the value returned may hold more).  Values of layout
 * version 1 (keyword strings last) and values in the row are returned whole.
 */
Review *
review_detoast_prefix(Datum d, RvLayout *l)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(d);
	Review	   *h;
	Size		total,
				want;

	/* In the row, uncompressed or with a short header: nothing to save. */
	if (!VARATT_IS_EXTENDED(raw) || (VARATT_IS_SHORT(raw) && !VARATT_IS_EXTERNAL(raw)))
		return detoast_whole(d, l);

	/*
	 * A slice of an lz4-compressed value out of line fetches all of its
	 * compressed bytes (lz4 cannot tell how many a prefix needs): fetch them
	 * once here, so that the slices below only decompress.
	 */
	if (VARATT_IS_EXTERNAL_ONDISK(raw))
	{
		struct varatt_external ext;

		VARATT_EXTERNAL_GET_POINTER(ext, raw);
		if (VARATT_EXTERNAL_IS_COMPRESSED(ext) &&
			VARATT_EXTERNAL_GET_COMPRESS_METHOD(ext) == TOAST_LZ4_COMPRESSION_ID)
		{
			raw = detoast_external_attr(raw);
			d = PointerGetDatum(raw);
		}
	}

	total = toast_raw_datum_size(d);
	want = Max(total / 1024 * prefix_share + total % 1024 * prefix_share / 1024 + 128,
			   sizeof(RvHeader));
	if (want + 256 >= total)
		return detoast_whole(d, l);
	h = (Review *) PG_DETOAST_DATUM_SLICE(d, 0, (int32) (want - VARHDRSZ));
	if (VARSIZE(h) < sizeof(RvHeader) || h->version < 2 ||
		!RV_LAYOUT_VERSION_OK(h->version))
		return detoast_whole(d, l);
	if (!rv_layout_compute(h, l) || l->total != total || VARSIZE(h) != want)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type review is corrupted"),
				 errdetail("Format version %u, %zu bytes.", h->version, (size_t) total)));
	/* A little over this value's share, for the next one. */
	prefix_share = (uint32) Min((uint64) l->match_end * 1024 / total + 16, 1024);
	if (l->match_end <= want)
	{
		Assert(VARSIZE(h) >= l->match_end);
		return h;
	}
	pfree(h);
	/* The rest is short: one whole fetch beats two slices. */
	if (l->total - l->match_end < 256)
		return detoast_whole(d, l);
	h = (Review *) PG_DETOAST_DATUM_SLICE(d, 0, (int32) (l->match_end - VARHDRSZ));
	if (VARSIZE(h) != l->match_end)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored value of type review is corrupted"),
				 errdetail("A prefix of %zu bytes of a %zu-byte value has %zu bytes.",
						   l->match_end, (size_t) total, (size_t) VARSIZE(h))));
	Assert(l->total == total);
	return h;
}

void
review_lang_of(const Review *r, const RvLayout *l, char *lang)
{
	uint32		n = Min(r->lang_len, RV_LANG_BUFSIZE - 1);

	memcpy(lang, (const char *) r + l->meta, n);
	lang[n] = '\0';
}
