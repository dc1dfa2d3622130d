"""Where the plugin's files are, both in the installed zip and in a source checkout.

In the zip, resources/, ui/ and i18n/ sit inside the package folder; in the repository they sit beside it.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def _first_existing(name: str) -> Path:
    for base in (PACKAGE_DIR, PACKAGE_DIR.parent):
        if (base / name).is_dir():
            return base / name
    return PACKAGE_DIR / name


RESOURCES_DIR = _first_existing("resources")
UI_DIR = _first_existing("ui")
I18N_DIR = _first_existing("i18n")
SQL_DIR = RESOURCES_DIR / "sql"
STYLES_DIR = RESOURCES_DIR / "styles"
ICONS_DIR = RESOURCES_DIR / "icons"
LAYOUTS_DIR = RESOURCES_DIR / "layouts"
DEMO_DIR = RESOURCES_DIR / "demo"
