#!/usr/bin/env bash
# Installs the system packages the reader needs, only those missing (Debian 12 / Ubuntu 22.04+).
#   scripts/install-deps.sh build   compile the app (WebKitGTK headers)
#   scripts/install-deps.sh run     build, plus Xvfb for machines without a display
#   scripts/install-deps.sh package build, plus what makes and checks the packages
#   scripts/install-deps.sh test    all of the above, plus what the end-to-end tests drive
set -euo pipefail

build=(libwebkit2gtk-4.1-dev build-essential pkg-config)
run=("${build[@]}" xvfb xauth)
# npm: the Tauri CLI (prebuilt, @tauri-apps/cli); python3: the bundling configuration;
# python3-venv: the release workflow's schema check; lintian, desktop-file-utils, appstream:
# the package's checks; mmdebstrap: a clean Debian root to install it in; apt-utils: the
# offline bundle's package index.
package=("${build[@]}" npm python3 python3-venv dpkg-dev lintian desktop-file-utils appstream mmdebstrap apt-utils)
# webkit2gtk-driver: WebKitWebDriver; imagemagick: screenshots; x11-utils: xprop/xwininfo
# (native window title); dbus: a private session bus per test (single-instance checks);
# chromium: served and exported pages in a real browser; npm: fetches axe-core;
# poppler-utils: the printed pages' PDFs read back (pdffonts, pdftotext, pdftoppm).
test=("${run[@]}" "${package[@]:${#build[@]}}" webkit2gtk-driver imagemagick x11-utils dbus chromium chromium-driver poppler-utils)

case "${1:-}" in
  build) wanted=("${build[@]}") ;;
  run) wanted=("${run[@]}") ;;
  package) wanted=("${package[@]}") ;;
  test) wanted=("${test[@]}") ;;
  *) echo "usage: $0 build|run|package|test" >&2; exit 2 ;;
esac

missing=()
for pkg in "${wanted[@]}"; do
  # A node/npm installed another way (nvm, NodeSource) will do.
  [ "$pkg" = npm ] && command -v npm >/dev/null && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "Installing system packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "${1}" = test ] && ! command -v tauri-driver >/dev/null && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  echo "Installing tauri-driver (WebDriver bridge for Tauri apps)"
  cargo install tauri-driver --version '^2' --locked
fi

# axe-core (accessibility checks injected into served and exported pages), pinned.
if [ "${1}" = test ]; then
  axe_dir="${CARGO_TARGET_DIR:-$(pwd)/target}/axe"
  if [ ! -f "$axe_dir/node_modules/axe-core/axe.min.js" ]; then
    echo "Installing axe-core (accessibility engine) into $axe_dir"
    npm install --silent --no-audit --no-fund --prefix "$axe_dir" axe-core@4.10.3
  fi
fi
