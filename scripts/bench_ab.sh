#!/usr/bin/env bash
# Two builds of `reader` side by side (not part of .ci/run): before and after a change, on a
# machine that may be busy with other work. They take turns, round by round, so both meet
# the same conditions; compare them with each other, not with figures from another day.
#   - serve: each round starts the server fresh, warms it 3 s, then
#     `wrk -t2 -c64 -d20s --latency` on en/p/4321 (as bench_web.sh); requests/s, p99, and
#     the server's own CPU time (user + system, /proc/PID/stat) per request answered, which
#     other work on the machine disturbs less than throughput;
#   - export: wall time, user + system and peak RSS (/usr/bin/time), each into a new folder.
# Usage: scripts/bench_ab.sh OLD_READER NEW_READER CORPUS_DIR   (ROUNDS=5 by default)
# CORPUS_DIR: `cargo run --release -p reader-core --example corpus -- CORPUS_DIR 10000`.
# Exports go under TMPDIR (/tmp by default; /dev/shm leaves the filesystem out).
set -euo pipefail
[ $# -eq 3 ] || { sed -n '2,12p' "$0"; exit 2; }
old=$(realpath "$1") new=$(realpath "$2") corpus=$(realpath "$3")
ROUNDS=${ROUNDS:-5}
command -v wrk > /dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

page="en/p/4321"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 600); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no answer from $1" >&2; return 1; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
echo "old: $old ($("$old" --version)); new: $new ($("$new" --version)); load now: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== serve: wrk -t2 -c64 -d20s --latency on $page, old and new in turn =="
for round in $(seq "$ROUNDS"); do
  for which in old new; do
    port=$(free_port)
    "${!which}" serve --content "$corpus" --bind "127.0.0.1:$port" > /dev/null 2>&1 &
    pid=$!
    wait_http "http://127.0.0.1:$port/$page"
    body=$(curl -s "http://127.0.0.1:$port/$page")
    grep -q 'id="p-4321-1"' <<< "$body" || { echo "$which does not serve the page" >&2; exit 1; }
    wrk -t2 -c64 -d3s "http://127.0.0.1:$port/$page" > /dev/null
    before=$(cpu_ticks "$pid")
    out=$(wrk -t2 -c64 -d20s --latency "http://127.0.0.1:$port/$page")
    after=$(cpu_ticks "$pid")
    kill -TERM "$pid"; wait "$pid" || true
    awk -v r="$round" -v w="$which" -v t=$((after - before)) -v hz="$hz" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
      /Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} / requests in / {n=$1} /Socket errors/ {err=", " $0} /Non-2xx/ {bad=", " $0}
      END {printf "round %s %s: %s req/s, p99 %s, server CPU %.1f us/request%s%s (load %s)\n", r, w, rps, p99, t / hz / n * 1e6, err, bad, load}' <<< "$out"
  done
done

echo "== export: old and new in turn, each into a new folder under $work =="
for round in $(seq "$ROUNDS"); do
  for which in old new; do
    # Kept until the end: deleting thousands of files slows creating the next ones.
    dir=$(mktemp -d -p "$work")
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "${!which}" export "$dir/site" --content "$corpus" > /dev/null
    read -r wall user sys rss < "$work/time"
    awk -v r="$round" -v w="$which" -v wall="$wall" -v user="$user" -v sys="$sys" -v rss="$rss" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
      'BEGIN {printf "round %s %s: export %.2f s wall, %.2f s user + system, %.1f MB peak RSS (load %s)\n", r, w, wall, user + sys, rss / 1000, load}'
  done
done
