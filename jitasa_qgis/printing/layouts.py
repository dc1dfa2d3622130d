"""Print layouts from the .qpt templates in resources/layouts: load, fill, point the map, export to PDF.

A template's items are found by their ids (ITEM_*): the title, subtitle, date, sources, office and figures
labels, the map, the overview inset, the legend, the scale bar and the north arrow. `fill_layout` puts the
page's words in them and the installed Thai font on every text (printing.fonts), the figures fitted into
their box (printing.figures_fit); the date label holds the
expression `jitasa_thai_date(now(), ...)` so it is the date of printing, in the Buddhist Era, in Thai time
(whatever the machine's clock is set to, as on the call sheets and reports), with the digits of the print
setting (layout variable `jitasa_thai_digits`).

An export writes a temporary file beside the output and renames it over the output at the end, so a
failure or a cancel leaves no broken PDF, and an output that exists stays as it was. An output path that
cannot be written is refused before anything is rendered (PrintErrorCode.OUTPUT_UNWRITABLE).
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpressionContextUtils,
    QgsFeedback,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLegendStyle,
    QgsMapLayer,
    QgsPathResolver,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRenderContext,
    QgsTextFormat,
)
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtXml import QDomDocument

from ..definitions.i18n import translate
from ..definitions.paths import LAYOUTS_DIR
from ..definitions.print_errors import PrintErrorCode
from ..definitions.thai_time import THAI_TIME_ZONE
from ..definitions.visuals import PRINT_DPI, PRINT_NORTH_ARROW
from .errors import PrintError
from .expressions import thai_date_function
from .figures_fit import figures_fit
from .fonts import thai_font_family
from .page_legend import PageLegend
from .time_zone import name_time_zone

_UMASK = os.umask(0)  # read once: os.umask can only be read by setting it
os.umask(_UMASK)

PathLike = Union[str, Path]

# The templates, by name: (file, paper, orientation).
TEMPLATES = {
    "a4_portrait": "a4_portrait.qpt",
    "a4_landscape": "a4_landscape.qpt",
    "a3_landscape": "a3_landscape.qpt",
}
DEFAULT_TEMPLATE = "a4_landscape"

ITEM_TITLE = "title"
ITEM_SUBTITLE = "subtitle"
ITEM_DATE = "date"
ITEM_SOURCES = "sources"
ITEM_OFFICE = "office"
ITEM_FIGURES = "figures"
ITEM_MAP = "map"
ITEM_OVERVIEW = "overview"
ITEM_LEGEND = "legend"
ITEM_SCALEBAR = "scalebar"
ITEM_NORTH = "north_arrow"
TEXT_ITEMS = (ITEM_TITLE, ITEM_SUBTITLE, ITEM_DATE, ITEM_SOURCES, ITEM_OFFICE, ITEM_FIGURES)

# The date of printing, in the Buddhist Era, with the digits the layout variable says.
DATE_EXPRESSION = f"[% jitasa_thai_date(now(), 'long', @jitasa_thai_digits, true, '{THAI_TIME_ZONE}') %]"
PRINT_CRS = "EPSG:32647"  # UTM 47N: Phetchabun and most of Thailand; true shapes and a true scale bar


@dataclass(frozen=True)
class PageText:
    """The words of a page. Texts may hold QGIS expressions in [% %] (an atlas's per-page fields)."""

    title: str
    subtitle: str = ""
    sources: str = ""  # data sources and attribution, one line each
    office: str = ""  # the producing office
    figures: str = ""  # per-page figures (an atlas), else empty
    thai_digits: bool = True


def template_path(template: str) -> Path:
    """The .qpt of a template name (TEMPLATES) or a path to a .qpt. Raises PrintError(TEMPLATE_MISSING)."""
    if template in TEMPLATES:
        path = LAYOUTS_DIR / TEMPLATES[template]
    else:
        path = Path(template)
    if not path.is_file():
        raise PrintError(PrintErrorCode.TEMPLATE_MISSING, str(template))
    return path


def load_layout(project: QgsProject, template: str = DEFAULT_TEMPLATE) -> QgsPrintLayout:
    """A print layout of `project` from a template. Raises PrintError (missing or unreadable template)."""
    path = template_path(template)
    document = QDomDocument()
    if not document.setContent(path.read_text(encoding="utf-8")):
        raise PrintError(PrintErrorCode.TEMPLATE_INVALID, str(path))
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    context = QgsReadWriteContext()  # the template's relative paths (the north arrow) from its folder
    context.setPathResolver(QgsPathResolver(str(path)))
    _items, ok = layout.loadFromTemplate(document, context, True)
    if not ok or layout.itemById(ITEM_MAP) is None:
        raise PrintError(PrintErrorCode.TEMPLATE_INVALID, str(path))
    layout.setName(path.stem)
    return layout


def item(layout: QgsPrintLayout, item_id: str):
    """The template's item by id, or None."""
    return layout.itemById(item_id)


def main_map(layout: QgsPrintLayout) -> QgsLayoutItemMap:
    return layout.itemById(ITEM_MAP)


def fill_layout(layout: QgsPrintLayout, text: PageText, font_family: Optional[str] = None) -> None:
    """Put the page's words in the labels, the Thai font on every text and the north arrow's picture.

    Raises PrintError(THAI_FONT_MISSING) when no Thai font is installed."""
    family = font_family or thai_font_family()
    QgsExpressionContextUtils.setLayoutVariable(layout, "jitasa_thai_digits", bool(text.thai_digits))
    QgsExpressionContextUtils.setLayoutVariable(layout, "jitasa_office", text.office)
    words = {
        ITEM_TITLE: text.title,
        ITEM_SUBTITLE: text.subtitle,
        ITEM_DATE: translate("PrintLayout", "Printed {0}").format(DATE_EXPRESSION),
        ITEM_SOURCES: text.sources,
        ITEM_OFFICE: translate("PrintLayout", "Produced by {0}").format(text.office) if text.office else "",
        ITEM_FIGURES: text.figures,
    }
    for item_id, value in words.items():
        label = layout.itemById(item_id)
        if isinstance(label, QgsLayoutItemLabel):
            label.setText(value)
            label.setVisibility(bool(value))
    apply_font(layout, family)
    figures = layout.itemById(ITEM_FIGURES)
    if isinstance(figures, QgsLayoutItemLabel) and text.figures and "[%" not in text.figures:
        figures_fit(figures).show(text.figures)  # smaller text, or fewer lines, rather than overflowing
    north = layout.itemById(ITEM_NORTH)
    if isinstance(north, QgsLayoutItemPicture):
        north.setPicturePath(str(LAYOUTS_DIR / PRINT_NORTH_ARROW))
    legend = layout.itemById(ITEM_LEGEND)
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setTitle(translate("PrintLayout", "Legend"))


def _with_family(font: QFont, family: str) -> QFont:
    font = QFont(font)
    font.setFamily(family)
    return font


def apply_font(layout: QgsPrintLayout, family: str) -> None:
    """Every label, the legend and the scale bar in `family`, keeping their sizes and weights."""
    for layout_item in layout.items():
        if isinstance(layout_item, QgsLayoutItemLabel):
            layout_item.setFont(_with_family(layout_item.font(), family))
        elif isinstance(layout_item, QgsLayoutItemLegend):
            for style in (
                QgsLegendStyle.Title,
                QgsLegendStyle.Group,
                QgsLegendStyle.Subgroup,
                QgsLegendStyle.SymbolLabel,
            ):
                layout_item.setStyleFont(style, _with_family(layout_item.styleFont(style), family))
        elif isinstance(layout_item, QgsLayoutItemScaleBar):
            text_format = QgsTextFormat(layout_item.textFormat())
            text_format.setFont(_with_family(text_format.font(), family))
            layout_item.setTextFormat(text_format)


def set_map(
    layout: QgsPrintLayout,
    layers: Sequence[QgsMapLayer],
    extent: Optional[QgsRectangle] = None,
    extent_crs: Optional[QgsCoordinateReferenceSystem] = None,
    overview_layers: Sequence[QgsMapLayer] = (),
    overview_extent: Optional[QgsRectangle] = None,
    whole_layers: bool = False,
):
    """The main map shows `layers` (first on top) over `extent` (in `extent_crs`, default EPSG:4326), in
    PRINT_CRS; the legend lists those layers (what the map shows of them); the overview inset shows
    `overview_layers` over `overview_extent` with the main map's extent drawn on it. Returns the legend's
    PageLegend (set_legend_layers), or None."""
    project = layout.project()
    crs = QgsCoordinateReferenceSystem(PRINT_CRS)
    source_crs = extent_crs or QgsCoordinateReferenceSystem("EPSG:4326")
    the_map = main_map(layout)
    the_map.setCrs(crs)
    the_map.setLayers(list(layers))
    the_map.setKeepLayerSet(True)
    if extent is not None and not extent.isEmpty():
        fit_extent(the_map, _transformed(extent, source_crs, crs, project))
    overview = layout.itemById(ITEM_OVERVIEW)
    if isinstance(overview, QgsLayoutItemMap):
        overview.setCrs(crs)
        overview.setLayers(list(overview_layers) or list(layers))
        overview.setKeepLayerSet(True)
        wide = overview_extent if overview_extent is not None else extent
        if wide is not None and not wide.isEmpty():
            fit_extent(overview, _transformed(wide, source_crs, crs, project))
        for frame in overview.overviews().asList():
            frame.setLinkedMap(the_map)
    return set_legend_layers(layout, layers, whole_layers)


def fit_extent(the_map: QgsLayoutItemMap, extent: QgsRectangle, margin: float = 0.03) -> None:
    """Show `extent` (in the map's CRS) whole and centred, widened to the item's shape plus a margin.
    (zoomToExtent keeps the item's current extent's shape, which a fresh template does not have.)"""
    size = the_map.rect()
    ratio = size.width() / size.height() if size.height() > 0 else 1.0
    width, height = extent.width() * (1 + 2 * margin), extent.height() * (1 + 2 * margin)
    width, height = max(width, height * ratio, 1.0), max(height, width / ratio, 1.0)
    centre = extent.center()
    the_map.setExtent(
        QgsRectangle(centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2, centre.y() + height / 2)
    )


def _transformed(extent: QgsRectangle, source: QgsCoordinateReferenceSystem, target, project) -> QgsRectangle:
    if source == target:
        return QgsRectangle(extent)
    transform = QgsCoordinateTransform(source, target, project)
    return transform.transformBoundingBox(extent)


def set_legend_layers(layout: QgsPrintLayout, layers: Iterable[QgsMapLayer], whole_layers: bool = False):
    """The legend lists only `layers` (those the map shows), in their order, and of them only the classes
    with a feature on the map, fitted into its box (printing.page_legend). Returns the PageLegend, whose
    `update()` an atlas calls on every page (`whole_layers`: its layers are in-memory snapshots, classed whole
    once), or None for a template without a legend."""
    legend = layout.itemById(ITEM_LEGEND)
    if not isinstance(legend, QgsLayoutItemLegend):
        return None
    page_legend = PageLegend(legend, main_map(layout), list(layers), whole_layers=whole_layers)
    page_legend.update()
    return page_legend


# ------------------------------------------------------------------------------------------------- export


def check_writable(path: PathLike) -> Path:
    """The output as a Path, after checking it can be written. Raises PrintError(OUTPUT_UNWRITABLE)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise PrintError(PrintErrorCode.OUTPUT_UNWRITABLE, str(path))
    if path.exists() and (path.is_dir() or not os.access(path, os.W_OK)):
        raise PrintError(PrintErrorCode.OUTPUT_UNWRITABLE, str(path))
    return path


def pdf_settings(dpi: float = PRINT_DPI) -> QgsLayoutExporter.PdfExportSettings:
    """Vector PDF, text kept as text (so it is searchable and its Thai font embedded), PRINT_DPI for the
    few raster parts (the point icons: printing/print_icons.py)."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    settings.simplifyGeometries = True
    settings.exportMetadata = True
    settings.appendGeoreference = False
    return settings


class TemporaryPdf:
    """A temporary file beside the output; `commit()` renames it over the output, else it is removed."""

    def __init__(self, path: Path):
        self.path = path
        try:
            handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part.pdf", dir=str(path.parent))
        except OSError as exc:
            raise PrintError(PrintErrorCode.OUTPUT_UNWRITABLE, f"{path} ({exc.strerror or exc})") from None
        os.close(handle)
        self.temporary = Path(name)

    def commit(self) -> None:
        try:
            # mkstemp's file is private (0600); the output gets the mode any new file would, or keeps its own
            os.chmod(self.temporary, _mode_for(self.path))
            os.replace(self.temporary, self.path)
        except OSError as exc:
            self.discard()
            raise PrintError(PrintErrorCode.OUTPUT_UNWRITABLE, f"{self.path} ({exc.strerror or exc})") from None

    def discard(self) -> None:
        try:
            self.temporary.unlink()
        except FileNotFoundError:
            pass


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_UMASK


class ExportCancelled(Exception):
    """The export was cancelled through its feedback; no file was written."""


def export_pdf(layout: QgsPrintLayout, path: PathLike, dpi: float = PRINT_DPI) -> Path:
    """One layout to one PDF (see the module docstring). Raises PrintError."""
    path = check_writable(path)
    name_time_zone()
    temporary = TemporaryPdf(path)
    try:
        with thai_date_function():
            exporter = QgsLayoutExporter(layout)
            result = exporter.exportToPdf(str(temporary.temporary), pdf_settings(dpi))
        if result != QgsLayoutExporter.Success:
            raise PrintError(PrintErrorCode.EXPORT_FAILED, _result_name(result))
        temporary.commit()
    except BaseException:
        temporary.discard()
        raise
    return path


def export_atlas_pdf(
    layout: QgsPrintLayout, path: PathLike, feedback: Optional[QgsFeedback] = None, dpi: float = PRINT_DPI
) -> Path:
    """The layout's atlas, one page per feature, to one PDF. The feedback gets the progress page by page
    and can cancel (ExportCancelled; no file). Raises PrintError."""
    path = check_writable(path)
    name_time_zone()
    temporary = TemporaryPdf(path)
    try:
        with thai_date_function():
            write_atlas_pdf(layout, temporary.temporary, feedback, dpi)
        temporary.commit()
    except BaseException:
        temporary.discard()
        raise
    return path


def write_atlas_pdf(
    layout: QgsPrintLayout, file: PathLike, feedback: Optional[QgsFeedback] = None, dpi: float = PRINT_DPI
) -> None:
    """The layout's atlas straight to `file` (no temporary, no rename: the caller's part of an export).
    Raises ExportCancelled or PrintError(EXPORT_FAILED)."""
    result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), str(file), pdf_settings(dpi), feedback)
    if result == QgsLayoutExporter.Canceled or (feedback is not None and feedback.isCanceled()):
        raise ExportCancelled()
    if result != QgsLayoutExporter.Success:
        raise PrintError(PrintErrorCode.EXPORT_FAILED, error or _result_name(result))


def _result_name(result) -> str:
    names = {
        QgsLayoutExporter.FileError: "file error",
        QgsLayoutExporter.PrintError: "print error",
        QgsLayoutExporter.MemoryError: "out of memory",
        QgsLayoutExporter.IteratorError: "atlas error",
        QgsLayoutExporter.SvgLayerError: "svg error",
    }
    return names.get(result, str(result))
