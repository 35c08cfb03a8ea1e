# pg_review: the review data type, spoiler redaction and a GIN-indexed
# theme-keyword search for PostgreSQL.
#
#   make            build the extension (needs pg_config, server headers, ICU)
#   make install    install it into the server found by pg_config
#   make demo       install what is missing, build, install, tour on a throwaway cluster
#   make test       install what is missing, then run every test (unit + pg_regress)
#   make unit       core unit tests only (no server needed); make unit-asan: the
#                   same under ASan/UBSan
#   make fuzz       libFuzzer harnesses of the core, FUZZ_SECONDS (60) each
#   make valgrind   the pg_regress suites against a server under valgrind
#                   memcheck (test/valgrind.sh; private install, ~6 minutes)
#   make eval       the spoiler detector's precision, recall, F1 and ROC AUC
#   make update-detector-weights
#                   refit the English detector (tools/fit_detector.py, then its
#                   review scale, tools/fit_review_scale.py; the first needs the
#                   labelled data in ../shared and python3-numpy, python3-scipy;
#                   PYTHON picks the interpreter)
#   make bench      benchmarks against tsvector + GIN and RUM (bench/run.sh)

.DEFAULT_GOAL := all

EXTENSION	= pg_review
# The default version (also default_version in pg_review.control).  As
# contrib/hstore does, one base install script (sql/pg_review--0.1.0.sql, the
# first release, with the shipped theme lexicon) and the chain of update
# scripts sql/pg_review--OLD--NEW.sql: CREATE EXTENSION installs the base and
# runs the chain up to default_version.  A release adds its update script
# only; no install script is copied.
EXTVERSION	= 0.3.0
MODULE_big	= pg_review

# The glue: fmgr functions, GIN/RUM support, planner support (src/pg).  The
# core (src/core) is a static archive of its own: see src/core/core.mk.
GLUE_SRCS	= $(sort $(filter-out src/pg/review_rum.c,$(wildcard src/pg/*.c)))

DATA		= $(wildcard sql/pg_review--*.sql)

REGRESS		= $(patsubst sql/%.sql,%,$(sort $(filter-out sql/pg_review% sql/review_rum.sql,$(wildcard sql/*.sql))))

REGRESS_OPTS = --inputdir=. --outputdir=test/regress_out --load-extension=pg_review

PYTHON		?= python3

EXTRA_CLEAN	= src/core/build src/core/build-asan src/core/build-fuzz test/unit/run_tests test/unit/run_tests_asan test/eval/detect_cli test/fuzz/bin test/regress_out

ICU_PKG_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n 2>/dev/null)
ICU_PKG_LIBS   := $(shell pkg-config --libs icu-uc icu-i18n 2>/dev/null)

# The PostgreSQL major, chosen once (test/pg-major.sh): PG_MAJOR=NN, or the
# major of PG_CONFIG, or the newest server installed, or the pg_config on
# PATH, or the distribution's default.  PG_CONFIG follows from it; both are
# exported to the scripts of demo and test.
ifeq ($(PG_MAJOR),)
PG_MAJOR	:= $(shell PG_CONFIG=$(PG_CONFIG) $(dir $(lastword $(MAKEFILE_LIST)))test/pg-major.sh)
endif
ifeq ($(origin PG_CONFIG),undefined)
PG_CONFIG	:= $(or $(wildcard /usr/lib/postgresql/$(PG_MAJOR)/bin/pg_config),$(if $(filter $(PG_MAJOR),$(shell pg_config --version 2>/dev/null | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')),pg_config),/usr/lib/postgresql/$(PG_MAJOR)/bin/pg_config)
endif
export PG_MAJOR PG_CONFIG
PGXS		:= $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
PG_INCLUDEDIR_SERVER := $(shell $(PG_CONFIG) --includedir-server 2>/dev/null)
# Debian ships pg_config and pgxs.mk with the client package: without the
# server headers (postgresql-server-dev-NN) there is nothing to build with.
ifeq ($(wildcard $(PG_INCLUDEDIR_SERVER)/postgres.h),)
PGXS		:=
endif

# pg_review_rum: the RUM operator class, built into pg_review.so and shipped
# as a second extension when RUM's header is found: in the server's include
# directory (postgresql-NN-rum) or in RUM_INCLUDEDIR (e.g. the src directory
# of RUM's source package, where postgresql-NN-rum lacks rum.h).
RUM_INCLUDEDIR	?= $(PG_INCLUDEDIR_SERVER)
RUM_HEADER	:= $(wildcard $(RUM_INCLUDEDIR)/rum.h)
ifneq ($(RUM_HEADER),)
EXTENSION	+= pg_review_rum
GLUE_SRCS	+= src/pg/review_rum.c
DATA		+= $(wildcard sql/pg_review_rum--*.sql)
REGRESS		+= review_rum
else ifneq ($(PGXS),)
$(info rum.h not found: building pg_review without pg_review_rum (install postgresql-$(PG_MAJOR)-rum, or set RUM_INCLUDEDIR))
endif
OBJS		= $(GLUE_SRCS:.c=.o)

include src/core/core.mk

# The core unit tests, the eval tool and the fuzzers link the core archive
# only: no server, no postgres.h.
UNIT_SRCS	= $(sort $(wildcard test/unit/*.c))
TEST_CFLAGS	= -std=gnu99 -g -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
	$(if $(filter 1,$(WERROR)),-Werror) -I$(CORE_DIR) $(ICU_PKG_CFLAGS)
test/unit/run_tests: $(UNIT_SRCS) test/unit/rv_test.h $(CORE_LIB)
	$(CC) $(TEST_CFLAGS) -O1 -Itest/unit -o $@ $(UNIT_SRCS) $(CORE_LIB) $(ICU_PKG_LIBS) -lm

test/unit/run_tests_asan: $(UNIT_SRCS) test/unit/rv_test.h $(CORE_LIB_ASAN)
	$(CC) $(TEST_CFLAGS) -O1 $(CORE_SAN) -Itest/unit -o $@ $(UNIT_SRCS) $(CORE_LIB_ASAN) $(ICU_PKG_LIBS) -lm

# The detector's command-line tool, for fitting and evaluation.
test/eval/detect_cli: test/eval/detect_cli.c $(CORE_LIB)
	$(CC) $(TEST_CFLAGS) -O2 -o $@ $< $(CORE_LIB) $(ICU_PKG_LIBS) -lm

.PHONY: unit unit-asan fuzz eval update-detector-weights
unit: test/unit/run_tests
	test/unit/run_tests

unit-asan: test/unit/run_tests_asan
	test/unit/run_tests_asan

# libFuzzer harnesses of the core, FUZZ_SECONDS each (default 60).
FUZZ_SECONDS ?= 60
fuzz:
	test/fuzz/run.sh $(FUZZ_SECONDS)

# No two source files call each other, directly or through others.
.PHONY: check-cycles
check-cycles: $(OBJS) $(CORE_LIB)
	tools/check_cycles.py $(OBJS) $(patsubst $(CORE_DIR)/%.c,$(CORE_DIR)/build/%.o,$(CORE_SRCS))

# The spoiler detector's quality figures.
eval:
	test/eval/run-eval.sh

# Fits the detector again on the labelled sentences (../shared/data/spoilers)
# and rewrites the generated weights in src/core/generated.
update-detector-weights: test/eval/detect_cli
	$(PYTHON) tools/fit_detector.py
	$(MAKE) test/eval/detect_cli
	$(PYTHON) tools/fit_review_scale.py

ifeq ($(PGXS),)
# No server headers yet: the convenience targets install them first (or
# print the apt-get line), then start again with what is now installed.
.PHONY: all demo test install installcheck
all install installcheck:
	@echo "the server headers of PostgreSQL $(PG_MAJOR) were not found (no postgres.h where $(PG_CONFIG) --includedir-server says): install postgresql-server-dev-$(PG_MAJOR) and libicu-dev (or run 'make test', which does)" >&2; exit 1
demo test:
	$(if $(filter test,$@),ALL=1) test/install-deps.sh
	$(MAKE) $@ PG_CONFIG=/usr/lib/postgresql/$(PG_MAJOR)/bin/pg_config
else

PG_CPPFLAGS	= -I$(srcdir)/src/pg -I$(srcdir)/src/core $(if $(filter-out $(PG_INCLUDEDIR_SERVER),$(RUM_INCLUDEDIR)),-I$(RUM_INCLUDEDIR)) $(ICU_PKG_CFLAGS)
SHLIB_LINK	+= $(CORE_LIB) $(if $(ICU_LIBS),$(ICU_LIBS),$(ICU_PKG_LIBS))
# WERROR=1 (CI): -Wextra as errors, with the glue's Assert()s compiled in.
PG_CFLAGS	= -std=gnu99 -Wall -Wmissing-prototypes -Wpointer-arith -Werror=vla \
	$(if $(filter 1,$(WERROR)),-Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare -Werror -DUSE_ASSERT_CHECKING)

include $(PGXS)

# PGXS tracks no header dependencies: rebuild everything when a header
# changes (a stale object reading a changed struct is a crash).
$(OBJS): $(wildcard src/pg/*.h) $(CORE_HDRS)
$(shlib): $(CORE_LIB)

ifeq ($(ICU_PKG_LIBS)$(ICU_LIBS),)
$(error ICU was not found: install libicu-dev (pkg-config icu-uc icu-i18n))
endif

$(foreach c,$(EXTENSION),$(if $(filter-out $(EXTVERSION),$(shell sed -n "s/^default_version = '\(.*\)'$$/\1/p" $(c).control)),$(error $(c).control: default_version is not EXTVERSION ($(EXTVERSION)))))

test: all
	ALL=1 test/install-deps.sh
	test/run-all.sh

# The pg_regress suites once against a throwaway server under valgrind.
valgrind: all
	test/valgrind.sh

demo: all
	test/install-deps.sh
	test/demo.sh

# Benchmarks against PostgreSQL's full text search (see bench/run.sh).
bench: all
	bench/run.sh


endif

# The suites of REGRESS, for test/regress-private.sh.
.PHONY: print-regress
print-regress:
	@echo $(REGRESS)

# PostgreSQL's indentation.  pgindent and pg_bsd_indent come from a
# PostgreSQL source tree (src/tools/pgindent): PGINDENT=/path/to/pgindent.
# It reads PostgreSQL's own typedefs and ours (tools/typedefs.list, which
# make update-typedefs writes from the sources).
PGINDENT ?= pgindent
PG_TYPEDEFS ?=
.PHONY: pgindent update-typedefs
update-typedefs:
	tools/update-typedefs.sh

pgindent: tools/typedefs.list
	@command -v $(PGINDENT) >/dev/null || { echo "pgindent not found: set PGINDENT=/path/to/postgresql/src/tools/pgindent/pgindent (and put pg_bsd_indent on PATH)" >&2; exit 1; }
	$(PGINDENT) --typedefs=tools/typedefs.list $(if $(PG_TYPEDEFS),--typedefs=$(PG_TYPEDEFS)) \
		$(wildcard src/core/*.[ch] src/pg/*.[ch] test/unit/*.[ch] test/fuzz/*.[ch])

# Ingest and redaction benchmark (issue 15): text -> review against
# to_tsvector, detector on and off, redact() against regexp_replace and
# length(body), on a private install (bench/ingest.sh; N reviews per corpus).
BENCH_INGEST_N ?= 40000
.PHONY: bench-ingest
bench-ingest: all
	bench/ingest.sh $(BENCH_INGEST_N)

# BM25 top-k benchmark (issue 13): ORDER BY r <#> bq LIMIT 10 through
# review_rum_ops against RUM's <=> on tsvector, queries of growing match
# counts, on a private install (bench/topk.sh; N reviews).
BENCH_TOPK_N ?= 200000
.PHONY: bench-topk
bench-topk: all
	bench/topk.sh $(BENCH_TOPK_N)
