#!/usr/bin/env python3
"""A 10,000-page library against the shipped five pages, in one run (a benchmark, not a test).

Cases, taking turns in each round (release app, Xvfb, fresh config and data each run):
- embedded:   the shipped content;
- large:      the generated corpus (`--content`), its page list and search index already in
              the cache (made by a first start before the rounds);
- large-cold: the same corpus, its page list cached but no index: the index is built after
              the first paint (as after a pack install, which caches the page list);
- first-open: the same corpus with an empty cache: the manifest is parsed (and its page
              list cached), the index built after the first paint.
Per run: first page painted (from spawn, and the app's own clock), "search ready" (the app's
log: the index opened or built, ms after start, so also after the first paint), whole-tree
PSS SETTLE s after the first paint, and for large-cold also once the index is ready.
Then, with the release CLI (built with the test key): the 10,000-page pack built, installed
into a fresh data folder (time, disk), and its index built in a fresh cache (time, disk).

Usage: scripts/bench_scale.py [ROUNDS] [PAGES]   (default 8 rounds, 10000 pages per locale)
"""

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import BINARY, ROOT, TARGET, children_of, pss_kb, start_daemon  # noqa: E402

SETTLE = 3.0
APP_ID = "int.iom.laopdr.reader"
CLI = TARGET / "release" / "reader"


def tree_pss_mb(pid):
    return sum(pss_kb(p) for p in [pid] + children_of(pid)) / 1024


def one_run(env, args, cache):
    """First paint (spawn, app clock), search ready after start, PSS after paint and ready."""
    # (WebKit's processes may still write to the profile as they exit.)
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        env = dict(env, XDG_CONFIG_HOME=f"{profile}/c", XDG_DATA_HOME=f"{profile}/d", XDG_CACHE_HOME=cache)
        t0 = time.monotonic()
        app = subprocess.Popen([str(BINARY), *args], env=env, stderr=subprocess.PIPE, text=True)
        painted = threading.Event()
        ready = threading.Event()
        found = {}

        def read():
            for line in app.stderr:
                if "first page painted" in line and "painted" not in found:
                    found["painted"] = (time.monotonic() - t0) * 1000
                    found["app"] = float(line.split("first page painted")[1].split()[0])
                    painted.set()
                ready_line = re.search(r"search ready \((?:Some\()?(\w+)\)*\s+([\d.]+) ms", line)
                if ready_line:
                    found["origin"] = ready_line.group(1)
                    found["ready"] = float(ready_line.group(2))
                    ready.set()

        threading.Thread(target=read, daemon=True).start()
        painted.wait(60)
        time.sleep(SETTLE)
        found["pss"] = tree_pss_mb(app.pid)
        ready.wait(300)
        time.sleep(0.5)
        found["pss_ready"] = tree_pss_mb(app.pid)
        children = children_of(app.pid)
        app.terminate()
        app.wait()
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return found


def median(runs, key):
    values = [r[key] for r in runs if key in r]
    return statistics.median(values) if values else float("nan")


def du_mb(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 1e6


def timed(args, **kwargs):
    t0 = time.monotonic()
    out = subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)
    return time.monotonic() - t0, out


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    cargo = ["cargo", "build", "--release"]
    subprocess.run([*cargo, "-p", "reader-app"], cwd=ROOT, check=True)
    subprocess.run([*cargo, "-p", "reader-cli", "--features", "test-key"], cwd=ROOT, check=True)
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    corpus = work / "corpus"
    subprocess.run(["cargo", "run", "--release", "-q", "-p", "reader-core", "--example", "corpus", "--",
                    str(corpus), str(pages)], cwd=ROOT, check=True)
    warm_cache = str(work / "warm-cache")

    xvfb, display = start_daemon(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x860x24", "-nolisten", "tcp"])
    dbus, bus = start_daemon(["dbus-daemon", "--session", "--nofork", "--print-address=1"])
    env = dict(os.environ, DISPLAY=f":{display}", DBUS_SESSION_BUS_ADDRESS=bus, LANG="en_US.UTF-8", RUST_LOG="info")
    large = ["--content", str(corpus)]
    results = {"embedded": [], "large": [], "large-cold": [], "first-open": []}
    try:
        first = one_run(env, large, warm_cache)  # builds the warm cache's index
        print(f"warm-up start on the corpus: index {first.get('origin')} {first.get('ready', 0):.0f} ms after start")
        for n in range(rounds):
            with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as cold, \
                    tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as empty:
                pages_only = Path(cold) / APP_ID / "pages"
                shutil.copytree(Path(warm_cache) / APP_ID / "pages", pages_only)
                for case, args, cache in [("embedded", [], str(work / "embedded-cache")),
                                          ("large", large, warm_cache),
                                          ("large-cold", large, cold),
                                          ("first-open", large, empty)]:
                    results[case].append(one_run(env, args, cache))
            print(f"round {n + 1}/{rounds} done", file=sys.stderr)
    finally:
        xvfb.kill()
        dbus.kill()

    base = results["embedded"]
    print(f"\n{rounds} rounds, cases in turn; corpus: {pages} pages per locale ({du_mb(corpus):.1f} MB)")
    print("case        | painted (spawn) | painted (app) | search ready after start | PSS +3 s | PSS, index ready")
    for case, runs in results.items():
        origins = sorted({r.get("origin", "?") for r in runs})
        print(f"{case:11} | {median(runs, 'painted'):7.0f} ms      | {median(runs, 'app'):7.0f} ms    "
              f"| {median(runs, 'ready'):8.0f} ms {'/'.join(origins):12} | {median(runs, 'pss'):6.1f} MB | "
              f"{median(runs, 'pss_ready'):6.1f} MB")
    for runs in results.values():
        for r in runs:
            if "ready" in r and "app" in r:
                r["after_paint"] = r["ready"] - r["app"]
    for case in ["large", "large-cold", "first-open"]:
        runs = results[case]
        print(f"{case}: painted x{median(runs, 'painted') / median(base, 'painted'):.2f} (spawn), "
              f"x{median(runs, 'app') / median(base, 'app'):.2f} (app); PSS {median(runs, 'pss') - median(base, 'pss'):+.1f} MB; "
              f"search ready {median(runs, 'after_paint'):.0f} ms after the first paint (median of each run's, "
              f"app clock; embedded: {median(base, 'after_paint'):.0f} ms)")

    # The pack: built, installed as the app installs it, and its index built once.
    key = ROOT / "tests" / "keys" / "test.key"
    pack = work / "large.pack"
    build_s, _ = timed([str(CLI), "pack", "build", str(corpus), "--key", str(key), "--version", "2", "-o", str(pack)])
    data = work / "data"
    install_s, _ = timed([str(CLI), "pack", "install", str(pack), "--data", str(data)])
    index_cache = work / "index-cache"
    version = data / "versions" / "2"
    search_env = dict(os.environ, XDG_CACHE_HOME=str(index_cache))
    index_s, _ = timed([str(CLI), "search", "migration", "--content", str(version)], env=search_env)
    again_s, _ = timed([str(CLI), "search", "migration", "--content", str(version)], env=search_env)
    print(f"\npack: {pack.stat().st_size / 1e6:.1f} MB, built in {build_s:.1f} s")
    print(f"install: {install_s:.1f} s, {du_mb(data):.1f} MB on disk")
    print(f"index: `reader search` building it {index_s:.1f} s, {du_mb(index_cache):.1f} MB in the cache; "
          f"the next `reader search` {again_s:.2f} s")
    subprocess.run(["rm", "-rf", str(work)])


if __name__ == "__main__":
    main()
