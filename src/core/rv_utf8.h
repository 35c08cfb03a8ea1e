/*
 * rv_utf8.h
 *	  UTF-8 validation and character counting for the pg_review core.
 */
#ifndef RV_UTF8_H
#define RV_UTF8_H

#include "rv_core.h"

/*
 * Checks that s[0..len) is well-formed UTF-8 without NUL bytes.  On failure
 * returns false and sets *bad to the byte offset of the offending sequence.
 */
extern bool rv_utf8_valid(const char *s, size_t len, size_t *bad);

/* Length in bytes of the sequence starting with lead byte c (1..4). */
static inline int
rv_utf8_seqlen(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if ((c & 0xE0) == 0xC0)
		return 2;
	if ((c & 0xF0) == 0xE0)
		return 3;
	return 4;
}

/* Number of code points in valid UTF-8 s[0..len). */
extern int64_t rv_utf8_count(const char *s, size_t len);

/*
 * The longest prefix of s[0..len) of at most max bytes that ends on a
 * character boundary (for quoting input in messages: never half a
 * character).  s need not be valid beyond the cut.
 */
extern size_t rv_utf8_clip(const char *s, size_t len, size_t max);

/* Decodes the code point at s (valid UTF-8); stores its length in *n. */
extern uint32_t rv_utf8_decode(const char *s, int *n);

#endif							/* RV_UTF8_H */
