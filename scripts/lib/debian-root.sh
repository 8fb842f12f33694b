# A clean Debian 12 root for testing packages, shared by scripts/package.sh and
# scripts/package-test.sh (source this file). What needs root (the root's files, chroot,
# namespaces) goes through `as_root`: sudo when not root; builds stay the user's.
#
# The root is a minimal Debian 12 (`mmdebstrap --variant=apt`) from the archive this machine
# already uses, made once and cached as a tarball outside the clone (~20 s to make, ~170 MB);
# every test extracts a fresh copy. Commands run in it through a private mount namespace, so
# nothing is left mounted when they end, and with the network cut when asked.

debian_root_cache="${IOM_READER_CACHE:-$HOME/.cache/iom-lao-reader}/debian-root"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The cached tarball, made when missing or when this machine's apt sources changed.
debian_root_tar() {
  local sources=/etc/apt/sources.list.d/debian.sources
  [ -f "$sources" ] || sources=/etc/apt/sources.list
  local key
  key=$(sha256sum "$sources" | cut -c1-12)
  local tar="$debian_root_cache/bookworm-$key.tar"
  if [ ! -f "$tar" ]; then
    mkdir -p "$debian_root_cache"
    echo "Making a clean Debian 12 root (mmdebstrap, once): $tar" >&2
    as_root mmdebstrap --variant=apt --format=tar --quiet bookworm "$tar.partial" "$sources" >&2
    as_root chown "$(id -u):$(id -g)" "$tar.partial"
    mv "$tar.partial" "$tar"
  fi
  echo "$tar"
}

debian_root_extract() {
  local dir=$1 tar
  tar=$(debian_root_tar)
  as_root mkdir -p "$dir"
  as_root tar --same-owner -xpf "$tar" -C "$dir"
}

debian_root_remove() {
  as_root rm -rf --one-file-system "$1"
}

# debian_root_run ROOT COMMAND... — COMMAND inside ROOT, with /proc, /dev and the X server's
# socket directory (for an Xvfb running outside) mounted.
debian_root_run() {
  _debian_root_enter "" "$@"
}

# The same with no network at all (a new, empty network namespace).
debian_root_run_offline() {
  _debian_root_enter --net "$@"
}

_debian_root_enter() {
  local net=$1 root=$2
  shift 2
  # shellcheck disable=SC2016
  as_root unshare --mount --pid --kill-child $net --fork sh -c '
    root=$1; shift
    mount --make-rprivate /
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --rbind /sys "$root/sys"
    if [ -d /tmp/.X11-unix ]; then
      mkdir -p "$root/tmp/.X11-unix"
      mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
    fi
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    exec chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      HOME=/root DEBIAN_FRONTEND=noninteractive "$@"
  ' sh "$root" "$@"
}
