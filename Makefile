# Jejak: the two commands are `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

# Debian/Ubuntu packages: building the Tauri app, then running its tests.
APT_BUILD := build-essential pkg-config file libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev \
             librsvg2-dev libayatana-appindicator3-dev libxdo-dev
APT_TEST  := xvfb xauth webkit2gtk-driver sqlite3 poppler-utils qpdf imagemagick xclip python3-xlib chromium syncthing

TOOLS        := target/tools
TAURI_DRIVER := $(TOOLS)/bin/tauri-driver
APP          := target/debug/jejak
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
XVFB         := xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp"

.PHONY: run test deps-build deps-test npm ui app app-test lint unit e2e types-fresh bench bench-board bench-startup bench-pdf bench-store soak fuzz package clean help

help:
	@echo "make run    install what is missing, build, and open Jejak"
	@echo "make test   install what is missing and run every test and lint gate"
	@echo "make bench  benchmarks; figures go to docs/benchmarks.md"
	@echo "make soak   long crash and damaged-file runs; figures for docs/reliability.md"
	@echo "make fuzz   fuzz the importers and the library opener (FUZZ_SECONDS per target)"
	@echo "make package  build the .deb (release) into target/release/bundle/deb and check it"

## --- installing what is missing -------------------------------------------------------------

# Installs only the packages that are not there yet; anything but Debian/Ubuntu gets a clear list.
define apt_install
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if ! command -v apt-get >/dev/null; then \
	    echo "Jejak's setup knows Debian/Ubuntu (apt-get). On this system install the equivalents of:"; \
	    echo "  $(1)"; echo "plus Rust (rustup), Node.js >= 20.19 and npm, then run make again."; exit 1; \
	  fi; \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps-build:
	@command -v cargo >/dev/null || { echo "Rust is missing: install it from https://rustup.rs, then run make again."; exit 1; }
	@command -v npm >/dev/null || { echo "Node.js and npm are missing: install Node.js >= 20.19, then run make again."; exit 1; }
	$(call apt_install,$(APT_BUILD))

deps-test: deps-build $(TAURI_DRIVER) tests/e2e/node_modules/.installed
	$(call apt_install,$(APT_TEST))

# `npm install`, not `npm ci`: the registry here lacks the CLI's other-platform packages (docs/../TOOLING).
ui/node_modules/.installed: ui/package.json ui/package-lock.json
	cd ui && npm install --no-audit --no-fund
	touch $@

tests/e2e/node_modules/.installed: tests/e2e/package.json tests/e2e/package-lock.json
	cd tests/e2e && npm install --no-audit --no-fund
	touch $@

$(TAURI_DRIVER):
	cargo install tauri-driver --version '^2' --locked --root $(TOOLS)

npm: ui/node_modules/.installed

## --- building -------------------------------------------------------------------------------

ui: npm
	cd ui && npm run build

app: deps-build ui
	cargo build -p jejak

run: app
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "No display: Jejak is a desktop app. Run 'make run' in a graphical session (or: xvfb-run make run)."; exit 1; fi
	./$(APP) $(ARGS)

# The installable app: a release .deb with the desktop entry, the .jejak file type and jejak-cli,
# checked unpacked (tests/package/check-deb.sh). Not part of `make test` (a release build).
package: deps-build ui
	$(call apt_install,desktop-file-utils)
	cargo build --release -p jejak-cli
	ui/node_modules/.bin/tauri build --bundles deb
	tests/package/check-deb.sh $$(ls -t target/release/bundle/deb/*.deb | head -n1)

## --- testing --------------------------------------------------------------------------------

test: deps-test npm lint unit app-test types-fresh e2e
	@echo "make test: all checks passed"

lint: ui
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check

unit: npm
	cargo test --workspace
	cd ui && npm test

# ts-rs rewrites the shared TypeScript types during `cargo test`; committed copies must match.
types-fresh: unit
	@changed=$$(git status --porcelain -- ui/src/lib/ipc/generated 2>/dev/null || true); \
	if [ -n "$$changed" ]; then \
	  echo "$$changed"; \
	  echo "The generated TypeScript types changed: commit ui/src/lib/ipc/generated."; exit 1; fi

# The app for the end-to-end tests, built with the feature set of `cargo test --workspace`
# (dev-dependencies unify features: sha2 and proptest change typenum and num-traits), so the
# dependencies compiled for the unit tests are reused instead of built a second time.
app-test: deps-build ui
	cargo build --workspace --all-targets

e2e: app-test deps-test
	cd tests/e2e && $(XVFB) npm test

## --- benchmarks (not part of test; figures go to docs/benchmarks.md) --------------------------

BENCH_DIR := target/bench
APT_BENCH := chromium time
bench: bench-store bench-board bench-startup bench-pdf

# The board on a generated 2,000-card map in the release app, as users get it (make package);
# rewrites its section of docs/benchmarks.md and docs/bench-board-2000.json.
bench-board: deps-test ui
	cargo build --release -p jejak
	mkdir -p $(BENCH_DIR)
	rm -f $(BENCH_DIR)/library-2000.jejak*
	cargo run -q --release -p jejak-store --example generate_library -- $(BENCH_DIR)/library-2000.jejak 2000
	cd tests/e2e && JEJAK_APP=target/release/jejak $(XVFB) node bench/board-bench.mjs \
	  ../../$(BENCH_DIR)/library-2000.jejak 2000 ../../docs/bench-board-2000.json ../../docs/benchmarks.md

# Process start → library listed with 1 and 200 maps, in the release app (libraries made with the
# debug tools of app-test); rewrites its section of docs/benchmarks.md and docs/bench-startup.json.
bench-startup: app-test deps-test ui
	cargo build --release -p jejak
	mkdir -p $(BENCH_DIR)/startup
	cd tests/e2e && JEJAK_APP=target/release/jejak $(XVFB) node bench/startup-bench.mjs \
	  ../../$(BENCH_DIR)/startup ../../docs/bench-startup.json ../../docs/benchmarks.md

# Edit, undo and open times against history length and library size, a durable edit against the
# disk's own floor, map file / JSON export and import of a 2,000-card map, and keeping it in step
# through a shared folder (release builds;
# each rewrites its section of docs/benchmarks.md).
bench-store: deps-build
	cargo run -q --release -p jejak-store --example store_bench -- $(BENCH_DIR)/store docs/benchmarks.md
	cargo run -q --release -p jejak-store --example mapfile_bench -- $(BENCH_DIR)/mapfile docs/benchmarks.md
	cargo run -q --release -p jejak-store --example sync_bench -- $(BENCH_DIR)/sync docs/benchmarks.md

# Jejak's PDF export against headless Chromium printing the same map (docs/benchmarks.md).
bench-pdf: deps-test
	$(call apt_install,$(APT_BENCH))
	tests/bench/pdf-export-bench.sh $(BENCH_DIR) docs/benchmarks.md

## --- long reliability runs (not part of test) -----------------------------------------------

# Many more kills and damaged libraries than `make test` runs (docs/reliability.md).
SOAK_KILLS   ?= 300
SOAK_MUTANTS ?= 50000
soak: deps-build
	JEJAK_SOAK_KILLS=$(SOAK_KILLS) cargo test --release -p jejak-store --test crash_harness -- --nocapture
	JEJAK_SOAK_MUTANTS=$(SOAK_MUTANTS) cargo test --release -p jejak-store --test mutated_libraries -- --nocapture

# Coverage-guided fuzzing (cargo-fuzz, nightly toolchain) of the CSV importer, the number reader,
# the library opener, map JSON and a teammate's file in a shared folder, FUZZ_SECONDS each. Findings land in tests/fuzz/artifacts.
FUZZ_SECONDS ?= 120
CARGO_FUZZ   := $(TOOLS)/bin/cargo-fuzz
FUZZ_TARGETS := csv_metrics number_cell open_library map_json sync_log
$(CARGO_FUZZ):
	cargo install cargo-fuzz --locked --root $(TOOLS)
fuzz: deps-build $(CARGO_FUZZ)
	@rustup toolchain list | grep -q nightly || { echo "make fuzz needs the nightly toolchain: rustup toolchain install nightly"; exit 1; }
	@# Seeds: a real library for the opener, real CSV exports for the importer.
	mkdir -p tests/fuzz/corpus/open_library tests/fuzz/corpus/csv_metrics
	rm -f $(BENCH_DIR)/fuzz-seed.jejak*
	mkdir -p $(BENCH_DIR)
	cargo run -q -p jejak-store --example sample_library -- $(BENCH_DIR)/fuzz-seed.jejak >/dev/null
	cp $(BENCH_DIR)/fuzz-seed.jejak tests/fuzz/corpus/open_library/sample-library
	printf '\000title,clicks,csat\nPromo page,"1.842,50",4\nApp,12.5,3\n' > tests/fuzz/corpus/csv_metrics/seed-1
	printf '\001tag,clicks\npromo,"1,204"\napp,88\n' > tests/fuzz/corpus/csv_metrics/seed-2
	mkdir -p tests/fuzz/corpus/map_json
	cargo run -q -p jejak-cli -- --library $(BENCH_DIR)/fuzz-seed.jejak export --map "$$(cargo run -q -p jejak-cli -- --library $(BENCH_DIR)/fuzz-seed.jejak list | head -n1 | cut -f1)" -o tests/fuzz/corpus/map_json/sample.json
	@# A real log file of a shared map, without its header (the target adds one to half its inputs).
	rm -rf $(BENCH_DIR)/fuzz-share && mkdir -p $(BENCH_DIR)/fuzz-share tests/fuzz/corpus/sync_log
	cargo run -q -p jejak-cli -- --library $(BENCH_DIR)/fuzz-seed.jejak sync --folder $(BENCH_DIR)/fuzz-share --map "$$(cargo run -q -p jejak-cli -- --library $(BENCH_DIR)/fuzz-seed.jejak list | head -n1 | cut -f1)" >/dev/null
	{ printf '\000'; tail -q -n +2 $(BENCH_DIR)/fuzz-share/jejak-map-*/*.jejaklog; } > tests/fuzz/corpus/sync_log/sample-log
	for t in $(FUZZ_TARGETS); do \
	  PATH="$(CURDIR)/$(TOOLS)/bin:$$PATH" cargo +nightly fuzz run --fuzz-dir tests/fuzz $$t -- \
	    -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	done

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules tests/e2e/node_modules tests/e2e/artifacts
