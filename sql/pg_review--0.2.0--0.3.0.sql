/*
 * pg_review 0.2.0 -> 0.3.0
 *
 * 0.3.0 adds review_support(internal), the planner support function of the
 * operators with a text or text[] right-hand side and of redact(), and
 * keyword statistics: review_typanalyze(internal) for ANALYZE and
 * review_matchsel, the restriction selectivity of the search operators.  Like the
 * install script, every reference is qualified with @extschema@ or
 * pg_catalog.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_review UPDATE TO '0.3.0'" to load this file. \quit

-- A planner support function for the functions with a text or text[]
-- argument, which ignore collation: it drops their input collation so that
-- postgres_fdw ships them, and turns a function-form call of an operator
-- into the operator (which can use the GIN index).
CREATE FUNCTION @extschema@.review_support(pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'review_support'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_support(pg_catalog.internal) IS
'planner support of @@ text, @@~ text, ?, ?|, ?& and redact(): the same call without input collation (they ignore it), so postgres_fdw can ship it; a function-form call of an operator becomes the operator';

ALTER FUNCTION @extschema@.review_match_text(@extschema@.review, pg_catalog.text)
	SUPPORT @extschema@.review_support;
ALTER FUNCTION @extschema@.review_match_text_safe(@extschema@.review, pg_catalog.text)
	SUPPORT @extschema@.review_support;
ALTER FUNCTION @extschema@.review_exists(@extschema@.review, pg_catalog.text)
	SUPPORT @extschema@.review_support;
ALTER FUNCTION @extschema@.review_exists_any(@extschema@.review, pg_catalog.text[])
	SUPPORT @extschema@.review_support;
ALTER FUNCTION @extschema@.review_exists_all(@extschema@.review, pg_catalog.text[])
	SUPPORT @extschema@.review_support;
ALTER FUNCTION @extschema@.redact(@extschema@.review, pg_catalog.text, pg_catalog.float4)
	SUPPORT @extschema@.review_support;

-- Keyword statistics for the planner: ANALYZE gathers the most common
-- keywords of review columns, and the search operators estimate from them
-- (they used contsel, a constant 0.1%).  Run ANALYZE after the update.
CREATE FUNCTION @extschema@.review_typanalyze(pg_catalog.internal)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_typanalyze'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_typanalyze(pg_catalog.internal) IS
'ANALYZE support: gathers the most common keywords of a review column (as GIN keys: spoiler-only ones with a leading \x01) for review_matchsel';
ALTER TYPE @extschema@.review SET (ANALYZE = @extschema@.review_typanalyze);

CREATE FUNCTION @extschema@.review_matchsel(pg_catalog.internal, pg_catalog.oid, pg_catalog.internal, pg_catalog.int4)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'review_matchsel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_matchsel(pg_catalog.internal, pg_catalog.oid, pg_catalog.internal, pg_catalog.int4) IS
'restriction selectivity of @@, @@~, ?, ?| and ?& from the most common keywords that ANALYZE gathered';

ALTER OPERATOR @extschema@.@@ (@extschema@.review, @extschema@.reviewquery)
	SET (RESTRICT = @extschema@.review_matchsel);
ALTER OPERATOR @extschema@.@@ (@extschema@.review, pg_catalog.text)
	SET (RESTRICT = @extschema@.review_matchsel);
ALTER OPERATOR @extschema@.@@~ (@extschema@.review, @extschema@.reviewquery)
	SET (RESTRICT = @extschema@.review_matchsel);
ALTER OPERATOR @extschema@.@@~ (@extschema@.review, pg_catalog.text)
	SET (RESTRICT = @extschema@.review_matchsel);
ALTER OPERATOR @extschema@.? (@extschema@.review, pg_catalog.text)
	SET (RESTRICT = @extschema@.review_matchsel);
ALTER OPERATOR @extschema@.?| (@extschema@.review, pg_catalog.text[])
	SET (RESTRICT = @extschema@.review_matchsel);
ALTER OPERATOR @extschema@.?& (@extschema@.review, pg_catalog.text[])
	SET (RESTRICT = @extschema@.review_matchsel);

-- Spoiler-safe forms of the functions that list or score keywords: they see
-- only what redact() shows (hidden occurrences do not count; positions and
-- distances are in visible words).
CREATE FUNCTION @extschema@.review_keywords_safe(@extschema@.review) RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'review_keywords_safe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_keywords_safe(@extschema@.review) IS
'the keywords a spoiler-free reader sees (an occurrence outside what redact() hides), sorted';
CREATE FUNCTION @extschema@.review_rank_safe(@extschema@.review, @extschema@.reviewquery) RETURNS pg_catalog.float4
AS 'MODULE_PATHNAME', 'review_rank_safe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rank_safe(@extschema@.review, @extschema@.reviewquery) IS
'review_rank as a spoiler-free reader sees the review (use with @@~): only visible occurrences count, positions, proximity and length in visible words';
CREATE FUNCTION @extschema@.review_term_count_safe(@extschema@.review, pg_catalog.text) RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'review_term_count_safe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_term_count_safe(@extschema@.review, pg_catalog.text) IS
'review_term_count counting only what redact() shows: visible occurrences, a phrase''s words in visible words';
CREATE FUNCTION @extschema@.review_themes_safe(r @extschema@.review, OUT theme pg_catalog.text, OUT score pg_catalog.float4)
RETURNS SETOF record
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	-- Keywords that normalize alike ("worker", "workers") count once.
	WITH kw AS (
		SELECT t.theme, max(t.weight) AS weight, min(t.keyword) AS keyword
		  FROM @extschema@.review_theme t
		 WHERE t.lang = lower(split_part(@extschema@.review_lang(r), '-', 1))
		 GROUP BY t.theme, @extschema@.reviewquery(t.keyword, @extschema@.review_lang(r))::text
	)
	SELECT kw.theme,
		   (1 - exp(-sum(kw.weight * ln(1 + c.n))))::pg_catalog.float4
	  FROM kw, LATERAL (SELECT @extschema@.review_term_count_safe(r, kw.keyword) AS n) c
	 WHERE c.n > 0
	 GROUP BY kw.theme
	 ORDER BY 2 DESC, 1
$$;
COMMENT ON FUNCTION @extschema@.review_themes_safe(@extschema@.review) IS
'review_themes from what a spoiler-free reader sees: words that redact() hides do not count';
