-- Equality, ordering and hashing: by the fields as written.
SELECT 'same'::review = 'same'::review AS eq,
       'same'::review <> 'other'::review AS ne,
       'a ||b||'::review = 'a >!b!<'::review AS dialects_equal,
       'a ||b||'::review = 'a b'::review AS spans_matter,
       E'Spoilers ahead\nx'::review = 'x'::review AS warning_matters,
       E'---\ntitle: T\n---\nx'::review = 'x'::review AS title_matters,
       E'---\nlang: EN\n---\nx'::review = 'x'::review AS default_lang_equal,
       E'---\nrating: 4/5\n---\nx'::review = E'---\nrating: 8/10\n---\nx'::review AS rating_as_written;

-- The operator classes are well formed.
SELECT opcname, amvalidate(oid) FROM pg_opclass
WHERE opcname IN ('review_btree_ops', 'review_hash_ops') ORDER BY opcname;

CREATE TABLE rv (id serial, r review);
INSERT INTO rv (r) SELECT ('Review number ' || (i % 7) || ' ||with a spoiler||')::review FROM generate_series(1, 70) i;
INSERT INTO rv (r) SELECT ('Review number ' || (i % 7))::review FROM generate_series(1, 14) i;

-- DISTINCT and GROUP BY, by sorting and by hashing.
SET enable_hashagg = off;
SELECT count(DISTINCT r) FROM rv;
SELECT r, count(*) FROM rv GROUP BY r ORDER BY r LIMIT 3;
SET enable_hashagg = on;
SET enable_sort = off;
SELECT count(*) FROM (SELECT r FROM rv GROUP BY r) g;
RESET enable_sort;
RESET enable_hashagg;

-- Hash join and merge join agree.
SET enable_mergejoin = off;
SET enable_nestloop = off;
SELECT count(*) FROM rv a JOIN rv b ON a.r = b.r;
RESET enable_mergejoin;
SET enable_hashjoin = off;
SELECT count(*) FROM rv a JOIN rv b ON a.r = b.r;
RESET enable_hashjoin;
RESET enable_nestloop;

-- Ordering is a total order consistent with equality.
SELECT bool_and(a.r < b.r OR a.r = b.r OR a.r > b.r) AS total,
       bool_and((a.r = b.r) = (review_cmp(a.r, b.r) = 0)) AS consistent,
       bool_and((review_hash(a.r) = review_hash(b.r)) OR a.r <> b.r) AS hash_consistent
FROM rv a, rv b;
SELECT (review_hash('x'::review)::int8 & 4294967295) = (review_hash_extended('x'::review, 0) & 4294967295) AS low_bits_agree;

-- UNIQUE works.
CREATE TABLE uniq (r review UNIQUE);
INSERT INTO uniq VALUES ('one ||two||');
INSERT INTO uniq VALUES ('one >!two!<');
CREATE UNIQUE INDEX ON rv USING btree (r) WHERE id <= 7;
SELECT r FROM rv WHERE r = 'Review number 3 ||with a spoiler||'::review ORDER BY id LIMIT 1;

-- Hash partitioning by review.
CREATE TABLE rvp (r review) PARTITION BY HASH (r);
CREATE TABLE rvp0 PARTITION OF rvp FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE rvp1 PARTITION OF rvp FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO rvp SELECT r FROM rv;
SELECT (SELECT count(*) FROM rvp0) + (SELECT count(*) FROM rvp1) AS total,
       (SELECT count(*) FROM rvp0) > 0 AND (SELECT count(*) FROM rvp1) > 0 AS both_used;

DROP TABLE rv, uniq, rvp;
