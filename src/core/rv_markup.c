/*
 * rv_markup.c
 *	  Spoiler markup in a review body: every dialect people write, parsed into
 *	  one representation (byte ranges of the markup-free body), and the
 *	  escaping that lets canonical output re-parse to the same value.
 *
 * Dialects: Reddit >!...!<, Discord ||...||, markdown !!...!!, BBCode
 * [spoiler]...[/spoiler] and [spoiler=label]...[/spoiler], Goodreads
 * (view spoiler)[...(hide spoiler)], HTML <spoiler>...</spoiler>,
 * <span class="spoiler">...</span> and <details><summary>label</summary>
 * ...</details>.
 *
 * Rules: markers of different dialects may nest, and the outermost span
 * wins; spans that overlap without nesting are an error, as are unclosed
 * openers, closers without an opener (except those that are also ordinary
 * text: "!<", "</span>") and empty spans.  A backslash before one of
 * \ | > ! < [ ( makes that character literal.  "!!" opens only before a
 * non-space character and closes only after one, so "Wow!! Great." is text.
 *
 * Recognition of a marker depends only on the text from its first character
 * on, reading an escaped character as itself; the parser's state only
 * decides whether a recognised marker acts.  Output therefore escapes every
 * character at which a marker is recognised, which is enough for the output
 * to re-parse to the same body and spans (the fuzzer checks this).
 */
#include <string.h>

#include "rv_review.h"
#include "rv_utf8.h"

typedef enum MarkKind
{
	MK_NONE = 0,
	MK_DISCORD,					/* || */
	MK_MARKDOWN,				/* !! */
	MK_REDDIT_OPEN,				/* >! */
	MK_REDDIT_CLOSE,			/* !< */
	MK_BB_OPEN,					/* [spoiler] or [spoiler=label] */
	MK_BB_BAD,					/* [spoiler= without its closing ] */
	MK_BB_CLOSE,				/* [/spoiler] */
	MK_GR_OPEN,					/* (view spoiler)[ */
	MK_GR_CLOSE,				/* (hide spoiler)] */
	MK_HTML_OPEN,				/* <spoiler> */
	MK_HTML_CLOSE,				/* </spoiler> */
	MK_SPAN_OPEN,				/* <span class="spoiler"> */
	MK_SPAN_OTHER,				/* any other <span ...> */
	MK_SPAN_CLOSE,				/* </span> */
	MK_DETAILS_OPEN,			/* <details> [<summary>label</summary>] */
	MK_DETAILS_CLOSE			/* </details> */
} MarkKind;

/* A dialect is what sits on the stack of open spans. */
typedef enum Dialect
{
	D_DISCORD,
	D_MARKDOWN,
	D_REDDIT,
	D_BBCODE,
	D_GOODREADS,
	D_HTML,
	D_SPAN,
	D_DETAILS
} Dialect;

static const char *const dialect_opener[] = {
	"||", "!!", ">!", "[spoiler]", "(view spoiler)[", "<spoiler>",
	"<span class=\"spoiler\">", "<details>"
};

typedef struct Marker
{
	MarkKind	kind;
	size_t		rawlen;			/* bytes of the marker in the input */
	const char *label;			/* raw label text (BBCode: with escapes) */
	size_t		label_len;
} Marker;

#define MAX_NESTING 64
#define MAX_TAG_SCAN 256		/* how far "<span ...>" may run to its ">" */

static bool
is_escapable(char c)
{
	return c == '\\' || c == '|' || c == '>' || c == '!' || c == '<' ||
		c == '[' || c == '(';
}

/* The bytes that may start an escape or a spoiler marker. */
static const bool markup_special[256] = {
	['\\'] = true, ['|'] = true, ['!'] = true, ['>'] = true, ['['] = true,
	['('] = true, ['<'] = true
};

static bool
is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static char
lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/*
 * Does s[i..len) start with lit (ASCII, case-insensitive)?  With partial,
 * running out of text while still matching also counts: output escaping
 * uses that, because a segment's end may be followed by printed markup.
 */
static bool
match_lit(const char *s, size_t len, size_t i, const char *lit, bool partial)
{
	size_t		n = strlen(lit);

	for (size_t k = 0; k < n; k++)
	{
		if (i + k >= len)
			return partial;
		if (lower(s[i + k]) != lit[k])
			return false;
	}
	return true;
}

/*
 * For an HTML tag "<name attrs>" starting at i, whose name ends at j: the
 * offset of its closing ">" on the same line, or 0 if the tag is not whole
 * (the name must be followed by white space or ">").
 */
static size_t
tag_end(const char *s, size_t len, size_t i, size_t j)
{
	size_t		end;

	if (j < len && s[j] != '>' && !is_ws((unsigned char) s[j]))
		return 0;
	for (end = j; end < len && end - i < MAX_TAG_SCAN && s[end] != '>' &&
		 s[end] != '<' && s[end] != '\n'; end++)
		;
	return (end < len && s[end] == '>') ? end : 0;
}

/*
 * Scans "<span attrs>" starting at i; sets *is_spoiler when a class
 * attribute lists the word "spoiler".  Returns the tag length, 0 if this is
 * not a complete tag.
 */
static size_t
scan_span_tag(const char *s, size_t len, size_t i, bool *is_spoiler)
{
	size_t		j = i + 5;		/* past "<span" */
	size_t		end = tag_end(s, len, i, j);

	*is_spoiler = false;
	if (end == 0)
		return 0;

	/* Look for class="... spoiler ..." or class='...'. */
	for (size_t k = j; k + 5 < end; k++)
	{
		size_t		v;
		char		q;

		if (!match_lit(s, end, k, "class", false) ||
			(k > j && !is_ws((unsigned char) s[k - 1])))
			continue;
		v = k + 5;
		while (v < end && is_ws((unsigned char) s[v]))
			v++;
		if (v >= end || s[v] != '=')
			continue;
		v++;
		while (v < end && is_ws((unsigned char) s[v]))
			v++;
		if (v >= end || (s[v] != '"' && s[v] != '\''))
			continue;
		q = s[v++];
		while (v < end && s[v] != q)
		{
			while (v < end && is_ws((unsigned char) s[v]))
				v++;
			if (match_lit(s, end, v, "spoiler", false) &&
				(v + 7 >= end || s[v + 7] == q || is_ws((unsigned char) s[v + 7])))
				*is_spoiler = true;
			while (v < end && s[v] != q && !is_ws((unsigned char) s[v]))
				v++;
		}
	}
	return end - i + 1;
}

/* Scans "<details ...>" and an optional "<summary>label</summary>". */
static size_t
scan_details_tag(const char *s, size_t len, size_t i, Marker *m)
{
	size_t		end = tag_end(s, len, i, i + 8);	/* past "<details" */

	if (end == 0)
		return 0;
	end++;

	/* An optional summary on the same line becomes the span's label. */
	{
		size_t		k = end;

		while (k < len && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (match_lit(s, len, k, "<summary>", false))
		{
			size_t		ls = k + 9,
						le;

			for (le = ls; le < len && le - ls < MAX_TAG_SCAN && s[le] != '\n' &&
				 s[le] != '\r' && s[le] != '<'; le++)
				;
			if (match_lit(s, len, le, "</summary>", false))
			{
				m->label = s + ls;
				m->label_len = le - ls;
				end = le + 10;
			}
		}
	}
	return end - i;
}

/*
 * Is the character at s[k] a "!"?  In raw text (raw: what the parser reads)
 * an escaped "\!" is one; in a body (what output escapes) text is literal.
 * Canonical output escapes some "!" of a run, and reading them back as "!"
 * keeps the rest of the run text.
 */
static bool
bang_follows(const char *s, size_t len, size_t k, bool raw)
{
	if (k >= len)
		return false;
	if (s[k] == '!')
		return true;
	return raw && s[k] == '\\' && k + 1 < len && s[k + 1] == '!';
}

/*
 * Recognises a marker at s[i].  See the file comment: the result must not
 * depend on anything before i.
 */
static void
match_marker(const char *s, size_t len, size_t i, bool partial, bool raw, Marker *m)
{
	m->kind = MK_NONE;
	m->rawlen = 0;
	m->label = NULL;
	m->label_len = 0;

	switch (s[i])
	{
		case '|':
			if (match_lit(s, len, i, "||", partial))
				m->kind = MK_DISCORD, m->rawlen = 2;
			break;
		case '!':
			if (match_lit(s, len, i, "!<", partial))
				m->kind = MK_REDDIT_CLOSE, m->rawlen = 2;
			else if (match_lit(s, len, i, "!!", partial) && !bang_follows(s, len, i + 2, raw))
			{
				/* "!!" inside a longer run of "!" is text. */
				m->kind = MK_MARKDOWN, m->rawlen = 2;
			}
			break;
		case '>':
			if (match_lit(s, len, i, ">!", partial))
				m->kind = MK_REDDIT_OPEN, m->rawlen = 2;
			break;
		case '[':
			if (match_lit(s, len, i, "[spoiler]", partial))
				m->kind = MK_BB_OPEN, m->rawlen = 9;
			else if (match_lit(s, len, i, "[/spoiler]", partial))
				m->kind = MK_BB_CLOSE, m->rawlen = 10;
			else if (match_lit(s, len, i, "[spoiler=", partial))
			{
				size_t		j = i + 9;

				m->kind = MK_BB_BAD;
				/* A label is one line: no CR or LF, even escaped. */
				while (j < len && s[j] != ']' && s[j] != '\n' && s[j] != '\r')
				{
					if (s[j] == '\\' && j + 1 < len && s[j + 1] != '\n' && s[j + 1] != '\r')
						j++;
					j++;
				}
				if (j < len && s[j] == ']')
				{
					m->kind = MK_BB_OPEN;
					m->label = s + i + 9;
					m->label_len = j - (i + 9);
					m->rawlen = j - i + 1;
				}
			}
			break;
		case '(':
			if (match_lit(s, len, i, "(view spoiler)[", partial))
				m->kind = MK_GR_OPEN, m->rawlen = 15;
			else if (match_lit(s, len, i, "(hide spoiler)]", partial))
				m->kind = MK_GR_CLOSE, m->rawlen = 15;
			break;
		case '<':
			if (match_lit(s, len, i, "<spoiler>", partial))
				m->kind = MK_HTML_OPEN, m->rawlen = 9;
			else if (match_lit(s, len, i, "</spoiler>", partial))
				m->kind = MK_HTML_CLOSE, m->rawlen = 10;
			else if (match_lit(s, len, i, "</span>", partial))
				m->kind = MK_SPAN_CLOSE, m->rawlen = 7;
			else if (match_lit(s, len, i, "</details>", partial))
				m->kind = MK_DETAILS_CLOSE, m->rawlen = 10;
			else if (match_lit(s, len, i, "<span", false))
			{
				bool		spoiler;
				size_t		n = scan_span_tag(s, len, i, &spoiler);

				if (n > 0)
					m->kind = spoiler ? MK_SPAN_OPEN : MK_SPAN_OTHER, m->rawlen = n;
				else if (partial)
					m->kind = MK_SPAN_OTHER, m->rawlen = 1;
			}
			else if (match_lit(s, len, i, "<details", false))
			{
				size_t		n = scan_details_tag(s, len, i, m);

				if (n > 0)
					m->kind = MK_DETAILS_OPEN, m->rawlen = n;
				else if (partial)
					m->kind = MK_DETAILS_OPEN, m->rawlen = 1;
			}
			else if (partial && (match_lit(s, len, i, "<span", true) ||
								 match_lit(s, len, i, "<details", true)))
				m->kind = MK_SPAN_OTHER, m->rawlen = 1;
			break;
		default:
			break;
	}
}

typedef struct OpenSpan
{
	Dialect		dialect;
	size_t		raw_pos;		/* byte offset of the opener in raw */
	size_t		body_start;
	const char *label;
	size_t		label_len;
	bool		label_escaped;	/* BBCode labels may contain \] */
	int			span_depth;		/* plain <span>s nested inside a D_SPAN */
} OpenSpan;

typedef struct MarkupState
{
	const char *raw;
	size_t		len;
	int64_t		char_base;
	RvBuf	   *body;
	RvSpan	   *spans;
	uint32_t	nspans;
	uint32_t	cap;
	OpenSpan	stack[MAX_NESTING];
	int			depth;
	RvError    *err;
} MarkupState;

/* 1-based character position of raw byte offset pos in the whole input. */
static int64_t
char_pos(const MarkupState *st, size_t pos)
{
	return st->char_base + rv_utf8_count(st->raw, pos) + 1;
}

static int
find_open(const MarkupState *st, Dialect d)
{
	for (int k = st->depth - 1; k >= 0; k--)
		if (st->stack[k].dialect == d)
			return k;
	return -1;
}

static bool
push_span(MarkupState *st, Dialect d, size_t pos, const Marker *m)
{
	OpenSpan   *o;

	if (st->depth >= MAX_NESTING)
	{
		rv_error_set(st->err, RV_ERR_SYNTAX, 0, char_pos(st, pos),
					 "Spoiler markup at character %lld is nested more than %d deep.",
					 (long long) char_pos(st, pos), MAX_NESTING);
		return false;
	}
	o = &st->stack[st->depth++];
	o->dialect = d;
	o->raw_pos = pos;
	o->body_start = st->body->len;
	o->label = m->label;
	o->label_len = m->label_len;
	o->label_escaped = (d == D_BBCODE);
	o->span_depth = 0;
	return true;
}

/* Copies a label, resolving BBCode's \] and \\ escapes. */
static char *
copy_label(const OpenSpan *o, uint32_t *outlen)
{
	char	   *r = rv_alloc(o->label_len + 1);
	size_t		n = 0;

	for (size_t k = 0; k < o->label_len; k++)
	{
		if (o->label_escaped && o->label[k] == '\\' && k + 1 < o->label_len)
			k++;
		r[n++] = o->label[k];
	}
	r[n] = '\0';
	*outlen = (uint32_t) n;
	return r;
}

static bool
pop_span(MarkupState *st, size_t pos, const char *closer)
{
	OpenSpan   *o = &st->stack[--st->depth];
	RvSpan	   *sp;

	if (st->depth > 0)
		return true;			/* nested: the outermost span covers it */

	if (st->body->len == o->body_start)
	{
		rv_error_set(st->err, RV_ERR_SYNTAX, 0, char_pos(st, o->raw_pos),
					 "Spoiler span opened by \"%s\" at character %lld and closed by \"%s\" at character %lld is empty.",
					 dialect_opener[o->dialect], (long long) char_pos(st, o->raw_pos),
					 closer, (long long) char_pos(st, pos));
		return false;
	}
	if (st->nspans == st->cap)
	{
		st->cap = st->cap ? st->cap * 2 : 8;
		st->spans = rv_realloc(st->spans, st->cap * sizeof(RvSpan));
	}
	sp = &st->spans[st->nspans++];
	sp->start = (uint32_t) o->body_start;
	sp->len = (uint32_t) (st->body->len - o->body_start);
	sp->label = NULL;
	sp->label_len = 0;
	if (o->label && o->label_len > 0)
		sp->label = copy_label(o, &sp->label_len);
	return true;
}

/*
 * A closer for dialect d: closes the innermost span if it is of that dialect;
 * if a span of that dialect is open further out, the spans overlap.  Returns
 * 1 if it closed, 0 if d is not open at all, -1 on error.
 */
static int
close_span(MarkupState *st, Dialect d, size_t pos, const char *closer)
{
	int			k = find_open(st, d);

	if (k < 0)
		return 0;
	if (k != st->depth - 1)
	{
		OpenSpan   *inner = &st->stack[st->depth - 1];

		rv_error_set(st->err, RV_ERR_SYNTAX, 0, char_pos(st, pos),
					 "Spoiler marker \"%s\" at character %lld closes a span that overlaps the one opened by \"%s\" at character %lld.",
					 closer, (long long) char_pos(st, pos),
					 dialect_opener[inner->dialect], (long long) char_pos(st, inner->raw_pos));
		return -1;
	}
	return pop_span(st, pos, closer) ? 1 : -1;
}

static bool
unmatched_closer(MarkupState *st, size_t pos, const char *closer)
{
	rv_error_set(st->err, RV_ERR_SYNTAX, 0, char_pos(st, pos),
				 "Closing spoiler marker \"%s\" at character %lld has no opening marker.",
				 closer, (long long) char_pos(st, pos));
	return false;
}

/* Acts on a recognised marker; *consumed is false when it is plain text. */
static bool
act(MarkupState *st, size_t i, const Marker *m, bool *consumed)
{
	const char *s = st->raw;
	int			r;

	*consumed = true;
	switch (m->kind)
	{
		case MK_DISCORD:
			r = close_span(st, D_DISCORD, i, "||");
			return r < 0 ? false : r > 0 ? true : push_span(st, D_DISCORD, i, m);
		case MK_MARKDOWN:
			{
				bool		after_text = i > 0 && !is_ws((unsigned char) s[i - 1]);
				bool		before_text = i + 2 < st->len && !is_ws((unsigned char) s[i + 2]);

				if (find_open(st, D_MARKDOWN) >= 0 && after_text)
					return close_span(st, D_MARKDOWN, i, "!!") > 0;
				if (find_open(st, D_MARKDOWN) < 0 && before_text)
					return push_span(st, D_MARKDOWN, i, m);
				*consumed = false;
				return true;
			}
		case MK_REDDIT_OPEN:
			return push_span(st, D_REDDIT, i, m);
		case MK_REDDIT_CLOSE:
			r = close_span(st, D_REDDIT, i, "!<");
			if (r == 0)
				*consumed = false;	/* "!<" outside a spoiler is text: "wow!<3" */
			return r >= 0;
		case MK_BB_OPEN:
			return push_span(st, D_BBCODE, i, m);
		case MK_BB_BAD:
			rv_error_set(st->err, RV_ERR_SYNTAX, 0, char_pos(st, i),
						 "Tag \"[spoiler=\" at character %lld is not closed by \"]\" on the same line.",
						 (long long) char_pos(st, i));
			return false;
		case MK_BB_CLOSE:
			r = close_span(st, D_BBCODE, i, "[/spoiler]");
			return r < 0 ? false : r > 0 ? true : unmatched_closer(st, i, "[/spoiler]");
		case MK_GR_OPEN:
			return push_span(st, D_GOODREADS, i, m);
		case MK_GR_CLOSE:
			r = close_span(st, D_GOODREADS, i, "(hide spoiler)]");
			return r < 0 ? false : r > 0 ? true : unmatched_closer(st, i, "(hide spoiler)]");
		case MK_HTML_OPEN:
			return push_span(st, D_HTML, i, m);
		case MK_HTML_CLOSE:
			r = close_span(st, D_HTML, i, "</spoiler>");
			return r < 0 ? false : r > 0 ? true : unmatched_closer(st, i, "</spoiler>");
		case MK_SPAN_OPEN:
			return push_span(st, D_SPAN, i, m);
		case MK_SPAN_OTHER:
			if (st->depth > 0 && st->stack[st->depth - 1].dialect == D_SPAN)
				st->stack[st->depth - 1].span_depth++;
			*consumed = false;
			return true;
		case MK_SPAN_CLOSE:
			if (st->depth > 0 && st->stack[st->depth - 1].dialect == D_SPAN &&
				st->stack[st->depth - 1].span_depth > 0)
			{
				st->stack[st->depth - 1].span_depth--;
				*consumed = false;
				return true;
			}
			r = close_span(st, D_SPAN, i, "</span>");
			if (r == 0)
				*consumed = false;	/* closes some ordinary <span> */
			return r >= 0;
		case MK_DETAILS_OPEN:
			return push_span(st, D_DETAILS, i, m);
		case MK_DETAILS_CLOSE:
			r = close_span(st, D_DETAILS, i, "</details>");
			return r < 0 ? false : r > 0 ? true : unmatched_closer(st, i, "</details>");
		case MK_NONE:
			break;
	}
	*consumed = false;
	return true;
}

bool
rv_markup_parse(const char *raw, size_t len, int64_t char_base, RvBuf *body,
				RvSpan **spans, uint32_t *nspans, RvError *err)
{
	MarkupState st;
	size_t		i = 0;

	memset(&st, 0, sizeof(st));
	st.raw = raw;
	st.len = len;
	st.char_base = char_base;
	st.body = body;
	st.err = err;

	while (i < len)
	{
		char		c;
		Marker		m;
		bool		consumed;
		size_t		run;

		if (RV_CHECK_INTERRUPTS() && rv_interrupted(err))
			goto fail;

		/*
		 * Text up to the next byte that may start an escape or a marker is
		 * copied as it is, in one block (at most 64 kB, so that interrupts
		 * are still checked in a long run).
		 */
		for (run = 0; i + run < len && run < 65536 &&
			 !markup_special[(unsigned char) raw[i + run]]; run++)
			;
		if (run > 0)
		{
			rv_buf_append(body, raw + i, run);
			i += run;
			continue;
		}
		c = raw[i];
		if (c == '\\' && i + 1 < len && is_escapable(raw[i + 1]))
		{
			rv_buf_append_char(body, raw[i + 1]);
			i += 2;
			continue;
		}
		if (c == '|' || c == '!' || c == '>' || c == '[' || c == '(' || c == '<')
		{
			match_marker(raw, len, i, false, true, &m);
			if (m.kind != MK_NONE)
			{
				if (!act(&st, i, &m, &consumed))
					goto fail;
				if (consumed)
				{
					i += m.rawlen;
					continue;
				}
			}
		}
		rv_buf_append_char(body, c);
		i++;
	}

	if (st.depth > 0)
	{
		OpenSpan   *o = &st.stack[st.depth - 1];

		rv_error_set(err, RV_ERR_SYNTAX, 0, char_pos(&st, o->raw_pos),
					 "Spoiler marker \"%s\" at character %lld is never closed.",
					 dialect_opener[o->dialect], (long long) char_pos(&st, o->raw_pos));
		goto fail;
	}
	*spans = st.spans;
	*nspans = st.nspans;
	return true;

fail:
	for (uint32_t k = 0; k < st.nspans; k++)
		rv_free((void *) st.spans[k].label);
	rv_free(st.spans);
	return false;
}

void
rv_markup_escape(const char *s, size_t len, bool markup_follows, RvBuf *out)
{
	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c == '\\')
		{
			/* Printed markup may follow the segment: escape a final backslash. */
			if (i + 1 >= len ? markup_follows : is_escapable(s[i + 1]))
				rv_buf_append_char(out, '\\');
		}
		else if (c == '|' || c == '!' || c == '>' || c == '[' || c == '(' || c == '<')
		{
			Marker		m;

			match_marker(s, len, i, markup_follows, false, &m);
			if (m.kind != MK_NONE)
				rv_buf_append_char(out, '\\');
		}
		rv_buf_append_char(out, c);
	}
}
