/*
 * pg_review 0.2.0 -> 0.3.0
 *
 * 0.3.0 adds review_support(internal), the planner support function of the
 * operators with a text or text[] right-hand side and of redact(), and
 * keyword statistics: review_typanalyze(internal) for ANALYZE and
 * review_matchsel, the restriction selectivity of the search operators.  Like the
 * install script, every reference is qualified with @extschema@ or
 * pg_catalog.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_review UPDATE TO '0.3.0'" to load this file. \quit

-- A planner support function for the functions with a text or text[]
-- argument, which ignore collation: it drops their input collation so that
-- postgres_fdw ships them, and turns a function-form call of an operator
-- into the operator (which can use the GIN index).
CREATE FUNCTION @extschema@.review_support(pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'review_support'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_support(pg_catalog.internal) IS
'planner support of @@ text, @@~ text, ?, ?|, ?& and redact(): the same call without input collation (they ignore it), so postgres_fdw can ship it; a function-form call of an operator becomes the operator';

ALTER FUNCTION @extschema@.review_match_text(@extschema@.review, pg_catalog.text)
	SUPPORT @extschema@.review_support;
ALTER FUNCTION @extschema@.review_match_text_safe(@extschema@.review, pg_catalog.text)
	SUPPORT @extschema@.review_support;
ALTER FUNCTION @extschema@.review_exists(@extschema@.review, pg_catalog.text)
	SUPPORT @extschema@.review_support;
ALTER FUNCTION @extschema@.review_exists_any(@extschema@.review, pg_catalog.text[])
	SUPPORT @extschema@.review_support;
ALTER FUNCTION @extschema@.review_exists_all(@extschema@.review, pg_catalog.text[])
	SUPPORT @extschema@.review_support;
ALTER FUNCTION @extschema@.redact(@extschema@.review, pg_catalog.text, pg_catalog.float4)
	SUPPORT @extschema@.review_support;

-- Keyword statistics for the planner: ANALYZE gathers the most common
-- keywords of review columns, and the search operators estimate from them
-- (they used contsel, a constant 0.1%).  Run ANALYZE after the update.
CREATE FUNCTION @extschema@.review_typanalyze(pg_catalog.internal)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'review_typanalyze'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_typanalyze(pg_catalog.internal) IS
'ANALYZE support: gathers the most common keywords of a review column (as GIN keys: spoiler-only ones with a leading \x01) for review_matchsel';
ALTER TYPE @extschema@.review SET (ANALYZE = @extschema@.review_typanalyze);

-- Review values are kept in the row (STORAGE main) rather than out of line:
-- pglz gives up on most of them (the keyword section ahead of the body does
-- not compress by a quarter), so under "extended" a value over 2 kB went to
-- TOAST uncompressed, and every redact(), snippet or body read paid a TOAST
-- index probe and chunk fetches.  Values that do not fit a page still go out
-- of line.  Only columns created from now on take the new default; existing
-- ones keep theirs (ALTER TABLE ... ALTER COLUMN ... SET STORAGE MAIN, then
-- rewrite the rows, moves them).
ALTER TYPE @extschema@.review SET (STORAGE = main);

CREATE FUNCTION @extschema@.review_matchsel(pg_catalog.internal, pg_catalog.oid, pg_catalog.internal, pg_catalog.int4)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'review_matchsel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_matchsel(pg_catalog.internal, pg_catalog.oid, pg_catalog.internal, pg_catalog.int4) IS
'restriction selectivity of @@, @@~, ?, ?| and ?& from the most common keywords that ANALYZE gathered';

ALTER OPERATOR @extschema@.@@ (@extschema@.review, @extschema@.reviewquery)
	SET (RESTRICT = @extschema@.review_matchsel);
ALTER OPERATOR @extschema@.@@ (@extschema@.review, pg_catalog.text)
	SET (RESTRICT = @extschema@.review_matchsel);
ALTER OPERATOR @extschema@.@@~ (@extschema@.review, @extschema@.reviewquery)
	SET (RESTRICT = @extschema@.review_matchsel);
ALTER OPERATOR @extschema@.@@~ (@extschema@.review, pg_catalog.text)
	SET (RESTRICT = @extschema@.review_matchsel);
ALTER OPERATOR @extschema@.? (@extschema@.review, pg_catalog.text)
	SET (RESTRICT = @extschema@.review_matchsel);
ALTER OPERATOR @extschema@.?| (@extschema@.review, pg_catalog.text[])
	SET (RESTRICT = @extschema@.review_matchsel);
ALTER OPERATOR @extschema@.?& (@extschema@.review, pg_catalog.text[])
	SET (RESTRICT = @extschema@.review_matchsel);

-- Spoiler-safe forms of the functions that list or score keywords: they see
-- only what redact() shows (hidden occurrences do not count; positions and
-- distances are in visible words).
CREATE FUNCTION @extschema@.review_keywords_safe(@extschema@.review) RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'review_keywords_safe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_keywords_safe(@extschema@.review) IS
'the keywords a spoiler-free reader sees (an occurrence outside what redact() hides), sorted';
CREATE FUNCTION @extschema@.review_rank_safe(@extschema@.review, @extschema@.reviewquery) RETURNS pg_catalog.float4
AS 'MODULE_PATHNAME', 'review_rank_safe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_rank_safe(@extschema@.review, @extschema@.reviewquery) IS
'review_rank as a spoiler-free reader sees the review (use with @@~): only visible occurrences count, positions, proximity and length in visible words';
CREATE FUNCTION @extschema@.review_term_count_safe(@extschema@.review, pg_catalog.text) RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'review_term_count_safe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_term_count_safe(@extschema@.review, pg_catalog.text) IS
'review_term_count counting only what redact() shows: visible occurrences, a phrase''s words in visible words';
CREATE FUNCTION @extschema@.review_themes_safe(r @extschema@.review, OUT theme pg_catalog.text, OUT score pg_catalog.float4)
RETURNS SETOF record
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	-- Keywords that normalize alike ("worker", "workers") count once.
	WITH kw AS (
		SELECT t.theme, max(t.weight) AS weight, min(t.keyword) AS keyword
		  FROM @extschema@.review_theme t
		 WHERE t.lang = lower(split_part(@extschema@.review_lang(r), '-', 1))
		 GROUP BY t.theme, @extschema@.reviewquery(t.keyword, @extschema@.review_lang(r))::text
	)
	SELECT kw.theme,
		   (1 - exp(-sum(kw.weight * ln(1 + c.n))))::pg_catalog.float4
	  FROM kw, LATERAL (SELECT @extschema@.review_term_count_safe(r, kw.keyword) AS n) c
	 WHERE c.n > 0
	 GROUP BY kw.theme
	 ORDER BY 2 DESC, 1
$$;
COMMENT ON FUNCTION @extschema@.review_themes_safe(@extschema@.review) IS
'review_themes from what a spoiler-free reader sees: words that redact() hides do not count';

-- BM25 ranking with corpus statistics -------------------------------------
--
-- review_bm25query: a reviewquery with the statistics of the corpus it is
-- ranked against (rows, average word count, document frequency of each
-- positive term).  review_bm25(r, bq) is a pure function of its arguments;
-- review_bm25_query(q, table) reads the statistics that
-- review_corpus_track(table) keeps, in review_corpus_stats: rows are only
-- ever inserted (one per keyword a statement changes, by statement-level
-- triggers with transition tables), so writers never wait on each other and
-- a snapshot sees exactly the statistics of the rows it sees.

CREATE TYPE @extschema@.review_bm25query;

CREATE FUNCTION @extschema@.review_bm25query_in(pg_catalog.cstring)
RETURNS @extschema@.review_bm25query
AS 'MODULE_PATHNAME', 'review_bm25query_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.review_bm25query_out(@extschema@.review_bm25query)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'review_bm25query_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.review_bm25query_recv(pg_catalog.internal)
RETURNS @extschema@.review_bm25query
AS 'MODULE_PATHNAME', 'review_bm25query_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.review_bm25query_send(@extschema@.review_bm25query)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'review_bm25query_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.review_bm25query (
	INTERNALLENGTH = variable,
	INPUT = @extschema@.review_bm25query_in,
	OUTPUT = @extschema@.review_bm25query_out,
	RECEIVE = @extschema@.review_bm25query_recv,
	SEND = @extschema@.review_bm25query_send,
	ALIGNMENT = int4,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.review_bm25query IS
'a reviewquery with the corpus statistics BM25 ranks by (rows, average length, document frequency of each positive term); made by review_bm25_query()';
COMMENT ON FUNCTION @extschema@.review_bm25query_in(pg_catalog.cstring) IS
'input of review_bm25query: {"query": ..., "safe": ..., "rows": ..., "avgdl": ..., "df": [{"term": ..., "prefix": ..., "df": ...}]}';
COMMENT ON FUNCTION @extschema@.review_bm25query_out(@extschema@.review_bm25query) IS
'output of review_bm25query, as a JSON object';
COMMENT ON FUNCTION @extschema@.review_bm25query_recv(pg_catalog.internal) IS
'binary input of review_bm25query (its text form)';
COMMENT ON FUNCTION @extschema@.review_bm25query_send(@extschema@.review_bm25query) IS
'binary output of review_bm25query (its text form)';

CREATE FUNCTION @extschema@.review_bm25(@extschema@.review, @extschema@.review_bm25query)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'review_bm25'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_bm25(@extschema@.review, @extschema@.review_bm25query) IS
'BM25 score (k1 1.2, b 0.75, Lucene''s idf, first-mention evidence) of a review under the statistics in the query; higher is better; with a safe query only what redact() shows counts';

CREATE FUNCTION @extschema@.review_bm25_distance(@extschema@.review, @extschema@.review_bm25query)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'review_bm25_distance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_bm25_distance(@extschema@.review, @extschema@.review_bm25query) IS
'-review_bm25(r, bq): the distance of r <#> bq, smaller is better';

CREATE OPERATOR @extschema@.<#> (
	LEFTARG = @extschema@.review, RIGHTARG = @extschema@.review_bm25query,
	FUNCTION = @extschema@.review_bm25_distance
);
COMMENT ON OPERATOR @extschema@.<#> (@extschema@.review, @extschema@.review_bm25query) IS
'BM25 distance, -review_bm25(r, bq); ORDER BY r <#> bq LIMIT k is answered from a review_rum_ops index';

CREATE FUNCTION @extschema@.reviewquery_terms(q @extschema@.reviewquery,
	OUT term pg_catalog.text, OUT prefix pg_catalog.bool)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'reviewquery_terms'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION @extschema@.reviewquery_terms(@extschema@.reviewquery) IS
'the distinct terms of a query outside any NOT (those a ranking scores), with whether each is a prefix';

CREATE FUNCTION @extschema@.review_corpus_terms(r @extschema@.review,
	OUT keyword pg_catalog.text, OUT docs pg_catalog.int4, OUT docs_visible pg_catalog.int4,
	OUT words pg_catalog.int8, OUT words_visible pg_catalog.int8)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'review_corpus_terms'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.review_corpus_terms(@extschema@.review) IS
'what a review adds to the corpus statistics: a row per keyword (docs_visible 1 when a spoiler-free reader sees it) and a row with keyword '''' for its word counts';

-- Which columns are tracked, and their statistics (deltas, folded by
-- review_corpus_compact).  Dumped with their rows.  Row security lets a
-- role read the statistics of the columns it may read only (a keyword that
-- occurs only inside spoilers is itself a spoiler), add deltas for the
-- tables it may write (the triggers run as the writer), and delete them for
-- the tables it may truncate or owns (TRUNCATE, compaction, rebuilding).
CREATE TABLE @extschema@.review_corpus_columns (
	relid pg_catalog.regclass NOT NULL,
	attname pg_catalog.name NOT NULL,
	PRIMARY KEY (relid, attname)
);
COMMENT ON TABLE @extschema@.review_corpus_columns IS
'the review columns whose corpus statistics review_corpus_stats keeps (review_corpus_track)';

CREATE TABLE @extschema@.review_corpus_stats (
	relid pg_catalog.regclass NOT NULL,
	attname pg_catalog.name NOT NULL,
	keyword pg_catalog.text COLLATE "C" NOT NULL,
	ndocs pg_catalog.int8 NOT NULL,
	ndocs_visible pg_catalog.int8 NOT NULL,
	nwords pg_catalog.int8 NOT NULL,
	nwords_visible pg_catalog.int8 NOT NULL
);
CREATE INDEX review_corpus_stats_key ON @extschema@.review_corpus_stats (relid, attname, keyword);
COMMENT ON TABLE @extschema@.review_corpus_stats IS
'corpus statistics of tracked review columns, as deltas: per keyword the rows having it (and having it where a spoiler-free reader sees it); keyword '''': rows and word counts; sum the rows of a keyword';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.review_corpus_columns', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.review_corpus_stats', '');
REVOKE ALL ON @extschema@.review_corpus_columns, @extschema@.review_corpus_stats FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON @extschema@.review_corpus_columns, @extschema@.review_corpus_stats TO PUBLIC;
ALTER TABLE @extschema@.review_corpus_columns ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.review_corpus_stats ENABLE ROW LEVEL SECURITY;
CREATE POLICY review_corpus_columns_read ON @extschema@.review_corpus_columns FOR SELECT
	USING (pg_catalog.has_column_privilege(relid, attname, 'SELECT') OR
		   pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = relid), 'USAGE'));
CREATE POLICY review_corpus_columns_add ON @extschema@.review_corpus_columns FOR INSERT
	WITH CHECK (pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = relid), 'USAGE'));
CREATE POLICY review_corpus_columns_remove ON @extschema@.review_corpus_columns FOR DELETE
	USING (pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = relid), 'USAGE'));
CREATE POLICY review_corpus_stats_read ON @extschema@.review_corpus_stats FOR SELECT
	USING (pg_catalog.has_column_privilege(relid, attname, 'SELECT') OR
		   pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = relid), 'USAGE'));
CREATE POLICY review_corpus_stats_add ON @extschema@.review_corpus_stats FOR INSERT
	WITH CHECK (pg_catalog.has_table_privilege(relid, 'INSERT, UPDATE, DELETE'));
CREATE POLICY review_corpus_stats_remove ON @extschema@.review_corpus_stats FOR DELETE
	USING (pg_catalog.has_table_privilege(relid, 'TRUNCATE') OR
		   pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = relid), 'USAGE'));

-- The column a call names, or the only tracked column of rel; checks that
-- the caller may read it (or, with owner, owns the table).
CREATE FUNCTION @extschema@.review_corpus_column(rel pg_catalog.regclass, att pg_catalog.name, owner pg_catalog.bool)
RETURNS pg_catalog.name
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	a name := att;
	n int;
BEGIN
	IF owner AND NOT pg_has_role((SELECT relowner FROM pg_class WHERE oid = rel), 'USAGE') THEN
		RAISE EXCEPTION 'must be owner of table %', rel USING ERRCODE = 'insufficient_privilege';
	ELSIF NOT owner AND NOT has_any_column_privilege(rel, 'SELECT') THEN
		RAISE EXCEPTION 'permission denied for table %', rel USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF a IS NULL THEN
		SELECT min(c.attname), count(*) INTO a, n
		FROM @extschema@.review_corpus_columns c WHERE c.relid = rel;
		IF n = 0 THEN
			RAISE EXCEPTION 'table % has no tracked review column', rel
				USING ERRCODE = 'object_not_in_prerequisite_state',
				HINT = format('Track one with SELECT review_corpus_track(%L, column).', rel::text);
		ELSIF n > 1 THEN
			RAISE EXCEPTION 'table % has % tracked review columns', rel, n
				USING ERRCODE = 'ambiguous_parameter', HINT = 'Name the column.';
		END IF;
	ELSIF NOT EXISTS (SELECT FROM @extschema@.review_corpus_columns c
					  WHERE c.relid = rel AND c.attname = a) THEN
		RAISE EXCEPTION 'column % of table % is not tracked', a, rel
			USING ERRCODE = 'object_not_in_prerequisite_state',
			HINT = format('Track it with SELECT review_corpus_track(%L, %L).', rel::text, a);
	END IF;
	IF NOT owner AND NOT has_column_privilege(rel, a, 'SELECT') THEN
		RAISE EXCEPTION 'permission denied for column % of table %', a, rel
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN a;
END $$;
COMMENT ON FUNCTION @extschema@.review_corpus_column(pg_catalog.regclass, pg_catalog.name, pg_catalog.bool) IS
'internal: the tracked review column a call of the corpus functions means, after checking the caller''s privileges';

-- The statement-level trigger of a tracked column: what the statement's
-- rows add (new rows) and take away (old rows), one delta row per keyword.
CREATE FUNCTION @extschema@.review_corpus_trigger()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	att name := TG_ARGV[0];
	src text;
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		DELETE FROM @extschema@.review_corpus_stats WHERE relid = TG_RELID AND attname = att;
		RETURN NULL;
	END IF;
	src := CASE TG_OP
		WHEN 'INSERT' THEN format('SELECT 1 AS sign, %I AS r FROM review_corpus_new', att)
		WHEN 'DELETE' THEN format('SELECT -1 AS sign, %I AS r FROM review_corpus_old', att)
		ELSE format('SELECT 1 AS sign, %1$I AS r FROM review_corpus_new UNION ALL SELECT -1, %1$I FROM review_corpus_old', att)
	END;
	EXECUTE format($q$
		INSERT INTO @extschema@.review_corpus_stats
		SELECT $1, $2, t.keyword, sum(d.sign * t.docs), sum(d.sign * t.docs_visible),
			   sum(d.sign * t.words), sum(d.sign * t.words_visible)
		FROM (%s) d CROSS JOIN LATERAL @extschema@.review_corpus_terms(d.r) t
		GROUP BY t.keyword
		HAVING sum(d.sign * t.docs) <> 0 OR sum(d.sign * t.docs_visible) <> 0 OR
			   sum(d.sign * t.words) <> 0 OR sum(d.sign * t.words_visible) <> 0$q$, src)
	USING TG_RELID::regclass, att;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION @extschema@.review_corpus_trigger() IS
'internal: the statement-level trigger that keeps the corpus statistics of a tracked review column';

CREATE FUNCTION @extschema@.review_corpus_rebuild(rel pg_catalog.regclass, att pg_catalog.name DEFAULT NULL)
RETURNS pg_catalog.int8
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	a name := @extschema@.review_corpus_column(rel, att, true);
	n int8;
BEGIN
	-- no write may run its trigger between the count and the delete
	EXECUTE format('LOCK TABLE %s IN SHARE MODE', rel);
	DELETE FROM @extschema@.review_corpus_stats WHERE relid = rel AND attname = a;
	EXECUTE format($q$
		INSERT INTO @extschema@.review_corpus_stats
		SELECT $1, $2, t.keyword, sum(t.docs), sum(t.docs_visible), sum(t.words), sum(t.words_visible)
		FROM %s d CROSS JOIN LATERAL @extschema@.review_corpus_terms(d.%I) t
		GROUP BY t.keyword$q$, rel, a)
	USING rel, a;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END $$;
COMMENT ON FUNCTION @extschema@.review_corpus_rebuild(pg_catalog.regclass, pg_catalog.name) IS
'counts the corpus statistics of a tracked review column again with one scan (after writes that skipped triggers); returns the keywords counted';

CREATE FUNCTION @extschema@.review_corpus_track(rel pg_catalog.regclass, att pg_catalog.name DEFAULT NULL)
RETURNS pg_catalog.int8
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	a name := att;
	n int;
	t text;
BEGIN
	IF NOT pg_has_role((SELECT relowner FROM pg_class WHERE oid = rel), 'USAGE') THEN
		RAISE EXCEPTION 'must be owner of table %', rel USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF (SELECT relkind FROM pg_class WHERE oid = rel) NOT IN ('r', 'p') THEN
		RAISE EXCEPTION '% is not a table', rel USING ERRCODE = 'wrong_object_type';
	END IF;
	IF a IS NULL THEN
		SELECT min(attname), count(*) INTO a, n FROM pg_attribute
		WHERE attrelid = rel AND attnum > 0 AND NOT attisdropped
		  AND atttypid = '@extschema@.review'::regtype;
		IF n <> 1 THEN
			RAISE EXCEPTION 'table % has % review columns', rel, n
				USING ERRCODE = 'ambiguous_parameter', HINT = 'Name the column to track.';
		END IF;
	ELSIF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = rel AND attname = a
					  AND attnum > 0 AND NOT attisdropped
					  AND atttypid = '@extschema@.review'::regtype) THEN
		RAISE EXCEPTION 'table % has no review column %', rel, a USING ERRCODE = 'undefined_column';
	END IF;
	IF EXISTS (SELECT FROM @extschema@.review_corpus_columns WHERE relid = rel AND attname = a) THEN
		RAISE NOTICE 'column % of table % is already tracked', a, rel;
		RETURN 0;
	END IF;
	-- statistics left by a dropped table whose OID came back
	DELETE FROM @extschema@.review_corpus_stats WHERE relid = rel AND attname = a;
	INSERT INTO @extschema@.review_corpus_columns VALUES (rel, a);
	FOREACH t IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
		EXECUTE format('CREATE TRIGGER %I AFTER %s ON %s REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.review_corpus_trigger(%L)',
					   left('review_corpus_' || a, 50) || '_' || lower(t), t, rel,
					   CASE t WHEN 'INSERT' THEN 'NEW TABLE AS review_corpus_new'
					   WHEN 'DELETE' THEN 'OLD TABLE AS review_corpus_old'
					   ELSE 'OLD TABLE AS review_corpus_old NEW TABLE AS review_corpus_new' END, a);
	END LOOP;
	EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.review_corpus_trigger(%L)',
				   left('review_corpus_' || a, 50) || '_truncate', rel, a);
	RETURN @extschema@.review_corpus_rebuild(rel, a);
END $$;
COMMENT ON FUNCTION @extschema@.review_corpus_track(pg_catalog.regclass, pg_catalog.name) IS
'keeps corpus statistics (for review_bm25_query) of a review column from now on: counts them with one scan and adds statement-level triggers; returns the keywords counted';

CREATE FUNCTION @extschema@.review_corpus_untrack(rel pg_catalog.regclass, att pg_catalog.name DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	a name := @extschema@.review_corpus_column(rel, att, true);
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['insert', 'update', 'delete', 'truncate'] LOOP
		EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', left('review_corpus_' || a, 50) || '_' || t, rel);
	END LOOP;
	DELETE FROM @extschema@.review_corpus_stats WHERE relid = rel AND attname = a;
	DELETE FROM @extschema@.review_corpus_columns WHERE relid = rel AND attname = a;
END $$;
COMMENT ON FUNCTION @extschema@.review_corpus_untrack(pg_catalog.regclass, pg_catalog.name) IS
'stops keeping the corpus statistics of a review column: drops its triggers and statistics';

CREATE FUNCTION @extschema@.review_corpus_compact(rel pg_catalog.regclass, att pg_catalog.name DEFAULT NULL)
RETURNS pg_catalog.int8
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	a name := @extschema@.review_corpus_column(rel, att, true);
	removed int8;
BEGIN
	-- One statement: a concurrent compaction folds only the rows it deleted
	-- itself, and writers keep inserting deltas meanwhile.
	WITH d AS (
		DELETE FROM @extschema@.review_corpus_stats s
		WHERE s.relid = rel AND s.attname = a RETURNING s.*
	), f AS (
		INSERT INTO @extschema@.review_corpus_stats
		SELECT rel, a, d.keyword, sum(d.ndocs), sum(d.ndocs_visible), sum(d.nwords), sum(d.nwords_visible)
		FROM d GROUP BY d.keyword
		HAVING sum(d.ndocs) <> 0 OR sum(d.ndocs_visible) <> 0 OR sum(d.nwords) <> 0 OR sum(d.nwords_visible) <> 0
		RETURNING 1
	)
	SELECT (SELECT count(*) FROM d) - (SELECT count(*) FROM f) INTO removed;
	RETURN removed;
END $$;
COMMENT ON FUNCTION @extschema@.review_corpus_compact(pg_catalog.regclass, pg_catalog.name) IS
'folds the statistics deltas of a tracked review column into one row per keyword (run it from a maintenance job); returns the rows removed';

-- In C (review_corpus_stats.c): index probes of review_corpus_stats_key,
-- after the checks of review_corpus_column(rel, att, false) and with the
-- row security of both tables; the statement's snapshot.
CREATE FUNCTION @extschema@.review_bm25_query(q @extschema@.reviewquery, rel pg_catalog.regclass,
	att pg_catalog.name DEFAULT NULL, safe pg_catalog.bool DEFAULT false)
RETURNS @extschema@.review_bm25query
AS 'MODULE_PATHNAME', 'review_bm25_query'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.review_bm25_query(@extschema@.reviewquery, pg_catalog.regclass, pg_catalog.name, pg_catalog.bool) IS
'q with the corpus statistics of a tracked review column, for review_bm25() and r <#> bq; with safe, statistics of what a spoiler-free reader sees (use with @@~)';

-- ==== spoiler detector presets and item context (issue 14): begin ====
-- spoiler_threshold(preset): the named thresholds of redact(r, mask,
-- threshold).  STABLE, not IMMUTABLE: "spoiler-averse" comes from the
-- fitted weights and moves when a release refits them.
CREATE FUNCTION @extschema@.spoiler_threshold(preset pg_catalog.text)
RETURNS pg_catalog.float4
AS 'MODULE_PATHNAME', 'review_spoiler_threshold'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spoiler_threshold(pg_catalog.text) IS
'a named sentence-score threshold for redact(): ''default'' (0.5), ''spoiler-averse'' (the threshold that reached recall 0.8 when the detector was fitted; masks more) or ''marked-only'' (1: marked spans only)';

-- The item context: an aggregate over the reviews of one title (their
-- marked spoilers are labels for the others), and spoilers() and redact()
-- that score a review's sentences again with it (redact(r, ctx, mask,
-- threshold) has no defaults: with them, redact(r, '', 'NaN') would be
-- ambiguous).  STABLE: they score at
-- query time with the library's weights, which a release may refit.
CREATE FUNCTION @extschema@.spoiler_context_add(pg_catalog.internal, @extschema@.review)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'review_spoiler_context_add'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spoiler_context_add(pg_catalog.internal, @extschema@.review) IS
'transition function of spoiler_context(review)';

CREATE FUNCTION @extschema@.spoiler_context_final(pg_catalog.internal)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'review_spoiler_context_final'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spoiler_context_final(pg_catalog.internal) IS
'final function of spoiler_context(review)';

CREATE AGGREGATE @extschema@.spoiler_context(@extschema@.review) (
	SFUNC = @extschema@.spoiler_context_add,
	STYPE = pg_catalog.internal,
	FINALFUNC = @extschema@.spoiler_context_final
);
COMMENT ON AGGREGATE @extschema@.spoiler_context(@extschema@.review) IS
'the item context of a title for the spoiler detector: per content word (by hash, no text kept), in how many sentences of the reviews it occurs and how many of those lie in marked spoilers';

CREATE FUNCTION @extschema@.spoilers(r @extschema@.review, ctx pg_catalog.bytea,
									 OUT start pg_catalog.int4, OUT len pg_catalog.int4,
									 OUT source pg_catalog.text, OUT score pg_catalog.float4,
									 OUT content pg_catalog.text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'review_spoilers_ctx'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION @extschema@.spoilers(@extschema@.review, pg_catalog.bytea) IS
'spoilers(r) with the sentences scored again with the item context ctx (from spoiler_context over the reviews of the title) at the default threshold';

CREATE FUNCTION @extschema@.redact(r @extschema@.review, ctx pg_catalog.bytea,
								   mask pg_catalog.text, threshold pg_catalog.float4)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'review_redact_ctx'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.redact(@extschema@.review, pg_catalog.bytea, pg_catalog.text, pg_catalog.float4) IS
'redact(r, mask, threshold) with the sentences scored again with the item context ctx (from spoiler_context over the reviews of the title); no defaults, so that redact(r, mask, threshold) calls stay unambiguous';
-- ==== spoiler detector presets and item context (issue 14): end ====
