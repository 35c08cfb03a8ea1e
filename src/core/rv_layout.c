/*
 * rv_layout.c
 *	  Building, reading and validating the stored form of a review (see
 *	  rv_layout.h for the layout).
 */
#include <stdio.h>
#include <string.h>

#include "rv_layout.h"
#include "rv_utf8.h"
#include "rv_varint.h"

#define ALIGN4(x) (((x) + 3) & ~(size_t) 3)

bool
rv_layout_compute(const RvHeader *h, RvLayout *l)
{
	uint64_t	off = sizeof(RvHeader);

	l->meta = (size_t) off;
	off += (uint64_t) h->lang_len + h->title_len + h->author_len + h->rating_len;
	off = ALIGN4(off);
	if (h->version >= 3)
	{
		l->lex = (size_t) off;
		off += (uint64_t) h->nlex * sizeof(uint32_t);
		l->pos = l->lexstr = (size_t) off;
		off += h->lexstr_len;
		l->match_end = (size_t) off;
		off = ALIGN4(off);
		l->spans = (size_t) off;
		off += (uint64_t) h->nspans * sizeof(RvSpanEntry);
		l->sents = (size_t) off;
		off += (uint64_t) h->nsents * sizeof(RvSentEntry);
		l->body = (size_t) off;
		off += h->body_len;
		l->labels = (size_t) off;
		off += h->labels_len;
		l->total = (size_t) off;
		return off <= RV_MAX_VALUE_SIZE;
	}
	l->spans = (size_t) off;
	off += (uint64_t) h->nspans * sizeof(RvSpanEntry);
	l->sents = (size_t) off;
	off += (uint64_t) h->nsents * sizeof(RvSentEntry);
	l->lex = (size_t) off;
	off += (uint64_t) h->nlex * sizeof(RvLexEntry);
	l->pos = (size_t) off;
	off += (uint64_t) h->npos * sizeof(uint32_t);
	if (h->version >= 2)
	{
		l->lexstr = (size_t) off;
		off += h->lexstr_len;
	}
	l->body = (size_t) off;
	l->match_end = (size_t) off;
	off += h->body_len;
	l->labels = (size_t) off;
	off += h->labels_len;
	if (h->version < 2)
	{
		l->lexstr = (size_t) off;
		off += h->lexstr_len;
	}
	l->total = (size_t) off;
	if (h->version < 2)
		l->match_end = l->total;
	return off <= RV_MAX_VALUE_SIZE;
}

/* Bytes of keyword x in kwdata. */
static uint64_t
keyword_size(const RvLexeme *x)
{
	uint64_t	n = rv_varint_size(x->len) + x->len + rv_varint_size(x->npos << 1);
	uint32_t	prev = 0;

	if (x->pos == NULL)
		return n + x->posdata_len;
	for (uint32_t k = 0; k < x->npos; k++)
	{
		uint32_t	w = x->pos[k] >> 1;

		n += rv_varint_size(((k == 0 ? w : w - prev) << 1) | (x->pos[k] & RV_POS_HIDDEN));
		prev = w;
	}
	return n;
}

/* Fills the header's counts and lengths from doc + analysis. */
static bool
fill_header(const RvDoc *doc, const RvAnalysis *an, RvHeader *h, bool interruptible)
{
	uint64_t	labels = 0,
				lexstr = 0,
				npos = 0;

	memset(h, 0, sizeof(*h));
	h->version = RV_LAYOUT_VERSION;
	h->flags = (doc->warning ? RV_FLAG_WARNING : 0) | (doc->title ? RV_FLAG_TITLE : 0) |
		(doc->author ? RV_FLAG_AUTHOR : 0) | (doc->rating ? RV_FLAG_RATING : 0);
	h->nspans = doc->nspans;
	h->nsents = an->nsents;
	h->nlex = an->nlex;
	h->nwords = an->nwords;
	h->rating = doc->rating ? doc->rating_norm : -1;
	h->score = an->score;
	h->lang_len = doc->lang_len;
	h->title_len = doc->title ? doc->title_len : 0;
	h->author_len = doc->author ? doc->author_len : 0;
	h->rating_len = doc->rating ? doc->rating_len : 0;
	h->body_len = doc->body_len;
	for (uint32_t i = 0; i < doc->nspans; i++)
		labels += doc->spans[i].label ? doc->spans[i].label_len : 0;
	/* Each position takes a byte at least: refuse before reading them. */
	for (uint32_t i = 0; i < an->nlex; i++)
	{
		if (interruptible && RV_CHECK_INTERRUPTS())
			return false;		/* the caller asks rv_interrupted() */
		lexstr += an->lex[i].len;
		npos += an->lex[i].npos;
	}
	if (labels > RV_MAX_VALUE_SIZE || lexstr + npos > RV_MAX_VALUE_SIZE)
		return false;
	lexstr = 0;
	for (uint32_t i = 0; i < an->nlex; i++)
	{
		if (interruptible && RV_CHECK_INTERRUPTS())
			return false;
		lexstr += keyword_size(&an->lex[i]);
	}
	if (lexstr > RV_MAX_VALUE_SIZE)
		return false;
	h->labels_len = (uint32_t) labels;
	h->lexstr_len = (uint32_t) lexstr;
	h->npos = (uint32_t) npos;
	return true;
}

size_t
rv_layout_size(const RvDoc *doc, const RvAnalysis *an)
{
	RvHeader	h;
	RvLayout	l;

	if (!fill_header(doc, an, &h, true) || !rv_layout_compute(&h, &l))
		return 0;
	return l.total;
}

void
rv_layout_write(const RvDoc *doc, const RvAnalysis *an, void *dst)
{
	RvHeader   *h = dst;
	RvLayout	l;
	char	   *base = dst;
	char	   *p;
	RvSpanEntry *spans;
	RvSentEntry *sents;
	uint32_t   *lex;
	unsigned char *kw;
	uint32_t	label_off = 0;

	fill_header(doc, an, h, false);
	rv_layout_compute(h, &l);

	p = base + l.meta;
	memcpy(p, doc->lang, doc->lang_len);
	p += doc->lang_len;
	if (doc->title)
		memcpy(p, doc->title, doc->title_len), p += doc->title_len;
	if (doc->author)
		memcpy(p, doc->author, doc->author_len), p += doc->author_len;
	if (doc->rating)
		memcpy(p, doc->rating, doc->rating_len), p += doc->rating_len;

	spans = (RvSpanEntry *) (base + l.spans);
	for (uint32_t i = 0; i < doc->nspans; i++)
	{
		spans[i].start = doc->spans[i].start;
		spans[i].len = doc->spans[i].len;
		if (doc->spans[i].label)
		{
			spans[i].label_off = label_off;
			spans[i].label_len = doc->spans[i].label_len;
			memcpy(base + l.labels + label_off, doc->spans[i].label, doc->spans[i].label_len);
			label_off += doc->spans[i].label_len;
		}
		else
		{
			spans[i].label_off = 0;
			spans[i].label_len = UINT32_MAX;
		}
	}

	sents = (RvSentEntry *) (base + l.sents);
	for (uint32_t i = 0; i < an->nsents; i++)
	{
		sents[i].start = an->sents[i].start;
		sents[i].end = an->sents[i].end;
		sents[i].score = an->scores ? an->scores[i] : 0;
	}

	lex = (uint32_t *) (base + l.lex);
	kw = (unsigned char *) base + l.lexstr;
	for (uint32_t i = 0; i < an->nlex; i++)
	{
		const RvLexeme *x = &an->lex[i];
		uint32_t	visible = 0,
					prev = 0;

		if (x->pos == NULL)
			visible = x->visible;
		for (uint32_t k = 0; x->pos != NULL && k < x->npos; k++)
			if (!(x->pos[k] & RV_POS_HIDDEN))
				visible = 1;
		lex[i] = (uint32_t) (kw - ((unsigned char *) base + l.lexstr));
		kw = rv_varint_put(kw, x->len);
		memcpy(kw, x->str, x->len);
		kw += x->len;
		kw = rv_varint_put(kw, (x->npos << 1) | visible);
		if (x->pos == NULL)
		{
			memcpy(kw, x->posdata, x->posdata_len);
			kw += x->posdata_len;
			continue;
		}
		for (uint32_t k = 0; k < x->npos; k++)
		{
			uint32_t	w = x->pos[k] >> 1;

			kw = rv_varint_put(kw, ((k == 0 ? w : w - prev) << 1) | (x->pos[k] & RV_POS_HIDDEN));
			prev = w;
		}
	}

	memcpy(base + l.body, doc->body, doc->body_len);
}

void
rv_layout_doc(const RvHeader *h, RvDoc *doc)
{
	RvLayout	l;
	const char *base = (const char *) h;
	const char *meta;
	const RvSpanEntry *spans;

	rv_layout_compute(h, &l);
	meta = base + l.meta;
	memset(doc, 0, sizeof(*doc));
	doc->lang = meta;
	doc->lang_len = h->lang_len;
	meta += h->lang_len;
	if (h->flags & RV_FLAG_TITLE)
		doc->title = meta, doc->title_len = h->title_len;
	meta += h->title_len;
	if (h->flags & RV_FLAG_AUTHOR)
		doc->author = meta, doc->author_len = h->author_len;
	meta += h->author_len;
	if (h->flags & RV_FLAG_RATING)
		doc->rating = meta, doc->rating_len = h->rating_len;
	doc->rating_norm = h->rating;
	doc->warning = (h->flags & RV_FLAG_WARNING) != 0;
	doc->body = base + l.body;
	doc->body_len = h->body_len;
	doc->nspans = h->nspans;
	doc->spans = rv_alloc(sizeof(RvSpan) * (h->nspans ? h->nspans : 1));
	spans = (const RvSpanEntry *) (base + l.spans);
	for (uint32_t i = 0; i < h->nspans; i++)
	{
		doc->spans[i].start = spans[i].start;
		doc->spans[i].len = spans[i].len;
		doc->spans[i].label = spans[i].label_len == UINT32_MAX ? NULL : base + l.labels + spans[i].label_off;
		doc->spans[i].label_len = spans[i].label_len == UINT32_MAX ? 0 : spans[i].label_len;
	}
}

void
rv_layout_doc_release(RvDoc *doc)
{
	rv_free(doc->spans);
	doc->spans = NULL;
}

void
rv_layout_keyword(const RvHeader *h, const RvLayout *l, uint32_t i, RvKeyword *kw)
{
	const char *base = (const char *) h;

	if (h->version >= 3)
	{
		const uint32_t *offs = RV_SECTION(h, l, lex, uint32_t);
		const unsigned char *p = (const unsigned char *) base + l->lexstr + offs[i];
		uint32_t	v;

		p = rv_varint_get(p, &kw->len);
		kw->str = (const char *) p;
		p = rv_varint_get(p + kw->len, &v);
		kw->npos = v >> 1;
		kw->visible = (v & 1) != 0;
		kw->posdata = p;
		kw->pos = NULL;
	}
	else
	{
		const RvLexEntry *e = RV_SECTION(h, l, lex, RvLexEntry) + i;

		kw->str = base + l->lexstr + e->off;
		kw->len = e->len;
		kw->npos = e->npos;
		kw->visible = (e->flags & RV_LEX_VISIBLE) != 0;
		kw->posdata = NULL;
		kw->pos = RV_SECTION(h, l, pos, uint32_t) + e->pos_off;
	}
}

void
rv_layout_positions(const RvKeyword *kw, uint32_t *out)
{
	const unsigned char *p = kw->posdata;
	uint32_t	word = 0;

	if (kw->pos != NULL)
	{
		memcpy(out, kw->pos, sizeof(uint32_t) * kw->npos);
		return;
	}
	for (uint32_t k = 0; k < kw->npos; k++)
	{
		uint32_t	v;

		p = rv_varint_get(p, &v);
		word = (k == 0 ? 0 : word) + (v >> 1);
		out[k] = (word << 1) | (v & RV_POS_HIDDEN);
	}
}

/* The string of keyword i, without decoding its positions. */
static inline const char *
keyword_str(const RvHeader *h, const RvLayout *l, uint32_t i, uint32_t *len)
{
	if (h->version >= 3)
	{
		const uint32_t *offs = RV_SECTION(h, l, lex, uint32_t);

		return (const char *) rv_varint_get((const unsigned char *) h + l->lexstr + offs[i], len);
	}
	else
	{
		const RvLexEntry *e = RV_SECTION(h, l, lex, RvLexEntry) + i;

		*len = e->len;
		return (const char *) h + l->lexstr + e->off;
	}
}

int64_t
rv_layout_find_lexeme(const RvHeader *h, const RvLayout *l, const char *s, uint32_t len)
{
	uint32_t	i = rv_layout_lower_bound(h, l, s, len);
	uint32_t	klen;
	const char *k;

	if (i >= h->nlex)
		return -1;
	k = keyword_str(h, l, i, &klen);
	return rv_lexcmp(k, klen, s, len) == 0 ? (int64_t) i : -1;
}

uint32_t
rv_layout_lower_bound(const RvHeader *h, const RvLayout *l, const char *s, uint32_t len)
{
	uint32_t	lo = 0,
				hi = h->nlex;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		uint32_t	klen;
		const char *k = keyword_str(h, l, mid, &klen);

		if (rv_lexcmp(k, klen, s, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#define FAIL(...) do { rv_error_set(err, RV_ERR_BINARY, 0, 0, __VA_ARGS__); return false; } while (0)

static bool
in_range(uint64_t off, uint64_t len, uint64_t limit)
{
	return off <= limit && len <= limit - off;
}

static bool
char_boundary(const char *s, uint32_t len, uint32_t off)
{
	return off == len || ((unsigned char) s[off] & 0xC0) != 0x80;
}

/* The version 3 keyword section: offsets, varints, order, positions. */
static bool
validate_keywords(const RvHeader *h, const RvLayout *l, RvError *err)
{
	const uint32_t *offs = RV_SECTION(h, l, lex, uint32_t);
	const unsigned char *start = (const unsigned char *) h + l->lexstr;
	const unsigned char *end = start + h->lexstr_len;
	const unsigned char *p = start;
	const char *prev_str = NULL;
	uint32_t	prev_len = 0;
	uint64_t	pos_total = 0;
	size_t		bad;

	for (uint32_t i = 0; i < h->nlex; i++)
	{
		uint32_t	len,
					v,
					npos;
		uint64_t	word = 0;
		bool		visible = false;

		if (offs[i] != (uint32_t) (p - start))
			FAIL("The offset of keyword %u is wrong.", i + 1);
		if ((p = rv_varint_get_checked(p, end, &len)) == NULL || len == 0 ||
			len > (size_t) (end - p) || !rv_utf8_valid((const char *) p, len, &bad))
			FAIL("Keyword %u is empty, out of range or not UTF-8.", i + 1);
		if (i > 0 && rv_lexcmp(prev_str, prev_len, (const char *) p, len) >= 0)
			FAIL("Keywords %u and %u are out of order.", i, i + 1);
		prev_str = (const char *) p;
		prev_len = len;
		p += len;
		if ((p = rv_varint_get_checked(p, end, &v)) == NULL || (v >> 1) == 0)
			FAIL("The positions of keyword %u are out of range.", i + 1);
		npos = v >> 1;
		for (uint32_t k = 0; k < npos; k++)
		{
			uint32_t	d;

			if ((p = rv_varint_get_checked(p, end, &d)) == NULL)
				FAIL("The positions of keyword %u are out of range.", i + 1);
			if (k > 0 && (d >> 1) == 0)
				FAIL("The positions of keyword %u are out of order.", i + 1);
			word += d >> 1;
			if (word >= h->nwords)
				FAIL("The positions of keyword %u are out of order.", i + 1);
			if (!(d & RV_POS_HIDDEN))
				visible = true;
		}
		if ((v & 1) != (uint32_t) visible)
			FAIL("The flags of keyword %u disagree with its positions.", i + 1);
		pos_total += npos;
	}
	if (p != end)
		FAIL("The keyword data has %zu bytes after the last keyword.", (size_t) (end - p));
	if (pos_total != h->npos)
		FAIL("The position count does not match the keywords.");
	return true;
}

bool
rv_layout_validate(const void *p, size_t size, RvError *err)
{
	const RvHeader *h = p;
	const char *base = p;
	RvLayout	l;
	size_t		bad;
	uint64_t	pos_total = 0;

	if (size < sizeof(RvHeader))
		FAIL("The value is %zu bytes, smaller than its header.", size);
	if (!RV_LAYOUT_VERSION_OK(h->version))
		FAIL("Unsupported stored format version %u.", h->version);
	if (h->flags & ~RV_FLAG_ALL)
		FAIL("Unknown flag bits 0x%02x.", h->flags & ~RV_FLAG_ALL);
	if (!rv_layout_compute(h, &l) || l.total != size)
		FAIL("The section lengths do not add up to the value's %zu bytes.", size);
	if (!rv_utf8_valid(base + l.meta, (size_t) h->lang_len + h->title_len + h->author_len + h->rating_len, &bad))
		FAIL("The metadata is not valid UTF-8.");
	if (!rv_utf8_valid(base + l.body, h->body_len, &bad))
		FAIL("The body is not valid UTF-8 at byte %zu.", bad);
	if (!rv_utf8_valid(base + l.labels, h->labels_len, &bad))
		FAIL("A span label is not valid UTF-8.");

	{
		const RvSpanEntry *s = RV_SECTION(h, &l, spans, RvSpanEntry);
		uint32_t	prev = 0;

		for (uint32_t i = 0; i < h->nspans; i++)
		{
			if (s[i].len == 0 || s[i].start < prev || !in_range(s[i].start, s[i].len, h->body_len) ||
				!char_boundary(base + l.body, h->body_len, s[i].start) ||
				!char_boundary(base + l.body, h->body_len, s[i].start + s[i].len))
				FAIL("Spoiler span %u is empty, out of order or outside the body.", i + 1);
			if (s[i].label_len != UINT32_MAX && !in_range(s[i].label_off, s[i].label_len, h->labels_len))
				FAIL("The label of spoiler span %u is out of range.", i + 1);
			prev = s[i].start + s[i].len;
		}
	}
	{
		const RvSentEntry *s = RV_SECTION(h, &l, sents, RvSentEntry);
		uint32_t	prev = 0;

		for (uint32_t i = 0; i < h->nsents; i++)
		{
			if (s[i].start < prev || s[i].end <= s[i].start || s[i].end > h->body_len ||
				!(s[i].score >= 0 && s[i].score <= 1))
				FAIL("Sentence %u is out of order, outside the body or has a bad score.", i + 1);
			prev = s[i].end;
		}
	}
	if (h->version >= 3)
		return validate_keywords(h, &l, err);
	{
		const RvLexEntry *x = RV_SECTION(h, &l, lex, RvLexEntry);
		const uint32_t *pos = RV_SECTION(h, &l, pos, uint32_t);
		const char *strs = base + l.lexstr;

		for (uint32_t i = 0; i < h->nlex; i++)
		{
			uint16_t	visible = 0;

			if (x[i].len == 0 || !in_range(x[i].off, x[i].len, h->lexstr_len) ||
				!rv_utf8_valid(strs + x[i].off, x[i].len, &bad))
				FAIL("Keyword %u is empty, out of range or not UTF-8.", i + 1);
			if (i > 0 && rv_lexcmp(strs + x[i - 1].off, x[i - 1].len, strs + x[i].off, x[i].len) >= 0)
				FAIL("Keywords %u and %u are out of order.", i, i + 1);
			if (x[i].npos == 0 || x[i].pos_off != pos_total || !in_range(x[i].pos_off, x[i].npos, h->npos))
				FAIL("The positions of keyword %u are out of range.", i + 1);
			for (uint32_t k = 0; k < x[i].npos; k++)
			{
				uint32_t	v = pos[x[i].pos_off + k];

				if ((v >> 1) >= h->nwords || (k > 0 && (v >> 1) <= (pos[x[i].pos_off + k - 1] >> 1)))
					FAIL("The positions of keyword %u are out of order.", i + 1);
				if (!(v & RV_POS_HIDDEN))
					visible = RV_LEX_VISIBLE;
			}
			if (x[i].flags != visible)
				FAIL("The flags of keyword %u disagree with its positions.", i + 1);
			pos_total += x[i].npos;
		}
		if (pos_total != h->npos)
			FAIL("The position count does not match the keywords.");
	}
	return true;
}
