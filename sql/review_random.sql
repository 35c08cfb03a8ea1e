-- Thousands of random and mutated inputs through review_in, reviewquery_in
-- and review_recv: each either succeeds or raises a clean ERROR with one of
-- the documented SQLSTATEs; the backend never dies.
SELECT setseed(0.4242);

CREATE TEMP TABLE fragments (f text);
INSERT INTO fragments VALUES
	('||'), ('>!'), ('!<'), ('!!'), ('[spoiler]'), ('[/spoiler]'), ('[spoiler='), (']'),
	('(view spoiler)['), ('(hide spoiler)]'), ('<spoiler>'), ('</spoiler>'),
	('<span class="spoiler">'), ('<span>'), ('</span>'), ('<details>'), ('<summary>'),
	('</summary>'), ('</details>'), ('\'), ('\\'), (E'\n'), (E'\r\n'), ('---'), (E'---\n'),
	('title: '), ('rating: '), ('lang: '), ('author: '), ('4.5/5'), ('★★★½'), ('A-'),
	('ja'), ('fr-CA'), ('"'), (''''), ('Spoilers ahead'), ('NOTE: This review contains spoilers'),
	('the'), ('worker'), ('dies'), ('In the end,'), ('.'), (' '), ('映画'), ('。'), ('é'),
	('ภาพยนตร์'), ('&'), ('|'), ('!'), ('('), (')'), ('*'), ('<->'), ('<2>'), ('<0>'), ('x');

CREATE FUNCTION pg_temp.random_text(n int) RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(f, '') FROM (
		SELECT (SELECT f FROM fragments OFFSET floor(random() * 58)::int LIMIT 1) AS f
		FROM generate_series(1, n)) s
$$;

CREATE FUNCTION pg_temp.classify(kind text, input text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	IF kind = 'review' THEN
		PERFORM input::review;
	ELSE
		PERFORM input::reviewquery;
	END IF;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;

CREATE TEMP TABLE outcomes AS
SELECT 'review' AS kind, pg_temp.classify('review', pg_temp.random_text(1 + (random() * 30)::int)) AS outcome
FROM generate_series(1, 3000)
UNION ALL
SELECT 'reviewquery', pg_temp.classify('reviewquery', pg_temp.random_text(1 + (random() * 12)::int))
FROM generate_series(1, 3000);

SELECT kind, count(*) AS inputs,
       count(*) FILTER (WHERE outcome = 'ok') > 0 AS some_accepted,
       count(*) FILTER (WHERE outcome <> 'ok') > 0 AS some_rejected,
       bool_and(outcome IN ('ok', '22P02', '22021', '54000')) AS only_clean_outcomes
FROM outcomes GROUP BY kind ORDER BY kind;

-- Mutated binary input through review_recv (binary COPY of a bytea field).
CREATE TEMP TABLE raw_bytes (b bytea);
CREATE TEMP TABLE recv_target (r review);
CREATE FUNCTION pg_temp.recv(bytes bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	f text := '/tmp/pg_review_random_' || pg_backend_pid() || '.raw';
BEGIN
	TRUNCATE raw_bytes;
	INSERT INTO raw_bytes VALUES (bytes);
	EXECUTE format('COPY raw_bytes TO %L (FORMAT binary)', f);
	TRUNCATE recv_target;
	EXECUTE format('COPY recv_target FROM %L (FORMAT binary)', f);
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;
CREATE FUNCTION pg_temp.mutate(b bytea, flips int) RETURNS bytea LANGUAGE plpgsql AS $$
BEGIN
	FOR i IN 1..flips LOOP
		b := set_byte(b, floor(random() * length(b))::int, floor(random() * 256)::int);
	END LOOP;
	IF random() < 0.2 THEN
		b := substr(b, 1, floor(random() * length(b))::int);
	END IF;
	RETURN b;
END $$;
CREATE TEMP TABLE seeds AS SELECT review_send(r) AS b FROM (VALUES
	(E'---\ntitle: T\nrating: 4/5\nlang: fr\n---\nSpoilers ahead\nUn ||deux|| trois.'::review),
	('plain text'::review),
	(E'---\nlang: ja\n---\n映画だ。[spoiler=x]死ぬ。[/spoiler]終わり。'::review)) v(r);
CREATE TEMP TABLE recv_outcomes AS
SELECT pg_temp.recv(pg_temp.mutate(b, 1 + (random() * 3)::int)) AS outcome
FROM seeds, generate_series(1, 400);
SELECT count(*) AS inputs,
       count(*) FILTER (WHERE outcome <> 'ok') > 0 AS some_rejected,
       bool_and(outcome IN ('ok', '22P03', '54000')) AS only_clean_outcomes
FROM recv_outcomes;
-- Remove the file the server wrote.
COPY (SELECT 1) TO PROGRAM 'cat >/dev/null; rm -f /tmp/pg_review_random_$PPID.raw';
