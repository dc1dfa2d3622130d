#!/usr/bin/env bash
# Create bench/.venv-ortools (OR-Tools, the anchor of bench/assign.py) if it is missing or out of date;
# quiet when it is already there. A plain venv without the system's site packages, so nothing pip does
# here can reach Debian's numpy or the dev venv .venv.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv-ortools
REQ=requirements-ortools.txt
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import sys" 2>/dev/null; then
  rm -rf "$VENV"
  /usr/bin/python3 -m venv "$VENV"
fi
if ! cmp -s "$REQ" "$VENV/.requirements-installed" 2>/dev/null; then
  echo "bench: installing OR-Tools into bench/$VENV"
  # (grep drops the machine's pip.conf warnings about absent local indexes; pip's exit code is kept)
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQ" \
    2> >(grep -v "is ignored: it is neither" >&2)
  "$VENV/bin/python" -c "from ortools.graph.python import min_cost_flow"
  cp "$REQ" "$VENV/.requirements-installed"
fi
