/*
 * rv_detect_meta.c
 *	  Words about spoilers themselves, which neither model of the detector
 *	  takes as features (rv_detect_int.h says why).
 *
 * The word model (rv_detect.c) tests ICU words, folded; the character
 * model (rv_detect_chars.c) tests words cut at white space, folded or
 * ASCII in any case: so the test is a substring one, ASCII case aside.
 */
#include "rv_detect_int.h"

bool
rv_detect_meta_word(const char *s, size_t len)
{
	static const char stem[] = "spoil";

	for (size_t i = 0; i + sizeof(stem) - 1 <= len; i++)
	{
		size_t		k = 0;

		while (k < sizeof(stem) - 1 &&
			   (s[i + k] | ((s[i + k] >= 'A' && s[i + k] <= 'Z') ? 0x20 : 0)) == stem[k])
			k++;
		if (k == sizeof(stem) - 1)
			return true;
	}
	return false;
}
