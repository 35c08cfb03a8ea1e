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

CREATE FUNCTION @extschema@.review_typanalyze(pg_catalog.internal)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_typanalyze'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.review (
	INTERNALLENGTH = variable,
	INPUT = @extschema@.review_in,
	OUTPUT = @extschema@.review_out,
	RECEIVE = @extschema@.review_recv,
	SEND = @extschema@.review_send,
	ANALYZE = @extschema@.review_typanalyze,
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
COMMENT ON FUNCTION @extschema@.review_typanalyze(pg_catalog.internal) IS
'ANALYZE support: gathers the most common keywords of a review column (as GIN keys: spoiler-only ones with a leading \x01) for review_matchsel';

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
COMMENT ON OPERATOR FAMILY @extschema@.review_btree_ops USING btree IS
'btree operator family of review: the operators of review_btree_ops';

CREATE OPERATOR CLASS @extschema@.review_hash_ops
DEFAULT FOR TYPE @extschema@.review USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.review_hash(@extschema@.review),
	FUNCTION 2 @extschema@.review_hash_extended(@extschema@.review, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.review_hash_ops USING hash IS
'hash operator class of review (hash joins, hash aggregation, hash partitioning)';
COMMENT ON OPERATOR FAMILY @extschema@.review_hash_ops USING hash IS
'hash operator family of review: the operator of review_hash_ops';

--------------------------------------------------------------------------
-- Planner support (new in 0.3.0)
--------------------------------------------------------------------------

-- The functions below with a text or text[] argument ignore collation; this
-- support function drops their input collation at planning time, so that
-- postgres_fdw ships them to the shards (and review_exists(r, w) becomes
-- r ? w, which can use the GIN index).
CREATE FUNCTION @extschema@.review_support(pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'review_support'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_support(pg_catalog.internal) IS
'planner support of @@ text, @@~ text, ?, ?|, ?& and redact(): the same call without input collation (they ignore it), so postgres_fdw can ship it; a function-form call of an operator becomes the operator';

--------------------------------------------------------------------------
-- Spoilers and redaction (read from the analysis stored at input)
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.spoilers(r @extschema@.review,
									 OUT start pg_catalog.int4, OUT len pg_catalog.int4,
									 OUT source pg_catalog.text, OUT score pg_catalog.float4,
									 OUT content pg_catalog.text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'review_spoilers'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION @extschema@.spoilers(@extschema@.review) IS
'every spoiler span in body order: marked spans (source markup, score 1) and sentences detected at the default threshold; offsets in characters of review_body';

CREATE FUNCTION @extschema@.review_sentences(r @extschema@.review,
											 OUT start pg_catalog.int4, OUT len pg_catalog.int4,
											 OUT score pg_catalog.float4, OUT sentence pg_catalog.text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'review_sentences'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.review_sentences(@extschema@.review) IS
'the ICU sentences of review_body with their spoiler scores; offsets in characters';

CREATE FUNCTION @extschema@.spoiler_score(@extschema@.review) RETURNS pg_catalog.float4
AS 'MODULE_PATHNAME', 'review_spoiler_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spoiler_score(@extschema@.review) IS
'how likely the review as a whole reveals the plot, in [0,1]';

CREATE FUNCTION @extschema@.redact(r @extschema@.review,
								   mask pg_catalog.text DEFAULT '[spoiler]',
								   threshold pg_catalog.float4 DEFAULT 0.5)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'review_redact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SUPPORT @extschema@.review_support;
COMMENT ON FUNCTION @extschema@.redact(@extschema@.review, pg_catalog.text, pg_catalog.float4) IS
'review_body with marked spans and sentences scoring >= threshold replaced by mask (threshold 1: marked spans only); adjacent masks collapse';

-- New in 0.2.0 (sql/pg_review--0.1.0--0.2.0.sql adds it to 0.1.0 installs).
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

--------------------------------------------------------------------------
-- reviewquery and keywords
--------------------------------------------------------------------------

CREATE TYPE @extschema@.reviewquery;

CREATE FUNCTION @extschema@.reviewquery_in(pg_catalog.cstring)
RETURNS @extschema@.reviewquery
AS 'MODULE_PATHNAME', 'reviewquery_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.reviewquery_out(@extschema@.reviewquery)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'reviewquery_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.reviewquery_recv(pg_catalog.internal)
RETURNS @extschema@.reviewquery
AS 'MODULE_PATHNAME', 'reviewquery_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.reviewquery_send(@extschema@.reviewquery)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'reviewquery_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.reviewquery (
	INTERNALLENGTH = variable,
	INPUT = @extschema@.reviewquery_in,
	OUTPUT = @extschema@.reviewquery_out,
	RECEIVE = @extschema@.reviewquery_recv,
	SEND = @extschema@.reviewquery_send,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.reviewquery IS
'a keyword query over reviews: & | ! ( ) "phrases" prefix* and <N> distance, terms normalized like review keywords';
COMMENT ON FUNCTION @extschema@.reviewquery_in(pg_catalog.cstring) IS 'parses a reviewquery, normalizing terms in English';
COMMENT ON FUNCTION @extschema@.reviewquery_out(@extschema@.reviewquery) IS 'prints a reviewquery with its normalized terms quoted';
COMMENT ON FUNCTION @extschema@.reviewquery_recv(pg_catalog.internal) IS 'reads and validates the binary form of a reviewquery';
COMMENT ON FUNCTION @extschema@.reviewquery_send(@extschema@.reviewquery) IS 'writes the binary form of a reviewquery';

CREATE FUNCTION @extschema@.reviewquery(query pg_catalog.text, lang pg_catalog.text DEFAULT 'en')
RETURNS @extschema@.reviewquery
AS 'MODULE_PATHNAME', 'reviewquery_parse'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reviewquery(pg_catalog.text, pg_catalog.text) IS
'parses a reviewquery, normalizing its terms in the given language';

CREATE FUNCTION @extschema@.review_keywords(@extschema@.review) RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'review_keywords' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_keywords(@extschema@.review) IS
'the normalized keywords of a review (ICU words, NFKC case folding, Snowball stems, no stop words), sorted and distinct';

CREATE FUNCTION @extschema@.review_match(@extschema@.review, @extschema@.reviewquery) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_match' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_match(@extschema@.review, @extschema@.reviewquery) IS 'implementation of review @@ reviewquery';
CREATE FUNCTION @extschema@.review_match_text(@extschema@.review, pg_catalog.text) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_match_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT @extschema@.review_support;
COMMENT ON FUNCTION @extschema@.review_match_text(@extschema@.review, pg_catalog.text) IS 'implementation of review @@ text';
CREATE FUNCTION @extschema@.review_match_safe(@extschema@.review, @extschema@.reviewquery) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_match_safe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_match_safe(@extschema@.review, @extschema@.reviewquery) IS 'implementation of review @@~ reviewquery';
CREATE FUNCTION @extschema@.review_match_text_safe(@extschema@.review, pg_catalog.text) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_match_text_safe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT @extschema@.review_support;
COMMENT ON FUNCTION @extschema@.review_match_text_safe(@extschema@.review, pg_catalog.text) IS 'implementation of review @@~ text';
CREATE FUNCTION @extschema@.review_exists(@extschema@.review, pg_catalog.text) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_exists' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT @extschema@.review_support;
COMMENT ON FUNCTION @extschema@.review_exists(@extschema@.review, pg_catalog.text) IS 'implementation of review ? text';
CREATE FUNCTION @extschema@.review_exists_any(@extschema@.review, pg_catalog.text[]) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_exists_any' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT @extschema@.review_support;
COMMENT ON FUNCTION @extschema@.review_exists_any(@extschema@.review, pg_catalog.text[]) IS 'implementation of review ?| text[]';
CREATE FUNCTION @extschema@.review_exists_all(@extschema@.review, pg_catalog.text[]) RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_exists_all' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT @extschema@.review_support;
COMMENT ON FUNCTION @extschema@.review_exists_all(@extschema@.review, pg_catalog.text[]) IS 'implementation of review ?& text[]';

-- Restriction selectivity of the search operators, from the statistics
-- of review_typanalyze.
CREATE FUNCTION @extschema@.review_matchsel(pg_catalog.internal, pg_catalog.oid, pg_catalog.internal, pg_catalog.int4)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'review_matchsel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_matchsel(pg_catalog.internal, pg_catalog.oid, pg_catalog.internal, pg_catalog.int4) IS
'restriction selectivity of @@, @@~, ?, ?| and ?& from the most common keywords that ANALYZE gathered';

CREATE OPERATOR @extschema@.@@ (
	LEFTARG = @extschema@.review, RIGHTARG = @extschema@.reviewquery,
	PROCEDURE = @extschema@.review_match,
	RESTRICT = @extschema@.review_matchsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.@@ (@extschema@.review, @extschema@.reviewquery) IS
'the query matches anywhere in the review (spoilers included)';
CREATE OPERATOR @extschema@.@@ (
	LEFTARG = @extschema@.review, RIGHTARG = pg_catalog.text,
	PROCEDURE = @extschema@.review_match_text,
	RESTRICT = @extschema@.review_matchsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.@@ (@extschema@.review, pg_catalog.text) IS
'the text, parsed as a reviewquery in the review''s language, matches anywhere in the review';
CREATE OPERATOR @extschema@.@@~ (
	LEFTARG = @extschema@.review, RIGHTARG = @extschema@.reviewquery,
	PROCEDURE = @extschema@.review_match_safe,
	RESTRICT = @extschema@.review_matchsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.@@~ (@extschema@.review, @extschema@.reviewquery) IS
'spoiler-safe match: the query matches the text a spoiler-free reader sees (what redact() leaves at the default threshold)';
CREATE OPERATOR @extschema@.@@~ (
	LEFTARG = @extschema@.review, RIGHTARG = pg_catalog.text,
	PROCEDURE = @extschema@.review_match_text_safe,
	RESTRICT = @extschema@.review_matchsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.@@~ (@extschema@.review, pg_catalog.text) IS
'spoiler-safe match of a text query in the review''s language';
CREATE OPERATOR @extschema@.? (
	LEFTARG = @extschema@.review, RIGHTARG = pg_catalog.text,
	PROCEDURE = @extschema@.review_exists,
	RESTRICT = @extschema@.review_matchsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.? (@extschema@.review, pg_catalog.text) IS
'the word (normalized in the review''s language) or the literal keyword is a keyword of the review';
CREATE OPERATOR @extschema@.?| (
	LEFTARG = @extschema@.review, RIGHTARG = pg_catalog.text[],
	PROCEDURE = @extschema@.review_exists_any,
	RESTRICT = @extschema@.review_matchsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.?| (@extschema@.review, pg_catalog.text[]) IS 'any of the words is a keyword of the review';
CREATE OPERATOR @extschema@.?& (
	LEFTARG = @extschema@.review, RIGHTARG = pg_catalog.text[],
	PROCEDURE = @extschema@.review_exists_all,
	RESTRICT = @extschema@.review_matchsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.?& (@extschema@.review, pg_catalog.text[]) IS 'all of the words are keywords of the review';

CREATE FUNCTION @extschema@.review_rank(@extschema@.review, @extschema@.reviewquery) RETURNS pg_catalog.float4
AS 'MODULE_PATHNAME', 'review_rank' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rank(@extschema@.review, @extschema@.reviewquery) IS
'relevance in [0,1) for ORDER BY ... DESC: saturated term frequency, early mentions, proximity of the terms';

CREATE FUNCTION @extschema@.review_snippet(r @extschema@.review, q @extschema@.reviewquery,
										   max_words pg_catalog.int4 DEFAULT 30)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'review_snippet' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_snippet(@extschema@.review, @extschema@.reviewquery, pg_catalog.int4) IS
'about max_words words around the best matches, matches in <b>...</b>, spoilers (as redact() hides them) shown as [spoiler]';

--------------------------------------------------------------------------
-- GIN operator class
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.review_gin_cmp(pg_catalog.text, pg_catalog.text) RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'review_gin_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_gin_cmp(pg_catalog.text, pg_catalog.text) IS 'GIN support: bytewise order of keyword keys';
CREATE FUNCTION @extschema@.review_gin_extract_value(@extschema@.review, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'review_gin_extract_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_gin_extract_value(@extschema@.review, pg_catalog.internal, pg_catalog.internal) IS 'GIN support: the keys of a review';
CREATE FUNCTION @extschema@.review_gin_extract_query(@extschema@.review, pg_catalog.internal, pg_catalog.int2,
													 pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'review_gin_extract_query' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_gin_extract_query(@extschema@.review, pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS 'GIN support: the keys of a query';
CREATE FUNCTION @extschema@.review_gin_consistent(pg_catalog.internal, pg_catalog.int2, @extschema@.review, pg_catalog.int4,
												  pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_gin_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_gin_consistent(pg_catalog.internal, pg_catalog.int2, @extschema@.review, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS 'GIN support: does an item match';
CREATE FUNCTION @extschema@.review_gin_triconsistent(pg_catalog.internal, pg_catalog.int2, @extschema@.review, pg_catalog.int4,
													 pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.char
AS 'MODULE_PATHNAME', 'review_gin_triconsistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_gin_triconsistent(pg_catalog.internal, pg_catalog.int2, @extschema@.review, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS 'GIN support: ternary consistency';
CREATE FUNCTION @extschema@.review_gin_compare_partial(pg_catalog.text, pg_catalog.text, pg_catalog.int2, pg_catalog.internal)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'review_gin_compare_partial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_gin_compare_partial(pg_catalog.text, pg_catalog.text, pg_catalog.int2, pg_catalog.internal) IS 'GIN support: prefix match of keys';

CREATE OPERATOR CLASS @extschema@.review_ops
DEFAULT FOR TYPE @extschema@.review USING gin AS
	OPERATOR 1 @extschema@.@@ (@extschema@.review, @extschema@.reviewquery),
	OPERATOR 2 @extschema@.@@ (@extschema@.review, pg_catalog.text),
	OPERATOR 3 @extschema@.@@~ (@extschema@.review, @extschema@.reviewquery),
	OPERATOR 4 @extschema@.@@~ (@extschema@.review, pg_catalog.text),
	OPERATOR 5 @extschema@.? (@extschema@.review, pg_catalog.text),
	OPERATOR 6 @extschema@.?| (@extschema@.review, pg_catalog.text[]),
	OPERATOR 7 @extschema@.?& (@extschema@.review, pg_catalog.text[]),
	FUNCTION 1 @extschema@.review_gin_cmp(pg_catalog.text, pg_catalog.text),
	FUNCTION 2 @extschema@.review_gin_extract_value(@extschema@.review, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 3 @extschema@.review_gin_extract_query(@extschema@.review, pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 4 @extschema@.review_gin_consistent(pg_catalog.internal, pg_catalog.int2, @extschema@.review, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 5 @extschema@.review_gin_compare_partial(pg_catalog.text, pg_catalog.text, pg_catalog.int2, pg_catalog.internal),
	FUNCTION 6 @extschema@.review_gin_triconsistent(pg_catalog.internal, pg_catalog.int2, @extschema@.review, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	STORAGE pg_catalog.text;
COMMENT ON OPERATOR CLASS @extschema@.review_ops USING gin IS
'GIN index of review keywords for @@, @@~ (spoiler-safe), ?, ?| and ?&';
COMMENT ON OPERATOR FAMILY @extschema@.review_ops USING gin IS
'GIN operator family of review: @@, @@~, ?, ?| and ?& of review_ops';

--------------------------------------------------------------------------
-- Themes
--------------------------------------------------------------------------

CREATE TABLE @extschema@.review_theme (
	theme pg_catalog.text NOT NULL,
	keyword pg_catalog.text NOT NULL CHECK (keyword <> ''),
	lang pg_catalog.text NOT NULL DEFAULT 'en',
	weight pg_catalog.float4 NOT NULL DEFAULT 1 CHECK (weight > 0 AND weight <= 1),
	-- true while the install script loads the shipped lexicon; see pg_review_end.sql
	builtin pg_catalog.bool NOT NULL DEFAULT true,
	PRIMARY KEY (theme, keyword, lang)
);
COMMENT ON TABLE @extschema@.review_theme IS
'theme lexicon: keywords (as readers write them; stemmed at query time) that signal a theme, per language, with a weight in (0,1]';
COMMENT ON COLUMN @extschema@.review_theme.builtin IS
'true for rows shipped with pg_review; pg_dump saves the other rows (yours)';

CREATE FUNCTION @extschema@.review_term_count(@extschema@.review, pg_catalog.text) RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'review_term_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_term_count(@extschema@.review, pg_catalog.text) IS
'how often a word or phrase (normalized in the review''s language) occurs in the review';

-- The lexicon is a table, so these are STABLE; search_path is pinned so
-- that operators inside resolve to pg_catalog's whatever the caller's is.
CREATE FUNCTION @extschema@.theme_query(theme pg_catalog.text, lang pg_catalog.text DEFAULT 'en')
RETURNS @extschema@.reviewquery
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	q pg_catalog.text;
BEGIN
	SELECT pg_catalog.string_agg('"' || pg_catalog.replace(t.keyword, '"', ' ') || '"', ' | '
								 ORDER BY t.keyword)
	  INTO q
	  FROM @extschema@.review_theme t
	 WHERE t.theme = theme_query.theme
	   AND t.lang = pg_catalog.lower(pg_catalog.split_part(theme_query.lang, '-', 1));
	IF q IS NULL THEN
		RAISE EXCEPTION 'theme "%" has no keywords in language "%"', theme, lang
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'The themes are listed by SELECT DISTINCT theme, lang FROM review_theme.';
	END IF;
	RETURN @extschema@.reviewquery(q, theme_query.lang);
END
$$;
COMMENT ON FUNCTION @extschema@.theme_query(pg_catalog.text, pg_catalog.text) IS
'a reviewquery matching any keyword of a theme in a language (indexable: use with @@ or @@~)';

CREATE FUNCTION @extschema@.review_themes(r @extschema@.review, OUT theme pg_catalog.text, OUT score pg_catalog.float4)
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
	  FROM kw, LATERAL (SELECT @extschema@.review_term_count(r, kw.keyword) AS n) c
	 WHERE c.n > 0
	 GROUP BY kw.theme
	 ORDER BY 2 DESC, 1
$$;
COMMENT ON FUNCTION @extschema@.review_themes(@extschema@.review) IS
'themes the review discusses, scored 1 - exp(-sum(weight * ln(1 + occurrences))) over the theme''s keywords in the review''s language';

--------------------------------------------------------------------------
-- The shipped theme lexicon (written for pg_review).  Keywords are words as
-- reviewers write them: theme_query() normalizes them in the query language
-- (ICU words, case folding, Snowball stems), so "workers" and "worker" are
-- the same keyword; a keyword of several words becomes a phrase.  Weight 1:
-- the word clearly signals the theme; 0.5: it suggests it.
--------------------------------------------------------------------------
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('work and labor', 'work', 'en', 1.0),
	('work and labor', 'worker', 'en', 1.0),
	('work and labor', 'workers', 'en', 1.0),
	('work and labor', 'job', 'en', 1.0),
	('work and labor', 'jobs', 'en', 1.0),
	('work and labor', 'labor', 'en', 1.0),
	('work and labor', 'labour', 'en', 1.0),
	('work and labor', 'employee', 'en', 1.0),
	('work and labor', 'employer', 'en', 1.0),
	('work and labor', 'boss', 'en', 1.0),
	('work and labor', 'shift', 'en', 1.0),
	('work and labor', 'factory', 'en', 1.0),
	('work and labor', 'union', 'en', 1.0),
	('work and labor', 'strike', 'en', 1.0),
	('work and labor', 'wage', 'en', 1.0),
	('work and labor', 'wages', 'en', 1.0),
	('work and labor', 'salary', 'en', 1.0),
	('work and labor', 'paycheck', 'en', 1.0),
	('work and labor', 'overtime', 'en', 1.0),
	('work and labor', 'office', 'en', 1.0),
	('work and labor', 'manager', 'en', 1.0),
	('work and labor', 'unemployed', 'en', 1.0),
	('work and labor', 'fired', 'en', 1.0),
	('work and labor', 'hired', 'en', 1.0),
	('work and labor', 'layoff', 'en', 1.0),
	('work and labor', 'career', 'en', 0.5),
	('work and labor', 'workplace', 'en', 0.5),
	('work and labor', 'toil', 'en', 0.5),
	('work and labor', 'exploitation', 'en', 0.5),
	('work and labor', 'coworker', 'en', 0.5),
	('work and labor', 'colleague', 'en', 0.5),
	('work and labor', 'blue collar', 'en', 0.5),
	('work and labor', 'working class', 'en', 0.5),
	('work and labor', 'service', 'en', 0.5),
	('work and labor', 'industry', 'en', 0.5),
	('work and labor', 'maid', 'en', 0.5),
	('work and labor', 'waiter', 'en', 0.5),
	('work and labor', 'cleaner', 'en', 0.5),
	('work and labor', 'janitor', 'en', 0.5),
	('work and labor', 'farmhand', 'en', 0.5),
	('work and labor', 'miner', 'en', 0.5),
	('work and labor', 'trabajo', 'es', 1.0),
	('work and labor', 'trabajador', 'es', 1.0),
	('work and labor', 'obrero', 'es', 1.0),
	('work and labor', 'empleo', 'es', 1.0),
	('work and labor', 'sueldo', 'es', 1.0),
	('work and labor', 'salario', 'es', 1.0),
	('work and labor', 'fábrica', 'es', 1.0),
	('work and labor', 'huelga', 'es', 0.5),
	('work and labor', 'sindicato', 'es', 0.5),
	('work and labor', 'jefe', 'es', 0.5),
	('work and labor', 'despido', 'es', 0.5),
	('work and labor', 'travail', 'fr', 1.0),
	('work and labor', 'travailleur', 'fr', 1.0),
	('work and labor', 'ouvrier', 'fr', 1.0),
	('work and labor', 'emploi', 'fr', 1.0),
	('work and labor', 'salaire', 'fr', 1.0),
	('work and labor', 'usine', 'fr', 1.0),
	('work and labor', 'grève', 'fr', 1.0),
	('work and labor', 'syndicat', 'fr', 0.5),
	('work and labor', 'patron', 'fr', 0.5),
	('work and labor', 'chômage', 'fr', 0.5),
	('work and labor', 'licenciement', 'fr', 0.5),
	('work and labor', 'arbeit', 'de', 1.0),
	('work and labor', 'arbeiter', 'de', 1.0),
	('work and labor', 'arbeiterin', 'de', 1.0),
	('work and labor', 'job', 'de', 1.0),
	('work and labor', 'lohn', 'de', 1.0),
	('work and labor', 'gehalt', 'de', 1.0),
	('work and labor', 'fabrik', 'de', 1.0),
	('work and labor', 'streik', 'de', 0.5),
	('work and labor', 'gewerkschaft', 'de', 0.5),
	('work and labor', 'chef', 'de', 0.5),
	('work and labor', 'kündigung', 'de', 0.5),
	('work and labor', 'service industry', 'en', 1.0),
	('work and labor', 'minimum wage', 'en', 1.0);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('class and wealth', 'class', 'en', 1.0),
	('class and wealth', 'wealth', 'en', 1.0),
	('class and wealth', 'wealthy', 'en', 1.0),
	('class and wealth', 'rich', 'en', 1.0),
	('class and wealth', 'poor', 'en', 1.0),
	('class and wealth', 'poverty', 'en', 1.0),
	('class and wealth', 'money', 'en', 1.0),
	('class and wealth', 'billionaire', 'en', 1.0),
	('class and wealth', 'millionaire', 'en', 1.0),
	('class and wealth', 'oligarch', 'en', 1.0),
	('class and wealth', 'elite', 'en', 1.0),
	('class and wealth', 'privilege', 'en', 1.0),
	('class and wealth', 'inequality', 'en', 1.0),
	('class and wealth', 'luxury', 'en', 1.0),
	('class and wealth', 'mansion', 'en', 1.0),
	('class and wealth', 'servant', 'en', 1.0),
	('class and wealth', 'heir', 'en', 1.0),
	('class and wealth', 'inheritance', 'en', 1.0),
	('class and wealth', 'fortune', 'en', 1.0),
	('class and wealth', 'debt', 'en', 1.0),
	('class and wealth', 'rent', 'en', 0.5),
	('class and wealth', 'landlord', 'en', 0.5),
	('class and wealth', 'upper class', 'en', 0.5),
	('class and wealth', 'aristocrat', 'en', 0.5),
	('class and wealth', 'aristocracy', 'en', 0.5),
	('class and wealth', 'bourgeois', 'en', 0.5),
	('class and wealth', 'capitalism', 'en', 0.5),
	('class and wealth', 'capitalist', 'en', 0.5),
	('class and wealth', 'greed', 'en', 0.5),
	('class and wealth', 'status', 'en', 0.5),
	('class and wealth', 'snob', 'en', 0.5),
	('class and wealth', 'slum', 'en', 0.5),
	('class and wealth', 'clase', 'es', 1.0),
	('class and wealth', 'riqueza', 'es', 1.0),
	('class and wealth', 'rico', 'es', 1.0),
	('class and wealth', 'pobre', 'es', 1.0),
	('class and wealth', 'pobreza', 'es', 1.0),
	('class and wealth', 'dinero', 'es', 1.0),
	('class and wealth', 'millonario', 'es', 1.0),
	('class and wealth', 'herencia', 'es', 0.5),
	('class and wealth', 'lujo', 'es', 0.5),
	('class and wealth', 'desigualdad', 'es', 0.5),
	('class and wealth', 'élite', 'es', 0.5),
	('class and wealth', 'classe', 'fr', 1.0),
	('class and wealth', 'richesse', 'fr', 1.0),
	('class and wealth', 'riche', 'fr', 1.0),
	('class and wealth', 'pauvre', 'fr', 1.0),
	('class and wealth', 'pauvreté', 'fr', 1.0),
	('class and wealth', 'argent', 'fr', 1.0),
	('class and wealth', 'millionnaire', 'fr', 1.0),
	('class and wealth', 'héritage', 'fr', 0.5),
	('class and wealth', 'luxe', 'fr', 0.5),
	('class and wealth', 'inégalité', 'fr', 0.5),
	('class and wealth', 'bourgeois', 'fr', 0.5),
	('class and wealth', 'klasse', 'de', 1.0),
	('class and wealth', 'reichtum', 'de', 1.0),
	('class and wealth', 'reich', 'de', 1.0),
	('class and wealth', 'arm', 'de', 1.0),
	('class and wealth', 'armut', 'de', 1.0),
	('class and wealth', 'geld', 'de', 1.0),
	('class and wealth', 'millionär', 'de', 1.0),
	('class and wealth', 'erbe', 'de', 0.5),
	('class and wealth', 'luxus', 'de', 0.5),
	('class and wealth', 'ungleichheit', 'de', 0.5),
	('class and wealth', 'oberschicht', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('love and romance', 'love', 'en', 1.0),
	('love and romance', 'lover', 'en', 1.0),
	('love and romance', 'lovers', 'en', 1.0),
	('love and romance', 'romance', 'en', 1.0),
	('love and romance', 'romantic', 'en', 1.0),
	('love and romance', 'kiss', 'en', 1.0),
	('love and romance', 'passion', 'en', 1.0),
	('love and romance', 'desire', 'en', 1.0),
	('love and romance', 'affair', 'en', 1.0),
	('love and romance', 'marriage', 'en', 1.0),
	('love and romance', 'wedding', 'en', 1.0),
	('love and romance', 'bride', 'en', 1.0),
	('love and romance', 'groom', 'en', 1.0),
	('love and romance', 'proposal', 'en', 1.0),
	('love and romance', 'engagement', 'en', 1.0),
	('love and romance', 'heartbreak', 'en', 1.0),
	('love and romance', 'crush', 'en', 1.0),
	('love and romance', 'date', 'en', 1.0),
	('love and romance', 'dating', 'en', 1.0),
	('love and romance', 'boyfriend', 'en', 0.5),
	('love and romance', 'girlfriend', 'en', 0.5),
	('love and romance', 'husband', 'en', 0.5),
	('love and romance', 'wife', 'en', 0.5),
	('love and romance', 'chemistry', 'en', 0.5),
	('love and romance', 'seduction', 'en', 0.5),
	('love and romance', 'flirt', 'en', 0.5),
	('love and romance', 'courtship', 'en', 0.5),
	('love and romance', 'soulmate', 'en', 0.5),
	('love and romance', 'jealousy', 'en', 0.5),
	('love and romance', 'infatuation', 'en', 0.5),
	('love and romance', 'honeymoon', 'en', 0.5),
	('love and romance', 'amor', 'es', 1.0),
	('love and romance', 'amante', 'es', 1.0),
	('love and romance', 'romance', 'es', 1.0),
	('love and romance', 'beso', 'es', 1.0),
	('love and romance', 'pasión', 'es', 1.0),
	('love and romance', 'deseo', 'es', 1.0),
	('love and romance', 'boda', 'es', 1.0),
	('love and romance', 'matrimonio', 'es', 0.5),
	('love and romance', 'novio', 'es', 0.5),
	('love and romance', 'novia', 'es', 0.5),
	('love and romance', 'celos', 'es', 0.5),
	('love and romance', 'amour', 'fr', 1.0),
	('love and romance', 'amant', 'fr', 1.0),
	('love and romance', 'romance', 'fr', 1.0),
	('love and romance', 'baiser', 'fr', 1.0),
	('love and romance', 'passion', 'fr', 1.0),
	('love and romance', 'désir', 'fr', 1.0),
	('love and romance', 'mariage', 'fr', 1.0),
	('love and romance', 'noces', 'fr', 0.5),
	('love and romance', 'fiancé', 'fr', 0.5),
	('love and romance', 'fiancée', 'fr', 0.5),
	('love and romance', 'jalousie', 'fr', 0.5),
	('love and romance', 'liebe', 'de', 1.0),
	('love and romance', 'liebhaber', 'de', 1.0),
	('love and romance', 'romanze', 'de', 1.0),
	('love and romance', 'kuss', 'de', 1.0),
	('love and romance', 'leidenschaft', 'de', 1.0),
	('love and romance', 'begierde', 'de', 1.0),
	('love and romance', 'hochzeit', 'de', 0.5),
	('love and romance', 'ehe', 'de', 0.5),
	('love and romance', 'verlobung', 'de', 0.5),
	('love and romance', 'eifersucht', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('family', 'family', 'en', 1.0),
	('family', 'mother', 'en', 1.0),
	('family', 'father', 'en', 1.0),
	('family', 'mom', 'en', 1.0),
	('family', 'dad', 'en', 1.0),
	('family', 'parent', 'en', 1.0),
	('family', 'parents', 'en', 1.0),
	('family', 'son', 'en', 1.0),
	('family', 'daughter', 'en', 1.0),
	('family', 'brother', 'en', 1.0),
	('family', 'sister', 'en', 1.0),
	('family', 'sibling', 'en', 1.0),
	('family', 'siblings', 'en', 1.0),
	('family', 'grandmother', 'en', 1.0),
	('family', 'grandfather', 'en', 1.0),
	('family', 'grandparent', 'en', 1.0),
	('family', 'child', 'en', 1.0),
	('family', 'children', 'en', 1.0),
	('family', 'kid', 'en', 1.0),
	('family', 'kids', 'en', 0.5),
	('family', 'uncle', 'en', 0.5),
	('family', 'aunt', 'en', 0.5),
	('family', 'cousin', 'en', 0.5),
	('family', 'household', 'en', 0.5),
	('family', 'home', 'en', 0.5),
	('family', 'upbringing', 'en', 0.5),
	('family', 'adoption', 'en', 0.5),
	('family', 'orphan', 'en', 0.5),
	('family', 'twins', 'en', 0.5),
	('family', 'stepmother', 'en', 0.5),
	('family', 'stepfather', 'en', 0.5),
	('family', 'familia', 'es', 1.0),
	('family', 'madre', 'es', 1.0),
	('family', 'padre', 'es', 1.0),
	('family', 'hijo', 'es', 1.0),
	('family', 'hija', 'es', 1.0),
	('family', 'hermano', 'es', 1.0),
	('family', 'hermana', 'es', 1.0),
	('family', 'abuela', 'es', 0.5),
	('family', 'abuelo', 'es', 0.5),
	('family', 'hogar', 'es', 0.5),
	('family', 'niños', 'es', 0.5),
	('family', 'famille', 'fr', 1.0),
	('family', 'mère', 'fr', 1.0),
	('family', 'père', 'fr', 1.0),
	('family', 'fils', 'fr', 1.0),
	('family', 'fille', 'fr', 1.0),
	('family', 'frère', 'fr', 1.0),
	('family', 'sœur', 'fr', 1.0),
	('family', 'grand-mère', 'fr', 0.5),
	('family', 'grand-père', 'fr', 0.5),
	('family', 'foyer', 'fr', 0.5),
	('family', 'enfants', 'fr', 0.5),
	('family', 'familie', 'de', 1.0),
	('family', 'mutter', 'de', 1.0),
	('family', 'vater', 'de', 1.0),
	('family', 'sohn', 'de', 1.0),
	('family', 'tochter', 'de', 1.0),
	('family', 'bruder', 'de', 1.0),
	('family', 'schwester', 'de', 1.0),
	('family', 'großmutter', 'de', 0.5),
	('family', 'großvater', 'de', 0.5),
	('family', 'eltern', 'de', 0.5),
	('family', 'kinder', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('power', 'superpower', 'en', 1.0),
	('power', 'domineering', 'en', 1.0),
	('power', 'puppet', 'en', 1.0),
	('power', 'strongman', 'en', 1.0),
	('power', 'power', 'en', 1.0),
	('power', 'powerful', 'en', 1.0),
	('power', 'authority', 'en', 1.0),
	('power', 'control', 'en', 1.0),
	('power', 'domination', 'en', 1.0),
	('power', 'dominance', 'en', 1.0),
	('power', 'tyrant', 'en', 1.0),
	('power', 'tyranny', 'en', 1.0),
	('power', 'dictator', 'en', 1.0),
	('power', 'regime', 'en', 1.0),
	('power', 'empire', 'en', 1.0),
	('power', 'king', 'en', 1.0),
	('power', 'queen', 'en', 1.0),
	('power', 'throne', 'en', 1.0),
	('power', 'crown', 'en', 1.0),
	('power', 'ruler', 'en', 1.0),
	('power', 'rule', 'en', 0.5),
	('power', 'government', 'en', 0.5),
	('power', 'politician', 'en', 0.5),
	('power', 'corruption', 'en', 0.5),
	('power', 'influence', 'en', 0.5),
	('power', 'manipulation', 'en', 0.5),
	('power', 'oppression', 'en', 0.5),
	('power', 'hierarchy', 'en', 0.5),
	('power', 'command', 'en', 0.5),
	('power', 'obedience', 'en', 0.5),
	('power', 'ambition', 'en', 0.5),
	('power', 'kingdom', 'en', 0.5),
	('power', 'elite', 'en', 0.5),
	('power', 'poder', 'es', 1.0),
	('power', 'autoridad', 'es', 1.0),
	('power', 'control', 'es', 1.0),
	('power', 'dictador', 'es', 1.0),
	('power', 'régimen', 'es', 1.0),
	('power', 'imperio', 'es', 1.0),
	('power', 'rey', 'es', 0.5),
	('power', 'reina', 'es', 0.5),
	('power', 'trono', 'es', 0.5),
	('power', 'corrupción', 'es', 0.5),
	('power', 'pouvoir', 'fr', 1.0),
	('power', 'autorité', 'fr', 1.0),
	('power', 'contrôle', 'fr', 1.0),
	('power', 'dictateur', 'fr', 1.0),
	('power', 'régime', 'fr', 1.0),
	('power', 'empire', 'fr', 1.0),
	('power', 'roi', 'fr', 0.5),
	('power', 'reine', 'fr', 0.5),
	('power', 'trône', 'fr', 0.5),
	('power', 'corruption', 'fr', 0.5),
	('power', 'macht', 'de', 1.0),
	('power', 'autorität', 'de', 1.0),
	('power', 'kontrolle', 'de', 1.0),
	('power', 'diktator', 'de', 1.0),
	('power', 'regime', 'de', 1.0),
	('power', 'reich', 'de', 1.0),
	('power', 'könig', 'de', 0.5),
	('power', 'königin', 'de', 0.5),
	('power', 'thron', 'de', 0.5),
	('power', 'korruption', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('violence', 'violence', 'en', 1.0),
	('violence', 'violent', 'en', 1.0),
	('violence', 'fight', 'en', 1.0),
	('violence', 'fighting', 'en', 1.0),
	('violence', 'brawl', 'en', 1.0),
	('violence', 'beating', 'en', 1.0),
	('violence', 'assault', 'en', 1.0),
	('violence', 'attack', 'en', 1.0),
	('violence', 'gun', 'en', 1.0),
	('violence', 'guns', 'en', 1.0),
	('violence', 'shooting', 'en', 1.0),
	('violence', 'shootout', 'en', 1.0),
	('violence', 'knife', 'en', 1.0),
	('violence', 'stab', 'en', 1.0),
	('violence', 'blood', 'en', 1.0),
	('violence', 'bloody', 'en', 1.0),
	('violence', 'brutal', 'en', 1.0),
	('violence', 'brutality', 'en', 1.0),
	('violence', 'torture', 'en', 1.0),
	('violence', 'massacre', 'en', 0.5),
	('violence', 'war', 'en', 0.5),
	('violence', 'gangster', 'en', 0.5),
	('violence', 'gang', 'en', 0.5),
	('violence', 'thug', 'en', 0.5),
	('violence', 'kidnapping', 'en', 0.5),
	('violence', 'kidnapper', 'en', 0.5),
	('violence', 'revenge', 'en', 0.5),
	('violence', 'rape', 'en', 0.5),
	('violence', 'abuse', 'en', 0.5),
	('violence', 'bomb', 'en', 0.5),
	('violence', 'explosion', 'en', 0.5),
	('violence', 'violencia', 'es', 1.0),
	('violence', 'violento', 'es', 1.0),
	('violence', 'pelea', 'es', 1.0),
	('violence', 'golpe', 'es', 1.0),
	('violence', 'arma', 'es', 1.0),
	('violence', 'disparo', 'es', 1.0),
	('violence', 'sangre', 'es', 1.0),
	('violence', 'brutal', 'es', 0.5),
	('violence', 'tortura', 'es', 0.5),
	('violence', 'masacre', 'es', 0.5),
	('violence', 'secuestro', 'es', 0.5),
	('violence', 'violence', 'fr', 1.0),
	('violence', 'violent', 'fr', 1.0),
	('violence', 'bagarre', 'fr', 1.0),
	('violence', 'coup', 'fr', 1.0),
	('violence', 'arme', 'fr', 1.0),
	('violence', 'fusillade', 'fr', 1.0),
	('violence', 'sang', 'fr', 1.0),
	('violence', 'brutal', 'fr', 0.5),
	('violence', 'torture', 'fr', 0.5),
	('violence', 'massacre', 'fr', 0.5),
	('violence', 'enlèvement', 'fr', 0.5),
	('violence', 'gewalt', 'de', 1.0),
	('violence', 'gewalttätig', 'de', 1.0),
	('violence', 'schlägerei', 'de', 1.0),
	('violence', 'angriff', 'de', 1.0),
	('violence', 'waffe', 'de', 1.0),
	('violence', 'schießerei', 'de', 1.0),
	('violence', 'blut', 'de', 1.0),
	('violence', 'brutal', 'de', 0.5),
	('violence', 'folter', 'de', 0.5),
	('violence', 'massaker', 'de', 0.5),
	('violence', 'entführung', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('death', 'death', 'en', 1.0),
	('death', 'dead', 'en', 1.0),
	('death', 'die', 'en', 1.0),
	('death', 'dies', 'en', 1.0),
	('death', 'dying', 'en', 1.0),
	('death', 'died', 'en', 1.0),
	('death', 'funeral', 'en', 1.0),
	('death', 'grave', 'en', 1.0),
	('death', 'graveyard', 'en', 1.0),
	('death', 'cemetery', 'en', 1.0),
	('death', 'corpse', 'en', 1.0),
	('death', 'body', 'en', 1.0),
	('death', 'mourning', 'en', 1.0),
	('death', 'mortality', 'en', 1.0),
	('death', 'suicide', 'en', 1.0),
	('death', 'murder', 'en', 1.0),
	('death', 'killed', 'en', 1.0),
	('death', 'killing', 'en', 1.0),
	('death', 'kill', 'en', 0.5),
	('death', 'afterlife', 'en', 0.5),
	('death', 'ghost', 'en', 0.5),
	('death', 'coffin', 'en', 0.5),
	('death', 'burial', 'en', 0.5),
	('death', 'terminal', 'en', 0.5),
	('death', 'illness', 'en', 0.5),
	('death', 'cancer', 'en', 0.5),
	('death', 'widow', 'en', 0.5),
	('death', 'widower', 'en', 0.5),
	('death', 'loss', 'en', 0.5),
	('death', 'grief', 'en', 0.5),
	('death', 'muerte', 'es', 1.0),
	('death', 'muerto', 'es', 1.0),
	('death', 'morir', 'es', 1.0),
	('death', 'murió', 'es', 1.0),
	('death', 'funeral', 'es', 1.0),
	('death', 'tumba', 'es', 1.0),
	('death', 'cementerio', 'es', 1.0),
	('death', 'cadáver', 'es', 0.5),
	('death', 'luto', 'es', 0.5),
	('death', 'suicidio', 'es', 0.5),
	('death', 'asesinato', 'es', 0.5),
	('death', 'mort', 'fr', 1.0),
	('death', 'mourir', 'fr', 1.0),
	('death', 'meurt', 'fr', 1.0),
	('death', 'funérailles', 'fr', 1.0),
	('death', 'tombe', 'fr', 1.0),
	('death', 'cimetière', 'fr', 1.0),
	('death', 'cadavre', 'fr', 1.0),
	('death', 'deuil', 'fr', 0.5),
	('death', 'suicide', 'fr', 0.5),
	('death', 'meurtre', 'fr', 0.5),
	('death', 'veuve', 'fr', 0.5),
	('death', 'tod', 'de', 1.0),
	('death', 'tot', 'de', 1.0),
	('death', 'sterben', 'de', 1.0),
	('death', 'stirbt', 'de', 1.0),
	('death', 'beerdigung', 'de', 1.0),
	('death', 'grab', 'de', 1.0),
	('death', 'friedhof', 'de', 1.0),
	('death', 'leiche', 'de', 1.0),
	('death', 'trauer', 'de', 0.5),
	('death', 'selbstmord', 'de', 0.5),
	('death', 'mord', 'de', 0.5),
	('death', 'witwe', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('identity', 'lineage', 'en', 1.0),
	('identity', 'origins', 'en', 1.0),
	('identity', 'ancestry', 'en', 1.0),
	('identity', 'adopted', 'en', 1.0),
	('identity', 'pretending', 'en', 1.0),
	('identity', 'identity', 'en', 1.0),
	('identity', 'self', 'en', 1.0),
	('identity', 'selfhood', 'en', 1.0),
	('identity', 'belonging', 'en', 1.0),
	('identity', 'heritage', 'en', 1.0),
	('identity', 'culture', 'en', 1.0),
	('identity', 'roots', 'en', 1.0),
	('identity', 'name', 'en', 1.0),
	('identity', 'disguise', 'en', 1.0),
	('identity', 'mask', 'en', 1.0),
	('identity', 'impostor', 'en', 1.0),
	('identity', 'double', 'en', 1.0),
	('identity', 'reinvention', 'en', 1.0),
	('identity', 'transformation', 'en', 1.0),
	('identity', 'authenticity', 'en', 1.0),
	('identity', 'gender', 'en', 0.5),
	('identity', 'race', 'en', 0.5),
	('identity', 'ethnicity', 'en', 0.5),
	('identity', 'nationality', 'en', 0.5),
	('identity', 'immigrant', 'en', 0.5),
	('identity', 'outsider', 'en', 0.5),
	('identity', 'alienation', 'en', 0.5),
	('identity', 'self discovery', 'en', 0.5),
	('identity', 'persona', 'en', 0.5),
	('identity', 'mirror', 'en', 0.5),
	('identity', 'secret', 'en', 0.5),
	('identity', 'past', 'en', 0.5),
	('identity', 'memory', 'en', 0.5),
	('identity', 'identidad', 'es', 1.0),
	('identity', 'pertenencia', 'es', 1.0),
	('identity', 'herencia', 'es', 1.0),
	('identity', 'cultura', 'es', 1.0),
	('identity', 'raíces', 'es', 1.0),
	('identity', 'máscara', 'es', 1.0),
	('identity', 'impostor', 'es', 0.5),
	('identity', 'transformación', 'es', 0.5),
	('identity', 'género', 'es', 0.5),
	('identity', 'identité', 'fr', 1.0),
	('identity', 'appartenance', 'fr', 1.0),
	('identity', 'héritage', 'fr', 1.0),
	('identity', 'culture', 'fr', 1.0),
	('identity', 'racines', 'fr', 1.0),
	('identity', 'masque', 'fr', 1.0),
	('identity', 'imposteur', 'fr', 0.5),
	('identity', 'transformation', 'fr', 0.5),
	('identity', 'genre', 'fr', 0.5),
	('identity', 'identität', 'de', 1.0),
	('identity', 'zugehörigkeit', 'de', 1.0),
	('identity', 'herkunft', 'de', 1.0),
	('identity', 'kultur', 'de', 1.0),
	('identity', 'wurzeln', 'de', 1.0),
	('identity', 'maske', 'de', 1.0),
	('identity', 'hochstapler', 'de', 0.5),
	('identity', 'verwandlung', 'de', 0.5),
	('identity', 'geschlecht', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('addiction', 'addiction', 'en', 1.0),
	('addiction', 'addict', 'en', 1.0),
	('addiction', 'addicted', 'en', 1.0),
	('addiction', 'drug', 'en', 1.0),
	('addiction', 'drugs', 'en', 1.0),
	('addiction', 'heroin', 'en', 1.0),
	('addiction', 'cocaine', 'en', 1.0),
	('addiction', 'opioid', 'en', 1.0),
	('addiction', 'pills', 'en', 1.0),
	('addiction', 'alcohol', 'en', 1.0),
	('addiction', 'alcoholic', 'en', 1.0),
	('addiction', 'drunk', 'en', 1.0),
	('addiction', 'drinking', 'en', 1.0),
	('addiction', 'booze', 'en', 1.0),
	('addiction', 'bottle', 'en', 1.0),
	('addiction', 'overdose', 'en', 1.0),
	('addiction', 'rehab', 'en', 1.0),
	('addiction', 'relapse', 'en', 1.0),
	('addiction', 'withdrawal', 'en', 0.5),
	('addiction', 'sober', 'en', 0.5),
	('addiction', 'sobriety', 'en', 0.5),
	('addiction', 'dealer', 'en', 0.5),
	('addiction', 'gambling', 'en', 0.5),
	('addiction', 'gambler', 'en', 0.5),
	('addiction', 'habit', 'en', 0.5),
	('addiction', 'craving', 'en', 0.5),
	('addiction', 'junkie', 'en', 0.5),
	('addiction', 'meth', 'en', 0.5),
	('addiction', 'binge', 'en', 0.5),
	('addiction', 'hangover', 'en', 0.5),
	('addiction', 'adicción', 'es', 1.0),
	('addiction', 'adicto', 'es', 1.0),
	('addiction', 'droga', 'es', 1.0),
	('addiction', 'drogas', 'es', 1.0),
	('addiction', 'alcohol', 'es', 1.0),
	('addiction', 'alcohólico', 'es', 1.0),
	('addiction', 'borracho', 'es', 0.5),
	('addiction', 'sobredosis', 'es', 0.5),
	('addiction', 'rehabilitación', 'es', 0.5),
	('addiction', 'apuesta', 'es', 0.5),
	('addiction', 'addiction', 'fr', 1.0),
	('addiction', 'dépendance', 'fr', 1.0),
	('addiction', 'drogue', 'fr', 1.0),
	('addiction', 'drogues', 'fr', 1.0),
	('addiction', 'alcool', 'fr', 1.0),
	('addiction', 'alcoolique', 'fr', 1.0),
	('addiction', 'ivre', 'fr', 0.5),
	('addiction', 'overdose', 'fr', 0.5),
	('addiction', 'désintoxication', 'fr', 0.5),
	('addiction', 'jeu', 'fr', 0.5),
	('addiction', 'sucht', 'de', 1.0),
	('addiction', 'süchtig', 'de', 1.0),
	('addiction', 'droge', 'de', 1.0),
	('addiction', 'drogen', 'de', 1.0),
	('addiction', 'alkohol', 'de', 1.0),
	('addiction', 'alkoholiker', 'de', 1.0),
	('addiction', 'betrunken', 'de', 0.5),
	('addiction', 'überdosis', 'de', 0.5),
	('addiction', 'entzug', 'de', 0.5),
	('addiction', 'glücksspiel', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('the american dream', 'american', 'en', 1.0),
	('the american dream', 'dream', 'en', 1.0),
	('the american dream', 'opportunity', 'en', 1.0),
	('the american dream', 'success', 'en', 1.0),
	('the american dream', 'self made', 'en', 1.0),
	('the american dream', 'hustle', 'en', 1.0),
	('the american dream', 'ambition', 'en', 1.0),
	('the american dream', 'upward', 'en', 1.0),
	('the american dream', 'mobility', 'en', 1.0),
	('the american dream', 'prosperity', 'en', 1.0),
	('the american dream', 'fortune', 'en', 1.0),
	('the american dream', 'rags', 'en', 1.0),
	('the american dream', 'riches', 'en', 1.0),
	('the american dream', 'immigrant', 'en', 1.0),
	('the american dream', 'suburb', 'en', 1.0),
	('the american dream', 'suburbia', 'en', 1.0),
	('the american dream', 'house', 'en', 1.0),
	('the american dream', 'mortgage', 'en', 1.0),
	('the american dream', 'picket', 'en', 1.0),
	('the american dream', 'fence', 'en', 0.5),
	('the american dream', 'entrepreneur', 'en', 0.5),
	('the american dream', 'startup', 'en', 0.5),
	('the american dream', 'fame', 'en', 0.5),
	('the american dream', 'celebrity', 'en', 0.5),
	('the american dream', 'hollywood', 'en', 0.5),
	('the american dream', 'las', 'en', 0.5),
	('the american dream', 'vegas', 'en', 0.5),
	('the american dream', 'green', 'en', 0.5),
	('the american dream', 'card', 'en', 0.5),
	('the american dream', 'lottery', 'en', 0.5),
	('the american dream', 'jackpot', 'en', 0.5),
	('the american dream', 'sueño', 'es', 1.0),
	('the american dream', 'americano', 'es', 1.0),
	('the american dream', 'oportunidad', 'es', 1.0),
	('the american dream', 'éxito', 'es', 1.0),
	('the american dream', 'ambición', 'es', 1.0),
	('the american dream', 'prosperidad', 'es', 1.0),
	('the american dream', 'fortuna', 'es', 0.5),
	('the american dream', 'inmigrante', 'es', 0.5),
	('the american dream', 'fama', 'es', 0.5),
	('the american dream', 'rêve', 'fr', 1.0),
	('the american dream', 'américain', 'fr', 1.0),
	('the american dream', 'opportunité', 'fr', 1.0),
	('the american dream', 'succès', 'fr', 1.0),
	('the american dream', 'ambition', 'fr', 1.0),
	('the american dream', 'prospérité', 'fr', 1.0),
	('the american dream', 'fortune', 'fr', 0.5),
	('the american dream', 'immigrant', 'fr', 0.5),
	('the american dream', 'célébrité', 'fr', 0.5),
	('the american dream', 'amerikanischer', 'de', 1.0),
	('the american dream', 'traum', 'de', 1.0),
	('the american dream', 'chance', 'de', 1.0),
	('the american dream', 'erfolg', 'de', 1.0),
	('the american dream', 'ehrgeiz', 'de', 1.0),
	('the american dream', 'wohlstand', 'de', 1.0),
	('the american dream', 'vermögen', 'de', 0.5),
	('the american dream', 'einwanderer', 'de', 0.5),
	('the american dream', 'ruhm', 'de', 0.5),
	('the american dream', 'american dream', 'en', 1.0),
	('the american dream', 'picket fence', 'en', 1.0),
	('the american dream', 'green card', 'en', 1.0),
	('the american dream', 'las vegas', 'en', 1.0),
	('the american dream', 'rags to riches', 'en', 1.0);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('grief', 'grieve', 'en', 1.0),
	('grief', 'bereaved', 'en', 1.0),
	('grief', 'mourner', 'en', 1.0),
	('grief', 'condolence', 'en', 1.0),
	('grief', 'tribute', 'en', 1.0),
	('grief', 'ashes', 'en', 1.0),
	('grief', 'farewell', 'en', 1.0),
	('grief', 'goodbye', 'en', 1.0),
	('grief', 'grief', 'en', 1.0),
	('grief', 'grieving', 'en', 1.0),
	('grief', 'mourning', 'en', 1.0),
	('grief', 'loss', 'en', 1.0),
	('grief', 'bereavement', 'en', 1.0),
	('grief', 'sorrow', 'en', 1.0),
	('grief', 'sadness', 'en', 1.0),
	('grief', 'tears', 'en', 1.0),
	('grief', 'weeping', 'en', 1.0),
	('grief', 'funeral', 'en', 1.0),
	('grief', 'widow', 'en', 1.0),
	('grief', 'widower', 'en', 1.0),
	('grief', 'orphan', 'en', 1.0),
	('grief', 'memorial', 'en', 0.5),
	('grief', 'memory', 'en', 0.5),
	('grief', 'regret', 'en', 0.5),
	('grief', 'guilt', 'en', 0.5),
	('grief', 'healing', 'en', 0.5),
	('grief', 'acceptance', 'en', 0.5),
	('grief', 'despair', 'en', 0.5),
	('grief', 'heartache', 'en', 0.5),
	('grief', 'lament', 'en', 0.5),
	('grief', 'eulogy', 'en', 0.5),
	('grief', 'absence', 'en', 0.5),
	('grief', 'void', 'en', 0.5),
	('grief', 'anniversary', 'en', 0.5),
	('grief', 'duelo', 'es', 1.0),
	('grief', 'dolor', 'es', 1.0),
	('grief', 'pérdida', 'es', 1.0),
	('grief', 'tristeza', 'es', 1.0),
	('grief', 'lágrimas', 'es', 1.0),
	('grief', 'luto', 'es', 1.0),
	('grief', 'viuda', 'es', 0.5),
	('grief', 'huérfano', 'es', 0.5),
	('grief', 'recuerdo', 'es', 0.5),
	('grief', 'deuil', 'fr', 1.0),
	('grief', 'chagrin', 'fr', 1.0),
	('grief', 'perte', 'fr', 1.0),
	('grief', 'tristesse', 'fr', 1.0),
	('grief', 'larmes', 'fr', 1.0),
	('grief', 'veuve', 'fr', 1.0),
	('grief', 'orphelin', 'fr', 0.5),
	('grief', 'souvenir', 'fr', 0.5),
	('grief', 'regret', 'fr', 0.5),
	('grief', 'trauer', 'de', 1.0),
	('grief', 'kummer', 'de', 1.0),
	('grief', 'verlust', 'de', 1.0),
	('grief', 'traurigkeit', 'de', 1.0),
	('grief', 'tränen', 'de', 1.0),
	('grief', 'witwe', 'de', 1.0),
	('grief', 'waise', 'de', 0.5),
	('grief', 'erinnerung', 'de', 0.5),
	('grief', 'reue', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('friendship', 'befriend', 'en', 1.0),
	('friendship', 'friendly', 'en', 1.0),
	('friendship', 'best friend', 'en', 1.0),
	('friendship', 'childhood friend', 'en', 1.0),
	('friendship', 'roommate', 'en', 1.0),
	('friendship', 'neighbour', 'en', 1.0),
	('friendship', 'neighbor', 'en', 1.0),
	('friendship', 'friendship', 'en', 1.0),
	('friendship', 'friend', 'en', 1.0),
	('friendship', 'friends', 'en', 1.0),
	('friendship', 'companion', 'en', 1.0),
	('friendship', 'companionship', 'en', 1.0),
	('friendship', 'buddy', 'en', 1.0),
	('friendship', 'buddies', 'en', 1.0),
	('friendship', 'pal', 'en', 1.0),
	('friendship', 'loyalty', 'en', 1.0),
	('friendship', 'bond', 'en', 1.0),
	('friendship', 'camaraderie', 'en', 1.0),
	('friendship', 'comrade', 'en', 1.0),
	('friendship', 'ally', 'en', 1.0),
	('friendship', 'trust', 'en', 0.5),
	('friendship', 'betrayal', 'en', 0.5),
	('friendship', 'reunion', 'en', 0.5),
	('friendship', 'gang', 'en', 0.5),
	('friendship', 'crew', 'en', 0.5),
	('friendship', 'sidekick', 'en', 0.5),
	('friendship', 'partner', 'en', 0.5),
	('friendship', 'partnership', 'en', 0.5),
	('friendship', 'solidarity', 'en', 0.5),
	('friendship', 'kinship', 'en', 0.5),
	('friendship', 'brotherhood', 'en', 0.5),
	('friendship', 'sisterhood', 'en', 0.5),
	('friendship', 'confidant', 'en', 0.5),
	('friendship', 'amistad', 'es', 1.0),
	('friendship', 'amigo', 'es', 1.0),
	('friendship', 'amiga', 'es', 1.0),
	('friendship', 'compañero', 'es', 1.0),
	('friendship', 'lealtad', 'es', 1.0),
	('friendship', 'vínculo', 'es', 0.5),
	('friendship', 'confianza', 'es', 0.5),
	('friendship', 'camaradería', 'es', 0.5),
	('friendship', 'amitié', 'fr', 1.0),
	('friendship', 'ami', 'fr', 1.0),
	('friendship', 'amie', 'fr', 1.0),
	('friendship', 'copain', 'fr', 1.0),
	('friendship', 'compagnon', 'fr', 1.0),
	('friendship', 'loyauté', 'fr', 1.0),
	('friendship', 'lien', 'fr', 0.5),
	('friendship', 'confiance', 'fr', 0.5),
	('friendship', 'camaraderie', 'fr', 0.5),
	('friendship', 'freundschaft', 'de', 1.0),
	('friendship', 'freund', 'de', 1.0),
	('friendship', 'freundin', 'de', 1.0),
	('friendship', 'kumpel', 'de', 1.0),
	('friendship', 'gefährte', 'de', 1.0),
	('friendship', 'loyalität', 'de', 0.5),
	('friendship', 'bindung', 'de', 0.5),
	('friendship', 'vertrauen', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('coming of age', 'adulthood', 'en', 1.0),
	('coming of age', 'teens', 'en', 1.0),
	('coming of age', 'first kiss', 'en', 1.0),
	('coming of age', 'dorm', 'en', 1.0),
	('coming of age', 'college', 'en', 1.0),
	('coming of age', 'freshman', 'en', 1.0),
	('coming of age', 'curfew', 'en', 1.0),
	('coming of age', 'coming of age', 'en', 1.0),
	('coming of age', 'adolescence', 'en', 1.0),
	('coming of age', 'adolescent', 'en', 1.0),
	('coming of age', 'teen', 'en', 1.0),
	('coming of age', 'teenager', 'en', 1.0),
	('coming of age', 'teenage', 'en', 1.0),
	('coming of age', 'youth', 'en', 1.0),
	('coming of age', 'childhood', 'en', 1.0),
	('coming of age', 'growing', 'en', 1.0),
	('coming of age', 'puberty', 'en', 1.0),
	('coming of age', 'school', 'en', 1.0),
	('coming of age', 'high school', 'en', 1.0),
	('coming of age', 'graduation', 'en', 1.0),
	('coming of age', 'prom', 'en', 0.5),
	('coming of age', 'first love', 'en', 0.5),
	('coming of age', 'innocence', 'en', 0.5),
	('coming of age', 'maturity', 'en', 0.5),
	('coming of age', 'rebellion', 'en', 0.5),
	('coming of age', 'summer', 'en', 0.5),
	('coming of age', 'camp', 'en', 0.5),
	('coming of age', 'boyhood', 'en', 0.5),
	('coming of age', 'girlhood', 'en', 0.5),
	('coming of age', 'virginity', 'en', 0.5),
	('coming of age', 'rite', 'en', 0.5),
	('coming of age', 'passage', 'en', 0.5),
	('coming of age', 'bildungsroman', 'en', 0.5),
	('coming of age', 'adolescencia', 'es', 1.0),
	('coming of age', 'adolescente', 'es', 1.0),
	('coming of age', 'juventud', 'es', 1.0),
	('coming of age', 'infancia', 'es', 1.0),
	('coming of age', 'crecer', 'es', 1.0),
	('coming of age', 'escuela', 'es', 0.5),
	('coming of age', 'graduación', 'es', 0.5),
	('coming of age', 'inocencia', 'es', 0.5),
	('coming of age', 'adolescence', 'fr', 1.0),
	('coming of age', 'adolescent', 'fr', 1.0),
	('coming of age', 'jeunesse', 'fr', 1.0),
	('coming of age', 'enfance', 'fr', 1.0),
	('coming of age', 'grandir', 'fr', 1.0),
	('coming of age', 'école', 'fr', 0.5),
	('coming of age', 'lycée', 'fr', 0.5),
	('coming of age', 'innocence', 'fr', 0.5),
	('coming of age', 'jugend', 'de', 1.0),
	('coming of age', 'jugendlicher', 'de', 1.0),
	('coming of age', 'kindheit', 'de', 1.0),
	('coming of age', 'pubertät', 'de', 1.0),
	('coming of age', 'erwachsen', 'de', 1.0),
	('coming of age', 'schule', 'de', 0.5),
	('coming of age', 'abschluss', 'de', 0.5),
	('coming of age', 'unschuld', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('faith and religion', 'pastor', 'en', 1.0),
	('faith and religion', 'rabbi', 'en', 1.0),
	('faith and religion', 'imam', 'en', 1.0),
	('faith and religion', 'faith', 'en', 1.0),
	('faith and religion', 'religion', 'en', 1.0),
	('faith and religion', 'religious', 'en', 1.0),
	('faith and religion', 'god', 'en', 1.0),
	('faith and religion', 'church', 'en', 1.0),
	('faith and religion', 'priest', 'en', 1.0),
	('faith and religion', 'nun', 'en', 1.0),
	('faith and religion', 'monk', 'en', 1.0),
	('faith and religion', 'prayer', 'en', 1.0),
	('faith and religion', 'pray', 'en', 1.0),
	('faith and religion', 'sin', 'en', 1.0),
	('faith and religion', 'sinner', 'en', 1.0),
	('faith and religion', 'salvation', 'en', 1.0),
	('faith and religion', 'redemption', 'en', 1.0),
	('faith and religion', 'heaven', 'en', 1.0),
	('faith and religion', 'hell', 'en', 1.0),
	('faith and religion', 'devil', 'en', 1.0),
	('faith and religion', 'angel', 'en', 0.5),
	('faith and religion', 'miracle', 'en', 0.5),
	('faith and religion', 'belief', 'en', 0.5),
	('faith and religion', 'believer', 'en', 0.5),
	('faith and religion', 'cult', 'en', 0.5),
	('faith and religion', 'sect', 'en', 0.5),
	('faith and religion', 'bible', 'en', 0.5),
	('faith and religion', 'scripture', 'en', 0.5),
	('faith and religion', 'temple', 'en', 0.5),
	('faith and religion', 'mosque', 'en', 0.5),
	('faith and religion', 'spiritual', 'en', 0.5),
	('faith and religion', 'soul', 'en', 0.5),
	('faith and religion', 'fe', 'es', 1.0),
	('faith and religion', 'religión', 'es', 1.0),
	('faith and religion', 'dios', 'es', 1.0),
	('faith and religion', 'iglesia', 'es', 1.0),
	('faith and religion', 'sacerdote', 'es', 1.0),
	('faith and religion', 'monja', 'es', 1.0),
	('faith and religion', 'oración', 'es', 1.0),
	('faith and religion', 'pecado', 'es', 1.0),
	('faith and religion', 'salvación', 'es', 0.5),
	('faith and religion', 'cielo', 'es', 0.5),
	('faith and religion', 'infierno', 'es', 0.5),
	('faith and religion', 'milagro', 'es', 0.5),
	('faith and religion', 'foi', 'fr', 1.0),
	('faith and religion', 'religion', 'fr', 1.0),
	('faith and religion', 'dieu', 'fr', 1.0),
	('faith and religion', 'église', 'fr', 1.0),
	('faith and religion', 'prêtre', 'fr', 1.0),
	('faith and religion', 'religieuse', 'fr', 1.0),
	('faith and religion', 'prière', 'fr', 1.0),
	('faith and religion', 'péché', 'fr', 1.0),
	('faith and religion', 'salut', 'fr', 0.5),
	('faith and religion', 'paradis', 'fr', 0.5),
	('faith and religion', 'enfer', 'fr', 0.5),
	('faith and religion', 'miracle', 'fr', 0.5),
	('faith and religion', 'glaube', 'de', 1.0),
	('faith and religion', 'religion', 'de', 1.0),
	('faith and religion', 'gott', 'de', 1.0),
	('faith and religion', 'kirche', 'de', 1.0),
	('faith and religion', 'priester', 'de', 1.0),
	('faith and religion', 'nonne', 'de', 1.0),
	('faith and religion', 'gebet', 'de', 1.0),
	('faith and religion', 'sünde', 'de', 1.0),
	('faith and religion', 'erlösung', 'de', 0.5),
	('faith and religion', 'himmel', 'de', 0.5),
	('faith and religion', 'hölle', 'de', 0.5),
	('faith and religion', 'wunder', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('war', 'soldiering', 'en', 1.0),
	('war', 'frontline', 'en', 1.0),
	('war', 'wounded', 'en', 1.0),
	('war', 'war', 'en', 1.0),
	('war', 'soldier', 'en', 1.0),
	('war', 'soldiers', 'en', 1.0),
	('war', 'army', 'en', 1.0),
	('war', 'battle', 'en', 1.0),
	('war', 'battlefield', 'en', 1.0),
	('war', 'combat', 'en', 1.0),
	('war', 'front', 'en', 1.0),
	('war', 'trench', 'en', 1.0),
	('war', 'invasion', 'en', 1.0),
	('war', 'occupation', 'en', 1.0),
	('war', 'veteran', 'en', 1.0),
	('war', 'military', 'en', 1.0),
	('war', 'troops', 'en', 1.0),
	('war', 'platoon', 'en', 1.0),
	('war', 'general', 'en', 0.5),
	('war', 'officer', 'en', 0.5),
	('war', 'bomb', 'en', 0.5),
	('war', 'bombing', 'en', 0.5),
	('war', 'siege', 'en', 0.5),
	('war', 'resistance', 'en', 0.5),
	('war', 'enemy', 'en', 0.5),
	('war', 'wartime', 'en', 0.5),
	('war', 'ceasefire', 'en', 0.5),
	('war', 'casualty', 'en', 0.5),
	('war', 'warfare', 'en', 0.5),
	('war', 'mission', 'en', 0.5),
	('war', 'guerra', 'es', 1.0),
	('war', 'soldado', 'es', 1.0),
	('war', 'ejército', 'es', 1.0),
	('war', 'batalla', 'es', 1.0),
	('war', 'combate', 'es', 1.0),
	('war', 'frente', 'es', 1.0),
	('war', 'invasión', 'es', 0.5),
	('war', 'veterano', 'es', 0.5),
	('war', 'militar', 'es', 0.5),
	('war', 'enemigo', 'es', 0.5),
	('war', 'guerre', 'fr', 1.0),
	('war', 'soldat', 'fr', 1.0),
	('war', 'armée', 'fr', 1.0),
	('war', 'bataille', 'fr', 1.0),
	('war', 'combat', 'fr', 1.0),
	('war', 'front', 'fr', 1.0),
	('war', 'invasion', 'fr', 0.5),
	('war', 'vétéran', 'fr', 0.5),
	('war', 'militaire', 'fr', 0.5),
	('war', 'ennemi', 'fr', 0.5),
	('war', 'krieg', 'de', 1.0),
	('war', 'soldat', 'de', 1.0),
	('war', 'armee', 'de', 1.0),
	('war', 'schlacht', 'de', 1.0),
	('war', 'kampf', 'de', 1.0),
	('war', 'front', 'de', 1.0),
	('war', 'invasion', 'de', 0.5),
	('war', 'veteran', 'de', 0.5),
	('war', 'militär', 'de', 0.5),
	('war', 'feind', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('crime and justice', 'murderer', 'en', 1.0),
	('crime and justice', 'suspect', 'en', 1.0),
	('crime and justice', 'crime', 'en', 1.0),
	('crime and justice', 'criminal', 'en', 1.0),
	('crime and justice', 'justice', 'en', 1.0),
	('crime and justice', 'law', 'en', 1.0),
	('crime and justice', 'lawyer', 'en', 1.0),
	('crime and justice', 'court', 'en', 1.0),
	('crime and justice', 'trial', 'en', 1.0),
	('crime and justice', 'judge', 'en', 1.0),
	('crime and justice', 'jury', 'en', 1.0),
	('crime and justice', 'verdict', 'en', 1.0),
	('crime and justice', 'police', 'en', 1.0),
	('crime and justice', 'detective', 'en', 1.0),
	('crime and justice', 'cop', 'en', 1.0),
	('crime and justice', 'investigation', 'en', 1.0),
	('crime and justice', 'prison', 'en', 1.0),
	('crime and justice', 'jail', 'en', 1.0),
	('crime and justice', 'inmate', 'en', 0.5),
	('crime and justice', 'sentence', 'en', 0.5),
	('crime and justice', 'guilty', 'en', 0.5),
	('crime and justice', 'innocent', 'en', 0.5),
	('crime and justice', 'heist', 'en', 0.5),
	('crime and justice', 'robbery', 'en', 0.5),
	('crime and justice', 'theft', 'en', 0.5),
	('crime and justice', 'fraud', 'en', 0.5),
	('crime and justice', 'corruption', 'en', 0.5),
	('crime and justice', 'mafia', 'en', 0.5),
	('crime and justice', 'evidence', 'en', 0.5),
	('crime and justice', 'witness', 'en', 0.5),
	('crime and justice', 'crimen', 'es', 1.0),
	('crime and justice', 'criminal', 'es', 1.0),
	('crime and justice', 'justicia', 'es', 1.0),
	('crime and justice', 'ley', 'es', 1.0),
	('crime and justice', 'abogado', 'es', 1.0),
	('crime and justice', 'juicio', 'es', 1.0),
	('crime and justice', 'juez', 'es', 1.0),
	('crime and justice', 'policía', 'es', 0.5),
	('crime and justice', 'detective', 'es', 0.5),
	('crime and justice', 'cárcel', 'es', 0.5),
	('crime and justice', 'robo', 'es', 0.5),
	('crime and justice', 'crime', 'fr', 1.0),
	('crime and justice', 'criminel', 'fr', 1.0),
	('crime and justice', 'justice', 'fr', 1.0),
	('crime and justice', 'loi', 'fr', 1.0),
	('crime and justice', 'avocat', 'fr', 1.0),
	('crime and justice', 'procès', 'fr', 1.0),
	('crime and justice', 'juge', 'fr', 1.0),
	('crime and justice', 'police', 'fr', 0.5),
	('crime and justice', 'détective', 'fr', 0.5),
	('crime and justice', 'prison', 'fr', 0.5),
	('crime and justice', 'vol', 'fr', 0.5),
	('crime and justice', 'verbrechen', 'de', 1.0),
	('crime and justice', 'verbrecher', 'de', 1.0),
	('crime and justice', 'justiz', 'de', 1.0),
	('crime and justice', 'gesetz', 'de', 1.0),
	('crime and justice', 'anwalt', 'de', 1.0),
	('crime and justice', 'prozess', 'de', 1.0),
	('crime and justice', 'richter', 'de', 1.0),
	('crime and justice', 'polizei', 'de', 0.5),
	('crime and justice', 'detektiv', 'de', 0.5),
	('crime and justice', 'gefängnis', 'de', 0.5),
	('crime and justice', 'raub', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('revenge', 'revenger', 'en', 1.0),
	('revenge', 'score settling', 'en', 1.0),
	('revenge', 'avenged', 'en', 1.0),
	('revenge', 'retaliate', 'en', 1.0),
	('revenge', 'vengeful', 'en', 1.0),
	('revenge', 'unforgiving', 'en', 1.0),
	('revenge', 'wronged', 'en', 1.0),
	('revenge', 'revenge', 'en', 1.0),
	('revenge', 'vengeance', 'en', 1.0),
	('revenge', 'avenge', 'en', 1.0),
	('revenge', 'avenger', 'en', 1.0),
	('revenge', 'retribution', 'en', 1.0),
	('revenge', 'payback', 'en', 1.0),
	('revenge', 'vendetta', 'en', 1.0),
	('revenge', 'grudge', 'en', 1.0),
	('revenge', 'hatred', 'en', 1.0),
	('revenge', 'vigilante', 'en', 1.0),
	('revenge', 'reckoning', 'en', 1.0),
	('revenge', 'punish', 'en', 1.0),
	('revenge', 'punishment', 'en', 0.5),
	('revenge', 'settle', 'en', 0.5),
	('revenge', 'score', 'en', 0.5),
	('revenge', 'wrath', 'en', 0.5),
	('revenge', 'bitterness', 'en', 0.5),
	('revenge', 'feud', 'en', 0.5),
	('revenge', 'retaliation', 'en', 0.5),
	('revenge', 'spite', 'en', 0.5),
	('revenge', 'justice', 'en', 0.5),
	('revenge', 'blood', 'en', 0.5),
	('revenge', 'debt', 'en', 0.5),
	('revenge', 'eye', 'en', 0.5),
	('revenge', 'venganza', 'es', 1.0),
	('revenge', 'vengar', 'es', 1.0),
	('revenge', 'vengativo', 'es', 1.0),
	('revenge', 'rencor', 'es', 1.0),
	('revenge', 'odio', 'es', 1.0),
	('revenge', 'represalia', 'es', 1.0),
	('revenge', 'castigo', 'es', 0.5),
	('revenge', 'ajuste', 'es', 0.5),
	('revenge', 'cuentas', 'es', 0.5),
	('revenge', 'ojo', 'es', 0.5),
	('revenge', 'vengeance', 'fr', 1.0),
	('revenge', 'venger', 'fr', 1.0),
	('revenge', 'vengeur', 'fr', 1.0),
	('revenge', 'rancune', 'fr', 1.0),
	('revenge', 'haine', 'fr', 1.0),
	('revenge', 'représailles', 'fr', 1.0),
	('revenge', 'châtiment', 'fr', 0.5),
	('revenge', 'règlement', 'fr', 0.5),
	('revenge', 'comptes', 'fr', 0.5),
	('revenge', 'rache', 'de', 1.0),
	('revenge', 'rächen', 'de', 1.0),
	('revenge', 'rächer', 'de', 1.0),
	('revenge', 'vergeltung', 'de', 1.0),
	('revenge', 'groll', 'de', 1.0),
	('revenge', 'hass', 'de', 1.0),
	('revenge', 'bestrafung', 'de', 0.5),
	('revenge', 'abrechnung', 'de', 0.5),
	('revenge', 'blutrache', 'de', 0.5),
	('revenge', 'settle the score', 'en', 1.0),
	('revenge', 'blood feud', 'en', 1.0);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('betrayal', 'betrays', 'en', 1.0),
	('betrayal', 'betrayer', 'en', 1.0),
	('betrayal', 'two faced', 'en', 1.0),
	('betrayal', 'duplicity', 'en', 1.0),
	('betrayal', 'betrayal', 'en', 1.0),
	('betrayal', 'betray', 'en', 1.0),
	('betrayal', 'betrayed', 'en', 1.0),
	('betrayal', 'traitor', 'en', 1.0),
	('betrayal', 'treachery', 'en', 1.0),
	('betrayal', 'treason', 'en', 1.0),
	('betrayal', 'deceit', 'en', 1.0),
	('betrayal', 'deception', 'en', 1.0),
	('betrayal', 'lie', 'en', 1.0),
	('betrayal', 'lies', 'en', 1.0),
	('betrayal', 'liar', 'en', 1.0),
	('betrayal', 'double cross', 'en', 1.0),
	('betrayal', 'backstab', 'en', 1.0),
	('betrayal', 'infidelity', 'en', 1.0),
	('betrayal', 'cheating', 'en', 0.5),
	('betrayal', 'cheat', 'en', 0.5),
	('betrayal', 'affair', 'en', 0.5),
	('betrayal', 'informant', 'en', 0.5),
	('betrayal', 'snitch', 'en', 0.5),
	('betrayal', 'spy', 'en', 0.5),
	('betrayal', 'mole', 'en', 0.5),
	('betrayal', 'disloyalty', 'en', 0.5),
	('betrayal', 'broken', 'en', 0.5),
	('betrayal', 'promise', 'en', 0.5),
	('betrayal', 'trust', 'en', 0.5),
	('betrayal', 'secret', 'en', 0.5),
	('betrayal', 'traición', 'es', 1.0),
	('betrayal', 'traicionar', 'es', 1.0),
	('betrayal', 'traidor', 'es', 1.0),
	('betrayal', 'engaño', 'es', 1.0),
	('betrayal', 'mentira', 'es', 1.0),
	('betrayal', 'infidelidad', 'es', 0.5),
	('betrayal', 'espía', 'es', 0.5),
	('betrayal', 'deslealtad', 'es', 0.5),
	('betrayal', 'trahison', 'fr', 1.0),
	('betrayal', 'trahir', 'fr', 1.0),
	('betrayal', 'traître', 'fr', 1.0),
	('betrayal', 'tromperie', 'fr', 1.0),
	('betrayal', 'mensonge', 'fr', 1.0),
	('betrayal', 'infidélité', 'fr', 0.5),
	('betrayal', 'espion', 'fr', 0.5),
	('betrayal', 'déloyauté', 'fr', 0.5),
	('betrayal', 'verrat', 'de', 1.0),
	('betrayal', 'verraten', 'de', 1.0),
	('betrayal', 'verräter', 'de', 1.0),
	('betrayal', 'betrug', 'de', 1.0),
	('betrayal', 'lüge', 'de', 1.0),
	('betrayal', 'untreue', 'de', 0.5),
	('betrayal', 'spion', 'de', 0.5),
	('betrayal', 'treuebruch', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('freedom', 'freed', 'en', 1.0),
	('freedom', 'liberate', 'en', 1.0),
	('freedom', 'liberated', 'en', 1.0),
	('freedom', 'free will', 'en', 1.0),
	('freedom', 'shackles', 'en', 1.0),
	('freedom', 'cage', 'en', 1.0),
	('freedom', 'caged', 'en', 1.0),
	('freedom', 'uprising', 'en', 1.0),
	('freedom', 'freedom', 'en', 1.0),
	('freedom', 'free', 'en', 1.0),
	('freedom', 'liberty', 'en', 1.0),
	('freedom', 'liberation', 'en', 1.0),
	('freedom', 'escape', 'en', 1.0),
	('freedom', 'escaped', 'en', 1.0),
	('freedom', 'prison', 'en', 1.0),
	('freedom', 'captivity', 'en', 1.0),
	('freedom', 'slavery', 'en', 1.0),
	('freedom', 'slave', 'en', 1.0),
	('freedom', 'independence', 'en', 1.0),
	('freedom', 'rebellion', 'en', 0.5),
	('freedom', 'revolution', 'en', 0.5),
	('freedom', 'revolt', 'en', 0.5),
	('freedom', 'oppression', 'en', 0.5),
	('freedom', 'chains', 'en', 0.5),
	('freedom', 'release', 'en', 0.5),
	('freedom', 'autonomy', 'en', 0.5),
	('freedom', 'emancipation', 'en', 0.5),
	('freedom', 'breakout', 'en', 0.5),
	('freedom', 'fugitive', 'en', 0.5),
	('freedom', 'runaway', 'en', 0.5),
	('freedom', 'exile', 'en', 0.5),
	('freedom', 'libertad', 'es', 1.0),
	('freedom', 'libre', 'es', 1.0),
	('freedom', 'liberación', 'es', 1.0),
	('freedom', 'escape', 'es', 1.0),
	('freedom', 'prisión', 'es', 1.0),
	('freedom', 'esclavitud', 'es', 1.0),
	('freedom', 'independencia', 'es', 0.5),
	('freedom', 'rebelión', 'es', 0.5),
	('freedom', 'revolución', 'es', 0.5),
	('freedom', 'liberté', 'fr', 1.0),
	('freedom', 'libre', 'fr', 1.0),
	('freedom', 'libération', 'fr', 1.0),
	('freedom', 'évasion', 'fr', 1.0),
	('freedom', 'prison', 'fr', 1.0),
	('freedom', 'esclavage', 'fr', 1.0),
	('freedom', 'indépendance', 'fr', 0.5),
	('freedom', 'rébellion', 'fr', 0.5),
	('freedom', 'révolution', 'fr', 0.5),
	('freedom', 'freiheit', 'de', 1.0),
	('freedom', 'frei', 'de', 1.0),
	('freedom', 'befreiung', 'de', 1.0),
	('freedom', 'flucht', 'de', 1.0),
	('freedom', 'gefängnis', 'de', 1.0),
	('freedom', 'sklaverei', 'de', 1.0),
	('freedom', 'unabhängigkeit', 'de', 0.5),
	('freedom', 'rebellion', 'de', 0.5),
	('freedom', 'revolution', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('immigration', 'emigrate', 'en', 1.0),
	('immigration', 'emigrant', 'en', 1.0),
	('immigration', 'emigration', 'en', 1.0),
	('immigration', 'migration', 'en', 1.0),
	('immigration', 'naturalization', 'en', 1.0),
	('immigration', 'passport', 'en', 1.0),
	('immigration', 'newcomers', 'en', 1.0),
	('immigration', 'immigration', 'en', 1.0),
	('immigration', 'immigrant', 'en', 1.0),
	('immigration', 'immigrants', 'en', 1.0),
	('immigration', 'migrant', 'en', 1.0),
	('immigration', 'migrants', 'en', 1.0),
	('immigration', 'refugee', 'en', 1.0),
	('immigration', 'refugees', 'en', 1.0),
	('immigration', 'asylum', 'en', 1.0),
	('immigration', 'border', 'en', 1.0),
	('immigration', 'deportation', 'en', 1.0),
	('immigration', 'visa', 'en', 1.0),
	('immigration', 'citizenship', 'en', 0.5),
	('immigration', 'exile', 'en', 0.5),
	('immigration', 'diaspora', 'en', 0.5),
	('immigration', 'homeland', 'en', 0.5),
	('immigration', 'foreigner', 'en', 0.5),
	('immigration', 'accent', 'en', 0.5),
	('immigration', 'assimilation', 'en', 0.5),
	('immigration', 'displacement', 'en', 0.5),
	('immigration', 'undocumented', 'en', 0.5),
	('immigration', 'smuggler', 'en', 0.5),
	('immigration', 'crossing', 'en', 0.5),
	('immigration', 'newcomer', 'en', 0.5),
	('immigration', 'inmigración', 'es', 1.0),
	('immigration', 'inmigrante', 'es', 1.0),
	('immigration', 'migrante', 'es', 1.0),
	('immigration', 'refugiado', 'es', 1.0),
	('immigration', 'asilo', 'es', 1.0),
	('immigration', 'frontera', 'es', 0.5),
	('immigration', 'deportación', 'es', 0.5),
	('immigration', 'exilio', 'es', 0.5),
	('immigration', 'immigration', 'fr', 1.0),
	('immigration', 'immigré', 'fr', 1.0),
	('immigration', 'migrant', 'fr', 1.0),
	('immigration', 'réfugié', 'fr', 1.0),
	('immigration', 'asile', 'fr', 1.0),
	('immigration', 'frontière', 'fr', 0.5),
	('immigration', 'expulsion', 'fr', 0.5),
	('immigration', 'exil', 'fr', 0.5),
	('immigration', 'einwanderung', 'de', 1.0),
	('immigration', 'einwanderer', 'de', 1.0),
	('immigration', 'migrant', 'de', 1.0),
	('immigration', 'flüchtling', 'de', 1.0),
	('immigration', 'asyl', 'de', 1.0),
	('immigration', 'grenze', 'de', 0.5),
	('immigration', 'abschiebung', 'de', 0.5),
	('immigration', 'exil', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('technology', 'gadget', 'en', 1.0),
	('technology', 'gadgets', 'en', 1.0),
	('technology', 'coder', 'en', 1.0),
	('technology', 'programmer', 'en', 1.0),
	('technology', 'technology', 'en', 1.0),
	('technology', 'tech', 'en', 1.0),
	('technology', 'computer', 'en', 1.0),
	('technology', 'internet', 'en', 1.0),
	('technology', 'online', 'en', 1.0),
	('technology', 'digital', 'en', 1.0),
	('technology', 'robot', 'en', 1.0),
	('technology', 'robots', 'en', 1.0),
	('technology', 'android', 'en', 1.0),
	('technology', 'artificial', 'en', 1.0),
	('technology', 'intelligence', 'en', 1.0),
	('technology', 'ai', 'en', 1.0),
	('technology', 'algorithm', 'en', 1.0),
	('technology', 'software', 'en', 1.0),
	('technology', 'hacker', 'en', 0.5),
	('technology', 'hacking', 'en', 0.5),
	('technology', 'virtual', 'en', 0.5),
	('technology', 'reality', 'en', 0.5),
	('technology', 'smartphone', 'en', 0.5),
	('technology', 'screen', 'en', 0.5),
	('technology', 'surveillance', 'en', 0.5),
	('technology', 'data', 'en', 0.5),
	('technology', 'cyber', 'en', 0.5),
	('technology', 'machine', 'en', 0.5),
	('technology', 'automation', 'en', 0.5),
	('technology', 'startup', 'en', 0.5),
	('technology', 'tecnología', 'es', 1.0),
	('technology', 'ordenador', 'es', 1.0),
	('technology', 'internet', 'es', 1.0),
	('technology', 'digital', 'es', 1.0),
	('technology', 'robot', 'es', 1.0),
	('technology', 'inteligencia', 'es', 1.0),
	('technology', 'artificial', 'es', 0.5),
	('technology', 'algoritmo', 'es', 0.5),
	('technology', 'vigilancia', 'es', 0.5),
	('technology', 'technologie', 'fr', 1.0),
	('technology', 'ordinateur', 'fr', 1.0),
	('technology', 'internet', 'fr', 1.0),
	('technology', 'numérique', 'fr', 1.0),
	('technology', 'robot', 'fr', 1.0),
	('technology', 'intelligence', 'fr', 1.0),
	('technology', 'artificielle', 'fr', 0.5),
	('technology', 'algorithme', 'fr', 0.5),
	('technology', 'surveillance', 'fr', 0.5),
	('technology', 'technologie', 'de', 1.0),
	('technology', 'computer', 'de', 1.0),
	('technology', 'internet', 'de', 1.0),
	('technology', 'digital', 'de', 1.0),
	('technology', 'roboter', 'de', 1.0),
	('technology', 'künstliche', 'de', 1.0),
	('technology', 'intelligenz', 'de', 0.5),
	('technology', 'algorithmus', 'de', 0.5),
	('technology', 'überwachung', 'de', 0.5),
	('technology', 'artificial intelligence', 'en', 1.0),
	('technology', 'virtual reality', 'en', 1.0);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('nature and environment', 'woods', 'en', 1.0),
	('nature and environment', 'wild', 'en', 1.0),
	('nature and environment', 'trees', 'en', 1.0),
	('nature and environment', 'desert', 'en', 1.0),
	('nature and environment', 'nature', 'en', 1.0),
	('nature and environment', 'environment', 'en', 1.0),
	('nature and environment', 'environmental', 'en', 1.0),
	('nature and environment', 'climate', 'en', 1.0),
	('nature and environment', 'forest', 'en', 1.0),
	('nature and environment', 'wilderness', 'en', 1.0),
	('nature and environment', 'river', 'en', 1.0),
	('nature and environment', 'ocean', 'en', 1.0),
	('nature and environment', 'sea', 'en', 1.0),
	('nature and environment', 'mountain', 'en', 1.0),
	('nature and environment', 'landscape', 'en', 1.0),
	('nature and environment', 'wildlife', 'en', 1.0),
	('nature and environment', 'animals', 'en', 1.0),
	('nature and environment', 'pollution', 'en', 1.0),
	('nature and environment', 'drought', 'en', 0.5),
	('nature and environment', 'flood', 'en', 0.5),
	('nature and environment', 'storm', 'en', 0.5),
	('nature and environment', 'earth', 'en', 0.5),
	('nature and environment', 'planet', 'en', 0.5),
	('nature and environment', 'ecology', 'en', 0.5),
	('nature and environment', 'extinction', 'en', 0.5),
	('nature and environment', 'farm', 'en', 0.5),
	('nature and environment', 'land', 'en', 0.5),
	('nature and environment', 'harvest', 'en', 0.5),
	('nature and environment', 'weather', 'en', 0.5),
	('nature and environment', 'island', 'en', 0.5),
	('nature and environment', 'naturaleza', 'es', 1.0),
	('nature and environment', 'medio', 'es', 1.0),
	('nature and environment', 'ambiente', 'es', 1.0),
	('nature and environment', 'clima', 'es', 1.0),
	('nature and environment', 'bosque', 'es', 1.0),
	('nature and environment', 'río', 'es', 1.0),
	('nature and environment', 'mar', 'es', 0.5),
	('nature and environment', 'montaña', 'es', 0.5),
	('nature and environment', 'paisaje', 'es', 0.5),
	('nature and environment', 'contaminación', 'es', 0.5),
	('nature and environment', 'nature', 'fr', 1.0),
	('nature and environment', 'environnement', 'fr', 1.0),
	('nature and environment', 'climat', 'fr', 1.0),
	('nature and environment', 'forêt', 'fr', 1.0),
	('nature and environment', 'rivière', 'fr', 1.0),
	('nature and environment', 'mer', 'fr', 1.0),
	('nature and environment', 'montagne', 'fr', 0.5),
	('nature and environment', 'paysage', 'fr', 0.5),
	('nature and environment', 'pollution', 'fr', 0.5),
	('nature and environment', 'natur', 'de', 1.0),
	('nature and environment', 'umwelt', 'de', 1.0),
	('nature and environment', 'klima', 'de', 1.0),
	('nature and environment', 'wald', 'de', 1.0),
	('nature and environment', 'fluss', 'de', 1.0),
	('nature and environment', 'meer', 'de', 1.0),
	('nature and environment', 'berg', 'de', 0.5),
	('nature and environment', 'landschaft', 'de', 0.5),
	('nature and environment', 'verschmutzung', 'de', 0.5),
	('nature and environment', 'climate change', 'en', 1.0);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('loneliness', 'isolating', 'en', 1.0),
	('loneliness', 'outcast', 'en', 1.0),
	('loneliness', 'yearning', 'en', 1.0),
	('loneliness', 'estrangement', 'en', 1.0),
	('loneliness', 'lonesome', 'en', 1.0),
	('loneliness', 'friendless', 'en', 1.0),
	('loneliness', 'unloved', 'en', 1.0),
	('loneliness', 'shut in', 'en', 1.0),
	('loneliness', 'withdrawn', 'en', 1.0),
	('loneliness', 'aloof', 'en', 1.0),
	('loneliness', 'loneliness', 'en', 1.0),
	('loneliness', 'lonely', 'en', 1.0),
	('loneliness', 'alone', 'en', 1.0),
	('loneliness', 'solitude', 'en', 1.0),
	('loneliness', 'isolation', 'en', 1.0),
	('loneliness', 'isolated', 'en', 1.0),
	('loneliness', 'solitary', 'en', 1.0),
	('loneliness', 'recluse', 'en', 1.0),
	('loneliness', 'hermit', 'en', 1.0),
	('loneliness', 'outsider', 'en', 1.0),
	('loneliness', 'alienation', 'en', 0.5),
	('loneliness', 'abandoned', 'en', 0.5),
	('loneliness', 'abandonment', 'en', 0.5),
	('loneliness', 'empty', 'en', 0.5),
	('loneliness', 'emptiness', 'en', 0.5),
	('loneliness', 'longing', 'en', 0.5),
	('loneliness', 'melancholy', 'en', 0.5),
	('loneliness', 'estranged', 'en', 0.5),
	('loneliness', 'silence', 'en', 0.5),
	('loneliness', 'widower', 'en', 0.5),
	('loneliness', 'introvert', 'en', 0.5),
	('loneliness', 'disconnected', 'en', 0.5),
	('loneliness', 'soledad', 'es', 1.0),
	('loneliness', 'solo', 'es', 1.0),
	('loneliness', 'solitario', 'es', 1.0),
	('loneliness', 'aislamiento', 'es', 1.0),
	('loneliness', 'abandono', 'es', 1.0),
	('loneliness', 'vacío', 'es', 0.5),
	('loneliness', 'melancolía', 'es', 0.5),
	('loneliness', 'nostalgia', 'es', 0.5),
	('loneliness', 'solitude', 'fr', 1.0),
	('loneliness', 'seul', 'fr', 1.0),
	('loneliness', 'solitaire', 'fr', 1.0),
	('loneliness', 'isolement', 'fr', 1.0),
	('loneliness', 'abandon', 'fr', 1.0),
	('loneliness', 'vide', 'fr', 0.5),
	('loneliness', 'mélancolie', 'fr', 0.5),
	('loneliness', 'nostalgie', 'fr', 0.5),
	('loneliness', 'einsamkeit', 'de', 1.0),
	('loneliness', 'einsam', 'de', 1.0),
	('loneliness', 'allein', 'de', 1.0),
	('loneliness', 'isolation', 'de', 1.0),
	('loneliness', 'verlassenheit', 'de', 1.0),
	('loneliness', 'leere', 'de', 0.5),
	('loneliness', 'melancholie', 'de', 0.5),
	('loneliness', 'sehnsucht', 'de', 0.5);
INSERT INTO @extschema@.review_theme (theme, keyword, lang, weight) VALUES
	('politics', 'statesman', 'en', 1.0),
	('politics', 'legislation', 'en', 1.0),
	('politics', 'politicians', 'en', 1.0),
	('politics', 'senate', 'en', 1.0),
	('politics', 'mayor', 'en', 1.0),
	('politics', 'minister', 'en', 1.0),
	('politics', 'ballot', 'en', 1.0),
	('politics', 'lobbyist', 'en', 1.0),
	('politics', 'politics', 'en', 1.0),
	('politics', 'political', 'en', 1.0),
	('politics', 'politician', 'en', 1.0),
	('politics', 'election', 'en', 1.0),
	('politics', 'campaign', 'en', 1.0),
	('politics', 'vote', 'en', 1.0),
	('politics', 'voter', 'en', 1.0),
	('politics', 'president', 'en', 1.0),
	('politics', 'senator', 'en', 1.0),
	('politics', 'congress', 'en', 1.0),
	('politics', 'parliament', 'en', 1.0),
	('politics', 'government', 'en', 0.5),
	('politics', 'democracy', 'en', 0.5),
	('politics', 'protest', 'en', 0.5),
	('politics', 'activist', 'en', 0.5),
	('politics', 'activism', 'en', 0.5),
	('politics', 'propaganda', 'en', 0.5),
	('politics', 'policy', 'en', 0.5),
	('politics', 'party', 'en', 0.5),
	('politics', 'scandal', 'en', 0.5),
	('politics', 'regime', 'en', 0.5),
	('politics', 'revolution', 'en', 0.5),
	('politics', 'ideology', 'en', 0.5),
	('politics', 'política', 'es', 1.0),
	('politics', 'político', 'es', 1.0),
	('politics', 'elección', 'es', 1.0),
	('politics', 'campaña', 'es', 1.0),
	('politics', 'voto', 'es', 1.0),
	('politics', 'presidente', 'es', 1.0),
	('politics', 'gobierno', 'es', 0.5),
	('politics', 'democracia', 'es', 0.5),
	('politics', 'protesta', 'es', 0.5),
	('politics', 'politique', 'fr', 1.0),
	('politics', 'politicien', 'fr', 1.0),
	('politics', 'élection', 'fr', 1.0),
	('politics', 'campagne', 'fr', 1.0),
	('politics', 'vote', 'fr', 1.0),
	('politics', 'président', 'fr', 1.0),
	('politics', 'gouvernement', 'fr', 0.5),
	('politics', 'démocratie', 'fr', 0.5),
	('politics', 'manifestation', 'fr', 0.5),
	('politics', 'politik', 'de', 1.0),
	('politics', 'politiker', 'de', 1.0),
	('politics', 'wahl', 'de', 1.0),
	('politics', 'wahlkampf', 'de', 1.0),
	('politics', 'präsident', 'de', 1.0),
	('politics', 'regierung', 'de', 1.0),
	('politics', 'demokratie', 'de', 0.5),
	('politics', 'protest', 'de', 0.5),
	('politics', 'partei', 'de', 0.5);

-- End of the install script (after the shipped theme lexicon,
-- sql/pg_review_themes.sql): rows added from now on are the users'.
ALTER TABLE @extschema@.review_theme ALTER COLUMN builtin SET DEFAULT false;
-- pg_dump keeps the rows users add; the shipped ones come back with CREATE EXTENSION.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.review_theme', 'WHERE NOT builtin');
