-- A short tour of pg_review on the sample reviews (run by `make demo`).
\pset footer off
\echo '== Reviews as values: metadata, normalized ratings, spoiler flags'
SELECT id, review_title(r) AS title, review_lang(r) AS lang,
       review_rating_text(r) AS rating, review_rating(r) AS "0-100",
       has_spoilers(r), round(spoiler_score(r)::numeric, 2) AS score
FROM film_reviews ORDER BY id;

\echo '== Canonical text form (every spoiler dialect becomes [spoiler]...[/spoiler])'
SELECT r FROM film_reviews WHERE id = 4;

\echo '== Spoilers: marked spans and detected sentences, offsets in characters'
SELECT id, start, len, source, round(score::numeric, 2) AS score, content
FROM film_reviews, spoilers(r) ORDER BY id, start;

\echo '== Redaction for a reader who has not seen the film'
SELECT id, redact(r) FROM film_reviews ORDER BY id;

\echo '== A review as jsonb'
SELECT jsonb_pretty(r::jsonb) FROM film_reviews WHERE id = 2;
