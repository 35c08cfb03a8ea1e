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

\echo '== Keywords (ICU words, case folding, Snowball stems), in every language'
SELECT id, review_lang(r) AS lang, array_to_string((review_keywords(r))[1:8], ' ') AS first_keywords
FROM film_reviews ORDER BY id;

\echo '== Search: plain (@@) and spoiler-safe (@@~), served by a GIN index'
CREATE INDEX film_reviews_r ON film_reviews USING gin (r);
SELECT q AS query,
       array(SELECT id FROM film_reviews WHERE r @@ q ORDER BY id) AS "@@",
       array(SELECT id FROM film_reviews WHERE r @@~ q ORDER BY id) AS "@@~"
FROM (VALUES ('smuggler'), ('butler | heir'), ('family & fire'), ('rich*')) v(q);

\echo '== Spoiler-safe ranking (only what redact() shows counts) with spoiler-safe snippets'
SELECT id, round(review_rank_safe(r, q)::numeric, 3) AS rank, review_snippet(r, q, 12) AS snippet
FROM film_reviews, reviewquery('sea | storm | captain') q
WHERE r @@~ q ORDER BY review_rank_safe(r, q) DESC;

\echo '== Themes, from what redact() shows'
SELECT id, theme, round(score::numeric, 2) AS score
FROM film_reviews, LATERAL (SELECT * FROM review_themes_safe(r) LIMIT 2) t ORDER BY id, score DESC;
