/*
 * rv_layout.h
 *	  The stored form of a review value.
 *
 * A review is a varlena laid out as follows (version 3); every integer is
 * native-endian (the binary wire format in rv_wire.c is separate and
 * portable), every array 4-byte aligned:
 *
 *	RvHeader	version, flags, counts, rating, review-level spoiler score,
 *				string lengths
 *	meta		lang, title, author, rating text (as written), padded to 4;
 *				first, so the accessors of metadata fetch a short prefix of a
 *				TOASTed value
 *	lex			uint32[nlex]: where each keyword starts in kwdata; keywords
 *				sorted bytewise, distinct
 *	kwdata		(lexstr_len bytes) per keyword: varint length, the UTF-8
 *				bytes, varint (npos << 1 | visible), then npos varints: the
 *				first position, then differences from the previous one;
 *				a position is (word number << 1) | RV_POS_HIDDEN when a reader
 *				who has not seen the film would not see it (marked span, or a
 *				sentence scoring >= the default threshold), and "visible" says
 *				whether any position is not hidden.  Varints are LEB128
 *				(7 bits a byte, low first), minimal.  Padded to 4.
 *	spans		RvSpanEntry[nspans]: marked spans (byte ranges of the body)
 *	sentences	RvSentEntry[nsents]: ICU sentences and their spoiler scores
 *	body		UTF-8, markup removed, spoilers kept
 *	labels		span labels
 *
 * Matching and ranking read everything up to kwdata and nothing after
 * (RvLayout.match_end), so they fetch a prefix of a TOASTed value and
 * decompress neither the body nor the spans and sentences.  The keyword
 * section is about half the size it had in version 2 (about as large as a
 * tsvector of the same text), which is what a phrase recheck decompresses.
 *
 * Older versions are still read, through the same functions:
 *	version 2	spans, sentences, RvLexEntry[nlex] (16 bytes each),
 *				uint32[npos] positions, keyword strings, body, labels
 *	version 1	as 2, with the keyword strings last (after labels)
 * Code outside rv_layout.c reads keywords and positions only with
 * rv_layout_keyword() and rv_layout_positions().
 *
 * The fields as written (metadata, warning flag, body, spans) make the value;
 * everything else is derived from them at input and never re-derived by
 * queries.  Equality and ordering look only at the fields as written.
 */
#ifndef RV_LAYOUT_H
#define RV_LAYOUT_H

#include <stdbool.h>
#include <string.h>

#include "rv_core.h"

#define RV_LAYOUT_VERSION	3		/* written */
#define RV_LAYOUT_VERSION_MIN	1		/* oldest still read */

/* Is a stored value's format version one this build reads? */
#define RV_LAYOUT_VERSION_OK(v) ((v) >= RV_LAYOUT_VERSION_MIN && (v) <= RV_LAYOUT_VERSION)

#define RV_FLAG_WARNING		0x01
#define RV_FLAG_TITLE		0x02
#define RV_FLAG_AUTHOR		0x04
#define RV_FLAG_RATING		0x08
#define RV_FLAG_ALL			0x0F

#define RV_POS_HIDDEN		1u
#define RV_LEX_VISIBLE		0x0001	/* has a position that is not hidden */
#define RV_MAX_LEXEME		1024	/* longer "words" are not indexed */

typedef struct RvHeader
{
	int32_t		vl_len_;		/* varlena header (do not touch directly) */
	uint8_t		version;
	uint8_t		flags;
	uint16_t	reserved;
	uint32_t	nspans;
	uint32_t	nsents;
	uint32_t	nlex;
	uint32_t	npos;
	uint32_t	nwords;
	float		rating;			/* 0..100, or -1 */
	float		score;			/* review-level spoiler score */
	uint32_t	lang_len;
	uint32_t	title_len;
	uint32_t	author_len;
	uint32_t	rating_len;
	uint32_t	body_len;
	uint32_t	labels_len;
	uint32_t	lexstr_len;
} RvHeader;

typedef struct RvSpanEntry
{
	uint32_t	start;
	uint32_t	len;
	uint32_t	label_off;		/* into labels */
	uint32_t	label_len;		/* UINT32_MAX: no label */
} RvSpanEntry;

typedef struct RvSentEntry
{
	uint32_t	start;
	uint32_t	end;
	float		score;
} RvSentEntry;

/* A keyword entry of versions 1 and 2. */
typedef struct RvLexEntry
{
	uint32_t	off;			/* into lexstr */
	uint16_t	len;
	uint16_t	flags;			/* RV_LEX_VISIBLE */
	uint32_t	pos_off;		/* index of the first position */
	uint32_t	npos;
} RvLexEntry;

/*
 * A keyword with its positions, as the analysis produces it: either pos[npos]
 * or, when pos is NULL, the npos positions already encoded as in kwdata
 * (posdata_len bytes of varint differences; "visible" as in kwdata), which
 * is how the server collects them: about a byte a word, not 4 or more.
 */
typedef struct RvLexeme
{
	const char *str;
	uint32_t	len;
	const uint32_t *pos;
	uint32_t	npos;
	const unsigned char *posdata;
	uint32_t	posdata_len;
	bool		visible;
} RvLexeme;

/* What input derives from the fields as written. */
typedef struct RvAnalysis
{
	RvSentence *sents;
	float	   *scores;			/* per sentence */
	uint32_t	nsents;
	float		score;			/* review level */
	RvLexeme   *lex;			/* sorted by rv_lexcmp, distinct */
	uint32_t	nlex;
	uint32_t	nwords;
} RvAnalysis;

/* Section offsets of a value, computed from its header. */
typedef struct RvLayout
{
	size_t		meta;
	size_t		spans;
	size_t		sents;
	size_t		lex;
	size_t		pos;
	size_t		body;
	size_t		labels;
	size_t		lexstr;			/* version 3: kwdata */
	size_t		match_end;		/* matching reads [0, match_end) only */
	size_t		total;
} RvLayout;

/* One keyword of a stored value (rv_layout_keyword). */
typedef struct RvKeyword
{
	const char *str;
	uint32_t	len;
	uint32_t	npos;
	bool		visible;		/* a position a spoiler-free reader sees */
	const unsigned char *posdata;	/* version 3: the encoded positions */
	const uint32_t *pos;		/* versions 1, 2: the positions */
} RvKeyword;

/* Bytewise order of keywords; a proper prefix sorts first. */
static inline int
rv_lexcmp(const char *a, uint32_t alen, const char *b, uint32_t blen)
{
	int			c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

/*
 * Computes offsets for h's format version (RV_LAYOUT_VERSION_OK); false if
 * the sizes overflow RV_MAX_VALUE_SIZE.
 */
extern bool rv_layout_compute(const RvHeader *h, RvLayout *l);

/*
 * Size of the value for doc + analysis, or 0 if over RV_MAX_VALUE_SIZE or
 * when the interrupt callback asked to stop (then rv_interrupted() is true).
 */
extern size_t rv_layout_size(const RvDoc *doc, const RvAnalysis *an);

/* Writes the value into dst (size from rv_layout_size, zeroed); not vl_len_. */
extern void rv_layout_write(const RvDoc *doc, const RvAnalysis *an, void *dst);

/*
 * A read-only view of the fields as written; strings point into the value,
 * only doc->spans is allocated (release with rv_layout_doc_release).
 */
extern void rv_layout_doc(const RvHeader *h, RvDoc *doc);
extern void rv_layout_doc_release(RvDoc *doc);

/* Checks every offset, length, order and UTF-8 of a stored value. */
extern bool rv_layout_validate(const void *p, size_t size, RvError *err);

/* Section accessors. */
#define RV_SECTION(h, l, field, type) ((const type *) ((const char *) (h) + (l)->field))

/* Keyword i (< h->nlex) of a value validated or checked by review_layout. */
extern void rv_layout_keyword(const RvHeader *h, const RvLayout *l, uint32_t i,
							  RvKeyword *kw);

/* Its positions, (word << 1) | RV_POS_HIDDEN, ascending, into out[kw->npos]. */
extern void rv_layout_positions(const RvKeyword *kw, uint32_t *out);

/* Binary search of a keyword; returns its index or -1. */
extern int64_t rv_layout_find_lexeme(const RvHeader *h, const RvLayout *l,
									 const char *s, uint32_t len);

/* Index of the first keyword >= s (for prefix scans). */
extern uint32_t rv_layout_lower_bound(const RvHeader *h, const RvLayout *l,
									  const char *s, uint32_t len);

#endif							/* RV_LAYOUT_H */
