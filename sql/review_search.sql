-- reviewquery, keywords, the match operators and the GIN operator class.
SET extra_float_digits = 0;

-- reviewquery: normalized terms, canonical output that re-parses to itself.
SELECT q::reviewquery AS normalized, q::reviewquery::text::reviewquery::text = q::reviewquery::text AS stable
FROM unnest(ARRAY[
	'workers & wealth',
	'class | money & !love',
	'(rich | poor) & working',
	'"the final scene"',
	'"end of the film"',
	'happy*',
	'''exact''',
	'dreaming <2> american',
	'class struggle',
	'well-made',
	'the & and',
	''
]) AS q;
SELECT reviewquery('travailleurs & richesse', 'fr'), reviewquery('Arbeiter | Reichtum', 'de'),
       reviewquery('trabajadores', 'es'), reviewquery('映画館 & 灯台', 'ja');

-- Syntax errors point at the offending character.
CREATE FUNCTION pg_temp.try_query(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	msg text;
	det text;
BEGIN
	PERFORM t::reviewquery;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ' ' || msg || ' | ' || det;
END $$;
SELECT t, pg_temp.try_query(t) FROM unnest(ARRAY[
	'love & ', '(love | war', 'love)', '"unterminated', '''open', '& love', 'love <0> war',
	'* love', '映画 & )', '!', 'a & (b | (c & !))', repeat('(', 300) || 'x' || repeat(')', 300)
]) AS t;
SELECT reviewquery('x', 'not a tag');

-- Keywords: ICU words, NFKC case folding, Snowball stems, no stop words.
SELECT review_keywords('The WORKERS were working; ﬁnally the rich man’s laughter ended.'::review);
SELECT review_keywords(E'---\nlang: fr\n---\nLes travailleurs regardent les riches à la télévision.'::review);
SELECT review_keywords(E'---\nlang: de\n---\nDie Arbeiter träumen vom großen Reichtum.'::review);
-- Japanese, Chinese and Thai are segmented into words, not runs of characters.
SELECT k FROM unnest(review_keywords(E'---\nlang: ja\n---\n彼女は映画館で泣いた。最後に灯台が消える。'::review)) k
WHERE k IN ('彼女', '映画館', '灯台', '最後');
-- Particles and the inflections the segmenter splits off verbs (one hiragana)
-- are not keywords; the words around them are.
SELECT review_keywords(E'---\nlang: ja\n---\n最後に父が亡くなり、娘は海辺の町を去る。'::review);
SELECT bool_and(length(k) < 6) AS no_whole_runs, count(*) > 3 AS several_words
FROM unnest(review_keywords(E'---\nlang: zh\n---\n这部电影讲述了一个工人家庭的故事，最后父亲去世了。'::review)) k;
SELECT count(*) > 3 AS several_words
FROM unnest(review_keywords(E'---\nlang: th\n---\nภาพยนตร์เรื่องนี้เล่าเรื่องครอบครัวคนงาน'::review)) k;

-- The operators.
CREATE TEMP TABLE one AS SELECT
	'The workers were working hard while the rich man laughed at the gala. ||In the end the butler poisons the heir.||'::review AS r;
SELECT r @@ 'worker & rich'::reviewquery AS and_match,
       r @@ 'worker & poor'::reviewquery AS and_miss,
       r @@ 'poor | laughing'::reviewquery AS or_match,
       r @@ '!poor'::reviewquery AS not_match,
       r @@ '"rich man"'::reviewquery AS phrase,
       r @@ '"man rich"'::reviewquery AS phrase_order,
       r @@ 'rich <2> laugh'::reviewquery AS distance,
       r @@ 'labo* | work*'::reviewquery AS prefix,
       r @@ 'workers & wealthy' AS text_query
FROM one;
-- Spoiler-safe matching sees only what redact() leaves.
SELECT r @@ 'poison'::reviewquery AS anywhere, r @@~ 'poison'::reviewquery AS safe,
       r @@~ 'gala'::reviewquery AS safe_visible, r @@~ 'butler | gala' AS safe_text
FROM one;
SELECT r ? 'workers' AS stemmed, r ? 'worker' AS keyword, r ? 'the' AS stop_word,
       r ?| ARRAY['poor', 'gala'] AS any_, r ?& ARRAY['gala', 'poor'] AS all_,
       r ?& ARRAY[]::text[] AS all_of_none, r ?| ARRAY[]::text[] AS any_of_none
FROM one;
-- @@ text parses in the review's language.
SELECT E'---\nlang: fr\n---\nLes travailleurs regardent.'::review @@ 'travailleur' AS fr_stem,
       E'---\nlang: de\n---\nDie Arbeiter träumen.'::review @@ 'Arbeiter & träumen' AS de_stem,
       E'---\nlang: ja\n---\n彼女は映画館で泣いた。'::review @@ '映画館' AS ja_word;

-- Ranking and snippets.
SELECT review_rank(r, 'worker & rich'::reviewquery) > review_rank(r, 'worker'::reviewquery) AS more_terms_rank_higher,
       review_rank(r, 'poor'::reviewquery) AS no_match_is_zero
FROM one;
SELECT review_snippet(r, 'rich'::reviewquery, 8) FROM one;
SELECT review_snippet(r, 'poison | heir'::reviewquery, 8) AS never_shows_spoilers FROM one;

-- Index scans give exactly the rows of a sequential scan, for every operator,
-- on a generated table of a few thousand reviews.
CREATE TABLE gen (id int PRIMARY KEY, r review);
INSERT INTO gen
SELECT i, review(
	(SELECT string_agg(w, ' ') FROM (
		SELECT (ARRAY['worker','workers','wealth','rich','poor','love','family','power','death','dream',
		               'american','final','scene','money','class','struggle','laughing','laughed','film',
		               'the','of','and','hope','grief','labor','labour','working','dreamer'])
		       [1 + (hashint4(i * 31 + k) & 1023) % 28] AS w
		FROM generate_series(1, 12 + i % 9) k) s)
	|| CASE WHEN i % 4 = 0 THEN ' ||the ' || (ARRAY['butler','heir','ghost','twin'])[1 + i % 16 / 4] || ' dies||'
	        WHEN i % 4 = 1 THEN ' [spoiler]money burns[/spoiler] and power'
	        ELSE '' END,
	lang => CASE WHEN i % 25 = 0 THEN 'fr' ELSE 'en' END)
FROM generate_series(1, 4000) i;
INSERT INTO gen SELECT 5000 + i, review(
	(ARRAY['彼女は映画館で泣いた。', '最後に灯台が消える。', '父は工場で働く。', '家族の物語だ。'])[1 + i % 4]
	|| CASE WHEN i % 2 = 0 THEN '||兄が死ぬ。||' ELSE '' END, lang => 'ja')
FROM generate_series(1, 200) i;
CREATE INDEX gen_r_idx ON gen USING gin (r);
ANALYZE gen;

CREATE TEMP TABLE probes (pid serial, op text, arg text);
INSERT INTO probes (op, arg) VALUES
	('@@', '''worker & wealth''::reviewquery'),
	('@@', '''rich | poor''::reviewquery'),
	('@@', '''!love''::reviewquery'),
	('@@', '''!love & !family''::reviewquery'),
	('@@', '''dream & !american''::reviewquery'),
	('@@', '''"american dream"''::reviewquery'),
	('@@', '''"final scene" | "class struggle"''::reviewquery'),
	('@@', '''labo* & work*''::reviewquery'),
	('@@', '''dream*''::reviewquery'),
	('@@', '''butler | heir''::reviewquery'),
	('@@', '''die''::reviewquery'),
	('@@', '''nothingmatches''::reviewquery'),
	('@@', '''''::reviewquery'),
	('@@', '''the''::reviewquery'),
	('@@', '''映画館''::reviewquery'),
	('@@', '''死ぬ''::reviewquery'),
	('@@~', '''die''::reviewquery'),
	('@@~', '''money & power''::reviewquery'),
	('@@~', '''!butler''::reviewquery'),
	('@@~', '''ghost | worker''::reviewquery'),
	('@@~', '''burn*''::reviewquery'),
	('@@', '''workers & laughing''::text'),
	('@@', '''the & love''::text'),
	('@@', '''!the''::text'),
	('@@', '''"american dream"''::text'),
	('@@', '''映画館 & は''::text'),
	('@@', '''家族 | !死ぬ''::text'),
	('@@', '''dream*''::text'),
	('@@~', '''dies | burns''::text'),
	('@@~', '''money''::text'),
	('@@~', '''money <2> power''::reviewquery'),
	('@@~', '''money <4> power''::reviewquery'),
	('@@~', '''dream <2> power | end <2> power''::reviewquery'),
	('@@~', '''"burns and power"''::reviewquery'),
	('@@~', '''wor* <2> power''::reviewquery'),
	('@@~', '''money <2> power''::text'),
	('@@', '''money <2> power''::reviewquery'),
	('?', '''workers''::text'),
	('?', '''worker''::text'),
	('?', '''the''::text'),
	('?', '''ghost''::text'),
	('?|', 'ARRAY[''twin'', ''grief'']'),
	('?|', 'ARRAY[]::text[]'),
	('?&', 'ARRAY[''money'', ''power'', ''hope'']'),
	('?&', 'ARRAY[]::text[]');

CREATE FUNCTION pg_temp.rows_of(op text, arg text) RETURNS int[] LANGUAGE plpgsql AS $$
DECLARE
	res int[];
BEGIN
	EXECUTE format('SELECT coalesce(array_agg(id ORDER BY id), ''{}'') FROM gen WHERE r %s %s', op, arg) INTO res;
	RETURN res;
END $$;

SET enable_seqscan = off;
CREATE TEMP TABLE by_index AS SELECT pid, pg_temp.rows_of(op, arg) AS ids FROM probes;
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE by_seqscan AS SELECT pid, pg_temp.rows_of(op, arg) AS ids FROM probes;
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT p.op, p.arg, cardinality(s.ids) AS rows, i.ids = s.ids AS index_equals_seqscan
FROM probes p JOIN by_index i USING (pid) JOIN by_seqscan s USING (pid) ORDER BY pid;

-- Random phrases with distances under @@ and @@~ (@@~ counts visible words
-- only): the index returns the rows of a sequential scan.
SELECT setseed(0.1010);
CREATE TEMP TABLE phrase_probes AS
SELECT n, op, format('%L::reviewquery', w1 || ' <' || d || '> ' || w2) AS arg
FROM (SELECT n, CASE WHEN n % 2 = 0 THEN '@@' ELSE '@@~' END AS op,
             (ARRAY['money','burns','power','dream','worker','wealth','end','film','rich','love','ghost','die'])[1 + floor(random() * 12)::int] AS w1,
             (ARRAY['money','burns','power','dream','worker','wealth','end','film','rich','love','ghost','die'])[1 + floor(random() * 12)::int] AS w2,
             1 + floor(random() * 6)::int AS d
      FROM generate_series(1, 60) n) g;
SET enable_seqscan = off;
CREATE TEMP TABLE phrase_by_index AS SELECT n, pg_temp.rows_of(op, arg) AS ids FROM phrase_probes;
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE phrase_by_seqscan AS SELECT n, pg_temp.rows_of(op, arg) AS ids FROM phrase_probes;
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT p.op, count(*) AS queries, count(*) FILTER (WHERE cardinality(s.ids) > 0) AS matching_some,
       count(*) FILTER (WHERE i.ids IS DISTINCT FROM s.ids) AS index_differs
FROM phrase_probes p JOIN phrase_by_index i USING (n) JOIN phrase_by_seqscan s USING (n)
GROUP BY p.op ORDER BY p.op;

-- Every operator is served by the index.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r @@ 'worker & wealth'::reviewquery;
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r @@ 'worker & wealth'::text;
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r @@~ 'die'::reviewquery;
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r @@~ 'die'::text;
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r ? 'ghost';
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r ?| ARRAY['twin', 'grief'];
EXPLAIN (COSTS OFF) SELECT id FROM gen WHERE r ?& ARRAY['money', 'power'];
RESET enable_seqscan;

-- The operator class is well formed.
SELECT opcname, amvalidate(oid) FROM pg_opclass WHERE opcname = 'review_ops';

-- Top 5 by rank, with a spoiler-safe snippet.
SELECT id, round(review_rank(r, q)::numeric, 4) AS rank, review_snippet(r, q, 8) AS snippet
FROM gen, reviewquery('american & dream') q
WHERE r @@ q ORDER BY review_rank(r, q) DESC, id LIMIT 5;

DROP TABLE gen;

-- ?| and ?& arrays are bounded like a reviewquery (16,384 items), in the
-- operator and in the index; the words are prepared once per scan and
-- normalized again when the language changes from row to row.
SELECT 'x'::review ?| array_fill('w'::text, ARRAY[16385]);
SELECT 'x'::review ?& array_fill('w'::text, ARRAY[128, 129]);
SELECT 'x'::review ?| array_fill('x'::text, ARRAY[16384]) AS at_the_limit;
CREATE TABLE arr (id int, r review);
INSERT INTO arr SELECT i, CASE WHEN i % 2 = 0
	THEN review('Les marins chantent ' || i, lang => 'fr')
	ELSE review('The sailors are singing ' || i) END
FROM generate_series(1, 40) i;
SELECT id % 2 AS odd, count(*) FILTER (WHERE r ?| ARRAY['marins', NULL, 'singing']) AS any_,
       count(*) FILTER (WHERE r ?& ARRAY['marin', 'chantent']) AS all_fr,
       count(*) FILTER (WHERE r ?& ARRAY['sailor', 'sing', NULL]) AS all_en
FROM arr GROUP BY 1 ORDER BY 1;
SELECT count(*) FILTER (WHERE r ?| w) AS any_, count(*) FILTER (WHERE r ?& w) AS all_
FROM arr, (SELECT array_agg('w' || g) || '{sailors}'::text[] AS w FROM generate_series(1, 16383) g) a;
-- (an array longer than a review's keywords is matched through the review's
-- keywords: literals, single lexemes, and elements of several words)
SELECT id % 2 AS odd, count(*) FILTER (WHERE r ?| (w || '{Sailors}'::text[])) AS literal_or_stem,
       count(*) FILTER (WHERE r ?| (w || '{chantent}'::text[])) AS literal,
       count(*) FILTER (WHERE r ?| (w || '{"sailors singing"}'::text[])) AS two_words,
       count(*) FILTER (WHERE r ?| (w || '{"sailors zebra"}'::text[])) AS two_words_one_absent,
       count(*) FILTER (WHERE r ?| (w || '{"marins chantent", NULL}'::text[])) AS two_words_fr
FROM arr, (SELECT array_agg('w' || g) AS w FROM generate_series(1, 50) g) a GROUP BY 1 ORDER BY 1;
CREATE INDEX ON arr USING gin (r);
SET enable_seqscan = off;
SELECT count(*) FROM arr WHERE r ?| array_fill('w'::text, ARRAY[16385]);
SELECT count(*) FROM arr WHERE r ?| ARRAY['marins', NULL, 'singing'];
SELECT count(*) FROM arr WHERE r ?& ARRAY['sailor', 'sing'];
-- (extractQuery normalizes each word in every language of the index: a
-- smaller array keeps the test fast).  The array is not known when planning:
-- a parameter of a generic plan, printed as $1 by every major (an InitPlan's
-- value prints as $0 before 17 and as (InitPlan 1).col1 from 17 on).
SELECT array_agg('w' || g) || '{sailors}'::text[] AS many_words FROM generate_series(1, 300) g \gset
PREPARE q_many(text[]) AS SELECT count(*) FROM arr WHERE r ?| $1;
SET plan_cache_mode = force_generic_plan;
EXPLAIN (COSTS OFF) EXECUTE q_many(:'many_words');
EXECUTE q_many(:'many_words');
RESET plan_cache_mode;
DEALLOCATE q_many;
SELECT count(*) FROM arr
WHERE r ?| (SELECT array_agg('w' || g) || '{sailors}'::text[] FROM generate_series(1, 300) g);
RESET enable_seqscan;
DROP TABLE arr;
