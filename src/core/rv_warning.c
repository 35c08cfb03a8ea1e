/*
 * rv_warning.c
 *	  Recognises a review-level spoiler warning line ("NOTE: This review
 *	  contains spoilers", "SPOILERS AHEAD", "Spoiler warning!", "Contiene
 *	  spoilers", "ネタバレ注意", ...).
 *
 * A line is a warning when, once lower-cased and stripped of punctuation, it
 * is short, has a word starting with "spoiler" (or contains ネタバレ), and
 * every other word is one of the few that such lines are made of.  So
 * "Spoiler-free review" and "No spoilers here" are not warnings.
 */
#include <stdlib.h>
#include <string.h>

#include "rv_review.h"

#define MAX_WARNING_LINE 100

/* Sorted, for bsearch. */
static const char *const filler_words[] = {
	"achtung", "ahead", "alert", "alerta", "alerte", "all", "are", "attention", "avertissement",
	"aviso", "be", "below", "beware", "book", "caution", "contain", "contains",
	"contiene", "contient", "de", "des", "du", "el", "enthält", "entire", "episode",
	"et", "film", "follow", "follows", "for", "full", "heads", "heavy", "here",
	"im", "inside", "la", "le", "les", "light", "los", "major", "may", "mild",
	"minor", "movie", "note", "of", "plot", "review", "season", "series", "show",
	"some", "the", "there", "this", "to", "und", "up", "warning", "whole", "will"
};

static int
cmp_word(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static bool
is_filler(const char *w)
{
	return bsearch(&w, filler_words, sizeof(filler_words) / sizeof(filler_words[0]),
				   sizeof(char *), cmp_word) != NULL;
}

bool
rv_is_warning_line(const char *line, size_t len)
{
	char		buf[MAX_WARNING_LINE + 1];
	size_t		n = 0;
	bool		has_spoiler = false;
	int			nwords = 0;
	char	   *w,
			   *save;

	if (len == 0 || len > MAX_WARNING_LINE)
		return false;
	for (size_t i = 0; i + 12 <= len; i++)
		if (memcmp(line + i, "ネタバレ", 12) == 0)
			return len <= 40;

	/* Lower-case ASCII letters; everything else but letters becomes a space. */
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) line[i];

		if (c >= 'A' && c <= 'Z')
			buf[n++] = (char) (c + ('a' - 'A'));
		else if ((c >= 'a' && c <= 'z') || c >= 0x80)
			buf[n++] = (char) c;
		else
			buf[n++] = ' ';
	}
	buf[n] = '\0';

	for (w = strtok_r(buf, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save))
	{
		nwords++;
		if (strncmp(w, "spoiler", 7) == 0)
			has_spoiler = true;
		else if (!is_filler(w))
			return false;
	}
	return has_spoiler && nwords <= 10;
}
