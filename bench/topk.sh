#!/bin/bash
# BM25 top-k benchmark (bench/topk.sql): ORDER BY r <#> bq LIMIT 10 through
# review_rum_ops against RUM's ORDER BY v <=> tsquery LIMIT 10 through
# rum_tsvector_ops, on the corpus of bench/run.sh (N reviews, default
# 200000), in one session with alternating runs.  Nothing is installed into
# the system: the extension goes into a private directory and a throwaway
# server on a private socket reads it (test/lib/private-install.sh).
#
#   bench/topk.sh [N] [RUNS]          RUNS alternating runs (default 9)
set -eu
cd "$(dirname "$0")/.."
N=${1:-200000}
RUNS=${2:-9}

dpkg-query -W -f='${Status}' postgresql-15-rum 2>/dev/null | grep -q "install ok installed" ||
	{ echo "bench/topk.sh needs RUM: run test/install-deps.sh" >&2; exit 1; }
mkdir -p bench/out
CORPUS=bench/out/corpus-$N.tsv
[ -f "$CORPUS" ] || python3 bench/gen_corpus.py --n "$N" --out "$CORPUS"
chmod -R a+rX bench/out

. test/lib/private-install.sh
pi_setup topk
pi_install || exit 1
[ -f "$DEST$(pg_config --sharedir)/extension/pg_review_rum.control" ] ||
	{ echo "pg_review_rum was not built (RUM's header not found)" >&2; exit 1; }
pi_initdb || exit 1
cat >>"$DATA/postgresql.conf" <<CONF
shared_buffers = 2GB
work_mem = 64MB
maintenance_work_mem = 1GB
max_wal_size = 8GB
checkpoint_timeout = 30min
CONF
pi_start_throwaway || exit 1
CFG="CASE lang WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french'
	WHEN 'de' THEN 'german' ELSE 'simple' END::regconfig"
start=$(date +%s)
"${PSQL[@]}" \
	-c 'CREATE EXTENSION pg_review' -c 'CREATE EXTENSION rum' -c 'CREATE EXTENSION pg_review_rum' \
	-c 'CREATE TABLE corpus (id int PRIMARY KEY, lang text, body text)' \
	-c "\\copy corpus FROM '$CORPUS'" \
	-c 'SET max_parallel_workers_per_gather = 0' \
	-c 'CREATE TABLE rv AS SELECT id, review(body, lang => lang) AS r FROM corpus' \
	-c "CREATE TABLE tv AS SELECT id, to_tsvector($CFG, body) AS v FROM corpus" \
	-c 'VACUUM ANALYZE rv' -c 'VACUUM ANALYZE tv' \
	-c 'CREATE INDEX rv_rum ON rv USING rum (r review_rum_ops)' \
	-c 'CREATE INDEX tv_rum ON tv USING rum (v rum_tsvector_ops)' \
	-c "SELECT review_corpus_track('rv') AS keywords_counted" \
	-c "SELECT pg_size_pretty(pg_relation_size('rv_rum')) AS review_rum_ops,
		pg_size_pretty(pg_relation_size('tv_rum')) AS rum_tsvector_ops,
		round(pg_relation_size('rv_rum')::numeric / pg_relation_size('tv_rum'), 2) AS ratio"
"${PSQL[@]}" -v runs="$RUNS" -f bench/topk.sql
echo "bench/topk.sh $N: $(( $(date +%s) - start )) s"
