-- Sharded search against single-server search, on the coordinator of
-- bench/shard_bench.sh: local_reviews (one table, GIN index) and reviews
-- (hash-partitioned on id, 4 postgres_fdw partitions on 2 shards, a GIN index
-- per partition) hold the same reviews.  Each query runs `runs` times on
-- each table, alternating; the medians and their ratio are printed, and the
-- two results must be identical (md5 of the sorted rows).
\set ON_ERROR_STOP 1
\pset footer off
SET max_parallel_workers_per_gather = 0;	-- one process per server
SET jit = off;
SET enable_partitionwise_aggregate = on;	-- lets grouped queries ship per partition

CREATE FUNCTION pg_temp.run_ms(stmt text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE stmt;
	RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;

-- Number of rows (the value itself for a one-row, one-column result) and
-- md5 of the sorted rows.
CREATE FUNCTION pg_temp.digest(stmt text, OUT n text, OUT md5 text) LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('SELECT CASE WHEN count(*) = 1 THEN trim(both ''()'' from min(x::text)) ELSE count(*) || %L END,
		md5(coalesce(string_agg(x::text, %L ORDER BY x::text), %L)) FROM (%s) x',
		' rows', '|', '', stmt) INTO n, md5;
END $$;

CREATE TEMP TABLE results (ord int, what text, query text, runs int, single_ms float8, sharded_ms float8,
	result text, same boolean);

CREATE FUNCTION pg_temp.bench(ord int, what text, stmt text, runs int DEFAULT 7) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	single float8[] := '{}';
	sharded float8[] := '{}';
	a record;
	b record;
BEGIN
	IF runs > 1 THEN	-- warm both caches (not for the slow ones)
		PERFORM pg_temp.run_ms(format(stmt, 'local_reviews'));
		PERFORM pg_temp.run_ms(format(stmt, 'reviews'));
	END IF;
	FOR i IN 1..runs LOOP
		single := single || pg_temp.run_ms(format(stmt, 'local_reviews'));
		sharded := sharded || pg_temp.run_ms(format(stmt, 'reviews'));
	END LOOP;
	a := pg_temp.digest(format(stmt, 'local_reviews'));
	b := pg_temp.digest(format(stmt, 'reviews'));
	INSERT INTO results VALUES (ord, what, format(stmt, 'T'), runs,
		(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(single) x),
		(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(sharded) x),
		a.n, a.md5 = b.md5);
END $$;

SELECT count(*) AS reviews, pg_size_pretty(pg_total_relation_size('local_reviews')) AS single_table_size,
	pg_size_pretty(pg_relation_size('local_reviews_r_idx')) AS single_gin_size FROM local_reviews;

-- The least frequent pseudo-word among the first 2000 reviews: a rare term
-- that exists (as bench/bench.sql picks it).
SELECT k AS rare FROM local_reviews, unnest(review_keywords(r)) k
WHERE id <= 2000 AND k ~ '^[a-z]{6,}$' GROUP BY k HAVING count(*) = 1 ORDER BY k LIMIT 1 \gset

\o /dev/null
-- Searches whose whole work is done on the shards (the counts come back
-- as one empty row per match).
SELECT pg_temp.bench(1, 'rare term, count',      format('SELECT count(*) FROM %%s WHERE r @@ %L::reviewquery', :'rare'));
SELECT pg_temp.bench(2, 'two-term AND, count',   $q$SELECT count(*) FROM %s WHERE r @@ 'worker & wealth'::reviewquery$q$);
SELECT pg_temp.bench(3, 'phrase, count',         $q$SELECT count(*) FROM %s WHERE r @@ '"american dream"'::reviewquery$q$);
SELECT pg_temp.bench(4, 'prefix, count',         $q$SELECT count(*) FROM %s WHERE r @@ 'betray*'::reviewquery$q$);
SELECT pg_temp.bench(5, 'common term, count',    $q$SELECT count(*) FROM %s WHERE r @@ 'family'::reviewquery$q$);
SELECT pg_temp.bench(6, 'spoiler-safe @@~, count', $q$SELECT count(*) FROM %s WHERE r @@~ 'family & death'::reviewquery$q$);
-- Top 10 by review_rank, ranked on the shards: grouping by id and rank
-- ships review_rank() in each partition's remote query, only (id, rank)
-- comes back ...
SELECT pg_temp.bench(7, 'top 10 by review_rank, ranked on the shards', $q$SELECT id FROM (
	SELECT id, review_rank(r, 'worker & wealth'::reviewquery) AS rank FROM %s
	WHERE r @@ 'worker & wealth'::reviewquery GROUP BY id, review_rank(r, 'worker & wealth'::reviewquery)) m
	ORDER BY rank DESC, id LIMIT 10$q$);
-- ... written plainly, the shards sort by review_rank but the coordinator
-- needs the review values to compute the rank itself.
SELECT pg_temp.bench(8, 'top 10 by review_rank, plain ORDER BY', $q$SELECT id FROM %s WHERE r @@ 'worker & wealth'::reviewquery
	ORDER BY review_rank(r, 'worker & wealth'::reviewquery) DESC, id LIMIT 10$q$, 3);
-- redact() of the matches: computed on the shards (grouped per partition,
-- only the text comes back) ...
SELECT pg_temp.bench(9, 'redact() of matches, on the shards', $q$SELECT id, redact(r) FROM %s
	WHERE r @@ 'worker & wealth'::reviewquery GROUP BY id, redact(r)$q$);
-- ... or on the coordinator, which then receives the review values (text
-- form, parsed and analysed again on arrival).
SELECT pg_temp.bench(10, 'redact() of matches, on the coordinator', $q$SELECT id, redact(r) FROM %s
	WHERE r @@ 'worker & wealth'::reviewquery$q$, 3);
-- A text right-hand side: shipped since 0.3.0 (review_support drops the
-- input collation postgres_fdw refused).  With 0.2.0 every review travelled
-- to the coordinator and was parsed there (130 times the single-server time
-- in the README's figures).
SELECT pg_temp.bench(11, '@@ text, count', $q$SELECT count(*) FROM %s WHERE r @@ 'worker & wealth'::text$q$);
\o

SELECT ord AS "#", what, runs, result, round(single_ms::numeric, 1) AS single_ms,
	round(sharded_ms::numeric, 1) AS sharded_ms, round((sharded_ms / single_ms)::numeric, 2) AS "sharded/single",
	same AS "same result"
FROM results ORDER BY ord;
SELECT ord AS "#", query FROM results ORDER BY ord;
SELECT bool_and(same) AS all_results_identical FROM results;
