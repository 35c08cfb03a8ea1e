#!/bin/bash
# Ingest and redaction benchmark (bench/ingest.sql): text -> review against
# to_tsvector on an English and a mixed-language corpus, with the detector on
# and off, and redact() against regexp_replace and length(body), in one
# session with alternating runs.  Nothing is installed into the system: the
# extension goes into a private directory and a throwaway server on a
# private socket reads it (test/lib/private-install.sh).
#
#   bench/ingest.sh [N] [RUNS]        N reviews per corpus (default 40000),
#                                     RUNS alternating runs (default 5)
#   PROFILE=ingest bench/ingest.sh [N]
#                                     instead: perf record -g on the backend
#                                     running count(review(body, lang)) over
#                                     the English corpus; prints the top
#                                     symbols (self time) and keeps the
#                                     perf-ingest.data in bench/out/
#   PROFILE=redact bench/ingest.sh [N]  the same for redact()
#   DIGEST=1 bench/ingest.sh [N]      only the digest of what the values of
#                                     the mixed corpus hold, to compare two
#                                     builds (bench/ingest_digest.sql)
set -eu
cd "$(dirname "$0")/.."
N=${1:-40000}
RUNS=${2:-5}

mkdir -p bench/out
EN=bench/out/ingest-en-$N.tsv
MIX=bench/out/ingest-mix-$N.tsv
# English: the reviews of the default corpus written in English; mixed: half
# of the reviews in other languages (gen_corpus.py --mix 0.5).
if [ ! -f "$EN" ]; then
	python3 bench/gen_corpus.py --n $((N * 11 / 10 + 100)) --out "$EN.all" >/dev/null
	awk -F'\t' -v n="$N" '$2 == "en" && c < n { c++; print }' "$EN.all" >"$EN"
	rm -f "$EN.all"
fi
[ -f "$MIX" ] || python3 bench/gen_corpus.py --n "$N" --mix 0.5 --seed 7 --out "$MIX" >/dev/null
chmod -R a+rX bench/out

. test/lib/private-install.sh
pi_setup bench
pi_install || exit 1
pi_initdb || exit 1
cat >>"$DATA/postgresql.conf" <<CONF
shared_buffers = 2GB
work_mem = 64MB
max_wal_size = 4GB
CONF
pi_start_throwaway || exit 1
CFG="CASE lang WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french'
	WHEN 'de' THEN 'german' ELSE 'simple' END::regconfig"
"${PSQL[@]}" \
	-c 'CREATE EXTENSION pg_review' \
	-c 'CREATE TABLE corpus_en (id int PRIMARY KEY, lang text, body text)' \
	-c 'CREATE TABLE corpus_mix (id int PRIMARY KEY, lang text, body text)' \
	-c "\\copy corpus_en FROM '$EN'" \
	-c "\\copy corpus_mix FROM '$MIX'" \
	-c "ALTER TABLE corpus_en ADD cfg regconfig; UPDATE corpus_en SET cfg = $CFG" \
	-c "ALTER TABLE corpus_mix ADD cfg regconfig; UPDATE corpus_mix SET cfg = $CFG" \
	-c 'VACUUM ANALYZE corpus_en' -c 'VACUUM ANALYZE corpus_mix'

if [ -n "${DIGEST:-}" ]; then
	"${PSQL[@]}" -f bench/ingest_digest.sql
	exit 0
fi
if [ -z "${PROFILE:-}" ]; then
	"${PSQL[@]}" -v runs="$RUNS" -f bench/ingest.sql
	exit 0
fi

# Profile: perf attached to the backend of this one session, running the
# statement twice (PROFILE=redact: redact() over the stored English corpus,
# ten times).
OUT=bench/out/perf-$PROFILE.data
STMT="SELECT count(review(body, lang => lang)) FROM corpus_en;"
TIMES=2
if [ "$PROFILE" = redact ]; then
	"${PSQL[@]}" -c 'CREATE TABLE rv AS SELECT id, review(body, lang => lang) AS r FROM corpus_en' \
		-c 'VACUUM ANALYZE rv'
	STMT="SELECT sum(length(redact(r, '[spoiler]', 1))) FROM rv;"
	TIMES=10
fi
{
	echo "SET jit = off;"
	echo "SET max_parallel_workers_per_gather = 0;"
	echo "$STMT"
	echo "SELECT pg_backend_pid() AS pid \\gset"
	echo "\\setenv BACKEND_PID :pid"
	echo "\\! perf record -q -g -o $OUT -p \$BACKEND_PID >/dev/null 2>&1 & echo \$! >$WORK/perf.pid; sleep 1"
	for _ in $(seq "$TIMES"); do echo "$STMT"; done
	echo "\\! kill -INT \$(cat $WORK/perf.pid); sleep 3"
} | "${PSQL[@]}" >/dev/null
echo "| share | symbol |"
echo "|---:|---|"
perf report -i "$OUT" --no-children --sort symbol -g none --percent-limit 0.7 --stdio 2>/dev/null |
	awk '/^ *[0-9.]+%/ { sub(/^ +/, ""); pct = $1; $1 = ""; $2 = ""; sub(/^ +/, ""); sub(/ +-.*$/, ""); print "| " pct " | `" $0 "` |" }' |
	head -40
