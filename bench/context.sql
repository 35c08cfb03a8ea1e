-- The item context's cost at query time: spoilers(r, ctx) and redact(r,
-- ctx, ...) score a review's sentences again with a title's context, against
-- spoilers(r) and redact(r, ...), which read the stored scores.  One session,
-- alternating runs, medians of :runs.  Needs a table of reviews; by default
-- the first :n rows of rv(id, r) as bench/topk.sh or the dev setup loads it:
--
--   psql -v runs=5 -v n=3000 -f bench/context.sql
--
-- The context is built from the same reviews (spoiler_context) and stored in
-- a table, so that it is TOASTed, as a stored per-title context is.
\set ON_ERROR_STOP 1
\if :{?runs}
\else
\set runs 5
\endif
\if :{?n}
\else
\set n 3000
\endif
\pset footer off
SET max_parallel_workers_per_gather = 0;
SET jit = off;

\ir alternate.sql

CREATE TEMP TABLE ctx_reviews AS SELECT id, r FROM rv ORDER BY id LIMIT :n;
CREATE TEMP TABLE ctx AS SELECT spoiler_context(r) AS c FROM ctx_reviews;
SELECT count(*) AS reviews, sum((review_stats(r)).sentences) AS sentences,
	   (SELECT (octet_length(c) - 16) / 16 FROM ctx) AS context_words
FROM ctx_reviews \gset
SELECT :reviews AS reviews, :sentences AS sentences, :context_words AS context_words;

SELECT round(m[1]::numeric, 1) AS spoilers_ms, round(m[2]::numeric, 1) AS spoilers_ctx_ms,
	   round(m[3]::numeric, 1) AS redact_ms, round(m[4]::numeric, 1) AS redact_ctx_ms,
	   round((1000 * m[2] / :sentences)::numeric, 2) AS ctx_us_per_sentence
FROM pg_temp.alternate_ms(ARRAY[
	'SELECT count(*) FROM ctx_reviews, spoilers(r)',
	'SELECT count(*) FROM ctx_reviews, ctx, spoilers(r, c)',
	$$SELECT count(*) FROM ctx_reviews WHERE redact(r, '#', 0.5) <> ''$$,
	$$SELECT count(*) FROM ctx_reviews, ctx WHERE redact(r, c, '#', 0.5) <> ''$$],
	ARRAY[NULL, NULL, NULL, NULL]::text[], :runs) m;
