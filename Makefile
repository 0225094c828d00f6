# Thin wrapper: every target installs what is missing, then defers to CMake/CTest.
BUILD_DIR := build
PYTHON    := /usr/bin/python3
NPROC     := $(shell nproc)
MAKEFLAGS += --no-print-directory
export CMAKE_BUILD_PARALLEL_LEVEL ?= $(NPROC)
export CTEST_PARALLEL_LEVEL ?= $(NPROC)

.PHONY: all deps configure build run test test-sanitize fuzz fuzz-build bench report clean

all: build

deps:
	scripts/install-deps.sh

configure: deps
	cmake --preset release

build: configure
	cmake --build --preset release

run: build
	$(BUILD_DIR)/bin/laborsim run

test: build fuzz-build
	ctest --preset release

# The whole test suite on an AddressSanitizer + UndefinedBehaviorSanitizer build in
# build-sanitize/ (docs/RELIABILITY.md); .ci/run runs it after make test.
test-sanitize: deps
	cmake --preset sanitize
	cmake --build --preset sanitize
	ctest --preset sanitize

# The libFuzzer targets for scenario and sweep loading, built with clang + ASan + UBSan in
# build-fuzz/ (docs/RELIABILITY.md). make test runs 20,000 mutations of each from a fixed seed
# (CTest fuzz.smoke); make fuzz runs each for FUZZ_SECONDS, keeping what it finds in
# build-fuzz/corpus.
FUZZ_SECONDS ?= 600
fuzz-build: deps
	cmake --preset fuzz
	cmake --build --preset fuzz

fuzz: fuzz-build
	scripts/fuzz $(FUZZ_SECONDS)

# The HTML report of the default run (out/dingxi.h5, made by `make run` when missing).
report: deps
	@test -f out/dingxi.h5 || $(MAKE) run
	PYTHONPATH=analysis/python $(PYTHON) -m laborsim.report out/dingxi.h5 -o out/dingxi.html

bench: build
	$(PYTHON) bench/scaling.py --laborsim $(BUILD_DIR)/bin/laborsim --write docs/PERFORMANCE.md
	$(PYTHON) bench/lmbench.py --lmbench $(BUILD_DIR)/bin/lmbench --write docs/PERFORMANCE.md

clean:
	rm -rf $(BUILD_DIR) build-sanitize build-fuzz
