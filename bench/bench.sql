-- pg_review benchmark: one session, pg_review side by side with PostgreSQL's
-- full text search (tsvector + GIN, and RUM) on the same texts.
-- Run by bench/run.sh, which loads the corpus into table corpus(id, lang, body).
\set ON_ERROR_STOP 1
\pset footer off
SET max_parallel_workers_per_gather = 0;	-- compare single-process work
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

CREATE TEMP TABLE results (area text, what text, pg_review_ms float8, baseline text, baseline_ms float8);

SELECT count(*) AS reviews, round(sum(octet_length(body)) / 1e6, 1) AS mb FROM corpus;

-- Ingest: parsing + analysis (sentences, spoiler scores, keywords) against
-- to_tsvector('english') of the same text.
INSERT INTO results SELECT 'ingest', 'text -> review vs to_tsvector',
	pg_temp.median_ms('CREATE TABLE rv_tmp AS SELECT id, review(body, lang => lang) AS r FROM corpus', 3, 'DROP TABLE IF EXISTS rv_tmp'),
	'to_tsvector(''english'', text)',
	pg_temp.median_ms('CREATE TABLE tv_tmp AS SELECT id, to_tsvector(''english'', body) AS v FROM corpus', 3, 'DROP TABLE IF EXISTS tv_tmp');
DROP TABLE IF EXISTS rv_tmp;
DROP TABLE IF EXISTS tv_tmp;

CREATE TABLE rv AS SELECT id, review(body, lang => lang) AS r FROM corpus;
CREATE TABLE tv AS SELECT id, body, to_tsvector('english', body) AS v FROM corpus;
VACUUM ANALYZE rv;
VACUUM ANALYZE tv;

-- Redaction from the stored spans against regexp_replace of the same markup.
INSERT INTO results SELECT 'redact', 'redact(r) vs regexp_replace of markup',
	pg_temp.median_ms('SELECT sum(length(redact(r, ''[spoiler]'', 1))) FROM rv', 3),
	'regexp_replace(body, <8 dialects>)',
	pg_temp.median_ms($q$SELECT sum(length(regexp_replace(body,
		'\|\|.*?\|\||>!.*?!<|!!.*?!!|\[spoiler(=[^\]]*)?\].*?\[/spoiler\]|\(view spoiler\)\[.*?\(hide spoiler\)\]|<spoiler>.*?</spoiler>|<span class="spoiler">.*?</span>|<details>.*?</details>',
		'[spoiler]', 'g'))) FROM tv$q$, 3);

-- Index build and size.
INSERT INTO results SELECT 'index', 'GIN build (review_ops) vs GIN build (tsvector_ops)',
	pg_temp.median_ms('CREATE INDEX rv_gin ON rv USING gin (r)', 1),
	'tsvector GIN',
	pg_temp.median_ms('CREATE INDEX tv_gin ON tv USING gin (v)', 1);
INSERT INTO results SELECT 'index', 'RUM build (rum_tsvector_ops)', NULL, 'tsvector RUM',
	pg_temp.median_ms('CREATE INDEX tv_rum ON tv USING rum (v rum_tsvector_ops)', 1);
SELECT pg_size_pretty(pg_relation_size('rv_gin')) AS review_gin_size,
       pg_size_pretty(pg_relation_size('tv_gin')) AS tsvector_gin_size,
       pg_size_pretty(pg_relation_size('tv_rum')) AS tsvector_rum_size,
       round(pg_relation_size('rv_gin')::numeric / pg_relation_size('tv_gin'), 2) AS gin_size_ratio;

-- Query latency through the indexes (median of 9 runs each).
SET enable_seqscan = off;
CREATE TEMP TABLE probes (what text, rq text, tq text);
INSERT INTO probes VALUES
	('rare term',        'zorblax',               'zorblax'),
	('common term',      'family',                'family'),
	('two-term AND',     'worker & wealth',       'worker & wealth'),
	('phrase',           '"american dream"',      'american <-> dream'),
	('prefix',           'betray*',               'betray:*');
-- A rare term that exists: the least frequent generated pseudo-word in the corpus.
UPDATE probes SET rq = w, tq = w FROM (
	SELECT k AS w FROM rv, unnest(review_keywords(r)) k WHERE id <= 2000 AND k ~ '^[a-z]{6,}$'
	GROUP BY k HAVING count(*) = 1 ORDER BY k LIMIT 1) x WHERE what = 'rare term';
INSERT INTO results
SELECT 'query', what || ' (' || rq || ')',
	pg_temp.median_ms(format('SELECT count(*) FROM rv WHERE r @@ %L::reviewquery', rq), 9),
	'tsvector GIN @@ to_tsquery',
	pg_temp.median_ms(format('SELECT count(*) FROM tv WHERE v @@ to_tsquery(''english'', %L)', tq), 9)
FROM probes;
SELECT what, (SELECT count(*) FROM rv WHERE r @@ rq::reviewquery) AS pg_review_rows,
       (SELECT count(*) FROM tv WHERE v @@ to_tsquery('english', tq)) AS tsvector_rows
FROM probes;

-- Top-10 ranked: review_rank against RUM's <=> ordering and ts_rank over GIN.
INSERT INTO results SELECT 'query', 'top-10 ranked (worker & wealth)',
	pg_temp.median_ms($q$SELECT id FROM rv WHERE r @@ 'worker & wealth'::reviewquery
		ORDER BY review_rank(r, 'worker & wealth'::reviewquery) DESC LIMIT 10$q$, 9),
	'RUM v <=> tsquery',
	pg_temp.median_ms($q$SELECT id FROM tv WHERE v @@ to_tsquery('english', 'worker & wealth')
		ORDER BY v <=> to_tsquery('english', 'worker & wealth') LIMIT 10$q$, 9);
DROP INDEX tv_rum;
INSERT INTO results SELECT 'query', 'top-10 ranked (worker & wealth)', NULL,
	'tsvector GIN + ts_rank',
	pg_temp.median_ms($q$SELECT id FROM tv WHERE v @@ to_tsquery('english', 'worker & wealth')
		ORDER BY ts_rank(v, to_tsquery('english', 'worker & wealth')) DESC LIMIT 10$q$, 9);
RESET enable_seqscan;

SELECT area, what, round(pg_review_ms::numeric, 2) AS pg_review_ms, baseline,
       round(baseline_ms::numeric, 2) AS baseline_ms,
       round((pg_review_ms / NULLIF(baseline_ms, 0))::numeric, 2) AS ratio
FROM results;
