/*
 * rv_query.h
 *	  The reviewquery core: parser, normalization, canonical output, binary
 *	  form and evaluation.  Pure C, no postgres.h (see rv_core.h).
 *
 * A query is a tree stored as an array of items in prefix (Polish) order:
 * "a & !b" is [AND, TERM a, NOT, TERM b].  Every RvQuery is ONE allocation
 * (header, items and term text together, except that a deserialized query's
 * text points into the caller's bytes), so rv_query_free() -- or pfree() in
 * the server -- releases it.
 *
 * Text syntax (rv_query_parse):
 *	 word		bare word: a run of characters other than white space and
 *				& | ! ( ) " < *  ('don't' style apostrophes inside are kept;
 *				a backslash escapes any one character)
 *	 'lexeme'	exact lexeme (RVQ_EXACT): '' inside is one quote, \ escapes
 *	 "a b c"	phrase of raw words, adjacent (distance 1)
 *	 word*		prefix match (also 'lexeme'* and words inside "...")
 *	 !x			NOT (binds tightest)
 *	 x <-> y	PHRASE, distance 1; x <N> y distance N (1..RVQ_MAX_DISTANCE);
 *				operands must be terms or phrases
 *	 x & y		AND; also implicit between adjacent operands ("x y")
 *	 x | y		OR (binds loosest);  ( ) group;  all left-associative
 * Empty or all-blank input is the empty query (nitems = 0, matches nothing).
 *
 * Canonical output (rv_query_out) single-quotes every term, so it re-parses
 * with RVQ_EXACT set on every term; rv_query_normalize() sets RVQ_EXACT on
 * everything it returns, hence parse(out(q)) == q for normalized queries.
 */
#ifndef RV_QUERY_H
#define RV_QUERY_H

#include <string.h>

#include "rv_core.h"

#define RVQ_PREFIX	0x01		/* word*: every lexeme starting with the term */
#define RVQ_EXACT	0x02		/* 'quoted': already a lexeme, don't normalize */

/* Limits; exceeding one is RV_ERR_LIMIT (distance: RV_ERR_SYNTAX on input). */
#define RVQ_MAX_DEPTH		256 /* parser nesting: ( and ! */
#define RVQ_MAX_TREE_DEPTH	4096	/* item tree depth: chains are balanced, so
										 * 256 levels of ( and ! within
										 * RVQ_MAX_ITEMS stay well below it;
										 * binary input may not exceed it */
#define RVQ_MAX_ITEMS		16384
#define RVQ_MAX_TERM_LEN	2047	/* bytes */
#define RVQ_MAX_DISTANCE	16384

typedef enum RvQOp
{
	RVQ_TERM = 1,
	RVQ_AND,
	RVQ_OR,
	RVQ_NOT,
	RVQ_PHRASE
} RvQOp;

typedef struct RvQItem
{
	RvQOp		op;
	uint8_t		flags;			/* TERM: RVQ_PREFIX | RVQ_EXACT; else 0 */
	uint16_t	distance;		/* PHRASE: right operand's first word is
								 * "distance" words after left's last (1 =
								 * adjacent); else 0 */
	const char *text;			/* TERM: UTF-8, not NUL-terminated */
	uint32_t	len;			/* TERM: bytes, 1..RVQ_MAX_TERM_LEN */
	uint32_t	offset;			/* 1-based character position in the input,
								 * for messages; 0 after deserialize;
								 * normalize keeps each term's offset on
								 * its lexemes */
} RvQItem;

/*
 * Are two TERM items the same term (the same text, both prefixes or
 * neither)?  A query's repeats of a term score and count once.
 */
static inline bool
rv_query_same_term(const RvQItem *a, const RvQItem *b)
{
	return a->len == b->len && (a->flags & RVQ_PREFIX) == (b->flags & RVQ_PREFIX) &&
		memcmp(a->text, b->text, a->len) == 0;
}

typedef struct RvQuery
{
	RvQItem    *items;			/* prefix order */
	uint32_t	nitems;
} RvQuery;

/*
 * Parses the text syntax above.  NULL on error: RV_ERR_SYNTAX with
 * err->offset = 1-based character position of the offending character
 * (number of characters + 1 for "unexpected end of input"),
 * RV_ERR_ENCODING for invalid UTF-8 or NUL, RV_ERR_LIMIT for limits.
 * Terms come out raw (bare and "phrase" words) or RVQ_EXACT ('quoted').
 */
extern RvQuery *rv_query_parse(const char *s, size_t len, RvError *err);

/*
 * Normalization.  The callback turns one raw term into 0..n lexemes.  The
 * arrays it stores in *out need only stay valid until the next call (they
 * are copied).  pos[i] is the word position of lex[i] relative to the term's
 * first word, strictly increasing (stop words removed still count, so pos may
 * skip); pos == NULL means 0, 1, 2, ...  Returns false with *err set on
 * failure.
 */
typedef struct RvQLexemes
{
	const char **lex;
	const uint32_t *len;
	const uint32_t *pos;
	uint32_t	n;
} RvQLexemes;

typedef bool (*RvQNormalizeFn) (void *arg, const RvQItem *term,
								RvQLexemes *out, RvError *err);

/*
 * Calls fn for every TERM without RVQ_EXACT and rebuilds the query:
 * 0 lexemes (stop word) drops the operand, simplifying like tsquery (AND/OR
 * with one side left becomes that side, NOT of nothing is nothing, phrases
 * keep the distance of vanished words: "end of the film" -> 'end' <3> 'film');
 * n > 1 lexemes become a PHRASE chain using pos[] (RVQ_PREFIX goes to the
 * last lexeme).  Phrases come out as left-deep chains.  Every term of the
 * result has RVQ_EXACT.  May return the empty query; NULL on error.
 */
extern RvQuery *rv_query_normalize(const RvQuery *q, RvQNormalizeFn fn,
								   void *arg, RvError *err);

/*
 * Canonical text: 'class' & ( 'wealth' | 'money' ) & !'love', 'happi'*,
 * 'final' <-> 'scene', 'end' <3> 'film'.  Minimal parentheses; appends to
 * an initialized RvBuf (not NUL-terminated).  Empty query: empty string.
 */
extern void rv_query_out(const RvQuery *q, RvBuf *out);

/*
 * Binary form (little-endian, independent of the platform, canonical: equal
 * queries give equal bytes):
 *	 u8 version (1), u32 nitems,
 *	 nitems x { u8 op, u8 flags, u16 distance, u32 len },
 *	 then the term texts concatenated in item order.
 */
extern size_t rv_query_serialized_size(const RvQuery *q);
extern void rv_query_serialize(const RvQuery *q, char *dst);

/*
 * Validates everything (version, exact length, ops, flags, one well-formed
 * tree, phrase operands, lengths, UTF-8 without NUL, limits) and returns
 * NULL with RV_ERR_BINARY (or RV_ERR_LIMIT) on any problem; never reads
 * outside data[0..len).  Term text points into data, which must outlive
 * the result.
 */
extern RvQuery *rv_query_deserialize(const char *data, size_t len,
									 RvError *err);

/*
 * Sorted, duplicate-free word positions of a term in a document (prefix
 * terms: the callback merges all matching lexemes); returns the count.
 * *pos need only stay valid until the next call (phrases copy it).
 */
typedef int64_t (*RvQPositionsFn) (void *arg, const RvQItem *term,
								   const uint32_t **pos);

/* Full evaluation with positions; the empty query matches nothing. */
extern bool rv_query_match(const RvQuery *q, RvQPositionsFn fn, void *arg);

typedef enum RvQTri
{
	RVQ_FALSE = 0,
	RVQ_TRUE = 1,
	RVQ_MAYBE = 2
} RvQTri;

/*
 * Three-valued evaluation over term presence, for GIN: term_values[k] is
 * the value of the k-th TERM item in item order.  A PHRASE whose terms are
 * all present (or maybe) is MAYBE and sets *needs_recheck, since the index
 * does not know positions.  Empty query: FALSE.
 */
extern RvQTri rv_query_eval_tri(const RvQuery *q, const RvQTri *term_values,
								bool *needs_recheck);

/*
 * The rule every term and keyword obeys: no control character (U+0000 to
 * U+001F, U+007F to U+009F).  Review keywords never have one, and the GIN
 * keys of keywords seen only inside spoilers begin with one (\x01, see
 * review_opclass.h), so a term with one could only ever reach those keys.
 * The parser, the deserializer and normalization refuse such terms; the glue
 * refuses such words for ?, ?| and ?& and drops such keywords.  s[0..len)
 * must be valid UTF-8.  Returns true if it has none; otherwise false, with
 * *bad = byte offset of the first and *cp = its code point.
 */
extern bool rv_term_valid(const char *s, size_t len, size_t *bad,
						  uint32_t *cp);

/* Number of TERM items. */
extern uint32_t rv_query_nterms(const RvQuery *q);

/*
 * True if every match needs at least one term present, so GIN may scan the
 * terms' entries only; false for e.g. "!x" or "a | !b" (scan everything).
 * True for the empty query, which matches nothing (extract 0 entries).
 */
extern bool rv_query_has_positive_term(const RvQuery *q);

extern void rv_query_free(RvQuery *q);

#endif							/* RV_QUERY_H */
