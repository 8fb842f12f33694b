#!/bin/sh
# Installs the IOM Lao PDR Reader from this folder, with no network: debs/ holds the reader's
# package and every package it needs that a minimal Debian 12 lacks. apt installs only what
# this computer is missing and never replaces a newer version it already has.
#   sh install.sh          (as root, or with sudo)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo

# A private apt list for this folder only: the computer's own sources are not contacted
# (and no cached package list hides this folder's).
# (apt's update cleans its lists folder: the source list lives beside it, not in it).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/lists/partial"
echo "deb [trusted=yes] file:$here/debs ./" > "$tmp/sources.list"
apt_offline() {
  $sudo apt-get -q \
    -o Dir::Etc::SourceList="$tmp/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o Dir::State::Lists="$tmp/lists" -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= \
    -o APT::Sandbox::User=root "$@"
}
apt_offline update
apt_offline install -y --no-install-recommends iom-lao-reader
echo "Installed: open \"IOM Lao PDR Reader\" from the applications menu, or run iom-lao-reader."
