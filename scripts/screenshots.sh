#!/usr/bin/env bash
# Refreshes docs/screenshots/ from a run of the end-to-end tests (which take them into
# target/e2e-screenshots/). Look at them before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
cargo build -p reader-app --features test-key
rm -rf "${CARGO_TARGET_DIR:-target}/e2e-screenshots"
cargo test -p reader-e2e -- --test-threads=1
# (docs/screenshots/installed-lo.png comes from scripts/package-test.sh: kept.)
mkdir -p docs/screenshots
cp "${CARGO_TARGET_DIR:-target}"/e2e-screenshots/*.png docs/screenshots/
ls -l docs/screenshots/
