#!/bin/bash
# Builds and installs pg_review, starts a throwaway cluster of the chosen
# PostgreSQL major (test/pg-major.sh; PG_MAJOR=NN), loads the sample
# reviews in data/samples.sql and prints a short tour (test/demo.sql).  The
# cluster is removed on exit.
set -eu
cd "$(dirname "$0")/.."
PG_MAJOR=${PG_MAJOR:-$(test/pg-major.sh)}
export PG_MAJOR
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO=sudo
make -s all
$SUDO make -s install >/dev/null
pg_virtualenv -t -v "$PG_MAJOR" psql -X -v ON_ERROR_STOP=1 -q \
	-c 'CREATE EXTENSION pg_review' -f data/samples.sql -f test/demo.sql
