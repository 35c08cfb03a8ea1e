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
