#!/bin/bash
# Runs the pg_review benchmark on a throwaway cluster: generates the corpus
# (bench/gen_corpus.py, N reviews, default 200000), loads it and runs
# bench/bench.sql, which prints medians and ratios against PostgreSQL's full
# text search in the same session.  Usage: bench/run.sh [N]
#
# By default the extension is installed into the server's directories (with
# sudo when not root).  With BENCH_DESTDIR=/some/dir it is installed there
# instead ("make install DESTDIR=...") and the throwaway cluster loads it
# from there (Debian's extension_destdir and dynamic_library_path), so the
# system installation is left alone.  BENCH_COMPRESSION=lz4 (or pglz, the
# default) sets default_toast_compression for both sides.
set -eu
cd "$(dirname "$0")/.."
N=${1:-200000}
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO=sudo
dpkg-query -W -f='${Status}' postgresql-15-rum 2>/dev/null | grep -q "install ok installed" || {
	[ -n "$SUDO" ] || [ "$(id -u)" -eq 0 ] || { echo "install postgresql-15-rum" >&2; exit 1; }
	$SUDO apt-get install -y -qq postgresql-15-rum >/dev/null
}
make -s all
DESTDIR_OPTS=()
if [ -n "${BENCH_DESTDIR:-}" ]; then
	make -s install DESTDIR="$BENCH_DESTDIR" >/dev/null
	DESTDIR_OPTS=(-o "extension_destdir=$BENCH_DESTDIR"
		-o "dynamic_library_path=$BENCH_DESTDIR$(pg_config --pkglibdir):\$libdir")
else
	$SUDO make -s install >/dev/null
fi
# pg_review_rum (the RUM operator class of review) is measured when it was
# built, i.e. when RUM's header was there.
REVIEW_RUM=off
EXT_OPTS=(-c 'CREATE EXTENSION pg_review' -c 'CREATE EXTENSION rum')
if [ -f "${BENCH_DESTDIR:-}$(pg_config --sharedir)/extension/pg_review_rum.control" ]; then
	REVIEW_RUM=on
	EXT_OPTS+=(-c 'CREATE EXTENSION pg_review_rum')
fi
[ -n "${BENCH_COMPRESSION:-}" ] && DESTDIR_OPTS+=(-o "default_toast_compression=$BENCH_COMPRESSION")
mkdir -p bench/out
[ -f "bench/out/corpus-$N.tsv" ] || python3 bench/gen_corpus.py --n "$N" --out "bench/out/corpus-$N.tsv"
# The server runs as postgres when we are root and reads the corpus itself
# only through psql's \copy, but the directories must be traversable.
chmod -R a+rX bench/out
start=$(date +%s)
pg_virtualenv -t -v 15 "${DESTDIR_OPTS[@]}" \
	-o shared_buffers=2GB -o work_mem=64MB -o maintenance_work_mem=1GB \
	-o max_wal_size=8GB -o checkpoint_timeout=30min \
	psql -X -q -v ON_ERROR_STOP=1 -v review_rum=$REVIEW_RUM "${EXT_OPTS[@]}" \
	-c 'CREATE TABLE corpus (id int PRIMARY KEY, lang text, body text)' \
	-c "\\copy corpus FROM 'bench/out/corpus-$N.tsv'" \
	-f bench/bench.sql
echo "bench/run.sh $N: $(( $(date +%s) - start )) s"
