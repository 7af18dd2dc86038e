# Kursus: two commands do everything on a fresh Debian machine with the Swift toolchain.
#   make run    installs what is missing, builds, and plays the bundled course
#   make test   installs what is missing, builds, and runs every test
# For contributors (swift format ships with the toolchain; its settings are in .swift-format):
#   make format rewrites the Swift sources in the project's style
#   make lint   fails on any difference from that style
SWIFT ?= swift
ARGS ?=
SWIFT_FORMAT_PATHS = Sources Tests Tools Fuzz Package.swift

.PHONY: run test deps build bench install deb clean lint format

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

run: build
	"$$($(SWIFT) build --show-bin-path)/kursus" play $(ARGS)

# As root on Debian the tests also install the Debian package with dpkg (DebianPackageTests),
# so it is built first, in release, once: a later run rebuilds only what changed.
test: deps
	$(SWIFT) build --build-tests
	@if [ "$$(id -u)" -eq 0 ] && command -v dpkg-deb >/dev/null; then \
		deb=$$(scripts/make-deb.sh -o .build/deb) && KURSUS_DEB="$$PWD/$$deb" $(SWIFT) test; \
	else \
		$(SWIFT) test; \
	fi

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
	scripts/bench-validate.sh
	scripts/bench-firstframe.sh

# kursus_<version>_<arch>.deb: the self-contained binary, manual pages, completions and the
# bundled course (scripts/make-deb.sh; packaging/ holds the Debian files).
deb: deps
	scripts/make-deb.sh

# The same files as the Debian package, under $(DESTDIR)$(PREFIX) (packaging/install-tree.sh).
# The bundled course goes to $(PREFIX)/share/kursus/courses/; as root, install it into the
# shared library with: kursus install $(PREFIX)/share/kursus/courses/digital-kompetence.kursus
PREFIX ?= /usr/local
DESTDIR ?=
RELEASE = -c release --static-swift-stdlib
install: deps
	$(SWIFT) build $(RELEASE) --product kursus
	packaging/install-tree.sh --binary "$$($(SWIFT) build $(RELEASE) --show-bin-path)/kursus" --prefix "$(PREFIX)" --destdir "$(DESTDIR)"
	@if [ -f "$(DESTDIR)$(PREFIX)/share/kursus/courses/digital-kompetence.kursus" ]; then \
		echo "kursus: add the bundled course to the library (as root): $(PREFIX)/bin/kursus install $(PREFIX)/share/kursus/courses/digital-kompetence.kursus"; \
	fi

clean:
	rm -rf .build

# libFuzzer targets (docs/reliability.md): each runs FUZZ_SECONDS (default 60); a crash, leak
# or timeout is kept in Fuzz/Regressions/<target>/, which `make test` replays. Builds into .build-fuzz.
.PHONY: fuzz
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh $(FUZZ_TARGETS)
