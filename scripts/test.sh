#!/usr/bin/env bash
# Runs every test: the core (rendering, localization, sanitizing, content checks), the
# command-line tool, the shell, the end-to-end tests of the real app under Xvfb over
# WebDriver, and the packages: the .deb built, checked and installed in a clean Debian 12
# root (scripts/package-test.sh). Ends with one line: "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test

log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() { "$@" 2>&1 | tee -a "$log"; }

run cargo test -p reader-core -p reader-cli
# Content-pack installs interrupted at every step: a build for tests (test key, fail-points).
run cargo test -p reader-cli --features test-key,failpoints --test pack_faults
run cargo test -p reader-app
# The shipped content lints clean of errors (warnings: the Lao is an unreviewed draft).
cargo run -q -p reader-cli -- check --content locales > /dev/null
echo "reader check: the shipped content has no errors"
# The app binary is built before its end-to-end tests (they drive it; a build from inside
# `cargo test` would wait on cargo's lock), as a build for tests (it trusts the test key of
# the content-pack tests); the e2e crate is built in its own invocation so its tokio/hyper
# features never rebuild Tauri.
cargo build -p reader-app --features test-key
run cargo test -p reader-e2e -- --test-threads=1

# Packages: the release workflow against GitHub's schema (Windows and macOS can't be built
# here), then the .deb and the offline bundle, built and installed as a partner would.
scripts/check-workflow.sh
echo "release workflow: valid"
run scripts/package-test.sh

passed=$(grep -oE '^(test result: .* |package-test: )[0-9]+ passed' "$log" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
failed=$(grep -oE '([0-9]+ failed;|^package-test: [0-9]+ passed, [0-9]+ failed)' "$log" | grep -oE '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
