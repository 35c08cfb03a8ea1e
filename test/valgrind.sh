#!/bin/bash
# Runs the pg_regress suites once against a throwaway PostgreSQL server
# started under valgrind memcheck, then reports the errors valgrind found,
# split into those attributed to pg_review (a frame in pg_review.so) and
# the rest.
#
#   test/valgrind.sh [suite ...]     (default: every suite in sql/)
#
# The extension is built and installed into a private directory
# (make install DESTDIR=...), which the server reads through Debian's
# extension_destdir and dynamic_library_path: nothing is installed into the
# system.  As root, the server runs as the postgres user.
#
# Debian's server is not built with USE_VALGRIND, so memcheck sees the
# server's own allocator only as malloc'd blocks: it finds uses of
# uninitialised memory, invalid accesses outside malloc'd blocks and bad
# frees, not overruns inside a memory context's block.  test/valgrind.supp
# suppresses the reports that come from PostgreSQL, ICU and libc themselves.
#
# Every error makes the process that hit it exit with code 128
# (--error-exitcode) when it ends, which the postmaster treats as a crash
# (the suites running then fail; the server log says which process).  Exit
# status: 0 when every suite passed, no server process crashed and valgrind
# reported no error; the logs are kept in the printed directory.
#
# Knobs: VALGRIND_EXTRA (more valgrind options, e.g. --track-origins=yes),
# VALGRIND_ERROR_EXITCODE (default 128; 0 lets processes with errors go on,
# to collect every report in one run), PG_CONFIG.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD

. test/lib/private-install.sh
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }

pi_setup valgrind 54329
VGLOG=$WORK/valgrind
mkdir -p "$VGLOG"
[ "$(id -u)" -eq 0 ] && chown postgres "$VGLOG"

start=$(date +%s)
echo "== build and install into $DEST"
pi_install || exit 1
pi_suites "$@"

echo "== initdb"
pi_initdb || exit 1

stop_server() {
	if [ -f "$DATA/postmaster.pid" ]; then
		"${AS_PG[@]}" "$BINDIR/pg_ctl" -D "$DATA" -m fast -t 600 -w stop >/dev/null 2>&1 ||
			"${AS_PG[@]}" "$BINDIR/pg_ctl" -D "$DATA" -m immediate -t 60 -w stop >/dev/null 2>&1
	fi
	[ -n "${VGPID:-}" ] && wait "$VGPID" 2>/dev/null
	VGPID=""
}
trap 'stop_server' EXIT
trap 'exit 130' INT TERM

echo "== server under valgrind (logs in $VGLOG)"
# --trace-children-skip: the shell, cat and rm of the suites' COPY TO PROGRAM.
"${AS_PG[@]}" valgrind --tool=memcheck --trace-children=yes \
	--trace-children-skip='/bin/sh,/usr/bin/sh,/bin/rm,/usr/bin/rm,/bin/cat,/usr/bin/cat' \
	--error-exitcode=${VALGRIND_ERROR_EXITCODE:-128} --leak-check=no --num-callers=40 \
	--suppressions="$ROOT/test/valgrind.supp" --gen-suppressions=all \
	--log-file="$VGLOG/%p.log" ${VALGRIND_EXTRA:-} \
	"$BINDIR/postgres" -D "$DATA" >"$WORK/server.log" 2>&1 &
VGPID=$!
for _ in $(seq 1 300); do
	"$BINDIR/pg_isready" -q -h "$SOCK" -p "$PORT" && break
	kill -0 "$VGPID" 2>/dev/null || { echo "the server did not start" >&2; tail -20 "$WORK/server.log"; exit 1; }
	sleep 1
done

echo "== pg_regress: ${SUITES[*]}"
"$PG_REGRESS" --inputdir=. --outputdir="$WORK/regress" --host="$SOCK" --port="$PORT" \
	--user=postgres --dbname=contrib_regression --load-extension=pg_review \
	"${SUITES[@]}" 2>&1 | tee "$WORK/regress.log" | grep --line-buffered -E '^(test | *[a-z_]+ +\.\.\.|ok|not ok|#)| \.\.\. '
regress_rc=${PIPESTATUS[0]}
[ -f "$WORK/regress/regression.diffs" ] && [ "$regress_rc" -ne 0 ] && head -100 "$WORK/regress/regression.diffs"

echo "== stop"
stop_server
elapsed=$(( $(date +%s) - start ))
rm -rf "$DATA" "$DEST"			# the logs stay

# Each valgrind error is a block of "==PID== " lines ended by a bare
# "==PID== " line: a description, its stack ("at"/"by" frames), maybe an
# address or origin stack.  An error is pg_review's when a frame of it is in
# pg_review.so: "(in .../pg_review.so)", or "(file.c:line)" with a source
# file of src/ when valgrind reads the debug information.
python3 - "$VGLOG" "$ROOT/src" <<'EOF'
import glob, os, re, sys

logdir = sys.argv[1]
srcs = sorted(os.path.basename(p) for p in glob.glob(os.path.join(sys.argv[2], '**', '*.[ch]'), recursive=True))
ours_frame = re.compile(r'\(in [^)]*pg_review\.so\)|\((%s):\d+\)' % '|'.join(map(re.escape, srcs)))
is_ours = lambda l: re.match(r'\s+(at|by) 0x', l) and ours_frame.search(l)
prefix = re.compile(r'^==(\d+)== ?(.*)$')
ours, others, procs, suppressed = [], [], 0, 0
for path in sorted(glob.glob(os.path.join(logdir, '*.log'))):
    procs += 1
    block = []
    lines = open(path, errors='replace').read().split('\n') + ['==0== ']
    for line in lines:
        m = prefix.match(line)
        if not m:
            continue            # --gen-suppressions output, not prefixed
        text = m.group(2)
        m2 = re.match(r'ERROR SUMMARY: \d+ errors from \d+ contexts \(suppressed: (\d+)', text)
        if m2:
            suppressed += int(m2.group(1))
        if text.strip() == '':
            if len(block) > 1 and re.match(r'\s+at 0x', block[1]):
                # its own stack, or the address's or origin's stack
                rec = (os.path.basename(path), block)
                (ours if any(is_ours(l) for l in block) else others).append(rec)
            block = []
        else:
            block.append(text)

def show(title, recs):
    print('%s: %d' % (title, len(recs)))
    for name, block in recs[:20]:
        print('--- %s' % name)
        print('\n'.join(block[:25]))

print('valgrind: %d processes, %d errors suppressed by test/valgrind.supp' % (procs, suppressed))
show('errors attributed to pg_review (a frame in pg_review.so)', ours)
show('other errors (PostgreSQL, ICU, libc: not suppressed)', others)
open(os.path.join(logdir, 'summary'), 'w').write('%d %d\n' % (len(ours), len(others)))
EOF
read -r n_ours n_others < "$VGLOG/summary"
# A process that hit an error exits with 128: the postmaster logs it.
crashes=$(grep -cE 'exited with exit code 128|was terminated by signal' "$WORK/server.log")
grep -E 'exited with exit code 128|was terminated by signal' "$WORK/server.log" | head -5
echo "valgrind: pg_regress exit $regress_rc, $crashes server processes crashed, $n_ours errors in pg_review, $n_others other errors, ${elapsed}s; logs in $WORK"
[ "$regress_rc" -eq 0 ] && [ "$crashes" -eq 0 ] && [ "$n_ours" -eq 0 ] && [ "$n_others" -eq 0 ]
