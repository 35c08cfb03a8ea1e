/*
 * rv_review.h
 *	  The review document as written: parsing its text form, printing the
 *	  canonical text form, the binary wire format, and comparison.
 */
#ifndef RV_REVIEW_H
#define RV_REVIEW_H

#include "rv_core.h"

/*
 * Parses the text form: optional front matter, optional warning line(s),
 * then the body with spoiler markup.  Returns an rv_alloc'd RvDoc whose
 * strings point into its own allocations, or NULL with *err set.
 */
extern RvDoc *rv_parse(const char *text, size_t len, RvError *err);

/*
 * Builds a document from separate parts, as review(body, title, rating,
 * lang, author) does: body is parsed for markup and warning lines; metadata
 * values are validated (NULL means not set; lang NULL means "en").
 */
extern RvDoc *rv_build(const char *body, size_t body_len,
					   const char *title, size_t title_len,
					   const char *rating, size_t rating_len,
					   const char *lang, size_t lang_len,
					   const char *author, size_t author_len,
					   RvError *err);

/* Prints the canonical text form: out(in(x)) parses to an equal value. */
extern void rv_format(const RvDoc *doc, RvBuf *out);

/* Prints body with the marked spans wrapped in canonical markup. */
extern void rv_format_body(const RvDoc *doc, RvBuf *out);

/* Prints the front matter and the warning line: what precedes the body. */
extern void rv_format_head(const RvDoc *doc, RvBuf *out);

/*
 * The sizes in bytes of a review's printed forms: what PostgreSQL must hold
 * in one buffer to output the value.
 */
typedef struct RvOutputSize
{
	uint64_t	text;			/* canonical text form (review_out) */
	uint64_t	copy_text;		/* that, as COPY TO escapes it (text format) */
	uint64_t	copy_csv;		/* that, as COPY TO quotes it (CSV), at most */
	uint64_t	wire;			/* binary form (review_send) */
	uint64_t	jsonb;			/* the jsonb value of review_to_jsonb, its data */
	uint64_t	json_text;		/* that jsonb printed (jsonb_out) */
	uint64_t	json_copy;		/* that, as COPY TO escapes it */
	uint64_t	json_csv;		/* that, as COPY TO quotes it (CSV), at most */
} RvOutputSize;

extern void rv_output_size(const RvDoc *doc, RvOutputSize *size);

/*
 * What PostgreSQL can output.  buffer: the most bytes one output buffer holds
 * (a StringInfo: MaxAllocSize - 1), which must take a row message's field
 * count and length besides a printed value (RV_OUTPUT_ROW_OVERHEAD), or a
 * COPY row's newline besides an escaped one (RV_OUTPUT_COPY_OVERHEAD).
 * jsonb: the most data bytes of a jsonb object (JENTRY_OFFLENMASK).
 */
typedef struct RvOutputLimits
{
	uint64_t	buffer;
	uint64_t	jsonb;
} RvOutputLimits;

#define RV_OUTPUT_MAX_BUFFER	((uint64_t) 0x3fffffff - 1)
#define RV_OUTPUT_MAX_JSONB		((uint64_t) 0x0fffffff)
#define RV_OUTPUT_ROW_OVERHEAD	6
#define RV_OUTPUT_COPY_OVERHEAD	1

/*
 * Can every printed form of doc be output within lim?  If not, false with
 * *err (RV_ERR_LIMIT) saying which form exceeds its limit and by how much.
 * Cheap for values far below the limits (no count is made).
 */
extern bool rv_check_output_size(const RvDoc *doc, const RvOutputLimits *lim,
								 RvError *err);

/* Total order consistent with equality (all fields as written). */
extern int	rv_doc_cmp(const RvDoc *a, const RvDoc *b);

/* Binary wire format (send/recv): network byte order, versioned. */
#define RV_WIRE_VERSION 1

/* Flags byte of the binary format. */
#define WF_WARNING	0x01
#define WF_TITLE	0x02
#define WF_AUTHOR	0x04
#define WF_RATING	0x08
#define WF_ALL		0x0F
extern void rv_wire_encode(const RvDoc *doc, RvBuf *out);
extern RvDoc *rv_wire_decode(const char *data, size_t len, RvError *err);
extern uint64_t rv_wire_size(const RvDoc *doc);	/* bytes rv_wire_encode writes */

extern void rv_doc_free(RvDoc *doc);

/* Markup (rv_markup.c). */
extern bool rv_markup_parse(const char *raw, size_t len, int64_t char_base,
							RvBuf *body, RvSpan **spans, uint32_t *nspans,
							RvError *err);
extern void rv_markup_escape(const char *s, size_t len, bool markup_follows,
							 RvBuf *out);

/* Review-level warning lines (rv_warning.c). */
extern bool rv_is_warning_line(const char *line, size_t len);
#define RV_WARNING_LINE "NOTE: This review contains spoilers"

/* Metadata values (rv_rating.c, rv_lang.c). */
extern bool rv_rating_parse(const char *s, size_t len, float *norm,
							char *why, size_t whylen);
extern bool rv_lang_canonical(const char *s, size_t len, char *out,
							  size_t outlen);
#define RV_LANG_MAXLEN 35

#endif							/* RV_REVIEW_H */
