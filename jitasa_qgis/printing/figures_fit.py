"""A page's figures fitted into the template's figures box: the text made smaller, half a point at a time,
until its height as the label lays it out fits; at the floor size, lines dropped from the end (the figures
are in order of importance, printing/figures_text.py) and a last line "…" saying that more was left out.

The height is measured as QGIS 3.22's label draws its text (QgsLayoutUtils::drawText): the font at a pixel
size of ten times its millimetres, word-wrapped by Qt in a box ten times as wide. (The label's own
sizeForText measures one line only.) A measure costs well under a millisecond and a page's fit is kept
for a page of the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from qgis.core import QgsLayoutItemLabel, QgsLayoutUtils
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QFont, QFontMetricsF

FLOOR_PT = 6.5  # still readable at arm's length on paper; below it lines are dropped instead
STEP_PT = 0.5
MORE = "…"
_LAYOUT_FLAGS = int(Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap)


def laid_out_height_mm(font: QFont, text: str, width_mm: float) -> float:
    """The height in mm of `text` in `font` word-wrapped to `width_mm`, as a layout label draws it."""
    metrics = QFontMetricsF(QgsLayoutUtils.scaledFontPixelSize(font))
    box = QRectF(0, 0, width_mm * 10, 1e7)
    return metrics.boundingRect(box, _LAYOUT_FLAGS, text).height() / 10


@dataclass(frozen=True)
class FittedText:
    text: str  # what is printed: the figures, or their first lines and MORE
    size_pt: float
    dropped_lines: int = 0


def _sized(font: QFont, size_pt: float) -> QFont:
    sized = QFont(font)
    sized.setPointSizeF(size_pt)
    return sized


def fit_text(text: str, font: QFont, width_mm: float, height_mm: float, floor_pt: float = FLOOR_PT) -> FittedText:
    """The largest size from `font`'s down to `floor_pt` at which `text` fits `width_mm` × `height_mm`; at
    the floor, the most leading lines that fit with a last line MORE (MORE alone when not even one does)."""
    start = font.pointSizeF()
    size = start
    while True:
        if laid_out_height_mm(_sized(font, size), text, width_mm) <= height_mm:
            return FittedText(text, size)
        if size <= floor_pt:
            break
        size = max(floor_pt, size - STEP_PT)
    floor_font = _sized(font, size)
    lines = text.split("\n")
    for keep in range(len(lines) - 1, 0, -1):
        shortened = "\n".join(lines[:keep] + [MORE])
        if laid_out_height_mm(floor_font, shortened, width_mm) <= height_mm:
            return FittedText(shortened, size, len(lines) - keep)
    return FittedText(MORE, size, len(lines))


BASE_SIZE_PROPERTY = "jitasa_figures_pt"  # the template's size, kept on the label by its first fit


def figures_fit(label: QgsLayoutItemLabel) -> FiguresFit:
    """A FiguresFit of the label from the template's text size (a label fitted before keeps that size on
    itself: a layout filled again does not start from a page's smaller size) in the label's font family."""
    base = label.property(BASE_SIZE_PROPERTY)
    if base is None:
        base = label.font().pointSizeF()
        label.setProperty(BASE_SIZE_PROPERTY, base)
    return FiguresFit(label, _sized(label.font(), float(base)))


class FiguresFit:
    """Fits the figures label's text into its box at every `show` (an atlas calls it on every page)."""

    def __init__(self, label: QgsLayoutItemLabel, base_font: QFont, floor_pt: float = FLOOR_PT):
        self.label = label
        self.floor_pt = floor_pt
        self.base_font = QFont(base_font)
        self._fitted: dict[str, FittedText] = {}
        self.last: Optional[FittedText] = None

    def connect_atlas(self, atlas) -> None:
        """Fit each atlas page's figures (its coverage feature's "figures"). The slot is a closure, which
        the connection keeps alive with this object (a bound method's object it would not keep)."""
        atlas.featureChanged.connect(lambda feature: self.show_feature(feature))

    def forget(self) -> None:
        """Fit again (the box or font changed)."""
        self._fitted.clear()

    def box_mm(self) -> tuple[float, float]:
        """The width and height the label's text is drawn in (its box less margins and frame)."""
        rect = self.label.rect()  # layout units: mm
        pen = self.label.pen().widthF() / 2 if self.label.frameEnabled() else 0.0
        return (
            rect.width() - 2 * self.label.marginX() - 2 * pen,
            rect.height() - 2 * self.label.marginY() - 2 * pen,
        )

    def fitted(self, text: str) -> FittedText:
        if text not in self._fitted:
            width, height = self.box_mm()
            self._fitted[text] = fit_text(text, self.base_font, width, height, self.floor_pt)
        return self._fitted[text]

    def show(self, text: str) -> FittedText:
        """The label shows `text` fitted into its box (its font's size changed, never its family)."""
        fitted = self.fitted(text or "")
        if self.label.font().pointSizeF() != fitted.size_pt:
            self.label.setFont(_sized(self.base_font, fitted.size_pt))
        self.label.setText(fitted.text)
        self.label.setVisibility(bool(fitted.text))
        self.last = fitted
        return fitted

    def show_feature(self, feature, field: str = "figures") -> None:
        """An atlas page's figures, from its coverage feature's `field`."""
        value = feature[field] if feature is not None and feature.fields().indexOf(field) >= 0 else ""
        self.show(str(value or ""))
