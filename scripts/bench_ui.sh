#!/usr/bin/env bash
# The window benchmark (#16): language switch, page open and search in the real release app
# (WebKitGTK under Xvfb, over WebDriver), timed inside the page. One command from a clean
# clone: scripts/bench_ui.sh [ROUNDS]   (default 20). Not part of .ci/run (no timings in tests).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/iom-lao-reader/target}"
scripts/install-deps.sh test
# The app first, in its own invocation (the e2e crate's features must not rebuild Tauri).
cargo build --release -p reader-app
cargo run -q -p reader-e2e --example bench_ui -- "${1:-20}"
