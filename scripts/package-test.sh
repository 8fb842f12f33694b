#!/usr/bin/env bash
# The .deb as a partner meets it: built by scripts/package.sh, installed with apt into a clean
# Debian 12 root, started from its desktop entry with the network cut, upgraded over imported
# content and preferences, purged; and the offline bundle installed with no network at all.
# What needs root (chroot, namespaces, the root's files) runs through sudo when not root. Ends with "package-test: N passed, N failed"; the figures it
# prints go to docs/benchmarks.md. IOM_READER_SKIP_BUILD=1 reuses dist/ as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${IOM_READER_SKIP_BUILD:-}" = 1 ] || scripts/package.sh
scripts/install-deps.sh test
source scripts/lib/debian-root.sh

target="${CARGO_TARGET_DIR:-$(pwd)/target}"
version=$(python3 -c 'import json; print(json.load(open("tauri.conf.json"))["version"])')
deb="dist/iom-lao-reader_${version}_amd64.deb"
offline="dist/iom-lao-reader-${version}-offline-debian12-amd64"
work=$(mktemp -d /tmp/package-test.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  debian_root_remove "$work"
}
trap cleanup EXIT

passed=0
pass() { passed=$((passed + 1)); echo "ok $passed: $1"; }
fail() {
  echo "FAILED: $1" >&2
  [ -z "${2:-}" ] || { echo "--- $2:" >&2; tail -30 "$2" >&2; }
  echo "package-test: $passed passed, 1 failed"
  exit 1
}
now() { date +%s.%N; }
ms_since() { python3 -c "import sys; print(round((float(sys.argv[2]) - float(sys.argv[1])) * 1000))" "$1" "$(now)"; }

# One virtual screen outside the roots; its socket is mounted into them, so each root holds
# only what the package pulled in.
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
display=":$(cat "$work/display")"

root="$work/root"
debian_root_extract "$root"
as_root cp "$deb" "$root/tmp/"
in_root() { debian_root_run "$root" "$@"; }

# Starts the installed app (the Exec of its desktop entry) with no network; waits for its
# first page to be painted. Extra arguments are environment variables (LANG=...).
start_app() {
  local log=$1
  shift
  local exec
  exec=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/iom-lao-reader.desktop")
  debian_root_run_offline "$root" env DISPLAY="$display" NO_AT_BRIDGE=1 "$@" "$exec" >"$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 600); do
    grep -q "first page painted" "$log" && return 0
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
  done
  fail "the installed app painted its first page" "$log"
}
stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

# ---- install from the archive, first start offline, in Lao --------------------------------
in_root apt-get update -qq
started=$(now)
in_root apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" >"$work/install.log" 2>&1 \
  || fail "apt-get install of the .deb in a clean Debian 12 (its Depends resolve)" "$work/install.log"
install_ms=$(ms_since "$started")
pass "apt-get install ./$(basename "$deb") in a clean Debian 12 root ($install_ms ms)"

[ "$(sed -n 's/^Exec=//p' "$root/usr/share/applications/iom-lao-reader.desktop")" = iom-lao-reader ] \
  && [ -x "$root/usr/bin/iom-lao-reader" ] && [ -x "$root/usr/bin/iom-lao-reader-cli" ] \
  || fail "the desktop entry names the installed app; the editors' tool is installed"
pass "the desktop entry's Exec is /usr/bin/iom-lao-reader; /usr/bin/iom-lao-reader-cli is there"

in_root iom-lao-reader --version | grep -qx "iom-lao-reader $version" \
  && in_root iom-lao-reader-cli --version | grep -q "$version" \
  || fail "--version of both programs"
pass "iom-lao-reader --version and iom-lao-reader-cli --version say $version"

start_app "$work/first.log" LANG=lo_LA.UTF-8
first_paint_ms=$(ms_since "$started")
grep -q "reading language: lo" "$work/first.log" || fail "LANG=lo_LA.UTF-8 starts in Lao" "$work/first.log"
if grep -E '\bERROR\b' "$work/first.log"; then fail "no errors at the first start" "$work/first.log"; fi
pass "first start with the network cut (unshare -n), LANG=lo_LA.UTF-8: in Lao, no errors"

xwininfo -display "$display" -root -tree >"$work/windows.txt"
grep -q '("iom-lao-reader" ' "$work/windows.txt" || fail "the window's class is the desktop entry's StartupWMClass" "$work/windows.txt"
pass "the window's WM_CLASS matches the desktop entry's StartupWMClass (iom-lao-reader)"

sleep 1 # the painted page's fonts settle; the check below fails on a blank screen regardless
window=$(awk '/\("iom-lao-reader" / { print $1; exit }' "$work/windows.txt")
import -display "$display" -window "$window" "$work/installed-lo.png"
colors=$(convert "$work/installed-lo.png" -format %k info:)
[ "$colors" -gt 64 ] || fail "the screenshot of the installed app is not blank ($colors colours)"
cp "$work/installed-lo.png" docs/screenshots/installed-lo.png
pass "screenshot of the installed app in Lao is not blank ($colors colours): docs/screenshots/installed-lo.png"
stop_app

# ---- an unset, C or unknown LANG: English, no errors --------------------------------------
for lang in unset C xx_YY.UTF-8; do
  home="/root/lang-$lang"
  as_root mkdir -p "$root$home"
  env_lang=()
  [ "$lang" = unset ] || env_lang=(LANG="$lang")
  start_app "$work/lang-$lang.log" HOME="$home" "${env_lang[@]}"
  grep -q "reading language: en" "$work/lang-$lang.log" || fail "LANG=$lang starts in English" "$work/lang-$lang.log"
  if grep -E '\bERROR\b' "$work/lang-$lang.log"; then fail "LANG=$lang: no errors" "$work/lang-$lang.log"; fi
  stop_app
  pass "LANG $lang: starts in English, no errors"
done

# ---- the same version again ----------------------------------------------------------------
in_root apt-get install -y --no-install-recommends "/tmp/$(basename "$deb")" >"$work/again.log" 2>&1 \
  || fail "installing the same version again succeeds" "$work/again.log"
grep -q "iom-lao-reader is already the newest version ($version)" "$work/again.log" \
  || fail "apt says the same version is already installed" "$work/again.log"
pass "the same version again: apt says \"already the newest version\", changes nothing"

# ---- imported content and preferences survive an upgrade ----------------------------------
# The content is put in place by a test build of the editors' tool (same on-disk format; the
# packaged app itself trusts only keys/office.pub).
cargo build -q -p reader-cli --features test-key,failpoints
content_version=$(sed -n 's/^version *= *\([0-9]*\).*/\1/p' locales/manifest.toml)
pack_version=$((content_version + 1))
"$target/debug/reader" pack build locales --key tests/keys/test.key --version "$pack_version" \
  -o "$work/content.pack" >/dev/null
data="$root/root/.local/share/int.iom.laopdr.reader"
prefs="$root/root/.config/int.iom.laopdr.reader/preferences.json"
"$target/debug/reader" pack install "$work/content.pack" --data "$work/content" >/dev/null
echo '{"locale":"lo","theme":"dark","textScale":150,"sideBySide":true}' >"$work/preferences.json"
as_root mkdir -p "$data" "$(dirname "$prefs")"
as_root cp -r "$work/content" "$data/content"
as_root cp "$work/preferences.json" "$prefs"
tree_sums() { as_root sh -c 'cd "$1" && find . -type f -exec sha256sum {} + | sort' sh "$1"; }
data_before=$(tree_sums "$data")

newer="$version+upgrade1"
dpkg-deb -R "$deb" "$work/newer"
sed -i "s/^Version: .*/Version: $newer/" "$work/newer/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz -b "$work/newer" "$work/newer.deb" >/dev/null
as_root cp "$work/newer.deb" "$root/tmp/newer.deb"
in_root apt-get install -y --no-install-recommends /tmp/newer.deb >"$work/upgrade.log" 2>&1 \
  || fail "the upgrade installs" "$work/upgrade.log"
[ "$(in_root dpkg-query -W -f '${Version}' iom-lao-reader)" = "$newer" ] || fail "the upgrade is installed"
start_app "$work/upgraded.log"
grep -q "content: installed pack, version $pack_version" "$work/upgraded.log" \
  || fail "after the upgrade the imported content is shown" "$work/upgraded.log"
grep -q "reading language: lo" "$work/upgraded.log" || fail "the language preference survives" "$work/upgraded.log"
stop_app
as_root cat "$prefs" | python3 -c '
import json, sys
p = json.load(sys.stdin)
assert (p["locale"], p["theme"], p["textScale"], p["sideBySide"]) == ("lo", "dark", 150, True), p
' || fail "the preferences survive the upgrade"
[ "$(tree_sums "$data")" = "$data_before" ] || fail "the imported content is untouched by the upgrade"
pass "upgrade $version → $newer: imported content (version $pack_version) and preferences kept and used"

# ---- an older version over a newer one -----------------------------------------------------
if in_root apt-get install -y --no-install-recommends "/tmp/$(basename "$deb")" >"$work/downgrade.log" 2>&1; then
  fail "apt refuses an older version over a newer one without --allow-downgrades" "$work/downgrade.log"
fi
grep -q "downgraded" "$work/downgrade.log" || fail "apt says why it refuses the downgrade" "$work/downgrade.log"
[ "$(in_root dpkg-query -W -f '${Version}' iom-lao-reader)" = "$newer" ] || fail "the newer version stays"
[ "$(tree_sums "$data")" = "$data_before" ] || fail "data untouched by the refused downgrade"
pass "older over newer: apt refuses (\"$(grep -m1 -o 'E: .*downgraded.*' "$work/downgrade.log")\"); data untouched"

# ---- purge -----------------------------------------------------------------------------------
installed_kib=$(in_root dpkg-query -W -f '${Installed-Size}' iom-lao-reader)
in_root dpkg -L iom-lao-reader >"$work/files.txt"
in_root apt-get purge -y -qq iom-lao-reader >"$work/purge.log" 2>&1 || fail "apt-get purge" "$work/purge.log"
left=$(while read -r f; do [ -f "$root$f" ] && echo "$f"; done <"$work/files.txt"; \
  find "$root/usr" "$root/opt" \( -iname '*iom-lao-reader*' -o -iname 'int.iom.laopdr*' \) -print | sed "s|^$root||")
[ -z "$left" ] || fail "purge leaves nothing under /usr or /opt: $left"
pass "apt-get purge leaves nothing of the package under /usr or /opt ($(grep -c . "$work/files.txt") paths checked)"

# ---- the offline bundle, in a second clean root with no network at all -----------------------
debian_root_remove "$root"
debian_root_extract "$root"
as_root cp -r "$offline" "$root/tmp/offline"
debian_root_run_offline "$root" sh /tmp/offline/install.sh >"$work/offline.log" 2>&1 \
  || fail "the offline bundle installs with no network (unshare -n)" "$work/offline.log"
start_app "$work/offline-app.log" LANG=lo_LA.UTF-8
stop_app
pass "offline bundle: install.sh with the network cut installs it; the app paints its first page"

deb_bytes=$(stat -c %s "$deb")
offline_bytes=$(du -sb "$offline" | cut -f1)
echo "figures: .deb $((deb_bytes / 1024)) KiB; installed $installed_kib KiB;" \
  "apt-get install $install_ms ms; apt-get install to first page painted $first_paint_ms ms;" \
  "offline bundle $((offline_bytes / 1024 / 1024)) MiB in $(ls "$offline/debs" | grep -c '\.deb$') packages"
echo "package-test: $passed passed, 0 failed"
