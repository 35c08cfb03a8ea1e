-- Reviews in several languages: metadata, multi-byte markup, sentences.
SET extra_float_digits = 0;

-- Japanese: front matter, warning line, spoiler markup in multi-byte text.
SELECT E'---\ntitle: 港の灯\nrating: ★★★★☆\nlang: ja\n---\nネタバレ注意\n静かな港町の物語だ。||最後に灯台守が海に消える。||映像がとても美しい。'::review;
SELECT review_lang(r), review_rating(r), has_spoilers(r), review_body(r)
FROM (SELECT E'---\nlang: ja\n---\n静かな港町の物語だ。||最後に灯台守が海に消える。||映像がとても美しい。'::review AS r) s;

-- French with accents, and a French warning line.
SELECT E'---\ntitle: Les Écluses\nlang: fr\nrating: 16/20\n---\nAttention spoilers\nUn été à Saint-Malo. >!Élodie quitte la ville à la fin.!< Très belle photographie.'::review;
SELECT review_body(E'---\nlang: fr\n---\nUn été à Saint-Malo. >!Élodie quitte la ville.!< Très beau.'::review);

-- German, Spanish and a region/script subtag.
SELECT review_lang(E'---\nlang: de-at\n---\nDer Film ist großartig. [spoiler]Die Fähre sinkt.[/spoiler]'::review),
       review_lang(E'---\nlang: ES-419\n---\nLa película es lenta. ¡||El perro sobrevive||!'::review),
       review_lang(E'---\nlang: zh-hant-tw\n---\n這部電影很美。'::review);

-- Canonical output re-parses to an equal value in every language.
WITH inputs(t) AS (VALUES
	(E'---\nlang: ja\n---\n物語は静かに始まる。||彼女は死ぬ。||'),
	(E'---\nlang: fr\n---\nÇa commence doucement. (view spoiler)[Il meurt.(hide spoiler)]'),
	(E'---\nlang: de\n---\nÜberraschend gut. <spoiler>Der Bruder war es.</spoiler>'),
	(E'---\nlang: th\n---\nภาพยนตร์เรื่องนี้ดีมาก ||ตอนจบเศร้า||'),
	(E'---\nlang: zh\n---\n电影很好看。!!最后他死了。!!'))
SELECT review_lang(t::review), t::review::text::review = t::review AS round_trip FROM inputs;

-- Elisions are split off the word they lean on (French, Italian, Catalan,
-- Irish; ' or U+2019), as PostgreSQL's parser does: "L'amour" is the keyword
-- amour, the elided word is no keyword but keeps its word number.
CREATE TEMP TABLE elided(id int, r review);
INSERT INTO elided VALUES
	(1, E'---\nlang: fr\n---\nL''amour et d''émotions, jusqu’au bout.'),
	(2, E'---\nlang: it\n---\nDell''anima e nell’ombra, quest''uomo e l''amore.'),
	(3, E'---\nlang: ca\n---\nL''amor i d''emocions.'),
	(4, E'The lover''s l''amour.'),
	(5, E'---\nlang: fr-CA\n---\nAujourd''hui, >!l''assassin!< meurt d''amour.'),
	(6, E'---\nlang: fr\n---\nQu''il aime l’amour.');
SELECT id, review_keywords(r) FROM elided ORDER BY id;
SELECT to_tsvector('french', 'L''amour et d''émotions, jusqu’au bout.') AS french_tsvector;
-- Query terms are normalized the same way, in the query's language.
SELECT reviewquery('l''amour', 'fr') AS fr, reviewquery('d’émotions', 'fr') AS fr_typographic,
       reviewquery('dell''anima', 'it') AS it, reviewquery('l''amor', 'ca') AS ca,
       reviewquery('l''amour', 'en') AS en;
CREATE TEMP TABLE elision_probes(pid int, q reviewquery);
INSERT INTO elision_probes VALUES
	(1, reviewquery('amour', 'fr')), (2, reviewquery('l''amour', 'fr')),
	(3, reviewquery('émotions', 'fr')), (4, reviewquery('"et d''émotions"', 'fr')),
	(5, reviewquery('"amour et d''émotions"', 'fr')), (6, reviewquery('anima & ombra & uomo', 'it')),
	(7, reviewquery('l''amore', 'it')), (8, reviewquery('emocions', 'ca')),
	(9, reviewquery('assassin', 'fr')), (10, reviewquery('"aime l''amour"', 'fr')),
	(11, reviewquery('aime <2> amour', 'fr')), (12, 'l''amour'::reviewquery);
CREATE FUNCTION pg_temp.elided_ids(q reviewquery, safe bool) RETURNS int[] LANGUAGE sql AS
$$ SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM elided
   WHERE CASE WHEN safe THEN r @@~ q ELSE r @@ q END $$;
CREATE TEMP TABLE elision_seq AS
	SELECT pid, pg_temp.elided_ids(q, false) AS ids, pg_temp.elided_ids(q, true) AS safe_ids
	FROM elision_probes;
CREATE INDEX ON elided USING gin (r);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM elided WHERE r @@ reviewquery('amour', 'fr');
CREATE TEMP TABLE elision_idx AS
	SELECT pid, pg_temp.elided_ids(q, false) AS ids, pg_temp.elided_ids(q, true) AS safe_ids
	FROM elision_probes;
RESET enable_seqscan;
SELECT p.pid, p.q, s.ids, s.safe_ids, i.ids = s.ids AND i.safe_ids = s.safe_ids AS index_equals_seqscan
FROM elision_probes p JOIN elision_seq s USING (pid) JOIN elision_idx i USING (pid) ORDER BY pid;
-- The text operators normalize in each review's language.
SELECT id, r @@ 'amour'::text AS amour, r ? 'amour' AS has_amour FROM elided ORDER BY id;
