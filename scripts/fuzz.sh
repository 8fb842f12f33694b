#!/usr/bin/env bash
# Fuzzes the guarded Fluent parser, the pack reader (past its signature check) and the
# .ftl loader, SECONDS each (default 600), on stable Rust (`-s none`: the address sanitizer needs nightly). Crashes
# land in fuzz/artifacts/; turn each into an ordinary #[test]. Not part of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECONDS_EACH=${1:-600}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in ftl_parse pack_payload ftl_loader; do
  mkdir -p "corpus/$target" && cp -n seeds/$target/* "corpus/$target/"
  echo "== $target, ${SECONDS_EACH} s"
  cargo fuzz run -s none "$target" "corpus/$target" -- -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 2>&1 | tail -n 12
done
