-- pg_temp.alternate_ms, included (\ir) by the benchmarks that compare
-- statements run in turn in one session: load from elsewhere on the machine
-- then falls on all of them alike.
-- Medians (ms) of the statements stmts[i], each preceded by setups[i] (not
-- timed; NULL: none), run in turn `runs` times.
CREATE FUNCTION pg_temp.alternate_ms(stmts text[], setups text[], runs int)
RETURNS float8[] LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	n int := array_length(stmts, 1);
	times float8[] := array_fill(NULL::float8, ARRAY[n, runs]);
	med float8[] := '{}';
BEGIN
	FOR r IN 1..runs LOOP
		FOR i IN 1..n LOOP
			IF setups[i] IS NOT NULL THEN EXECUTE setups[i]; END IF;
			t0 := clock_timestamp();
			EXECUTE stmts[i];
			times[i][r] := extract(epoch FROM clock_timestamp() - t0) * 1000;
		END LOOP;
	END LOOP;
	FOR i IN 1..n LOOP
		med := med || (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x)
					   FROM unnest(times[i:i][1:runs]) x);
	END LOOP;
	RETURN med;
END $$;
