#!/bin/sh
# Writes tools/typedefs.list: the type names pg_review's C sources define,
# for pgindent (make pgindent uses it beside PostgreSQL's own list).
# Usage: tools/update-typedefs.sh
set -eu
cd "$(dirname "$0")/.."
{
	# } Name;  closing a typedef struct/union/enum
	sed -n 's/^}[[:space:]]*\([A-Za-z_][A-Za-z0-9_]*\);.*/\1/p' src/core/*.[ch] src/core/generated/*.c src/pg/*.[ch] test/unit/*.[ch] test/fuzz/*.[ch]
	# typedef ... Name;  on one line
	sed -n 's/^typedef[^;{(]*[[:space:]*]\([A-Za-z_][A-Za-z0-9_]*\);.*/\1/p' src/core/*.[ch] src/pg/*.[ch] test/unit/*.[ch] test/fuzz/*.[ch]
	# typedef ret (*Name) (args);
	sed -n 's/^typedef[^(]*(\*[[:space:]]*\([A-Za-z_][A-Za-z0-9_]*\)).*/\1/p' src/core/*.[ch] src/pg/*.[ch]
} | LC_ALL=C sort -u > tools/typedefs.list
wc -l < tools/typedefs.list
