# Kursus: two commands do everything on a fresh Debian machine with the Swift toolchain.
#   make run    installs what is missing, builds, and plays the bundled course
#   make test   installs what is missing, builds, and runs every test
# For contributors (swift format ships with the toolchain; its settings are in .swift-format):
#   make format rewrites the Swift sources in the project's style
#   make lint   fails on any difference from that style
SWIFT ?= swift
ARGS ?=
SWIFT_FORMAT_PATHS = Sources Tests Tools Package.swift

.PHONY: run test deps build bench install clean lint format

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

run: build
	"$$($(SWIFT) build --show-bin-path)/kursus" play $(ARGS)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --parallel --recursive --configuration .swift-format $(SWIFT_FORMAT_PATHS)

format:
	$(SWIFT) format format --in-place --parallel --recursive --configuration .swift-format $(SWIFT_FORMAT_PATHS)

bench:
	@KURSUS_WITH_BENCH_TOOLS=1 scripts/ensure-deps.sh
	scripts/bench-render.sh
	scripts/bench-quiz.sh
	scripts/bench-scenario.sh
	scripts/bench-outbox.sh
	scripts/bench-sync.sh
	scripts/bench-report.sh
	scripts/bench-package.sh

PREFIX ?= /usr/local
install: deps
	$(SWIFT) build -c release
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/kursus"
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/kursus" "$(PREFIX)/bin/kursus"
	cp -R Assets Courses "$(PREFIX)/share/kursus/"

clean:
	rm -rf .build
