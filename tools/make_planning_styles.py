"""Build the coverage-planning styles (issue 12) into resources/styles/planning/ (style names
"planning/<name>" for layers.styles.apply_style) from definitions/visuals.py, with the
helpers and the Thai legend translator of tools/make_styles.py:

- coverage_gaps.qml: tambons by open requests not covered (jitasa:coveragegaps), Thai names as labels;
- vaccination_coverage.qml: tambons by percent of the target population vaccinated / screened, a grey
  "no count imported" class;
- uncovered_request.qml: the uncovered requests by reason (outside every area / too far / both);
- plan_site.qml: a plan's sites (jitasa:vaccinationplan, jitasa:locationallocation) as numbered stars;
- allocation_line.qml: jitasa:locationallocation's lines from each demand point to its site, thin, in the
  sites' blue, see-through (hundreds of them cross each other).

Run: QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_planning_styles.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_styles as ms  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSimpleFillSymbolLayer,
    QgsSimpleLineSymbolLayer,
    QgsSimpleMarkerSymbolLayerBase,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

from jitasa_qgis.definitions import visuals as v  # noqa: E402

TAMBON_FIELDS = (
    "field=tambon_code:string&field=name_th:string&field=uncovered:integer&field=coverage_pct:double"
    "&field=open_requests:integer"
)


def _fill(colour: str, opacity: float = v.COVERAGE_GAP_OPACITY) -> QgsFillSymbol:
    layer = QgsSimpleFillSymbolLayer(QColor(colour), Qt.SolidPattern, QColor("#757575"))
    layer.setStrokeWidth(0.2)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, layer)
    symbol.setOpacity(opacity)
    return symbol


def _tambon_labels(layer: QgsVectorLayer, text: str, zoomed_in_beyond: float) -> None:
    ms.labels(
        layer,
        text,
        ms.text_format(*v.LABEL_TEXT["admin_tambon"], plate=True),
        QgsPalLayerSettings.OverPoint,
        zoomed_in_beyond=zoomed_in_beyond,
        priority="2",  # a plan's numbered sites keep their labels over the tambons'
        distance=0,
    )


def coverage_gaps_style() -> QgsVectorLayer:
    layer = ms.memory_layer("MultiPolygon", TAMBON_FIELDS, "coverage_gaps")
    ranges = [
        QgsRendererRange(lower, upper, _fill(colour), v.legend_gap_class(lower, upper))
        for lower, upper, colour in v.COVERAGE_GAP_CLASSES
    ]
    layer.setRenderer(QgsGraduatedSymbolRenderer("uncovered", ranges))
    # the tambon's name and, where there are any, the requests not covered
    # the counts where a province is in view (1:1,500,000)
    _tambon_labels(
        layer,
        '"name_th" || if("uncovered" > 0, \'\\n\' || format_number("uncovered", 0), \'\')',
        v.TAMBON_LABEL_SCALE * 6,
    )
    return layer


def vaccination_coverage_style() -> QgsVectorLayer:
    layer = ms.memory_layer("MultiPolygon", TAMBON_FIELDS, "vaccination_coverage")
    root = QgsRuleBasedRenderer.Rule(None)
    root.setRuleKey("vaccination/root")  # a fixed key: the file is the same on every build
    for lower, upper, colour in v.VACCINATION_CLASSES:
        test = f'"coverage_pct" >= {lower:g}' if lower >= 0 else '"coverage_pct" >= 0'
        if upper < 1e12:
            test += f' AND "coverage_pct" < {upper:g}'
        rule = QgsRuleBasedRenderer.Rule(_fill(colour), 0, 0, test, v.legend_vaccination_class(lower, upper))
        rule.setRuleKey(f"vaccination/{lower:g}")
        root.appendChild(rule)
    other = QgsRuleBasedRenderer.Rule(_fill(v.COVERAGE_NO_DATA, 0.6), 0, 0, "ELSE", v.legend_no_count())
    other.setRuleKey("vaccination/none")
    root.appendChild(other)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    _tambon_labels(
        layer,
        "\"name_th\" || if(\"coverage_pct\" IS NOT NULL, '\\n' || format_number(\"coverage_pct\", 0) || ' %', '')",
        v.TAMBON_LABEL_SCALE * 2,  # from an amphoe's view in: at the province's, the colours and the legend
    )
    return layer


def uncovered_request_style() -> QgsVectorLayer:
    layer = ms.memory_layer("Point", "field=reason:string&field=urgency:string", "uncovered_request")
    categories = []
    for reason, colour, shape in (
        ("outside", v.UNCOVERED_OUTSIDE, QgsSimpleMarkerSymbolLayerBase.Circle),
        ("beyond", v.UNCOVERED_BEYOND, QgsSimpleMarkerSymbolLayerBase.Triangle),
        ("both", v.UNCOVERED_BEYOND, QgsSimpleMarkerSymbolLayerBase.Diamond),
    ):
        marker = ms.simple_marker(shape, v.UNCOVERED_SIZE, colour, v.WHITE, 0.2)
        categories.append(QgsRendererCategory(reason, ms.marker_symbol(marker), v.legend_uncovered(reason), True))
    layer.setRenderer(QgsCategorizedSymbolRenderer("reason", categories))
    return layer


def plan_site_style() -> QgsVectorLayer:
    layer = ms.memory_layer("Point", "field=rank:integer&field=fixed:boolean&field=name:string", "plan_site")
    categories = []
    for fixed, colour, shape in (
        (False, v.PLAN_SITE_FILL, QgsSimpleMarkerSymbolLayerBase.Star),
        (True, v.PLAN_SITE_FIXED, QgsSimpleMarkerSymbolLayerBase.Square),
    ):
        marker = ms.simple_marker(shape, v.PLAN_SITE_SIZE, colour, v.WHITE, 0.5)
        categories.append(QgsRendererCategory(fixed, ms.marker_symbol(marker), v.legend_plan_site(fixed), True))
    layer.setRenderer(QgsCategorizedSymbolRenderer("fixed", categories))
    ms.labels(
        layer,
        "to_string(\"rank\") || if(coalesce(\"name\", '') <> '', ' ' || \"name\", '')",
        ms.text_format(9.0, v.PLAN_SITE_FILL, bold=True),
        QgsPalLayerSettings.AroundPoint,
        priority="10",
        distance=1.2,
    )
    return layer


def allocation_line_style() -> QgsVectorLayer:
    layer = ms.memory_layer("LineString", "field=site_rank:integer&field=fraction:double", "allocation_line")
    line = QgsSimpleLineSymbolLayer(QColor(v.PLAN_SITE_FILL), v.ALLOCATION_LINE_WIDTH)
    line.setPenCapStyle(Qt.RoundCap)
    symbol = ms.line_symbol(line)
    symbol.setOpacity(v.ALLOCATION_LINE_OPACITY)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def build() -> dict[str, QgsVectorLayer]:
    with ms.thai_translation():
        return {
            "coverage_gaps": coverage_gaps_style(),
            "vaccination_coverage": vaccination_coverage_style(),
            "uncovered_request": uncovered_request_style(),
            "plan_site": plan_site_style(),
            "allocation_line": allocation_line_style(),
        }


PLANNING_STYLES_DIR = ms.STYLES_DIR / "planning"


def write(out_dir: Path = PLANNING_STYLES_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, layer in build().items():
        path = out_dir / f"{name}.qml"
        message, ok = layer.saveNamedStyle(str(path), ms.STYLE_CATEGORIES)
        if not ok:
            raise RuntimeError(f"cannot write {path}: {message}")
        written.append(path)
    return written


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    try:
        for path in write():
            print(f"wrote {path.relative_to(ms.ROOT)}")
    finally:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
