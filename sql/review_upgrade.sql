-- ALTER EXTENSION pg_review UPDATE from the released 0.1.0: data and a GIN
-- index made under 0.1.0 keep working, the new objects work, and the updated
-- extension is the same, object for object, as a fresh install of the
-- default version; so is 0.2.0 updated.  (Runs last; it leaves a fresh
-- default install behind.)
SET extra_float_digits = 0;

-- Every released version updates to the default one.
SELECT source, target, path FROM pg_extension_update_paths('pg_review')
WHERE path IS NOT NULL ORDER BY 1, 2;
SELECT default_version FROM pg_available_extensions WHERE name = 'pg_review';

-- PostgreSQL 17 and later also record as members of the extension the types
-- that CREATE makes implicitly: the array type of each type and table, and
-- the row type of each table (15 and 16 do not).  Such a type is left out of
-- the fingerprint and the comment check when the object it was made for is
-- itself a member (which the fingerprint describes), so that one expected
-- output holds on every major; an array or row type of an object that is
-- not a member still shows.
CREATE FUNCTION pg_temp.ext_implicit_type(p_classid oid, p_objid oid, p_extoid oid)
RETURNS boolean LANGUAGE sql STABLE AS $it$
	SELECT p_classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND EXISTS (
		SELECT FROM pg_catalog.pg_type t JOIN pg_catalog.pg_depend d
		  ON d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
		 AND d.refobjid = p_extoid AND d.deptype = 'e'
		WHERE t.oid = p_objid
		  AND ((t.typcategory = 'A' AND d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
		        AND d.objid = t.typelem
		        AND (SELECT e.typarray FROM pg_catalog.pg_type e WHERE e.oid = t.typelem) = t.oid)
		    OR (t.typtype = 'c' AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
		        AND d.objid = t.typrelid
		        AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) <> 'c')))
$it$;

-- A description of every object of the extension, independent of OIDs: one
-- row per member (and the extension itself), with everything that CREATE
-- and COMMENT set on it.
CREATE FUNCTION pg_temp.ext_fingerprint()
RETURNS TABLE (object text, detail text)
LANGUAGE sql STABLE AS $fp$
	WITH ext AS (SELECT e.* FROM pg_catalog.pg_extension e WHERE e.extname = 'pg_review'),
	members AS (
		SELECT d.classid, d.objid
		FROM pg_catalog.pg_depend d, ext
		WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
		  AND d.refobjid = ext.oid AND d.deptype = 'e'
		  AND NOT pg_temp.ext_implicit_type(d.classid, d.objid, ext.oid)
	)
	SELECT 'extension pg_review',
	       pg_catalog.format('version=%s relocatable=%s config=%s condition=%s comment=%s',
	                         ext.extversion, ext.extrelocatable,
	                         (SELECT pg_catalog.array_agg(c::pg_catalog.regclass::pg_catalog.text) FROM pg_catalog.unnest(ext.extconfig) c),
	                         ext.extcondition, pg_catalog.obj_description(ext.oid, 'pg_extension'))
	FROM ext
	UNION ALL
	SELECT pg_catalog.pg_describe_object(m.classid, m.objid, 0),
	       CASE m.classid
	       WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN (
	           SELECT pg_catalog.format('kind=%s returns=%s%s args=%s defaults=%s lang=%s volatile=%s parallel=%s strict=%s secdef=%s leakproof=%s cost=%s rows=%s support=%s config=%s bin=%s src=%s comment=%s',
	                  p.prokind, CASE WHEN p.proretset THEN 'setof ' ELSE '' END,
	                  p.prorettype::pg_catalog.regtype,
	                  pg_catalog.pg_get_function_arguments(p.oid),
	                  pg_catalog.pg_get_expr(p.proargdefaults, 0), l.lanname,
	                  p.provolatile, p.proparallel, p.proisstrict, p.prosecdef, p.proleakproof,
	                  p.procost, p.prorows, p.prosupport, p.proconfig, p.probin,
	                  pg_catalog.md5(p.prosrc), pg_catalog.obj_description(p.oid, 'pg_proc'))
	           FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
	           WHERE p.oid = m.objid)
	       WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN (
	           SELECT pg_catalog.format('len=%s byval=%s align=%s storage=%s category=%s in=%s out=%s recv=%s send=%s analyze=%s subscript=%s comment=%s',
	                  t.typlen, t.typbyval, t.typalign, t.typstorage, t.typcategory,
	                  t.typinput, t.typoutput, t.typreceive, t.typsend, t.typanalyze,
	                  t.typsubscript, pg_catalog.obj_description(t.oid, 'pg_type'))
	           FROM pg_catalog.pg_type t WHERE t.oid = m.objid)
	       WHEN 'pg_catalog.pg_operator'::pg_catalog.regclass THEN (
	           SELECT pg_catalog.format('code=%s restrict=%s join=%s commutator=%s negator=%s hashes=%s merges=%s returns=%s comment=%s',
	                  o.oprcode, o.oprrest, o.oprjoin, o.oprcom::pg_catalog.regoperator,
	                  o.oprnegate::pg_catalog.regoperator, o.oprcanhash, o.oprcanmerge,
	                  o.oprresult::pg_catalog.regtype, pg_catalog.obj_description(o.oid, 'pg_operator'))
	           FROM pg_catalog.pg_operator o WHERE o.oid = m.objid)
	       WHEN 'pg_catalog.pg_opclass'::pg_catalog.regclass THEN (
	           SELECT pg_catalog.format('type=%s default=%s storage=%s comment=%s',
	                  c.opcintype::pg_catalog.regtype, c.opcdefault,
	                  c.opckeytype::pg_catalog.regtype, pg_catalog.obj_description(c.oid, 'pg_opclass'))
	           FROM pg_catalog.pg_opclass c WHERE c.oid = m.objid)
	       WHEN 'pg_catalog.pg_opfamily'::pg_catalog.regclass THEN (
	           SELECT pg_catalog.format('operators=%s functions=%s',
	                  (SELECT pg_catalog.string_agg(pg_catalog.format('%s:%s:%s', a.amopstrategy, a.amoppurpose,
	                                                a.amopopr::pg_catalog.regoperator), ' ' ORDER BY a.amopstrategy)
	                   FROM pg_catalog.pg_amop a WHERE a.amopfamily = m.objid),
	                  (SELECT pg_catalog.string_agg(pg_catalog.format('%s:%s', a.amprocnum,
	                                                a.amproc::pg_catalog.regprocedure), ' ' ORDER BY a.amprocnum)
	                   FROM pg_catalog.pg_amproc a WHERE a.amprocfamily = m.objid))
	           FROM pg_catalog.pg_opfamily f WHERE f.oid = m.objid)
	       WHEN 'pg_catalog.pg_cast'::pg_catalog.regclass THEN (
	           SELECT pg_catalog.format('function=%s context=%s method=%s comment=%s',
	                  c.castfunc::pg_catalog.regprocedure, c.castcontext, c.castmethod,
	                  pg_catalog.obj_description(c.oid, 'pg_cast'))
	           FROM pg_catalog.pg_cast c WHERE c.oid = m.objid)
	       WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN (
	           SELECT pg_catalog.format('kind=%s columns=%s constraints=%s indexes=%s comment=%s',
	                  c.relkind,
	                  (SELECT pg_catalog.string_agg(pg_catalog.format('%s %s%s%s%s', a.attname,
	                                                pg_catalog.format_type(a.atttypid, a.atttypmod),
	                                                CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
	                                                ' default ' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid),
	                                                ' -- ' || pg_catalog.col_description(c.oid, a.attnum)),
	                                                ', ' ORDER BY a.attnum)
	                   FROM pg_catalog.pg_attribute a
	                   LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
	                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
	                  (SELECT pg_catalog.string_agg(pg_catalog.pg_get_constraintdef(k.oid), ', '
	                                                ORDER BY pg_catalog.pg_get_constraintdef(k.oid))
	                   -- (18 also records NOT NULL as constraints: the columns say it)
	                   FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid AND k.contype <> 'n'),
	                  (SELECT pg_catalog.string_agg(pg_catalog.pg_get_indexdef(i.indexrelid), ', '
	                                                ORDER BY pg_catalog.pg_get_indexdef(i.indexrelid))
	                   FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid),
	                  pg_catalog.obj_description(c.oid, 'pg_class'))
	           FROM pg_catalog.pg_class c WHERE c.oid = m.objid)
	       ELSE 'unexpected member of catalog ' || m.classid::pg_catalog.regclass::pg_catalog.text
	       END
	FROM members m
$fp$;

-- The released version: no review_stats yet.
DROP EXTENSION pg_review CASCADE;
CREATE EXTENSION pg_review VERSION '0.1.0';
SELECT extversion FROM pg_extension WHERE extname = 'pg_review';
SELECT to_regprocedure('review_stats(review)') IS NULL AS no_review_stats;
CREATE TEMP TABLE fp_010 AS SELECT * FROM pg_temp.ext_fingerprint();
SELECT count(*) AS objects_010 FROM fp_010;
SELECT count(*) AS unexpected FROM fp_010 WHERE detail IS NULL OR detail LIKE 'unexpected%';

-- Data, a GIN index and a user theme row under 0.1.0.
CREATE TABLE upg_reviews (id int PRIMARY KEY, r review NOT NULL);
INSERT INTO upg_reviews
SELECT i, ((CASE i % 4
	WHEN 0 THEN E'---\ntitle: T' || i || E'\nrating: 4/5\n---\n'
	WHEN 1 THEN E'NOTE: This review contains spoilers\n'
	WHEN 2 THEN E'---\nlang: fr\n---\n'
	ELSE '' END) ||
	(SELECT string_agg(
		(ARRAY['The workers strike at dawn.', 'Wealth corrupts the family.',
		       'In the end, the captain dies in the storm and the ship sinks.',
		       '||The butler was the killer all along.||', 'The American dream fades.',
		       'Nice music, weak script.', '>!Everyone drowns in the final scene.!<',
		       'Les ouvriers travaillent.', 'A slow, patient film about grief and the sea.',
		       'Dreaming of money and class.'])[1 + (i * 7 + k * 3) % 10], ' ')
	 FROM generate_series(1, 1 + i % 7) k))::review
FROM generate_series(1, 600) i;
CREATE INDEX upg_reviews_r ON upg_reviews USING gin (r);
INSERT INTO review_theme (theme, keyword, lang, weight) VALUES ('seafaring', 'captain', 'en', 0.8);
ANALYZE upg_reviews;

CREATE TEMP TABLE upg_queries (qid int, q text);
INSERT INTO upg_queries VALUES
	(1, $$r @@ 'worker & wealth'::reviewquery$$),
	(2, $$r @@ 'captain | butler'::reviewquery$$),
	(3, $$r @@~ 'butler | strike'::reviewquery$$),
	(4, $$r @@ '"final scene"'::reviewquery$$),
	(5, $$r @@ 'dream*'::reviewquery$$),
	(6, $$r @@ 'ouvriers'::text$$),
	(7, $$r @@~ 'captain & !music'::text$$),
	(8, $$r ? 'sea'$$),
	(9, $$r ?| ARRAY['grief', 'killer']$$),
	(10, $$r ?& ARRAY['worker', 'dawn']$$),
	(11, $$r @@ theme_query('seafaring')$$),
	(12, $$r @@~ theme_query('class and wealth')$$);

-- Runs each query with the index only (and checks the plan uses it), or
-- with a sequential scan only; returns the matching ids.
CREATE FUNCTION pg_temp.run_queries(use_index bool)
RETURNS TABLE (qid int, ids int[]) LANGUAGE plpgsql AS $$
DECLARE
	x record;
	plan text;
BEGIN
	PERFORM set_config('enable_seqscan', (NOT use_index)::text, true);
	PERFORM set_config('enable_bitmapscan', use_index::text, true);
	PERFORM set_config('enable_indexscan', use_index::text, true);
	FOR x IN SELECT * FROM upg_queries ORDER BY 1 LOOP
		EXECUTE 'EXPLAIN (COSTS OFF) SELECT id FROM upg_reviews WHERE ' || x.q INTO plan;
		IF (plan LIKE '%Bitmap Heap Scan%') IS DISTINCT FROM use_index THEN
			RAISE EXCEPTION 'query % planned as %', x.qid, plan;
		END IF;
		qid := x.qid;
		EXECUTE 'SELECT coalesce(array_agg(id ORDER BY id), ''{}'') FROM upg_reviews WHERE ' || x.q INTO ids;
		RETURN NEXT;
	END LOOP;
END $$;

CREATE TEMP TABLE before_index AS SELECT * FROM pg_temp.run_queries(true);
CREATE TEMP TABLE before_values AS
SELECT id, r::text AS t, review_keywords(r) AS k, redact(r) AS red FROM upg_reviews;
SELECT qid, cardinality(ids) AS matches FROM before_index ORDER BY qid;

-- The update.
ALTER EXTENSION pg_review UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'pg_review';
CREATE TEMP TABLE fp_updated AS SELECT * FROM pg_temp.ext_fingerprint();

-- What 0.2.0 and 0.3.0 changed: review_stats added (0.2.0); review_support
-- added and set as the support function of the five functions with a text or
-- text[] argument and of redact() (0.3.0); the spoiler-safe forms
-- review_keywords_safe, review_rank_safe, review_term_count_safe and
-- review_themes_safe added (0.3.0); spoiler_threshold, the aggregate
-- spoiler_context with its two support functions, spoilers(review, bytea)
-- and redact(review, bytea, text, float4) added (0.3.0); nothing else but
-- the version.
SELECT change, object, regexp_replace(detail, ' comment=.*', '') AS detail FROM (
	SELECT 'added' AS change, * FROM (SELECT * FROM fp_updated EXCEPT SELECT * FROM fp_010) a
	UNION ALL
	SELECT 'removed or changed', * FROM (SELECT * FROM fp_010 EXCEPT SELECT * FROM fp_updated) b) d
ORDER BY 1, 2;

-- Values stored by 0.1.0 read the same, and the index built by 0.1.0
-- returns the same rows as before, and as a sequential scan now.
SELECT count(*) AS rows, count(*) FILTER (WHERE b.t = u.r::text AND b.k = review_keywords(u.r)
                                          AND b.red = redact(u.r) AND u.r = b.t::review) AS unchanged
FROM before_values b JOIN upg_reviews u USING (id);
CREATE TEMP TABLE after_index AS SELECT * FROM pg_temp.run_queries(true);
CREATE TEMP TABLE after_seq AS SELECT * FROM pg_temp.run_queries(false);
SELECT q.qid, b.ids = a.ids AS index_same_as_before, a.ids = s.ids AS index_same_as_seqscan
FROM upg_queries q JOIN before_index b USING (qid) JOIN after_index a USING (qid) JOIN after_seq s USING (qid)
ORDER BY 1;
SELECT opcname, amname, amvalidate(c.oid) AS valid
FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
WHERE opcname IN ('review_ops', 'review_btree_ops', 'review_hash_ops') ORDER BY 1;

-- The new function on values stored by 0.1.0 equals it on freshly parsed ones.
SELECT count(*) AS rows, count(*) FILTER (WHERE review_stats(r) = review_stats(r::text::review)) AS same,
       sum((review_stats(r)).keyword_occurrences) > 0 AS counts_something
FROM upg_reviews;
SELECT * FROM review_stats((SELECT r FROM upg_reviews WHERE id = 3));

-- Writes after the update go through the old index.
INSERT INTO upg_reviews VALUES (1000, 'The lighthouse keeper dreams. ||The keeper is a ghost.||');
SET enable_seqscan = off;
SELECT id FROM upg_reviews WHERE r @@ 'lighthouse' ORDER BY id;
SELECT id FROM upg_reviews WHERE r @@ 'ghost' ORDER BY id;
SELECT id FROM upg_reviews WHERE r @@~ 'ghost' ORDER BY id;
RESET enable_seqscan;

-- User theme rows survive the update and stay theirs.
SELECT theme, keyword, builtin FROM review_theme WHERE theme = 'seafaring';
SELECT pg_get_expr(d.adbin, d.adrelid) AS builtin_default
FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
WHERE d.adrelid = 'review_theme'::regclass AND a.attname = 'builtin';
SELECT count(*) FILTER (WHERE builtin) > 700 AS shipped_themes_kept FROM review_theme;

-- A fresh install of the default version: the same objects as the update
-- (the shipped theme rows too).
CREATE TEMP TABLE themes_updated AS
SELECT theme, keyword, lang, weight, builtin FROM review_theme WHERE builtin;
DROP TABLE upg_reviews;
DROP EXTENSION pg_review;
CREATE EXTENSION pg_review;
SELECT extversion FROM pg_extension WHERE extname = 'pg_review';
CREATE TEMP TABLE fp_fresh AS SELECT * FROM pg_temp.ext_fingerprint();
SELECT count(*) AS objects_updated, (SELECT count(*) FROM fp_fresh) AS objects_fresh FROM fp_updated;
SELECT 'only after update' AS side, * FROM (SELECT * FROM fp_updated EXCEPT SELECT * FROM fp_fresh) a
UNION ALL
SELECT 'only in fresh install', * FROM (SELECT * FROM fp_fresh EXCEPT SELECT * FROM fp_updated) b
ORDER BY 1, 2;
SELECT count(*) AS theme_rows_differing FROM (
	(SELECT theme, keyword, lang, weight, builtin FROM review_theme EXCEPT SELECT * FROM themes_updated)
	UNION ALL
	(SELECT * FROM themes_updated EXCEPT SELECT theme, keyword, lang, weight, builtin FROM review_theme)) d;
SELECT to_regprocedure('review_stats(review)') IS NOT NULL AS has_review_stats;

-- The previous release, 0.2.0, updated: the same as the fresh install too,
-- and different from 0.2.0 only by review_support.
DROP EXTENSION pg_review;
CREATE EXTENSION pg_review VERSION '0.2.0';
CREATE TEMP TABLE fp_020 AS SELECT * FROM pg_temp.ext_fingerprint();
ALTER EXTENSION pg_review UPDATE;
CREATE TEMP TABLE fp_020_updated AS SELECT * FROM pg_temp.ext_fingerprint();
SELECT count(*) AS objects_020, (SELECT count(*) FROM fp_020_updated) AS objects_020_updated FROM fp_020;
SELECT 'only after update' AS side, * FROM (SELECT * FROM fp_020_updated EXCEPT SELECT * FROM fp_fresh) a
UNION ALL
SELECT 'only in fresh install', * FROM (SELECT * FROM fp_fresh EXCEPT SELECT * FROM fp_020_updated) b
ORDER BY 1, 2;
SELECT change, object, substring(detail from 'version=\S+|support=\S+') AS detail FROM (
	SELECT 'added' AS change, * FROM (SELECT * FROM fp_020_updated EXCEPT SELECT * FROM fp_020) a
	UNION ALL
	SELECT 'removed or changed', * FROM (SELECT * FROM fp_020 EXCEPT SELECT * FROM fp_020_updated) b) d
ORDER BY 1, 2;
DROP EXTENSION pg_review;
CREATE EXTENSION pg_review;

-- Every member of the extension has a comment (operator families too).
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS undocumented
FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_review'
WHERE d.deptype = 'e' AND NOT pg_temp.ext_implicit_type(d.classid, d.objid, e.oid)
  AND obj_description(d.objid, (SELECT relname FROM pg_class WHERE oid = d.classid)) IS NULL
ORDER BY 1;

-- A fresh install is the base script (0.1.0) and the chain of update scripts,
-- as for contrib/hstore: no install script is kept per release.  Its whole
-- surface, object by object, is pinned here, so that any change to an object
-- of the extension shows in this file.
SELECT object, detail FROM pg_temp.ext_fingerprint() ORDER BY object COLLATE "C";
