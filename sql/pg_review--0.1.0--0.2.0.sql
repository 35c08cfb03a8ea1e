/*
 * pg_review 0.1.0 -> 0.2.0
 *
 * 0.2.0 adds review_stats(review) and comments on the operator families
 * that CREATE OPERATOR CLASS made implicitly.  Like the install script,
 * every reference is qualified with @extschema@ or pg_catalog.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_review UPDATE TO '0.2.0'" to load this file. \quit

CREATE FUNCTION @extschema@.review_stats(r @extschema@.review,
										 OUT characters pg_catalog.int4,
										 OUT sentences pg_catalog.int4,
										 OUT spoiler_sentences pg_catalog.int4,
										 OUT marked_spoilers pg_catalog.int4,
										 OUT keywords pg_catalog.int4,
										 OUT keyword_occurrences pg_catalog.int4,
										 OUT hidden_occurrences pg_catalog.int4)
RETURNS record
AS 'MODULE_PATHNAME', 'review_stats'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_stats(@extschema@.review) IS
'size and spoiler share of a review from its stored analysis: characters of review_body, sentences, sentences detected as spoilers at the default threshold, marked spoiler spans, distinct keywords, keyword occurrences, and the occurrences a spoiler-free reader does not see';

COMMENT ON OPERATOR FAMILY @extschema@.review_btree_ops USING btree IS
'btree operator family of review: the operators of review_btree_ops';
COMMENT ON OPERATOR FAMILY @extschema@.review_hash_ops USING hash IS
'hash operator family of review: the operator of review_hash_ops';
COMMENT ON OPERATOR FAMILY @extschema@.review_ops USING gin IS
'GIN operator family of review: @@, @@~, ?, ?| and ?& of review_ops';
