-- Every malformed input is an ERROR with the right SQLSTATE and a message
-- that says what and where; nothing crashes.
CREATE FUNCTION pg_temp.try(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	msg text;
	det text;
BEGIN
	PERFORM t::review;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ' ' || msg || ' | ' || det;
END $$;

SELECT pg_temp.try(t) FROM (VALUES
	-- front matter: every error names the line
	(E'---\ntitle: A\ncolour: red\n---\nx'),
	(E'---\ntitle: A\ntitle: B\n---\nx'),
	(E'---\ntitle: A\nrating: 4/5\n'),
	(E'---\nrating: 11/10\n---\nx'),
	(E'---\nrating: 4.5\n---\nx'),
	(E'---\nrating: ten\n---\nx'),
	(E'---\nrating: ★★★★★★\n---\nx'),
	(E'---\n\n\nlang: english\n---\nx'),
	(E'---\nlang: en_US\n---\nx'),
	(E'---\njust some text\n---\nx'),
	(E'---\ntitle:\n---\nx'),
	(E'---\ntitle: "unterminated\n---\nx'),
	(E'---\ntitle: "bad \\q escape"\n---\nx'),
	-- markup: every error names the marker and the character
	('abc ||never closed'),
	('abc >!never closed'),
	('abc [spoiler]never closed'),
	('abc (view spoiler)[never closed'),
	('abc <spoiler>never closed'),
	('abc <span class="spoiler">never closed'),
	('abc <details>never closed'),
	('abc !!never closed'),
	('ab ||x >!y|| z!<'),
	('a [spoiler]b <spoiler>c[/spoiler] d</spoiler>'),
	('stray [/spoiler] closer'),
	('stray (hide spoiler)] closer'),
	('stray </spoiler> closer'),
	('stray </details> closer'),
	('empty |||| span'),
	('empty [spoiler][/spoiler] span'),
	(E'label [spoiler=no end\nhere'),
	-- character positions count characters (not bytes), front matter included
	(E'---\ntitle: 映画\n---\n日本語のレビュー ||閉じない'),
	-- fine inputs, for contrast
	('fine ||closed||'),
	('')
) AS v(t);

-- Nesting deeper than 64 is refused rather than recursed into.
SELECT pg_temp.try(repeat('[spoiler]', 65) || 'x' || repeat('[/spoiler]', 65));
SELECT pg_temp.try(repeat('[spoiler]', 64) || 'x' || repeat('[/spoiler]', 64));

-- The constructor validates its arguments the same way.
SELECT review('x', rating => 'nine');
SELECT review('x', lang => 'xx_YY');
SELECT review('unclosed ||x');
SELECT review(NULL) IS NULL AS null_body_gives_null;

-- jsonb input errors.
SELECT '[1,2]'::jsonb::review;
SELECT '{"title": "no body"}'::jsonb::review;
SELECT '{"body": "x", "colour": "red"}'::jsonb::review;
SELECT '{"body": "x", "rating": 5}'::jsonb::review;

-- jsonb cannot carry a NUL byte either (binary input is tested in review_binary).
SELECT '{"body": "a\u0000b"}'::jsonb::review;

-- A value whose printed forms PostgreSQL could not output is refused at input
-- with 54000, before any analysis, whichever way it is built.  Canonical text
-- can be 4 times the input (>!b!< prints as [spoiler]b[/spoiler]), and the
-- jsonb value of review_to_jsonb holds at most 268435455 bytes: 13421772
-- spans print as 268435440 bytes of text, 268435470 of jsonb, 15 too many.
-- Each of these three statements builds 67 MB of input (about 3 s and 500 MB
-- of backend memory); the exact boundary of every form is in the core unit
-- tests (test/unit/test_output_size.c).
SELECT pg_temp.try(repeat('>!b!<', 13421772));
CREATE FUNCTION pg_temp.try_built(body text, how text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	msg text;
	det text;
BEGIN
	IF how = 'review()' THEN
		PERFORM review(body);
	ELSE
		PERFORM jsonb_build_object('body', body)::review;
	END IF;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ' ' || msg || ' | ' || det;
END $$;
SELECT how, pg_temp.try_built(repeat('>!b!<', 13421772), how)
FROM unnest(ARRAY['review()', 'jsonb']) AS how;
-- Far below the limits no count is made; a value that prints 4 times its
-- input is stored and printed in every form.
SELECT length(r::text) AS text, length(review_to_jsonb(r)::text) AS jsonb_text,
       r::text::review = r AS round_trip
FROM (SELECT repeat('>!b!<', 100000)::review AS r) s;

-- Input quoted in a message is cut at a character boundary, never inside a
-- character (which would make the message invalid UTF-8): each message and
-- detail below is checked to be valid UTF-8 (convert_from verifies it).
CREATE FUNCTION pg_temp.try_utf8(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	msg text;
	det text;
BEGIN
	EXECUTE stmt;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ' ' || convert_from(convert_to(msg, 'UTF8'), 'UTF8')
		|| ' | ' || convert_from(convert_to(det, 'UTF8'), 'UTF8');
END $$;
SELECT pg_temp.try_utf8(stmt) FROM (VALUES
	(format('SELECT %L::review', E'---\nrating: ' || repeat('★', 100) || E'\n---\nx')),
	(format('SELECT %L::review', E'---\nrating: 1' || repeat('½', 30) || E'\n---\nx')),
	(format('SELECT %L::review', E'---\nlang: ' || repeat('é', 30) || E'\n---\nx')),
	(format('SELECT review(%L, rating => %L)', 'x', 'x' || repeat('映', 20))),
	(format('SELECT reviewquery(%L, %L)', 'x', repeat('映', 20))),
	(format('SELECT %L::jsonb::review', jsonb_build_object('body', 'x', repeat('é', 30), 'y'))),
	(format('SELECT %L::reviewquery', repeat('映', 30) || ')'))
) AS v(stmt);

-- Malformed and overlong numbers in a rating say so.
SELECT pg_temp.try(E'---\nrating: ' || r || E'\n---\nx') FROM (VALUES
	('1e308/10'), ('4.5.5/5'), ('4/5.0.1'), ('1234567890123/10'), ('99.5.1%'), ('4.5')) v(r);

-- reviewquery limits: a flat chain of any operator is bounded only by the
-- 16,384 items (it used to be refused as "too deeply nested" past 1,024
-- levels); parentheses and ! nest at most 256 deep.
CREATE FUNCTION pg_temp.try_query(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	msg text;
	det text;
	q reviewquery;
BEGIN
	q := t::reviewquery;
	RETURN 'ok, ' || length(q::text) || ' characters, matches w1999: '
		|| (E'a w1999 b'::review @@ q)::text;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ' ' || left(msg, 60) || ' | ' || det;
END $$;
SELECT n, sep, pg_temp.try_query((SELECT string_agg('w' || g, sep) FROM generate_series(1, n) g))
FROM (VALUES (2000, ' | '), (2000, ' & '), (2000, ' '), (8192, ' | '), (8193, ' | ')) v(n, sep);
SELECT pg_temp.try_query('"' || (SELECT string_agg('w' || g, ' ') FROM generate_series(1, 2000) g) || '"');
SELECT pg_temp.try_query(repeat('(', 255) || 'w1999' || repeat(')', 255));
SELECT pg_temp.try_query(repeat('(', 256) || 'w1999' || repeat(')', 256));
SELECT pg_temp.try_query(repeat('(', 257) || 'w1999' || repeat(')', 257));
SELECT pg_temp.try_query(repeat('!', 256) || 'w1999');
SELECT pg_temp.try_query(repeat('!', 257) || 'w1999');
-- Parentheses each holding a chain nest as deep.
SELECT pg_temp.try_query(repeat('x | y | (', 256) || 'w1999' || repeat(')', 256));
SELECT pg_temp.try_query(repeat('(' || (SELECT string_agg('x' || g, ' | ') FROM generate_series(1, 31) g) || ' | ', 255)
                         || 'w1999' || repeat(')', 255));
