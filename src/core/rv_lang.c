/*
 * rv_lang.c
 *	  Validation and canonical case of BCP 47 language tags.
 *
 * ICU checks the syntax (uloc_forLanguageTag must consume the whole tag); the
 * case is canonicalized here by RFC 5646's rules (language lower, script
 * title, region upper) rather than by ICU's canonicalizer, whose mappings of
 * deprecated codes change between ICU versions: stored values must print the
 * same everywhere.
 */
#include <string.h>

#include <unicode/uloc.h>

#include "rv_review.h"

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool
rv_lang_canonical(const char *s, size_t len, char *out, size_t outlen)
{
	char		tag[RV_LANG_MAXLEN + 1];
	char		locale[ULOC_FULLNAME_CAPACITY];
	UErrorCode	status = U_ZERO_ERROR;
	int32_t		parsed = 0;
	size_t		sub_start = 0;
	int			nsub = 0;
	bool		after_singleton = false;

	if (len < 2 || len > RV_LANG_MAXLEN || outlen < len + 1)
		return false;
	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		if (!(is_alpha(c) || (c >= '0' && c <= '9') || c == '-'))
			return false;
		tag[i] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
	}
	tag[len] = '\0';

	/* The primary language subtag: two or three letters. */
	{
		size_t		n = strcspn(tag, "-");

		if (n < 2 || n > 3)
			return false;
		for (size_t i = 0; i < n; i++)
			if (!is_alpha(tag[i]))
				return false;
	}

	uloc_forLanguageTag(tag, locale, sizeof(locale), &parsed, &status);
	if (U_FAILURE(status) || parsed != (int32_t) len)
		return false;

	/* Canonical case, subtag by subtag; extensions stay lower case. */
	for (size_t i = 0; i <= len; i++)
	{
		if (i == len || tag[i] == '-')
		{
			size_t		n = i - sub_start;

			if (nsub > 0 && n == 1)
				after_singleton = true;
			else if (nsub > 0 && !after_singleton)
			{
				if (n == 4 && is_alpha(tag[sub_start]))
					tag[sub_start] -= 32;	/* script: Latn */
				else if (n == 2 && is_alpha(tag[sub_start]))
				{
					tag[sub_start] -= 32;	/* region: US */
					tag[sub_start + 1] -= 32;
				}
			}
			nsub++;
			sub_start = i + 1;
		}
	}
	memcpy(out, tag, len + 1);
	return true;
}
