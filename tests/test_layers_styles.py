"""Map styles: every style loads, every enum value has a symbol, icons resolve, labels are Thai and
horizontal, and what is drawn carries the state colours."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsSimpleMarkerSymbolLayer,
    QgsSvgMarkerSymbolLayer,
    QgsSymbolLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime, QSize
from qgis.PyQt.QtGui import QColor, QFontDatabase, QImage, QPainter
from qgis.PyQt.QtSvg import QSvgRenderer
from qgis.PyQt.QtXml import QDomDocument

from jitasa_qgis.definitions.enums import (
    OPEN_REQUEST_STATUSES,
    AssignmentStatus,
    CapacityStatus,
    FacilityKind,
    RequestCategory,
    RequestStatus,
    Urgency,
    VolunteerKind,
)
from jitasa_qgis.definitions.paths import ICONS_DIR, STYLES_DIR
from jitasa_qgis.layers import styles
from jitasa_qgis.layers.styles import StyleError, apply_style, relink_icons

# The columns each layer reads (tables and map views of resources/sql), as memory-layer fields.
LAYER_FIELDS = {
    "help_request": (
        "Point",
        "id:integer category:string urgency:string status:string people_count:integer "
        "note:string is_critical:boolean created_at:datetime",
    ),
    "help_request_aggregate": ("Polygon", "id:integer size_deg:double n:integer n_critical:integer"),
    "help_request_critical": ("Point", "id:integer category:string urgency:string status:string"),
    "volunteer": (
        "Point",
        "id:integer kind:string available:boolean capacity:integer active_count:integer " "can_take_more:boolean",
    ),
    "facility": (
        "Point",
        "id:integer name_th:string name_en:string kind:string beds_total:integer "
        "beds_free:integer capacity_status:string capacity_updated_at:datetime",
    ),
    "service_area": ("MultiPolygon", "id:integer name:string method:string kind:string minutes:double"),
    "assignment": ("LineString", "id:integer status:string urgency:string category:string " "travel_minutes:double"),
    "admin_province": ("MultiPolygon", "id:integer level:string code:string name_th:string name_en:string"),
    "admin_amphoe": ("MultiPolygon", "id:integer level:string code:string name_th:string name_en:string"),
    "admin_tambon": ("MultiPolygon", "id:integer level:string code:string name_th:string name_en:string"),
    "road_segment": (
        "LineString",
        "id:integer network_id:integer road_class:string oneway:integer component:integer name:string "
        "speed_kmh:double length_m:double",
    ),
}
TOOLBAR_ICONS = ("jitasa.svg", "connect.svg", "load_layers.svg", "assign.svg", "draw_area.svg", "edit_area.svg")
CLOSED = [s for s in RequestStatus if s not in OPEN_REQUEST_STATUSES]


def memory_layer(name: str) -> QgsVectorLayer:
    geometry, fields = LAYER_FIELDS[name]
    spec = "&".join(f"field={f}" for f in fields.split())
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4326&{spec}", name, "memory")
    assert layer.isValid()
    return layer


def styled(name: str) -> QgsVectorLayer:
    layer = memory_layer(name)
    apply_style(layer, name)
    return layer


def feature(layer: QgsVectorLayer, **values) -> QgsFeature:
    f = QgsFeature(layer.fields())
    for key, value in values.items():
        f[key] = value
    return f


def evaluate(text: str, layer: QgsVectorLayer, f: QgsFeature):
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(f)
    expression = QgsExpression(text)
    assert not expression.hasParserError(), (text, expression.parserErrorString())
    value = expression.evaluate(context)
    assert not expression.hasEvalError(), (text, expression.evalErrorString())
    return value


def matching_leaf_rules(layer: QgsVectorLayer, f: QgsFeature) -> list[QgsRuleBasedRenderer.Rule]:
    """Rules with a symbol that would draw `f` (their filter and all their ancestors' filters match)."""
    found = []

    def walk(rule):
        for child in rule.children():
            if child.isElse():
                raise AssertionError("styles use explicit filters, no ELSE rules")
            if child.filterExpression() and not evaluate(child.filterExpression(), layer, f):
                continue
            if child.symbol() is not None:
                found.append(child)
            walk(child)

    walk(layer.renderer().rootRule())
    return found


def svg_files(symbol) -> list[str]:
    return [Path(sl.path()).name for sl in symbol.symbolLayers() if isinstance(sl, QgsSvgMarkerSymbolLayer)]


def dd_expression(symbol_layer: QgsSymbolLayer, key) -> str:
    prop = symbol_layer.dataDefinedProperties().property(key)
    assert prop.isActive(), f"{type(symbol_layer).__name__} has no active data-defined property {key}"
    return prop.expressionString()


def request_disc(layer: QgsVectorLayer) -> QgsSimpleMarkerSymbolLayer:
    symbol = layer.renderer().rootRule().children()[0].symbol()
    return symbol.symbolLayer(1)


def hue_saturation(colour: QColor) -> tuple[int, int]:
    return colour.hsvHue(), colour.hsvSaturation()


# ----------------------------------------------------------------------------------------- loading


def test_the_shipped_styles_are_the_expected_ones():
    assert styles.style_names() == sorted(LAYER_FIELDS)


@pytest.mark.parametrize("name", sorted(LAYER_FIELDS))
def test_style_loads_and_reads_only_existing_fields(qgis_app, name):
    layer = memory_layer(name)
    message, ok = layer.loadNamedStyle(str(STYLES_DIR / f"{name}.qml"))  # QGIS's own check of the file
    assert ok, message
    apply_style(layer, name)
    assert layer.customProperty("jitasa/style") == name
    context = QgsRenderContext()
    used = set(layer.renderer().usedAttributes(context))
    if layer.labelsEnabled():
        used |= set(layer.labeling().settings().referencedFields(context))
    unknown = used - set(layer.fields().names())
    assert not unknown, f"{name} reads missing fields {unknown}"


def test_missing_style_is_a_clear_error(qgis_app):
    with pytest.raises(StyleError, match="no style named 'nope'"):
        apply_style(memory_layer("help_request"), "nope")


def test_broken_style_is_a_clear_error(qgis_app, tmp_path, monkeypatch):
    monkeypatch.setattr(styles, "STYLES_DIR", tmp_path)
    (tmp_path / "broken.qml").write_text("<qgis><renderer-v2", encoding="utf-8")
    with pytest.raises(StyleError, match="not valid XML"):
        apply_style(memory_layer("help_request"), "broken")
    qml = (STYLES_DIR / "help_request.qml").read_text(encoding="utf-8")
    (tmp_path / "lost_icon.qml").write_text(qml.replace("request_oxygen.svg", "request_gone.svg"), encoding="utf-8")
    with pytest.raises(StyleError, match="request_gone.svg"):
        apply_style(memory_layer("help_request"), "lost_icon")


def test_committed_styles_match_the_script(qgis_app, tmp_path):
    """The .qml files are what tools/make_styles.py writes (compared as XML, attribute order aside)."""
    import make_styles

    make_styles.write_styles(tmp_path)

    def canonical(element):
        def value(text):  # some options hold a whole XML element as text (a callout's line symbol)
            try:
                return canonical(ET.fromstring(text)) if text.startswith("<") else text
            except ET.ParseError:
                return text

        return (
            element.tag,
            sorted((k, value(v)) for k, v in element.attrib.items()),
            (element.text or "").strip(),
            [canonical(child) for child in element],
        )

    for path in sorted(STYLES_DIR.glob("*.qml")):
        built = tmp_path / path.name
        assert built.is_file(), f"{path.name} is not made by tools/make_styles.py"
        assert canonical(ET.parse(built).getroot()) == canonical(
            ET.parse(path).getroot()
        ), f"{path.name} differs from what tools/make_styles.py builds: regenerate it"


# ----------------------------------------------------------------------------------- enum coverage


def missing_categories(layer: QgsVectorLayer, field: str, values, icon_prefix: str, **other) -> list[str]:
    """Values of `field` that no rule draws with their own icon (`<icon_prefix><value>.svg`)."""
    missing = []
    for value in values:
        rules = matching_leaf_rules(layer, feature(layer, **{field: value}, **other))
        if len(rules) != 1 or f"{icon_prefix}{value}.svg" not in svg_files(rules[0].symbol()):
            missing.append(value)
    return missing


def test_the_coverage_check_catches_a_value_without_a_symbol(qgis_app):
    layer = styled("help_request")
    values = [c.value for c in RequestCategory] + ["boat_rescue"]
    assert missing_categories(layer, "category", values, "request_", urgency="normal", status="new") == ["boat_rescue"]


def test_every_request_category_has_its_icon(qgis_app):
    layer = styled("help_request")
    for status in RequestStatus:
        for urgency in Urgency:
            assert (
                missing_categories(
                    layer,
                    "category",
                    [c.value for c in RequestCategory],
                    "request_",
                    urgency=urgency.value,
                    status=status.value,
                )
                == []
            )


def test_request_colour_by_status_like_jitasa_care(qgis_app):
    layer = styled("help_request")
    fill = dd_expression(request_disc(layer), QgsSymbolLayer.PropertyFillColor)
    colours = {}
    for status in RequestStatus:
        f = feature(layer, category="oxygen", urgency="normal", status=status.value)
        value = evaluate(fill, layer, f)
        colour = QColor(value) if value and str(value).startswith("#") else None
        assert colour is not None and colour.isValid(), f"status {status.value} has no colour"
        colours[status] = colour
    assert len({c.name() for c in colours.values()}) == len(RequestStatus)
    hue, sat = hue_saturation(colours[RequestStatus.NEW])
    assert (hue < 15 or hue > 345) and sat > 150, "waiting requests are red"
    hue, sat = hue_saturation(colours[RequestStatus.ASSIGNED])
    assert 25 <= hue <= 50 and sat > 150, "assigned requests are amber"
    hue, sat = hue_saturation(colours[RequestStatus.IN_PROGRESS])
    assert 90 <= hue <= 160 and sat > 120, "requests being helped are green"
    for status in CLOSED:
        assert colours[status].hsvSaturation() < 20, f"{status.value} requests are grey"


def test_request_size_and_halo_by_urgency(qgis_app):
    layer = styled("help_request")
    symbol = layer.renderer().rootRule().children()[0].symbol()
    halo, disc = symbol.symbolLayer(0), symbol.symbolLayer(1)
    size = dd_expression(disc, QgsSymbolLayer.PropertySize)
    sizes = [
        evaluate(size, layer, feature(layer, category="oxygen", urgency=u.value, status="new")) for u in Urgency
    ]  # critical, high, normal, low
    assert all(isinstance(s, (int, float)) and s > 0 for s in sizes), sizes
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == len(sizes), "critical biggest"
    enabled = dd_expression(halo, QgsSymbolLayer.PropertyLayerEnabled)
    halo_size = dd_expression(halo, QgsSymbolLayer.PropertySize)
    for urgency in Urgency:
        for status in RequestStatus:
            f = feature(layer, category="oxygen", urgency=urgency.value, status=status.value)
            on = bool(evaluate(enabled, layer, f))
            expected = urgency in (Urgency.CRITICAL, Urgency.HIGH) and status in OPEN_REQUEST_STATUSES
            assert on == expected, (urgency, status)
            if on:
                assert evaluate(halo_size, layer, f) > evaluate(size, layer, f)
    critical = feature(layer, category="oxygen", urgency="critical", status="new")
    high = feature(layer, category="oxygen", urgency="high", status="new")
    stroke = dd_expression(halo, QgsSymbolLayer.PropertyStrokeWidth)
    assert evaluate(stroke, layer, critical) > 0 == evaluate(stroke, layer, high), "critical has the ring"


def test_critical_open_requests_are_drawn_last(qgis_app):
    layer = memory_layer("help_request")
    features = []
    for status in RequestStatus:
        for urgency in Urgency:
            features.append(feature(layer, category="oxygen", urgency=urgency.value, status=status.value))
    layer.dataProvider().addFeatures(features)
    apply_style(layer, "help_request")
    renderer = layer.renderer()
    assert renderer.orderByEnabled()
    drawn = [(f["status"], f["urgency"]) for f in layer.getFeatures(QgsFeatureRequest().setOrderBy(renderer.orderBy()))]
    open_values = {s.value for s in OPEN_REQUEST_STATUSES}
    last = drawn[-len(OPEN_REQUEST_STATUSES) :]
    assert all(s in open_values and u == "critical" for s, u in last), drawn
    first_open = next(i for i, (s, _u) in enumerate(drawn) if s in open_values)
    assert all(s not in open_values for s, _u in drawn[:first_open]) and first_open == len(CLOSED) * 4


def test_every_volunteer_kind_has_its_icon_both_available_and_not(qgis_app):
    layer = styled("volunteer")
    kinds = [k.value for k in VolunteerKind]
    free = {"available": True, "capacity": 2, "active_count": 1}
    assert missing_categories(layer, "kind", kinds, "volunteer_", **free) == []
    for not_free in (
        {"available": False, "capacity": 2, "active_count": 0},
        {"available": True, "capacity": 1, "active_count": 1},
    ):
        assert missing_categories(layer, "kind", kinds, "volunteer_", **not_free) == []
    full = {"available": True, "capacity": 1, "active_count": 1}
    for kind in kinds:
        available = matching_leaf_rules(layer, feature(layer, kind=kind, **free))[0].symbol().symbolLayer(0)
        busy = matching_leaf_rules(layer, feature(layer, kind=kind, **full))[0].symbol().symbolLayer(0)
        assert available.color().alpha() == 255 and available.color().hsvSaturation() > 150
        assert busy.strokeColor().hsvSaturation() < 20, "unavailable or full volunteers are grey"
        assert busy.color().name() == "#ffffff", "... and hollow"


def test_every_facility_kind_has_its_icon_and_capacity_colours(qgis_app):
    layer = styled("facility")
    fresh = QDateTime.currentDateTime()
    assert (
        missing_categories(
            layer,
            "kind",
            [k.value for k in FacilityKind],
            "facility_",
            capacity_status="open",
            capacity_updated_at=fresh,
        )
        == []
    )
    base = layer.renderer().rootRule().children()[0].symbol().symbolLayer(1)
    fill = dd_expression(base, QgsSymbolLayer.PropertyFillColor)
    colours = {
        s: QColor(evaluate(fill, layer, feature(layer, kind="hospital", capacity_status=s.value)))
        for s in CapacityStatus
    }
    assert all(c.isValid() for c in colours.values()), colours
    assert 90 <= colours[CapacityStatus.OPEN].hsvHue() <= 160
    assert 25 <= colours[CapacityStatus.LIMITED].hsvHue() <= 50
    assert colours[CapacityStatus.FULL].hsvHue() < 15 or colours[CapacityStatus.FULL].hsvHue() > 345
    assert colours[CapacityStatus.CLOSED].hsvSaturation() < 20


def test_facility_stale_mark_follows_the_project_variable(qgis_new_project):
    layer = styled("facility")
    symbol = layer.renderer().rootRule().children()[0].symbol()
    stale_layers = [
        sl
        for sl in symbol.symbolLayers()
        if sl.dataDefinedProperties().property(QgsSymbolLayer.PropertyLayerEnabled).isActive()
    ]
    assert len(stale_layers) == 2, "a dashed ring and a clock badge"
    assert "stale.svg" in svg_files(symbol)
    enabled = dd_expression(stale_layers[0], QgsSymbolLayer.PropertyLayerEnabled)
    now = QDateTime.currentDateTime()

    def stale(hours_ago: float) -> bool:
        f = feature(
            layer, kind="hospital", capacity_status="open", capacity_updated_at=now.addSecs(int(-3600 * hours_ago))
        )
        return bool(evaluate(enabled, layer, f))

    assert not stale(1) and not stale(11.5) and stale(12.5) and stale(72)  # default 12 hours
    QgsExpressionContextUtils.setProjectVariable(QgsProject.instance(), "jitasa_stale_hours", "3")
    assert stale(3.5) and not stale(2.5)
    QgsExpressionContextUtils.setProjectVariable(QgsProject.instance(), "jitasa_stale_hours", 48)
    assert not stale(47) and stale(49)


def test_assignment_lines_proposed_dashed_active_solid(qgis_app):
    layer = styled("assignment")
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "status"
    categories = renderer.categories()  # copies: keep them alive while using their symbols
    by_value = {c.value(): c.symbol() for c in categories}
    assert set(by_value) == {s.value for s in AssignmentStatus}
    proposed = by_value["proposed"].symbolLayer(0)
    active = by_value["active"].symbolLayer(0)
    assert proposed.useCustomDashPattern() and proposed.customDashVector()
    assert not active.useCustomDashPattern() and active.penStyle() == 1  # Qt.SolidLine


def test_request_aggregate_is_graduated_on_the_count(qgis_app):
    layer = styled("help_request_aggregate")
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "n"
    for n in (1, 9, 10, 49, 50, 199, 200, 999, 1000, 250_000):
        assert renderer.rangeForValue(n) is not None, n
    ranges = renderer.ranges()  # copies: keep them alive while using their symbols
    colours = [r.symbol().color().lightness() for r in ranges]
    assert colours == sorted(colours, reverse=True), "more requests, darker cells"
    fill = ranges[0].symbol().symbolLayer(0)
    width = dd_expression(fill, QgsSymbolLayer.PropertyStrokeWidth)
    assert evaluate(width, layer, feature(layer, n=5, n_critical=1)) > evaluate(
        width, layer, feature(layer, n=5, n_critical=0)
    ), "cells with critical requests stand out"


def test_roads_by_class_at_their_tier_bigger_on_top_islands_pale(qgis_app):
    from jitasa_qgis.definitions import visuals
    from jitasa_qgis.definitions.roads import RoadClass
    from jitasa_qgis.layers.store_layers import DETAIL_SCALE, OVERVIEW_SCALE

    layer = styled("road_segment")
    renderer = layer.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer) and renderer.usingSymbolLevels()
    expected_tier = {RoadClass.SECONDARY: OVERVIEW_SCALE, RoadClass.TERTIARY: OVERVIEW_SCALE}
    expected_tier.update({c: OVERVIEW_SCALE for c in (RoadClass.SECONDARY_LINK, RoadClass.TERTIARY_LINK)})
    local = {RoadClass.UNCLASSIFIED, RoadClass.RESIDENTIAL, RoadClass.LIVING_STREET, RoadClass.SERVICE}
    expected_tier.update({c: DETAIL_SCALE for c in (*local, RoadClass.ROAD, RoadClass.TRACK)})
    context = QgsRenderContext()
    widths, passes, colours = {}, {}, {}
    for road_class in RoadClass:
        f = feature(layer, road_class=road_class.value, component=0)
        [rule] = matching_leaf_rules(layer, f)  # exactly one rule draws each class
        assert rule.minimumScale() == expected_tier.get(road_class, 0), road_class  # 0: every scale
        assert rule.maximumScale() == 0
        if road_class in visuals.MAJOR_ROAD_CLASSES:
            assert rule.minimumScale() == 0, "major roads show at every scale"
        line = rule.symbol().symbolLayer(0)
        context.expressionContext().setFeature(f)
        width_prop = line.dataDefinedProperties().property(QgsSymbolLayer.PropertyStrokeWidth)
        widths[road_class] = (
            evaluate(width_prop.expressionString(), layer, f) if width_prop.isActive() else line.width()
        )
        passes[road_class] = line.renderingPass()
        colours[road_class] = line.color()
        [island] = matching_leaf_rules(layer, feature(layer, road_class=road_class.value, component=3))
        assert island.ruleKey() == "road_segment/island" and island.minimumScale() == 0
        island_line = island.symbol().symbolLayer(0)
        island_width = evaluate(
            dd_expression(island_line, QgsSymbolLayer.PropertyStrokeWidth),
            layer,
            feature(layer, road_class=road_class.value),
        )
        assert island_width == pytest.approx(widths[road_class]), road_class
        assert island_line.color().lightness() > colours[road_class].lightness() + 20, "islands are paler"
        assert island_line.renderingPass() < passes[road_class], "islands under the routable roads"
    order = [RoadClass.MOTORWAY, RoadClass.TRUNK, RoadClass.PRIMARY, RoadClass.SECONDARY, RoadClass.TERTIARY]
    assert [widths[c] for c in order] == sorted((widths[c] for c in order), reverse=True), widths
    assert [passes[c] for c in order] == sorted((passes[c] for c in order), reverse=True), "bigger on top"
    assert [colours[c].lightness() for c in order] == sorted(colours[c].lightness() for c in order), "bigger darker"
    assert widths[RoadClass.TRUNK_LINK] < widths[RoadClass.TRUNK], "ramps thinner than their road"
    assert not matching_leaf_rules(layer, feature(layer, road_class="footway", component=0))


def test_road_legend_is_thai(qgis_app):
    layer = styled("road_segment")
    labels = {r.ruleKey(): r.label() for r in layer.renderer().rootRule().children()}
    assert labels["road_segment/trunk"] == "ทางหลวงสายหลัก" and labels["road_segment/primary"] == "ทางหลวงสายรอง"
    assert all(any("\u0e00" <= ch <= "\u0e7f" for ch in text) for text in labels.values()), labels
    assert len(set(labels.values())) == len(labels)


# ------------------------------------------------------------------------------------------- icons


def test_every_enum_value_has_an_icon_file():
    expected = (
        [f"request_{v.value}.svg" for v in RequestCategory]
        + [f"facility_{v.value}.svg" for v in FacilityKind]
        + [f"volunteer_{v.value}.svg" for v in VolunteerKind]
        + ["stale.svg", *TOOLBAR_ICONS]
    )
    missing = [name for name in expected if not (ICONS_DIR / name).is_file()]
    assert missing == []


@pytest.mark.parametrize("path", sorted(ICONS_DIR.glob("*.svg")), ids=lambda p: p.name)
def test_icon_is_small_valid_svg(qgis_app, path):
    text = path.read_text(encoding="utf-8")
    ET.fromstring(text)
    assert len(text.encode()) < 1200
    if path.name in TOOLBAR_ICONS:  # drawn by Qt itself (toolbar, plugin manager): plain colours
        assert "param(" not in text
        assert QSvgRenderer(str(path)).isValid()
    else:  # QGIS SVG parameters, so the style sets the colours
        for param in ("param(fill)", "param(outline)", "param(outline-width)"):
            assert param in text, f"{path.name} lacks {param}"


@pytest.mark.parametrize("name", sorted(LAYER_FIELDS))
def test_qml_names_icons_relatively_and_they_exist(qgis_app, name):
    doc = QDomDocument()
    assert doc.setContent((STYLES_DIR / f"{name}.qml").read_bytes())[0]
    for reference in styles.svg_references(doc):
        assert reference.startswith(styles.ICON_REF_PREFIX), f"{name}: {reference} is not relative"
        assert (STYLES_DIR / reference).resolve().is_file(), reference
    resolved = styles.svg_references(styles.load_style_document(name))
    assert all(Path(r).is_absolute() and Path(r).is_file() and Path(r).parent == ICONS_DIR for r in resolved)


@pytest.mark.parametrize("name", ["help_request", "volunteer", "facility"])
def test_icons_resolve_after_apply_style(qgis_app, name):
    layer = styled(name)
    renderer = layer.renderer()
    paths = [
        sl.path()
        for symbol in renderer.symbols(QgsRenderContext())
        for sl in symbol.symbolLayers()
        if isinstance(sl, QgsSvgMarkerSymbolLayer)
    ]
    assert paths
    assert all(Path(p).is_file() and Path(p).parent == ICONS_DIR for p in paths), paths


def test_relink_icons_mends_paths_from_another_installation(qgis_app):
    layer = styled("help_request")
    doc = QDomDocument()
    layer.exportNamedStyle(doc, categories=styles.STYLE_CATEGORIES)
    old_install = "/home/someone/old-profile/jitasa_qgis/resources/icons"
    elsewhere = doc.toString().replace(str(ICONS_DIR), old_install)
    moved = QDomDocument()
    assert moved.setContent(elsewhere)[0]
    assert layer.importNamedStyle(moved, styles.STYLE_CATEGORIES)[0]
    assert relink_icons(layer) is True
    symbol = layer.renderer().rootRule().children()[2].symbol()
    assert symbol.symbolLayer(2).path() == str(ICONS_DIR / "request_oxygen.svg")
    assert relink_icons(layer) is False


# ------------------------------------------------------------------------------------------ labels

LABEL_SCALES = {  # style: (shown only when zoomed in beyond 1:N, shown only when zoomed out beyond 1:N)
    "help_request": (25_000, 0),
    "help_request_aggregate": (400_000, 0),
    "facility": (250_000, 0),
    "admin_tambon": (250_000, 0),
    "admin_amphoe": (2_500_000, 50_000),
    "admin_province": (0, 1_000_000),
}
HORIZONTAL = {
    QgsPalLayerSettings.AroundPoint,
    QgsPalLayerSettings.OverPoint,
    QgsPalLayerSettings.OrderedPositionsAroundPoint,
    QgsPalLayerSettings.Horizontal,
}


@pytest.mark.parametrize("name", sorted(LAYER_FIELDS))
def test_labels_thai_font_horizontal_and_scale_dependent(qgis_app, name):
    layer = styled(name)
    if name in ("assignment", "help_request_critical", "road_segment"):  # lines / a fast overview need no text
        assert not layer.labelsEnabled()
        return
    assert layer.labelsEnabled()
    settings = layer.labeling().settings()
    family = settings.format().font().family()
    assert family in QFontDatabase().families(), f"{family} is not installed"
    assert QFontDatabase.Thai in QFontDatabase().writingSystems(family), f"{family} has no Thai"
    assert settings.placement in HORIZONTAL, "curved or rotated placement breaks Thai"
    assert settings.scaleVisibility, "no wall of text at the province view"
    if name in LABEL_SCALES:
        assert (settings.minimumScale, settings.maximumScale) == LABEL_SCALES[name]


def test_request_labels_are_thai_category_names_for_open_requests(qgis_app):
    layer = styled("help_request")
    settings = layer.labeling().settings()
    show = settings.dataDefinedProperties().property(QgsPalLayerSettings.Show).expressionString()
    texts = set()
    for category in RequestCategory:
        f = feature(layer, category=category.value, urgency="normal", status="new")
        text = evaluate(settings.fieldName, layer, f)
        assert text and any("\u0e00" <= ch <= "\u0e7f" for ch in text), (category, text)
        texts.add(text)
    assert len(texts) == len(RequestCategory)
    critical = evaluate(settings.fieldName, layer, feature(layer, category="oxygen", urgency="critical"))
    assert "วิกฤต" in critical
    for status in RequestStatus:
        shown = bool(evaluate(show, layer, feature(layer, category="oxygen", status=status.value)))
        assert shown == (status in OPEN_REQUEST_STATUSES)


def test_missing_label_font_falls_back_to_an_installed_thai_font(qgis_app, monkeypatch):
    if "Loma" not in QFontDatabase().families():
        pytest.skip("fonts-thai-tlwg is not installed")
    monkeypatch.setattr(styles, "THAI_FONTS", ("No Such Thai Font", "Loma"))
    doc = QDomDocument()
    assert doc.setContent('<qgis><labeling><text-style fontFamily="No Such Thai Font"/></labeling></qgis>')[0]
    styles.use_installed_thai_font(doc)
    assert doc.elementsByTagName("text-style").at(0).toElement().attribute("fontFamily") == "Loma"


# ------------------------------------------------------------------------------------------ render


def test_render_every_category_and_status(qgis_app, tmp_path):
    """One request per category x status, drawn offscreen: each disc shows its state's colour."""
    layer = memory_layer("help_request")
    spacing = 0.01
    points = {}
    features = []
    for row, category in enumerate(RequestCategory):
        for col, status in enumerate(RequestStatus):
            point = QgsPointXY(101.0 + col * spacing, 16.5 - row * spacing)
            points[(category, status)] = point
            f = feature(layer, category=category.value, urgency="normal", status=status.value)
            f.setGeometry(QgsGeometry.fromPointXY(point))
            features.append(f)
    layer.dataProvider().addFeatures(features)
    apply_style(layer, "help_request")

    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(700, 1000))
    settings.setOutputDpi(192)
    settings.setExtent(QgsRectangle(100.99, 16.41, 101.05, 16.51))
    settings.setBackgroundColor(QColor("white"))
    image = QImage(settings.deviceOutputSize(), QImage.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.start()
    job.waitForFinished()
    painter.end()
    assert not job.errors()
    image.save(str(tmp_path / "help_request_categories_statuses.png"))

    fill = dd_expression(request_disc(layer), QgsSymbolLayer.PropertyFillColor)
    size = dd_expression(request_disc(layer), QgsSymbolLayer.PropertySize)
    disc_mm = evaluate(size, layer, feature(layer, urgency="normal"))
    below_icon_px = 0.42 * disc_mm * 192 / 25.4  # inside the disc, below the white pictogram
    to_pixel = settings.mapToPixel()
    for (category, status), point in points.items():
        expected = QColor(evaluate(fill, layer, feature(layer, status=status.value)))
        centre = to_pixel.transform(point)
        pixel = image.pixelColor(int(centre.x()), int(centre.y() + below_icon_px))
        difference = max(
            abs(pixel.red() - expected.red()),
            abs(pixel.green() - expected.green()),
            abs(pixel.blue() - expected.blue()),
        )
        assert difference < 40, (category, status, pixel.name(), expected.name())


# ---------------------------------------------------------------------------- definitions.visuals


def test_visuals_have_a_colour_size_and_icon_for_every_enum_value():
    from jitasa_qgis.definitions import visuals

    assert set(visuals.REQUEST_STATUS_COLOURS) == set(RequestStatus)
    assert set(visuals.CAPACITY_COLOURS) == set(CapacityStatus)
    assert set(visuals.ASSIGNMENT_COLOURS) == set(AssignmentStatus)
    assert set(visuals.REQUEST_SIZE) == set(Urgency) == set(visuals.REQUEST_LABEL_PRIORITY)
    for colours in (visuals.REQUEST_STATUS_COLOURS, visuals.CAPACITY_COLOURS, visuals.ASSIGNMENT_COLOURS):
        assert all(QColor(c).isValid() for c in colours.values()), colours
    for enum_type, icon in visuals.ICONS.items():
        missing = [value for value in enum_type if not (ICONS_DIR / icon(value)).is_file()]
        assert missing == [], enum_type
    assert set(visuals.LABEL_TEXT) <= set(LAYER_FIELDS)


def test_style_legends_are_the_thai_labels_of_definitions(qgis_app):
    """The legend entries of the committed styles are definitions.labels / visuals legend texts in Thai."""
    import make_styles

    from jitasa_qgis.definitions import visuals
    from jitasa_qgis.definitions.labels import category_label, request_status_label

    requests = styled("help_request")
    rule_labels = {r.ruleKey(): r.label() for r in requests.renderer().rootRule().children()}
    critical = styled("help_request_critical")
    critical_labels = [c.label() for c in critical.renderer().categories()]
    with make_styles.thai_translation():
        expected = {f"help_request/{c.value}": category_label(c) for c in RequestCategory}
        expected_critical = [visuals.legend_critical(request_status_label(s)) for s in OPEN_REQUEST_STATUSES]
    assert rule_labels == expected
    assert critical_labels == expected_critical
    assert all(any("\u0e00" <= ch <= "\u0e7f" for ch in text) for text in [*expected.values(), *expected_critical])
    assert category_label(RequestCategory.OXYGEN) == "Oxygen", "the generator's translator is removed again"


def test_style_generator_refuses_a_legend_without_thai(qgis_app, tmp_path, monkeypatch):
    import make_styles

    ts = make_styles.TS_FILE.read_text(encoding="utf-8")
    untranslated = ts.replace("<translation>พร้อมรับงาน</translation>", '<translation type="unfinished"></translation>')
    assert untranslated != ts
    (tmp_path / "jitasa_th.ts").write_text(untranslated, encoding="utf-8")
    monkeypatch.setattr(make_styles, "TS_FILE", tmp_path / "jitasa_th.ts")
    with pytest.raises(RuntimeError, match="Ready for work"):
        make_styles.build_styles()
