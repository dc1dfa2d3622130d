"""Why a print failed, as a code with a detail; the words are made where they are shown.

`PrintErrorCode` values travel in exceptions (printing.errors.PrintError) and results; `print_error_text`
turns one into a Thai or English sentence for a message bar, a Processing log or a dialog.
"""

from __future__ import annotations

from enum import Enum

from .i18n import translate

# The Debian packages that bring the Thai fonts the layouts use (either is enough).
THAI_FONT_PACKAGES = ("fonts-thai-tlwg", "fonts-noto-core")


class PrintErrorCode(str, Enum):
    THAI_FONT_MISSING = "thai_font_missing"  # detail: the packages to install
    TEMPLATE_MISSING = "template_missing"  # detail: the template's name or path
    TEMPLATE_INVALID = "template_invalid"  # detail: the template's path
    OUTPUT_UNWRITABLE = "output_unwritable"  # detail: the output path (and the system's reason)
    EXPORT_FAILED = "export_failed"  # detail: QGIS's error text
    AREA_EMPTY = "area_empty"  # detail: the area asked for
    NO_PAGES = "no_pages"  # detail: the scope asked for


def print_error_text(code: PrintErrorCode | str, detail: str = "") -> str:
    code = PrintErrorCode(code)
    if code is PrintErrorCode.THAI_FONT_MISSING:
        return translate(
            "PrintErrors",
            "No Thai font is installed, so Thai text would print as boxes. Install the Debian package {0} "
            "(sudo apt install {0}) and start QGIS again.",
        ).format(detail or THAI_FONT_PACKAGES[0])
    if code is PrintErrorCode.TEMPLATE_MISSING:
        return translate("PrintErrors", "No layout template named {0}.").format(detail)
    if code is PrintErrorCode.TEMPLATE_INVALID:
        return translate("PrintErrors", "The layout template {0} cannot be read.").format(detail)
    if code is PrintErrorCode.OUTPUT_UNWRITABLE:
        return translate("PrintErrors", "Cannot write the PDF {0}: choose a folder you may write to.").format(detail)
    if code is PrintErrorCode.EXPORT_FAILED:
        return translate("PrintErrors", "QGIS could not export the layout: {0}").format(detail)
    if code is PrintErrorCode.AREA_EMPTY:
        return translate("PrintErrors", "The area {0} has no boundary in the store: nothing to print.").format(detail)
    return translate("PrintErrors", "The scope {0} holds no areas: the atlas would have no pages.").format(detail)
