# Sotong's entry points. `make run` and `make test` work on a fresh Debian 12 as root: they install what is
# missing (scripts/install-deps.sh), fetch the front-end packages, build and go.
SHELL := /bin/bash
BUILD ?= build
ASAN_BUILD ?= build-asan
DATABASE ?= sqlite:data/sotong.db
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)

.PHONY: all deps web build run test unit asan check-deps tidy format format-check test-http test-http-sqlite \
        test-http-postgres test-browser bench clean

all: build

deps:
	@scripts/install-deps.sh

# Front-end packages (KRDS, Pretendard GOV, htmx, echarts), the asset tools and the test tools, from the npm
# registry.
web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
# What pages load (web/build/, not committed: docs/decisions/0006): KRDS's CSS without the rules no template
# or script uses, everything minified, the font's slices. Made again when a template, the app's CSS or JS,
# a package or the script changes.
WEB_BUILD_INPUTS = scripts/build-web-assets.mjs web/static/sotong.css web/static/sotong.js \
                   $(shell find src -path '*/templates/*.mustache')
web/build/.built: web/node_modules/.package-lock.json $(WEB_BUILD_INPUTS)
	node scripts/build-web-assets.mjs
	@touch $@
web: deps web/node_modules/.package-lock.json web/build/.built

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

run: web build
	@mkdir -p data
	@$(BUILD)/sotong migrate --database $(DATABASE)
	@$(BUILD)/sotong demo-data --database $(DATABASE)
	@echo
	@echo "Sotong: http://$(LISTEN)/  (Ctrl+C로 멈춤)"
	@exec $(BUILD)/sotong serve --listen $(LISTEN) --database $(DATABASE)

unit: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The unit tests again under AddressSanitizer and UndefinedBehaviorSanitizer (no server, no Beast: quick).
asan: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSOTONG_SANITIZE=ON -DSOTONG_UNIT_ONLY=ON >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target sotong_unit_tests
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(ASAN_BUILD)/sotong_unit_tests --gtest_brief=1

# Includes point one way; SQL lives in stores and names only its own module's tables (the checker's own
# fixtures first).
check-deps:
	scripts/check-deps
	scripts/check-sql --self-test
	scripts/check-sql

# clang-tidy's naming check (DESIGN.md's conventions) and a few bug-prone patterns, over every translation unit
# the build compiles (its unity batches include every source) and the project's headers.
tidy: build
	scripts/tidy.sh $(BUILD)

# Sources are found with find, not git, so the checks also run on an exported tree (git archive).
SOURCES = $(shell find src bench -name '*.cpp' -o -name '*.hpp' | sort)

format:
	clang-format -i $(SOURCES)

format-check:
	clang-format --dry-run --Werror $(SOURCES)

test-http-sqlite: build web
	scripts/test-http.sh sqlite
test-http-postgres: build web
	scripts/test-http.sh postgres
test-http: test-http-sqlite test-http-postgres

test-browser: build web
	rm -rf test-results/html
	scripts/test-browser.sh
	scripts/check-html.sh

# Everything CI runs: static checks first (they are quick), then unit, sanitizer, HTTP on both engines, browser.
test: deps web build
	$(MAKE) --no-print-directory check-deps format-check tidy
	$(MAKE) --no-print-directory unit
	$(MAKE) --no-print-directory asan
	$(MAKE) --no-print-directory test-http-sqlite
	$(MAKE) --no-print-directory test-http-postgres
	$(MAKE) --no-print-directory test-browser
	@echo "make test: all suites passed"

bench: web deps
	scripts/bench.sh

# Korean search over 100,000 generated documents on SQLite and PostgreSQL (about two minutes: its own target).
.PHONY: bench-search
bench-search: deps
	scripts/bench-search.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) web/build
