#!/bin/sh
# Builds the detector's command-line tool and prints its quality figures
# (see test/eval/eval.py).  Needs only the C toolchain, ICU and python3.
set -e
cd "$(dirname "$0")/../.."
make -s test/eval/detect_cli
python3 test/eval/eval.py
