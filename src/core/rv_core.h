/*
 * rv_core.h
 *	  Shared definitions of the pg_review core: the parsed form of a review,
 *	  errors reported as values, and the allocator hook.
 *
 * Nothing under src/rv_*.c includes postgres.h: the core builds and runs in
 * the unit-test and fuzz binaries as well as in the server.  The glue files
 * (src/review_*.c, src/reviewquery_*.c) convert Datums, install palloc as the
 * allocator and turn RvError values into ereport() calls.
 */
#ifndef RV_CORE_H
#define RV_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest value we build: PostgreSQL's MaxAllocSize less a varlena header. */
#define RV_MAX_VALUE_SIZE	((size_t) 0x3fffffff - 64)

/* Kinds of failure; the glue maps each to one SQLSTATE. */
typedef enum RvErrCode
{
	RV_OK = 0,
	RV_ERR_SYNTAX,				/* malformed text input: 22P02 */
	RV_ERR_ENCODING,			/* invalid UTF-8 or a NUL byte: 22021 */
	RV_ERR_BINARY,				/* malformed binary input: 22P03 */
	RV_ERR_LIMIT,				/* value would be too large: 54000 */
	RV_ERR_INTERNAL,			/* ICU or allocator failure: XX000 */
	RV_ERR_CANCELED				/* the interrupt callback asked to stop: 57014 */
} RvErrCode;

/*
 * An error as a value.  "line" (1-based, 0 if not applicable) locates errors
 * in front matter; "offset" (1-based character position in the whole input,
 * 0 if not applicable) locates errors in markup.  "detail" is a complete
 * sentence suitable for errdetail().
 */
typedef struct RvError
{
	RvErrCode	code;
	int			line;
	int64_t		offset;
	char		detail[256];
} RvError;

extern void rv_error_set(RvError *err, RvErrCode code, int line,
						 int64_t offset, const char *fmt,...)
			__attribute__((format(printf, 5, 6)));

/*
 * Allocation goes through these hooks: malloc by default, palloc in the
 * server (so an ERROR raised elsewhere in a query never leaks core memory).
 * rv_alloc never returns NULL: the default hook aborts on exhaustion and
 * palloc raises an ERROR.
 */
typedef struct RvAllocator
{
	void	   *(*alloc) (size_t size);
	void	   *(*realloc) (void *ptr, size_t size);
	void		(*free) (void *ptr);
} RvAllocator;

extern void rv_set_allocator(const RvAllocator *a);
extern void *rv_alloc(size_t size);
extern void *rv_alloc0(size_t size);
extern void *rv_realloc(void *ptr, size_t size);
extern void rv_free(void *ptr);
extern char *rv_strndup(const char *s, size_t len);

/*
 * Interrupts.  Every long loop of the core (markup, UTF-8 validation, ICU
 * segmentation, stop words, the detector, keyword grouping, the layout)
 * calls RV_CHECK_INTERRUPTS() once an iteration; every RV_INTERRUPT_INTERVAL
 * calls it runs the callback (as PostGIS's lwgeom_set_interrupt_callback).
 * The callback may return true to ask the core to stop, and the core then
 * unwinds cleanly with RV_ERR_CANCELED (what the unit tests check); the
 * server's callback calls CHECK_FOR_INTERRUPTS() instead, whose ERROR
 * longjmps out of the core: that is safe because the core's memory comes
 * from palloc and its ICU text handles live on the stack (the cached break
 * iterators are pointed at new text at every use).  rv_request_interrupt()
 * (safe in a signal handler) asks the same as a callback returning true.
 */
typedef bool (*RvInterruptCallback) (void);

#define RV_INTERRUPT_INTERVAL 8192

extern void rv_set_interrupt_callback(RvInterruptCallback cb);
extern void rv_request_interrupt(void);
extern bool rv_interrupt_poll(void);
extern bool rv_interrupted(RvError *err);
extern int	rv_interrupt_countdown;

/*
 * True when the core must stop (rarely: the callback asked); then call
 * rv_interrupted(err) to set the error and clear the request.
 */
#define RV_CHECK_INTERRUPTS() \
	(--rv_interrupt_countdown <= 0 && rv_interrupt_poll())


/*
 * What a counting buffer (rv_buf_init_tally) keeps of the bytes appended to
 * it: how long they are, and how long each escaping PostgreSQL applies on
 * output would make them.
 */
typedef struct RvTally
{
	uint64_t	bytes;
	uint64_t	copy;			/* COPY TO text: \b \f \n \r \t \v, backslash doubled */
	uint64_t	quotes;			/* '"' bytes: COPY TO CSV doubles them */
	uint64_t	json;			/* inside a JSON string, as jsonb prints it */
	uint64_t	json_copy;		/* that JSON, as COPY TO text escapes it */
} RvTally;

/*
 * A growable byte buffer; or, with tally set, one that only counts (data
 * stays NULL and len grows).
 */
typedef struct RvBuf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	RvTally    *tally;
} RvBuf;

extern void rv_buf_init(RvBuf *b, size_t cap);
extern void rv_buf_init_tally(RvBuf *b, RvTally *tally);
extern void rv_tally_bytes(RvTally *t, const char *s, size_t len);
extern void rv_buf_append(RvBuf *b, const void *data, size_t len);
extern void rv_buf_append_char_grow(RvBuf *b, char c);
extern void rv_buf_append_str(RvBuf *b, const char *s);
extern void rv_buf_printf(RvBuf *b, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));

/* One byte: a store when there is room, a call only to grow or count. */
static inline void
rv_buf_append_char(RvBuf *b, char c)
{
	if (b->tally == NULL && b->len + 2 <= b->cap)
	{
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
	}
	else
		rv_buf_append_char_grow(b, c);
}

/* A marked spoiler span: byte range of the body, with an optional label. */
typedef struct RvSpan
{
	uint32_t	start;			/* byte offset into the body */
	uint32_t	len;			/* bytes, > 0 */
	const char *label;			/* [spoiler=label] or <summary>; NULL if none */
	uint32_t	label_len;
} RvSpan;

/* A sentence: byte range of the body, trimmed of surrounding white space. */
typedef struct RvSentence
{
	uint32_t	start;
	uint32_t	end;			/* exclusive */
} RvSentence;

/*
 * A review as written: what equality, output and the binary format are made
 * of.  Everything else stored in a value is derived from these fields.
 * Strings are not NUL-terminated; a NULL pointer means "not set".
 */
typedef struct RvDoc
{
	const char *lang;			/* BCP 47, canonical case; always set */
	uint32_t	lang_len;
	const char *title;
	uint32_t	title_len;
	const char *author;
	uint32_t	author_len;
	const char *rating;			/* as written */
	uint32_t	rating_len;
	float		rating_norm;	/* 0..100 when rating is set, else -1 */
	bool		warning;		/* review-level "contains spoilers" line */
	const char *body;			/* markup removed, spoilers kept */
	uint32_t	body_len;
	RvSpan	   *spans;			/* in body order, disjoint, non-empty */
	uint32_t	nspans;
} RvDoc;

#define RV_DEFAULT_LANG "en"
#define RV_LANG_BUFSIZE 36		/* a BCP 47 tag (35 bytes at most) + NUL */

#endif							/* RV_CORE_H */
