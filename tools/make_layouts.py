"""Build the print templates resources/layouts/*.qpt (A4 portrait, A4 landscape, A3 landscape).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_layouts.py

Sizes and colours come from jitasa_qgis/definitions/visuals.py; every item has the id printing.layouts
looks for (title, subtitle, map, overview, legend, scalebar, north_arrow, date, office, sources, figures).
The texts are placeholders: printing.layouts.fill_layout puts the page's words and the installed Thai font
in them when a map is printed. Run again after changing the visuals, and commit the .qpt files
(tests/test_printing_templates.py checks they are this script's output).

The output is made the same on every run (QGIS writes attributes in a random order and gives items random
uuids): attributes sorted, every uuid replaced by one derived from the template's name and its order.
"""

from __future__ import annotations

import re
import sys
import tempfile
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapOverview,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsPathResolver,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

from jitasa_qgis.definitions import visuals as v  # noqa: E402
from jitasa_qgis.printing import layouts as ids  # noqa: E402

OUT = ROOT / "resources" / "layouts"
MM = QgsUnitTypes.LayoutMillimeters
PHETCHABUN_UTM = QgsRectangle(670_000, 1_690_000, 800_000, 1_905_000)

# name: (page width, height, sidebar width (0: below the map, for portrait)). The figures box holds an amphoe
# page's figures at the template's 9 pt (about 9 lines of Noto Sans Thai, 5.1 mm each, at these widths) and
# the longest figures (every need, urgency and facility kind) at 7.5-8.5 pt: printing.figures_fit shrinks
# them to fit, down to 6.5 pt, and drops the last lines below that.
PAPERS = {
    "a4_portrait": (210.0, 297.0, 0.0),
    "a4_landscape": (297.0, 210.0, 100.0),
    "a3_landscape": (420.0, 297.0, 120.0),
}
PORTRAIT_MAP_SHARE = 0.72  # the map's height as a share of the inner width; below it the legend and figures
FIGURES_MM = {"a4_landscape": 44.0, "a3_landscape": 50.0}  # the sidebar's figures box height
OVERVIEW_SHARE = {"a3_landscape": 0.6}  # the inset's height, of the sidebar's width
# A4 landscape's sidebar cannot hold the inset, an amphoe page's legend (80 mm at its smallest text) and
# the figures: its inset sits in the map's top left corner instead (width, height)
INSET_IN_MAP = {"a4_landscape": (30.0, 40.0)}


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont(v.LABEL_FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _place(layout_item, x: float, y: float, w: float, h: float) -> None:
    layout_item.attemptMove(QgsLayoutPoint(x, y, MM))
    layout_item.attemptResize(QgsLayoutSize(w, h, MM))


def _label(layout, item_id, text, rect, size, bold=False, colour=v.PRINT_TEXT_COLOUR, halign=Qt.AlignLeft):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    label.setFont(_font(size, bold))
    label.setFontColor(QColor(colour))
    label.setHAlign(halign)
    label.setVAlign(Qt.AlignTop)
    label.setMarginX(0.5)
    label.setMarginY(0.5)
    layout.addLayoutItem(label)
    _place(label, *rect)
    return label


def _map(layout, item_id, rect):
    the_map = QgsLayoutItemMap(layout)
    the_map.setId(item_id)
    the_map.setFrameEnabled(True)
    the_map.setFrameStrokeColor(QColor(v.PRINT_FRAME_COLOUR))
    the_map.setFrameStrokeWidth(QgsLayoutMeasurement(v.PRINT_FRAME_MM, MM))
    the_map.setBackgroundColor(QColor(v.WHITE))
    the_map.setCrs(QgsCoordinateReferenceSystem(ids.PRINT_CRS))
    layout.addLayoutItem(the_map)
    _place(the_map, *rect)
    ids.fit_extent(the_map, PHETCHABUN_UTM)  # an extent of the item's shape, for a template edited by hand
    return the_map


def build(name: str) -> QgsPrintLayout:
    width, height, sidebar = PAPERS[name]
    m = v.PRINT_MARGIN_MM
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    layout.setName(name)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(width, height, MM))
    inner = width - 2 * m
    _label(layout, ids.ITEM_TITLE, "ชื่อแผนที่", (m, m, inner, 10), v.PRINT_TITLE_PT, bold=True)
    _label(layout, ids.ITEM_SUBTITLE, "พื้นที่และสิ่งที่แสดง", (m, m + 10.5, inner, 7), v.PRINT_SUBTITLE_PT)
    top = m + 19.5
    footer = 25.0  # date and office, then up to five lines of sources under the map
    gap = 4.0
    if sidebar:
        map_rect = (m, top, inner - sidebar - gap, height - top - m - footer)
        side_x = m + map_rect[2] + gap
        if name in INSET_IN_MAP:
            overview_rect = (m + 2, top + 2, *INSET_IN_MAP[name])
            legend_y = top
        else:
            overview_rect = (side_x, top, sidebar, sidebar * OVERVIEW_SHARE[name])
            legend_y = top + overview_rect[3] + gap
        figures_h = FIGURES_MM[name]
        legend_rect = (side_x, legend_y, sidebar, height - legend_y - m - footer - figures_h - gap)
        figures_rect = (side_x, height - m - footer - figures_h, sidebar, figures_h)
    else:
        map_h = inner * PORTRAIT_MAP_SHARE
        map_rect = (m, top, inner, map_h)
        below = top + map_h + gap
        column = (inner - gap) / 2
        rest = height - below - m - footer
        legend_rect = (m, below, column, rest)
        overview_rect = (m + column + gap, below, column * 0.5, min(rest * 0.4, column * 0.5))
        figures_rect = (m + column + gap, below + overview_rect[3] + gap, column, rest - overview_rect[3] - gap)
    the_map = _map(layout, ids.ITEM_MAP, map_rect)
    overview = _map(layout, ids.ITEM_OVERVIEW, overview_rect)
    frame = QgsLayoutItemMapOverview("extent", overview)
    frame.setLinkedMap(the_map)
    frame.setFrameSymbol(
        QgsFillSymbol.createSimple(
            {
                "color": "0,0,0,0",
                "outline_color": v.PRINT_OVERVIEW_EXTENT_COLOUR,
                "outline_width": "0.6",
                "outline_width_unit": "MM",
            }
        )
    )
    overview.overviews().addOverview(frame)

    legend = QgsLayoutItemLegend(layout)
    legend.setId(ids.ITEM_LEGEND)
    legend.setTitle("คำอธิบายสัญลักษณ์")
    legend.setLinkedMap(the_map)
    legend.setStyleFont(QgsLegendStyle.Title, _font(v.PRINT_LEGEND_TITLE_PT, bold=True))
    legend.setStyleFont(QgsLegendStyle.Group, _font(v.PRINT_TEXT_PT, bold=True))
    legend.setStyleFont(QgsLegendStyle.Subgroup, _font(v.PRINT_TEXT_PT, bold=True))
    legend.setStyleFont(QgsLegendStyle.SymbolLabel, _font(v.PRINT_SMALL_PT))
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(3.5)
    legend.setMaximumSymbolSize(3.5)  # the map's big request and facility icons, smaller in the legend
    legend.setColumnCount(2)
    legend.setColumnSpace(3)
    # tighter rows than QGIS's defaults, so a page's legend fits its box with the text still 8 pt
    legend.setStyleMargin(QgsLegendStyle.Title, QgsLegendStyle.Bottom, 1.5)
    legend.setStyleMargin(QgsLegendStyle.Group, QgsLegendStyle.Top, 1.5)
    legend.setStyleMargin(QgsLegendStyle.Subgroup, QgsLegendStyle.Top, 1.2)
    legend.setStyleMargin(QgsLegendStyle.Symbol, QgsLegendStyle.Top, 0.9)
    legend.setStyleMargin(QgsLegendStyle.SymbolLabel, QgsLegendStyle.Top, 0.6)
    legend.setStyleMargin(QgsLegendStyle.SymbolLabel, QgsLegendStyle.Left, 1.2)
    legend.setSplitLayer(True)
    legend.setWrapString("")
    legend.setResizeToContents(False)
    legend.setFrameEnabled(False)
    layout.addLayoutItem(legend)
    _place(legend, *legend_rect)

    _label(layout, ids.ITEM_FIGURES, "", figures_rect, v.PRINT_TEXT_PT)

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId(ids.ITEM_SCALEBAR)
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(the_map)
    scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("กม.")
    scalebar.setNumberOfSegments(4)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(30)
    scalebar.setMaximumBarWidth(map_rect[2] * 0.3)
    text_format = QgsTextFormat()
    text_format.setFont(_font(v.PRINT_SMALL_PT))
    text_format.setSize(v.PRINT_SMALL_PT)
    scalebar.setTextFormat(text_format)
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 220))
    layout.addLayoutItem(scalebar)
    scalebar.attemptMove(QgsLayoutPoint(map_rect[0] + 3, map_rect[1] + map_rect[3] - 13, MM))

    north = QgsLayoutItemPicture(layout)
    north.setId(ids.ITEM_NORTH)
    north.setPicturePath(str(OUT / v.PRINT_NORTH_ARROW))
    north.setResizeMode(QgsLayoutItemPicture.Zoom)
    layout.addLayoutItem(north)
    _place(north, map_rect[0] + map_rect[2] - 14, map_rect[1] + 3, 10, 15)

    foot_y = height - m - footer + 2
    half = inner / 2
    _label(layout, ids.ITEM_DATE, "วันที่พิมพ์", (m, foot_y, half, 5), v.PRINT_SMALL_PT, colour=v.PRINT_MUTED_COLOUR)
    _label(
        layout,
        ids.ITEM_OFFICE,
        "หน่วยงานที่จัดทำ",
        (m + half, foot_y, half, 5),
        v.PRINT_SMALL_PT,
        colour=v.PRINT_MUTED_COLOUR,
        halign=Qt.AlignRight,
    )
    _label(
        layout,
        ids.ITEM_SOURCES,
        "ที่มาของข้อมูล",
        (m, foot_y + 5, inner, footer - 7),
        v.PRINT_SMALL_PT,
        colour=v.PRINT_MUTED_COLOUR,
    )
    return layout


_UUID = re.compile(r"\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}")


def canonical(text: str, name: str) -> str:
    """A template's XML the same on every run: attributes sorted, uuids renumbered (references kept)."""
    seen: dict[str, str] = {}

    def renumber(match: re.Match) -> str:
        if match.group(0) not in seen:
            renumbered = uuid.uuid5(uuid.NAMESPACE_URL, f"jitasa-layout:{name}:{len(seen)}")
            seen[match.group(0)] = f"{{{renumbered}}}"
        return seen[match.group(0)]

    root = ET.fromstring(text)
    for element in root.iter():
        ordered = sorted(element.attrib.items())
        element.attrib.clear()
        element.attrib.update(ordered)
    return _UUID.sub(renumber, ET.tostring(root, encoding="unicode")) + "\n"  # numbered in sorted order


def template_text(name: str) -> str:
    """The .qpt text of template `name` (its north arrow's path relative to resources/layouts)."""
    layout = build(name)
    context = QgsReadWriteContext()
    context.setPathResolver(QgsPathResolver(str(OUT / ids.TEMPLATES[name])))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ids.TEMPLATES[name]
        if not layout.saveAsTemplate(str(path), context):
            raise OSError(f"could not write {path}")
        return canonical(path.read_text(encoding="utf-8"), name)


def main() -> int:
    QgsApplication.setPrefixPath("/usr", True)  # Debian's QGIS: finds proj.db and the svg folders
    app = QgsApplication([], False)
    app.initQgis()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, file_name in ids.TEMPLATES.items():
        try:
            text = template_text(name)
        except OSError as exc:
            print(exc, file=sys.stderr)
            return 1
        (OUT / file_name).write_text(text, encoding="utf-8")
        print(OUT / file_name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
