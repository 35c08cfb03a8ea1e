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

/* Total order consistent with equality (all fields as written). */
extern int	rv_doc_cmp(const RvDoc *a, const RvDoc *b);

/* Binary wire format (send/recv): network byte order, versioned. */
#define RV_WIRE_VERSION 1
extern void rv_wire_encode(const RvDoc *doc, RvBuf *out);
extern RvDoc *rv_wire_decode(const char *data, size_t len, RvError *err);

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
