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
from pathlib import Path

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
from qgis.PyQt.QtCore import QPointF, QSizeF, Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

from jitasa_qgis.definitions.enums import (  # noqa: E402
    OPEN_REQUEST_STATUSES,
    AssignmentStatus,
    CapacityStatus,
    FacilityKind,
    RequestCategory,
    RequestStatus,
    Urgency,
    VolunteerKind,
)
from jitasa_qgis.definitions.paths import ICONS_DIR, STYLES_DIR  # noqa: E402
from jitasa_qgis.layers.styles import ICON_REF_PREFIX, STYLE_CATEGORIES  # noqa: E402

LABEL_FONT = "Noto Sans Thai"  # fonts-noto-core; styles.apply_style falls back to TLWG/Windows Thai fonts

# Colours by state, the way Jitasa.care showed them: red waiting, amber assigned, green being helped,
# grey closed.
STATUS_COLOURS = {
    RequestStatus.NEW: "#d32f2f",
    RequestStatus.ASSIGNED: "#f59f00",
    RequestStatus.IN_PROGRESS: "#2e9d48",
    RequestStatus.DONE: "#8f8f8f",
    RequestStatus.CANCELLED: "#b4b4b4",
}
CAPACITY_COLOURS = {
    CapacityStatus.OPEN: "#2e9d48",
    CapacityStatus.LIMITED: "#f59f00",
    CapacityStatus.FULL: "#d32f2f",
    CapacityStatus.CLOSED: "#8f8f8f",
}
NEUTRAL = "#455a64"  # the colour a symbol has in the legend, where no feature chooses it
VOLUNTEER_AVAILABLE = "#00897b"
VOLUNTEER_UNAVAILABLE = "#9e9e9e"

# Request disc diameter (mm) by urgency; the halo only for open critical/high requests.
REQUEST_SIZE = {Urgency.CRITICAL: 7.4, Urgency.HIGH: 6.0, Urgency.NORMAL: 5.0, Urgency.LOW: 4.2}
REQUEST_HALO = {Urgency.CRITICAL: 11.6, Urgency.HIGH: 8.4}
ICON_SCALE = 0.66  # icon size / disc size

# Scales (denominators): a label shows when the map is zoomed in further than its limit.
REQUEST_LABEL_SCALE = 25_000
VOLUNTEER_LABEL_SCALE = 25_000
FACILITY_LABEL_SCALE = 250_000
SERVICE_AREA_LABEL_SCALE = 250_000
TAMBON_LABEL_SCALE = 250_000
AMPHOE_LABEL_SCALES = (2_500_000, 50_000)  # shown between these
PROVINCE_LABEL_SCALE = 1_000_000  # province names only when zoomed out beyond this
GRID_LABEL_SCALE = 400_000  # only the 5 km grid, zoomed in: thousands of labels cost ~1 s

REQUEST_CATEGORY_TH = {
    RequestCategory.PATIENT_TRANSPORT: "รับส่งผู้ป่วย",
    RequestCategory.INFECTIOUS_TRANSPORT: "รับส่งผู้ติดเชื้อ",
    RequestCategory.OXYGEN: "ออกซิเจน",
    RequestCategory.FOOD_SUPPLIES: "อาหารและของใช้",
    RequestCategory.MEDICINE: "ยา",
    RequestCategory.SCREENING: "ตรวจคัดกรอง",
    RequestCategory.VACCINATION: "ฉีดวัคซีน",
    RequestCategory.MEDICAL_HELP: "ช่วยเหลือทางการแพทย์",
    RequestCategory.OTHER: "อื่น ๆ",
}
VOLUNTEER_KIND_TH = {
    VolunteerKind.VILLAGE_HEALTH_VOLUNTEER: "อสม.",
    VolunteerKind.LOCAL_OFFICIAL: "เจ้าหน้าที่ท้องถิ่น",
    VolunteerKind.STUDENT: "นักเรียน นักศึกษา",
    VolunteerKind.COMMUNITY_LEADER: "ผู้นำชุมชน",
    VolunteerKind.HEALTH_STAFF: "บุคลากรสาธารณสุข",
}
FACILITY_KIND_TH = {
    FacilityKind.HOSPITAL: "โรงพยาบาล",
    FacilityKind.FIELD_HOSPITAL: "โรงพยาบาลสนาม",
    FacilityKind.COMMUNITY_ISOLATION: "ศูนย์พักคอยในชุมชน",
    FacilityKind.SCREENING_POINT: "จุดตรวจคัดกรอง",
    FacilityKind.VACCINATION_POINT: "จุดฉีดวัคซีน",
    FacilityKind.OXYGEN_REFILL: "จุดเติมออกซิเจน",
    FacilityKind.HEALTH_CENTRE: "รพ.สต.",
}
STATUS_TH = {
    RequestStatus.NEW: "รอความช่วยเหลือ",
    RequestStatus.ASSIGNED: "จับคู่อาสาแล้ว",
    RequestStatus.IN_PROGRESS: "กำลังช่วยเหลือ",
    RequestStatus.DONE: "เสร็จสิ้น",
    RequestStatus.CANCELLED: "ยกเลิก",
}
ASSIGNMENT_STATUS_TH = {
    AssignmentStatus.PROPOSED: "เสนอ (รอยืนยัน)",
    AssignmentStatus.ACTIVE: "กำลังดำเนินการ",
    AssignmentStatus.COMPLETED: "เสร็จสิ้น",
    AssignmentStatus.CANCELLED: "ยกเลิก",
    AssignmentStatus.DECLINED: "อาสาปฏิเสธ",
    AssignmentStatus.REJECTED: "ไม่อนุมัติ",
}

OPEN_EXPR = "\"status\" IN ({})".format(", ".join(f"'{s.value}'" for s in OPEN_REQUEST_STATUSES))
CAN_TAKE_MORE_EXPR = ('coalesce("available", false) AND '
                      'coalesce("active_count", 0) < coalesce("capacity", 0)')
# Stale: capacity last updated longer ago than the project (or layer) variable jitasa_stale_hours.
STALE_EXPR = ('coalesce(hour(now() - to_datetime("capacity_updated_at")) '
              '> to_real(coalesce(@jitasa_stale_hours, 12)), false)')


# ---------------------------------------------------------------------------------------------- helpers

def quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def case(field: str, mapping: dict, *, quote_results: bool = True) -> str:
    """CASE WHEN "field" = 'key' THEN value ... END (no ELSE: an unknown value gives NULL, the default)."""
    whens = " ".join(
        f'WHEN "{field}" = {quoted(str(getattr(k, "value", k)))} '
        f"THEN {quoted(str(v)) if quote_results else v}"
        for k, v in mapping.items())
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


def text_format(size: float, colour: str = "#212121", *, bold: bool = False, buffer: float = 0.8,
                plate: bool = False) -> QgsTextFormat:
    """A Thai text format. `plate`: a translucent white plate behind the text instead of a halo — for area
    names; measured in 3.22, a text buffer costs ~6 ms per label, a plate next to nothing."""
    fmt = QgsTextFormat()
    font = QFont(LABEL_FONT)
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
    buf.setColor(QColor("#ffffff"))
    buf.setOpacity(0.85)
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


def labels(layer: QgsVectorLayer, text_expression: str, fmt: QgsTextFormat, placement, *,
           zoomed_in_beyond: float = 0.0, zoomed_out_beyond: float = 0.0,
           show: str | None = None, priority: str | None = None, distance: float = 1.0) -> None:
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
    fill = case("status", STATUS_COLOURS)
    size = case("urgency", REQUEST_SIZE, quote_results=False)
    halo = simple_marker(QgsSimpleMarkerSymbolLayerBase.Circle, REQUEST_HALO[Urgency.HIGH],
                         rgba(NEUTRAL, 70), "#7f0000", 0.0)
    halo.setDataDefinedProperty(QgsSymbolLayer.PropertyLayerEnabled, expression(
        f"\"urgency\" IN ('{Urgency.CRITICAL.value}', '{Urgency.HIGH.value}') AND {OPEN_EXPR}"))
    halo.setDataDefinedProperty(QgsSymbolLayer.PropertySize,
                                expression(case("urgency", REQUEST_HALO, quote_results=False)))
    # A glow in the state's colour, stronger for critical, which also gets a dark-red ring.
    glow = {alpha: case("status", {s: rgba_text(c, alpha) for s, c in STATUS_COLOURS.items()})
            for alpha in (110, 70)}
    halo.setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor, expression(
        f"if(\"urgency\" = '{Urgency.CRITICAL.value}', {glow[110]}, {glow[70]})"))
    halo.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeWidth, expression(
        f"if(\"urgency\" = '{Urgency.CRITICAL.value}', 0.7, 0)"))
    disc = simple_marker(QgsSimpleMarkerSymbolLayerBase.Circle, REQUEST_SIZE[Urgency.NORMAL], NEUTRAL,
                         "#ffffff", 0.4)
    disc.setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor, expression(fill))
    disc.setDataDefinedProperty(QgsSymbolLayer.PropertySize, expression(size))
    icon = svg_marker(f"request_{category.value}.svg", REQUEST_SIZE[Urgency.NORMAL] * ICON_SCALE, "#ffffff")
    icon.setDataDefinedProperty(QgsSymbolLayer.PropertySize, expression(f"({size}) * {ICON_SCALE}"))
    return marker_symbol(halo, disc, icon)


def help_request_style() -> QgsVectorLayer:
    layer = memory_layer("Point", "field=category:string&field=urgency:string&field=status:string",
                         "help_request")
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
        rule = QgsRuleBasedRenderer.Rule(help_request_symbol(category), 0, 0, rule_filter,
                                         REQUEST_CATEGORY_TH[category])
        rule.setRuleKey(f"help_request/{category.value}")
        root.appendChild(rule)
    renderer = QgsRuleBasedRenderer(root)
    # Closed requests underneath, then open ones, critical last so always on top. (The 3.22 postgres
    # provider never sends an ORDER BY to the server: QGIS sorts the fetched features itself.)
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([
        QgsFeatureRequest.OrderByClause(OPEN_EXPR, True),
        QgsFeatureRequest.OrderByClause(f"\"urgency\" = '{Urgency.CRITICAL.value}'", True),
        QgsFeatureRequest.OrderByClause(f"\"urgency\" = '{Urgency.HIGH.value}'", True),
    ]))
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    label_text = (case("category", REQUEST_CATEGORY_TH)
                  + f" || if(\"urgency\" = '{Urgency.CRITICAL.value}', ' (วิกฤต)', '')")
    labels(layer, label_text, text_format(8.5), QgsPalLayerSettings.OrderedPositionsAroundPoint,
           zoomed_in_beyond=REQUEST_LABEL_SCALE, show=OPEN_EXPR,
           priority=case("urgency", {Urgency.CRITICAL: 10, Urgency.HIGH: 8, Urgency.NORMAL: 5,
                                     Urgency.LOW: 3}, quote_results=False), distance=1.2)
    return layer


def volunteer_symbol(kind: VolunteerKind, can_take_more: bool) -> QgsMarkerSymbol:
    size = 5.6
    if can_take_more:
        base = simple_marker(QgsSimpleMarkerSymbolLayerBase.Hexagon, size, VOLUNTEER_AVAILABLE, "#ffffff",
                             0.4)
        icon = svg_marker(f"volunteer_{kind.value}.svg", size * 0.6, "#ffffff")
    else:  # hollow and grey: on the map, but not to be given work
        base = simple_marker(QgsSimpleMarkerSymbolLayerBase.Hexagon, size, rgba("#ffffff", 200),
                             VOLUNTEER_UNAVAILABLE, 0.5)
        icon = svg_marker(f"volunteer_{kind.value}.svg", size * 0.6, VOLUNTEER_UNAVAILABLE)
    return marker_symbol(base, icon)


def volunteer_style() -> QgsVectorLayer:
    layer = memory_layer("Point", "field=kind:string&field=available:boolean&field=capacity:integer"
                                  "&field=active_count:integer", "volunteer")
    root = QgsRuleBasedRenderer.Rule(None)
    root.setRuleKey("volunteer")
    groups = ((True, CAN_TAKE_MORE_EXPR, "พร้อมรับงาน", "available"),
              (False, f"NOT ({CAN_TAKE_MORE_EXPR})", "ไม่ว่าง / งานเต็ม", "busy"))
    for can_take_more, group_filter, group_label, group_key in groups:
        group = QgsRuleBasedRenderer.Rule(None, 0, 0, group_filter, group_label)
        group.setRuleKey(f"volunteer/{group_key}")
        for kind in VolunteerKind:
            rule = QgsRuleBasedRenderer.Rule(volunteer_symbol(kind, can_take_more), 0, 0,
                                             f'"kind" = {quoted(kind.value)}', VOLUNTEER_KIND_TH[kind])
            rule.setRuleKey(f"volunteer/{group_key}/{kind.value}")
            group.appendChild(rule)
        root.appendChild(group)
    renderer = QgsRuleBasedRenderer(root)
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([
        QgsFeatureRequest.OrderByClause(CAN_TAKE_MORE_EXPR, True)]))  # available ones on top
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    labels(layer, "coalesce(\"active_count\", 0) || '/' || coalesce(\"capacity\", 0)",
           text_format(7.5, "#00564d"), QgsPalLayerSettings.OrderedPositionsAroundPoint,
           zoomed_in_beyond=VOLUNTEER_LABEL_SCALE, distance=0.8)
    return layer


def facility_symbol(kind: FacilityKind) -> QgsMarkerSymbol:
    size = 6.4
    base = simple_marker(QgsSimpleMarkerSymbolLayerBase.Square, size, NEUTRAL, "#ffffff", 0.5)
    base.setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor,
                                expression(case("capacity_status", CAPACITY_COLOURS)))
    icon = svg_marker(f"facility_{kind.value}.svg", size * 0.68, "#ffffff")
    # Stale capacity: a dashed black ring and a clock badge at the top right.
    ring = simple_marker(QgsSimpleMarkerSymbolLayerBase.Circle, size * 1.75, rgba("#ffffff", 0), "#000000",
                         0.45)
    ring.setStrokeStyle(Qt.DashLine)
    clock = QgsSvgMarkerSymbolLayer(icon_ref("stale.svg"), 3.4)
    clock.setFillColor(QColor("#ffffff"))
    clock.setStrokeColor(QColor("#000000"))
    clock.setStrokeWidth(0.35)
    clock.setOffset(QPointF(size * 0.55, -size * 0.55))
    for layer in (ring, clock):
        layer.setDataDefinedProperty(QgsSymbolLayer.PropertyLayerEnabled, expression(STALE_EXPR))
    return marker_symbol(ring, base, icon, clock)


def facility_style() -> QgsVectorLayer:
    layer = memory_layer("Point", "field=kind:string&field=capacity_status:string"
                                  "&field=capacity_updated_at:datetime&field=name_th:string"
                                  "&field=beds_free:integer", "facility")
    root = QgsRuleBasedRenderer.Rule(None)
    root.setRuleKey("facility")
    for kind in FacilityKind:
        rule = QgsRuleBasedRenderer.Rule(facility_symbol(kind), 0, 0, f'"kind" = {quoted(kind.value)}',
                                         FACILITY_KIND_TH[kind])
        rule.setRuleKey(f"facility/{kind.value}")
        root.appendChild(rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    text = ("\"name_th\" || if(\"beds_free\" IS NOT NULL, '\\n' || 'ว่าง ' || \"beds_free\" || ' เตียง', '')"
            " || if(" + STALE_EXPR + ", '\\n' || '(ข้อมูลเตียงเก่า)', '')")
    fmt = text_format(8.5, "#1a237e", bold=True)
    labels(layer, text, fmt, QgsPalLayerSettings.OrderedPositionsAroundPoint,
           zoomed_in_beyond=FACILITY_LABEL_SCALE, distance=1.5)
    return layer


def service_area_style() -> QgsVectorLayer:
    layer = memory_layer("MultiPolygon", "field=name:string&field=method:string&field=minutes:double",
                         "service_area")
    fill = QgsSimpleFillSymbolLayer(rgba("#26a69a", 46), Qt.SolidPattern, QColor("#00796b"))
    fill.setStrokeWidth(0.5)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, fill)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    labels(layer, "\"name\"", text_format(8, "#00564d"), QgsPalLayerSettings.Horizontal,
           zoomed_in_beyond=SERVICE_AREA_LABEL_SCALE)
    return layer


def assignment_symbol(status: AssignmentStatus) -> QgsLineSymbol:
    if status is AssignmentStatus.ACTIVE:
        line = QgsSimpleLineSymbolLayer(QColor("#1b5e20"), 0.7)
        head = QgsMarkerLineSymbolLayer()
        head.setPlacement(QgsMarkerLineSymbolLayer.LastVertex)
        head.setSubSymbol(marker_symbol(simple_marker(QgsSimpleMarkerSymbolLayerBase.ArrowHeadFilled, 2.6,
                                                      "#1b5e20", "#1b5e20", 0)))
        layers = [line, head]
    elif status is AssignmentStatus.PROPOSED:
        line = QgsSimpleLineSymbolLayer(QColor("#1565c0"), 0.6)
        line.setUseCustomDashPattern(True)
        line.setCustomDashVector([3.0, 2.0])
        line.setCustomDashPatternUnit(QgsUnitTypes.RenderMillimeters)
        layers = [line]
    else:  # closed: thin, grey, dotted unless completed
        line = QgsSimpleLineSymbolLayer(QColor("#9e9e9e"), 0.3)
        if status is not AssignmentStatus.COMPLETED:
            line.setPenStyle(Qt.DotLine)
        layers = [line]
    symbol = QgsLineSymbol()
    symbol.deleteSymbolLayer(0)
    for layer in layers:
        symbol.appendSymbolLayer(layer)
    return symbol


def assignment_style() -> QgsVectorLayer:
    layer = memory_layer("LineString", "field=status:string&field=urgency:string&field=travel_minutes:double",
                         "assignment")
    categories = [QgsRendererCategory(s.value, assignment_symbol(s), ASSIGNMENT_STATUS_TH[s], True)
                  for s in AssignmentStatus]
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
    return layer


def admin_style(level: str, colour: str, width: float, dashed: bool = False) -> QgsVectorLayer:
    layer = memory_layer("MultiPolygon", "field=level:string&field=code:string&field=name_th:string"
                                         "&field=name_en:string", f"admin_{level}")
    outline = QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt.NoBrush, QColor(colour))
    outline.setStrokeWidth(width)
    if dashed:
        outline.setStrokeStyle(Qt.DashLine)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, outline)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    if level == "province":
        labels(layer, "\"name_th\"", text_format(11, "#37474f", bold=True, plate=True),
               QgsPalLayerSettings.OverPoint, zoomed_out_beyond=PROVINCE_LABEL_SCALE, distance=0)
    elif level == "amphoe":
        labels(layer, "\"name_th\"", text_format(9.5, "#455a64", bold=True, plate=True), QgsPalLayerSettings.OverPoint,
               zoomed_in_beyond=AMPHOE_LABEL_SCALES[0], zoomed_out_beyond=AMPHOE_LABEL_SCALES[1], distance=0)
    else:
        labels(layer, "\"name_th\"", text_format(7.5, "#616161", plate=True), QgsPalLayerSettings.OverPoint,
               zoomed_in_beyond=TAMBON_LABEL_SCALE, distance=0)
    return layer


GRID_CLASSES = ((0, 9, "1–9", "#fff3b0"), (9, 49, "10–49", "#fec44f"), (49, 199, "50–199", "#fb8c3c"),
                (199, 999, "200–999", "#e0452c"), (999, 1e12, "1,000 ขึ้นไป", "#99000d"))


def help_request_aggregate_style() -> QgsVectorLayer:
    """Counts of open requests per hexagon/grid cell (columns n, n_critical), drawn when zoomed out."""
    layer = memory_layer("Polygon", "field=n:integer&field=n_critical:integer", "help_request_aggregate")
    ranges = []
    for lower, upper, label, colour in GRID_CLASSES:
        fill = QgsSimpleFillSymbolLayer(QColor(colour), Qt.SolidPattern, QColor("#ffffff"))
        fill.setStrokeWidth(0.15)
        # Cells holding a critical request get a heavy dark-red outline.
        fill.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeColor,
                                    expression("if(coalesce(\"n_critical\", 0) > 0, '#7f0000', '#ffffff')"))
        fill.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeWidth,
                                    expression("if(coalesce(\"n_critical\", 0) > 0, 0.6, 0.15)"))
        symbol = QgsFillSymbol()
        symbol.changeSymbolLayer(0, fill)
        symbol.setOpacity(0.85)
        ranges.append(QgsRendererRange(lower, upper, symbol, f"{label} คำขอ"))
    renderer = QgsGraduatedSymbolRenderer("n", ranges)
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([  # cells with critical requests on top
        QgsFeatureRequest.OrderByClause('"n_critical" > 0', True)]))
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    # The count only: a second line would not fit a cell; critical cells have the dark-red outline.
    labels(layer, "format_number(\"n\", 0)",
           text_format(7.5, "#212121", buffer=0.7), QgsPalLayerSettings.OverPoint,
           zoomed_in_beyond=GRID_LABEL_SCALE, distance=0)
    return layer


def help_request_critical_style() -> QgsVectorLayer:
    """Open critical requests between the street and the province view: plain discs by state, no icons
    and no data-defined properties, so a province's ~1,600 of them draw in tens of milliseconds."""
    layer = memory_layer("Point", "field=status:string", "help_request_critical")
    categories = []
    for status in OPEN_REQUEST_STATUSES:
        disc = simple_marker(QgsSimpleMarkerSymbolLayerBase.Circle, 3.2, STATUS_COLOURS[status], "#7f0000", 0.5)
        categories.append(QgsRendererCategory(status.value, marker_symbol(disc), f"วิกฤต: {STATUS_TH[status]}"))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
    return layer


def build_styles() -> dict[str, QgsVectorLayer]:
    """Style name -> memory layer carrying that style."""
    return {
        "help_request": help_request_style(),
        "help_request_aggregate": help_request_aggregate_style(),
        "help_request_critical": help_request_critical_style(),
        "volunteer": volunteer_style(),
        "facility": facility_style(),
        "service_area": service_area_style(),
        "assignment": assignment_style(),
        "admin_province": admin_style("province", "#37474f", 1.2),
        "admin_amphoe": admin_style("amphoe", "#546e7a", 0.6),
        "admin_tambon": admin_style("tambon", "#90a4ae", 0.25, dashed=True),
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
