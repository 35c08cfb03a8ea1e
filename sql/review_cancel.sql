--
-- A huge review is cancelled by statement_timeout while it is analysed: the
-- analysis checks for interrupts in every long loop (markup, UTF-8, ICU
-- sentences and words, detector, stemming, keyword grouping), not once late.
-- Each input below takes many seconds to analyse in full.
--
CREATE FUNCTION pg_temp.cancel_time(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	PERFORM pg_column_size(t::review);
	RETURN 'not cancelled';
EXCEPTION WHEN query_canceled THEN
	-- the limit is 0.5 s; allow slack for a busy machine
	RETURN CASE WHEN clock_timestamp() - t0 < interval '2 s' THEN 'cancelled in time'
		   ELSE 'cancelled late' END;
END
$$;

-- The text is built before the timeout starts.
CREATE TEMP TABLE huge AS
SELECT 'one sentence of 10M words' AS what, repeat('q ', 10000000) AS t
UNION ALL SELECT '2M sentences', repeat('It rains. ', 2000000)
UNION ALL SELECT 'all in a spoiler', '||' || repeat('q ', 10000000) || '||'
UNION ALL SELECT 'markup', repeat('>!a!< ', 4000000);

SET statement_timeout = '500ms';
SELECT what, pg_temp.cancel_time(t) FROM huge WHERE what = 'one sentence of 10M words';
SELECT what, pg_temp.cancel_time(t) FROM huge WHERE what = '2M sentences';
SELECT what, pg_temp.cancel_time(t) FROM huge WHERE what = 'all in a spoiler';
SELECT what, pg_temp.cancel_time(t) FROM huge WHERE what = 'markup';

-- The error itself, as a client sees it.
SELECT pg_column_size(t::review) FROM huge WHERE what = 'one sentence of 10M words';
RESET statement_timeout;

-- The backend is fine afterwards: the cached ICU iterators were re-pointed.
SELECT review_keywords('It rains. The q is here.'::review);
SELECT redact('A ||q q|| b'::review);
