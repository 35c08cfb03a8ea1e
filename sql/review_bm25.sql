-- BM25 with corpus statistics: review_bm25query, review_bm25(), r <#> bq,
-- and the statistics a tracked column keeps (review_corpus_*).
SET extra_float_digits = 0;

-- A tiny corpus whose scores are computed by hand below.
CREATE TABLE bm (id int PRIMARY KEY, r review);
INSERT INTO bm VALUES
	(1, 'the worker saw the wealth'),
	(2, 'a worker and a worker'),
	(3, 'nothing here');
SELECT review_corpus_track('bm');
SELECT keyword, sum(ndocs) AS ndocs, sum(ndocs_visible) AS ndocs_visible,
	   sum(nwords) AS nwords, sum(nwords_visible) AS nwords_visible
FROM review_corpus_stats WHERE relid = 'bm'::regclass GROUP BY keyword ORDER BY keyword;

-- N = 3 rows; their lengths are 5, 5 and 1 words (a review's length runs to
-- its last keyword: "here" is a stop word), avgdl 11/3; "worker" in 2 rows.
SELECT review_bm25_query('worker', 'bm');
SELECT review_bm25_query('worker & !wealth | rich*', 'bm', 'r');

-- By hand (k1 1.2, b 0.75, first-mention weight 0.25 over 20 words):
-- idf = ln(1 + 1.5 / 2.5) = ln 1.6;
-- row 1: tf 1, first word 1, 5 words: norm 0.25 + 0.75 * 5 / (11/3),
--   ln 1.6 * 1 * 2.2 / (1 + 1.2 * norm) * (1 + 0.25 / (1 + 1/20)) = 0.506554099900
-- row 2: tf 2, first word 1: ln 1.6 * 2 * 2.2 / (2 + 1.2 * norm) * (1 + 0.25 / 1.05)
--   = 0.725886802949
SELECT id, round(review_bm25(r, review_bm25_query('worker', 'bm'))::numeric, 12) AS bm25
FROM bm ORDER BY id;
SELECT abs(review_bm25(r, review_bm25_query('worker', 'bm')) - 0.506554099900) < 1e-11 AS row1_by_hand
FROM bm WHERE id = 1;
SELECT abs(review_bm25(r, review_bm25_query('worker', 'bm')) - 0.725886802949) < 1e-11 AS row2_by_hand
FROM bm WHERE id = 2;
-- r <#> bq is the negated score; repeated and negated terms do not add.
SELECT id, r <#> review_bm25_query('worker', 'bm') = -review_bm25(r, review_bm25_query('worker', 'bm')) AS distance_ok,
	   review_bm25(r, review_bm25_query('worker & worker', 'bm')) = review_bm25(r, review_bm25_query('worker', 'bm')) AS repeat_once,
	   review_bm25(r, review_bm25_query('worker & !wealth', 'bm')) = review_bm25(r, review_bm25_query('worker', 'bm')) AS not_scores_nothing
FROM bm ORDER BY id;

-- A hand-made review_bm25query: the text form reads back to itself.
SELECT '{"query": "''worker'' | ''wealth''", "safe": false, "rows": 10, "avgdl": 4, "df": [{"term": "worker", "df": 2}, {"term": "wealth", "df": 1}]}'::review_bm25query;
SELECT review_bm25('the worker saw the wealth',
	'{"query": "worker | wealth", "rows": 10, "avgdl": 4, "df": [{"term": "worker", "df": 2}, {"term": "wealth", "df": 1}]}');
SELECT review_bm25_query('work* | wealth', 'bm')::text = review_bm25_query('work* | wealth', 'bm')::text::review_bm25query::text AS text_round_trip;
-- Binary round trip.
CREATE TEMP TABLE bq_copy (bq review_bm25query);
INSERT INTO bq_copy SELECT review_bm25_query('worker | wealth', 'bm');
COPY bq_copy TO '/tmp/pg_review_bm25q.bin' WITH (FORMAT binary);
COPY bq_copy FROM '/tmp/pg_review_bm25q.bin' WITH (FORMAT binary);
SELECT count(DISTINCT bq::text) AS distinct_values, count(*) FROM bq_copy;

-- Bad input: what is wrong, and where.
SELECT 'not json'::review_bm25query;
SELECT '[1]'::review_bm25query;
SELECT '{"query": "worker", "rows": 3, "avgdl": 4, "df": []}'::review_bm25query;
SELECT '{"query": "worker", "rows": 3, "avgdl": 4, "df": [{"term": "wealth", "df": 1}]}'::review_bm25query;
SELECT '{"query": "worker", "rows": -3, "avgdl": 4, "df": [{"term": "worker", "df": 1}]}'::review_bm25query;
SELECT '{"query": "worker", "avgdl": 4, "df": [{"term": "worker", "df": 1}]}'::review_bm25query;
SELECT '{"query": 7, "rows": 3, "avgdl": 4, "df": []}'::review_bm25query;
SELECT '{"query": "worker &", "rows": 3, "avgdl": 4, "df": []}'::review_bm25query;
SELECT review_bm25_query('worker', 'pg_class');
SELECT review_corpus_track('bm', 'id');

-- The statistics follow every write, equal to a recount: inserts, updates
-- of the review and of other columns, deletes, rollbacks, TRUNCATE.
CREATE FUNCTION pg_temp.stats_ok(rel regclass) RETURNS boolean LANGUAGE sql AS $$
	SELECT NOT EXISTS (
		(SELECT keyword, sum(ndocs), sum(ndocs_visible), sum(nwords), sum(nwords_visible)
		 FROM review_corpus_stats WHERE relid = rel GROUP BY keyword
		 HAVING sum(ndocs) <> 0 OR sum(nwords) <> 0 OR sum(ndocs_visible) <> 0 OR sum(nwords_visible) <> 0)
		EXCEPT
		(SELECT t.keyword, sum(t.docs), sum(t.docs_visible), sum(t.words), sum(t.words_visible)
		 FROM bm, review_corpus_terms(bm.r) t GROUP BY t.keyword))
	AND NOT EXISTS (
		(SELECT t.keyword, sum(t.docs), sum(t.docs_visible), sum(t.words), sum(t.words_visible)
		 FROM bm, review_corpus_terms(bm.r) t GROUP BY t.keyword)
		EXCEPT
		(SELECT keyword, sum(ndocs), sum(ndocs_visible), sum(nwords), sum(nwords_visible)
		 FROM review_corpus_stats WHERE relid = rel GROUP BY keyword))
$$;
ALTER TABLE bm ADD COLUMN note text;
INSERT INTO bm SELECT i, review('worker number ' || i || ' ||dies at the end||'), NULL
FROM generate_series(10, 59) i;
SELECT pg_temp.stats_ok('bm') AS after_insert;
UPDATE bm SET r = 'a rich worker' WHERE id BETWEEN 10 AND 19;
SELECT pg_temp.stats_ok('bm') AS after_update;
UPDATE bm SET note = 'x' WHERE id BETWEEN 20 AND 29;
SELECT pg_temp.stats_ok('bm') AS after_other_column;
DELETE FROM bm WHERE id BETWEEN 30 AND 39;
SELECT pg_temp.stats_ok('bm') AS after_delete;
BEGIN;
INSERT INTO bm VALUES (100, 'worker worker worker');
DELETE FROM bm WHERE id = 1;
ROLLBACK;
SELECT pg_temp.stats_ok('bm') AS after_rollback;
INSERT INTO bm VALUES (101, NULL);
UPDATE bm SET r = 'late review of wealth' WHERE id = 101;
SELECT pg_temp.stats_ok('bm') AS after_null;
-- compaction folds the deltas and keeps the sums
SELECT count(*) > 1 AS deltas FROM review_corpus_stats WHERE relid = 'bm'::regclass AND keyword = '';
SELECT review_corpus_compact('bm') > 0 AS removed_rows;
SELECT count(*) AS total_rows FROM review_corpus_stats WHERE relid = 'bm'::regclass AND keyword = '';
SELECT pg_temp.stats_ok('bm') AS after_compact;
SELECT review_corpus_rebuild('bm') > 0 AS rebuilt;
SELECT pg_temp.stats_ok('bm') AS after_rebuild;

-- Spoiler safety: with safe, hidden occurrences, hidden words and hidden
-- rows count for nothing.  "dies" occurs only inside spoilers: no visible
-- row has it, and the safe score of a review equals the plain score of
-- its redacted text (no mask) under the same statistics.
SELECT (review_bm25_query('dies | worker', 'bm', safe => true)::text)::jsonb -> 'df' AS safe_df,
	   (review_bm25_query('dies | worker', 'bm')::text)::jsonb -> 'df' AS df;
SELECT count(*) AS rows_checked,
	   bool_and(abs(review_bm25(r, s.bq) -
					review_bm25(review(redact(r, '', 0.5)),
								((s.bq::text)::jsonb || '{"safe": false}')::text::review_bm25query)) < 1e-12) AS safe_is_redacted
FROM bm, (SELECT review_bm25_query('dies | worker | number', 'bm', safe => true) AS bq) s;
SELECT review_bm25(r, review_bm25_query('dies', 'bm', safe => true)) AS safe_hidden_only,
	   review_bm25(r, review_bm25_query('dies', 'bm')) > 0 AS unsafe_sees_it
FROM bm WHERE id = 40;

-- Privileges: a role that cannot read the column cannot read its
-- statistics either.
CREATE ROLE regress_bm25_reader;
SET ROLE regress_bm25_reader;
SELECT review_bm25_query('worker', 'bm');
SELECT count(*) AS visible_stats FROM review_corpus_stats;
RESET ROLE;
GRANT SELECT ON bm TO regress_bm25_reader;
SET ROLE regress_bm25_reader;
SELECT (review_bm25_query('worker', 'bm')::text)::jsonb -> 'rows' AS rows_seen;
SELECT review_corpus_compact('bm');
RESET ROLE;
REVOKE SELECT ON bm FROM regress_bm25_reader;
DROP ROLE regress_bm25_reader;

-- TRUNCATE empties the statistics; untracking removes triggers and rows.
TRUNCATE bm;
SELECT count(*) AS after_truncate FROM review_corpus_stats WHERE relid = 'bm'::regclass;
INSERT INTO bm VALUES (1, 'worker', NULL);
SELECT pg_temp.stats_ok('bm') AS after_truncate_insert;
SELECT review_corpus_untrack('bm');
SELECT count(*) AS stats_left FROM review_corpus_stats WHERE relid = 'bm'::regclass;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'bm'::regclass;
SELECT review_bm25_query('worker', 'bm');
DROP TABLE bm;

-- review_bm25_query() reads the deltas with index probes (C): its document
-- frequencies equal the sums of review_corpus_stats, exact and prefix
-- terms alike, before and after compaction; with two tracked columns the
-- column must be named, unless the caller may read only one of them.
CREATE TABLE bm2 (id int, a review, b review);
INSERT INTO bm2 SELECT g, ('The worker number ' || g || ' works. ' || CASE WHEN g % 3 = 0 THEN '||The worker dies.||' ELSE 'Wealth grows.' END)::review,
	('A wealthy worker ' || g || '.')::review FROM generate_series(1, 12) g;
SELECT review_corpus_track('bm2', 'a') > 0 AS a_tracked, review_corpus_track('bm2', 'b') > 0 AS b_tracked;
DELETE FROM bm2 WHERE id IN (2, 7);
UPDATE bm2 SET a = 'Nothing of note.'::review WHERE id = 5;
CREATE FUNCTION pg_temp.df_by_sum(att name, t text, p bool, safe bool) RETURNS float8
LANGUAGE sql AS $$
	SELECT coalesce(sum(CASE WHEN safe THEN ndocs_visible ELSE ndocs END), 0)::float8
	FROM review_corpus_stats
	WHERE relid = 'bm2'::regclass AND attname = att AND
		  CASE WHEN p THEN starts_with(keyword, t) ELSE keyword = t END
$$;
CREATE FUNCTION pg_temp.df_ok(q reviewquery, att name, safe bool) RETURNS bool
LANGUAGE sql AS $$
	SELECT bool_and((d ->> 'df')::float8 = pg_temp.df_by_sum(att, d ->> 'term', coalesce((d ->> 'prefix')::bool, false), safe))
		   AND (review_bm25_query(q, 'bm2', att, safe)::text)::jsonb -> 'rows' =
			   to_jsonb((SELECT sum(ndocs) FROM review_corpus_stats
						 WHERE relid = 'bm2'::regclass AND attname = att AND keyword = ''))
	FROM jsonb_array_elements((review_bm25_query(q, 'bm2', att, safe)::text)::jsonb -> 'df') d
$$;
SELECT att, safe, pg_temp.df_ok('worker | wealth* | die | w* | absent', att, safe) AS df_equals_sums
FROM (VALUES ('a'::name), ('b')) c(att), (VALUES (false), (true)) s(safe) ORDER BY 1, 2;
SELECT (review_bm25_query('w*', 'bm2', 'a')::text)::jsonb -> 'df' AS prefix_df,
	   (review_bm25_query('w*', 'bm2', 'a', true)::text)::jsonb -> 'df' AS prefix_df_safe;
SELECT review_corpus_compact('bm2', 'a') > 0 AS compacted;
SELECT pg_temp.df_ok('worker | wealth* | die | w*', 'a', false) AS df_after_compact;
SELECT review_bm25_query('worker', 'bm2');
SELECT review_bm25_query('worker', 'bm2', 'id');
SELECT review_bm25_query(NULL, 'bm2') IS NULL AS null_query,
	   review_bm25_query('worker', NULL) IS NULL AS null_table,
	   review_bm25_query('worker', 'bm2', 'a', NULL) IS NULL AS null_safe;
CREATE ROLE regress_bm25_columns;
GRANT SELECT (id, b) ON bm2 TO regress_bm25_columns;
SET ROLE regress_bm25_columns;
SELECT (review_bm25_query('worker', 'bm2')::text)::jsonb -> 'df' AS only_b_is_seen;
SELECT review_bm25_query('worker', 'bm2', 'a');
RESET ROLE;
REVOKE SELECT (id, b) ON bm2 FROM regress_bm25_columns;
DROP ROLE regress_bm25_columns;
DROP TABLE bm2;
