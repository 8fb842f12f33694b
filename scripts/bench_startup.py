#!/usr/bin/env python3
"""Start-up and memory of the release reader under Xvfb (a benchmark, not a test).

For each run: a fresh profile (first start), the release binary on the embedded content.
- first page painted: from spawning the process to its log line "first page painted"
  (the UI reports it two animation frames after the first body is in the document);
- whole-tree PSS: the app and every process it started (WebKitWebProcess,
  WebKitNetworkProcess), from /proc/PID/smaps_rollup, SETTLE seconds after the first paint;
- the release binary's size.
Usage: scripts/bench_startup.py [RUNS] (builds the release binary first), or
       scripts/bench_startup.py RUNS OLD_BINARY NEW_BINARY: two builds taking turns, run by run
       (compare them with each other, not with figures from another day).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
BINARY = TARGET / "release" / "iom-lao-reader"
SETTLE = 3.0


def children_of(pid):
    """All descendants of pid, from /proc/*/stat."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                parents.setdefault(ppid, []).append(int(entry.name))
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        for child in parents.get(p, []):
            found.append(child)
            todo.append(child)
    return found


def pss_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def process_name(pid):
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def start_daemon(args):
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return proc, proc.stdout.readline().strip()


def one_run(env, binary=BINARY):
    with tempfile.TemporaryDirectory() as profile:
        env = dict(env, XDG_CONFIG_HOME=f"{profile}/c", XDG_DATA_HOME=f"{profile}/d", XDG_CACHE_HOME=f"{profile}/x")
        t0 = time.monotonic()
        app = subprocess.Popen([str(binary)], env=env, stderr=subprocess.PIPE, text=True)
        painted_ms, app_ms = None, None
        for line in app.stderr:
            if "first page painted" in line:
                painted_ms = (time.monotonic() - t0) * 1000
                app_ms = float(line.split("first page painted")[1].split()[0])
                break
        time.sleep(SETTLE)
        by_name = {}
        total = 0
        for pid in [app.pid] + children_of(app.pid):
            kb = pss_kb(pid)
            total += kb
            by_name[process_name(pid)] = by_name.get(process_name(pid), 0) + kb
        app.terminate()
        app.wait()
        return painted_ms, app_ms, total / 1024, {k: v / 1024 for k, v in by_name.items()}


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if len(sys.argv) > 3:
        return compare(runs, Path(sys.argv[2]), Path(sys.argv[3]))
    subprocess.run(["cargo", "build", "--release", "-p", "reader-app"], cwd=ROOT, check=True)
    xvfb, display = start_daemon(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x860x24", "-nolisten", "tcp"])
    dbus, bus = start_daemon(["dbus-daemon", "--session", "--nofork", "--print-address=1"])
    env = dict(os.environ, DISPLAY=f":{display}", DBUS_SESSION_BUS_ADDRESS=bus, LANG="en_US.UTF-8", RUST_LOG="info")
    try:
        results = [one_run(env) for _ in range(runs)]
    finally:
        xvfb.kill()
        dbus.kill()
    painted = [r[0] for r in results]
    app_side = [r[1] for r in results]
    pss = [r[2] for r in results]
    print(f"runs: {runs} (release, Xvfb, first start, embedded content)")
    print(f"first page painted, from spawn: median {statistics.median(painted):.0f} ms, max {max(painted):.0f} ms")
    print(f"first page painted, app's own clock: median {statistics.median(app_side):.0f} ms")
    print(f"whole-tree PSS after {SETTLE:.0f} s: median {statistics.median(pss):.1f} MB, max {max(pss):.1f} MB")
    print("  by process (last run): " + ", ".join(f"{k} {v:.1f} MB" for k, v in sorted(results[-1][3].items())))
    print(f"release binary: {BINARY.stat().st_size / 1e6:.1f} MB ({BINARY})")


def compare(runs, old, new):
    xvfb, display = start_daemon(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x860x24", "-nolisten", "tcp"])
    dbus, bus = start_daemon(["dbus-daemon", "--session", "--nofork", "--print-address=1"])
    env = dict(os.environ, DISPLAY=f":{display}", DBUS_SESSION_BUS_ADDRESS=bus, LANG="en_US.UTF-8", RUST_LOG="info")
    results = {"old": [], "new": []}
    try:
        for _ in range(runs):
            for which, binary in [("old", old), ("new", new)]:
                results[which].append(one_run(env, binary))
    finally:
        xvfb.kill()
        dbus.kill()
    print(f"runs: {runs} each, taking turns (release, Xvfb, first start, embedded content)")
    medians = {}
    for which in ["old", "new"]:
        r = results[which]
        medians[which] = [statistics.median(x[i] for x in r) for i in range(3)]
        print(f"{which}: first page painted {medians[which][0]:.0f} ms from spawn, {medians[which][1]:.0f} ms app clock; "
              f"whole-tree PSS {medians[which][2]:.1f} MB")
    change = [(medians["new"][i] / medians["old"][i] - 1) * 100 for i in range(3)]
    print(f"new against old: painted {change[0]:+.1f}% (spawn), {change[1]:+.1f}% (app clock); PSS {change[2]:+.1f}%")


if __name__ == "__main__":
    main()
