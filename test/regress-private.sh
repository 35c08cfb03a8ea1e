#!/bin/bash
# Runs pg_regress suites against a throwaway server that reads the extension
# from a private install (make install DESTDIR=..., found through Debian's
# extension_destdir and dynamic_library_path): nothing is installed into the
# system, so several work trees can test at once.
#
#   test/regress-private.sh [suite ...]     (default: every suite of REGRESS)
#
# Exit status 0 when every suite passed; the diffs are printed otherwise.
# pg_available_extensions does not look in extension_destdir, so the first
# query of review_upgrade differs unless the extension is also installed in
# the system.
set -u
cd "$(dirname "$0")/.."

PG_CONFIG=${PG_CONFIG:-pg_config}
BINDIR=$($PG_CONFIG --bindir)
PKGLIBDIR=$($PG_CONFIG --pkglibdir)
PG_REGRESS=$(dirname "$($PG_CONFIG --pgxs)")/../test/regress/pg_regress

WORK=$(mktemp -d /tmp/pg_review_regress.XXXXXX)
chmod 755 "$WORK"
DATA=$WORK/data
SOCK=$WORK/sock
DEST=$WORK/install
PORT=$((20000 + RANDOM % 20000))
mkdir -p "$SOCK" "$WORK/regress"
chmod 777 "$WORK/regress"

AS_PG=()
if [ "$(id -u)" -eq 0 ]; then
	chown postgres "$WORK" "$SOCK"
	AS_PG=(runuser -u postgres --)
fi

if ! make -s all >/dev/null || ! make -s install DESTDIR="$DEST" >/dev/null; then
	echo "build failed" >&2
	exit 1
fi

SUITES=("$@")
if [ ${#SUITES[@]} -eq 0 ]; then
	read -r -a SUITES <<<"$(make -s -f Makefile print-regress 2>/dev/null)"
fi

"${AS_PG[@]}" "$BINDIR/initdb" -D "$DATA" -E UTF8 --locale=C.UTF-8 -A trust -U postgres >"$WORK/initdb.log" 2>&1 ||
	{ cat "$WORK/initdb.log"; exit 1; }
cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = ''
port = $PORT
unix_socket_directories = '$SOCK'
extension_destdir = '$DEST'
dynamic_library_path = '$DEST$PKGLIBDIR:\$libdir'
fsync = off
autovacuum = off
CONF

stop_server() {
	"${AS_PG[@]}" "$BINDIR/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1
}
trap 'stop_server; rm -rf "$DATA" "$DEST"' EXIT
"${AS_PG[@]}" "$BINDIR/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w start >/dev/null || { tail -20 "$WORK/server.log"; exit 1; }

"$PG_REGRESS" --inputdir=. --outputdir="$WORK/regress" --host="$SOCK" --port="$PORT" \
	--user=postgres --dbname=contrib_regression --load-extension=pg_review "${SUITES[@]}"
rc=$?
if [ "$rc" -ne 0 ] && [ -f "$WORK/regress/regression.diffs" ]; then
	head -300 "$WORK/regress/regression.diffs"
	echo "diffs and results kept in $WORK/regress"
fi
exit $rc
