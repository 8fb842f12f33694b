#!/usr/bin/env bash
# Builds the reader and opens it on its embedded content. Extra arguments go to the app
# (e.g. `--content DIR` to read a content directory instead).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh run
cargo build -p reader-app
app="${CARGO_TARGET_DIR:-target}/debug/iom-lao-reader"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: running on a virtual one (xvfb-run)." >&2
  exec xvfb-run -a -s "-screen 0 1280x860x24" "$app" "$@"
fi
exec "$app" "$@"
