-- review_stats(review) (new in 0.2.0): counts read from the stored analysis.

-- Hand-checked values.
SELECT replace(t, E'\n', '\n') AS input, (review_stats(t::review)).*
FROM unnest(ARRAY[
	'Fine.',
	'The workers and the workers.',
	'Great cast. ||The butler did it.|| Nice music.',
	'a ||b|| c >!d!< e [spoiler]f[/spoiler] g',
	E'NOTE: This review contains spoilers\nA slow start.',
	'Ça été une très belle soirée.',
	E'---\nlang: ja\n---\n彼女は映画館で泣いた。とても良い映画だった。'
]) AS t;

-- A detected spoiler sentence hides its keywords from spoiler-free readers.
SELECT (s).spoiler_sentences, (s).marked_spoilers, (s).keywords, (s).keyword_occurrences,
       (s).hidden_occurrences
FROM (SELECT review_stats(E'A gentle family drama about three sisters. The performances are warm. In the end, the eldest sister dies in the fire and the others sell the land to the developer.'::review) AS s) x;

-- NULL in, NULL out (STRICT); usable in WHERE and ORDER BY.
SELECT review_stats(NULL::review) IS NULL AS null_is_null;

-- On varied reviews every field agrees with the functions it summarizes.
CREATE TEMP TABLE stats_src AS
SELECT i, (CASE i % 5
	WHEN 0 THEN E'---\ntitle: T' || i || E'\nrating: 3/4\n---\n'
	WHEN 1 THEN E'NOTE: This review contains spoilers\n'
	WHEN 2 THEN E'---\nlang: fr\n---\n'
	ELSE '' END) ||
	(SELECT string_agg(
		(ARRAY['The workers strike at dawn.', 'Wealth corrupts the family.',
		       'In the end, the captain dies in the storm and the ship sinks.',
		       '||The butler was the killer all along.||', 'It turns out she was his mother.',
		       'Nice music, weak script.', '>!Everyone drowns.!<', 'Les ouvriers travaillent.',
		       'A slow, patient film about grief.', 'Wow!! Great.'])[1 + (i * 7 + k * 3) % 10], ' ')
	 FROM generate_series(1, 1 + i % 9) k) AS t
FROM generate_series(1, 200) i;
CREATE TEMP TABLE stats_rv AS SELECT i, t::review AS r FROM stats_src;

SELECT count(*) AS reviews,
	count(*) FILTER (WHERE (s).characters = length(review_body(r))) AS characters_ok,
	count(*) FILTER (WHERE (s).sentences = (SELECT count(*) FROM review_sentences(r))) AS sentences_ok,
	count(*) FILTER (WHERE (s).spoiler_sentences =
		(SELECT count(*) FROM review_sentences(r) x WHERE x.score >= 0.5)) AS spoiler_sentences_ok,
	count(*) FILTER (WHERE (s).marked_spoilers =
		(SELECT count(*) FROM spoilers(r) x WHERE x.source = 'markup')) AS marked_ok,
	count(*) FILTER (WHERE (s).keywords = cardinality(review_keywords(r))) AS keywords_ok,
	count(*) FILTER (WHERE (s).keyword_occurrences >= (s).keywords
	                   AND (s).hidden_occurrences <= (s).keyword_occurrences) AS bounds_ok,
	-- nothing hidden: the spoiler-safe match sees every keyword
	count(*) FILTER (WHERE (s).hidden_occurrences = 0 AND (s).keywords > 0 AND NOT
		r @@~ array_to_string(ARRAY(SELECT quote_literal(k) FROM unnest(review_keywords(r)) k), ' & ')::reviewquery)
		AS unhidden_not_found,
	count(*) FILTER (WHERE (s).hidden_occurrences > 0) AS with_hidden,
	count(*) FILTER (WHERE (s).marked_spoilers > 0) AS with_marked
FROM (SELECT r, review_stats(r) AS s FROM stats_rv) x;

-- Keyword occurrences: the term counts of the review's words add up.
SELECT (review_stats(r)).keyword_occurrences,
       (SELECT sum(review_term_count(r, w)) FROM unnest(ARRAY['worker', 'strike', 'dawn']) w) AS term_counts
FROM (SELECT 'The workers strike at dawn. Workers! Strike!'::review AS r) x;

-- Usable in queries over a table: the longest spoiler-free reviews.
SELECT i, (review_stats(r)).characters
FROM stats_rv
WHERE (review_stats(r)).hidden_occurrences = 0 AND NOT has_spoilers(r)
ORDER BY 2 DESC, 1 LIMIT 3;

-- The markings are the declared ones.
SELECT p.oid::regprocedure, p.provolatile, p.proparallel, p.proisstrict,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p WHERE p.proname = 'review_stats';

DROP TABLE stats_src, stats_rv;
