#!/bin/sh
# Installs what building and testing pg_review needs on Debian (bookworm,
# trixie, sid), for the chosen PostgreSQL major (test/pg-major.sh:
# PG_MAJOR=NN, or what is installed, or the distribution's default): the
# server with its headers, RUM (for pg_review_rum), ICU, a C toolchain,
# pg_virtualenv (throwaway clusters) and the Perl modules of PostgreSQL's TAP
# tests; with ALL=1 (make test, CI) also clang with libFuzzer and valgrind,
# with CHROOT=1 (CI) debootstrap.
# Installs nothing when everything is there; without root, prints the exact
# apt-get line.
set -eu
cd "$(dirname "$0")/.."

if ! PG_MAJOR=$(test/pg-major.sh 2>/dev/null); then
	# A bare machine whose package lists are not read yet.
	[ "$(id -u)" -eq 0 ] && apt-get update -qq
	PG_MAJOR=$(test/pg-major.sh)
fi

PKGS="postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-$PG_MAJOR-rum postgresql-common libicu-dev pkg-config make gcc libipc-run-perl"
if [ "${ALL:-0}" = 1 ]; then
	# The fuzzers' clang and its libFuzzer runtime, the major the distribution ships;
	# python3 and binutils (nm) for make check-cycles.
	clang_major=$(apt-cache depends clang 2>/dev/null | sed -n 's/^ *Depends: clang-\([0-9][0-9]*\)$/\1/p' | head -1)
	PKGS="$PKGS clang libclang-rt-${clang_major:-14}-dev valgrind python3 binutils"
fi
# CHROOT=1 (CI): debootstrap, for the chroots of test/chroot/run.sh.
[ "${CHROOT:-0}" = 1 ] && PKGS="$PKGS debootstrap"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "pg_review (PostgreSQL $PG_MAJOR) needs these Debian packages:$missing" >&2
	echo "install them with: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "installing for PostgreSQL $PG_MAJOR:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if ! apt-cache show "postgresql-server-dev-$PG_MAJOR" >/dev/null 2>&1; then
	echo "PostgreSQL $PG_MAJOR is not in this machine's apt sources (Debian bookworm has 15," \
		"trixie 17, sid 18; PostgreSQL's own apt repository has the others): add it or set PG_MAJOR" >&2
	exit 1
fi
apt-get install -y -qq $missing >/dev/null
