#!/bin/bash
# Runs the pg_review benchmark on a throwaway cluster: generates the corpus
# (bench/gen_corpus.py, N reviews, default 200000), loads it and runs
# bench/bench.sql, which prints medians and ratios against PostgreSQL's full
# text search in the same session.  Usage: bench/run.sh [N]
set -eu
cd "$(dirname "$0")/.."
N=${1:-200000}
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO=sudo
dpkg-query -W -f='${Status}' postgresql-15-rum 2>/dev/null | grep -q "install ok installed" || {
	[ -n "$SUDO" ] || [ "$(id -u)" -eq 0 ] || { echo "install postgresql-15-rum" >&2; exit 1; }
	$SUDO apt-get install -y -qq postgresql-15-rum >/dev/null
}
make -s all && $SUDO make -s install >/dev/null
mkdir -p bench/out
[ -f "bench/out/corpus-$N.tsv" ] || python3 bench/gen_corpus.py --n "$N" --out "bench/out/corpus-$N.tsv"
chmod -R a+rX bench/out
pg_virtualenv -t -v 15 -o shared_buffers=2GB -o work_mem=64MB -o maintenance_work_mem=1GB \
	-o max_wal_size=8GB -o checkpoint_timeout=30min \
	psql -X -q -v ON_ERROR_STOP=1 \
	-c 'CREATE EXTENSION pg_review' -c 'CREATE EXTENSION rum' \
	-c 'CREATE TABLE corpus (id int PRIMARY KEY, lang text, body text)' \
	-c "\\copy corpus FROM 'bench/out/corpus-$N.tsv'" \
	-f bench/bench.sql
