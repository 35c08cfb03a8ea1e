/*
 * pg_review 0.2.0 -> 0.3.0
 *
 * 0.3.0 adds review_support(internal), the planner support function of the
 * operators with a text or text[] right-hand side and of redact().  Like the
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
