/*
 * pg_review_rum install script: the RUM operator class of review.  Its C
 * functions live in pg_review's library (src/review_rum.c).
 *
 * Objects of this extension are qualified with @extschema@, pg_catalog
 * objects with pg_catalog.  The types and operators of pg_review are not
 * qualified: PostgreSQL 15 has no way to name a required extension's schema
 * here, but CREATE EXTENSION puts the schemas of required extensions (pg_review,
 * rum) on the search_path while this script runs.
 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION pg_review_rum" to load this file. \quit

CREATE FUNCTION @extschema@.review_distance(review, reviewquery) RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'review_distance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_distance(review, reviewquery) IS
'1 - review_rank(r, q): the distance of r <=> q, smaller is better (1 when no term occurs)';

CREATE OPERATOR @extschema@.<=> (
	LEFTARG = review, RIGHTARG = reviewquery,
	FUNCTION = @extschema@.review_distance
);
COMMENT ON OPERATOR @extschema@.<=> (review, reviewquery) IS
'distance of a review from a query, 1 - review_rank; ORDER BY r <=> q LIMIT k is answered from a review_rum_ops index';

CREATE FUNCTION @extschema@.review_rum_cmp(pg_catalog.text, pg_catalog.text) RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'review_gin_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rum_cmp(pg_catalog.text, pg_catalog.text) IS
'RUM support: bytewise order of keyword keys';

CREATE FUNCTION @extschema@.review_rum_extract_value(review, pg_catalog.internal, pg_catalog.internal,
													 pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'review_rum_extract_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rum_extract_value(review, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
'RUM support: the keywords of a review, each with its positions as additional information';

CREATE FUNCTION @extschema@.review_rum_extract_query(review, pg_catalog.internal, pg_catalog.int2,
													 pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'review_rum_extract_query' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rum_extract_query(review, pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
'RUM support: the keys of a query';

CREATE FUNCTION @extschema@.review_rum_consistent(pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.int4,
												  pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_rum_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rum_consistent(pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
'RUM support: does an item match, decided from the positions (phrases and @@~ without recheck)';

CREATE FUNCTION @extschema@.review_rum_compare_partial(pg_catalog.text, pg_catalog.text, pg_catalog.int2, pg_catalog.internal)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'review_gin_compare_partial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rum_compare_partial(pg_catalog.text, pg_catalog.text, pg_catalog.int2, pg_catalog.internal) IS
'RUM support: prefix match of keys';

CREATE FUNCTION @extschema@.review_rum_config(pg_catalog.internal) RETURNS pg_catalog.void
AS 'MODULE_PATHNAME', 'review_rum_config' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rum_config(pg_catalog.internal) IS
'RUM support: the type of the additional information (bytea)';

CREATE FUNCTION @extschema@.review_rum_pre_consistent(pg_catalog.internal, pg_catalog.int2, review, pg_catalog.int4,
													  pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_rum_pre_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rum_pre_consistent(pg_catalog.internal, pg_catalog.int2, review, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
'RUM support: can an item match, from the keys present only (fast scan)';

CREATE FUNCTION @extschema@.review_rum_ordering(pg_catalog.internal, pg_catalog.int2, review, pg_catalog.int4,
												pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal,
												pg_catalog.internal)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'review_rum_ordering' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rum_ordering(pg_catalog.internal, pg_catalog.int2, review, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
'RUM support: r <=> q computed from the positions in the index';

CREATE FUNCTION @extschema@.review_rum_join(pg_catalog.internal, pg_catalog.internal) RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'review_rum_join' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rum_join(pg_catalog.internal, pg_catalog.internal) IS
'RUM support: merges the positions of the keywords a prefix term matches in one review';

CREATE OPERATOR CLASS @extschema@.review_rum_ops
FOR TYPE review USING rum AS
	OPERATOR 1 @@ (review, reviewquery),
	OPERATOR 2 @@ (review, pg_catalog.text),
	OPERATOR 3 @@~ (review, reviewquery),
	OPERATOR 4 @@~ (review, pg_catalog.text),
	OPERATOR 5 ? (review, pg_catalog.text),
	OPERATOR 6 ?| (review, pg_catalog.text[]),
	OPERATOR 7 ?& (review, pg_catalog.text[]),
	OPERATOR 8 @extschema@.<=> (review, reviewquery) FOR ORDER BY pg_catalog.float_ops,
	OPERATOR 9 <#> (review, review_bm25query) FOR ORDER BY pg_catalog.float_ops,
	FUNCTION 1 @extschema@.review_rum_cmp(pg_catalog.text, pg_catalog.text),
	FUNCTION 2 @extschema@.review_rum_extract_value(review, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 3 @extschema@.review_rum_extract_query(review, pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 4 @extschema@.review_rum_consistent(pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 5 @extschema@.review_rum_compare_partial(pg_catalog.text, pg_catalog.text, pg_catalog.int2, pg_catalog.internal),
	FUNCTION 6 @extschema@.review_rum_config(pg_catalog.internal),
	FUNCTION 7 @extschema@.review_rum_pre_consistent(pg_catalog.internal, pg_catalog.int2, review, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 8 @extschema@.review_rum_ordering(pg_catalog.internal, pg_catalog.int2, review, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 10 @extschema@.review_rum_join(pg_catalog.internal, pg_catalog.internal),
	STORAGE pg_catalog.text;
COMMENT ON OPERATOR CLASS @extschema@.review_rum_ops USING rum IS
'RUM index of review keywords with their positions: @@ and @@~ (phrases exact in the index), @@ text, ?, ?|, ?&, ORDER BY r <=> q, and ORDER BY r <#> bq (BM25)';
COMMENT ON OPERATOR FAMILY @extschema@.review_rum_ops USING rum IS
'RUM operator family of review: the operators of review_rum_ops';
