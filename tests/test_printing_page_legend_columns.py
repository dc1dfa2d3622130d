"""printing.page_legend in two columns: a class heading (a rule without a symbol over the rows it heads) never
ends a column with its rows at the top of the next, however many rows come before it; wrapping keeps a
number with its unit ("5 กม.") and a range whole ("10–49"). Checked on the exported PDF: where pdftotext
finds each label."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsProject,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QFont

from jitasa_qgis.printing import layouts
from jitasa_qgis.printing.page_legend import wrap_text

HEADINGS = ("HEADA", "HEADB")
KINDS = 5  # rows under each heading


def _points(name: str, values: list[str]) -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=v:string", name, "memory")
    features = []
    for i, value in enumerate(values):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([value])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(101.0 + 0.01 * i, 16.3)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _rows_layer(n: int) -> QgsVectorLayer:
    values = [f"row{i}" for i in range(n)]
    layer = _points("Rows", values)
    categories = [QgsRendererCategory(v, QgsMarkerSymbol.createSimple({"color": "red"}), v) for v in values]
    layer.setRenderer(QgsCategorizedSymbolRenderer("v", categories))
    return layer


def _headed_layer() -> QgsVectorLayer:
    values = [f"{h.lower()}{k}" for h in HEADINGS for k in range(KINDS)]
    layer = _points("Headed", values)
    root = QgsRuleBasedRenderer.Rule(None)
    for heading in HEADINGS:
        parent = QgsRuleBasedRenderer.Rule(None, label=heading)  # no symbol: a heading
        for k in range(KINDS):
            value = f"{heading.lower()}{k}"
            symbol = QgsMarkerSymbol.createSimple({"color": "blue"})
            parent.appendChild(QgsRuleBasedRenderer.Rule(symbol, filterExp=f"\"v\" = '{value}'", label=value))
        root.appendChild(parent)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def _word_positions(pdf) -> dict[str, float]:
    """x (points) of the first word of each label pdftotext finds in the PDF."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    body = out[out.index("<doc>") : out.index("</doc>") + len("</doc>")]
    positions = {}
    for word in ET.fromstring(body).iter("word"):
        positions.setdefault(word.text, float(word.get("xMin")))
    return positions


def test_a_heading_never_ends_a_column_without_its_rows(qgis_app, tmp_path):
    moved = 0  # bits: a heading inside a layer moved (1), a layer's first heading moved with its title (2)
    for n, headed_first in [(n, False) for n in range(26)] + [(n, True) for n in range(8)]:
        project = QgsProject()
        rows, headed = _rows_layer(n), _headed_layer()
        project.addMapLayers([rows, headed])
        layout = layouts.load_layout(project, "a4_portrait")
        legend = layout.itemById(layouts.ITEM_LEGEND)
        assert legend.columnCount() == 2
        shown = [headed, rows] if headed_first else [rows, headed]
        page_legend = layouts.set_map(layout, shown, headed.extent().buffered(0.05), whole_layers=True)
        tree_node = legend.model().rootGroup().findLayer(headed)
        nodes = legend.model().layerLegendNodes(tree_node)
        moved_heading = any(node.columnBreak() for node in nodes)  # HEADB
        moved_layer = bool(tree_node.customProperty("legend/column-break"))  # HEADA, with the layer's title
        moved |= (1 if moved_heading else 0) | (2 if moved_layer else 0)
        pdf = layouts.export_pdf(layout, tmp_path / f"legend_{n}_{headed_first}.pdf")
        x = _word_positions(pdf)
        for heading in HEADINGS:
            first_row = f"{heading.lower()}0"
            assert abs(x[heading] - x[first_row]) < 30, (n, headed_first, heading, x[heading], x[first_row])
        assert page_legend is not None
    assert moved == 3  # some counts of rows before put each kind of heading at the foot of the first column


def test_wrapping_keeps_a_number_with_its_unit_and_a_range_whole(qgis_app):
    font = QFont("Noto Sans Thai")
    font.setPointSizeF(8)
    title = "คำขอที่ยังเปิดอยู่ ต่อช่องกริด 5 กม."
    for width in (30, 35, 40, 45):
        lines = wrap_text(title, font, width).split("\n")
        assert not any(line.endswith(" 5") or line == "กม." for line in lines), lines
    lines = wrap_text("ช่วงจำนวนคำขอ 10–49 คำขอ", font, 22).split("\n")
    assert not any(line.endswith("10–") for line in lines), lines
