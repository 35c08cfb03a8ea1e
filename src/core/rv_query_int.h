/*
 * rv_query_int.h
 *	  Internals shared by the rv_query*.c files: a tree builder used by the
 *	  parser and by normalization, and tree walking helpers.
 */
#ifndef RV_QUERY_INT_H
#define RV_QUERY_INT_H

#include "rv_query.h"

/* A node under construction; children are node indexes (-1: none). */
typedef struct RvQNode
{
	uint8_t		op;
	uint8_t		flags;
	uint16_t	distance;
	uint32_t	text;			/* TERM: byte offset into the builder's text */
	uint32_t	len;
	uint32_t	offset;
	int32_t		left;			/* NOT: the operand */
	int32_t		right;
} RvQNode;

typedef struct RvQBuilder
{
	RvQNode    *nodes;
	uint32_t	n;
	uint32_t	cap;
	RvBuf		text;
} RvQBuilder;

extern void rvq_builder_init(RvQBuilder *b);
extern void rvq_builder_free(RvQBuilder *b);
extern int32_t rvq_add_term(RvQBuilder *b, const char *text, uint32_t len,
							uint8_t flags, uint32_t offset, RvError *err);
extern int32_t rvq_add_op(RvQBuilder *b, RvQOp op, int32_t left,
						  int32_t right, uint16_t distance, uint32_t offset,
						  RvError *err);
/*
 * Joins operands[0..n) (n >= 1) with op, AND, OR or PHRASE, all of which are
 * associative (a PHRASE's right operand starts distance words after the end
 * of its left one, whatever their shapes): as a balanced tree, so a flat
 * chain of any length is only log2(n) levels deep.  For PHRASE, dist[k]
 * (k >= 1) is the distance between operands k-1 and k; NULL means 0 (AND,
 * OR).  offsets[k] (k >= 1), or NULL for 0, locates the operator before
 * operand k.  Returns the root, or -1 with *err set.
 */
extern int32_t rvq_add_chain(RvQBuilder *b, RvQOp op, const int32_t *operands,
							 const uint16_t *dist, const uint32_t *offsets,
							 uint32_t n, RvError *err);

/* A growable list of chain operands (operator data of operand k before it). */
typedef struct RvQChain
{
	int32_t    *operands;
	uint16_t   *dist;
	uint32_t   *offsets;
	uint32_t	n;
	uint32_t	cap;
} RvQChain;

extern void rvq_chain_push(RvQChain *c, int32_t operand, uint16_t dist,
						   uint32_t offset);
extern void rvq_chain_free(RvQChain *c);

/* Emits the tree under root (-1: empty query) in prefix order. */
extern RvQuery *rvq_finish(RvQBuilder *b, int32_t root, RvError *err);

/* Index of the item following the subtree that starts at item i. */
extern uint32_t rvq_skip(const RvQuery *q, uint32_t i);

#endif							/* RV_QUERY_INT_H */
