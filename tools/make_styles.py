"""Build the map styles in code and write them as .qml files to resources/styles/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_styles.py

The committed .qml files are what the plugin loads (jitasa_qgis.layers.styles.apply_style); this script is
how they were made, so a change of colour or size is made here and the files regenerated. Icons are written
as "../icons/<file>.svg" (relative to the styles folder); apply_style resolves them at run time.
"""

from __future__ import annotations

import os
import re
import sys
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

os.environ.setdefault("QT_HASH_SEED", "0")  # stable XML attribute order, so regenerated files diff cleanly

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerLineSymbolLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSimpleFillSymbolLayer,
    QgsSimpleLineSymbolLayer,
    QgsSimpleMarkerSymbolLayer,
    QgsSimpleMarkerSymbolLayerBase,
    QgsSingleSymbolRenderer,
    QgsSvgMarkerSymbolLayer,
    QgsSymbolLayer,
    QgsTextBackgroundSettings,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QCoreApplication, QPointF, QSizeF, Qt, QTranslator  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

from jitasa_qgis.definitions import visuals as v  # noqa: E402
from jitasa_qgis.definitions.enums import (  # noqa: E402
    OPEN_REQUEST_STATUSES,
    AssignmentStatus,
    FacilityKind,
    RequestCategory,
    Urgency,
    VolunteerKind,
)
from jitasa_qgis.definitions.labels import (  # noqa: E402
    category_label,
    facility_kind_label,
    request_status_label,
    volunteer_kind_label,
)
from jitasa_qgis.definitions.paths import ICONS_DIR, STYLES_DIR  # noqa: E402
from jitasa_qgis.layers.styles import ICON_REF_PREFIX, STYLE_CATEGORIES  # noqa: E402

TS_FILE = ROOT / "i18n" / "jitasa_th.ts"  # the legends are written in Thai, read from here


class TsTranslator(QTranslator):
    """Translations straight from a .ts file (no .qm to build first). Lookups in one of its contexts that
    find no finished translation are recorded in `missing`, so the generator can refuse to write English
    into a style. (Qt and QGIS look up their own contexts too: those are not ours to check.)"""

    def __init__(self, ts_file: Path):
        super().__init__()
        self._table: dict[tuple[str, str], str] = {}
        self.missing: set[tuple[str, str]] = set()
        for context in ET.parse(ts_file).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.text and translation.get("type") is None:
                    self._table[(name, message.findtext("source"))] = translation.text
        self._contexts = {context for context, _ in self._table}

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 (Qt's name)
        found = self._table.get((context, source_text))
        if found is None:
            if context in self._contexts:
                self.missing.add((context, source_text))
            return None  # a null string: Qt asks the next translator, or keeps the source text
        return found

    def isEmpty(self) -> bool:  # noqa: N802
        return False


@contextmanager
def thai_translation() -> Iterator[TsTranslator]:
    translator = TsTranslator(TS_FILE)
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
    if translator.missing:
        raise RuntimeError(f"no Thai translation in {TS_FILE.name} for {sorted(translator.missing)}")


OPEN_EXPR = '"status" IN ({})'.format(", ".join(f"'{s.value}'" for s in OPEN_REQUEST_STATUSES))
CAN_TAKE_MORE_EXPR = 'coalesce("available", false) AND ' 'coalesce("active_count", 0) < coalesce("capacity", 0)'
# Stale: capacity last updated longer ago than the project (or layer) variable jitasa_stale_hours.
STALE_EXPR = (
    'coalesce(hour(now() - to_datetime("capacity_updated_at")) ' "> to_real(coalesce(@jitasa_stale_hours, 12)), false)"
)


# ---------------------------------------------------------------------------------------------- helpers


def quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def case(field: str, mapping: dict, *, quote_results: bool = True) -> str:
    """CASE WHEN "field" = 'key' THEN value ... END (no ELSE: an unknown value gives NULL, the default)."""
    whens = " ".join(
        f'WHEN "{field}" = {quoted(str(getattr(k, "value", k)))} ' f"THEN {quoted(str(v)) if quote_results else v}"
        for k, v in mapping.items()
    )
    return f"CASE {whens} END"


def icon_ref(file_name: str) -> str:
    if not (ICONS_DIR / file_name).is_file():
        raise FileNotFoundError(ICONS_DIR / file_name)
    return str(ICONS_DIR / file_name)  # made relative when the .qml is written


def rgba(hex_colour: str, alpha: int) -> QColor:
    colour = QColor(hex_colour)
    colour.setAlpha(alpha)
    return colour


def rgba_text(hex_colour: str, alpha: int) -> str:
    """A colour as QGIS expressions and data-defined colours read it: 'r,g,b,a'."""
    colour = QColor(hex_colour)
    return f"{colour.red()},{colour.green()},{colour.blue()},{alpha}"


def simple_marker(shape, size: float, fill, stroke, stroke_width: float) -> QgsSimpleMarkerSymbolLayer:
    layer = QgsSimpleMarkerSymbolLayer(shape, size)
    layer.setColor(QColor(fill))
    layer.setStrokeColor(QColor(stroke))
    layer.setStrokeWidth(stroke_width)
    return layer


def svg_marker(file_name: str, size: float, colour, stroke_width: float = 0.0) -> QgsSvgMarkerSymbolLayer:
    layer = QgsSvgMarkerSymbolLayer(icon_ref(file_name), size)
    layer.setFillColor(QColor(colour))
    layer.setStrokeColor(QColor(colour))
    layer.setStrokeWidth(stroke_width)
    return layer


def marker_symbol(*layers: QgsSymbolLayer) -> QgsMarkerSymbol:
    symbol = QgsMarkerSymbol()
    symbol.deleteSymbolLayer(0)
    for layer in layers:
        symbol.appendSymbolLayer(layer)
    return symbol


def expression(text: str) -> QgsProperty:
    return QgsProperty.fromExpression(text)


def text_format(
    size: float, colour: str = v.LABEL_COLOUR, *, bold: bool = False, buffer: float = 0.8, plate: bool = False
) -> QgsTextFormat:
    """A Thai text format. `plate`: a translucent white plate behind the text instead of a halo — for area
    names; measured in 3.22, a text buffer costs ~6 ms per label, a plate next to nothing."""
    fmt = QgsTextFormat()
    font = QFont(v.LABEL_FONT)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setNamedStyle("Bold" if bold else "Regular")
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(colour))
    buf = QgsTextBufferSettings()
    buf.setEnabled(buffer > 0)
    buf.setSize(buffer)
    buf.setSizeUnit(QgsUnitTypes.RenderMillimeters)
    buf.setColor(QColor(v.WHITE))
    # opaque: Qt's PDF engine writes a translucent halo four times larger and slower (15 hospital names
    # cost 5 ms and 16 KB an atlas page at 0.85, 0.5 ms at 1.0); on screen the two look alike
    buf.setOpacity(1.0)
    fmt.setBuffer(buf)
    if plate:
        buf.setEnabled(False)
        fmt.setBuffer(buf)
        back = QgsTextBackgroundSettings()
        back.setEnabled(True)
        back.setType(QgsTextBackgroundSettings.ShapeRectangle)
        back.setSizeType(QgsTextBackgroundSettings.SizeBuffer)
        back.setSize(QSizeF(0.8, 0.3))
        back.setSizeUnit(QgsUnitTypes.RenderMillimeters)
        back.setFillColor(QColor(255, 255, 255, 170))
        back.setStrokeWidth(0)
        fmt.setBackground(back)
    return fmt


def labels(
    layer: QgsVectorLayer,
    text_expression: str,
    fmt: QgsTextFormat,
    placement,
    *,
    zoomed_in_beyond: float = 0.0,
    zoomed_out_beyond: float = 0.0,
    show: str | None = None,
    priority: str | None = None,
    distance: float = 1.0,
) -> None:
    """Horizontal labels only (curved placement breaks Thai). `zoomed_in_beyond`: shown only at scales
    larger than 1:N; `zoomed_out_beyond`: shown only at scales smaller than 1:N."""
    settings = QgsPalLayerSettings()
    settings.fieldName = text_expression
    settings.isExpression = True
    settings.setFormat(fmt)
    settings.placement = placement
    settings.dist = distance
    settings.distUnits = QgsUnitTypes.RenderMillimeters
    settings.offsetType = QgsPalLayerSettings.FromSymbolBounds  # beside the marker (and halo), not over it
    if zoomed_in_beyond or zoomed_out_beyond:
        settings.scaleVisibility = True
        settings.minimumScale = zoomed_in_beyond  # the most zoomed-out scale showing the label
        settings.maximumScale = zoomed_out_beyond  # the most zoomed-in scale showing the label
    props = settings.dataDefinedProperties()
    if show:
        props.setProperty(QgsPalLayerSettings.Show, expression(show))
    if priority:
        props.setProperty(QgsPalLayerSettings.Priority, expression(priority))
    settings.setDataDefinedProperties(props)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def memory_layer(geometry: str, fields: str, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4326&{fields}", name, "memory")
    if not layer.isValid():
        raise RuntimeError(f"cannot make memory layer {name}")
    return layer


# ----------------------------------------------------------------------------------------------- styles


def help_request_symbol(category: RequestCategory) -> QgsMarkerSymbol:
    fill = case("status", v.REQUEST_STATUS_COLOURS)
    size = case("urgency", v.REQUEST_SIZE, quote_results=False)
    halo = simple_marker(
        QgsSimpleMarkerSymbolLayerBase.Circle, v.REQUEST_HALO[Urgency.HIGH], rgba(v.NEUTRAL, 70), v.CRITICAL_RING, 0.0
    )
    halo.setDataDefinedProperty(
        QgsSymbolLayer.PropertyLayerEnabled,
        expression(f"\"urgency\" IN ('{Urgency.CRITICAL.value}', '{Urgency.HIGH.value}') AND {OPEN_EXPR}"),
    )
    halo.setDataDefinedProperty(
        QgsSymbolLayer.PropertySize, expression(case("urgency", v.REQUEST_HALO, quote_results=False))
    )
    # A glow in the state's colour, stronger for critical, which also gets a dark-red ring.
    glow = {
        alpha: case("status", {s: rgba_text(c, alpha) for s, c in v.REQUEST_STATUS_COLOURS.items()})
        for alpha in (110, 70)
    }
    halo.setDataDefinedProperty(
        QgsSymbolLayer.PropertyFillColor,
        expression(f"if(\"urgency\" = '{Urgency.CRITICAL.value}', {glow[110]}, {glow[70]})"),
    )
    halo.setDataDefinedProperty(
        QgsSymbolLayer.PropertyStrokeWidth, expression(f"if(\"urgency\" = '{Urgency.CRITICAL.value}', 0.7, 0)")
    )
    disc = simple_marker(QgsSimpleMarkerSymbolLayerBase.Circle, v.REQUEST_SIZE[Urgency.NORMAL], v.NEUTRAL, v.WHITE, 0.4)
    disc.setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor, expression(fill))
    disc.setDataDefinedProperty(QgsSymbolLayer.PropertySize, expression(size))
    icon = svg_marker(v.request_icon(category), v.REQUEST_SIZE[Urgency.NORMAL] * v.REQUEST_ICON_SCALE, v.WHITE)
    icon.setDataDefinedProperty(QgsSymbolLayer.PropertySize, expression(f"({size}) * {v.REQUEST_ICON_SCALE}"))
    return marker_symbol(halo, disc, icon)


def help_request_style() -> QgsVectorLayer:
    layer = memory_layer("Point", "field=category:string&field=urgency:string&field=status:string", "help_request")
    root = QgsRuleBasedRenderer.Rule(None)
    root.setRuleKey("help_request")
    known = [c for c in RequestCategory if c is not RequestCategory.OTHER]
    for category in RequestCategory:
        if category is RequestCategory.OTHER:  # also catches a category this style does not know yet
            # Only enum labels in the list and no coalesce(…, ''): the postgres provider sends this filter
            # to the server, where '' is not a request_category and the whole query fails.
            known_list = ", ".join(quoted(c.value) for c in known)
            rule_filter = f'"category" IS NULL OR "category" NOT IN ({known_list})'
        else:
            rule_filter = f'"category" = {quoted(category.value)}'
        rule = QgsRuleBasedRenderer.Rule(help_request_symbol(category), 0, 0, rule_filter, category_label(category))
        rule.setRuleKey(f"help_request/{category.value}")
        root.appendChild(rule)
    renderer = QgsRuleBasedRenderer(root)
    # Closed requests underneath, then open ones, critical last so always on top. (The 3.22 postgres
    # provider never sends an ORDER BY to the server: QGIS sorts the fetched features itself.)
    renderer.setOrderBy(
        QgsFeatureRequest.OrderBy(
            [
                QgsFeatureRequest.OrderByClause(OPEN_EXPR, True),
                QgsFeatureRequest.OrderByClause(f"\"urgency\" = '{Urgency.CRITICAL.value}'", True),
                QgsFeatureRequest.OrderByClause(f"\"urgency\" = '{Urgency.HIGH.value}'", True),
            ]
        )
    )
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    critical_mark = quoted(" " + v.legend_critical_mark())
    label_text = (
        case("category", {c: category_label(c) for c in RequestCategory})
        + f" || if(\"urgency\" = '{Urgency.CRITICAL.value}', {critical_mark}, '')"
    )
    labels(
        layer,
        label_text,
        text_format(*v.LABEL_TEXT["help_request"]),
        QgsPalLayerSettings.OrderedPositionsAroundPoint,
        zoomed_in_beyond=v.REQUEST_LABEL_SCALE,
        show=OPEN_EXPR,
        priority=case("urgency", v.REQUEST_LABEL_PRIORITY, quote_results=False),
        distance=1.2,
    )
    return layer


def volunteer_symbol(kind: VolunteerKind, can_take_more: bool) -> QgsMarkerSymbol:
    size = v.VOLUNTEER_SIZE
    if can_take_more:
        base = simple_marker(QgsSimpleMarkerSymbolLayerBase.Hexagon, size, v.VOLUNTEER_AVAILABLE, v.WHITE, 0.4)
        icon = svg_marker(v.volunteer_icon(kind), size * v.VOLUNTEER_ICON_SCALE, v.WHITE)
    else:  # hollow and grey: on the map, but not to be given work
        base = simple_marker(
            QgsSimpleMarkerSymbolLayerBase.Hexagon, size, rgba(v.WHITE, 200), v.VOLUNTEER_UNAVAILABLE, 0.5
        )
        icon = svg_marker(v.volunteer_icon(kind), size * v.VOLUNTEER_ICON_SCALE, v.VOLUNTEER_UNAVAILABLE)
    return marker_symbol(base, icon)


def volunteer_style() -> QgsVectorLayer:
    layer = memory_layer(
        "Point",
        "field=kind:string&field=available:boolean&field=capacity:integer" "&field=active_count:integer",
        "volunteer",
    )
    root = QgsRuleBasedRenderer.Rule(None)
    root.setRuleKey("volunteer")
    groups = (
        (True, CAN_TAKE_MORE_EXPR, v.legend_volunteers_available(), "available"),
        (False, f"NOT ({CAN_TAKE_MORE_EXPR})", v.legend_volunteers_busy(), "busy"),
    )
    for can_take_more, group_filter, group_label, group_key in groups:
        group = QgsRuleBasedRenderer.Rule(None, 0, 0, group_filter, group_label)
        group.setRuleKey(f"volunteer/{group_key}")
        for kind in VolunteerKind:
            rule = QgsRuleBasedRenderer.Rule(
                volunteer_symbol(kind, can_take_more),
                0,
                0,
                f'"kind" = {quoted(kind.value)}',
                volunteer_kind_label(kind),
            )
            rule.setRuleKey(f"volunteer/{group_key}/{kind.value}")
            group.appendChild(rule)
        root.appendChild(group)
    renderer = QgsRuleBasedRenderer(root)
    renderer.setOrderBy(
        QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(CAN_TAKE_MORE_EXPR, True)])
    )  # available ones on top
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    labels(
        layer,
        'coalesce("active_count", 0) || \'/\' || coalesce("capacity", 0)',
        text_format(*v.LABEL_TEXT["volunteer"]),
        QgsPalLayerSettings.OrderedPositionsAroundPoint,
        zoomed_in_beyond=v.VOLUNTEER_LABEL_SCALE,
        distance=0.8,
    )
    return layer


def facility_symbol(kind: FacilityKind) -> QgsMarkerSymbol:
    size = v.FACILITY_SIZE
    base = simple_marker(QgsSimpleMarkerSymbolLayerBase.Square, size, v.NEUTRAL, v.WHITE, 0.5)
    base.setDataDefinedProperty(
        QgsSymbolLayer.PropertyFillColor, expression(case("capacity_status", v.CAPACITY_COLOURS))
    )
    icon = svg_marker(v.facility_icon(kind), size * v.FACILITY_ICON_SCALE, v.WHITE)
    # Stale capacity: a dashed black ring and a clock badge at the top right.
    ring = simple_marker(QgsSimpleMarkerSymbolLayerBase.Circle, size * 1.75, rgba(v.WHITE, 0), v.BLACK, 0.45)
    ring.setStrokeStyle(Qt.DashLine)
    clock = QgsSvgMarkerSymbolLayer(icon_ref(v.STALE_ICON), v.STALE_BADGE_SIZE)
    clock.setFillColor(QColor(v.WHITE))
    clock.setStrokeColor(QColor(v.BLACK))
    clock.setStrokeWidth(0.35)
    clock.setOffset(QPointF(size * 0.55, -size * 0.55))
    for layer in (ring, clock):
        layer.setDataDefinedProperty(QgsSymbolLayer.PropertyLayerEnabled, expression(STALE_EXPR))
    return marker_symbol(ring, base, icon, clock)


def facility_style() -> QgsVectorLayer:
    layer = memory_layer(
        "Point",
        "field=kind:string&field=capacity_status:string"
        "&field=capacity_updated_at:datetime&field=name_th:string"
        "&field=beds_free:integer",
        "facility",
    )
    root = QgsRuleBasedRenderer.Rule(None)
    root.setRuleKey("facility")
    for kind in FacilityKind:
        rule = QgsRuleBasedRenderer.Rule(
            facility_symbol(kind), 0, 0, f'"kind" = {quoted(kind.value)}', facility_kind_label(kind)
        )
        rule.setRuleKey(f"facility/{kind.value}")
        root.appendChild(rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    before, after = v.legend_beds_free().split("{beds}")
    text = (
        f'"name_th" || if("beds_free" IS NOT NULL, \'\\n\' || {quoted(before)} || "beds_free" || '
        f"{quoted(after)}, '')"
        f" || if({STALE_EXPR}, '\\n' || {quoted(v.legend_beds_stale())}, '')"
    )
    fmt = text_format(*v.LABEL_TEXT["facility"], bold=True)
    labels(
        layer,
        text,
        fmt,
        QgsPalLayerSettings.OrderedPositionsAroundPoint,
        zoomed_in_beyond=v.FACILITY_LABEL_SCALE,
        distance=1.5,
    )
    return layer


def _area_fill(fill: QColor, outline: str, width: float) -> QgsFillSymbol:
    layer = QgsSimpleFillSymbolLayer(fill, Qt.SolidPattern, QColor(outline))
    layer.setStrokeWidth(width)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, layer)
    return symbol


def service_area_style() -> QgsVectorLayer:
    """Drive-time areas by band (nearest darkest, drawn last), catchments as outlines, the rest plain."""
    layer = memory_layer(
        "MultiPolygon", "field=name:string&field=method:string&field=kind:string&field=minutes:double", "service_area"
    )
    root = QgsRuleBasedRenderer.Rule(None)
    root.setRuleKey("service_area")
    lower = 0.0
    for upper, colour in v.DRIVE_TIME_BANDS:
        rule = QgsRuleBasedRenderer.Rule(
            _area_fill(rgba(colour, v.DRIVE_TIME_ALPHA), colour, 0.3),
            0,
            0,
            f'"kind" = \'drive_time\' AND "minutes" > {lower:g} AND "minutes" <= {upper:g}',
            v.legend_drive_time(upper),
        )
        rule.setRuleKey(f"service_area/drive_time/{upper:g}")
        root.appendChild(rule)
        lower = upper
    beyond = QgsRuleBasedRenderer.Rule(
        _area_fill(rgba(v.DRIVE_TIME_BEYOND, v.DRIVE_TIME_ALPHA), v.DRIVE_TIME_BEYOND, 0.3),
        0,
        0,
        f'"kind" = \'drive_time\' AND "minutes" > {lower:g}',
        v.legend_drive_time(lower, lower),
    )
    beyond.setRuleKey("service_area/drive_time/beyond")
    root.appendChild(beyond)
    catchment = QgsRuleBasedRenderer.Rule(
        _area_fill(rgba(v.CATCHMENT_OUTLINE, 18), v.CATCHMENT_OUTLINE, 0.8),
        0,
        0,
        "\"kind\" = 'catchment'",
        v.legend_catchment(),
    )
    catchment.setRuleKey("service_area/catchment")
    root.appendChild(catchment)
    other = QgsRuleBasedRenderer.Rule(
        _area_fill(rgba(v.SERVICE_AREA_FILL, v.SERVICE_AREA_FILL_ALPHA), v.SERVICE_AREA_OUTLINE, 0.5),
        0,
        0,
        "\"kind\" NOT IN ('drive_time', 'catchment')",  # not ELSE: the layer's filter must compile to SQL
        v.legend_other_area(),
    )
    other.setRuleKey("service_area/other")
    root.appendChild(other)
    renderer = QgsRuleBasedRenderer(root)
    # catchments underneath, then the drive-time bands widest first, the areas drawn by hand on top (they are
    # what an officer edits); QGIS sorts the fetched features itself
    order = (
        'CASE WHEN "kind" = \'catchment\' THEN 1e9 WHEN "kind" = \'drive_time\' THEN coalesce("minutes", 1e8) '
        "ELSE -1 END"
    )
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(order, False)]))
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    labels(
        layer,
        '"name"',
        text_format(*v.LABEL_TEXT["service_area"]),
        QgsPalLayerSettings.Horizontal,
        zoomed_in_beyond=v.SERVICE_AREA_LABEL_SCALE,
    )
    return layer


def assignment_symbol(status: AssignmentStatus) -> QgsLineSymbol:
    colour = v.ASSIGNMENT_COLOURS[status]
    if status is AssignmentStatus.ACTIVE:
        line = QgsSimpleLineSymbolLayer(QColor(colour), 0.7)
        head = QgsMarkerLineSymbolLayer()
        head.setPlacement(QgsMarkerLineSymbolLayer.LastVertex)
        head.setSubSymbol(
            marker_symbol(simple_marker(QgsSimpleMarkerSymbolLayerBase.ArrowHeadFilled, 2.6, colour, colour, 0))
        )
        layers = [line, head]
    elif status is AssignmentStatus.PROPOSED:
        line = QgsSimpleLineSymbolLayer(QColor(colour), 0.6)
        line.setUseCustomDashPattern(True)
        line.setCustomDashVector([3.0, 2.0])
        line.setCustomDashPatternUnit(QgsUnitTypes.RenderMillimeters)
        layers = [line]
    else:  # closed: thin, grey, dotted unless completed
        line = QgsSimpleLineSymbolLayer(QColor(colour), 0.3)
        if status is not AssignmentStatus.COMPLETED:
            line.setPenStyle(Qt.DotLine)
        layers = [line]
    symbol = QgsLineSymbol()
    symbol.deleteSymbolLayer(0)
    for layer in layers:
        symbol.appendSymbolLayer(layer)
    return symbol


def assignment_style() -> QgsVectorLayer:
    layer = memory_layer(
        "LineString", "field=status:string&field=urgency:string&field=travel_minutes:double", "assignment"
    )
    categories = [
        QgsRendererCategory(s.value, assignment_symbol(s), v.legend_assignment_status(s), True)
        for s in AssignmentStatus
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
    return layer


def admin_style(level: str) -> QgsVectorLayer:
    colour, width, dashed = v.ADMIN_OUTLINES[level]
    layer = memory_layer(
        "MultiPolygon",
        "field=level:string&field=code:string&field=name_th:string" "&field=name_en:string",
        f"admin_{level}",
    )
    outline = QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt.NoBrush, QColor(colour))
    outline.setStrokeWidth(width)
    if dashed:
        outline.setStrokeStyle(Qt.DashLine)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, outline)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    if level == "province":
        labels(
            layer,
            '"name_th"',
            text_format(*v.LABEL_TEXT["admin_province"], bold=True, plate=True),
            QgsPalLayerSettings.OverPoint,
            zoomed_out_beyond=v.PROVINCE_LABEL_SCALE,
            distance=0,
        )
    elif level == "amphoe":
        labels(
            layer,
            '"name_th"',
            text_format(*v.LABEL_TEXT["admin_amphoe"], bold=True, plate=True),
            QgsPalLayerSettings.OverPoint,
            zoomed_in_beyond=v.AMPHOE_LABEL_SCALES[0],
            zoomed_out_beyond=v.AMPHOE_LABEL_SCALES[1],
            distance=0,
        )
    else:
        labels(
            layer,
            '"name_th"',
            text_format(*v.LABEL_TEXT["admin_tambon"], plate=True),
            QgsPalLayerSettings.OverPoint,
            zoomed_in_beyond=v.TAMBON_LABEL_SCALE,
            distance=0,
        )
    return layer


def help_request_aggregate_style() -> QgsVectorLayer:
    """Counts of open requests per hexagon/grid cell (columns n, n_critical), drawn when zoomed out."""
    layer = memory_layer("Polygon", "field=n:integer&field=n_critical:integer", "help_request_aggregate")
    ranges = []
    for lower, upper, colour in v.GRID_CLASSES:
        fill = QgsSimpleFillSymbolLayer(QColor(colour), Qt.SolidPattern, QColor(v.WHITE))
        fill.setStrokeWidth(0.15)
        # Cells holding a critical request get a heavy dark-red outline.
        fill.setDataDefinedProperty(
            QgsSymbolLayer.PropertyStrokeColor,
            expression(f"if(coalesce(\"n_critical\", 0) > 0, '{v.CRITICAL_RING}', " f"'{v.WHITE}')"),
        )
        fill.setDataDefinedProperty(
            QgsSymbolLayer.PropertyStrokeWidth, expression('if(coalesce("n_critical", 0) > 0, 0.6, 0.15)')
        )
        symbol = QgsFillSymbol()
        symbol.changeSymbolLayer(0, fill)
        symbol.setOpacity(v.GRID_OPACITY)
        ranges.append(QgsRendererRange(lower, upper, symbol, v.legend_grid_class(lower, upper)))
    renderer = QgsGraduatedSymbolRenderer("n", ranges)
    renderer.setOrderBy(
        QgsFeatureRequest.OrderBy(
            [  # cells with critical requests on top
                QgsFeatureRequest.OrderByClause('"n_critical" > 0', True)
            ]
        )
    )
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    # The count only: a second line would not fit a cell; critical cells have the dark-red outline.
    labels(
        layer,
        'format_number("n", 0)',
        text_format(*v.LABEL_TEXT["help_request_aggregate"], buffer=0.7),
        QgsPalLayerSettings.OverPoint,
        zoomed_in_beyond=v.GRID_LABEL_SCALE,
        distance=0,
    )
    return layer


def road_line(colour: str, width: float, dashed: bool) -> QgsSimpleLineSymbolLayer:
    line = QgsSimpleLineSymbolLayer(QColor(colour), width)
    line.setPenCapStyle(Qt.RoundCap)
    line.setPenJoinStyle(Qt.RoundJoin)
    if dashed:
        line.setUseCustomDashPattern(True)
        line.setCustomDashVector([2.0, 1.2])
        line.setCustomDashPatternUnit(QgsUnitTypes.RenderMillimeters)
    return line


def road_width_expression(widths: dict) -> str:
    """The width of a segment by its class, a ramp or link thinner than its road."""
    return case("road_class", widths, quote_results=False)


def road_segment_style() -> QgsVectorLayer:
    """Road segments by class group (v.ROAD_GROUPS): one rule per group, shown from its tier's scale in,
    bigger roads drawn over smaller ones (symbol levels); pieces not joined to the routable network pale."""
    layer = memory_layer(
        "LineString", "field=road_class:string&field=component:integer&field=oneway:integer", "road_segment"
    )
    root = QgsRuleBasedRenderer.Rule(None)
    root.setRuleKey("road_segment")
    widths = {}
    for key, classes, colour, width, dashed, zoomed_in_beyond in v.ROAD_GROUPS:
        group_widths = {
            c: round(width * (v.ROAD_LINK_WIDTH_SCALE if c.value.endswith("_link") else 1), 3) for c in classes
        }
        widths.update(group_widths)
        line = road_line(colour, width, dashed)
        if len(set(group_widths.values())) > 1:
            line.setDataDefinedProperty(
                QgsSymbolLayer.PropertyStrokeWidth, expression(road_width_expression(group_widths))
            )
        classes_list = ", ".join(quoted(c.value) for c in classes)
        rule = QgsRuleBasedRenderer.Rule(
            line_symbol(line),
            0,
            zoomed_in_beyond,
            f'"component" = 0 AND "road_class" IN ({classes_list})',
            v.legend_road_group(key),
        )
        rule.setRuleKey(f"road_segment/{key}")
        root.appendChild(rule)
    island = road_line(v.ROAD_ISLAND_COLOUR, 0.5, False)
    island.setDataDefinedProperty(
        QgsSymbolLayer.PropertyStrokeWidth, expression(f"coalesce({road_width_expression(widths)}, 0.35)")
    )
    rule = QgsRuleBasedRenderer.Rule(line_symbol(island), 0, 0, '"component" > 0', v.legend_road_islands())
    rule.setRuleKey("road_segment/island")
    root.appendChild(rule)
    renderer = QgsRuleBasedRenderer(root)
    # Symbol levels: islands first, then the smallest roads, the biggest last (drawn on top at crossings).
    rules = root.children()
    passes = [len(rules) - 1 - i for i in range(len(rules) - 1)] + [0]
    for rule, rendering_pass in zip(rules, passes):
        rule.symbol().symbolLayer(0).setRenderingPass(rendering_pass)
    renderer.setUsingSymbolLevels(True)
    layer.setRenderer(renderer)
    return layer


def line_symbol(*layers: QgsSymbolLayer) -> QgsLineSymbol:
    symbol = QgsLineSymbol()
    symbol.deleteSymbolLayer(0)
    for layer in layers:
        symbol.appendSymbolLayer(layer)
    return symbol


def help_request_critical_style() -> QgsVectorLayer:
    """Open critical requests between the street and the province view: plain discs by state, no icons
    and no data-defined properties, so a province's ~1,600 of them draw in tens of milliseconds."""
    layer = memory_layer("Point", "field=status:string", "help_request_critical")
    categories = []
    for status in OPEN_REQUEST_STATUSES:
        disc = simple_marker(
            QgsSimpleMarkerSymbolLayerBase.Circle,
            v.CRITICAL_DISC_SIZE,
            v.REQUEST_STATUS_COLOURS[status],
            v.CRITICAL_RING,
            0.5,
        )
        categories.append(
            QgsRendererCategory(status.value, marker_symbol(disc), v.legend_critical(request_status_label(status)))
        )
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
    return layer


def build_styles() -> dict[str, QgsVectorLayer]:
    """Style name -> memory layer carrying that style, its legend in Thai."""
    with thai_translation():
        return _build_styles()


def _build_styles() -> dict[str, QgsVectorLayer]:
    return {
        "help_request": help_request_style(),
        "help_request_aggregate": help_request_aggregate_style(),
        "help_request_critical": help_request_critical_style(),
        "volunteer": volunteer_style(),
        "facility": facility_style(),
        "service_area": service_area_style(),
        "assignment": assignment_style(),
        "admin_province": admin_style("province"),
        "admin_amphoe": admin_style("amphoe"),
        "admin_tambon": admin_style("tambon"),
        "road_segment": road_segment_style(),
    }


def relative_icon_paths(qml: str) -> str:
    """Absolute paths to our icons -> "../icons/<file>" (resolved again by styles.apply_style)."""
    prefix = re.escape(str(ICONS_DIR)) + r"[/\\]"
    return re.sub(prefix, ICON_REF_PREFIX, qml)


def write_styles(out_dir: Path = STYLES_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, layer in build_styles().items():
        path = out_dir / f"{name}.qml"
        message, ok = layer.saveNamedStyle(str(path), STYLE_CATEGORIES)
        if not ok:
            raise RuntimeError(f"cannot write {path}: {message}")
        qml = relative_icon_paths(path.read_text(encoding="utf-8"))
        if str(ICONS_DIR) in qml:
            raise RuntimeError(f"{path} still holds an absolute icon path")
        path.write_text(qml, encoding="utf-8")
        written.append(path)
    return written


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    try:
        for path in write_styles():
            print(f"wrote {path.relative_to(ROOT)}")
    finally:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
