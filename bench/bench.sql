-- pg_review benchmark: one session, pg_review side by side with PostgreSQL's
-- full text search (tsvector + GIN, and RUM) on the same texts.
-- Run by bench/run.sh, which loads the corpus into table corpus(id, lang, body).
--
-- The tsvector side is built with the text search configuration of each
-- review's language (english, spanish, french, german; simple for Japanese
-- and Chinese, which have none), as pg_review stems each review in its own
-- language: both sides then index the same lexemes and the queries return
-- the same rows (the script prints both counts).
--
-- Every figure is a median of several runs, taken alternately for both sides
-- in this one session; ratio = pg_review / baseline (below 1: pg_review is
-- faster or smaller).
\set ON_ERROR_STOP 1
-- review_rum (on/off, from bench/run.sh): measure pg_review_rum too.
\if :{?review_rum}
\else
\set review_rum off
\endif
\pset footer off
SET max_parallel_workers_per_gather = 0;	-- compare single-process work
SET max_parallel_maintenance_workers = 0;
SET jit = off;

-- Median wall time (ms) of running a statement `runs` times.
CREATE FUNCTION pg_temp.median_ms(stmt text, runs int DEFAULT 5, setup text DEFAULT NULL)
RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	times float8[] := '{}';
BEGIN
	FOR i IN 1..runs LOOP
		IF setup IS NOT NULL THEN EXECUTE setup; END IF;
		t0 := clock_timestamp();
		EXECUTE stmt;
		times := times || extract(epoch FROM clock_timestamp() - t0) * 1000;
	END LOOP;
	RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(times) x);
END $$;

-- Medians (ms) of statements a and b, run alternately `runs` times each, so
-- that load from elsewhere on the machine falls on both alike.
CREATE FUNCTION pg_temp.pair_ms(a text, b text, runs int,
								setup_a text DEFAULT NULL, setup_b text DEFAULT NULL)
RETURNS float8[] LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	ta float8[] := '{}';
	tb float8[] := '{}';
BEGIN
	FOR i IN 1..runs LOOP
		IF setup_a IS NOT NULL THEN EXECUTE setup_a; END IF;
		t0 := clock_timestamp();
		EXECUTE a;
		ta := ta || extract(epoch FROM clock_timestamp() - t0) * 1000;
		IF setup_b IS NOT NULL THEN EXECUTE setup_b; END IF;
		t0 := clock_timestamp();
		EXECUTE b;
		tb := tb || extract(epoch FROM clock_timestamp() - t0) * 1000;
	END LOOP;
	RETURN ARRAY[(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(ta) x),
				 (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(tb) x)];
END $$;

-- The text search configuration matching a review's language.
CREATE FUNCTION pg_temp.ts_cfg(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE AS $$
	SELECT (CASE lang WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish'
		WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german' ELSE 'simple' END)::regconfig
$$;

CREATE TEMP TABLE results (n serial, area text, what text, pg_review float8,
						   baseline text, baseline_value float8, unit text);

SELECT count(*) AS reviews, round(sum(octet_length(body)) / 1e6, 1) AS mb,
	   current_setting('default_toast_compression') AS toast_compression
FROM corpus;
SELECT CASE WHEN sum(octet_length(body)) < 100e6
	THEN 'note: under 100 MB of text; the issue asks for at least 100 MB (run with N >= 60000)' END AS note
FROM corpus \gset
\if :{?note}
\echo :note
\endif

-- Ingest: parsing + analysis (sentences, spoiler scores, keywords, TOAST
-- compression of the value) against to_tsvector of the same text.  The
-- last run's tables are kept for what follows.
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'ingest', 'text -> review', m[1], 'to_tsvector(cfg, text)', m[2], 'ms'
FROM pg_temp.pair_ms(
	'CREATE TABLE rv AS SELECT id, review(body, lang => lang) AS r FROM corpus',
	'CREATE TABLE tv AS SELECT id, body, to_tsvector(pg_temp.ts_cfg(lang), body) AS v FROM corpus',
	3, 'DROP TABLE IF EXISTS rv', 'DROP TABLE IF EXISTS tv') m;
VACUUM ANALYZE rv;
VACUUM ANALYZE tv;
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'size', 'table (review value vs body + tsvector)',
	pg_table_size('rv') / 1048576.0, 'text + tsvector', pg_table_size('tv') / 1048576.0, 'MB';

-- Redaction from the stored spans against regexp_replace of the same markup
-- (threshold 1: marked spans only, which is what the regexp can see).
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'redact', 'redact(r, ''[spoiler]'', 1)', m[1], 'regexp_replace (8 dialects)', m[2], 'ms'
FROM pg_temp.pair_ms('SELECT sum(length(redact(r, ''[spoiler]'', 1))) FROM rv',
	$q$SELECT sum(length(regexp_replace(body,
		'\|\|.*?\|\||>!.*?!<|!!.*?!!|\[spoiler(=[^\]]*)?\].*?\[/spoiler\]|\(view spoiler\)\[.*?\(hide spoiler\)\]|<spoiler>.*?</spoiler>|<span class="spoiler">.*?</span>|<details>.*?</details>',
		'[spoiler]', 'g'))) FROM tv$q$, 3) m;

-- Index build and size.
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'index', 'GIN build (review_ops)',
	pg_temp.median_ms('CREATE INDEX rv_gin ON rv USING gin (r)', 1),
	'GIN build (tsvector_ops)',
	pg_temp.median_ms('CREATE INDEX tv_gin ON tv USING gin (v)', 1), 'ms';
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'index', 'GIN build (review_ops)', (SELECT pg_review FROM results WHERE what = 'GIN build (review_ops)'),
	'RUM build (rum_tsvector_ops)',
	pg_temp.median_ms('CREATE INDEX tv_rum ON tv USING rum (v rum_tsvector_ops)', 1), 'ms';
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'size', 'GIN index (review_ops)', pg_relation_size('rv_gin') / 1048576.0,
	'GIN index (tsvector_ops)', pg_relation_size('tv_gin') / 1048576.0, 'MB'
UNION ALL
SELECT 'size', 'GIN index (review_ops)', pg_relation_size('rv_gin') / 1048576.0,
	'RUM index (rum_tsvector_ops)', pg_relation_size('tv_rum') / 1048576.0, 'MB';

-- RUM on the review column (pg_review_rum), built on a copy of the table so
-- that the review queries below keep using GIN and these use RUM only.
\if :review_rum
CREATE TABLE rv_rum AS SELECT * FROM rv;
VACUUM ANALYZE rv_rum;
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'index', 'RUM build (review_rum_ops)',
	pg_temp.median_ms('CREATE INDEX rv_rum_idx ON rv_rum USING rum (r review_rum_ops)', 1),
	'RUM build (rum_tsvector_ops)',
	(SELECT baseline_value FROM results WHERE baseline = 'RUM build (rum_tsvector_ops)'), 'ms';
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'size', 'RUM index (review_rum_ops)', pg_relation_size('rv_rum_idx') / 1048576.0,
	'RUM index (rum_tsvector_ops)', pg_relation_size('tv_rum') / 1048576.0, 'MB';
-- BM25 statistics of the copy (one scan; triggers from then on).
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'index', 'BM25 statistics (review_corpus_track)',
	pg_temp.median_ms($$SELECT review_corpus_track('rv_rum')$$, 1),
	'RUM build (rum_tsvector_ops)',
	(SELECT baseline_value FROM results WHERE what = 'GIN build (review_ops)'
	 AND baseline = 'RUM build (rum_tsvector_ops)'), 'ms';
\endif

-- The queries: probes(what, reviewquery, tsquery).
CREATE TEMP TABLE probes (n int, what text, rq text, tq text);
INSERT INTO probes VALUES
	(1, 'rare term',    'zorblax',           'zorblax'),
	(2, 'common term',  'family',            'family'),
	(3, 'two-term AND', 'worker & wealth',   'worker & wealth'),
	(4, 'phrase',       '"american dream"',  'american <-> dream'),
	(5, 'prefix',       'betray*',           'betray:*');
-- A rare term that exists: the first generated pseudo-word that occurs
-- exactly once in the first 2000 reviews.
UPDATE probes SET rq = w, tq = w FROM (
	SELECT k AS w FROM rv, unnest(review_keywords(r)) k WHERE id <= 2000 AND k ~ '^[a-z]{6,}$'
	GROUP BY k HAVING count(*) = 1 ORDER BY k LIMIT 1) x WHERE what = 'rare term';

\set rv rv
\set tv tv
\set tv_rum tv_rum
\set label ''
\set rum_rows :review_rum
\ir queries.sql

-- The same with lz4 TOAST compression on both sides (a column or server
-- setting, not the default): queries that read the stored values (phrase
-- rechecks, ranking) pay for decompressing them.  One timed ingest each.
SET default_toast_compression = lz4;
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'ingest', 'text -> review, lz4',
	pg_temp.median_ms('CREATE TABLE rv_lz4 AS SELECT id, review(body, lang => lang) AS r FROM corpus', 1),
	'to_tsvector(cfg, text), lz4',
	pg_temp.median_ms('CREATE TABLE tv_lz4 AS SELECT id, body, to_tsvector(pg_temp.ts_cfg(lang), body) AS v FROM corpus', 1),
	'ms';
RESET default_toast_compression;
VACUUM ANALYZE rv_lz4;
VACUUM ANALYZE tv_lz4;
CREATE INDEX ON rv_lz4 USING gin (r);
CREATE INDEX ON tv_lz4 USING gin (v);
CREATE INDEX tv_lz4_rum ON tv_lz4 USING rum (v rum_tsvector_ops);
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'size', 'table (review value vs body + tsvector), lz4',
	pg_table_size('rv_lz4') / 1048576.0, 'text + tsvector', pg_table_size('tv_lz4') / 1048576.0, 'MB';
\set rv rv_lz4
\set tv tv_lz4
\set tv_rum tv_lz4_rum
\set label ', lz4'
\set rum_rows off
\ir queries.sql

SELECT area, what, round(pg_review::numeric, 2) AS pg_review, baseline,
	   round(baseline_value::numeric, 2) AS baseline_value, unit,
	   round((pg_review / NULLIF(baseline_value, 0))::numeric, 2) AS ratio
FROM results ORDER BY n;
