-- Queries against an installed postgresql-NN-review package (test/chroot/run.sh
-- DIST deb), in a clean chroot: the extension, its C functions, the GIN
-- operator class and pg_review_rum (with postgresql-NN-rum).  Its output must
-- equal package-smoke.out.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION pg_review;
SELECT extversion FROM pg_extension WHERE extname = 'pg_review';
\i data/samples.sql
SELECT id, review_title(r) AS title, review_rating(r) AS rating, has_spoilers(r) FROM film_reviews ORDER BY id;
SELECT redact(E'A sharp satire. >!The butler runs the company.!< Great cast.'::review);
CREATE INDEX ON film_reviews USING gin (r);
SET enable_seqscan = off;
SELECT id FROM film_reviews WHERE r @@ 'family & fire' ORDER BY id;
SELECT id FROM film_reviews WHERE r @@~ 'family & fire' ORDER BY id;
SELECT id, review_snippet(r, 'storm', 6) FROM film_reviews WHERE r @@~ 'storm' ORDER BY id;
RESET enable_seqscan;
CREATE EXTENSION pg_review_rum CASCADE;
CREATE INDEX ON film_reviews USING rum (r review_rum_ops);
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SELECT id FROM film_reviews WHERE r @@ 'sea | storm | captain' ORDER BY r <=> 'sea | storm | captain', id LIMIT 3;
