-- Keyword statistics (review_typanalyze) and the selectivity estimates of
-- the search operators (review_matchsel): estimates within a factor of two
-- of the actual row counts.  Temporary tables, so no autovacuum.
SET extra_float_digits = 0;
SET max_parallel_workers_per_gather = 0;

-- The planner's row estimate of a query.
CREATE FUNCTION pg_temp.plan_rows(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	j json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO j;
	RETURN (j->0->'Plan'->>'Plan Rows')::float8;
END $$;

-- Actual count of rows of tab matching cond, and whether the estimate is
-- within a factor of two (at most 1% of the rows when nothing matches).
CREATE FUNCTION pg_temp.check_est(tab text, expr text,
	OUT cond text, OUT actual bigint, OUT estimate_ok boolean)
LANGUAGE plpgsql AS $$
DECLARE
	est float8;
	total bigint;
BEGIN
	cond := expr;
	EXECUTE format('SELECT count(*) FROM %s WHERE %s', tab, expr) INTO actual;
	EXECUTE format('SELECT count(*) FROM %s', tab) INTO total;
	est := pg_temp.plan_rows(format('SELECT * FROM %s WHERE %s', tab, expr));
	estimate_ok := CASE WHEN actual = 0 THEN est <= total * 0.01
	                    ELSE est BETWEEN actual / 2.0 AND actual * 2.0 END;
	IF NOT estimate_ok THEN
		RAISE NOTICE '%: estimate % for % rows', expr, est, actual;
	END IF;
END $$;

-- 4000 reviews: "harbor" in 50%, "lantern" in 20% (half of them only inside
-- a marked spoiler), "mosaic" in 1%, "zeppelin" in none, and fillers.
CREATE TEMP TABLE est (id int, r review);
INSERT INTO est
SELECT i, (
	'The ' || CASE WHEN i % 2 = 0 THEN 'harbor ' ELSE '' END ||
	'filler' || (i * 37 % 300) || ' and word' || (i * 101 % 997) || ' stand here. ' ||
	CASE i % 10 WHEN 3 THEN 'A lantern glows. ' WHEN 4 THEN '||A lantern glows.|| ' ELSE '' END ||
	CASE WHEN i % 100 = 7 THEN 'A mosaic floor. ' ELSE '' END ||
	'Quiet evening' || CASE WHEN i % 3 = 0 THEN ' light' ELSE '' END || '.')::review
FROM generate_series(1, 4000) i;
-- Every row in the sample (300 x target), and room for 1% keywords.
ALTER TABLE est ALTER COLUMN r SET STATISTICS 1000;

-- Before ANALYZE: the default selectivity, 0.5% a term.
SELECT round((pg_temp.plan_rows($$SELECT * FROM est WHERE r @@ 'harbor'::reviewquery$$) /
              pg_temp.plan_rows('SELECT * FROM est'))::numeric, 3) AS default_selectivity;

ANALYZE est;

-- The most common keywords, spoiler-only ones with a leading \x01.
SELECT replace(e, chr(1), '\x01') AS elem, round(f::numeric, 3) AS freq
FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(e, f)
WHERE s.tablename = 'est' AND s.attname = 'r'
  AND replace(e, chr(1), '') IN ('harbor', 'lantern', 'mosaic', 'zeppelin', 'quiet', 'light')
ORDER BY e;
SELECT null_frac, avg_width > 0 AS has_width, n_distinct,
       array_length(most_common_elem_freqs, 1) = array_length(most_common_elems::text::text[], 1) + 2
           AS min_max_extra
FROM pg_stats WHERE tablename = 'est' AND attname = 'r';

SELECT e.* FROM unnest(ARRAY[
	$$r @@ 'harbor'::reviewquery$$,
	$$r @@ 'lantern'::reviewquery$$,
	$$r @@~ 'lantern'::reviewquery$$,
	$$r @@ 'mosaic'::reviewquery$$,
	$$r @@ 'zeppelin'::reviewquery$$,
	$$r @@ 'harbor & lantern'::reviewquery$$,
	$$r @@ 'harbor | lantern'::reviewquery$$,
	$$r @@ 'harbor & !lantern'::reviewquery$$,
	$$r @@ '!harbor'::reviewquery$$,
	$$r @@ 'harbor & light'::reviewquery$$,
	$$r @@ 'mosaic | lantern'::reviewquery$$,
	$$r @@ 'lant*'::reviewquery$$,
	$$r @@~ 'lant*'::reviewquery$$,
	$$r @@ 'harb* & lant*'::reviewquery$$,
	$$r @@ '"quiet evening"'::reviewquery$$,
	$$r @@ 'harbors'$$,
	$$r @@~ 'lanterns'$$,
	$$r @@ 'harbor & !mosaic'$$,
	$$r ? 'harbor'$$,
	$$r ? 'lanterns'$$,
	$$r ? 'mosaic'$$,
	$$r ? 'zeppelin'$$,
	$$r ?| ARRAY['lantern', 'mosaic']$$,
	$$r ?| ARRAY['harbor', NULL]$$,
	$$r ?& ARRAY['harbor', 'lantern']$$,
	$$r ?& ARRAY['harbor', 'light', 'lantern']$$
]) AS c, LATERAL pg_temp.check_est('est', c) e;

-- A constant the planner cannot see: the default.
PREPARE p(reviewquery) AS SELECT * FROM est WHERE r @@ $1;
SET plan_cache_mode = force_generic_plan;
SELECT pg_temp.plan_rows($$EXECUTE p('harbor')$$) AS generic_estimate;
RESET plan_cache_mode;
DEALLOCATE p;
-- NULL constants match nothing; the empty query neither.
SELECT pg_temp.plan_rows($$SELECT * FROM est WHERE r @@ NULL::reviewquery$$) AS null_query,
       pg_temp.plan_rows($$SELECT * FROM est WHERE r @@ ''::reviewquery$$) AS empty_query;
-- Text that does not parse is the executor's error, not the planner's.
SELECT pg_temp.plan_rows($$SELECT * FROM est WHERE r @@ 'harbor & ('$$) AS bad_text;

-- NULLs and large, TOASTed values (each with a few hundred keywords).
CREATE TEMP TABLE est_big (id int, r review);
INSERT INTO est_big
SELECT i, CASE
	WHEN i % 10 = 0 THEN NULL
	WHEN i % 50 = 1 THEN ('harbor mosaic ' || (SELECT string_agg(md5((i * 1000 + g)::text), ' ')
	                                         FROM generate_series(1, 300) g))::review
	ELSE ('The harbor at dusk' || CASE WHEN i % 4 = 0 THEN ', a lantern.' ELSE '.' END)::review
	END
FROM generate_series(1, 500) i;
SELECT count(*) FILTER (WHERE pg_column_size(r) > 8000) AS large,
       count(*) FILTER (WHERE r IS NULL) AS nulls
FROM est_big;
ANALYZE est_big;
SELECT null_frac, avg_width > 100 AS wide
FROM pg_stats WHERE tablename = 'est_big' AND attname = 'r';
SELECT e.* FROM unnest(ARRAY[
	$$r @@ 'harbor'::reviewquery$$,
	$$r @@ 'lantern'::reviewquery$$,
	$$r @@ 'harbor & !dusk'::reviewquery$$,
	$$r ? 'dusk'$$
]) AS c, LATERAL pg_temp.check_est('est_big', c) e;

-- Reviews of realistic size at the default statistics target: 3000 rows of
-- 150 distinct rare words each (450 000 keys for Lossy Counting), "harbor" in
-- 30% and "lantern" in a seventh of them: the common keywords are still found.
CREATE TEMP TABLE est_wide (id int, r review);
INSERT INTO est_wide
SELECT i, ((CASE WHEN i % 10 < 3 THEN 'harbor ' ELSE '' END) ||
           (CASE WHEN i % 7 = 0 THEN 'lantern ' ELSE '' END) ||
           (SELECT string_agg('w' || substr(md5((i * 1000 + g)::text), 1, 8), ' ')
            FROM generate_series(1, 150) g))::review
FROM generate_series(1, 3000) i;
ANALYZE est_wide;
SELECT most_common_elems::text::text[] @> ARRAY['harbor', 'lantern'] AS common_found
FROM pg_stats WHERE tablename = 'est_wide' AND attname = 'r';
SELECT e.* FROM unnest(ARRAY[
	$$r @@ 'harbor'::reviewquery$$,
	$$r @@ 'lantern'::reviewquery$$,
	$$r @@ 'harbor & lantern'::reviewquery$$,
	$$r ? 'harbor'$$
]) AS c, LATERAL pg_temp.check_est('est_wide', c) e;

-- A column of NULLs only.
CREATE TEMP TABLE est_null (r review);
INSERT INTO est_null SELECT NULL FROM generate_series(1, 100);
ANALYZE est_null;
SELECT null_frac, most_common_elems IS NULL AS no_elems
FROM pg_stats WHERE tablename = 'est_null' AND attname = 'r';
SELECT pg_temp.plan_rows($$SELECT * FROM est_null WHERE r @@ 'harbor'::reviewquery$$) AS rows_of_nulls;
