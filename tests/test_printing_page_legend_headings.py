"""printing.page_legend: the headings of a rule-based renderer's classes (the volunteers' "ready" and "busy"
rules, which have no symbol) are laid out as tall as the rows they head, so their tone marks stay clear of
the layer title above (a row without a symbol is as tall as its text alone in QGIS 3.22)."""

from __future__ import annotations

from qgis.core import (
    QgsLayerTreeLayer,
    QgsProject,
    QgsSymbolLegendNode,
    QgsVectorLayer,
)

from jitasa_qgis.definitions.paths import STYLES_DIR
from jitasa_qgis.printing.layouts import load_layout, main_map
from jitasa_qgis.printing.page_legend import _legend_sized

FIELDS = "kind:string&field=available:boolean&field=active_count:integer&field=capacity:integer"


def _row_heights(layer, legend):
    """(label, height of the symbol part of its row in mm) for each class of `layer` as the page legend
    makes them."""
    settings = legend.legendSettings()
    node_layer = QgsLayerTreeLayer(layer)
    rows = []
    for item in layer.renderer().legendSymbolItems():
        node = QgsSymbolLegendNode(node_layer, _legend_sized(item, legend))
        size = node.drawSymbol(settings, None, 0)  # no context: the size only
        rows.append((item.label(), size.height()))
    return rows


def test_a_heading_row_is_as_tall_as_the_rows_it_heads(qgis_app):
    project = QgsProject()
    layer = QgsVectorLayer(f"Point?crs=EPSG:4326&field={FIELDS}", "อาสาสมัคร", "memory")
    message, ok = layer.loadNamedStyle(str(STYLES_DIR / "volunteer.qml"))
    assert ok, message
    project.addMapLayer(layer)
    layout = load_layout(project, "a4_portrait")
    legend = next(i for i in layout.items() if i.__class__.__name__ == "QgsLayoutItemLegend")
    assert main_map(layout) is not None
    rows = _row_heights(layer, legend)
    headings = [h for label, h in rows if label in ("พร้อมรับงาน", "ไม่ว่าง / งานเต็ม")]
    kinds = [h for label, h in rows if label not in ("พร้อมรับงาน", "ไม่ว่าง / งานเต็ม")]
    assert len(headings) == 2 and len(kinds) == 18
    assert min(headings) > 0 and abs(min(headings) - min(kinds)) < 0.05
