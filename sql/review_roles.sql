-- A role that may only read reviews through a spoiler-safe view and a
-- spoiler-safe search function cannot recover spoiler text (marked here, in
-- two dialects; review_spoilers checks the detected ones).
CREATE TABLE secret_reviews (id int PRIMARY KEY, r review);
INSERT INTO secret_reviews VALUES
	(1, 'A slow drama about a harbour town. ||The harbourmaster drowns the smuggler Vekko.|| Lovely score.'),
	(2, 'A comedy about a bakery. [spoiler]In the end, the baker poisons the critic Orlanda and wins the prize.[/spoiler] Bright colours.');
CREATE VIEW safe_reviews AS SELECT id, redact(r) AS body FROM secret_reviews;
CREATE FUNCTION safe_search(q text) RETURNS TABLE (id int, body text)
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog
	AS $$ SELECT id, redact(r) FROM secret_reviews WHERE r @@~ q ORDER BY id $$;
CREATE ROLE regress_spoiler_free_reader;
REVOKE ALL ON secret_reviews FROM PUBLIC;
GRANT SELECT ON safe_reviews TO regress_spoiler_free_reader;
REVOKE ALL ON FUNCTION safe_search(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION safe_search(text) TO regress_spoiler_free_reader;

SET ROLE regress_spoiler_free_reader;
SELECT * FROM safe_reviews ORDER BY id;
-- The stored values are out of reach.
SELECT r FROM secret_reviews;
SELECT review_body(r) FROM secret_reviews;
-- Search only sees what the reader may see.
SELECT * FROM safe_search('harbour');
SELECT * FROM safe_search('vekko | orlanda | drown | poison');
SELECT * FROM safe_search('"harbourmaster drowns"');
SELECT count(*) AS spoiler_words_found
FROM unnest(ARRAY['harbourmaster', 'drowns', 'smuggler', 'vekko', 'poisons', 'critic', 'orlanda', 'prize']) w,
     safe_search(w);
-- pg_review functions applied to what the role can read reveal nothing more.
SELECT review_keywords(replace(body, '[spoiler]', ' ')::review) FROM safe_reviews ORDER BY id;
RESET ROLE;

DROP FUNCTION safe_search(text);
DROP VIEW safe_reviews;
DROP TABLE secret_reviews;
DROP ROLE regress_spoiler_free_reader;
