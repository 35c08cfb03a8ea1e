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

. test/lib/private-install.sh
pi_setup regress
pi_install || exit 1
pi_suites "$@"
pi_initdb || exit 1

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
