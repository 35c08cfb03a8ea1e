-- Text input and canonical output of the review type.
SET extra_float_digits = 0;

-- Plain text: no front matter, default language.
SELECT 'A slow, patient film about a lighthouse keeper.'::review;
SELECT review_lang(r), review_title(r) IS NULL AS no_title, review_rating(r) IS NULL AS no_rating
FROM (SELECT 'Plain body.'::review AS r) s;

-- Front matter with every key; output keeps a fixed key order.
SELECT E'---\nlang: en-gb\nrating: 8/10\nauthor: M. Okafor\ntitle: The Salt Road\n---\nA caravan crosses the desert.'::review;

-- Accessors.
SELECT review_title(r), review_author(r), review_rating_text(r), review_rating(r),
       review_lang(r), review_body(r)
FROM (SELECT E'---\ntitle: The Salt Road\nauthor: M. Okafor\nrating: 8/10\nlang: en-GB\n---\nA caravan crosses the desert.'::review AS r) s;

-- Ratings: fractions, "out of", percentages, stars, letter grades.
SELECT v AS written, review_rating(('---' || E'\n' || 'rating: ' || v || E'\n---\nx')::review) AS normalized
FROM unnest(ARRAY['4.5/5', '8/10', '86/100', '3 out of 4', '72%', '★★★★½', '★★★☆☆', '★', 'A+', 'A-', 'b', 'C+', 'F']) AS v;

-- Quoted values keep what plain values cannot hold.
SELECT E'---\ntitle: "  Spaces, \\"quotes\\" and a\\nnewline "\n---\nx'::review;
SELECT review_title(E'---\ntitle: "  Spaces, \\"quotes\\" and a\\nnewline "\n---\nx'::review);

-- Blank lines inside front matter are fine; key case does not matter.
SELECT E'---\n\nTitle: Dune\n\nRATING: B+\n---\nSand.'::review;

-- The warning line sets the spoiler flag and is printed canonically.
SELECT E'SPOILERS AHEAD\n\nThe ship never reaches port.'::review;
SELECT E'**Spoiler alert!**\nThe ship never reaches port.'::review;
SELECT has_spoilers(E'Spoiler warning\nThe ship never reaches port.'::review) AS warned,
       has_spoilers('Spoiler-free review: the acting is fine.'::review) AS not_a_warning;
-- Only leading lines are warnings; later ones stay in the body.
SELECT review_body(E'The first act drags.\nSpoilers ahead\nThe ship sinks.'::review);

-- Every spoiler dialect becomes the same value.
SELECT d AS written, r::text AS canonical, review_body(r) AS body
FROM (VALUES
	('Early on >!the mentor betrays them!< in the rain.'),
	('Early on ||the mentor betrays them|| in the rain.'),
	('Early on [spoiler]the mentor betrays them[/spoiler] in the rain.'),
	('Early on [SPOILER]the mentor betrays them[/Spoiler] in the rain.'),
	('Early on (view spoiler)[the mentor betrays them(hide spoiler)] in the rain.'),
	('Early on <spoiler>the mentor betrays them</spoiler> in the rain.'),
	('Early on <span class="spoiler">the mentor betrays them</span> in the rain.'),
	('Early on <span class=''hidden spoiler''>the mentor betrays them</span> in the rain.'),
	('Early on <details>the mentor betrays them</details> in the rain.'),
	('Early on !!the mentor betrays them!! in the rain.')
) AS v(d), LATERAL (SELECT d::review AS r) x;
SELECT count(DISTINCT d::review) AS distinct_values
FROM (VALUES
	('Early on >!the mentor betrays them!< in the rain.'),
	('Early on ||the mentor betrays them|| in the rain.'),
	('Early on (view spoiler)[the mentor betrays them(hide spoiler)] in the rain.'),
	('Early on !!the mentor betrays them!! in the rain.')
) AS v(d);

-- Labels: [spoiler=label] and <details><summary>.
SELECT 'Act one is quiet. [spoiler=Act 3]The lighthouse burns.[/spoiler]'::review;
SELECT '<details><summary>Ending</summary>She stays on the island.</details> A fine film.'::review;

-- Mixed dialects in one review.
SELECT E'NOTE: This review contains spoilers\nThe heist works ||until the driver panics||, and >!the money burns!<. [spoiler]Nobody wins.[/spoiler] Great score.'::review;

-- Nesting flattens to the outermost span.
SELECT 'x ||a >!b!< c|| y [spoiler]p [spoiler]q[/spoiler] r[/spoiler] z'::review;

-- Text that merely looks like markup stays text.
SELECT v, review_body(v::review) = v AS body_unchanged, v::review::text AS canonical,
       v::review::text::review = v::review AS reparses_equal
FROM unnest(ARRAY['Wow!! What a finale.', 'Best film of the year!!!', 'I <3 it, wow!<3',
                  'a <span style="color:red">red</span> word', 'C:\films\list.txt',
                  '(view spoiler) without a bracket', 'x > ! y']) AS v;

-- Backslash escapes a marker character; output escapes what would parse as markup.
SELECT E'Type \\|| for or, \\[spoiler] for tags, \\\\ for a backslash.'::review;
SELECT review_body(E'Type \\|| for or, \\[spoiler] for tags, \\\\ for a backslash.'::review);

-- out(in(x)) re-parses to an equal value, and printing it again is stable.
WITH inputs(t) AS (VALUES
	(E'---\ntitle: T\nrating: 3 out of 4\nlang: fr-CA\n---\nAlerte spoiler\nIl part. ||Elle reste.||'),
	(E'A ||\\\\|| B'),
	(E'Ends with a backslash \\'),
	(E'---\nauthor: x\n---\n---\nThe body starts with a rule.'),
	('<details><summary>Twist</summary>It was a dream.</details>'),
	(E'Line one.\n\n  Indented second paragraph with !!a spoiler!!.'))
SELECT t::review::text::review = t::review AS reparses_equal,
       t::review::text = t::review::text::review::text AS stable
FROM inputs;

-- Leading blank lines and trailing white space are not part of the body.
SELECT length(review_body(E'\n\n  \nBody.  \n\n'::review)) AS body_length;

-- Casts.
SELECT 'cast'::text::review;
SELECT ('x ||y||'::review)::text;
