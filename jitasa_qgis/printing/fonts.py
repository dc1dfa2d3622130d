"""The Thai font printed pages use: the first installed family of THAI_FONT_FAMILIES.

Qt shapes Thai with HarfBuzz (tone marks above vowels placed), but only with a font that has Thai glyphs;
without one every Thai letter prints as a box. So a print refuses to start, naming the Debian package to
install (PrintErrorCode.THAI_FONT_MISSING), rather than writing an unreadable PDF.
"""

from __future__ import annotations

from typing import Iterable, Optional

from qgis.PyQt.QtGui import QFont, QFontDatabase

from ..definitions.print_errors import THAI_FONT_PACKAGES, PrintErrorCode
from ..definitions.visuals import LABEL_FONT
from .errors import PrintError

# In order of preference: Noto Sans Thai (fonts-noto-core, the map labels' font), then the TLWG families
# (fonts-thai-tlwg: Garuda and Loma are sans, Norasi and Kinnari serif), then Windows' Thai fonts.
THAI_FONT_FAMILIES = (
    LABEL_FONT,
    "Noto Sans Thai UI",
    "Sarabun",
    "Garuda",
    "Loma",
    "Waree",
    "Norasi",
    "Kinnari",
    "Tahoma",
    "Leelawadee UI",
)


def installed_thai_families(families: Optional[Iterable[str]] = None) -> list[str]:
    """The families of `families` (default THAI_FONT_FAMILIES) installed here that have Thai glyphs, in
    the order given."""
    families = THAI_FONT_FAMILIES if families is None else families
    database = QFontDatabase()
    present = set(database.families(QFontDatabase.Thai))
    return [f for f in families if f in present]


def thai_font_family(families: Optional[Iterable[str]] = None) -> str:
    """The family to print Thai with. Raises PrintError(THAI_FONT_MISSING) naming the package to install."""
    found = installed_thai_families(families)
    if not found:
        raise PrintError(PrintErrorCode.THAI_FONT_MISSING, THAI_FONT_PACKAGES[0])
    return found[0]


def thai_font(size_pt: float, bold: bool = False, family: Optional[str] = None) -> QFont:
    font = QFont(family or thai_font_family())
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    return font
