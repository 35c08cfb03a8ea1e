# test/lib/private-install.sh
#	  Sourced by test/regress-private.sh and test/valgrind.sh: the extension
#	  built and installed into a private directory (make install DESTDIR=...)
#	  and a throwaway data directory whose server reads it through Debian's
#	  extension_destdir and dynamic_library_path, so nothing is installed
#	  into the system.  As root, the server runs as the postgres user.
#
#	pi_setup NAME [PORT]	sets WORK DATA SOCK DEST PORT AS_PG BINDIR PG_REGRESS
#	pi_install				builds and installs into $DEST
#	pi_suites [SUITE ...]	sets SUITES: the arguments, or every suite of REGRESS
#	pi_initdb				initdb, then the settings that read $DEST
#	pi_start_throwaway		starts the server, stopped and $WORK removed on
#							exit; sets PSQL (psql of its postgres database)

PG_CONFIG=${PG_CONFIG:-pg_config}
BINDIR=$($PG_CONFIG --bindir)
PKGLIBDIR=$($PG_CONFIG --pkglibdir)
PG_REGRESS=$(dirname "$($PG_CONFIG --pgxs)")/../test/regress/pg_regress

pi_setup() {
	WORK=$(mktemp -d "/tmp/pg_review_$1.XXXXXX")
	chmod 755 "$WORK"
	DATA=$WORK/data
	SOCK=$WORK/sock
	DEST=$WORK/install
	PORT=${2:-$((20000 + RANDOM % 20000))}
	mkdir -p "$SOCK" "$WORK/regress"
	# The server writes the COPY files of the binary suites there.
	chmod 777 "$WORK/regress"
	AS_PG=()
	if [ "$(id -u)" -eq 0 ]; then
		# initdb refuses root.
		chown postgres "$WORK" "$SOCK"
		AS_PG=(runuser -u postgres --)
	fi
}

pi_install() {
	if ! make -s all >/dev/null || ! make -s install DESTDIR="$DEST" >/dev/null; then
		echo "build failed" >&2
		return 1
	fi
}

pi_suites() {
	SUITES=("$@")
	[ ${#SUITES[@]} -eq 0 ] && read -r -a SUITES <<<"$(make -s print-regress)"
	return 0
}

pi_initdb() {
	"${AS_PG[@]}" "$BINDIR/initdb" -D "$DATA" -E UTF8 --locale=C.UTF-8 -A trust -U postgres >"$WORK/initdb.log" 2>&1 ||
		{ cat "$WORK/initdb.log"; return 1; }
	cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = ''
port = $PORT
unix_socket_directories = '$SOCK'
extension_destdir = '$DEST'
dynamic_library_path = '$DEST$PKGLIBDIR:\$libdir'
fsync = off
jit = off
autovacuum = off
max_connections = 20
log_line_prefix = '%m [%p] '
CONF
}

pi_start_throwaway() {
	trap '"${AS_PG[@]}" "$BINDIR/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1; rm -rf "$WORK"' EXIT
	"${AS_PG[@]}" "$BINDIR/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w start >/dev/null ||
		{ tail -20 "$WORK/server.log"; return 1; }
	PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$PORT" -U postgres -d postgres)
}
