-- Loads one test collection (docs.tsv, queries.tsv from ir_collections.py,
-- in the directory :dir), ranks every query's candidates by each method and
-- writes what evaluate.py needs into the same directory (server-side COPY:
-- the server must be able to read and write DIR).  Run by run.sh:
--   psql -v dir=DIR -f bench/relevance/relevance.sql
--
-- Documents: body = title, a line break, text (the title alone when there
-- is no text); the review's title field is the title too (it is not
-- searched).  Spoiler markup characters are escaped with a backslash, so
-- every document is plain text (no spoilers, no warning line), English.
-- The tsvector is to_tsvector('english', the same body).
--
-- Queries, one per side, from the query's text normalized as that side
-- normalizes documents, stop words dropped, each distinct lexeme once:
--   review side: review_keywords(review(text)), the terms joined with | as
--     quoted (already normalized) terms: 'a' | 'b' | ...::reviewquery;
--   tsvector side: the lexemes of to_tsvector('english', text) joined the
--     same way into a tsquery.
-- Candidates: the documents matching that OR query (r @@ q, v @@ q), as a
-- search engine's first page would be drawn from.  Every method ranks its
-- side's candidates; ties are broken by document id in evaluate.py.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset pager off
SET client_min_messages = warning;

\set docs :dir '/docs.tsv'
\set queries :dir '/queries.tsv'
\set ranked :dir '/ranked.tsv'
\set qterms :dir '/query_terms.tsv'
\set tsterms :dir '/ts_terms.tsv'
\set rvterms :dir '/rv_terms.tsv'
\set rvlen :dir '/rv_len.tsv'

CREATE TABLE doc (id int PRIMARY KEY, title text, body text);
CREATE TABLE query (qid int PRIMARY KEY, qtext text);
COPY doc FROM :'docs';
COPY query FROM :'queries';

-- Backslash before every character that could start spoiler markup.
CREATE FUNCTION markup_escape(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT
RETURN regexp_replace(t, '([\\|><!\[(])', '\\\1', 'g');

-- A term list as quoted alternatives ('' doubles a quote in both syntaxes;
-- tsquery also takes a backslash as an escape).
CREATE FUNCTION or_of(terms text[], tsq bool) RETURNS text
LANGUAGE sql IMMUTABLE STRICT
RETURN (SELECT string_agg('''' || replace(CASE WHEN tsq THEN replace(t, '\', '\\') ELSE t END,
										  '''', '''''') || '''', ' | ' ORDER BY t)
		FROM unnest(terms) t);

CREATE TABLE d AS
SELECT id, review(markup_escape(txt), nullif(title, '')) AS r,
	   to_tsvector('english', txt) AS v
FROM (SELECT id, title, CASE WHEN coalesce(title, '') = '' THEN body
						WHEN body = '' THEN title
						ELSE title || E'\n' || body END AS txt
	  FROM doc) s;
ALTER TABLE d ADD PRIMARY KEY (id);
CREATE INDEX ON d USING gin (r);
CREATE INDEX ON d USING gin (v);

CREATE TABLE q AS
SELECT qid, rv_lex, ts_lex,
	   or_of(rv_lex, false)::reviewquery AS rq,
	   or_of(ts_lex, true)::tsquery AS tq
FROM (SELECT qid,
			 review_keywords(review(markup_escape(qtext))) AS rv_lex,
			 tsvector_to_array(to_tsvector('english', qtext)) AS ts_lex
	  FROM query) s
WHERE cardinality(rv_lex) > 0 AND cardinality(ts_lex) > 0;
VACUUM ANALYZE d;
ANALYZE q;

-- BM25 written in SQL over the tsvector, as a second, independent
-- implementation of the reference (evaluate.py computes it in Python too):
-- k1 1.2, b 0.75, idf = ln(1 + (N - df + 0.5) / (df + 0.5)), document
-- length = lexeme occurrences in the tsvector.
CREATE TABLE ts_tf AS
SELECT id, lexeme, cardinality(positions) AS tf FROM d, unnest(v);
CREATE INDEX ON ts_tf (lexeme);
CREATE TABLE ts_len AS SELECT id, sum(tf)::float8 AS len FROM ts_tf GROUP BY id;
CREATE TABLE ts_idf AS
SELECT lexeme, ln(1 + ((SELECT count(*) FROM d) - count(*) + 0.5) / (count(*) + 0.5)) AS idf
FROM ts_tf GROUP BY lexeme;

CREATE TABLE ranked (method text, qid int, id int, score float8);

INSERT INTO ranked
SELECT 'review_rank', q.qid, m.id, m.s FROM q,
	LATERAL (SELECT id, review_rank(r, q.rq) AS s FROM d WHERE r @@ q.rq) m;
INSERT INTO ranked
SELECT 'ts_rank', q.qid, m.id, m.s FROM q,
	LATERAL (SELECT id, ts_rank(v, q.tq) AS s FROM d WHERE v @@ q.tq) m;
INSERT INTO ranked
SELECT 'ts_rank_cd', q.qid, m.id, m.s FROM q,
	LATERAL (SELECT id, ts_rank_cd(v, q.tq) AS s FROM d WHERE v @@ q.tq) m;
INSERT INTO ranked
SELECT 'bm25_sql_tsvector', q.qid, t.id,
	   sum(i.idf * t.tf * 2.2 / (t.tf + 1.2 * (0.25 + 0.75 * l.len / (SELECT avg(len) FROM ts_len))))
FROM q, unnest(q.ts_lex) ql(lexeme)
	JOIN ts_tf t USING (lexeme) JOIN ts_idf i USING (lexeme) JOIN ts_len l USING (id)
GROUP BY q.qid, t.id;

-- pg_review's BM25: statistics kept by review_corpus_track, the query's
-- statistics read once per query, every candidate scored by review_bm25.
SELECT review_corpus_track('d', 'r') > 0 AS tracked;
CREATE TABLE q_bm25 AS SELECT qid, review_bm25_query(rq, 'd') AS bq FROM q;
INSERT INTO ranked
SELECT 'review_bm25', q.qid, m.id, m.s FROM q JOIN q_bm25 b USING (qid),
	LATERAL (SELECT id, review_bm25(r, b.bq) AS s FROM d WHERE r @@ q.rq) m;

-- More methods: a file
-- given as RELEVANCE_EXTRA_SQL to run.sh is run here, with tables d, q and
-- ranked as above; it inserts its rows (method, qid, id, score) into ranked.
\if :{?extra}
\i :extra
\endif

COPY ranked TO :'ranked';
COPY (SELECT qid, rv_lex, ts_lex FROM q ORDER BY qid) TO :'qterms';
-- The documents' terms for the Python references: lexemes with positions,
-- and pg_review's keywords with their counts (review_term_count normalizes
-- its argument again, so a keyword whose stem does not stem to itself counts
-- 0 here: evaluate.py reports how many) and keyword occurrences.
COPY (SELECT id, lexeme, positions FROM d, unnest(v)) TO :'tsterms';
COPY (SELECT id, k, review_term_count(r, k) FROM d, unnest(review_keywords(r)) k) TO :'rvterms';
COPY (SELECT id, (review_stats(r)).keyword_occurrences FROM d) TO :'rvlen';
SELECT count(*) AS documents, (SELECT count(*) FROM q) AS queries,
	   pg_size_pretty(pg_total_relation_size('d')) AS size FROM d \gset
\echo :dir ': ' :documents ' documents, ' :queries ' queries loaded, table ' :size
