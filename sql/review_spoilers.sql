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
