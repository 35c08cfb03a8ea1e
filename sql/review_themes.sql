-- The theme lexicon, theme_query() and review_themes().
SELECT count(DISTINCT theme) >= 20 AS enough_themes FROM review_theme WHERE lang = 'en';
SELECT theme, count(*) >= 30 AS dozens_of_keywords
FROM review_theme WHERE lang = 'en' GROUP BY theme ORDER BY theme;
SELECT lang, count(DISTINCT theme) AS themes FROM review_theme GROUP BY lang ORDER BY lang;
SELECT bool_and(builtin) AS shipped_rows_marked FROM review_theme;

-- theme_query expands a theme into an indexable query.
SELECT 'The workers at the factory went on strike for fair wages.'::review @@ theme_query('work and labor') AS work,
       'The workers at the factory went on strike for fair wages.'::review @@ theme_query('love and romance') AS love,
       E'---\nlang: fr\n---\nLes ouvriers de l''usine font grève.'::review @@ theme_query('work and labor', 'fr') AS work_fr;
SELECT theme_query('no such theme');
SELECT theme_query('work and labor', 'xx');

-- Users extend the lexicon.
INSERT INTO review_theme (theme, keyword, lang, weight) VALUES
	('seafaring', 'lighthouse', 'en', 1), ('seafaring', 'ferry', 'en', 0.8), ('seafaring', 'harbour', 'en', 0.8);
SELECT 'The old ferry leaves the harbour at dawn.'::review @@ theme_query('seafaring') AS seafaring;
SELECT builtin FROM review_theme WHERE theme = 'seafaring' LIMIT 1;

-- review_themes scores every theme the review touches.
SELECT theme, round(score::numeric, 3) AS score
FROM review_themes('The ferry workers lose their jobs; the lighthouse keeper drowns in the harbour. His family grieves.'::review)
ORDER BY score DESC, theme LIMIT 5;
SELECT count(*) AS themes_of_plain_text FROM review_themes('Nice.'::review);
DELETE FROM review_theme WHERE theme = 'seafaring';

-- review_themes_safe scores only what redact() shows.
SELECT redact(r), (SELECT array_agg(theme ORDER BY theme) FROM review_themes(r)) AS themes,
       (SELECT array_agg(theme ORDER BY theme) FROM review_themes_safe(r)) AS themes_safe
FROM (VALUES ('The ferry workers sing. >!The lighthouse keeper drowns in the harbour and his family grieves.!<'::review),
             ('The ferry workers sing.'::review)) v(r);
SELECT (SELECT array_agg(theme || ':' || round(score::numeric, 3) ORDER BY theme) FROM review_themes_safe(a)) =
       (SELECT array_agg(theme || ':' || round(score::numeric, 3) ORDER BY theme) FROM review_themes_safe(b)) AS same_visible_same_themes
FROM (VALUES ('The ferry workers sing. ||The keeper drowns; his family grieves.|| The harbour is calm.'::review,
              'The ferry workers sing. ||It was a dream all along.|| The harbour is calm.'::review)) v(a, b);
