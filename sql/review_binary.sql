-- Binary send/recv (through COPY ... FORMAT binary) and the jsonb casts.
CREATE TABLE reviews_src (id int, r review);
INSERT INTO reviews_src VALUES
	(1, 'Plain text only.'),
	(2, E'---\ntitle: Harbour Lights\nauthor: P. Nakamura\nrating: ★★★½☆\nlang: en-US\n---\nSPOILERS AHEAD\nThe storm arrives on day three. ||The keeper drowns.|| A mournful score.'),
	(3, E'---\nlang: ja\ntitle: 夜の港\n---\n静かな映画だ。||最後に灯台が消える。||音楽が美しい。'),
	(4, E'---\nlang: de\nrating: 7/10\n---\nEin ruhiger Film. [spoiler=Ende]Der Wärter stirbt.[/spoiler] Schöne Bilder.'),
	(5, E'Escapes: \\|| and \\\\ and (view spoiler)\\[ stay text. <details><summary>Ending</summary>She sails away.</details>');

-- Round trip through the binary format.
SELECT '/tmp/pg_review_regress_' || pg_backend_pid() || '.bin' AS binfile \gset
COPY reviews_src TO :'binfile' (FORMAT binary);
CREATE TABLE reviews_dst (id int, r review);
COPY reviews_dst FROM :'binfile' (FORMAT binary);
SELECT s.id, s.r = d.r AS equal, s.r::text = d.r::text AS same_text,
       review_title(d.r), review_rating(d.r), has_spoilers(d.r)
FROM reviews_src s JOIN reviews_dst d USING (id) ORDER BY id;

-- recv distrusts its bytes: each of these is a review field in a binary COPY.
CREATE TABLE raw_bytes (b bytea);
CREATE TABLE recv_target (r review);
CREATE FUNCTION pg_temp.recv(bytes bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	f text := '/tmp/pg_review_regress_' || pg_backend_pid() || '.raw';
	msg text;
	det text;
	res text;
BEGIN
	TRUNCATE raw_bytes;
	INSERT INTO raw_bytes VALUES (bytes);
	EXECUTE format('COPY raw_bytes TO %L (FORMAT binary)', f);
	TRUNCATE recv_target;
	EXECUTE format('COPY recv_target FROM %L (FORMAT binary)', f);
	SELECT r::text INTO res FROM recv_target;
	RETURN 'ok: ' || res;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ' ' || msg || ' | ' || det;
END $$;

-- A well-formed value: version 1, no flags, lang "en", body "hi", no spans.
SELECT pg_temp.recv('\x010000000002656e000000026869 00000000'::bytea);
-- The same with one marked span over "hi".
SELECT pg_temp.recv('\x010000000002656e000000026869 00000001 00000000 00000002 ffffffff'::bytea);
SELECT pg_temp.recv(b) FROM (VALUES
	('\x'::bytea),                                              -- empty
	('\x02000000000265 6e00000002686900000000'::bytea),         -- unknown version
	('\x011000000002656e000000026869 00000000'::bytea),         -- unknown flag bit
	('\x010000000002656e0000ffff6869 00000000'::bytea),         -- body length past the end
	('\x010000000002656e00000002 ff69 00000000'::bytea),        -- invalid UTF-8 in body
	('\x010000000002656e00000002 0069 00000000'::bytea),        -- NUL in body
	('\x010000000002656e000000026869 0000ffff'::bytea),         -- absurd span count
	('\x010000000002656e000000026869 00000001 00000001 00000005 ffffffff'::bytea), -- span past the body
	('\x010000000002656e000000026869 00000001 00000000 00000000 ffffffff'::bytea), -- empty span
	('\x010000000002656e00000002c3a9 00000001 00000001 00000001 ffffffff'::bytea), -- span inside a character
	('\x0100000000024545000000026869 00000000'::bytea),         -- non-canonical language tag
	('\x010000000002656e000000026869 00000000 ff'::bytea),      -- trailing garbage
	('\x010800000002656e000000026869 00000000'::bytea),         -- rating flag set, but "hi" is no rating
	('\x010800000002656e00000003 342e35 000000026869 00000000'::bytea), -- rating "4.5": no scale
	('\x010000000002656e000000030a6869 00000000'::bytea)        -- body with a leading blank line: not canonical
) AS v(b);

-- jsonb casts: keys that are set, spoilers marked in body, warning line first.
SELECT id, r::jsonb FROM reviews_src ORDER BY id;
SELECT id, (r::jsonb)::review = r AS jsonb_round_trip FROM reviews_src ORDER BY id;
SELECT '{"body": "Short. ||Twist.||", "title": "J", "rating": "B", "lang": "fr", "author": null}'::jsonb::review;

-- A stored value shorter than its header, or of an unknown format version,
-- can only come from damaged storage (made here with a binary-coercible cast
-- from bytea): every accessor reports the corruption (XX001) and reads no
-- field past the end of the value.
CREATE CAST (bytea AS review) WITHOUT FUNCTION;
CREATE TEMP TABLE corrupt (label text, r review);
INSERT INTO corrupt VALUES
	('6 bytes', '\x0102'::bytea::review),
	('header-sized zeros', decode(repeat('00', 64), 'hex')::review),
	('unknown version', decode('7f' || repeat('00', 63), 'hex')::review);
\set VERBOSITY sqlstate
SELECT review_title(r) FROM corrupt WHERE label = '6 bytes';
SELECT review_lang(r) FROM corrupt WHERE label = '6 bytes';
SELECT review_rating(r) FROM corrupt WHERE label = '6 bytes';
SELECT review_body(r) FROM corrupt WHERE label = '6 bytes';
SELECT has_spoilers(r) FROM corrupt WHERE label = '6 bytes';
SELECT redact(r) FROM corrupt WHERE label = '6 bytes';
SELECT r::text FROM corrupt WHERE label = '6 bytes';
SELECT r @@ 'x'::reviewquery FROM corrupt WHERE label = '6 bytes';
SELECT review_title(r) FROM corrupt WHERE label = 'header-sized zeros';
SELECT review_rating(r) FROM corrupt WHERE label = 'unknown version';
SELECT review_body(r) FROM corrupt WHERE label = 'unknown version';
\set VERBOSITY default
SELECT review_title(r) FROM corrupt WHERE label = '6 bytes';
DROP TABLE corrupt;
DROP CAST (bytea AS review);

DROP TABLE reviews_src, reviews_dst, raw_bytes, recv_target;
-- Remove the files the server wrote.
COPY (SELECT 1) TO PROGRAM 'cat >/dev/null; rm -f /tmp/pg_review_regress_$PPID.bin /tmp/pg_review_regress_$PPID.raw';
