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
#   make bench      benchmarks against tsvector + GIN and RUM (bench/run.sh)

EXTENSION	= pg_review
# The default version (also default_version in pg_review.control).  The
# parts below build its install script; every released version's script is a
# fixed, committed file (sql/pg_review--0.1.0.sql, sql/pg_review--0.2.0.sql), and
# sql/pg_review--OLD--NEW.sql updates from one to the next.
EXTVERSION	= 0.3.0
MODULE_big	= pg_review

CORE_SRCS	= $(sort $(wildcard src/rv_*.c))
GLUE_SRCS	= $(sort $(filter-out $(CORE_SRCS) src/review_rum.c,$(wildcard src/*.c)))

DATA_built	= sql/pg_review--$(EXTVERSION).sql
DATA		= $(filter-out $(DATA_built),$(wildcard sql/pg_review--*.sql))

REGRESS		= $(patsubst sql/%.sql,%,$(sort $(filter-out sql/pg_review% sql/review_rum.sql,$(wildcard sql/*.sql))))

REGRESS_OPTS = --inputdir=. --outputdir=test/regress_out --load-extension=pg_review

EXTRA_CLEAN	= test/unit/run_tests test/unit/run_tests_asan test/eval/detect_cli test/fuzz/bin test/regress_out $(DATA_built)

ICU_PKG_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n 2>/dev/null)
ICU_PKG_LIBS   := $(shell pkg-config --libs icu-uc icu-i18n 2>/dev/null)

PG_CONFIG	?= pg_config
PGXS		:= $(shell $(PG_CONFIG) --pgxs 2>/dev/null)

# pg_review_rum: the RUM operator class, built into pg_review.so and shipped
# as a second extension when RUM's header is installed (postgresql-15-rum).
RUM_HEADER	:= $(wildcard $(shell $(PG_CONFIG) --includedir-server 2>/dev/null)/rum.h)
ifneq ($(RUM_HEADER),)
EXTENSION	+= pg_review_rum
GLUE_SRCS	+= src/review_rum.c
DATA		+= $(wildcard sql/pg_review_rum--*.sql)
REGRESS		+= review_rum
else ifneq ($(PGXS),)
$(info rum.h not found: building pg_review without pg_review_rum (install postgresql-15-rum))
endif
OBJS		= $(CORE_SRCS:.c=.o) $(GLUE_SRCS:.c=.o)

ifeq ($(PGXS),)
# No server headers yet: the convenience targets install them first.
.PHONY: all demo test unit
all:
	@echo "pg_config was not found: install postgresql-server-dev-15 and libicu-dev (or run 'make test', which does)" >&2; exit 1
demo test:
	test/install-deps.sh
	$(MAKE) $@
unit:
	test/install-deps.sh
	$(MAKE) $@
else

PG_CPPFLAGS	= -I$(srcdir)/src $(ICU_PKG_CFLAGS)
SHLIB_LINK	+= $(if $(ICU_LIBS),$(ICU_LIBS),$(ICU_PKG_LIBS))
PG_CFLAGS	= -std=gnu99 -Wall -Wmissing-prototypes -Wpointer-arith -Werror=vla

include $(PGXS)

# PGXS tracks no header dependencies: rebuild everything when a header
# changes (a stale object reading a changed struct is a crash).
$(OBJS): $(wildcard src/*.h)

ifeq ($(ICU_PKG_LIBS)$(ICU_LIBS),)
$(error ICU was not found: install libicu-dev (pkg-config icu-uc icu-i18n))
endif

$(foreach c,$(EXTENSION),$(if $(filter-out $(EXTVERSION),$(shell sed -n "s/^default_version = '\(.*\)'$$/\1/p" $(c).control)),$(error $(c).control: default_version is not EXTVERSION ($(EXTVERSION)))))

# The install script: objects, the shipped theme lexicon, then the end part.
INSTALL_PARTS = sql/pg_review.sql $(wildcard sql/pg_review_themes.sql) sql/pg_review_end.sql
$(DATA_built): $(INSTALL_PARTS)
	cat $^ > $@

# The core unit tests link the core files only: no server, no postgres.h.
UNIT_SRCS	= $(sort $(wildcard test/unit/*.c))
UNIT_CFLAGS	?= -O1 -g
test/unit/run_tests: $(UNIT_SRCS) $(CORE_SRCS) $(wildcard src/rv_*.h) test/unit/rv_test.h
	$(CC) -std=gnu99 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers $(UNIT_CFLAGS) -Isrc -Itest/unit $(ICU_PKG_CFLAGS) \
		-o $@ $(UNIT_SRCS) $(CORE_SRCS) $(ICU_PKG_LIBS) -lm

# The detector's command-line tool, for fitting and evaluation.
test/eval/detect_cli: test/eval/detect_cli.c $(CORE_SRCS) $(wildcard src/rv_*.h)
	$(CC) -std=gnu99 -Wall -Wextra -Wno-unused-parameter -O2 -Isrc $(ICU_PKG_CFLAGS) \
		-o $@ test/eval/detect_cli.c $(CORE_SRCS) $(ICU_PKG_LIBS) -lm

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
test/unit/run_tests_asan: $(UNIT_SRCS) $(CORE_SRCS) $(wildcard src/rv_*.h) test/unit/rv_test.h
	$(CC) -std=gnu99 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -O1 -g \
		-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
		-Isrc -Itest/unit $(ICU_PKG_CFLAGS) -o $@ $(UNIT_SRCS) $(CORE_SRCS) $(ICU_PKG_LIBS) -lm

.PHONY: unit unit-asan fuzz test demo bench eval valgrind
unit: test/unit/run_tests
	test/unit/run_tests

unit-asan: test/unit/run_tests_asan
	test/unit/run_tests_asan

# libFuzzer harnesses of the core, FUZZ_SECONDS each (default 60).
FUZZ_SECONDS ?= 60
fuzz:
	test/fuzz/run.sh $(FUZZ_SECONDS)

test: all
	test/run-all.sh

# The pg_regress suites once against a throwaway server under valgrind.
valgrind: all
	test/valgrind.sh

demo: all
	test/demo.sh

# Benchmarks against PostgreSQL's full text search (see bench/run.sh).
bench: all
	bench/run.sh

# The spoiler detector's quality figures.
eval:
	test/eval/run-eval.sh

endif

# The suites of REGRESS, for test/regress-private.sh.
.PHONY: print-regress
print-regress:
	@echo $(REGRESS)
