#!/usr/bin/env bash
# Refresh i18n/jitasa.pro and i18n/jitasa_th.ts from every .py and .ui (existing translations are kept).
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
cd i18n && pylupdate5 -noobsolete jitasa.pro 2> >(grep -v -e DeprecationWarning -e getdefaultlocale >&2)
