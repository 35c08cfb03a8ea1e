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
-- The spoiler-safe forms of the functions that list or score keywords
-- (*_safe) see only what redact() shows: hidden occurrences do not count,
-- and positions and distances are in visible words.
CREATE FUNCTION @extschema@.review_keywords_safe(@extschema@.review) RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'review_keywords_safe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_keywords_safe(@extschema@.review) IS
'the keywords a spoiler-free reader sees (an occurrence outside what redact() hides), sorted';

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
CREATE FUNCTION @extschema@.review_rank_safe(@extschema@.review, @extschema@.reviewquery) RETURNS pg_catalog.float4
AS 'MODULE_PATHNAME', 'review_rank_safe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rank_safe(@extschema@.review, @extschema@.reviewquery) IS
'review_rank as a spoiler-free reader sees the review (use with @@~): only visible occurrences count, positions, proximity and length in visible words';

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
CREATE FUNCTION @extschema@.review_term_count_safe(@extschema@.review, pg_catalog.text) RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'review_term_count_safe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_term_count_safe(@extschema@.review, pg_catalog.text) IS
'review_term_count counting only what redact() shows: visible occurrences, a phrase''s words in visible words';

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
