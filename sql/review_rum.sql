-- pg_review_rum: the RUM operator class review_rum_ops and r <=> q.
SET extra_float_digits = 0;
CREATE EXTENSION pg_review_rum CASCADE;

-- r <=> q is 1 - review_rank(r, q).
CREATE TEMP TABLE one AS SELECT
	'The workers were working hard while the rich man laughed at the gala. ||In the end the butler poisons the heir.||'::review AS r;
SELECT q, r <=> q::reviewquery AS distance, 1 - review_rank(r, q::reviewquery) AS one_minus_rank
FROM one, unnest(ARRAY['worker & rich', 'rich man', 'butler', 'work*', 'nothing', '!nothing', '']) q;

-- A generated table of a few thousand reviews (spoilers marked in two ways,
-- words that stem alike, stop words, Japanese).
CREATE TABLE gen (id int PRIMARY KEY, r review);
INSERT INTO gen
SELECT i, review(
	(SELECT string_agg(w, ' ') FROM (
		SELECT (ARRAY['worker','workers','wealth','rich','poor','love','family','power','death','dream',
		               'american','final','scene','money','class','struggle','laughing','laughed','film',
		               'the','of','and','hope','grief','labor','labour','working','dreamer','end','of'])
		       [1 + (hashint4(i * 31 + k) & 1023) % 30] AS w
		FROM generate_series(1, 12 + i % 9) k) s)
	|| CASE WHEN i % 4 = 0 THEN ' ||the ' || (ARRAY['butler','heir','ghost','twin'])[1 + i % 16 / 4] || ' dies||'
	        WHEN i % 4 = 1 THEN ' [spoiler]money burns the american dream[/spoiler] and power'
	        ELSE '' END,
	lang => CASE WHEN i % 25 = 0 THEN 'fr' ELSE 'en' END)
FROM generate_series(1, 4000) i;
INSERT INTO gen SELECT 5000 + i, review(
	(ARRAY['彼女は映画館で泣いた。', '最後に灯台が消える。', '父は工場で働く。', '家族の物語だ。'])[1 + i % 4]
	|| CASE WHEN i % 2 = 0 THEN '||兄が死ぬ。||' ELSE '' END, lang => 'ja')
FROM generate_series(1, 200) i;
INSERT INTO gen VALUES (6001, ''), (6002, 'the of and');
CREATE INDEX gen_r_rum ON gen USING rum (r review_rum_ops);
ANALYZE gen;

-- Every operator of the class returns exactly the rows of a sequential scan.
CREATE TEMP TABLE probes (pid serial, op text, arg text);
INSERT INTO probes (op, arg) VALUES
	('@@', '''worker & wealth''::reviewquery'),
	('@@', '''rich | poor''::reviewquery'),
	('@@', '''!love''::reviewquery'),
	('@@', '''!love & !family''::reviewquery'),
	('@@', '''dream & !american''::reviewquery'),
	('@@', '''"american dream"''::reviewquery'),
	('@@', '''!"american dream"''::reviewquery'),
	('@@', '''"final scene" | "class struggle"''::reviewquery'),
	('@@', '''worker <2> wealth''::reviewquery'),
	('@@', '''"end of the film"''::reviewquery'),
	('@@', '''labo* & work*''::reviewquery'),
	('@@', '''dream*''::reviewquery'),
	('@@', '''"american dream*"''::reviewquery'),
	('@@', '''wor* <-> wealth''::reviewquery'),
	('@@', '''butler | heir''::reviewquery'),
	('@@', '''die''::reviewquery'),
	('@@', '''nothingmatches''::reviewquery'),
	('@@', '''''::reviewquery'),
	('@@', '''the''::reviewquery'),
	('@@', '''映画館''::reviewquery'),
	('@@', '''死ぬ''::reviewquery'),
	('@@~', '''die''::reviewquery'),
	('@@~', '''money & power''::reviewquery'),
	('@@~', '''"american dream"''::reviewquery'),
	('@@~', '''!butler''::reviewquery'),
	('@@~', '''ghost | worker''::reviewquery'),
	('@@~', '''burn*''::reviewquery'),
	('@@~', '''dream*''::reviewquery'),
	('@@~', '''死ぬ | 映画館''::reviewquery'),
	('@@', '''workers & laughing''::text'),
	('@@', '''!the''::text'),
	('@@', '''"american dream"''::text'),
	('@@', '''dream*''::text'),
	('@@~', '''dies | burns''::text'),
	('@@~', '''money''::text'),
	('@@~', '''money <2> power''::reviewquery'),
	('@@~', '''money <4> power''::reviewquery'),
	('@@~', '''dream <2> power | end <2> power''::reviewquery'),
	('@@~', '''"burns and power"''::reviewquery'),
	('@@~', '''wor* <2> power''::reviewquery'),
	('@@~', '''money <2> power''::text'),
	('@@', '''money <2> power''::reviewquery'),
	('?', '''workers''::text'),
	('?', '''ghost''::text'),
	('?|', 'ARRAY[''twin'', ''grief'']'),
	('?&', 'ARRAY[''money'', ''power'', ''hope'']'),
	('?&', 'ARRAY[]::text[]');

CREATE FUNCTION pg_temp.rows_of(op text, arg text, tab text DEFAULT 'gen') RETURNS int[] LANGUAGE plpgsql AS $$
DECLARE
	res int[];
BEGIN
	EXECUTE format('SELECT coalesce(array_agg(id ORDER BY id), ''{}'') FROM %I WHERE r %s %s', tab, op, arg) INTO res;
	RETURN res;
END $$;

SET enable_seqscan = off;
CREATE TEMP TABLE by_bitmap AS SELECT pid, pg_temp.rows_of(op, arg) AS ids FROM probes;
SET enable_bitmapscan = off;
CREATE TEMP TABLE by_index AS SELECT pid, pg_temp.rows_of(op, arg) AS ids FROM probes;
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE by_seqscan AS SELECT pid, pg_temp.rows_of(op, arg) AS ids FROM probes;
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT p.op, p.arg, cardinality(s.ids) AS rows, b.ids = s.ids AS bitmap_equals_seqscan,
       i.ids = s.ids AS index_equals_seqscan
FROM probes p JOIN by_bitmap b USING (pid) JOIN by_index i USING (pid) JOIN by_seqscan s USING (pid)
ORDER BY pid;

-- Random phrases with distances under @@ and @@~ (@@~ counts visible words
-- only): the index returns the rows of a sequential scan.
SELECT setseed(0.1010);
CREATE TEMP TABLE phrase_probes AS
SELECT n, op, format('%L::reviewquery', w1 || ' <' || d || '> ' || w2) AS arg
FROM (SELECT n, CASE WHEN n % 2 = 0 THEN '@@' ELSE '@@~' END AS op,
             (ARRAY['money','burns','power','dream','worker','wealth','end','film','rich','love','ghost','die'])[1 + floor(random() * 12)::int] AS w1,
             (ARRAY['money','burns','power','dream','worker','wealth','end','film','rich','love','ghost','die'])[1 + floor(random() * 12)::int] AS w2,
             1 + floor(random() * 6)::int AS d
      FROM generate_series(1, 60) n) g;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE phrase_by_index AS SELECT n, pg_temp.rows_of(op, arg) AS ids FROM phrase_probes;
RESET enable_bitmapscan;
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE phrase_by_seqscan AS SELECT n, pg_temp.rows_of(op, arg) AS ids FROM phrase_probes;
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT p.op, count(*) AS queries, count(*) FILTER (WHERE cardinality(s.ids) > 0) AS matching_some,
       count(*) FILTER (WHERE i.ids IS DISTINCT FROM s.ids) AS index_differs
FROM phrase_probes p JOIN phrase_by_index i USING (n) JOIN phrase_by_seqscan s USING (n)
GROUP BY p.op ORDER BY p.op;

-- The index serves every operator; phrases and @@~ need no recheck (the
-- bitmap heap scan of an exact answer removes no row), except a phrase under
-- @@~, whose distance counts visible words only: the index filters by the
-- visible keys, the operator rechecks.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r @@ 'worker & wealth'::reviewquery;
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r @@~ 'die'::reviewquery;
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r @@ 'worker & wealth'::text;
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r ? 'ghost';
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r ?| ARRAY['twin', 'grief'];
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r ?& ARRAY['money', 'power'];
-- (the estimate of @@ is small, so without a LIMIT a bitmap scan and a sort
-- look cheaper)
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r @@ 'worker & wealth'::reviewquery;
EXPLAIN (COSTS OFF)
SELECT id FROM gen WHERE r @@ 'worker & wealth'::reviewquery ORDER BY r <=> 'worker & wealth'::reviewquery LIMIT 10;
RESET enable_bitmapscan;
CREATE FUNCTION pg_temp.rows_removed(query text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON, COSTS OFF, TIMING OFF) ' || query INTO plan;
	RETURN coalesce((plan -> 0 -> 'Plan' ->> 'Rows Removed by Index Recheck')::bigint, 0);
END $$;
SET enable_indexscan = off;
SELECT q, pg_temp.rows_removed(format('SELECT id FROM gen WHERE r %s %L::reviewquery', op, q)) AS rows_removed_by_recheck
FROM (VALUES ('@@', '"american dream"'), ('@@', 'worker <2> wealth'), ('@@~', 'die'), ('@@~', '"american dream"'),
             ('@@', 'wor* <-> wealth')) v(op, q);
RESET enable_indexscan;
RESET enable_seqscan;

-- ORDER BY r <=> q LIMIT k through the index gives the rows and distances of
-- a sequential scan and a sort.
CREATE TEMP TABLE rank_probes (pid serial, q reviewquery);
INSERT INTO rank_probes (q) VALUES
	('worker & wealth'), ('rich | poor'), ('dream*'), ('american <-> dream'), ('labo* & !love'),
	('"end of the film" | hope'), ('butler'), ('wor* & dream* & class'), ('映画館 | 死ぬ'), ('!love');
CREATE FUNCTION pg_temp.top(q reviewquery, k int, OUT ids int[], OUT dists float8[]) LANGUAGE sql AS $$
	SELECT array_agg(id ORDER BY n), array_agg(d ORDER BY n)
	FROM (SELECT id, r <=> q AS d, row_number() OVER () AS n
	      FROM (SELECT id, r FROM gen WHERE r @@ q ORDER BY r <=> q LIMIT k) t) s
$$;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF)
SELECT id, r FROM gen WHERE r @@ 'dream*'::reviewquery ORDER BY r <=> 'dream*'::reviewquery LIMIT 100000;
CREATE TEMP TABLE top_index AS SELECT pid, (pg_temp.top(q, 10)).* FROM rank_probes;
CREATE TEMP TABLE all_index AS SELECT pid, (pg_temp.top(q, 100000)).* FROM rank_probes;
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE top_seqscan AS SELECT pid, (pg_temp.top(q, 10)).* FROM rank_probes;
RESET enable_indexscan;
RESET enable_bitmapscan;
-- same distances; the same rows wherever the distance is not tied with the 10th
SELECT p.q, cardinality(s.dists) AS rows, i.dists = s.dists AS same_distances,
       ARRAY(SELECT x FROM unnest(i.ids, i.dists) u(x, d) WHERE d < i.dists[10] ORDER BY x)
       = ARRAY(SELECT x FROM unnest(s.ids, s.dists) u(x, d) WHERE d < s.dists[10] ORDER BY x) AS same_rows,
       (SELECT count(DISTINCT d) FROM unnest(s.dists) d) AS distinct_distances
FROM rank_probes p JOIN top_index i USING (pid) JOIN top_seqscan s USING (pid) ORDER BY pid;
-- in index order every matching row comes, in review_rank DESC order
SELECT p.q, cardinality(a.ids) = cardinality(pg_temp.rows_of('@@', quote_literal(p.q::text) || '::reviewquery')) AS all_rows,
       (SELECT bool_and(coalesce(d >= lag, true)) FROM (SELECT d, lag(d) OVER (ORDER BY n) FROM unnest(a.dists) WITH ORDINALITY u(d, n)) x) AS ascending
FROM rank_probes p JOIN all_index a USING (pid) ORDER BY pid;
SELECT bool_and(r <=> q = 1 - review_rank(r, q)) AS distance_is_one_minus_rank
FROM gen, rank_probes;
SELECT id, round((r <=> q)::numeric, 6) AS distance, round(review_rank(r, q)::numeric, 6) AS rank
FROM gen, reviewquery('worker & wealth') q
WHERE r @@ q ORDER BY r <=> q, id LIMIT 5;

-- ORDER BY r <#> bq LIMIT k (BM25) through the index: the rows and
-- distances of a sequential scan and a sort, every row in order.
SELECT review_corpus_track('gen') > 0 AS tracked;
CREATE TEMP TABLE bm25_probes AS
SELECT pid, q, review_bm25_query(q, 'gen') AS bq FROM rank_probes WHERE q::text <> '!''love''';
CREATE FUNCTION pg_temp.top_bm25(q reviewquery, bq review_bm25query, k int, OUT ids int[], OUT dists float8[]) LANGUAGE sql AS $$
	SELECT array_agg(id ORDER BY n), array_agg(d ORDER BY n)
	FROM (SELECT id, r <#> bq AS d, row_number() OVER () AS n
	      FROM (SELECT id, r FROM gen WHERE r @@ q ORDER BY r <#> bq LIMIT k) t) s
$$;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM gen, (SELECT review_bm25_query('dream*', 'gen') AS bq) s
WHERE r @@ 'dream*'::reviewquery ORDER BY r <#> s.bq LIMIT 10;
CREATE TEMP TABLE bm25_top_index AS SELECT pid, (pg_temp.top_bm25(q, bq, 10)).* FROM bm25_probes;
CREATE TEMP TABLE bm25_all_index AS SELECT pid, (pg_temp.top_bm25(q, bq, 100000)).* FROM bm25_probes;
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE bm25_top_seqscan AS SELECT pid, (pg_temp.top_bm25(q, bq, 10)).* FROM bm25_probes;
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT p.q, cardinality(s.dists) AS rows, i.dists = s.dists AS same_distances,
       ARRAY(SELECT x FROM unnest(i.ids, i.dists) u(x, d) WHERE d < i.dists[10] ORDER BY x)
       = ARRAY(SELECT x FROM unnest(s.ids, s.dists) u(x, d) WHERE d < s.dists[10] ORDER BY x) AS same_rows,
       (SELECT count(DISTINCT d) FROM unnest(s.dists) d) AS distinct_distances
FROM bm25_probes p JOIN bm25_top_index i USING (pid) JOIN bm25_top_seqscan s USING (pid) ORDER BY pid;
SELECT p.q, cardinality(a.ids) = cardinality(pg_temp.rows_of('@@', quote_literal(p.q::text) || '::reviewquery')) AS all_rows,
       (SELECT bool_and(coalesce(d >= lag, true)) FROM (SELECT d, lag(d) OVER (ORDER BY n) FROM unnest(a.dists) WITH ORDINALITY u(d, n)) x) AS ascending
FROM bm25_probes p JOIN bm25_all_index a USING (pid) ORDER BY pid;
SELECT bool_and(r <#> bq = -review_bm25(r, bq)) AS distance_is_minus_bm25
FROM gen, bm25_probes;
-- Spoiler-safe BM25 (visible statistics, visible occurrences, lengths and
-- first mentions in visible words) through the index, under @@~: the
-- order and distances of a sequential scan and a sort.
CREATE TEMP TABLE bm25_safe_probes AS
SELECT pid, q, review_bm25_query(q, 'gen', safe => true) AS bq FROM bm25_probes;
CREATE FUNCTION pg_temp.top_bm25_safe(q reviewquery, bq review_bm25query, k int, OUT ids int[], OUT dists float8[]) LANGUAGE sql AS $$
	SELECT array_agg(id ORDER BY n), array_agg(d ORDER BY n)
	FROM (SELECT id, r <#> bq AS d, row_number() OVER () AS n
	      FROM (SELECT id, r FROM gen WHERE r @@~ q ORDER BY r <#> bq LIMIT k) t) s
$$;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
-- (the statistics as a one-row join, as above: a scalar subquery would
-- print as an InitPlan, whose notation differs from 17 on)
EXPLAIN (COSTS OFF)
SELECT id FROM gen, (SELECT review_bm25_query('dream', 'gen', safe => true) AS bq) s
WHERE r @@~ 'dream'::reviewquery ORDER BY r <#> s.bq LIMIT 10;
CREATE TEMP TABLE bm25s_index AS SELECT pid, (pg_temp.top_bm25_safe(q, bq, 100000)).* FROM bm25_safe_probes;
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE bm25s_seqscan AS SELECT pid, (pg_temp.top_bm25_safe(q, bq, 100000)).* FROM bm25_safe_probes;
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT p.q, cardinality(s.dists) AS rows, i.dists = s.dists AS same_distances,
       (SELECT count(DISTINCT d) FROM unnest(s.dists) d) AS distinct_distances
FROM bm25_safe_probes p JOIN bm25s_index i USING (pid) JOIN bm25s_seqscan s USING (pid) ORDER BY pid;
SELECT bool_and(r <#> bq = -review_bm25(r, bq)) AS safe_distance_is_minus_bm25
FROM gen, bm25_safe_probes WHERE r @@~ q;
-- The bounded top-k scan (ReviewTopK): a constant LIMIT over the ordered
-- scan tells the index its bound (LIMIT + OFFSET).  Its rows and their
-- order are those of the unbounded scan (pg_review.bm25_topk off), also
-- with an OFFSET, when the scan's other conditions drop rows, when rows
-- are deleted but still in the index (then it starts again without the
-- bound), and in a LATERAL subquery scanned again for each outer row.
-- topk_same(query): query gives (g, id, d) with d = r <#> bq, in the
-- scan's order within each g; run with the bound and without, per g the
-- distances are the same, and so are the rows wherever the distance is not
-- tied with the last (RUM orders ties in no particular order), and no row
-- comes twice.
CREATE FUNCTION pg_temp.topk_same(query text, OUT same boolean, OUT nrows int) LANGUAGE plpgsql AS $$
DECLARE
	wrapped text := 'SELECT g, array_agg(id ORDER BY n) AS ids, array_agg(d ORDER BY n) AS ds, count(DISTINCT id) AS nd
		FROM (SELECT g, id, d, row_number() OVER () AS n FROM (' || query || ') t) s GROUP BY g';
BEGIN
	EXECUTE 'CREATE TEMP TABLE topk_on AS ' || wrapped;
	PERFORM set_config('pg_review.bm25_topk', 'off', true);
	EXECUTE 'CREATE TEMP TABLE topk_off AS ' || wrapped;
	PERFORM set_config('pg_review.bm25_topk', 'on', true);
	SELECT bool_and(a.ds = b.ds AND a.nd = cardinality(a.ids)
					AND ARRAY(SELECT x FROM unnest(a.ids, a.ds) u(x, d) WHERE d < a.ds[cardinality(a.ds)] ORDER BY x)
						= ARRAY(SELECT x FROM unnest(b.ids, b.ds) u(x, d) WHERE d < b.ds[cardinality(b.ds)] ORDER BY x)),
		   sum(cardinality(a.ids))
	INTO same, nrows
	FROM topk_on a FULL JOIN topk_off b USING (g);
	DROP TABLE topk_on, topk_off;
END $$;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE topk_bq AS SELECT review_bm25_query('worker | dream', 'gen') AS bq;
SELECT bq::text AS bq FROM topk_bq \gset
EXPLAIN (COSTS OFF)
SELECT id FROM gen WHERE r @@ 'worker | dream'::reviewquery ORDER BY r <#> :'bq'::review_bm25query LIMIT 5 OFFSET 7;
SET pg_review.bm25_topk = off;
EXPLAIN (COSTS OFF)
SELECT id FROM gen WHERE r @@ 'worker | dream'::reviewquery ORDER BY r <#> :'bq'::review_bm25query LIMIT 5 OFFSET 7;
RESET pg_review.bm25_topk;
CREATE FUNCTION pg_temp.topk_sql(q text, bq text, cond text, tail text) RETURNS text LANGUAGE sql AS $$
	SELECT format('SELECT 0 AS g, id, r <#> %2$L::review_bm25query AS d FROM gen WHERE r @@ %1$L::reviewquery %3$s ORDER BY r <#> %2$L::review_bm25query %4$s',
				  q, bq, cond, tail)
$$;
SELECT k, (pg_temp.topk_same(pg_temp.topk_sql('worker | dream', :'bq', '', 'LIMIT ' || k))).*
FROM unnest(ARRAY[1, 3, 10, 40]) k;
SELECT (pg_temp.topk_same(pg_temp.topk_sql('worker | dream', :'bq', '', 'LIMIT 5 OFFSET 7'))).*;
-- a text query: the index rechecks every row it returns
SELECT (pg_temp.topk_same(format('SELECT 0 AS g, id, r <#> %1$L::review_bm25query AS d FROM gen WHERE r @@ %2$L::text ORDER BY r <#> %1$L::review_bm25query LIMIT 10',
                                 :'bq', 'worker | dream'))).*;
-- a condition the index does not decide drops rows among the first k: the
-- scan starts again once (without one it does not)
SELECT (pg_temp.topk_same(pg_temp.topk_sql('worker | dream', :'bq', 'AND id % 3 = 0', 'LIMIT 10'))).*;
CREATE FUNCTION pg_temp.topk_run(query text, OUT bound int, OUT restarts int, OUT nrows int) LANGUAGE plpgsql AS $$
DECLARE
	j json;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON, COSTS OFF, TIMING OFF, BUFFERS OFF) ' || query INTO j;
	SELECT (p->>'Bound')::int, (p->>'Restarts')::int, (p->>'Actual Rows')::numeric::int
	INTO bound, restarts, nrows
	FROM json_array_elements(j->0->'Plan'->'Plans') p WHERE p->>'Custom Plan Provider' = 'ReviewTopK';
END $$;
SELECT * FROM pg_temp.topk_run(format($q$SELECT id FROM gen WHERE r @@ 'worker | dream'::reviewquery AND id %% 3 = 0
	ORDER BY r <#> %L::review_bm25query LIMIT 10$q$, :'bq'));
SELECT * FROM pg_temp.topk_run(format($q$SELECT id FROM gen WHERE r @@ 'worker | dream'::reviewquery
	ORDER BY r <#> %L::review_bm25query LIMIT 10$q$, :'bq'));
-- many rows of one distance (tied rows come in no particular order): the
-- rows left after starting again are still the rest
SELECT review_bm25_query('butler', 'gen')::text AS bq_tied \gset
SELECT k, (pg_temp.topk_same(pg_temp.topk_sql('butler', :'bq_tied', 'AND id % 5 <> 0', 'LIMIT ' || k))).*
FROM unnest(ARRAY[2, 5, 12]) k;
-- rows deleted in this transaction are invisible but still in the index
BEGIN;
DELETE FROM gen WHERE id IN (SELECT id FROM gen WHERE r @@ 'worker | dream'::reviewquery
                             ORDER BY r <#> (SELECT bq FROM topk_bq), id LIMIT 4);
SELECT (pg_temp.topk_same(pg_temp.topk_sql('worker | dream', :'bq', '', 'LIMIT 10'))).*;
SELECT * FROM pg_temp.topk_run(format($q$SELECT id FROM gen WHERE r @@ 'worker | dream'::reviewquery
	ORDER BY r <#> %L::review_bm25query LIMIT 10$q$, :'bq'));
ROLLBACK;
-- for each outer row (runtime keys, scanned again)
CREATE FUNCTION pg_temp.uses_topk(query text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	j text;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON, COSTS OFF) ' || query INTO j;
	RETURN position('"Custom Plan Provider": "ReviewTopK"' IN j) > 0;
END $$;
SELECT pg_temp.uses_topk($q$SELECT p.pid, x.id FROM bm25_probes p,
	LATERAL (SELECT id FROM gen WHERE r @@ p.q ORDER BY r <#> p.bq LIMIT 3) x$q$) AS lateral_uses_topk;
SELECT (pg_temp.topk_same($q$SELECT p.pid AS g, x.id, x.d FROM bm25_probes p,
	LATERAL (SELECT id, r <#> p.bq AS d FROM gen WHERE r @@ p.q ORDER BY r <#> p.bq LIMIT 3) x$q$)).*;
RESET enable_seqscan;
RESET enable_bitmapscan;
SELECT review_corpus_untrack('gen');

-- A keyword occurring thousands of times in one review: its positions do not
-- all fit the index, matching rechecks and stays exact.
CREATE TABLE big (id int, r review);
INSERT INTO big SELECT i, review(repeat('worker wealth ', 1500 + i) || CASE WHEN i % 2 = 0 THEN 'american dream' ELSE 'dream american' END)
FROM generate_series(1, 4) i;
INSERT INTO big SELECT id, r FROM gen WHERE id <= 200;
CREATE INDEX big_r_rum ON big USING rum (r review_rum_ops);
SET enable_seqscan = off;
SELECT array_agg(id ORDER BY id) FILTER (WHERE id < 10) AS big_ones, count(*) FROM big WHERE r @@ '"american dream"'::reviewquery;
SELECT count(*) FROM big WHERE r @@ 'wealth <-> worker'::reviewquery;
RESET enable_seqscan;
SELECT array_agg(id ORDER BY id) FILTER (WHERE id < 10) AS big_ones, count(*) FROM big WHERE r @@ '"american dream"'::reviewquery;
SELECT count(*) FROM big WHERE r @@ 'wealth <-> worker'::reviewquery;
-- Visibility survives truncation: the kept positions of "ghost" are all
-- hidden (inside the spoiler), its visible one is among those left out;
-- a prefix joins it with "ghoul" (hidden only).  Index = sequential scan.
INSERT INTO big VALUES
	(11, review('||' || repeat('ghost ', 800) || 'ghoul|| then a ghost is seen')),
	(12, review('||' || repeat('ghost ', 800) || 'ghoul|| then nothing')),
	(13, review('A ghost. ||A ghoul.||'));
CREATE TEMP TABLE big_probes (pid serial, op text, q text);
INSERT INTO big_probes (op, q) VALUES ('@@~', 'ghost'), ('@@~', 'ghoul'), ('@@~', 'gho*'), ('@@', 'gho*'),
	('@@~', 'ghost & !ghoul'), ('@@~', '"ghost is seen"'), ('@@', '"ghost ghoul"');
SET enable_seqscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE big_index AS
SELECT pid, pg_temp.rows_of(op, quote_literal(q) || '::reviewquery', 'big') AS ids FROM big_probes;
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT p.op, p.q, ARRAY(SELECT x FROM unnest(s.ids) x WHERE x > 10) AS new_ids,
       s.ids = i.ids AS index_equals_seqscan
FROM big_probes p JOIN big_index i USING (pid),
     LATERAL pg_temp.rows_of(p.op, quote_literal(p.q) || '::reviewquery', 'big') s(ids) ORDER BY pid;
RESET enable_indexscan;
RESET enable_bitmapscan;

-- The operator class, as RUM's validator sees it: it accepts an ordering
-- function over additional information (support 8 with 9 arguments) only
-- for tsvector and anyarray, hence the one complaint.
SELECT opcname, amvalidate(oid) FROM pg_opclass WHERE opcname = 'review_rum_ops';

-- Every member of the extension has a comment.
SELECT pg_describe_object(classid, objid, 0) AS member_without_comment
FROM pg_depend d
WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'pg_review_rum')
  AND obj_description(objid, (SELECT relname FROM pg_class WHERE oid = classid)::name) IS NULL;

DROP TABLE big;
DROP TABLE gen;
DROP EXTENSION pg_review_rum;
SELECT count(*) AS left_behind FROM pg_proc WHERE proname LIKE 'review_rum%' OR proname = 'review_distance';
DROP EXTENSION rum;
