-- Spoilers, detection and redaction.
SET extra_float_digits = 0;
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixtures :abs_srcdir '/data/fixture_reviews.sql'
\i :fixtures

-- spoilers(): marked spans (score 1) and detected sentences, in body order.
SELECT id, start, len, source, content FROM fixtures, spoilers(r)
WHERE source = 'markup' ORDER BY id, start;
-- Offsets are characters of review_body, also for multi-byte text.
SELECT id, bool_and(substr(review_body(r), start + 1, len) = content) AS offsets_are_characters
FROM fixtures, spoilers(r) GROUP BY id ORDER BY id;
SELECT start, len, content FROM spoilers(E'---\nlang: ja\n---\n雪の駅。||駅長が死ぬ。||終わり。'::review);

-- Detection on unmarked text: an ending revealed, and an opinion.
SELECT sentence, score >= 0.5 AS detected
FROM review_sentences('The acting is wonderful and the music is lovely. In the end, the detective turns out to be the killer and dies in the fire.'::review)
ORDER BY start;
SELECT id, source, content FROM fixtures, spoilers(r) WHERE source = 'detected' ORDER BY id, start;

-- Scores are in [0,1]; sentences are stored at input.
SELECT bool_and(score >= 0 AND score <= 1) AS scores_in_range, count(*) > 30 AS many_sentences
FROM fixtures, review_sentences(r);
SELECT bool_and(spoiler_score(r) BETWEEN 0 AND 1) AS review_scores_in_range FROM fixtures;
SELECT spoiler_score('The beekeepers are kind people and the hives are lovely.'::review)
     < spoiler_score('In the end, the beekeeper dies and his son burns the hives.'::review) AS spoiler_review_scores_higher;

-- has_spoilers: marked spans, the warning line, or detected sentences.
SELECT id, has_spoilers(r) FROM fixtures ORDER BY id;

-- redact(): masks, threshold semantics, collapsing.
SELECT id, redact(r) FROM fixtures ORDER BY id;
SELECT redact('Start. ||One.|| ||Two.|| End.'::review, '[spoiler]', 1) AS adjacent_masks_collapse;
SELECT redact('Start. ||One.|| Middle. ||Two.|| End.'::review, '▇', 1) AS custom_mask;
SELECT redact(r, '[hidden]', 1) AS marked_only,
       redact(r, '[hidden]', 0) AS everything
FROM (SELECT 'The acting is fine. In the end, the detective turns out to be the killer and dies. ||The dog lives.||'::review AS r) s;
SELECT redact('x'::review, '', -0.1);
SELECT redact('x'::review, '', 1.5);
SELECT redact('x'::review, '', 'NaN');
SELECT redact(E'---\nlang: ja\n---\n雪の駅。||駅長が死ぬ。||終わり。'::review);
-- A short verdict after a marked spoiler is not masked by proximity alone.
SELECT redact('A film. ||She leaves.|| Fine.'::review) AS short_verdict_kept;
SELECT sentence, score < 0.5 AS below_threshold
FROM review_sentences('A film. ||She leaves.|| Fine.'::review);
-- A longer review with a warning line: the set-up and the commentary about
-- work are not masked, the ending is (issue 14: they used to score as high).
SELECT source, content FROM spoilers(E'NOTE: This review contains spoilers\nHarbour Lights follows a night-shift nurse in a port town who is good at her job and knows it. From the first scene it is clear that she can calm a whole ward with a look. The film is really about how little we pay the people who hold a city together, and it never lets us forget it. We all depend on work that nobody sees. In the last act her brother is arrested for the warehouse fire, and she testifies against him. The photography of the harbour at dawn is gorgeous.'::review)
ORDER BY start;

-- Threshold presets: spoiler-averse masks more than the default.
SELECT spoiler_threshold('default') AS default_threshold,
       spoiler_threshold('marked-only') AS marked_only,
       spoiler_threshold('spoiler-averse') > 0 AND
       spoiler_threshold('spoiler-averse') < spoiler_threshold('default') AS averse_is_lower;
SELECT count(*) FILTER (WHERE redact(r, '[spoiler]', spoiler_threshold('spoiler-averse'))
                              = redact(r, '[spoiler]', spoiler_threshold('spoiler-averse'))) AS stable,
       bool_and(length(redact(r, '', spoiler_threshold('spoiler-averse'))) <= length(redact(r, ''))) AS averse_hides_at_least_as_much,
       bool_and(redact(r, '[spoiler]', spoiler_threshold('marked-only')) = redact(r, '[spoiler]', 1)) AS marked_only_is_1
FROM fixtures;
SELECT spoiler_threshold('paranoid');

-- Item context: the marked spoilers of other reviews of a title raise the
-- sentences that use their words; a review without marks alone changes
-- nothing marked, and the context keeps no text.
CREATE TABLE title_reviews (id int, title text, r review);
INSERT INTO title_reviews VALUES
(1, 'Salt and Iron', 'A grey drama. ||Magnus sinks the trawler for the insurance money.|| Lovely.'),
(2, 'Salt and Iron', 'The sea is cold. ||In the end Magnus drowns when the trawler goes down.||'),
(3, 'Salt and Iron', 'The photography of the grey sea is stunning. The cast is fine.'),
(4, 'Salt and Iron', 'A patient film. Magnus and the trawler go down together. The score is lovely.'),
(5, 'Other', 'A bright musical. The songs are catchy.');
CREATE TEMP TABLE ctx AS
SELECT title, spoiler_context(r) AS c FROM title_reviews WHERE id <> 4 GROUP BY title;
SELECT title, substr(c, 1, 4) AS magic, length(c) > 16 AS has_words,
       position('Magnus'::bytea IN c) = 0 AS no_text_kept
FROM ctx ORDER BY title;
-- Neither the review alone nor with its title's context passes the default
-- threshold; what the spoiler-averse preset masks without and with it (two
-- marks are thin evidence: make eval measures contexts on held-out pages).
SELECT (SELECT count(*) FROM spoilers(r)) AS detected_without,
       (SELECT count(*) FROM spoilers(r, (SELECT c FROM ctx WHERE title = 'Salt and Iron'))) AS detected_with,
       redact(r, '[spoiler]', spoiler_threshold('spoiler-averse')) AS averse_without_context,
       redact(r, (SELECT c FROM ctx WHERE title = 'Salt and Iron'), '[spoiler]',
              spoiler_threshold('spoiler-averse')) AS averse_with_context
FROM title_reviews WHERE id = 4;
-- A title whose reviews have no marked spoilers: its context has no
-- evidence, so spoilers(r, ctx) and redact(r, ctx, ...) give exactly what
-- spoilers(r) and redact(r, ...) give.
CREATE TEMP TABLE new_title AS
SELECT 'A quiet film about a lighthouse keeper. In the end he dies and his son burns the lighthouse down. Fine.'::review AS r;
SELECT (SELECT array_agg(s ORDER BY s.start) FROM spoilers(r) s) IS NOT DISTINCT FROM
       (SELECT array_agg(s ORDER BY s.start)
        FROM spoilers(r, (SELECT c FROM ctx WHERE title = 'Other')) s) AS unmarked_context_is_default,
       (SELECT count(*) FROM spoilers(r)) AS detected,
       (SELECT bool_and(redact(r, (SELECT c FROM ctx WHERE title = 'Other'), '[spoiler]', t)
                        = redact(r, '[spoiler]', t))
        FROM unnest(ARRAY[0.05, spoiler_threshold('spoiler-averse'), 0.5, 0.9]::real[]) t) AS redact_is_default
FROM new_title;
-- Two marks do not lift the sentence that uses their words to the default
-- threshold, but they are used: some threshold masks differently.
SELECT (SELECT score FROM spoilers(r, (SELECT c FROM ctx WHERE title = 'Salt and Iron')) s
        WHERE content LIKE 'Magnus%') IS NULL AS not_detected_at_default,
       (SELECT bool_or(redact(r, (SELECT c FROM ctx WHERE title = 'Salt and Iron'), '', t / 100.0)
                       <> redact(r, '', t / 100.0))
        FROM generate_series(1, 99) t) AS context_changes_scores
FROM title_reviews WHERE id = 4;
-- Another title's context does not raise it.
SELECT redact(r, (SELECT c FROM ctx WHERE title = 'Other'), '[spoiler]',
              spoiler_threshold('spoiler-averse')) AS other_title
FROM title_reviews WHERE id = 4;
-- With a context the neighbours raise only a sentence that narrates: the
-- short verdict next to a marked spoiler stays (issue 14).
SELECT redact('A film. ||She leaves.|| Fine.'::review, (SELECT c FROM ctx WHERE title = 'Salt and Iron'),
              '[spoiler]', 0.5) AS short_verdict_kept_with_context;
-- Marked spans stay masked with any context, at any threshold.
SELECT bool_and(position('[spoiler]' IN redact(t.r, c.c, '[spoiler]', 1)) > 0) AS marked_kept
FROM title_reviews t JOIN ctx c USING (title) WHERE t.id IN (1, 2);
-- A context is checked and read once per call site while it stays the
-- same: a large stored context and contexts that change from row to row
-- give what a fresh copy of each gives (and the context changes the masking
-- at some threshold, so that the comparison is not vacuous).
CREATE TEMP TABLE big_ctx AS
SELECT title, spoiler_context(r) AS c
FROM (SELECT title, r FROM title_reviews
      UNION ALL
      SELECT 'Salt and Iron', review(format('Part %s. ||Magnus w%s the trawler w%s.|| Calm w%s.',
                                            g, translate(md5(g::text), '0123456789', 'ghijklmnop'),
                                            translate(md5((g + 1)::text), '0123456789', 'ghijklmnop'),
                                            translate(md5((g + 2)::text), '0123456789', 'ghijklmnop')))
      FROM generate_series(1, 2000) g) t
GROUP BY title;
SELECT title, octet_length(c) > 8192 AS toasted FROM big_ctx ORDER BY title;
SELECT count(*) AS reviews,
       bool_and(redact(t.r, b.c, '#', 0.2) = redact(t.r, b.c || ''::bytea, '#', 0.2)) AS same_as_fresh_copy,
       bool_and((SELECT array_agg(s ORDER BY s.start) FROM spoilers(t.r, b.c) s) IS NOT DISTINCT FROM
                (SELECT array_agg(s ORDER BY s.start) FROM spoilers(t.r, b.c || ''::bytea) s)) AS spoilers_same,
       count(*) FILTER (WHERE EXISTS (SELECT FROM generate_series(1, 9) k
                                      WHERE redact(t.r, b.c, '#', k / 10.0) <> redact(t.r, '#', k / 10.0))) > 0
         AS context_matters
FROM (SELECT * FROM title_reviews, generate_series(1, 3) ORDER BY random()) t JOIN big_ctx b USING (title);
SELECT redact('x'::review, '\x00'::bytea, '', 0.5);
SELECT redact('x'::review, (SELECT c FROM ctx WHERE title = 'Other'), '', 1.5);
SELECT spoiler_context(r) IS NULL AS empty_is_null FROM title_reviews WHERE false;
DROP TABLE title_reviews;

-- Never leak: every word that occurs only inside what redact() hides is absent
-- from redact(), from spoiler-safe search (@@~) and from snippets.  The visible
-- text is computed here independently, from review_body() and spoilers().
CREATE FUNCTION pg_temp.visible_text(r review) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	b text := review_body(r);
	s record;
BEGIN
	FOR s IN SELECT * FROM spoilers(r) LOOP
		b := overlay(b PLACING repeat(' ', s.len) FROM s.start + 1 FOR s.len);
	END LOOP;
	RETURN b;
END $$;
CREATE TEMP TABLE secret_words AS
SELECT f.id, w
FROM fixtures f,
     LATERAL (SELECT DISTINCT unnest(review_keywords(review(sp.content, lang => review_lang(f.r)))) AS w
              FROM spoilers(f.r) sp) m
WHERE NOT w = ANY (review_keywords(review(pg_temp.visible_text(f.r), lang => review_lang(f.r))));
SELECT count(*) > 40 AS enough_secret_words, count(DISTINCT id) AS reviews_with_secrets FROM secret_words;
SELECT f.id, s.w AS leaked_by_redact
FROM fixtures f JOIN secret_words s USING (id)
WHERE s.w = ANY (review_keywords(review(redact(f.r, ' '), lang => review_lang(f.r))));
SELECT f.id, s.w AS leaked_by_safe_search
FROM fixtures f JOIN secret_words s USING (id)
WHERE f.r @@~ reviewquery('''' || replace(s.w, '''', '''''') || '''', review_lang(f.r));
SELECT f.id, s.w AS leaked_by_snippet
FROM fixtures f JOIN secret_words s USING (id)
WHERE s.w = ANY (review_keywords(review(
	replace(replace(replace(review_snippet(f.r, reviewquery('''' || replace(s.w, '''', '''''') || '''', review_lang(f.r)), 50),
	'<b>', ''), '</b>', ''), '[spoiler]', ' '), lang => review_lang(f.r))));
-- ... while plain search does see them.
SELECT count(*) = (SELECT count(*) FROM secret_words) AS plain_search_finds_all
FROM fixtures f JOIN secret_words s USING (id)
WHERE f.r @@ reviewquery('''' || replace(s.w, '''', '''''') || '''', review_lang(f.r));

DROP TABLE fixtures;

-- Spoiler-safe forms: what redact() hides does not count, and positions and
-- distances are in visible words.  Reviews 1 to 3 show the same text
-- (review 3 without a mask): the safe rank is the same, review_rank is not.
CREATE TABLE vis (id int, r review);
INSERT INTO vis VALUES
	(1, 'The captain sails home. >!The captain dies at sea.!< The captain waves.'),
	(2, 'The captain sails home. >!Nobody really survives it in the end, it was him all along.!< The captain waves.'),
	(3, 'The captain sails home. The captain waves.'),
	(4, 'The captain >!of the ship!< waves goodbye.'),
	(5, 'The captain >!and the!< waves goodbye to the sea.'),
	(6, 'The captain waves goodbye to the sea.');
SELECT id, redact(r), round(review_rank(r, 'captain & wave')::numeric, 6) AS rank,
       round(review_rank_safe(r, 'captain & wave')::numeric, 6) AS rank_safe,
       round(review_rank_safe(r, 'captain <-> wave')::numeric, 6) AS phrase_rank_safe,
       round(review_rank_safe(r, 'cap* | sea')::numeric, 6) AS prefix_rank_safe
FROM vis ORDER BY id;
SELECT q::text, count(DISTINCT review_rank_safe(r, q)) AS safe_ranks, count(DISTINCT review_rank(r, q)) AS ranks
FROM vis, unnest(ARRAY['captain'::reviewquery, 'captain & wave', 'captain <-> wave', 'sail & wave', 'cap*']) q
WHERE id <= 3 GROUP BY q::text ORDER BY q::text;
-- Only visible occurrences count: a term seen only in a spoiler ranks 0.
SELECT id, review_rank(r, 'die | ship'), review_rank_safe(r, 'die | ship') FROM vis ORDER BY id;
-- Under @@~, ORDER BY review_rank_safe puts no row first for what it hides.
SELECT id FROM vis WHERE r @@~ 'captain'::reviewquery
ORDER BY review_rank_safe(r, 'captain') DESC, id;
-- Keywords and term counts.
SELECT id, review_keywords(r), review_keywords_safe(r) FROM vis ORDER BY id;
SELECT id, review_term_count(r, 'captain') AS n, review_term_count_safe(r, 'captain') AS n_safe,
       review_term_count(r, 'captain waves') AS phrase, review_term_count_safe(r, 'captain waves') AS phrase_safe
FROM vis ORDER BY id;
-- Distances under @@~ count visible words: "The captain [spoiler] waves"
-- has captain and waves adjacent; hidden words, stop words too, make no
-- distance.
SELECT id, r @@ 'captain <-> wave'::reviewquery AS adjacent, r @@~ 'captain <-> wave'::reviewquery AS adjacent_safe,
       r @@ 'captain <4> wave'::reviewquery AS four, r @@~ 'captain <4> wave'::reviewquery AS four_safe,
       r @@~ 'captain <-> wave'::text AS text_safe, r @@~ '"captain waves goodbye"'::reviewquery AS phrase_safe
FROM vis ORDER BY id;
-- The same through a GIN index.
CREATE INDEX ON vis USING gin (r);
SET enable_seqscan = off;
SELECT array_agg(id ORDER BY id) FROM vis WHERE r @@~ 'captain <-> wave'::reviewquery;
SELECT array_agg(id ORDER BY id) FROM vis WHERE r @@~ 'captain <4> wave'::reviewquery;
SELECT array_agg(id ORDER BY id) FROM vis WHERE r @@~ 'captain <-> wave'::text;
RESET enable_seqscan;
DROP TABLE vis;
