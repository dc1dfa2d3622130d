"""Shared by tests/test_printing_*.py and test_processing_print*.py: the demo boundaries as a layer, and
what a PDF holds (pages, text, fonts, whether a page is blank), read with poppler's tools."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

from jitasa_qgis.definitions.paths import DEMO_DIR


def demo_tambons(project, name: str = "ตำบล"):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{DEMO_DIR / 'admin.gpkg'}|layername=tambon_codab", name, "ogr")
    assert layer.isValid()
    project.addMapLayer(layer)
    return layer


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(path: Path, first: int = 1, last: int | None = None) -> str:
    args = ["pdftotext", "-f", str(first)] + (["-l", str(last)] if last else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_layout_pages(path: Path) -> list[str]:
    """Each page's text as laid out (a table row on one line, in the order printed)."""
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, pdf_pages(path) + 1)
    ]


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name without the subset tag, embedded) for each font of the PDF."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        name = parts[0].split("+")[-1]
        emb_index = -5  # columns: ... emb sub uni object ID
        fonts.append((name, parts[emb_index] == "yes"))
    return fonts


def thai_letters(text: str) -> str:
    """The text's letters without the marks above and below (tone marks, upper and lower vowels) and
    spaces. Qt's PDF writer maps some shaped mark glyphs (a tone mark raised over an upper vowel, a vowel
    shifted beside a tall consonant) to no character in the text layer although they are drawn right, so
    the letters are what a search of the PDF can rely on."""
    text = unicodedata.normalize("NFC", text.replace("\u0e4d\u0e32", "\u0e33"))
    text = text.replace("\u0e33", "\u0e32")  # sara am's nikhahit is a mark too
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("M") and not ch.isspace())


def page_is_blank(path: Path, page: int = 1, tmp_dir: Path | None = None) -> bool:
    """Whether page `page`, rendered at 30 dpi, is all one colour."""
    from qgis.PyQt.QtGui import QImage

    out = Path(tmp_dir or path.parent) / f"{path.stem}-render"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", str(page), "-l", str(page), "-singlefile", str(path), str(out)],
        check=True,
    )
    image = QImage(str(out) + ".png")
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    return len(colours) <= 1


def non_white_share(path: Path, page: int = 1, tmp_dir: Path | None = None) -> float:
    """The share of pixels of page `page` (30 dpi) that are not white."""
    from qgis.PyQt.QtGui import QImage

    out = Path(tmp_dir or path.parent) / f"{path.stem}-share"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", str(page), "-l", str(page), "-singlefile", str(path), str(out)],
        check=True,
    )
    image = QImage(str(out) + ".png")
    total = inked = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            total += 1
            inked += (image.pixel(x, y) & 0xFFFFFF) != 0xFFFFFF
    return inked / max(total, 1)
