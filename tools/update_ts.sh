#!/usr/bin/env bash
# Refresh i18n/jitasa.pro and i18n/jitasa_th.ts from every .py and .ui (existing translations are kept).
# pylupdate5 reads copies made by tools/ts_sources.py (it skips calls with a trailing comma otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "SOURCES = \\"
  find jitasa_qgis -name '*.py' | sort | sed 's|^|    ../|; s|$| \\|'
  echo ""
  echo "FORMS = \\"
  ls ui/*.ui | sed 's|^|    ../|; s|$| \\|'
  echo ""
  echo "TRANSLATIONS = jitasa_th.ts"
} > i18n/jitasa.pro
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 tools/ts_sources.py . "$work"
cp i18n/jitasa.pro i18n/jitasa_th.ts "$work/i18n/"
(cd "$work/i18n" && pylupdate5 -noobsolete jitasa.pro 2> >(grep -v -e DeprecationWarning -e getdefaultlocale >&2))
cp "$work/i18n/jitasa_th.ts" i18n/jitasa_th.ts
