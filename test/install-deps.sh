#!/bin/sh
# Installs what building and testing pg_review needs on Debian (bookworm):
# PostgreSQL 15 with its server headers, RUM (for pg_review_rum), ICU, a C
# toolchain, pg_virtualenv (throwaway clusters), clang with libFuzzer,
# valgrind, and the Perl modules of PostgreSQL's TAP tests.
# Installs nothing when everything is there; without root, says what is missing.
set -eu

PKGS="postgresql-15 postgresql-server-dev-15 postgresql-15-rum postgresql-common libicu-dev pkg-config make gcc clang libclang-rt-14-dev libipc-run-perl valgrind"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "pg_review needs these Debian packages:$missing" >&2
	echo "install them with: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq $missing >/dev/null
