/*
 * rv_core.c
 *	  Errors as values, the allocator hook and a growable buffer.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rv_core.h"
#include "rv_utf8.h"

static void *
default_alloc(size_t size)
{
	void	   *p = malloc(size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

static void *
default_realloc(void *ptr, size_t size)
{
	void	   *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

static RvAllocator allocator = {default_alloc, default_realloc, free};

void
rv_set_allocator(const RvAllocator *a)
{
	allocator = *a;
}

void *
rv_alloc(size_t size)
{
	return allocator.alloc(size);
}

void *
rv_alloc0(size_t size)
{
	void	   *p = allocator.alloc(size);

	memset(p, 0, size);
	return p;
}

void *
rv_realloc(void *ptr, size_t size)
{
	if (ptr == NULL)
		return allocator.alloc(size);
	return allocator.realloc(ptr, size);
}

void
rv_free(void *ptr)
{
	if (ptr != NULL)
		allocator.free(ptr);
}

static RvInterruptCallback interrupt_callback;
static volatile sig_atomic_t interrupt_requested;
int			rv_interrupt_countdown = RV_INTERRUPT_INTERVAL;

void
rv_set_interrupt_callback(RvInterruptCallback cb)
{
	interrupt_callback = cb;
	rv_interrupt_countdown = RV_INTERRUPT_INTERVAL;
}

void
rv_request_interrupt(void)
{
	interrupt_requested = 1;
	rv_interrupt_countdown = 0;
}

bool
rv_interrupt_poll(void)
{
	rv_interrupt_countdown = RV_INTERRUPT_INTERVAL;
	if (interrupt_callback != NULL && interrupt_callback())
		interrupt_requested = 1;
	return interrupt_requested != 0;
}

bool
rv_interrupted(RvError *err)
{
	if (!interrupt_requested)
		return false;
	interrupt_requested = 0;
	rv_error_set(err, RV_ERR_CANCELED, 0, 0, "The analysis was interrupted.");
	return true;
}

char *
rv_strndup(const char *s, size_t len)
{
	char	   *r = rv_alloc(len + 1);

	memcpy(r, s, len);
	r[len] = '\0';
	return r;
}

void
rv_error_set(RvError *err, RvErrCode code, int line, int64_t offset,
			 const char *fmt,...)
{
	va_list		ap;
	int			n;

	if (err == NULL)
		return;
	err->code = code;
	err->line = line;
	err->offset = offset;
	va_start(ap, fmt);
	n = vsnprintf(err->detail, sizeof(err->detail), fmt, ap);
	va_end(ap);
	/* cut short: drop a character the cut left incomplete */
	if (n >= (int) sizeof(err->detail))
	{
		size_t		len = strlen(err->detail);
		size_t		i = len;

		while (i > 0 && ((unsigned char) err->detail[i - 1] & 0xC0) == 0x80)
			i--;
		if (i > 0 && (unsigned char) err->detail[i - 1] >= 0xC0 &&
			(size_t) rv_utf8_seqlen((unsigned char) err->detail[i - 1]) > len - (i - 1))
			err->detail[i - 1] = '\0';
	}
}

void
rv_buf_init(RvBuf *b, size_t cap)
{
	b->cap = cap < 16 ? 16 : cap;
	b->data = rv_alloc(b->cap);
	b->len = 0;
	b->data[0] = '\0';
	b->tally = NULL;
}

void
rv_buf_init_tally(RvBuf *b, RvTally *tally)
{
	memset(tally, 0, sizeof(*tally));
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->tally = tally;
}

/*
 * Escapings of PostgreSQL's output: COPY TO's text format (CopyAttributeOutText)
 * writes \b \f \n \r \t \v (the default delimiter is the tab) and a
 * backslash as two bytes; jsonb output (escape_json) writes a double quote, a
 * backslash, \b \f \n \r \t as two bytes and other bytes below 0x20 as
 * \u00XX.
 */
void
rv_tally_bytes(RvTally *t, const char *s, size_t len)
{
	t->bytes += len;
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		switch (c)
		{
			case '\\':
				t->copy += 2, t->json += 2, t->json_copy += 4;
				break;
			case '"':
				t->quotes++;
				t->copy += 1, t->json += 2, t->json_copy += 3;
				break;
			case '\b':
			case '\f':
			case '\n':
			case '\r':
			case '\t':
				t->copy += 2, t->json += 2, t->json_copy += 3;
				break;
			case '\v':
				t->copy += 2, t->json += 6, t->json_copy += 7;
				break;
			default:
				if (c < 0x20)
					t->copy += 1, t->json += 6, t->json_copy += 7;
				else
					t->copy += 1, t->json += 1, t->json_copy += 1;
		}
	}
}

static void
buf_reserve(RvBuf *b, size_t extra)
{
	size_t		need = b->len + extra + 1;

	if (need > b->cap)
	{
		size_t		cap = b->cap;

		while (cap < need)
			cap *= 2;
		b->data = rv_realloc(b->data, cap);
		b->cap = cap;
	}
}

void
rv_buf_append(RvBuf *b, const void *data, size_t len)
{
	if (b->tally)
	{
		rv_tally_bytes(b->tally, data, len);
		b->len += len;
		return;
	}
	buf_reserve(b, len);
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

/* rv_buf_append_char() when the buffer must grow or only counts. */
void
rv_buf_append_char_grow(RvBuf *b, char c)
{
	if (b->tally)
	{
		rv_tally_bytes(b->tally, &c, 1);
		b->len++;
		return;
	}
	buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void
rv_buf_append_str(RvBuf *b, const char *s)
{
	rv_buf_append(b, s, strlen(s));
}

void
rv_buf_printf(RvBuf *b, const char *fmt,...)
{
	va_list		ap;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	if (b->tally)
	{
		char	   *tmp = rv_alloc((size_t) n + 1);

		va_start(ap, fmt);
		vsnprintf(tmp, (size_t) n + 1, fmt, ap);
		va_end(ap);
		rv_buf_append(b, tmp, (size_t) n);
		rv_free(tmp);
		return;
	}
	buf_reserve(b, (size_t) n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t) n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t) n;
}
