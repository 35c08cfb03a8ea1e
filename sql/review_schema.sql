-- The extension in another schema, used under a hostile search_path: the
-- install script and the functions resolve everything by qualified name.
DROP EXTENSION pg_review CASCADE;
CREATE SCHEMA hostile;
-- Look-alikes that would capture unqualified references.
CREATE FUNCTION hostile.split_part(text, text, integer) RETURNS text
	LANGUAGE sql AS $$ SELECT 'captured'::text $$;
CREATE FUNCTION hostile.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT 'captured'::text $$;
CREATE FUNCTION hostile.textcat_evil(text, text) RETURNS text LANGUAGE sql AS $$ SELECT 'captured'::text $$;
CREATE OPERATOR hostile.|| (LEFTARG = text, RIGHTARG = text, PROCEDURE = hostile.textcat_evil);
CREATE SCHEMA rv;
SET search_path = hostile, pg_catalog, public;
CREATE EXTENSION pg_review SCHEMA rv;
SELECT extname, nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE extname = 'pg_review';
SELECT rv.review_title(E'---\ntitle: Relocated\n---\nbody ||x||'::rv.review);
SELECT rv.redact('safe ||hidden||'::rv.review);
SELECT 'the workers'::rv.review OPERATOR(rv.@@) 'worker'::rv.reviewquery AS matches;
-- theme_query and review_themes pin their own search_path.
SELECT rv.theme_query('family') IS NOT NULL AS theme_query_works
WHERE EXISTS (SELECT 1 FROM rv.review_theme WHERE theme = 'family');
SELECT count(*) >= 0 AS review_themes_works FROM rv.review_themes('A family drama.'::rv.review);
RESET search_path;
DROP EXTENSION pg_review CASCADE;
DROP SCHEMA rv;
DROP SCHEMA hostile CASCADE;
CREATE EXTENSION pg_review;

-- Large values are stored whole: no truncation.
SELECT length(review_body(r)) = 20 * 1000 * 1000 / 10 * 10 AS whole_body,
       length(r::text) >= 20 * 1000 * 1000 AS whole_text
FROM (SELECT repeat('lighthouse', 2000000)::review AS r) s;

-- A stored large review is TOASTed; the metadata accessors read a prefix.
CREATE TEMP TABLE big AS
SELECT (E'---\ntitle: Big\nauthor: A. Writer\nrating: 3/4\nlang: en-GB\n---\n' || repeat('lighthouse keeper. ', 200000))::review AS r;
SELECT pg_column_size(r) < octet_length(review_body(r)) AS compressed,
       review_title(r), review_author(r), review_rating_text(r), review_rating(r), review_lang(r),
       spoiler_score(r) BETWEEN 0 AND 1 AS score_ok, length(review_body(r)) AS body_chars
FROM big;
DROP TABLE big;
