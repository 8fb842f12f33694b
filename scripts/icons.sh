#!/usr/bin/env bash
# Regenerates every icon from the one source, packaging/icons/iom-lao-reader.svg (the reader's
# own mark, not IOM's logo): the hicolor PNG sizes Linux menus use, and Windows' .ico and
# macOS' .icns, with the Tauri CLI's `icon` command. The results are committed; run this only
# after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."
tauri=$(scripts/tauri-cli.sh)
out=src-tauri/icons
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$tauri" icon packaging/icons/iom-lao-reader.svg -o "$tmp/all" >/dev/null
"$tauri" icon packaging/icons/iom-lao-reader.svg -o "$tmp/png" --png 16,24,32,48,64,128,256,512 >/dev/null
rm -rf "$out"
mkdir -p "$out"
cp "$tmp/all/icon.ico" "$tmp/all/icon.icns" "$out/"
for size in 16 24 32 48 64 128 256 512; do
  cp "$tmp/png/${size}x${size}.png" "$out/${size}x${size}.png"
done
# The window's own icon at run time (tauri::generate_context! takes icon.png on Linux).
cp "$tmp/png/512x512.png" "$out/icon.png"
ls "$out"
