#!/usr/bin/env bash
# Runs every test: the core (rendering, localization, sanitizing, content checks), the shell,
# and the end-to-end tests of the real app under Xvfb over WebDriver.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test

cargo test -p reader-core
cargo test -p reader-app
# The app binary is built before its end-to-end tests (they drive it; a build from inside
# `cargo test` would wait on cargo's lock), and the e2e crate is built in its own
# invocation so its tokio/hyper features never rebuild Tauri.
cargo build -p reader-app
cargo test -p reader-e2e -- --test-threads=1
