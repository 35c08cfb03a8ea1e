#!/bin/bash
# Builds the libFuzzer harnesses of the pg_review core (clang,
# -fsanitize=fuzzer,address,undefined) and runs each for SECONDS (default 60)
# on a copy of the seed corpus in test/fuzz/corpus.  Prints the executions and
# crashes of each harness and ends with "fuzz: N passed, N failed".
# Usage: test/fuzz/run.sh [SECONDS]
set -u
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-60}

if ! command -v clang >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
	else
		echo "fuzzing needs clang and libclang-rt-14-dev: sudo apt-get install -y clang libclang-rt-14-dev" >&2
		exit 1
	fi
fi

ICU_CFLAGS=$(pkg-config --cflags icu-uc icu-i18n)
ICU_LIBS=$(pkg-config --libs icu-uc icu-i18n)
BIN=test/fuzz/bin
mkdir -p "$BIN"
WORK=$(mktemp -d /tmp/pg_review_fuzz.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# The core archive, plain (for the seed maker) and instrumented for libFuzzer.
make -s src/core/build/libpgreview_core.a src/core/build-fuzz/libpgreview_core.a || exit 1

# Wire seeds are the binary form of the review seeds.
cc -std=gnu99 -O1 -Isrc/core $ICU_CFLAGS -o "$BIN/make_seeds" test/fuzz/make_seeds.c src/core/build/libpgreview_core.a $ICU_LIBS -lm || exit 1
mkdir -p "$WORK/corpus_review_wire"
"$BIN/make_seeds" "$WORK/corpus_review_wire" test/fuzz/corpus/review_parse/*

passed=0
failed=0
for h in review_parse review_wire query hidden; do
	clang -std=gnu99 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-Isrc/core -Itest/fuzz $ICU_CFLAGS -o "$BIN/fuzz_$h" "test/fuzz/fuzz_$h.c" src/core/build-fuzz/libpgreview_core.a $ICU_LIBS -lm || { failed=$((failed + 1)); continue; }
	mkdir -p "$WORK/corpus_$h"
	[ -d "test/fuzz/corpus/$h" ] && cp test/fuzz/corpus/$h/* "$WORK/corpus_$h/"
	case $h in query | hidden) cp test/fuzz/corpus/review_parse/* "$WORK/corpus_$h/" ;; esac
	log="$WORK/$h.log"
	# ICU keeps caches for the life of the process: not leaks of ours.
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=report_objects=0 \
		"$BIN/fuzz_$h" -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -max_len=8192 \
		-print_final_stats=1 -artifact_prefix="$WORK/crash-$h-" "$WORK/corpus_$h" > "$log" 2>&1
	rc=$?
	execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
	crashes=$(ls "$WORK"/crash-$h-* 2>/dev/null | wc -l)
	echo "fuzz_$h: ${execs:-0} executions in ${SECONDS_EACH}s, $crashes crashes (exit $rc)"
	if [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ]; then
		failed=$((failed + 1))
		grep -E 'ERROR|property failed|SUMMARY' "$log" | head -5
		for c in "$WORK"/crash-$h-*; do [ -f "$c" ] && { echo "input:"; od -c "$c" | head -5; }; done
		mkdir -p test/fuzz/crashes && cp "$WORK"/crash-$h-* test/fuzz/crashes/ 2>/dev/null
	else
		passed=$((passed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
