-- Query latency through the indexes, included by bench/bench.sql with psql
-- variables rv and tv (the tables: rv(id, r review) with GIN index, and
-- tv(id, body, v tsvector) with GIN and RUM indexes, the RUM index named
-- :tv_rum) and label (appended to each row's description); with rum_rows
-- on, also the review table's copy rv_rum with its RUM index (review_rum_ops)
-- and nothing else.  Medians of 9.
SET enable_seqscan = off;
-- Top-10 ranked: review_rank against RUM's <=> ordering first; then the RUM
-- index on tv is dropped, and everything else is compared with tsvector +
-- GIN (the planner would otherwise answer some tsvector queries with RUM).
SELECT format($q$SELECT id FROM %I WHERE r @@ 'worker & wealth'::reviewquery
		ORDER BY review_rank(r, 'worker & wealth'::reviewquery) DESC LIMIT 10$q$, :'rv') AS rank_rv,
	   format($q$SELECT id FROM %I WHERE v @@ to_tsquery('english', 'worker & wealth')
		ORDER BY v <=> to_tsquery('english', 'worker & wealth') LIMIT 10$q$, :'tv') AS rank_rum,
	   format($q$SELECT id FROM %I WHERE v @@ to_tsquery('english', 'worker & wealth')
		ORDER BY ts_rank(v, to_tsquery('english', 'worker & wealth')) DESC LIMIT 10$q$, :'tv') AS rank_gin
\gset
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'query', 'top-10 ranked (worker & wealth)' || :'label', m[1], 'RUM v <=> tsquery', m[2], 'ms'
FROM pg_temp.pair_ms(:'rank_rv', :'rank_rum', 9) m;
\if :rum_rows
-- The same top 10 through RUM on both sides: review_rum_ops ranks from the
-- positions in the index (an Index Scan with Order By; the estimate of @@
-- being low, bitmap scans are switched off for it).
SELECT $q$SELECT id FROM rv_rum WHERE r @@ 'worker & wealth'::reviewquery
		ORDER BY r <=> 'worker & wealth'::reviewquery LIMIT 10$q$ AS rank_rv_rum \gset
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) :rank_rv_rum;
RESET enable_bitmapscan;
EXPLAIN (COSTS OFF) :rank_rum;
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'query', 'top-10 ranked, review RUM (worker & wealth)', m[1], 'RUM v <=> tsquery', m[2], 'ms'
FROM pg_temp.pair_ms(:'rank_rv_rum', :'rank_rum', 9,
					 'SET enable_bitmapscan = off', 'RESET enable_bitmapscan') m;
-- BM25 top 10 through review_rum_ops (ORDER BY r <#> bq: statistics read
-- once, by a scalar subquery, every match scored from the index) against
-- RUM's <=>, for an AND and an OR of common terms (the OR has the most
-- matches to score).  bench/topk.sh measures more queries.
SELECT $q$SELECT id FROM rv_rum WHERE r @@ 'worker & wealth'::reviewquery
		ORDER BY r <#> (SELECT review_bm25_query('worker & wealth', 'rv_rum')) LIMIT 10$q$ AS bm25_and,
	   $q$SELECT id FROM rv_rum WHERE r @@ 'worker | wealth'::reviewquery
		ORDER BY r <#> (SELECT review_bm25_query('worker | wealth', 'rv_rum')) LIMIT 10$q$ AS bm25_or,
	   format($q$SELECT id FROM %I WHERE v @@ to_tsquery('english', 'worker | wealth')
		ORDER BY v <=> to_tsquery('english', 'worker | wealth') LIMIT 10$q$, :'tv') AS rank_rum_or
\gset
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) :bm25_or;
RESET enable_bitmapscan;
SELECT (SELECT count(*) FROM rv_rum WHERE r @@ 'worker & wealth'::reviewquery) AS and_matches,
	   (SELECT count(*) FROM rv_rum WHERE r @@ 'worker | wealth'::reviewquery) AS or_matches;
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'query', 'top-10 BM25, review RUM (worker & wealth)', m[1], 'RUM v <=> tsquery', m[2], 'ms'
FROM pg_temp.pair_ms(:'bm25_and', :'rank_rum', 9,
					 'SET enable_bitmapscan = off', 'RESET enable_bitmapscan') m;
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'query', 'top-10 BM25, review RUM (worker | wealth)', m[1], 'RUM v <=> tsquery', m[2], 'ms'
FROM pg_temp.pair_ms(:'bm25_or', :'rank_rum_or', 9,
					 'SET enable_bitmapscan = off', 'RESET enable_bitmapscan') m;
\endif
DROP INDEX :tv_rum;
-- Single terms, AND, phrase and prefix against tsvector + GIN: with the RUM
-- index gone, the planner cannot answer the tsvector side with RUM.
EXPLAIN (COSTS OFF) SELECT count(*) FROM :tv WHERE v @@ to_tsquery('english', 'american <-> dream');
-- Same rows on both sides, or the comparison is not fair.
SELECT what || :'label' AS what, rq AS query,
	   (SELECT count(*) FROM :rv WHERE r @@ rq::reviewquery) AS pg_review_rows,
	   (SELECT count(*) FROM :tv WHERE v @@ to_tsquery('english', tq)) AS tsvector_rows
FROM probes ORDER BY n;
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'query', what || ' (' || rq || ')' || :'label', m[1], 'GIN @@ to_tsquery', m[2], 'ms'
FROM (SELECT n, what, rq, pg_temp.pair_ms(
		format('SELECT count(*) FROM %I WHERE r @@ %L::reviewquery', :'rv', rq),
		format('SELECT count(*) FROM %I WHERE v @@ to_tsquery(''english'', %L)', :'tv', tq), 9) AS m
	  FROM probes) x
ORDER BY n;

INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'query', 'top-10 ranked (worker & wealth)' || :'label', m[1], 'GIN + ts_rank', m[2], 'ms'
FROM pg_temp.pair_ms(:'rank_rv', :'rank_gin', 9) m;

\if :rum_rows
-- A phrase through review_rum_ops (decided from the positions in the index,
-- no recheck) against tsvector + GIN (the RUM index on tv is gone).
SELECT $q$SELECT count(*) FROM rv_rum WHERE r @@ '"american dream"'::reviewquery$q$ AS phrase_rv_rum,
	   format($q$SELECT count(*) FROM %I WHERE v @@ to_tsquery('english', 'american <-> dream')$q$, :'tv') AS phrase_gin
\gset
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) :phrase_rv_rum;
EXPLAIN (COSTS OFF) :phrase_gin;
INSERT INTO results (area, what, pg_review, baseline, baseline_value, unit)
SELECT 'query', 'phrase, review RUM ("american dream")', m[1], 'GIN @@ to_tsquery', m[2], 'ms'
FROM pg_temp.pair_ms(:'phrase_rv_rum', :'phrase_gin', 9) m;
\endif
RESET enable_seqscan;
