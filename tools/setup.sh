#!/usr/bin/env bash
# Install what a fresh Debian bookworm machine lacks, quietly and idempotently:
# Debian packages (QGIS 3.22, PostgreSQL 15 + PostGIS + pgRouting, the scientific stack, fonts, Xvfb,
# Qt translation tools), then the dev venv on Debian's python with only test/lint tools from pip.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(
  qgis python3-qgis qgis-providers
  postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting
  python3-psycopg2 python3-numpy python3-scipy python3-pandas python3-shapely python3-geopandas
  python3-requests python3-pyqt5 python3-venv python3-pip python3-gdal
  python3-openpyxl python3-jsonschema python3-fastjsonschema python3-pytest-httpserver python3-matplotlib
  fonts-thai-tlwg fonts-noto-core poppler-utils xvfb imagemagick
  qttools5-dev-tools pyqt5-dev-tools zip
)

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    2> >(grep -v "^debconf: delaying" >&2)
fi

# The venv sees Debian's numpy/scipy/qgis; pip adds test tools only and must never replace numpy.
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import qgis.core" 2>/dev/null; then
  rm -rf .venv
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
if ! cmp -s requirements-dev.txt .venv/.requirements-installed 2>/dev/null; then
  echo "setup: installing test tools into .venv"
  # (grep drops the machine's pip.conf warnings about absent local indexes; pip's exit code is kept)
  .venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt -c tools/constraints.txt \
    2> >(grep -v "is ignored: it is neither" >&2)
  cp requirements-dev.txt .venv/.requirements-installed
fi
.venv/bin/python - <<'PY'
import numpy, sys
if not numpy.__file__.startswith("/usr/lib/python3/"):
    sys.exit(f"setup: numpy comes from {numpy.__file__}, not Debian: GDAL and QGIS Processing would break")
PY
