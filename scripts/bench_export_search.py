#!/usr/bin/env python3
"""Search in the exported site against Pagefind, on the same export, same queries (#15).

One run: builds the release CLI, generates the benchmarks' corpus (PAGES per locale, with
its ground truth: the pages each Lao word was placed on), exports it (`reader export`, which
writes the static search index), runs Pagefind on the same site, serves it with Python's
static server and drives a headless Chromium (Selenium) through:

- recall: every page each query finds (the whole hit list: our engine with no limit;
  Pagefind's every result, its fragment loaded for the URL) against the ground truth (Lao),
  and against the pages whose English text holds the word (English);
- a query as a reader makes it, with a cold cache (cleared before each): ours typed in the
  exported page's box, from the input event to the results in the list (its 20 results,
  as the app shows); Pagefind's script loaded, `search()` and its first 5 results' data
  (what its default UI shows first), timed in the page; bytes fetched for it (the
  static server's access log: the size of every file served, workers' requests included);
- index build time and peak memory (`/usr/bin/time`), index size and file count.

Needs: python3-venv (Pagefind and Selenium are installed from PyPI into
~/.cache/iom-lao-reader/bench-venv on first use), chromium and chromium-driver.
Usage: scripts/bench_export_search.py [PAGES]   (default 10000)
"""

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", Path.home() / ".cache/iom-lao-reader/target"))
VENV = Path.home() / ".cache/iom-lao-reader/bench-venv"
LAO_QUERIES = ["ສຸຂະພາບ", "ຍຸດທະສາດ", "ລັດຖະບານ", "ເຄື່ອນຍ້າຍ", "ແຮງງານ", "ຊາຍແດນ"]
ENGLISH_QUERIES = ["migration", "health", "government", "strategy", "border", "climate"]


def ensure_venv():
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "pagefind[extended]==1.5.2", "selenium"], check=True)
    return python


def timed(args, **kwargs):
    """Wall seconds and peak RSS (MB) of a command, through /usr/bin/time."""
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M", *args], capture_output=True, text=True, **kwargs)
    if out.returncode != 0:
        sys.exit(f"{args[0]} failed:\n{out.stderr}")
    wall, rss = out.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss) / 1024


def tree_size(path):
    files = [f for f in Path(path).rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files) / 1e6, len(files)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def english_truth(corpus, word):
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    found = set()
    for page in (corpus / "en" / "pages" / "p").glob("*.ftl"):
        if pattern.search(page.read_text()):
            found.add(f"p/{page.stem}")
    return found


def main():
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    python = ensure_venv()
    if os.environ.get("BENCH_CHILD") != "1":
        # Selenium lives in the venv: run the rest there.
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "reader-cli"], cwd=ROOT, check=True)
        os.execve(str(python), [str(python), __file__, str(pages)], dict(os.environ, BENCH_CHILD="1"))
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    work = Path(tempfile.mkdtemp(prefix="bench-export-search-"))
    corpus, site, truth_file = work / "corpus", work / "site", work / "truth.json"
    subprocess.run(["cargo", "run", "--release", "-q", "-p", "reader-core", "--example", "corpus", "--",
                    str(corpus), str(pages), str(truth_file)], cwd=ROOT, check=True)
    truth = {w: set(p) for w, p in json.loads(truth_file.read_text()).items()}
    reader = TARGET / "release" / "reader"
    export_s, export_mb = timed([str(reader), "export", str(site), "--content", str(corpus)])
    ours_mb, ours_files = tree_size(site / "search")
    pagefind_s, pagefind_mb = timed([str(python), "-m", "pagefind", "--site", str(site)])
    pf_mb, pf_files = tree_size(site / "pagefind")
    # Pagefind fetches its index: pages without the export's CSP (connect-src 'none'), one per
    # language (Pagefind picks its index by the page's language).
    for lang in ["en", "lo"]:
        (site / f"pagefind-{lang}.html").write_text(f"<!doctype html><html lang=\"{lang}\"><title>pagefind</title><body></body></html>")

    port = free_port()
    access_log = open(work / "access.log", "w+")
    server = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "--bind", "127.0.0.1", str(port), "--directory", str(site)],
                              stdout=subprocess.DEVNULL, stderr=access_log)
    base = f"http://127.0.0.1:{port}"
    time.sleep(1)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--window-size=1280,900"]:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

    # Bytes served since the last call: the server's access log (every request, a worker's
    # too), each file's size (no compression: Python's server sends files as they are).
    log_at = [0]

    def network_bytes():
        time.sleep(0.3)
        access_log.seek(log_at[0])
        lines = access_log.read()
        log_at[0] = access_log.tell()
        total = 0
        for path in re.findall(r'"GET (\S+) HTTP/[\d.]+" 200', lines):
            total += (site / path.split("?")[0].lstrip("/")).stat().st_size
        return total

    driver.set_script_timeout(600)
    rows = []
    try:
        for query, locale, expected in ([(q, "lo", truth.get(q, set())) for q in LAO_QUERIES]
                                        + [(q, "en", english_truth(corpus, q)) for q in ENGLISH_QUERIES]):
            row = {"query": query, "pages": len(expected)}
            # Ours, the whole hit list (the engine with no limit): pages of the reading language.
            driver.get(f"{base}/{locale}/p/0.html")
            hits = driver.execute_async_script("""
                const [q, l, done] = arguments;
                const root = JSON.parse(document.getElementById('reader-config').textContent).root;
                const s = document.createElement('script'); s.src = root + 'ui/search.js';
                s.onload = () => { READER_SEARCH.setRoot(root);
                  READER_SEARCH.search(q, l, 1e9).then((h) => done(h.filter((x) => x.locale === l).map((x) => x.slug))); };
                document.head.append(s);""", query, locale)
            found = set(hits)
            row["ours_recall"] = len(found & expected) / max(len(expected), 1)
            # Ours, as a reader types it: cold cache, input event to results listed.
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            driver.get(f"{base}/{locale}/p/0.html")
            network_bytes()  # the page's own loads: not the query's
            ms = driver.execute_async_script("""
                const [q, done] = arguments;
                const box = document.getElementById('search'), list = document.getElementById('search-results');
                const t0 = performance.now();
                new MutationObserver((_, observer) => {
                  if (list.querySelector('.result, .no-results')) {
                    observer.disconnect();
                    done(performance.now() - t0);
                  }
                }).observe(list, { childList: true, subtree: true });
                box.value = q; box.dispatchEvent(new Event('input', { bubbles: true }));""", query)
            row["ours_ms"], row["ours_kb"] = ms, network_bytes() / 1024
            # Pagefind: every result's URL, for recall.
            driver.get(f"{base}/pagefind-{locale}.html")
            urls = driver.execute_async_script("""
                const [q, done] = arguments;
                import('/pagefind/pagefind.js').then(async (pf) => {
                  await pf.options({ }); await pf.init();
                  const r = await pf.search(q);
                  const data = await Promise.all(r.results.map((x) => x.data()));
                  done(data.map((d) => d.url));
                });""", query)
            pf_found = {m.group(1) for u in urls if (m := re.search(rf"/{locale}/(p/\d+)\.html", u))}
            row["pf_recall"] = len(pf_found & expected) / max(len(expected), 1)
            # Pagefind, as its UI does it: cold cache, search() and the first 5 results' data.
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            driver.get(f"{base}/pagefind-{locale}.html")
            network_bytes()
            ms = driver.execute_async_script("""
                const [q, done] = arguments;
                const t0 = performance.now();
                import('/pagefind/pagefind.js').then(async (pf) => {
                  await pf.init();
                  const r = await pf.search(q);
                  await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
                  done(performance.now() - t0);
                });""", query)
            row["pf_ms"], row["pf_kb"] = ms, network_bytes() / 1024
            rows.append(row)
            print(row, file=sys.stderr)
    finally:
        driver.quit()
        server.terminate()

    print(f"\ncorpus: {pages} pages per locale; export {export_s:.1f} s, peak {export_mb:.0f} MB "
          f"(pages and search index); Pagefind 1.5.2 {pagefind_s:.1f} s, peak {pagefind_mb:.0f} MB")
    print(f"index: ours {ours_mb:.1f} MB in {ours_files} files; Pagefind {pf_mb:.1f} MB in {pf_files} files")
    print("query | pages holding it | recall ours | recall Pagefind | typed→listed ours (cold) | Pagefind search+5 (cold) | KB ours | KB Pagefind")
    for r in rows:
        print(f"{r['query']} | {r['pages']} | {r['ours_recall']:.0%} | {r['pf_recall']:.0%} | {r['ours_ms']:.0f} ms | "
              f"{r['pf_ms']:.0f} ms | {r['ours_kb']:.0f} | {r['pf_kb']:.0f}")
    subprocess.run(["rm", "-rf", str(work)])


if __name__ == "__main__":
    main()
