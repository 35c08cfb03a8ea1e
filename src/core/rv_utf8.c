/*
 * rv_utf8.c
 *	  UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing past
 *	  U+10FFFF) and code point counting.
 */
#include "rv_utf8.h"

bool
rv_utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = p[i];
		int			n;
		uint32_t	cp;

		/* Interrupted (the caller asks rv_interrupted): no position. */
		if (RV_CHECK_INTERRUPTS())
		{
			if (bad)
				*bad = len;
			return false;
		}

		if (c == 0)
			goto fail;
		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
		{
			n = 2;
			cp = c & 0x1F;
		}
		else if (c >= 0xE0 && c <= 0xEF)
		{
			n = 3;
			cp = c & 0x0F;
		}
		else if (c >= 0xF0 && c <= 0xF4)
		{
			n = 4;
			cp = c & 0x07;
		}
		else
			goto fail;
		if (len - i < (size_t) n)
			goto fail;
		for (int k = 1; k < n; k++)
		{
			if ((p[i + k] & 0xC0) != 0x80)
				goto fail;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
			(cp >= 0xD800 && cp <= 0xDFFF))
			goto fail;
		i += n;
	}
	return true;

fail:
	if (bad)
		*bad = i;
	return false;
}

int64_t
rv_utf8_count(const char *s, size_t len)
{
	int64_t		n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

size_t
rv_utf8_clip(const char *s, size_t len, size_t max)
{
	size_t		n;

	if (len <= max)
		return len;
	/* s[max] starts the first character left out unless it continues one */
	n = max;
	while (n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

uint32_t
rv_utf8_decode(const char *s, int *n)
{
	const unsigned char *p = (const unsigned char *) s;
	int			len = rv_utf8_seqlen(p[0]);
	uint32_t	cp;

	switch (len)
	{
		case 1:
			cp = p[0];
			break;
		case 2:
			cp = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
			break;
		case 3:
			cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			break;
		default:
			cp = ((uint32_t) (p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) |
				((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
			break;
	}
	*n = len;
	return cp;
}
