#!/usr/bin/env bash
# Web benchmark (not part of .ci/run; installs what it needs): on one synthetic corpus of
# PAGES pages per locale (the search benchmark's generator),
#   - `reader serve` against `kiwix-serve` (the ZIM made from our export with zimwriterfs):
#     `wrk -t2 -c64 -d20s` on the same page, requests/s and p99;
#   - `reader export` against Hugo building the same corpus as a two-language site: wall
#     time and peak RSS;
#   - a 60 s load at 256 connections on `reader serve`: errors, and its memory over time.
# Usage: scripts/bench_web.sh   (PAGES=10000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${PAGES:-10000}
target="${CARGO_TARGET_DIR:-$(pwd)/target}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

missing=()
for pkg in kiwix-tools zim-tools hugo wrk imagemagick; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cargo build --release -q -p reader-cli
cargo run --release -q -p reader-core --example corpus -- "$work/corpus" "$PAGES"
reader="$target/release/reader"
echo "versions: $("$reader" --version), kiwix-serve $(kiwix-serve --version 2>&1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1), $(hugo version | cut -d' ' -f1-2), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no answer from $1" >&2; return 1; }
# wrk's requests/s and 99th percentile from its --latency output
wrk_summary() { awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} /Socket errors/ {err=$0} /Non-2xx/ {non2xx=$0} END {printf "%s req/s, p99 %s %s %s\n", rps, p99, err, non2xx}'; }

python3 - "$work/corpus" "$work/hugo" <<'PY'
# The same corpus as a two-language Hugo site: one Markdown file per page and language,
# title and four paragraphs, translations linked by path; a minimal theme with hreflang.
import pathlib, re, sys
corpus, hugo = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for lang in ("en", "lo"):
    for ftl in (corpus / lang / "pages" / "p").glob("*.ftl"):
        lines = [l.split(" = ", 1)[1] for l in ftl.read_text().splitlines() if " = " in l]
        out = hugo / "content" / lang / "p" / (ftl.stem + ".md")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text('---\ntitle: "%s"\n---\n\n%s\n' % (lines[0], "\n\n".join(lines[1:])))
(hugo / "hugo.toml").write_text('''baseURL = "http://localhost/"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS"]
[languages.en]
contentDir = "content/en"
weight = 1
[languages.lo]
contentDir = "content/lo"
weight = 2
''')
layouts = hugo / "layouts" / "_default"
layouts.mkdir(parents=True, exist_ok=True)
page = '''<!doctype html><html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ end }}
</head><body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>'''
(layouts / "single.html").write_text(page)
(layouts / "list.html").write_text(page.replace("{{ .Content }}", "{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ end }}"))
PY

echo
echo "== export vs Hugo ($PAGES pages per locale) =="
# Three rounds, the two taking turns, each into a new folder: a filesystem's state (files
# just written or deleted) weighs on both alike.
for round in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$work/reader.$round" "$reader" export "$work/site$round" --content "$work/corpus" > /dev/null
  ( cd "$work/hugo" && /usr/bin/time -f "%e %M" -o "$work/hugo.$round" hugo --quiet -d "$work/public$round" )
  read -r rt rm < "$work/reader.$round"; read -r ht hm < "$work/hugo.$round"
  awk -v r="$round" -v rt="$rt" -v rm="$rm" -v ht="$ht" -v hm="$hm" 'BEGIN {
    printf "round %s: reader export %.2f s, %d KB peak RSS; hugo %.2f s, %d KB; reader %.1fx faster, %.1fx less memory\n",
      r, rt, rm, ht, hm, ht / rt, hm / rm }'
done
echo "pages: reader export $(find "$work/site1" -name '*.html' | wc -l) HTML files; hugo $(find "$work/public1" -name '*.html' | wc -l)"

echo
echo "== serve vs kiwix-serve (wrk -t2 -c64 -d20s, the same page) =="
convert -size 48x48 xc:'#0033a0' "$work/site1/illustration.png"
zimwriterfs --welcome=en/p/0.html --illustration=illustration.png --language=eng --title="IOM corpus" \
  --description="benchmark corpus" --creator=IOM --publisher=IOM --name=corpus "$work/site1" "$work/corpus.zim" > /dev/null 2>&1
page="en/p/4321"
sport=$(free_port)
"$reader" serve --content "$work/corpus" --bind "127.0.0.1:$sport" > /dev/null 2>&1 &
serve_pid=$!
wait_http "http://127.0.0.1:$sport/$page"
kport=$(free_port)
kiwix-serve --address=127.0.0.1 --port="$kport" "$work/corpus.zim" > /dev/null 2>&1 &
kiwix_pid=$!
wait_http "http://127.0.0.1:$kport/"
kiwix_url="http://127.0.0.1:$kport/content/corpus/$page.html"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$kiwix_url")" = 200 ] || kiwix_url="http://127.0.0.1:$kport/corpus/A/$page.html"
for url in "http://127.0.0.1:$sport/$page" "$kiwix_url"; do
  body=$(curl -s "$url")
  grep -q 'id="p-4321-1"' <<< "$body" || { echo "$url does not serve the page" >&2; exit 1; }
done
echo "page sizes: serve $(curl -s "http://127.0.0.1:$sport/$page" | wc -c) bytes, kiwix $(curl -s "$kiwix_url" | wc -c) bytes ($kiwix_url)"
echo "reader serve: $(wrk -t2 -c64 -d20s --latency "http://127.0.0.1:$sport/$page" | wrk_summary)"
echo "kiwix-serve:  $(wrk -t2 -c64 -d20s --latency "$kiwix_url" | wrk_summary)"
kill "$kiwix_pid"

echo
echo "== reader serve: 60 s at 256 connections =="
rss() { awk '/VmRSS/ {print $2}' "/proc/$serve_pid/status"; }
echo "RSS before: $(rss) KB"
( for i in $(seq 6); do sleep 10; echo "RSS at ${i}0 s: $(rss) KB"; done ) &
echo "load: $(wrk -t2 -c256 -d60s --latency "http://127.0.0.1:$sport/$page" | wrk_summary)"
wait %2 2>/dev/null || true
sleep 1
kill -TERM "$serve_pid"; wait "$serve_pid" && echo "serve stopped cleanly on SIGTERM"
