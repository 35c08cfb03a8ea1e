/*
 * pg_review install script (source of pg_review--<version>.sql).
 *
 * Every reference to an object of the extension is qualified with
 * @extschema@, and pg_catalog objects with pg_catalog, so nothing here
 * depends on the caller's search_path.
 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION pg_review" to load this file. \quit

--------------------------------------------------------------------------
-- The review type
--------------------------------------------------------------------------

CREATE TYPE @extschema@.review;

CREATE FUNCTION @extschema@.review_in(pg_catalog.cstring)
RETURNS @extschema@.review
AS 'MODULE_PATHNAME', 'review_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.review_out(@extschema@.review)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'review_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.review_recv(pg_catalog.internal)
RETURNS @extschema@.review
AS 'MODULE_PATHNAME', 'review_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.review_send(@extschema@.review)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'review_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.review (
	INTERNALLENGTH = variable,
	INPUT = @extschema@.review_in,
	OUTPUT = @extschema@.review_out,
	RECEIVE = @extschema@.review_recv,
	SEND = @extschema@.review_send,
	ALIGNMENT = int4,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.review IS
'a review: body text with its marked spoilers, title, author, rating and language, analysed at input (sentences, spoiler scores, keywords)';
COMMENT ON FUNCTION @extschema@.review_in(pg_catalog.cstring) IS
'parses the text form of a review: optional front matter, warning line, body with spoiler markup';
COMMENT ON FUNCTION @extschema@.review_out(@extschema@.review) IS
'prints the canonical text form of a review';
COMMENT ON FUNCTION @extschema@.review_recv(pg_catalog.internal) IS
'reads and validates the binary form of a review';
COMMENT ON FUNCTION @extschema@.review_send(@extschema@.review) IS
'writes the binary form of a review';

--------------------------------------------------------------------------
-- Constructor, casts, accessors
--------------------------------------------------------------------------

-- Not STRICT: every argument but body may be NULL, meaning "not set".
CREATE FUNCTION @extschema@.review(body pg_catalog.text,
								   title pg_catalog.text DEFAULT NULL,
								   rating pg_catalog.text DEFAULT NULL,
								   lang pg_catalog.text DEFAULT 'en',
								   author pg_catalog.text DEFAULT NULL)
RETURNS @extschema@.review
AS 'MODULE_PATHNAME', 'review_construct'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text) IS
'builds a review from its body (with spoiler markup) and optional title, rating, language and author';

CREATE CAST (pg_catalog.text AS @extschema@.review) WITH INOUT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.review) IS
'parses the text form of a review (explicit)';
CREATE CAST (@extschema@.review AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (@extschema@.review AS pg_catalog.text) IS
'the canonical text form of a review';

CREATE FUNCTION @extschema@.review_to_jsonb(@extschema@.review)
RETURNS pg_catalog.jsonb
AS 'MODULE_PATHNAME', 'review_to_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_to_jsonb(@extschema@.review) IS
'a review as {"title", "author", "rating", "lang", "body"} with spoilers marked in body';

CREATE FUNCTION @extschema@.jsonb_to_review(pg_catalog.jsonb)
RETURNS @extschema@.review
AS 'MODULE_PATHNAME', 'jsonb_to_review'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.jsonb_to_review(pg_catalog.jsonb) IS
'builds a review from {"body", "title", "rating", "lang", "author"}';

CREATE CAST (@extschema@.review AS pg_catalog.jsonb)
	WITH FUNCTION @extschema@.review_to_jsonb(@extschema@.review);
COMMENT ON CAST (@extschema@.review AS pg_catalog.jsonb) IS
'a review as a jsonb object';
CREATE CAST (pg_catalog.jsonb AS @extschema@.review)
	WITH FUNCTION @extschema@.jsonb_to_review(pg_catalog.jsonb);
COMMENT ON CAST (pg_catalog.jsonb AS @extschema@.review) IS
'builds a review from a jsonb object';

CREATE FUNCTION @extschema@.review_title(@extschema@.review) RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'review_title' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_title(@extschema@.review) IS 'the title, or NULL if not set';

CREATE FUNCTION @extschema@.review_author(@extschema@.review) RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'review_author' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_author(@extschema@.review) IS 'the author, or NULL if not set';

CREATE FUNCTION @extschema@.review_lang(@extschema@.review) RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'review_lang' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_lang(@extschema@.review) IS 'the BCP 47 language tag (default en)';

CREATE FUNCTION @extschema@.review_rating_text(@extschema@.review) RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'review_rating_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rating_text(@extschema@.review) IS 'the rating as written, or NULL';

CREATE FUNCTION @extschema@.review_rating(@extschema@.review) RETURNS pg_catalog.float4
AS 'MODULE_PATHNAME', 'review_rating' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rating(@extschema@.review) IS 'the rating normalized to 0..100, or NULL';

CREATE FUNCTION @extschema@.review_body(@extschema@.review) RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'review_body' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_body(@extschema@.review) IS 'the body with markup removed (spoilers kept)';

CREATE FUNCTION @extschema@.has_spoilers(@extschema@.review) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'has_spoilers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.has_spoilers(@extschema@.review) IS
'true if the review has marked spoilers, a warning line, or a sentence detected as a spoiler at the default threshold';

--------------------------------------------------------------------------
-- Equality, ordering, hashing
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.review_cmp(@extschema@.review, @extschema@.review) RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'review_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_cmp(@extschema@.review, @extschema@.review) IS
'btree comparison of reviews (by the fields as written)';
CREATE FUNCTION @extschema@.review_eq(@extschema@.review, @extschema@.review) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_eq(@extschema@.review, @extschema@.review) IS 'implementation of = for review';
CREATE FUNCTION @extschema@.review_ne(@extschema@.review, @extschema@.review) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_ne(@extschema@.review, @extschema@.review) IS 'implementation of <> for review';
CREATE FUNCTION @extschema@.review_lt(@extschema@.review, @extschema@.review) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_lt(@extschema@.review, @extschema@.review) IS 'implementation of < for review';
CREATE FUNCTION @extschema@.review_le(@extschema@.review, @extschema@.review) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_le(@extschema@.review, @extschema@.review) IS 'implementation of <= for review';
CREATE FUNCTION @extschema@.review_gt(@extschema@.review, @extschema@.review) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_gt(@extschema@.review, @extschema@.review) IS 'implementation of > for review';
CREATE FUNCTION @extschema@.review_ge(@extschema@.review, @extschema@.review) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_ge(@extschema@.review, @extschema@.review) IS 'implementation of >= for review';
CREATE FUNCTION @extschema@.review_hash(@extschema@.review) RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'review_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_hash(@extschema@.review) IS 'hash of a review (by the fields as written)';
CREATE FUNCTION @extschema@.review_hash_extended(@extschema@.review, pg_catalog.int8) RETURNS pg_catalog.int8
AS 'MODULE_PATHNAME', 'review_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_hash_extended(@extschema@.review, pg_catalog.int8) IS 'seeded 64-bit hash of a review';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.review, RIGHTARG = @extschema@.review,
	PROCEDURE = @extschema@.review_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.review, @extschema@.review) IS 'equal (same text, metadata and spoilers)';
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.review, RIGHTARG = @extschema@.review,
	PROCEDURE = @extschema@.review_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.<> (@extschema@.review, @extschema@.review) IS 'not equal';
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.review, RIGHTARG = @extschema@.review,
	PROCEDURE = @extschema@.review_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.review, @extschema@.review) IS 'less than (an arbitrary but stable total order)';
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.review, RIGHTARG = @extschema@.review,
	PROCEDURE = @extschema@.review_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR @extschema@.<= (@extschema@.review, @extschema@.review) IS 'less than or equal';
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.review, RIGHTARG = @extschema@.review,
	PROCEDURE = @extschema@.review_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.> (@extschema@.review, @extschema@.review) IS 'greater than';
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.review, RIGHTARG = @extschema@.review,
	PROCEDURE = @extschema@.review_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.>= (@extschema@.review, @extschema@.review) IS 'greater than or equal';

CREATE OPERATOR CLASS @extschema@.review_btree_ops
DEFAULT FOR TYPE @extschema@.review USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.review_cmp(@extschema@.review, @extschema@.review);
COMMENT ON OPERATOR CLASS @extschema@.review_btree_ops USING btree IS
'btree operator class of review (DISTINCT, ORDER BY, UNIQUE)';

CREATE OPERATOR CLASS @extschema@.review_hash_ops
DEFAULT FOR TYPE @extschema@.review USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.review_hash(@extschema@.review),
	FUNCTION 2 @extschema@.review_hash_extended(@extschema@.review, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.review_hash_ops USING hash IS
'hash operator class of review (hash joins, hash aggregation, hash partitioning)';
