/*
 * rv_rating.c
 *	  Ratings as reviewers write them, normalized to 0..100:
 *	  "4.5/5", "8 / 10", "86/100", "3 out of 4", "72%", stars ("★★★★½",
 *	  "★★★☆☆") and letter grades ("A-", "B+", "F").
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rv_review.h"

#define STAR_FULL "\xE2\x98\x85"	/* U+2605 */
#define STAR_EMPTY "\xE2\x98\x86"	/* U+2606 */
#define STAR_HALF "\xC2\xBD"		/* U+00BD */

/* Letter grades, A+ down to F, in steps of five points; F is zero. */
static const struct
{
	const char *grade;
	float		value;
}			grades[] = {
	{"A+", 100}, {"A", 95}, {"A-", 90}, {"B+", 85}, {"B", 80}, {"B-", 75},
	{"C+", 70}, {"C", 65}, {"C-", 60}, {"D+", 55}, {"D", 50}, {"D-", 45},
	{"F", 0}
};

/*
 * Parses an unsigned decimal like "4", "4.5", ".5"; advances *p.  The token
 * examined is a run of digits and dots with an optional exponent ("1e308"),
 * so that a malformed or overlong number gets its own message in why (true
 * is returned only for a well-formed one of at most 12 characters).  If
 * there is no digit at all, returns false with why empty.
 */
static bool
parse_number(const char **p, const char *end, double *v, char *why, size_t whylen)
{
	const char *s = *p;
	const char *t = s;
	double		r = 0,
				scale = 1;
	bool		digits = false,
				exponent = false;
	int			dots = 0;

	why[0] = '\0';
	while (t < end && ((*t >= '0' && *t <= '9') || *t == '.'))
	{
		if (*t == '.')
			dots++;
		else
			digits = true;
		t++;
	}
	if (!digits)
		return false;
	if (t < end && (*t == 'e' || *t == 'E'))
	{
		const char *x = t + 1;

		if (x < end && (*x == '+' || *x == '-'))
			x++;
		if (x < end && *x >= '0' && *x <= '9')
		{
			exponent = true;
			while (x < end && *x >= '0' && *x <= '9')
				x++;
			t = x;
		}
	}
	if (exponent || dots > 1)
	{
		snprintf(why, whylen, "The number \"%.*s%s\" is malformed: write numbers as plain decimals such as 4.5%s.",
				 (int) (t - s > 20 ? 20 : t - s), s, t - s > 20 ? "..." : "",
				 exponent ? ", without an exponent" : ", with one decimal point at most");
		return false;
	}
	if (t - s > 12)
	{
		snprintf(why, whylen, "The number \"%.*s%s\" is out of range: a number in a rating has at most 12 characters.",
				 (int) (t - s > 20 ? 20 : t - s), s, t - s > 20 ? "..." : "");
		return false;
	}
	for (; s < t; s++)
	{
		if (*s == '.')
			scale = 0.1;
		else if (scale < 1)
		{
			r += (*s - '0') * scale;
			scale /= 10;
		}
		else
			r = r * 10 + (*s - '0');
	}
	*p = t;
	*v = r;
	return true;
}

static void
skip_ws(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
}

static bool
parse_stars(const char *s, size_t len, float *norm, char *why, size_t whylen)
{
	int			full = 0,
				half = 0,
				empty = 0;
	size_t		i = 0;
	int			total;

	while (i < len)
	{
		if (len - i >= 3 && memcmp(s + i, STAR_FULL, 3) == 0)
			full++, i += 3;
		else if (len - i >= 3 && memcmp(s + i, STAR_EMPTY, 3) == 0)
			empty++, i += 3;
		else if (len - i >= 2 && memcmp(s + i, STAR_HALF, 2) == 0)
			half++, i += 2;
		else if (s[i] == ' ')
			i++;
		else
			return false;
	}
	if (full + half + empty == 0)
		return false;
	if (half > 1)
	{
		snprintf(why, whylen, "A star rating has at most one half star.");
		return false;
	}
	/* Without empty stars the scale is five. */
	total = empty > 0 ? full + half + empty : 5;
	if (full + half > total)
	{
		snprintf(why, whylen, "A star rating without empty stars (☆) has at most five stars.");
		return false;
	}
	*norm = (float) (100.0 * (full + 0.5 * half) / total);
	return true;
}

bool
rv_rating_parse(const char *s, size_t len, float *norm, char *why, size_t whylen)
{
	const char *p = s,
			   *end = s + len;
	double		a,
				b;

	why[0] = '\0';
	if (len == 0)
	{
		snprintf(why, whylen, "The rating is empty.");
		return false;
	}

	if (parse_stars(s, len, norm, why, whylen))
		return true;
	if (why[0])
		return false;

	/* Letter grades. */
	for (size_t k = 0; k < sizeof(grades) / sizeof(grades[0]); k++)
	{
		size_t		gl = strlen(grades[k].grade);

		if (len == gl && (s[0] == grades[k].grade[0] || s[0] == grades[k].grade[0] + 32) &&
			memcmp(s + 1, grades[k].grade + 1, gl - 1) == 0)
		{
			*norm = grades[k].value;
			return true;
		}
	}

	if (!parse_number(&p, end, &a, why, whylen))
	{
		if (why[0])
			return false;
		snprintf(why, whylen, "Write a rating as N/M (4.5/5), N out of M, N%%, stars (★★★★½) or a letter grade (A-).");
		return false;
	}
	skip_ws(&p, end);
	if (p < end && *p == '%')
	{
		p++;
		if (p != end || a > 100)
		{
			snprintf(why, whylen, "A percentage rating must be between 0%% and 100%%.");
			return false;
		}
		*norm = (float) a;
		return true;
	}
	if (p < end && *p == '/')
		p++;
	else if (end - p >= 6 && memcmp(p, "out of", 6) == 0)
		p += 6;
	else
	{
		snprintf(why, whylen, "A rating needs a scale: write it as N/M, for example 4.5/5.");
		return false;
	}
	skip_ws(&p, end);
	if (!parse_number(&p, end, &b, why, whylen) || p != end)
	{
		if (why[0])
			return false;
		snprintf(why, whylen, "Write a rating as N/M (4.5/5), N out of M, N%%, stars (★★★★½) or a letter grade (A-).");
		return false;
	}
	if (b <= 0 || a > b)
	{
		snprintf(why, whylen, "A rating N/M needs 0 <= N <= M and M > 0.");
		return false;
	}
	*norm = (float) (100.0 * a / b);
	return true;
}
