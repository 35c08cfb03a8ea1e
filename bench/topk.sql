-- BM25 top-k through the index: ORDER BY r <#> bq LIMIT 10 on review_rum_ops
-- against RUM's ORDER BY v <=> tsquery LIMIT 10 on rum_tsvector_ops, the
-- same query over the same Snowball lexemes, in one session with alternating
-- runs (medians of :runs).  Run by bench/topk.sh, which loads rv(id, r) with
-- a review_rum_ops index and tracked statistics, and tv(id, v) with a
-- rum_tsvector_ops index.  Queries of growing match counts show how both
-- grow with the matches; "us/match" is the median time over the matches.
\set ON_ERROR_STOP 1
\if :{?runs}
\else
\set runs 9
\endif
\pset footer off
SET max_parallel_workers_per_gather = 0;
SET jit = off;
-- The plans measured are the ordered index scans (the estimate of @@ being
-- low, the planner could prefer a bitmap scan and a sort).
SET enable_bitmapscan = off;
SET enable_seqscan = off;

\ir alternate.sql

-- (what, reviewquery, tsquery, safe): safe ranks what a spoiler-free reader
-- sees (@@~ and safe statistics) against the same tsvector query.
CREATE TEMP TABLE probes (n serial, what text, rq text, tq text, safe bool);
INSERT INTO probes (what, rq, tq, safe) VALUES
	('rare term',        'rose',            'rose',            false),
	('term',             'night',           'night',           false),
	('common term',      'love',            'love',            false),
	('two-term AND',     'worker & wealth', 'worker & wealth', false),
	('two-term OR',      'worker | wealth', 'worker | wealth', false),
	('two-term OR, @@~', 'worker | wealth', 'worker | wealth', true),
	('common OR',        'love | work',     'love | work',     false);

-- The statements.  review_bm25_query reads the statistics once, as a scalar
-- subquery (an InitPlan: the planner does not call it while costing paths,
-- as it does when the call is pulled up from a subquery in FROM).
CREATE TEMP TABLE stmts AS
SELECT n, what, rq,
	   format($q$SELECT id FROM rv WHERE r %s %L::reviewquery
		ORDER BY r <#> (SELECT review_bm25_query(%L, 'rv', safe => %L)) LIMIT 10$q$,
			  CASE WHEN safe THEN '@@~' ELSE '@@' END, rq, rq, safe) AS bm25,
	   format($q$SELECT id FROM tv WHERE v @@ to_tsquery('english', %L)
		ORDER BY v <=> to_tsquery('english', %L) LIMIT 10$q$, tq, tq) AS rum,
	   (SELECT count(*) FROM rv WHERE CASE WHEN safe THEN r @@~ rq::reviewquery
		ELSE r @@ rq::reviewquery END) AS matches,
	   (SELECT count(*) FROM tv WHERE v @@ to_tsquery('english', tq)) AS tsvector_matches
FROM probes;

-- The plans: an Index Scan with Order By on both sides.
SELECT bm25 AS plan_bm25, rum AS plan_rum FROM stmts WHERE what = 'two-term OR' \gset
EXPLAIN (COSTS OFF) :plan_bm25;
EXPLAIN (COSTS OFF) :plan_rum;

CREATE TEMP TABLE results AS
SELECT s.n, s.what, s.rq AS query, s.matches, s.tsvector_matches,
	   pg_temp.alternate_ms(ARRAY[s.bm25, s.rum], ARRAY[NULL, NULL], :runs) AS m
FROM stmts s ORDER BY s.n;

SELECT what, query, matches, tsvector_matches,
	   round(m[1]::numeric, 2) AS bm25_ms, round(m[2]::numeric, 2) AS rum_ms,
	   round((m[1] / m[2])::numeric, 2) AS ratio,
	   round((1000 * m[1] / NULLIF(matches, 0))::numeric, 2) AS bm25_us_per_match,
	   round((1000 * m[2] / NULLIF(tsvector_matches, 0))::numeric, 2) AS rum_us_per_match
FROM results ORDER BY n;
