-- Matching, ranking and the GIN index read a TOASTed review as a prefix (up
-- to the end of its keywords); the answers must be those of the whole value.
SET extra_float_digits = 0;
CREATE FUNCTION pg_temp.words(seed int, n int) RETURNS text LANGUAGE sql AS $$
	SELECT string_agg((ARRAY['worker','wealth','american','dream','betrayal','betrays',
		'family','storm','harbour','sister','final','scene','the','of','slow','music'])
		[1 + (hashint4(seed * 1000 + i) & 15)], ' ') || '.'
	FROM generate_series(1, n) i
$$;
-- Three sizes and three storages: in the row, compressed in the row,
-- compressed out of line (extended, the default before 0.3.0), and out of
-- line uncompressed.
CREATE TABLE toasty (id int, r review);
ALTER TABLE toasty ALTER r SET STORAGE EXTENDED;
CREATE TABLE toasty_ext (id int, r review);
ALTER TABLE toasty_ext ALTER r SET STORAGE EXTERNAL;
INSERT INTO toasty
SELECT i, (pg_temp.words(i, CASE i % 3 WHEN 0 THEN 20 WHEN 1 THEN 400 ELSE 3000 END)
	|| CASE WHEN i % 2 = 0 THEN ' >!The sister dies in the final storm.!< ' ELSE ' ' END
	|| md5(i::text) || ' ' || pg_temp.words(i + 7, 30))::review
FROM generate_series(1, 60) i;
INSERT INTO toasty_ext SELECT * FROM toasty;
-- lz4 out of line: fetched whole once, then only decompressed as a prefix
CREATE TABLE toasty_lz4 (id int, r review);
ALTER TABLE toasty_lz4 ALTER r SET COMPRESSION lz4;
INSERT INTO toasty_lz4 SELECT id, r::text::review FROM toasty;
SELECT pg_column_compression(r) AS compression, count(*),
       count(*) FILTER (WHERE pg_column_size(r) >= 2000) AS out_of_line
FROM toasty_lz4 GROUP BY 1 ORDER BY 1;
SELECT pg_relation_size(reltoastrelid) > 0 AS has_toast FROM pg_class
WHERE relname IN ('toasty', 'toasty_ext') ORDER BY relname;
SELECT count(*) FILTER (WHERE pg_column_size(r) < 2000) AS small,
       count(*) FILTER (WHERE pg_column_size(r) >= 2000) AS large
FROM toasty;

-- The type's default storage is main: a value pglz cannot shrink (distinct
-- words) stays in the row when it fits the page, where extended would have
-- put it out of line uncompressed; one too large for a page still goes out.
CREATE TABLE toasty_main (id int, r review);
SELECT attstorage FROM pg_attribute
WHERE attrelid = 'toasty_main'::regclass AND attname = 'r';
CREATE FUNCTION pg_temp.distinct_words(seed int, n int) RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(encode(sha256(((seed * 100000 + i)::text)::bytea), 'base64'), ' ') || '.'
	FROM generate_series(1, n) i
$$;
INSERT INTO toasty_main
SELECT i, (pg_temp.words(i, 30) || ' ' || pg_temp.distinct_words(i, 40)
	|| ' >!The sister dies in the final storm.!<')::review
FROM generate_series(1, 10) i;
SELECT count(*) AS values, min(pg_column_size(r)) > 2000 AS all_over_2kb,
       bool_and(pg_column_compression(r) IS NULL) AS uncompressed,
       (SELECT pg_relation_size(reltoastrelid) FROM pg_class
        WHERE relname = 'toasty_main') AS toast_bytes
FROM toasty_main;
INSERT INTO toasty_main VALUES (11, (pg_temp.words(11, 30) || ' ' || pg_temp.distinct_words(11, 600))::review);
SELECT pg_relation_size(reltoastrelid) > 0 AS has_toast FROM pg_class
WHERE relname = 'toasty_main';
SELECT redact(r, '[x]', 1) = redact(r::text::review, '[x]', 1) AS same_redact,
       review_body(r) = review_body(r::text::review) AS same_body
FROM toasty_main WHERE id IN (1, 11) ORDER BY id;

-- The same answers as from a fresh (never TOASTed) copy of each value.
CREATE TEMP TABLE probes (q reviewquery);
INSERT INTO probes VALUES ('worker & wealth'), ('"american dream"'), ('betray*'),
	('dies & final'), ('storm & !sister'), ('"final storm"'), ('zorblax | family');
WITH fresh AS MATERIALIZED (	-- a tuplestore does not TOAST
	SELECT 'toasty' AS tab, id, r, r::text::review AS f FROM toasty
	UNION ALL
	SELECT 'toasty_ext', id, r, r::text::review FROM toasty_ext
	UNION ALL
	SELECT 'toasty_lz4', id, r, r::text::review FROM toasty_lz4
	UNION ALL
	SELECT 'toasty_main', id, r, r::text::review FROM toasty_main
)
SELECT tab, count(*) AS checks,
       count(*) FILTER (WHERE r @@ q <> f @@ q OR r @@~ q <> f @@~ q
                        OR review_rank(r, q) <> review_rank(f, q)
                        OR r @@ q::text <> f @@ q::text) AS differ,
       count(*) FILTER (WHERE r @@ q) AS matches
FROM fresh, probes GROUP BY tab ORDER BY tab;

-- The index, built from prefixes, answers as a sequential scan does.
CREATE INDEX toasty_gin ON toasty USING gin (r);
CREATE INDEX toasty_ext_gin ON toasty_ext USING gin (r);
CREATE INDEX toasty_lz4_gin ON toasty_lz4 USING gin (r);
CREATE TEMP TABLE by_seq AS
SELECT q::text AS q, (SELECT array_agg(id ORDER BY id) FROM toasty WHERE r @@ q) AS a,
       (SELECT array_agg(id ORDER BY id) FROM toasty_ext WHERE r @@~ q) AS b,
       (SELECT array_agg(id ORDER BY id) FROM toasty_lz4 WHERE r @@ q) AS c
FROM probes;
SET enable_seqscan = off;
SELECT p.q::text AS query, s.a IS NOT DISTINCT FROM
	(SELECT array_agg(id ORDER BY id) FROM toasty WHERE r @@ p.q) AS same_plain,
	s.b IS NOT DISTINCT FROM
	(SELECT array_agg(id ORDER BY id) FROM toasty_ext WHERE r @@~ p.q) AS same_safe,
	s.c IS NOT DISTINCT FROM
	(SELECT array_agg(id ORDER BY id) FROM toasty_lz4 WHERE r @@ p.q) AS same_lz4,
	cardinality(s.a) AS rows
FROM probes p JOIN by_seq s ON s.q = p.q::text ORDER BY 1;
RESET enable_seqscan;
DROP TABLE toasty, toasty_ext, toasty_lz4, toasty_main;
