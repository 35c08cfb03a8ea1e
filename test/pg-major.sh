#!/bin/sh
# Prints the PostgreSQL major that pg_review builds and tests against, the
# one choice that install-deps.sh, the Makefile, run-all.sh and demo.sh
# share:
#   1. PG_MAJOR, when set;
#   2. the major of PG_CONFIG, when set;
#   3. the newest server installed (/usr/lib/postgresql/NN/bin/postgres);
#   4. the newest client installed (/usr/lib/postgresql/NN/bin/pg_config),
#      or the pg_config on PATH;
#   5. the major of the distribution's "postgresql" package (a bare machine).
set -eu
major_of() { "$1" --version 2>/dev/null | sed -n 's/^PostgreSQL \([0-9][0-9]*\).*/\1/p'; }

if [ -n "${PG_MAJOR:-}" ]; then
	echo "$PG_MAJOR"
	exit 0
fi
if [ -n "${PG_CONFIG:-}" ]; then
	m=$(major_of "$PG_CONFIG")
	[ -n "$m" ] && { echo "$m"; exit 0; }
fi
m=$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sed -n 's|^/usr/lib/postgresql/\([0-9][0-9]*\)/.*|\1|p' | sort -n | tail -1)
[ -n "$m" ] && { echo "$m"; exit 0; }
# A client without a server: Debian's postgresql-client-NN has pg_config.
m=$(ls -d /usr/lib/postgresql/*/bin/pg_config 2>/dev/null | sed -n 's|^/usr/lib/postgresql/\([0-9][0-9]*\)/.*|\1|p' | sort -n | tail -1)
[ -n "$m" ] && { echo "$m"; exit 0; }
if command -v pg_config >/dev/null 2>&1; then
	m=$(major_of pg_config)
	[ -n "$m" ] && { echo "$m"; exit 0; }
fi
m=$(apt-cache depends postgresql 2>/dev/null | sed -n 's/^ *Depends: postgresql-\([0-9][0-9]*\)$/\1/p' | head -1)
[ -n "$m" ] && { echo "$m"; exit 0; }
echo "cannot tell which PostgreSQL major to use: set PG_MAJOR (e.g. PG_MAJOR=17)" >&2
exit 1
