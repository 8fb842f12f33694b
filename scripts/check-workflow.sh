#!/usr/bin/env bash
# Checks the release workflow against the GitHub Actions workflow schema (check-jsonschema,
# from PyPI, carries it: no network at check time), since Windows and macOS builds can't run
# here. Installs the checker into a cache outside the clone when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
version=0.39.0
venv="${IOM_READER_CACHE:-$HOME/.cache/iom-lao-reader}/check-jsonschema-$version"
if [ ! -x "$venv/bin/check-jsonschema" ]; then
  echo "Installing check-jsonschema $version into $venv" >&2
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install -q "check-jsonschema==$version"
fi
"$venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml
