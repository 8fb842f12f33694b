#!/usr/bin/env bash
# Builds the Linux packages with the Tauri bundler, checks them, and lays out what goes on a
# USB stick in dist/:
#   iom-lao-reader_<version>_amd64.deb    the reader and `iom-lao-reader-cli` (Debian 12,
#                                          Ubuntu 22.04 and later)
#   iom-lao-reader-<version>-1.x86_64.rpm  the same for RPM distributions (built, not tested)
#   iom-lao-reader-<version>-offline-debian12-amd64/
#                                          the .deb and every package it needs that a minimal
#                                          Debian 12 lacks, and install.sh: no network needed
#   SHA256SUMS                             for all of the above
# IOM_READER_REPOSITORY=owner/name names where the AppStream screenshots are hosted (the
# release workflow sets it). See docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh package
source scripts/lib/debian-root.sh

target="${CARGO_TARGET_DIR:-$(pwd)/target}"
version=$(python3 -c 'import json; print(json.load(open("tauri.conf.json"))["version"])')
triple=$(rustc -vV | sed -n 's/^host: //p')
tauri=$(scripts/tauri-cli.sh)
# A version bump must reach the release notes the package carries.
grep -q "<release version=\"$version\"" packaging/linux/int.iom.laopdr.reader.metainfo.xml \
  && head -1 packaging/linux/changelog | grep -q "^iom-lao-reader ($version)" \
  || { echo "packaging/linux: the metainfo's newest release and the changelog must name version $version" >&2; exit 1; }
dist=dist
rm -rf "$dist"
mkdir -p "$dist" src-tauri/binaries

# The editors' tool goes in as a sidecar (the bundler installs it beside the app).
cargo build --release --locked -p reader-cli
cp "$target/release/reader" "src-tauri/binaries/iom-lao-reader-cli-$triple"
# Its manual page is written by hand: it must name every command the tool has.
for command in $("$target/release/reader" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && $1 != "help" { print $1 }'); do
  grep -qx ".B $command" packaging/linux/iom-lao-reader-cli.1 \
    || { echo "packaging/linux/iom-lao-reader-cli.1 does not describe the command '$command'" >&2; exit 1; }
done

python3 scripts/package_config.py linux "${IOM_READER_REPOSITORY:-OWNER/REPOSITORY}" >/dev/null
trap 'rm -f src-tauri/tauri.conf.json' EXIT
TAURI_APP_PATH=src-tauri "$tauri" build --ci --bundles deb,rpm
rm -f src-tauri/tauri.conf.json

deb_name="iom-lao-reader_${version}_amd64.deb"
built_deb="$target/release/bundle/deb/$deb_name"
cp "$target/release/bundle/rpm/iom-lao-reader-${version}-1.x86_64.rpm" "$dist/"

# The bundler always appends `libgtk-3-0` to Depends; Debian 13 and Ubuntu 24.04 call it
# `libgtk-3-0t64`. Their libgtk-3-0t64 provides the old name, which satisfies apt but not
# every graphical installer: declare the alternative.
work=$(mktemp -d)
trap 'rm -f src-tauri/tauri.conf.json; debian_root_remove "$work"' EXIT
dpkg-deb -R "$built_deb" "$work/pkg"
sed -i -E '/^Depends:/ s/(^Depends: |, )libgtk-3-0(,|$)/\1libgtk-3-0 | libgtk-3-0t64\2/' "$work/pkg/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz -b "$work/pkg" "$dist/$deb_name" >/dev/null
echo "== $dist/$deb_name"
sed -n '/^Package/,/^Description/p' "$work/pkg/DEBIAN/control"

# The package's own checks: desktop entry, AppStream metadata, Debian policy.
desktop-file-validate "$work/pkg/usr/share/applications/iom-lao-reader.desktop"
appstreamcli validate --no-net "$work/pkg/usr/share/metainfo/int.iom.laopdr.reader.metainfo.xml"
lintian --fail-on error --suppress-tags-from-file packaging/linux/lintian-overrides "$dist/$deb_name"
echo "desktop entry, AppStream metadata and lintian: no errors"

# The offline bundle: what apt would download into a clean Debian 12 for this package.
offline="$dist/iom-lao-reader-${version}-offline-debian12-amd64"
mkdir -p "$offline/debs"
root="$work/root"
debian_root_extract "$root"
as_root cp "$dist/$deb_name" "$root/tmp/"
debian_root_run "$root" apt-get update -qq
debian_root_run "$root" apt-get install -y -qq --no-install-recommends --download-only "/tmp/$deb_name" >/dev/null
cp "$root"/var/cache/apt/archives/*.deb "$offline/debs/"
cp "$dist/$deb_name" "$offline/debs/"
(cd "$offline/debs" && apt-ftparchive packages . > Packages)
cp packaging/linux/offline-install.sh "$offline/install.sh"
chmod +x "$offline/install.sh"
echo "offline bundle: $(ls "$offline/debs" | grep -c '\.deb$') packages, $(du -sh "$offline" | cut -f1)"

(cd "$dist" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | sort | xargs sha256sum > SHA256SUMS)
ls -la "$dist"
