-- pg_review ingest and redaction benchmark: one session, every group of
-- statements run alternately (so load from elsewhere on the machine falls on
-- all of them alike), medians of :runs runs, ratios to the baseline.
-- Run by bench/ingest.sh, which loads corpus_en (English reviews) and
-- corpus_mix (about half of them Spanish, French, German, Japanese and
-- Chinese), both (id, lang, cfg, body).
--
-- Ingest is measured without storing (count() of the value built from each
-- row, as count(to_tsvector(...)) on the other side), so that both sides do
-- the analysis alone: no heap writes, no TOAST compression.
\set ON_ERROR_STOP 1
\if :{?runs}
\else
\set runs 5
\endif
\pset footer off
SET max_parallel_workers_per_gather = 0;
SET jit = off;

\ir alternate.sql

CREATE TEMP TABLE results (n serial, corpus text, what text, ms float8,
						   baseline text, baseline_ms float8);

SELECT 'en' AS corpus, count(*) AS reviews, round(sum(octet_length(body)) / 1e6, 1) AS mb
FROM corpus_en
UNION ALL
SELECT 'mixed', count(*), round(sum(octet_length(body)) / 1e6, 1) FROM corpus_mix;
SELECT lang, count(*) FROM corpus_mix GROUP BY lang ORDER BY lang;

-- Ingest: the value built from each row (detection on, then off: the
-- difference is the detector's own share) against to_tsvector.
INSERT INTO results (corpus, what, ms, baseline, baseline_ms)
SELECT c, w, m[k], 'to_tsvector(cfg, body)', m[3]
FROM (VALUES ('en')) AS v(c),
	 pg_temp.alternate_ms(
		ARRAY['SELECT count(review(body, lang => lang)) FROM corpus_en',
			  'SELECT count(review(body, lang => lang)) FROM corpus_en',
			  'SELECT count(to_tsvector(cfg, body)) FROM corpus_en'],
		ARRAY['RESET pg_review.detect', 'SET pg_review.detect = off', NULL], :runs) m,
	 (VALUES (1, 'ingest review(body, lang)'), (2, 'ingest, detector off')) AS x(k, w);
INSERT INTO results (corpus, what, ms, baseline, baseline_ms)
SELECT c, w, m[k], 'to_tsvector(cfg, body)', m[3]
FROM (VALUES ('mixed')) AS v(c),
	 pg_temp.alternate_ms(
		ARRAY['SELECT count(review(body, lang => lang)) FROM corpus_mix',
			  'SELECT count(review(body, lang => lang)) FROM corpus_mix',
			  'SELECT count(to_tsvector(cfg, body)) FROM corpus_mix'],
		ARRAY['RESET pg_review.detect', 'SET pg_review.detect = off', NULL], :runs) m,
	 (VALUES (1, 'ingest review(body, lang)'), (2, 'ingest, detector off')) AS x(k, w);
RESET pg_review.detect;

-- Redaction from the stored spans against regexp_replace of the eight
-- markup dialects on the same texts, and against length(body): reading the
-- body (detoasting it and counting its characters) and nothing else, the
-- floor of any function that returns it.  Threshold 1: marked spans only,
-- which is what the regular expression can see.
--
-- Each side is measured under two consumers of its result: length(), which
-- reads every byte again (about 2 us a review: three quarters of what
-- length(body) costs, on both sides alike), and octet_length(), which reads
-- the header only, so that the time is the function's own (and the scan).
--
-- rv has the type's default storage (main: in the row); rvx has extended,
-- the default before 0.3.0, where pglz gives up on most review values and
-- they go out of line uncompressed, so redact() fetches TOAST chunks that
-- length(body) of a shorter text value in the row does not.
CREATE TABLE rv AS SELECT id, review(body, lang => lang) AS r FROM corpus_en;
CREATE TABLE tv AS SELECT id, body FROM corpus_en;
CREATE TABLE rvx (id int, r review);
ALTER TABLE rvx ALTER COLUMN r SET STORAGE EXTENDED;
INSERT INTO rvx SELECT id, r FROM rv;
VACUUM ANALYZE rv;
VACUUM ANALYZE rvx;
VACUUM ANALYZE tv;
SELECT pg_size_pretty(pg_table_size('rv')) AS review_table,
	   pg_size_pretty(pg_table_size('rvx')) AS review_table_extended,
	   pg_size_pretty(pg_table_size('tv')) AS text_table;
-- Both sides return the same number of characters when every marked span
-- is a markup pair the regular expression knows.
SELECT (SELECT sum(length(redact(r, '[spoiler]', 1))) FROM rv) AS redact_chars,
	   (SELECT sum(length(regexp_replace(body,
		'\|\|.*?\|\||>!.*?!<|!!.*?!!|\[spoiler(=[^\]]*)?\].*?\[/spoiler\]|\(view spoiler\)\[.*?\(hide spoiler\)\]|<spoiler>.*?</spoiler>|<span class="spoiler">.*?</span>|<details>.*?</details>',
		'[spoiler]', 'g'))) FROM tv) AS regexp_chars;
INSERT INTO results (corpus, what, ms, baseline, baseline_ms)
SELECT 'en', w, m[k], b, m[j]
FROM pg_temp.alternate_ms(
		ARRAY['SELECT sum(length(redact(r, ''[spoiler]'', 1))) FROM rv',
			  $q$SELECT sum(length(regexp_replace(body,
		'\|\|.*?\|\||>!.*?!<|!!.*?!!|\[spoiler(=[^\]]*)?\].*?\[/spoiler\]|\(view spoiler\)\[.*?\(hide spoiler\)\]|<spoiler>.*?</spoiler>|<span class="spoiler">.*?</span>|<details>.*?</details>',
		'[spoiler]', 'g'))) FROM tv$q$,
			  'SELECT sum(length(body)) FROM tv',
			  'SELECT sum(length(redact(r))) FROM rv',
			  'SELECT sum(length(review_body(r))) FROM rv',
			  'SELECT sum(length(redact(r, ''[spoiler]'', 1))) FROM rvx',
			  'SELECT sum(octet_length(redact(r, ''[spoiler]'', 1))) FROM rv',
			  $q$SELECT sum(octet_length(regexp_replace(body,
		'\|\|.*?\|\||>!.*?!<|!!.*?!!|\[spoiler(=[^\]]*)?\].*?\[/spoiler\]|\(view spoiler\)\[.*?\(hide spoiler\)\]|<spoiler>.*?</spoiler>|<span class="spoiler">.*?</span>|<details>.*?</details>',
		'[spoiler]', 'g'))) FROM tv$q$,
			  'SELECT sum(octet_length(redact(r, ''[spoiler]'', 1))) FROM rvx'],
		ARRAY[NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL]::text[], :runs) m,
	 (VALUES (1, 'length(redact(r, ''[spoiler]'', 1))', 'length(regexp_replace), 8 dialects', 2),
			 (1, 'length(redact(r, ''[spoiler]'', 1))', 'length(body) (detoast floor)', 3),
			 (4, 'length(redact(r)) (default threshold)', 'length(body) (detoast floor)', 3),
			 (1, 'length(redact(r, ''[spoiler]'', 1))', 'length(review_body(r)) (floor of the review value)', 5),
			 (7, 'octet_length(redact(r, ''[spoiler]'', 1))', 'octet_length(regexp_replace), 8 dialects', 8),
			 (6, 'length(redact(...)), STORAGE EXTENDED', 'length(regexp_replace), 8 dialects', 2),
			 (6, 'length(redact(...)), STORAGE EXTENDED', 'length(body) (detoast floor)', 3),
			 (9, 'octet_length(redact(...)), STORAGE EXTENDED', 'octet_length(regexp_replace), 8 dialects', 8))
		AS x(k, w, b, j);
-- How the values are stored: pglz gives up on most review values (distinct
-- keyword strings and varint positions ahead of the body do not reach its
-- 25% saving, or nothing repeats in its first kilobyte), so they stay
-- uncompressed: in the row under main, out of line under extended.
SELECT 'review' AS "column", coalesce(pg_column_compression(r), 'none') AS compression,
	   count(*), round(avg(pg_column_size(r))) AS avg_bytes FROM rv GROUP BY 2
UNION ALL
SELECT 'text', coalesce(pg_column_compression(body), 'none'), count(*), round(avg(pg_column_size(body)))
FROM tv GROUP BY 2 ORDER BY 1, 2;

SELECT corpus, what, round(ms::numeric, 1) AS ms, baseline, round(baseline_ms::numeric, 1) AS baseline_ms,
	   round((ms / NULLIF(baseline_ms, 0))::numeric, 2) AS ratio
FROM results ORDER BY n;
-- The detector's share of ingest.
SELECT a.corpus, round(((a.ms - b.ms) / a.ms * 100)::numeric, 1) AS detector_share_pct
FROM results a JOIN results b ON a.corpus = b.corpus AND b.what = 'ingest, detector off'
WHERE a.what = 'ingest review(body, lang)' ORDER BY a.n;

\ir ingest_digest.sql
