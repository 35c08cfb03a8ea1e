#!/bin/bash
# Relevance of pg_review's ranking on classic IR test collections: nDCG@10
# and MAP of review_rank, ts_rank, ts_rank_cd and BM25 references (see
# bench/relevance/README.md).
#
#   bench/relevance/run.sh NAME=DIR [NAME=DIR ...]
#   IR_DATA=/path bench/relevance/run.sh [NAME ...]    (DIR = $IR_DATA/NAME)
#
# NAME is cranfield, cisi or npl; DIR holds that collection's files (not part
# of this repository; see README.md for the file names).  Default with
# IR_DATA set: every collection found under it.
#
# The extension is built and installed into a private directory (make install
# DESTDIR=...) that a throwaway cluster in /tmp (random port, unix socket
# only) reads through extension_destdir; nothing is installed into the
# system.  RELEVANCE_OUT=dir keeps each collection's rankings and term files
# there (default: removed with the cluster); RELEVANCE_EXTRA_SQL=file adds
# methods (see relevance.sql); evaluate.py's options (e.g. --per-query) can be
# given in RELEVANCE_EVAL_OPTS.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../.."

ARGS=("$@")
if [ ${#ARGS[@]} -eq 0 ] && [ -n "${IR_DATA:-}" ]; then
	for n in cranfield cisi npl; do [ -d "$IR_DATA/$n" ] && ARGS+=("$n"); done
fi
if [ ${#ARGS[@]} -eq 0 ]; then
	echo "usage: $0 NAME=DIR ... (NAME: cranfield, cisi, npl), or IR_DATA=/path $0 [NAME ...]" >&2
	exit 2
fi

. test/lib/private-install.sh
pi_setup relevance
pi_install || exit 1
pi_initdb || exit 1
cat >>"$DATA/postgresql.conf" <<CONF
shared_buffers = 256MB
work_mem = 64MB
CONF

stop_server() {
	"${AS_PG[@]}" "$BINDIR/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$WORK"
}
trap stop_server EXIT
"${AS_PG[@]}" "$BINDIR/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w start >/dev/null ||
	{ tail -20 "$WORK/server.log"; exit 1; }

PSQL=("$BINDIR/psql" -X -q -h "$SOCK" -p "$PORT" -U postgres)
EXTRA=()
[ -n "${RELEVANCE_EXTRA_SQL:-}" ] && EXTRA=(-v "extra=$(realpath "$RELEVANCE_EXTRA_SQL")")
rc=0
for arg in "${ARGS[@]}"; do
	name=${arg%%=*}
	if [ "$name" = "$arg" ]; then
		dir=${IR_DATA:?give NAME=DIR or set IR_DATA}/$name
	else
		dir=${arg#*=}
	fi
	out=$WORK/$name
	python3 "$HERE/ir_collections.py" "$name" "$dir" "$out" || { rc=1; continue; }
	# The server reads and writes the files (COPY), as postgres when we are root.
	[ ${#AS_PG[@]} -gt 0 ] && chown -R postgres "$out"
	"${PSQL[@]}" -d postgres -c "CREATE DATABASE $name" &&
		"${PSQL[@]}" -d "$name" -c 'CREATE EXTENSION pg_review' &&
		"${PSQL[@]}" -d "$name" -v "dir=$out" "${EXTRA[@]}" -f "$HERE/relevance.sql" ||
		{ tail -20 "$WORK/server.log"; rc=1; continue; }
	# shellcheck disable=SC2086
	python3 "$HERE/evaluate.py" ${RELEVANCE_EVAL_OPTS:-} --name "$name" "$out" || rc=1
	# Cranfield's source documents (code -1) as relevant: issue 13's convention.
	if [ -f "$out/qrels-source.tsv" ]; then
		# shellcheck disable=SC2086
		python3 "$HERE/evaluate.py" ${RELEVANCE_EVAL_OPTS:-} --qrels qrels-source.tsv \
			--name "$name, with its -1 documents at gain 5" "$out" || rc=1
	fi
	if [ -n "${RELEVANCE_OUT:-}" ]; then
		mkdir -p "$RELEVANCE_OUT" && rm -rf "${RELEVANCE_OUT:?}/$name" && cp -r "$out" "$RELEVANCE_OUT/$name"
	fi
done
exit $rc
