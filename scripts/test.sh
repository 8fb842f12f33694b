#!/usr/bin/env bash
# Runs every test: the core (rendering, localization, sanitizing, content checks), the shell,
# and the end-to-end tests of the real app under Xvfb over WebDriver.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test

cargo test -p reader-core -p reader-cli
cargo test -p reader-app
# The shipped content lints clean of errors (warnings: the Lao is an unreviewed draft).
cargo run -q -p reader-cli -- check --content locales > /dev/null
echo "reader check: the shipped content has no errors"
# The app binary is built before its end-to-end tests (they drive it; a build from inside
# `cargo test` would wait on cargo's lock), and the e2e crate is built in its own
# invocation so its tokio/hyper features never rebuild Tauri.
cargo build -p reader-app
cargo test -p reader-e2e -- --test-threads=1
