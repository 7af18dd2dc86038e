# Kursus: two commands do everything on a fresh Debian machine with the Swift toolchain.
#   make run    installs what is missing, builds, and plays the bundled course
#   make test   installs what is missing, builds, and runs every test
SWIFT ?= swift
ARGS ?=

.PHONY: run test deps build bench install clean

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

run: build
	"$$($(SWIFT) build --show-bin-path)/kursus" play $(ARGS)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

bench:
	@KURSUS_WITH_BENCH_TOOLS=1 scripts/ensure-deps.sh
	scripts/bench-render.sh
	scripts/bench-quiz.sh
	scripts/bench-scenario.sh

PREFIX ?= /usr/local
install: deps
	$(SWIFT) build -c release
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/kursus"
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/kursus" "$(PREFIX)/bin/kursus"
	cp -R Assets Courses "$(PREFIX)/share/kursus/"

clean:
	rm -rf .build
