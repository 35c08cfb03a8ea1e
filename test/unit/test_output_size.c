/*
 * test_output_size.c
 *	  The sizes of a review's printed forms (rv_output_size) against the forms
 *	  themselves, printed and escaped here the way PostgreSQL does, and the
 *	  exact boundary of rv_check_output_size with small limits.
 */
#include <stdlib.h>

#include "rv_test.h"
#include "rv_review.h"

/* COPY TO text format (CopyAttributeOutText, default delimiter tab). */
static uint64_t
copy_len(const char *s, size_t len)
{
	uint64_t	n = 0;

	for (size_t i = 0; i < len; i++)
		n += (s[i] == '\\' || s[i] == '\b' || s[i] == '\f' || s[i] == '\n' ||
			  s[i] == '\r' || s[i] == '\t' || s[i] == '\v') ? 2 : 1;
	return n;
}

/* COPY TO CSV (CopyAttributeOutCSV), quoted. */
static uint64_t
csv_len(const char *s, size_t len)
{
	uint64_t	n = 2 + len;

	for (size_t i = 0; i < len; i++)
		n += s[i] == '"';
	return n;
}

/* escape_json */
static void
json_str(RvBuf *b, const char *s, size_t len)
{
	rv_buf_append_char(b, '"');
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		switch (c)
		{
			case '\b': rv_buf_append_str(b, "\\b"); break;
			case '\f': rv_buf_append_str(b, "\\f"); break;
			case '\n': rv_buf_append_str(b, "\\n"); break;
			case '\r': rv_buf_append_str(b, "\\r"); break;
			case '\t': rv_buf_append_str(b, "\\t"); break;
			case '"': rv_buf_append_str(b, "\\\""); break;
			case '\\': rv_buf_append_str(b, "\\\\"); break;
			default:
				if (c < ' ')
					rv_buf_printf(b, "\\u%04x", c);
				else
					rv_buf_append_char(b, (char) c);
		}
	}
	rv_buf_append_char(b, '"');
}

static void
json_pair(RvBuf *b, uint64_t *jsonb, int *n, const char *key, const char *v, size_t len)
{
	if (v == NULL)
		return;
	if ((*n)++ > 0)
		rv_buf_append_str(b, ", ");
	json_str(b, key, strlen(key));
	rv_buf_append_str(b, ": ");
	json_str(b, v, len);
	*jsonb += 8 + strlen(key) + len;
}

/* Every printed form of s, made here, against rv_output_size. */
static int
sizes_match(const char *s)
{
	RvError		err = {0};
	RvDoc	   *d = rv_parse(s, strlen(s), &err);
	RvOutputSize sz;
	RvBuf		text,
				wire,
				body,
				json;
	uint64_t	jsonb = 4;
	int			npairs = 0;
	int			ok;

	if (d == NULL)
	{
		fprintf(stderr, "  \"%s\": %s\n", s, err.detail);
		return 0;
	}
	rv_output_size(d, &sz);
	rv_buf_init(&text, 64);
	rv_format(d, &text);
	rv_buf_init(&wire, 64);
	rv_wire_encode(d, &wire);
	rv_buf_init(&body, 64);
	if (d->warning)
		rv_buf_append_str(&body, RV_WARNING_LINE "\n");
	rv_format_body(d, &body);
	rv_buf_init(&json, 64);
	rv_buf_append_char(&json, '{');
	json_pair(&json, &jsonb, &npairs, "body", body.data, body.len);
	json_pair(&json, &jsonb, &npairs, "lang", d->lang, d->lang_len);
	json_pair(&json, &jsonb, &npairs, "title", d->title, d->title_len);
	json_pair(&json, &jsonb, &npairs, "author", d->author, d->author_len);
	json_pair(&json, &jsonb, &npairs, "rating", d->rating, d->rating_len);
	rv_buf_append_char(&json, '}');

	ok = sz.text == text.len && sz.copy_text == copy_len(text.data, text.len) &&
		sz.copy_csv == csv_len(text.data, text.len) && sz.wire == wire.len &&
		sz.jsonb == jsonb && sz.json_text == json.len &&
		sz.json_copy == copy_len(json.data, json.len) &&
		sz.json_csv == csv_len(json.data, json.len);
	if (!ok)
		fprintf(stderr, "  \"%s\": text %llu/%zu copy %llu/%llu csv %llu/%llu wire %llu/%zu "
				"jsonb %llu/%llu json %llu/%zu json_copy %llu/%llu json_csv %llu/%llu\n", s,
				(unsigned long long) sz.text, text.len,
				(unsigned long long) sz.copy_text, (unsigned long long) copy_len(text.data, text.len),
				(unsigned long long) sz.copy_csv, (unsigned long long) csv_len(text.data, text.len),
				(unsigned long long) sz.wire, wire.len,
				(unsigned long long) sz.jsonb, (unsigned long long) jsonb,
				(unsigned long long) sz.json_text, json.len,
				(unsigned long long) sz.json_copy, (unsigned long long) copy_len(json.data, json.len),
				(unsigned long long) sz.json_csv, (unsigned long long) csv_len(json.data, json.len));
	free(text.data);
	free(wire.data);
	free(body.data);
	free(json.data);
	rv_doc_free(d);
	return ok;
}

static const char *const samples[] = {
	"x",
	">!b!<>!b!<>!b!<",
	"A plain review.\nWith a second line.",
	"---\ntitle: \"Say \\\"hi\\\"\\n\\tnow\\\\\"\nauthor: Ann \"Q\" Lee\nrating: 4/5\nlang: fr\n---\nBody",
	"Spoilers ahead!\nIt \"ends\" \\ badly. ||The dog dies.|| \x01\x0b\x1f\x7f\t\f\b\r end",
	"[spoiler=a\\]b\\\\c]x[/spoiler] <details><summary>]]\\\\</summary>y</details>",
	"wow!<3 \\|\\| \\>! (view spoiler)[z(hide spoiler)] \\\\",
	"---\n---\nbody starting with a rule",
	"---\nlang: ja\n---\nネタバレ注意\n||最後に灯台守が海に消える。||",
};

RV_TEST(output_size_is_exact)
{
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++)
		CHECK(sizes_match(samples[i]));
}

/* The most buffer bytes any form needs: the smallest buffer limit that passes. */
static uint64_t
needed_buffer(const RvOutputSize *sz)
{
	uint64_t	v[] = {
		sz->text + RV_OUTPUT_ROW_OVERHEAD, sz->copy_text + RV_OUTPUT_COPY_OVERHEAD,
		sz->copy_csv + RV_OUTPUT_COPY_OVERHEAD, sz->wire + RV_OUTPUT_ROW_OVERHEAD,
		sz->json_text + RV_OUTPUT_ROW_OVERHEAD, sz->json_copy + RV_OUTPUT_COPY_OVERHEAD,
		sz->json_csv + RV_OUTPUT_COPY_OVERHEAD
	};
	uint64_t	m = 0;

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (v[i] > m)
			m = v[i];
	return m;
}

RV_TEST(output_size_limit_boundary)
{
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++)
	{
		RvError		err = {0};
		RvDoc	   *d = rv_parse(samples[i], strlen(samples[i]), &err);
		RvOutputSize sz;
		RvOutputLimits lim;

		CHECK(d != NULL);
		rv_output_size(d, &sz);
		lim.buffer = needed_buffer(&sz);
		lim.jsonb = sz.jsonb;
		/* just at the limits: accepted */
		CHECK(rv_check_output_size(d, &lim, &err));
		/* one byte less of buffer, or of jsonb: refused */
		lim.buffer--;
		CHECK(!rv_check_output_size(d, &lim, &err));
		CHECK_EQ_INT(err.code, RV_ERR_LIMIT);
		CHECK(strstr(err.detail, ", 1 more than the") != NULL);
		lim.buffer++;
		lim.jsonb--;
		memset(&err, 0, sizeof(err));
		CHECK(!rv_check_output_size(d, &lim, &err));
		CHECK(strstr(err.detail, "its jsonb form (review_to_jsonb) would be") != NULL);
		CHECK(strstr(err.detail, ", 1 more than the") != NULL);
		CHECK(strstr(err.detail, "bytes a jsonb value can hold.") != NULL);
		rv_doc_free(d);
	}
}

RV_TEST(output_size_canonical_text_reported_first)
{
	/* 5 bytes of input, 20 of canonical text: [spoiler]b[/spoiler] */
	const char *s = ">!b!<>!b!<>!b!<>!b!<";
	RvError		err = {0};
	RvDoc	   *d = rv_parse(s, strlen(s), &err);
	RvOutputSize sz;
	RvOutputLimits lim = {80 + RV_OUTPUT_ROW_OVERHEAD, 1000};

	CHECK(d != NULL);
	rv_output_size(d, &sz);
	CHECK_EQ_INT(sz.text, 80);
	CHECK_EQ_INT(sz.copy_text, 80);
	CHECK_EQ_INT(sz.json_text, 80 + strlen("{\"body\": \"\", \"lang\": \"en\"}"));
	CHECK_EQ_INT(sz.jsonb, 80 + 4 + 2 * 8 + strlen("body") + strlen("lang") + strlen("en"));
	lim.buffer--;
	CHECK(!rv_check_output_size(d, &lim, &err));
	CHECK_EQ_STR(err.detail, "The canonical text form of the review would be 80 bytes, 1 more than the 79 bytes PostgreSQL can output.");
	/* with room for the text form, the jsonb form printed is the next to refuse */
	lim.buffer = 80 + RV_OUTPUT_ROW_OVERHEAD;
	CHECK(!rv_check_output_size(d, &lim, &err));
	CHECK_EQ_STR(err.detail, "The canonical text form of the review would be 80 bytes; its jsonb form printed would be 106 bytes, 26 more than the 80 bytes PostgreSQL can output.");
	/* PostgreSQL's own limits take it */
	lim.buffer = RV_OUTPUT_MAX_BUFFER;
	lim.jsonb = RV_OUTPUT_MAX_JSONB;
	CHECK(rv_check_output_size(d, &lim, &err));
	rv_doc_free(d);
}

/* Control bytes print as 6 bytes in jsonb, 7 once COPY escapes that. */
RV_TEST(output_size_control_bytes)
{
	char		s[1001];
	RvError		err = {0};
	RvDoc	   *d;
	RvOutputSize sz;
	RvOutputLimits lim;

	memset(s, '\x01', 1000);
	s[1000] = '\0';
	s[0] = 'a';
	s[999] = 'z';
	d = rv_parse(s, strlen(s), &err);
	CHECK(d != NULL);
	rv_output_size(d, &sz);
	CHECK_EQ_INT(sz.text, 1000);
	CHECK_EQ_INT(sz.json_copy, 2 + 998 * 7 + strlen("{\"body\": \"\", \"lang\": \"en\"}"));
	lim.buffer = needed_buffer(&sz);
	lim.jsonb = RV_OUTPUT_MAX_JSONB;
	CHECK(lim.buffer == sz.json_copy + RV_OUTPUT_COPY_OVERHEAD);
	CHECK(rv_check_output_size(d, &lim, &err));
	lim.buffer--;
	CHECK(!rv_check_output_size(d, &lim, &err));
	CHECK(strstr(err.detail, "its jsonb form as COPY TO escapes it would be") != NULL);
	rv_doc_free(d);
}
