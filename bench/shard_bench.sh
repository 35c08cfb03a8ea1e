#!/bin/bash
# Times pg_review's search sharded with postgres_fdw against the same search
# on one server, on the same corpus.  Usage: bench/shard_bench.sh [N]
#
# Generates N reviews with bench/gen_corpus.py (default 60000; kept in
# bench/out/), starts three throwaway clusters in a temporary directory that
# listen on Unix sockets there only (no TCP): a coordinator and two shards.
# The coordinator holds the corpus in one table with a GIN index
# (local_reviews) and the same reviews in a table partitioned by hash on id
# whose 4 partitions are postgres_fdw foreign tables, 2 on each shard, moved
# there by binary COPY, each with its GIN index.  Then bench/shard_bench.sql
# prints the medians, their ratio, and checks that both give the same rows.
# The clusters are stopped and removed on exit.
#
# The extension is taken from PG_REVIEW_DESTDIR when set (a
# "make install DESTDIR=..." prefix, as for the TAP tests); otherwise the
# script runs make install (with sudo when not root).  initdb refuses root:
# started as root, the clusters run as the postgres user.
set -eu
cd "$(dirname "$0")/.."
N=${1:-60000}
DESTDIR=${PG_REVIEW_DESTDIR:-}
BINDIR=$(pg_config --bindir)
LIBDIR=$(pg_config --pkglibdir)

if [ -z "${SHARD_BENCH_CHILD:-}" ]; then
	if [ -n "$DESTDIR" ]; then
		[ -f "$DESTDIR$LIBDIR/pg_review.so" ] || { echo "no pg_review.so under $DESTDIR$LIBDIR" >&2; exit 1; }
	else
		SUDO=""
		[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO=sudo
		make -s all && $SUDO make -s install >/dev/null
	fi
	mkdir -p bench/out
	[ -f "bench/out/corpus-$N.tsv" ] || python3 bench/gen_corpus.py --n "$N" --out "bench/out/corpus-$N.tsv"
	chmod -R a+rX bench/out
	if [ "$(id -u)" -eq 0 ]; then
		exec su postgres -s /bin/bash -c "cd '$PWD' && SHARD_BENCH_CHILD=1 PG_REVIEW_DESTDIR='$DESTDIR' bench/shard_bench.sh $N"
	fi
fi

BASE=$(mktemp -d /tmp/pg_review_shard_bench.XXXXXX)
NODES="coord shard0 shard1"
cleanup() {
	for n in $NODES; do
		[ -f "$BASE/$n/postmaster.pid" ] && "$BINDIR/pg_ctl" -D "$BASE/$n" -m immediate stop >/dev/null 2>&1 || true
	done
	rm -rf "$BASE"
}
trap cleanup EXIT

port_of() { case $1 in coord) echo 5432;; shard0) echo 5433;; shard1) echo 5434;; esac; }
psql_on() { local n=$1; shift; "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$BASE" -p "$(port_of "$n")" -d bench "$@"; }

for n in $NODES; do
	"$BINDIR/initdb" -D "$BASE/$n" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
	{
		echo "listen_addresses = ''"
		echo "unix_socket_directories = '$BASE'"
		echo "port = $(port_of "$n")"
		echo "shared_buffers = 512MB"
		echo "work_mem = 64MB"
		echo "maintenance_work_mem = 512MB"
		echo "max_wal_size = 4GB"
		echo "fsync = off"
		echo "synchronous_commit = off"
		echo "jit = off"
		if [ -n "$DESTDIR" ]; then
			echo "extension_destdir = '$DESTDIR'"
			echo "dynamic_library_path = '$DESTDIR$LIBDIR:\$libdir'"
		fi
	} >> "$BASE/$n/postgresql.conf"
	"$BINDIR/pg_ctl" -D "$BASE/$n" -l "$BASE/$n.log" -w start >/dev/null
	"$BINDIR/createdb" -h "$BASE" -p "$(port_of "$n")" bench
	psql_on "$n" -c 'CREATE EXTENSION pg_review'
done

t0=$(date +%s)
echo "== loading $N reviews (bench/out/corpus-$N.tsv)"
psql_on coord <<EOF
CREATE TABLE corpus (id int PRIMARY KEY, lang text, body text);
\copy corpus FROM 'bench/out/corpus-$N.tsv'
SET max_parallel_workers_per_gather = 2;
CREATE TABLE local_reviews AS SELECT id::bigint AS id, review(body, lang => lang) AS r FROM corpus;
ALTER TABLE local_reviews ADD PRIMARY KEY (id);
CREATE INDEX local_reviews_r_idx ON local_reviews USING gin (r);
VACUUM ANALYZE local_reviews;
DROP TABLE corpus;

CREATE EXTENSION postgres_fdw;
CREATE SERVER shard0 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '$BASE', port '$(port_of shard0)',
	dbname 'bench', extensions 'pg_review', async_capable 'true', fetch_size '1000',
	options '-c cursor_tuple_fraction=1');
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '$BASE', port '$(port_of shard1)',
	dbname 'bench', extensions 'pg_review', async_capable 'true', fetch_size '1000',
	options '-c cursor_tuple_fraction=1');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard0;
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1;
CREATE TABLE reviews (id bigint NOT NULL, r review NOT NULL) PARTITION BY HASH (id);
CREATE FOREIGN TABLE reviews_p0 PARTITION OF reviews FOR VALUES WITH (MODULUS 4, REMAINDER 0) SERVER shard0;
CREATE FOREIGN TABLE reviews_p1 PARTITION OF reviews FOR VALUES WITH (MODULUS 4, REMAINDER 1) SERVER shard1;
CREATE FOREIGN TABLE reviews_p2 PARTITION OF reviews FOR VALUES WITH (MODULUS 4, REMAINDER 2) SERVER shard0;
CREATE FOREIGN TABLE reviews_p3 PARTITION OF reviews FOR VALUES WITH (MODULUS 4, REMAINDER 3) SERVER shard1;
EOF
t1=$(date +%s)

# Each partition: binary COPY out of the coordinator's table into its
# shard (review_send there, review_recv here, which analyses again), then
# the partition's GIN index.  The two shards load side by side.
load_shard() {
	local s=$1 k
	for k in $s $((s + 2)); do
		psql_on "shard$s" -c "CREATE TABLE reviews_p$k (id bigint PRIMARY KEY, r review NOT NULL)"
		psql_on coord -c "\\copy (SELECT id, r FROM local_reviews WHERE satisfies_hash_partition('reviews'::regclass, 4, $k, id)) TO STDOUT (FORMAT binary)" |
			psql_on "shard$s" -c "\\copy reviews_p$k FROM STDIN (FORMAT binary)"
		psql_on "shard$s" -c "SET maintenance_work_mem = '256MB'" \
			-c "CREATE INDEX reviews_p${k}_r_idx ON reviews_p$k USING gin (r)" \
			-c "VACUUM ANALYZE reviews_p$k"
	done
}
load_shard 0 & p0=$!
load_shard 1 & p1=$!
wait $p0
wait $p1
t2=$(date +%s)
echo "single server loaded and indexed in $((t1 - t0)) s; shards loaded (binary COPY) and indexed in $((t2 - t1)) s"
echo "== rows per partition (on the shards)"
for s in 0 1; do
	psql_on "shard$s" -At -c "SELECT 'shard$s', relname, n_live_tup FROM pg_stat_user_tables WHERE relname LIKE 'reviews_p%' ORDER BY 2"
done

echo "== queries (median ms; single = local_reviews on the coordinator, sharded = reviews through postgres_fdw)"
psql_on coord -f bench/shard_bench.sql
echo "== $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $((  $(date +%s) - t0 )) s in all"
