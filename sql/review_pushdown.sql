-- review_support (0.3.0), the planner support function of @@ text, @@~ text,
-- ?, ?|, ?& and redact(review, mask, threshold): it drops the input
-- collation of their calls (the functions ignore it), so postgres_fdw ships
-- them, and turns a function-form call of an operator into the operator,
-- which can use the GIN index.  Results are compared with 0.2.0, which has
-- no support function, on the same table.
SET extra_float_digits = 0;

DROP EXTENSION pg_review CASCADE;
CREATE EXTENSION pg_review VERSION '0.2.0';
CREATE TABLE pd (id int PRIMARY KEY, r review);
INSERT INTO pd
SELECT i, ((CASE i % 4
	WHEN 0 THEN E'---\ntitle: T' || i || E'\n---\n'
	WHEN 1 THEN E'NOTE: This review contains spoilers\n'
	WHEN 2 THEN E'---\nlang: fr\n---\n'
	ELSE '' END) ||
	(SELECT string_agg(
		(ARRAY['The workers strike at dawn.', 'Wealth corrupts the family.',
		       'In the end, the captain dies in the storm and the ship sinks.',
		       '||The butler was the killer all along.||', 'The American dream fades.',
		       'Nice music, weak script.', '>!Everyone drowns in the final scene.!<',
		       'Les ouvriers travaillent.', 'A slow, patient film about grief and the sea.',
		       'Dreaming of money and class.'])[1 + (i * 7 + k * 3) % 10], ' ')
	 FROM generate_series(1, 1 + i % 7) k))::review
FROM generate_series(1, 400) i;
INSERT INTO pd VALUES (0, NULL);
CREATE INDEX pd_r ON pd USING gin (r);
ANALYZE pd;

-- Every form of every affected call: operators, function forms, COLLATE "C"
-- on the argument, a collatable column as the argument.
CREATE TEMP TABLE pd_queries (qid int, q text);
INSERT INTO pd_queries VALUES
	(1, $$r @@ 'worker & wealth'$$),
	(2, $$review_match_text(r, 'worker & wealth')$$),
	(3, $$r @@ ('worker & wealth' COLLATE "C")$$),
	(4, $$r @@~ 'captain | butler'$$),
	(5, $$review_match_text_safe(r, 'captain | butler')$$),
	(6, $$r @@~ ('captain | butler' COLLATE "C")$$),
	(7, $$r ? 'sea'$$),
	(8, $$review_exists(r, 'sea')$$),
	(9, $$r ? ('sea' COLLATE "C")$$),
	(10, $$r ?| ARRAY['grief', 'killer']$$),
	(11, $$review_exists_any(r, ARRAY['grief', 'killer'])$$),
	(12, $$r ?| ARRAY['grief', 'killer' COLLATE "C"]$$),
	(13, $$r ?& ARRAY['worker', 'dawn']$$),
	(14, $$review_exists_all(r, ARRAY['worker', 'dawn'])$$),
	(15, $$r ?& ARRAY['worker' COLLATE "C", 'dawn']$$),
	(16, $$EXISTS (SELECT FROM (VALUES ('ouvriers' COLLATE "C"), ('ship')) w(t) WHERE r ? w.t)$$),
	(17, $$r ? NULL::text$$),
	(18, $$review_exists_any(r, NULL)$$),
	(19, $$NOT (r ? 'the')$$),
	(20, $$redact(r, '***', 1) LIKE '%***%'$$),
	(21, $$redact(r, '***' COLLATE "C", 0) LIKE '%***%'$$),
	(22, $$redact(r, mask => '#', threshold => 1) LIKE '%#%'$$),
	(23, $$redact(r, NULL, 1) IS NULL$$);

-- The matching ids of each query, from a sequential scan or, where the
-- planner can, from the index (enable_seqscan = off).
CREATE FUNCTION pg_temp.run_queries(use_index bool)
RETURNS TABLE (qid int, ids int[]) LANGUAGE plpgsql AS $$
DECLARE
	x record;
BEGIN
	PERFORM set_config('enable_seqscan', (NOT use_index)::text, true);
	PERFORM set_config('enable_bitmapscan', use_index::text, true);
	PERFORM set_config('enable_indexscan', use_index::text, true);
	FOR x IN SELECT * FROM pd_queries ORDER BY 1 LOOP
		qid := x.qid;
		EXECUTE 'SELECT coalesce(array_agg(id ORDER BY id), ''{}'') FROM pd WHERE ' || x.q INTO ids;
		RETURN NEXT;
	END LOOP;
END $$;
CREATE TEMP TABLE before_seq AS SELECT * FROM pg_temp.run_queries(false);
CREATE TEMP TABLE before_redact AS SELECT id, redact(r, '***', 1) AS red FROM pd;
-- EXPLAIN (COSTS OFF) of a query, without the "Disabled: true" line that 18
-- prints under a node that enable_seqscan = off disfavours (the node itself
-- still shows), so that one expected output holds on every major.
CREATE FUNCTION pg_temp.plan(q text) RETURNS TABLE ("QUERY PLAN" text)
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		CONTINUE WHEN line ~ '^\s*Disabled: true$';
		"QUERY PLAN" := line;
		RETURN NEXT;
	END LOOP;
END $$;
-- Without the support function the function form cannot use the index.
SET enable_seqscan = off;
SELECT * FROM pg_temp.plan($q$SELECT id FROM pd WHERE review_exists(r, 'sea')$q$);
RESET enable_seqscan;
-- ... and postgres_fdw (here a loopback server to this database) does not
-- ship the text forms: the text argument gives the call an input collation.
CREATE EXTENSION postgres_fdw;
SELECT current_database() AS db, current_setting('port') AS port,
       split_part(current_setting('unix_socket_directories'), ',', 1) AS sockdir \gset
CREATE SERVER pd_loopback FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host :'sockdir', port :'port', dbname :'db', extensions 'pg_review');
CREATE USER MAPPING FOR CURRENT_USER SERVER pd_loopback;
CREATE FOREIGN TABLE pd_remote (id int, r review) SERVER pd_loopback OPTIONS (table_name 'pd');
EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM pd_remote WHERE r ? 'sea';

ALTER EXTENSION pg_review UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'pg_review';
SELECT oid::regprocedure AS supported FROM pg_proc WHERE prosupport = 'review_support'::regproc ORDER BY 1;

-- The results are those of 0.2.0, by sequential scan and by index.
CREATE TEMP TABLE after_seq AS SELECT * FROM pg_temp.run_queries(false);
CREATE TEMP TABLE after_index AS SELECT * FROM pg_temp.run_queries(true);
SELECT q.qid, q.q, cardinality(b.ids) AS matches, a.ids = b.ids AS seq_same_as_020,
       i.ids = b.ids AS index_same_as_020
FROM pd_queries q JOIN before_seq b USING (qid) JOIN after_seq a USING (qid) JOIN after_index i USING (qid)
ORDER BY 1;
SELECT count(*) AS rows, count(*) FILTER (WHERE b.red IS NOT DISTINCT FROM redact(p.r, '***', 1)) AS same_redact
FROM before_redact b JOIN pd p USING (id);

-- Function forms are planned as the operator, so they use the index.
SET enable_seqscan = off;
SELECT * FROM pg_temp.plan($q$SELECT id FROM pd WHERE review_exists(r, 'sea')$q$);
SELECT * FROM pg_temp.plan($q$SELECT id FROM pd WHERE review_exists_any(r, ARRAY['grief', 'killer'])$q$);
SELECT * FROM pg_temp.plan($q$SELECT id FROM pd WHERE review_exists_all(r, ARRAY['worker', 'dawn'])$q$);
SELECT * FROM pg_temp.plan($q$SELECT id FROM pd WHERE review_match_text(r, 'worker & wealth')$q$);
SELECT * FROM pg_temp.plan($q$SELECT id FROM pd WHERE review_match_text_safe(r, 'captain | butler')$q$);
SELECT * FROM pg_temp.plan($q$SELECT id FROM pd WHERE r ? ('sea' COLLATE "C")$q$);
-- Only the functions given the support function are touched.
SELECT * FROM pg_temp.plan($q$SELECT id FROM pd WHERE review_match(r, 'worker & wealth')$q$);
RESET enable_seqscan;

-- Parameters: generic plans keep the operator (and the index), custom plans
-- see a constant; NULL finds nothing.
PREPARE q_exists(text) AS SELECT count(*) FROM pd WHERE r ? $1;
PREPARE q_fn(text[]) AS SELECT count(*) FROM pd WHERE review_exists_all(r, $1);
PREPARE q_redact(text) AS SELECT count(*) FROM pd WHERE redact(r, $1, 1) LIKE '%' || $1 || '%';
SET plan_cache_mode = force_generic_plan;
SET enable_seqscan = off;
SELECT * FROM pg_temp.plan($q$EXECUTE q_exists('sea')$q$);
SELECT * FROM pg_temp.plan($q$EXECUTE q_fn(ARRAY['worker', 'dawn'])$q$);
RESET enable_seqscan;
SELECT (SELECT cardinality(ids) FROM after_seq WHERE qid = 7) AS want;
EXECUTE q_exists('sea');
EXECUTE q_exists(NULL);
EXECUTE q_fn(ARRAY['worker', 'dawn']);
EXECUTE q_fn(NULL);
EXECUTE q_redact('***');
SET plan_cache_mode = force_custom_plan;
EXECUTE q_exists('sea');
EXECUTE q_exists(NULL);
EXECUTE q_fn(ARRAY['worker', 'dawn']);
EXECUTE q_redact('***');
RESET plan_cache_mode;
DEALLOCATE ALL;

-- postgres_fdw: every affected call is now in the Remote SQL, and the
-- results are the local ones.
EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM pd_remote WHERE r @@ 'worker & wealth';
EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM pd_remote WHERE r @@~ ('captain | butler' COLLATE "C");
EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM pd_remote WHERE r ? 'sea' OR review_exists(r, 'ship');
EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM pd_remote WHERE r ?| ARRAY['grief', 'killer'] AND r ?& ARRAY['worker'];
EXPLAIN (VERBOSE, COSTS OFF) SELECT id, redact(r, '***', 1) FROM pd_remote GROUP BY id, redact(r, '***', 1);
-- Each query on the foreign table: filtered remotely (no local Filter),
-- and the same ids as the local table.  Not shipped: 16 (a join with a
-- VALUES list), 17 and 18 (NULL at planning: nothing to scan), and 20 to 22,
-- where the text redact() returns is compared
-- under the default collation (postgres_fdw ships no collation-sensitive
-- operation on a value that does not come from a foreign column).
CREATE FUNCTION pg_temp.run_remote()
RETURNS TABLE (qid int, shipped bool, same bool) LANGUAGE plpgsql AS $$
DECLARE
	x record;
	line text;
	ids int[];
BEGIN
	FOR x IN SELECT * FROM pd_queries ORDER BY 1 LOOP
		qid := x.qid;
		shipped := true;
		FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM pd_remote WHERE ' || x.q LOOP
			shipped := shipped AND line NOT LIKE '%Filter:%';
		END LOOP;
		EXECUTE 'SELECT coalesce(array_agg(id ORDER BY id), ''{}'') FROM pd_remote WHERE ' || x.q INTO ids;
		same := ids = (SELECT a.ids FROM after_seq a WHERE a.qid = x.qid);
		RETURN NEXT;
	END LOOP;
END $$;
SELECT * FROM pg_temp.run_remote();

DROP FOREIGN TABLE pd_remote;
DROP SERVER pd_loopback CASCADE;
DROP EXTENSION postgres_fdw;
DROP TABLE pd;
-- Leave a fresh install of the default version for the next suites.
DROP EXTENSION pg_review;
CREATE EXTENSION pg_review;
