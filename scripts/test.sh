#!/usr/bin/env bash
# Sets everything up and runs the whole suite: front-end type check, lint
# and unit tests; rustfmt and clippy; Rust unit, store, CLI and integration
# tests; and the end-to-end tests through the real app window (Xvfb +
# WebKitWebDriver + tauri-driver), with a real Secret Service on a private
# D-Bus session. One debug build, linted as it compiles, is made and reused
# by every test step, and bundled last into the .deb that is installed with
# apt and launched.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
# One target directory outside the clone, shared by every run on this
# machine: a clean clone then rebuilds only Kindly's own crates, not its
# ~600 dependencies. A cold machine builds everything, and still passes.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/kindly-target}"
# The PostgreSQL tests (kindly-pgtest) fail instead of skipping when no
# server can be started: a CI run cannot pass by leaving them out.
export KINDLY_REQUIRE_PG=1

step() { printf '\n=== %s (%s)\n' "$*" "$(date +%T)"; }

step "front end: type check, unit tests, build"
( cd ui && npm run check && npm test && npm run build )

step "rust: format"
cargo fmt --all --check

# Lint and build in one pass: clippy-driver compiles Kindly's own crates
# (RUSTC_WORKSPACE_WRAPPER applies to workspace members only) and lints
# them as it goes, with CLIPPY_ARGS as `cargo clippy -- -D warnings` sets
# them; the ~600 dependencies are compiled once, by rustc. A separate
# `cargo clippy` checked every dependency a second time (2.6 minutes of a
# cold run; docs/benchmarks.md, "Build from clean").
clippy_driver=$(rustup which clippy-driver 2>/dev/null || command -v clippy-driver)
export RUSTC_WORKSPACE_WRAPPER="$clippy_driver"
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
tmp=$(mktemp -d)

step "rust: the lint itself fails on a lint (canary)"
# If a toolchain stopped honouring the wrapper or CLIPPY_ARGS, the build
# below would pass unlinted: a crate with one clippy warning must fail.
mkdir -p "$tmp/canary/src"
printf '[package]\nname = "lint-canary"\nversion = "0.0.0"\nedition = "2021"\n[workspace]\n' >"$tmp/canary/Cargo.toml"
printf 'fn main() {\n    let v = vec![1];\n    if v.len() == 0 {\n        println!("empty");\n    }\n}\n' >"$tmp/canary/src/main.rs"
if CARGO_TARGET_DIR="$tmp/canary/target" cargo build -q --offline --manifest-path "$tmp/canary/Cargo.toml" 2>"$tmp/canary/log"; then
  echo "the clippy wrapper let a clippy::len_zero warning through: the lint step would not lint" >&2
  exit 1
fi
grep -q "clippy::len" "$tmp/canary/log" || { cat "$tmp/canary/log" >&2; echo "the canary failed for another reason" >&2; exit 1; }

step "rust: lint and build (debug, once): the app, the CLI, every test, bench and example"
cargo build --workspace
cargo test --workspace --all-targets --features kindly-tests/e2e --no-run

step "tools: tauri-driver for WebDriver"
if ! command -v tauri-driver >/dev/null 2>&1; then
  # A tool, not Kindly's code: built by rustc alone, not linted.
  env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS cargo install tauri-driver --version "^2" --locked
fi

step "tests: unit, store, CLI, bindings, end-to-end; the integration suites again on PostgreSQL"
mkdir -p -m 700 "$tmp/run"
export XDG_DATA_HOME=$tmp/data XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_HOME=$tmp/config XDG_RUNTIME_DIR=$tmp/run
# A private session bus with an unlocked gnome-keyring (the real Secret
# Service), and a virtual display for the app window.
dbus-run-session -- sh -ec '
  printf %s kindly-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  xvfb-run -a -s "-screen 0 1280x800x24" cargo test --workspace --features kindly-tests/e2e
  # The integration suites again, every data folder on a fresh PostgreSQL database
  # (kindly_tests::engine); the team, moving and backup tests are already
  # about PostgreSQL or about the SQLite file itself. The same packages and
  # features as the run above (--workspace, e2e), so nothing is built again:
  # with -p kindly-tests alone, cargo unified fewer features and rebuilt
  # about 300 crates (6 minutes of a cold run).
  KINDLY_TEST_ENGINE=postgres cargo test --workspace --features kindly-tests/e2e --test cli --test store --test corrections --test einvoice_out --test followups --test interest --test plans --test import --test bank --test statement --test contacts --test einvoice --test mail --test overview -- --skip team:: --skip moving:: --skip backup::
'

step "packaging: this build's .deb and .rpm, the .deb installed with apt and launched"
# The installers of the debug build just tested: the same bundler, package
# metadata, desktop entry, icon and WebKitGTK dependencies as a release. The
# release installers (fat LTO, the size ceiling) are built by
# scripts/package-linux.sh, on a tag by .github/workflows/release.yml, and
# checked there by scripts/test-deb.sh: here, a release build was about 20
# of a cold run's 51 minutes (docs/benchmarks.md, "Build from clean").
ui/node_modules/.bin/tauri bundle --debug --bundles deb,rpm
./scripts/test-deb.sh debug
echo "all tests passed"
