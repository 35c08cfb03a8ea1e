#!/bin/bash
# Runs every test of pg_review: the core unit tests (plain and under
# ASan/UBSan), the pg_regress suites against a throwaway cluster
# (pg_virtualenv -t creates it in a temporary directory on a free port and
# removes it on exit, even after a failure or a crashed server), the same
# suites under valgrind memcheck, the libFuzzer harnesses for FUZZ_SECONDS
# each (default 60; 0 skips them), then the TAP tests.  Ends with one line
# "N passed, N failed" over all of them.
#
# The PostgreSQL major is test/pg-major.sh's (PG_MAJOR=NN to choose).
# ASAN=0, VALGRIND=0, FUZZ_SECONDS=0 and TAP=0 skip those parts (the chroots
# of test/chroot/run.sh run the unit tests and pg_regress, and TAP when asked).
# PGPORT=N gives the throwaway cluster its port (pg_virtualenv's own choice
# sees only the clusters of this system, not those of a chroot's host).
set -u
cd "$(dirname "$0")/.."
# Every build here treats warnings as errors (-Wextra) and compiles the
# glue's Assert()s in (see WERROR in the Makefile); WERROR=0 relaxes it.
export WERROR=${WERROR:-1}
make -s clean >/dev/null 2>&1

PG_MAJOR=${PG_MAJOR:-$(test/pg-major.sh)} || exit 1
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$PG_MAJOR/bin/pg_config}
[ -x "$PG_CONFIG" ] || PG_CONFIG=pg_config
export PG_MAJOR PG_CONFIG
echo "== PostgreSQL $PG_MAJOR ($($PG_CONFIG --version))"

passed=0
failed=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); }

# Installing into the server's directories needs root (or a writable
# PostgreSQL installation).
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO=sudo

# Adds the counts of a "<word>: N passed, N failed" line, or one failure.
count_line() {
	local line
	line=$(echo "$1" | grep -E "^$2: [0-9]+ passed, [0-9]+ failed" | tail -1)
	if [ -n "$line" ]; then
		count "$(echo "$line" | awk '{print $2}')" "$(echo "$line" | awk '{print $4}')"
	else
		count 0 1
	fi
}

echo "== core unit tests"
out=$(make -s unit 2>&1); echo "$out"
count_line "$out" unit

if [ "${ASAN:-1}" != 0 ]; then
	echo "== core unit tests under AddressSanitizer and UndefinedBehaviorSanitizer"
	out=$(make -s unit-asan 2>&1); echo "$out" | tail -5
	count_line "$out" unit
fi

echo "== build and install"
if ! make -s all >/dev/null || ! $SUDO make -s install >/dev/null; then
	echo "build or install failed"
	echo "$passed passed, $((failed + 1)) failed"
	exit 1
fi

echo "== no call cycle between source files"
out=$(make -s check-cycles 2>&1); echo "$out"
if echo "$out" | grep -q "check-cycles: [0-9]* files, 0 cycles"; then count 1 0; else count 0 1; fi

echo "== pg_regress (throwaway cluster)"
rm -rf test/regress_out
mkdir -p test/regress_out
# pg_regress runs as the invoking user; the server runs as postgres when we
# are root, and must be able to write the COPY files of the binary tests.
chmod 777 test/regress_out
pg_virtualenv -t -v "$PG_MAJOR" make -s installcheck > test/regress_out/installcheck.log 2>&1
rc=$?
cat test/regress_out/installcheck.log
# One line per suite: "test name ... ok" (pg_regress 15), "ok 1 - name"
# or "not ok 1 - name" (16 and later, TAP style).
ok=$(grep -cE '\.\.\. ok( |$)|^ok [0-9]+ +[-+] ' test/regress_out/installcheck.log || true)
bad=$(grep -cE '\.\.\. FAILED|\.\.\. failed|^not ok [0-9]+ ' test/regress_out/installcheck.log || true)
if [ $((ok + bad)) -eq 0 ]; then
	echo "pg_regress: no suite result found in its output: counted as a failure"
	bad=1
fi
if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then bad=1; fi
echo "pg_regress: $ok passed, $bad failed"
count "$ok" "$bad"
[ -f test/regress_out/regression.diffs ] && [ "$bad" -gt 0 ] && head -200 test/regress_out/regression.diffs

# The same suites once more against a server under valgrind memcheck
# (test/valgrind.sh, ~5 minutes; VALGRIND=0 skips it): one case, passed when
# every suite passed and valgrind reported no error.
if [ "${VALGRIND:-1}" != 0 ]; then
	echo "== pg_regress under valgrind memcheck"
	out=$(test/valgrind.sh 2>&1); rc=$?
	echo "$out" | grep -E '^(valgrind|errors attributed|other errors|test | +[a-z_]+ +\.\.\.)' | tail -25
	if [ "$rc" -eq 0 ]; then count 1 0; else echo "$out" | tail -60; count 0 1; fi
fi

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
if [ "$FUZZ_SECONDS" -gt 0 ]; then
	echo "== fuzzing (${FUZZ_SECONDS}s per harness)"
	out=$(test/fuzz/run.sh "$FUZZ_SECONDS" 2>&1); echo "$out" | tail -30
	count_line "$out" fuzz
fi

if [ "${TAP:-1}" != 0 ] && ls test/t/*.pl >/dev/null 2>&1; then
	echo "== TAP tests (PostgreSQL::Test::Cluster)"
	# initdb refuses root: as root, the tests run as the postgres user.  Data
	# and logs go to TAPDIR (TESTDIR before 17, TESTDATADIR/TESTLOGDIR since).
	TAPDIR=$(mktemp -d /tmp/pg_review_tap.XXXXXX)
	PERLLIB_DIR=$(dirname "$($PG_CONFIG --pgxs)")/../test/perl
	TAPENV="PATH=$($PG_CONFIG --bindir):$PATH PERL5LIB=$PERLLIB_DIR TESTDIR=$TAPDIR TESTDATADIR=$TAPDIR/tmp_check TESTLOGDIR=$TAPDIR/tmp_check/log"
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres "$TAPDIR"
		out=$(su postgres -s /bin/sh -c "cd '$PWD' && env $TAPENV prove -v test/t/*.pl" 2>&1)
	else
		out=$(env $TAPENV prove -v test/t/*.pl 2>&1)
	fi
	echo "$out" | grep -E '^(t/|test/t/|ok|not ok|#|Files=|Result)' | grep -vE '^ok [0-9]+ - ' | tail -60
	tap_total=$(echo "$out" | sed -n 's/^Files=[0-9]*, Tests=\([0-9]*\).*/\1/p' | tail -1)
	if echo "$out" | grep -q '^Result: PASS'; then
		count "${tap_total:-0}" 0
	else
		bad=$(echo "$out" | grep -cE '^\s*not ok' || true)
		count $(( ${tap_total:-0} - bad > 0 ? ${tap_total:-0} - bad : 0 )) $(( bad > 0 ? bad : 1 ))
		# The failed clusters' logs, for the record.
		tail -n 50 "$TAPDIR"/tmp_check/log/regress_log_* 2>/dev/null | tail -100
	fi
	rm -rf "$TAPDIR"
fi

if [ $((passed + failed)) -eq 0 ]; then
	echo "no test was counted: something is wrong with the test runner"
	failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
