/*
 * rv_varint.h
 *	  LEB128 varints (7 bits a byte, least significant first, high bit set
 *	  when more follow) for the packed keyword data of the stored layout and
 *	  the RUM index's additional information.  Pure C, no postgres.h.
 */
#ifndef RV_VARINT_H
#define RV_VARINT_H

#include <stddef.h>
#include <stdint.h>

/* Bytes rv_varint_put writes for v (1 to 5). */
static inline size_t
rv_varint_size(uint32_t v)
{
	size_t		n = 1;

	while (v >= 0x80)
		v >>= 7, n++;
	return n;
}

static inline unsigned char *
rv_varint_put(unsigned char *p, uint32_t v)
{
	while (v >= 0x80)
	{
		*p++ = (unsigned char) (v | 0x80);
		v >>= 7;
	}
	*p++ = (unsigned char) v;
	return p;
}

/* Reads a varint of bytes already validated. */
static inline const unsigned char *
rv_varint_get(const unsigned char *p, uint32_t *v)
{
	uint32_t	x = 0;
	int			shift = 0;

	while (*p & 0x80)
	{
		x |= (uint32_t) (*p++ & 0x7F) << shift;
		shift += 7;
	}
	*v = x | (uint32_t) *p++ << shift;
	return p;
}

/*
 * Reads a varint of untrusted bytes: NULL unless it ends before end, fits
 * 32 bits and is minimal (no needless high zero byte), so every value has
 * one encoding.
 */
static inline const unsigned char *
rv_varint_get_checked(const unsigned char *p, const unsigned char *end,
					  uint32_t *v)
{
	uint64_t	x = 0;

	for (int i = 0; i < 5 && p < end; i++)
	{
		unsigned char b = *p++;

		x |= (uint64_t) (b & 0x7F) << (7 * i);
		if (!(b & 0x80))
		{
			if ((i > 0 && b == 0) || x > UINT32_MAX)
				return NULL;
			*v = (uint32_t) x;
			return p;
		}
	}
	return NULL;
}

#endif							/* RV_VARINT_H */
