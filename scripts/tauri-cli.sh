#!/usr/bin/env bash
# Prints the path of the Tauri CLI (pinned to the `tauri` crate's version), installing it
# when missing. It comes from npm's @tauri-apps/cli, which carries the CLI prebuilt for each
# platform: ~2 s to install, where `cargo install tauri-cli --locked` compiles for minutes on
# two cores (docs/packaging.md has both figures). Kept outside the clone, like the target dir.
set -euo pipefail
version=2.12.5
dir="${IOM_READER_CACHE:-$HOME/.cache/iom-lao-reader}/tauri-cli-$version"
cli="$dir/node_modules/.bin/tauri"
if [ ! -x "$cli" ]; then
  echo "Installing the Tauri CLI $version (npm @tauri-apps/cli) into $dir" >&2
  npm install --silent --no-audit --no-fund --prefix "$dir" "@tauri-apps/cli@$version" >&2
fi
echo "$cli"
