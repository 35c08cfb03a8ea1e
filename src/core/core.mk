# src/core/core.mk
#	  The pure C core of pg_review, built once into a static archive.
#
# The core (UTF-8, markup, segmentation, spoiler scoring, hidden ranges,
# ranking, queries, the stored layout) is compiled with one set of flags and
# an include path that holds only src/core and ICU: PostgreSQL's server
# headers are not on it, so a core file that includes postgres.h (or any
# other server header) fails to build.  The server module, the unit tests,
# the eval tool, the ASan/UBSan tests and the fuzzers all link the archive:
#
#	src/core/build/libpgreview_core.a	  the module, unit tests, eval tool
#	src/core/build-asan/...				  the same, with ASan and UBSan
#	src/core/build-fuzz/...				  the same, for libFuzzer (clang)
#
# The variants differ only in the instrumentation they add.
# Included by the top-level Makefile; needs ICU_PKG_CFLAGS.

CORE_DIR	:= src/core
CORE_SRCS	:= $(sort $(wildcard $(CORE_DIR)/*.c)) $(sort $(wildcard $(CORE_DIR)/generated/*.c))
CORE_HDRS	:= $(wildcard $(CORE_DIR)/*.h)

# Warnings and code generation as PostgreSQL's own (-fwrapv,
# -fno-strict-aliasing), plus -Wextra; WERROR=1 makes warnings errors.
CORE_CFLAGS	:= -std=gnu99 -g -fPIC -fwrapv -fno-strict-aliasing \
	-Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
	-Wmissing-prototypes -Wpointer-arith -Werror=vla -Wimplicit-fallthrough \
	$(if $(filter 1,$(WERROR)),-Werror)
CORE_CPPFLAGS := -I$(CORE_DIR) $(ICU_PKG_CFLAGS)

CORE_SAN	:= -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# $(call core_variant,DIR,CC,FLAGS)
define core_variant
$(1)/%.o: $(CORE_DIR)/%.c $(CORE_HDRS) $(CORE_DIR)/core.mk
	@mkdir -p $$(@D)
	$(2) $(CORE_CFLAGS) $(3) $(CORE_CPPFLAGS) -c -o $$@ $$<

$(1)/libpgreview_core.a: $(patsubst $(CORE_DIR)/%.c,$(1)/%.o,$(CORE_SRCS))
	rm -f $$@
	$(AR) crs $$@ $$^
endef

CORE_LIB		:= $(CORE_DIR)/build/libpgreview_core.a
CORE_LIB_ASAN	:= $(CORE_DIR)/build-asan/libpgreview_core.a
CORE_LIB_FUZZ	:= $(CORE_DIR)/build-fuzz/libpgreview_core.a

$(eval $(call core_variant,$(CORE_DIR)/build,$(CC),-O2))
$(eval $(call core_variant,$(CORE_DIR)/build-asan,$(CC),-O1 $(CORE_SAN)))
$(eval $(call core_variant,$(CORE_DIR)/build-fuzz,clang,-O1 -fsanitize=fuzzer-no-link $(CORE_SAN)))

# The boundary, also for includes the include path would find by another
# route: no core file names a PostgreSQL header.
.PHONY: core-check
core-check:
	@if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](postgres|postgres_ext|fmgr|funcapi|miscadmin|c)\.h[>"]|^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](utils|access|catalog|nodes|tsearch|postgresql)/' $(CORE_SRCS) $(CORE_HDRS); then \
		echo "src/core must not include PostgreSQL's headers (see src/core/core.mk)" >&2; exit 1; fi

$(CORE_LIB) $(CORE_LIB_ASAN) $(CORE_LIB_FUZZ): | core-check

.PHONY: core-clean
core-clean:
	rm -rf $(CORE_DIR)/build $(CORE_DIR)/build-asan $(CORE_DIR)/build-fuzz
