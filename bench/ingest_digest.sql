-- Run by bench/ingest.sql (and alone by DIGEST=1 bench/ingest.sh).
-- A digest of what the values of both corpora hold (keywords, their
-- counts, sentence scores, redaction, a rank and a snippet, which read the
-- positions): a change meant to make ingest faster must leave it as it was.
SELECT c AS corpus, md5(string_agg(concat_ws('|', review_keywords(r)::text, review_stats(r)::text,
								 spoiler_score(r)::text,
								 (SELECT string_agg(score::text, ',') FROM review_sentences(r)),
								 redact(r), review_rank(r, 'film | famili | 映画')::text,
								 review_snippet(r, 'film | famili', 8)), E'\n' ORDER BY id)) AS output_digest
FROM (SELECT 'en' AS c, id, review(body, lang => lang) AS r FROM corpus_en
	  UNION ALL
	  SELECT 'mixed', id, review(body, lang => lang) FROM corpus_mix) v
GROUP BY c ORDER BY c;
