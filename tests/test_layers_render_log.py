"""Every Jitasa layer, loaded from a demo store by jitasa:loadlayers, draws at each scale tier without a
single provider error in the QGIS log (a failed server-side filter is logged under "PostGIS" and QGIS then
filters on the client, silently slower); every style compares enum columns only with labels of their
enum; and every renderer filter is sent to the server (the postgres provider could compile it)."""

from __future__ import annotations

import re

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsExpressionNode,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbol,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize
from qgis.PyQt.QtGui import QColor

from jitasa_qgis.layers.store_layers import DETAIL_SCALE, LAYER_DEFS, OVERVIEW_SCALE, find_store_layers
from jitasa_qgis.services.demo_loading import load_demo_data

UTM47 = QgsCoordinateReferenceSystem("EPSG:32647")
# One scale inside each tier: detail (two: with and without request labels), province, national.
TIER_SCALES = {"detail_labels": 20_000, "detail": 100_000, "province": 1_000_000, "national": 8_000_000}


@pytest.fixture
def demo_service(store, tmp_path, monkeypatch):
    load_demo_data(store, n_requests=1500, n_volunteers=300, seed=11)
    with store.connect() as conn, conn.cursor() as cur:
        # Closed requests and a service area too, so every layer has something to draw.
        cur.execute("UPDATE jitasa.help_request SET status = 'done' WHERE id % 7 = 0 AND status = 'new'")
        cur.execute(
            "INSERT INTO jitasa.service_area (name, method, minutes, geom) "
            "SELECT 'test area', 'drawn', 30, ST_Multi(ST_Buffer(geom, 0.05)) FROM jitasa.facility "
            "ORDER BY id LIMIT 1"
        )
    conn.close()
    # A service name per database: QGIS pools provider connections by connection string.
    name = f"jitasa_render_{store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    body = "\n".join(f"{k}={v}" for k, v in store.params.items())
    path.write_text(f"[{name}]\n{body}\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return name


class LogCollector:
    """Warning and Critical messages of any tag but ours, as (tag, level, text)."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, int, str]] = []
        QgsApplication.messageLog().messageReceived.connect(self._received)

    def _received(self, message: str, tag: str, level) -> None:
        if level in (Qgis.Warning, Qgis.Critical) and tag != "Jitasa":
            self.messages.append((tag, int(level), message))

    def close(self) -> None:
        QgsApplication.messageLog().messageReceived.disconnect(self._received)


def _settings(layers, centre: QgsPointXY, scale: float) -> QgsMapSettings:
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(UTM47)
    settings.setOutputSize(QSize(800, 600))
    settings.setOutputDpi(96)
    settings.setBackgroundColor(QColor("white"))
    half_w = 800 / 96 * 0.0254 * scale / 2
    half_h = 600 / 96 * 0.0254 * scale / 2
    settings.setExtent(QgsRectangle(centre.x() - half_w, centre.y() - half_h, centre.x() + half_w, centre.y() + half_h))
    return settings


def _render(settings: QgsMapSettings) -> list[str]:
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    QCoreApplication.processEvents()  # messages logged from the render thread arrive queued
    return [f"{e.layerID}: {e.message}" for e in job.errors()]


def test_every_layer_renders_at_every_tier_without_provider_errors(provider, demo_service, qgis_new_project):
    import processing

    result = processing.run("jitasa:loadlayers", {"SERVICE": demo_service})
    assert result["FAILED"] == 0
    project = QgsProject.instance()
    layers = {d.key: find_store_layers(d.key, project) for d in LAYER_DEFS}
    assert all(len(found) == 1 for found in layers.values()), layers
    ordered = [layers[d.key][0] for d in LAYER_DEFS]
    requests = layers["help_request"][0]
    to_utm = QgsCoordinateTransform(requests.crs(), UTM47, project)
    # Centred on an open request, so the detail view draws requests, labels and assignment lines.
    first = next(requests.getFeatures())
    centre = to_utm.transform(first.geometry().asPoint())
    assert TIER_SCALES["detail"] < DETAIL_SCALE < TIER_SCALES["province"] < OVERVIEW_SCALE
    assert TIER_SCALES["national"] > OVERVIEW_SCALE

    collector = LogCollector()
    try:
        for tier, scale in TIER_SCALES.items():
            settings = _settings(ordered, centre, scale)
            assert abs(settings.scale() / scale - 1) < 0.05, (tier, settings.scale())
            drawn = [layer.name() for layer in ordered if layer.isInScaleRange(settings.scale())]
            assert drawn, tier
            errors = _render(settings)
            assert errors == [], (tier, errors)
            assert collector.messages == [], (tier, collector.messages)
        # Each layer alone too, so no layer hides behind another's cached iterator.
        for layer in ordered:
            for tier, scale in TIER_SCALES.items():
                settings = _settings([layer], centre, scale)
                if layer.isInScaleRange(settings.scale()):
                    assert _render(settings) == [], (layer.name(), tier)
        assert collector.messages == [], collector.messages
    finally:
        collector.close()


def test_the_collector_sees_a_provider_error(provider, demo_service, qgis_new_project):
    """The check above can fail: a rule comparing the enum with '' (the old "other" rule) is logged."""
    import processing

    processing.run("jitasa:loadlayers", {"SERVICE": demo_service})
    project = QgsProject.instance()
    requests = find_store_layers("help_request", project)[0]
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(
        QgsRuleBasedRenderer.Rule(
            QgsSymbol.defaultSymbol(requests.geometryType()), 0, 0, "coalesce(\"category\", '') NOT IN ('oxygen')"
        )
    )
    requests.setRenderer(QgsRuleBasedRenderer(root))
    centre = QgsCoordinateTransform(requests.crs(), UTM47, project).transform(
        next(requests.getFeatures()).geometry().asPoint()
    )
    collector = LogCollector()
    try:
        _render(_settings([requests], centre, TIER_SCALES["detail"]))
        assert any(
            tag == "PostGIS" and "request_category" in text for tag, _level, text in collector.messages
        ), collector.messages
    finally:
        collector.close()


# ------------------------------------------------------------------------------ enum literals in styles


def _enum_columns(store, table: str) -> dict[str, set[str]]:
    """Column -> its enum's labels, for the enum columns of a store table or view."""
    with store.connect() as conn, conn.cursor() as cur:
        cur.execute(
            """SELECT a.attname, array(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid)
                         FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                        WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 AND t.typtype = 'e'""",
            (f"jitasa.{table}",),
        )
        columns = {name: set(labels) for name, labels in cur.fetchall()}
    conn.close()
    return columns


def _children(node) -> list:
    kind = node.nodeType()
    if kind == QgsExpressionNode.ntBinaryOperator:
        return [node.opLeft(), node.opRight()]
    if kind == QgsExpressionNode.ntUnaryOperator:
        return [node.operand()]
    if kind == QgsExpressionNode.ntInOperator:
        return [node.node(), *node.list().list()]
    if kind == QgsExpressionNode.ntFunction:
        return list(node.args().list()) if node.args() else []
    if kind == QgsExpressionNode.ntCondition:
        parts = [p for c in node.conditions() for p in (c.whenExp(), c.thenExp())]
        return parts + ([node.elseExp()] if node.elseExp() else [])
    if kind == QgsExpressionNode.ntIndexOperator:
        return [node.container(), node.index()]
    return []


def _column(node) -> str | None:
    return node.name() if node.nodeType() == QgsExpressionNode.ntColumnRef else None


def _string_literals(nodes) -> list[str]:
    return [n.value() for n in nodes if n.nodeType() == QgsExpressionNode.ntLiteral and isinstance(n.value(), str)]


def enum_literal_problems(text: str, enums: dict[str, set[str]]) -> list[str]:
    """Strings an expression compares with (or coalesces into) an enum column that are not its labels."""
    expression = QgsExpression(text)
    assert not expression.hasParserError(), (text, expression.parserErrorString())
    problems = []

    def walk(node) -> None:
        parts = _children(node)
        columns = [c for c in map(_column, parts) if c in enums]
        if node.nodeType() == QgsExpressionNode.ntInOperator:
            columns = [c for c in [_column(node.node())] if c in enums]
        for column in columns:
            problems.extend(f"{column} vs {value!r}" for value in _string_literals(parts) if value not in enums[column])
        for part in parts:
            walk(part)

    walk(expression.rootNode())
    return problems


def style_expressions(layer) -> list[str]:
    """Every expression of the layer's style and definition: subset, filters, order, symbols, labels."""
    texts = [layer.subsetString()] if layer.subsetString() else []
    renderer = layer.renderer()
    if isinstance(renderer, QgsRuleBasedRenderer):
        texts += [r.filterExpression() for r in renderer.rootRule().descendants() if r.filterExpression()]
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        attribute = QgsExpression.quotedColumnRef(renderer.classAttribute())
        texts += [f"{attribute} = {QgsExpression.quotedValue(c.value())}" for c in renderer.categories()]
    if renderer.orderByEnabled():
        texts += [clause.expression().expression() for clause in renderer.orderBy().list()]
    for symbol in renderer.symbols(QgsRenderContext()):
        for symbol_layer in _all_symbol_layers(symbol):
            props = symbol_layer.dataDefinedProperties()
            texts += [
                props.property(k).expressionString()
                for k in props.propertyKeys()
                if props.property(k).isActive() and props.property(k).expressionString()
            ]
    if layer.labelsEnabled():
        settings = layer.labeling().settings()
        if settings.isExpression:
            texts.append(settings.fieldName)
        props = settings.dataDefinedProperties()
        texts += [
            props.property(k).expressionString()
            for k in props.propertyKeys()
            if props.property(k).isActive() and props.property(k).expressionString()
        ]
    return texts


def _all_symbol_layers(symbol: QgsSymbol) -> list:
    found = []
    for symbol_layer in symbol.symbolLayers():
        found.append(symbol_layer)
        if symbol_layer.subSymbol() is not None:
            found.extend(_all_symbol_layers(symbol_layer.subSymbol()))
    return found


def test_the_enum_check_catches_an_empty_string_and_an_unknown_label():
    enums = {"category": {"oxygen", "other"}}
    assert enum_literal_problems("coalesce(\"category\", '') NOT IN ('oxygen')", enums) == ["category vs ''"]
    assert enum_literal_problems("\"category\" = 'boat'", enums) == ["category vs 'boat'"]
    assert enum_literal_problems("\"category\" IN ('oxygen', 'boat')", enums) == ["category vs 'boat'"]
    assert enum_literal_problems("CASE WHEN \"category\" = 'oxygen' THEN 'x' END", enums) == []
    assert enum_literal_problems('"category" IS NULL OR "category" NOT IN (\'oxygen\')', enums) == []


def test_styles_compare_enum_columns_only_with_their_labels(provider, demo_service, store, qgis_new_project):
    import processing

    processing.run("jitasa:loadlayers", {"SERVICE": demo_service})
    project = QgsProject.instance()
    problems = {}
    for layer_def in LAYER_DEFS:
        layer = find_store_layers(layer_def.key, project)[0]
        enums = _enum_columns(store, layer_def.table)
        texts = style_expressions(layer)
        assert texts or layer_def.key.startswith("admin") or layer_def.key == "service_area", layer_def.key
        found = [p for text in texts for p in enum_literal_problems(text, enums)]
        if found:
            problems[layer_def.key] = found
    assert problems == {}


# ------------------------------------------------------------------------- filters run on the server


def _statements(pg_cluster, start: int, table: str) -> list[str]:
    """The provider's DECLARE … CURSOR statements on `table` logged since byte `start`."""
    text = pg_cluster.logfile.read_text(errors="replace")[start:]
    found = re.findall(r"DECLARE \S+ BINARY CURSOR FOR (SELECT .*?)(?=\n\S|\Z)", text, re.S)
    return [s for s in found if f'"jitasa"."{table}"' in s]


def test_renderer_filters_are_compiled_for_the_server(provider, demo_service, store, pg_cluster, qgis_new_project):
    """With a filter the provider cannot compile QGIS reads every row and filters on the client: the
    statement then reads the same as with a plain renderer. Each styled statement must say more."""
    import processing

    with store.connect() as conn, conn.cursor() as cur:
        cur.execute(f'ALTER DATABASE "{store.params["dbname"]}" SET log_statement = \'all\'')  # noqa: S608
    conn.close()
    processing.run("jitasa:loadlayers", {"SERVICE": demo_service})
    project = QgsProject.instance()
    requests = find_store_layers("help_request", project)[0]
    centre = QgsCoordinateTransform(requests.crs(), UTM47, project).transform(
        next(requests.getFeatures()).geometry().asPoint()
    )
    checked = []
    for layer_def in LAYER_DEFS:
        layer = find_store_layers(layer_def.key, project)[0]
        if not isinstance(layer.renderer(), (QgsRuleBasedRenderer, QgsCategorizedSymbolRenderer)):
            continue  # (a rule-based renderer builds its filter() only once rendering starts)
        settings = next(
            s
            for s in (_settings([layer], centre, scale) for scale in TIER_SCALES.values())
            if layer.isInScaleRange(s.scale())
        )
        start = pg_cluster.logfile.stat().st_size
        _render(settings)
        styled = _statements(pg_cluster, start, layer_def.table)
        plain = layer.clone()
        plain.setRenderer(QgsSingleSymbolRenderer(QgsSymbol.defaultSymbol(layer.geometryType())))
        plain.setLabelsEnabled(False)
        settings.setLayers([plain])
        start = pg_cluster.logfile.stat().st_size
        _render(settings)
        unstyled = _statements(pg_cluster, start, layer_def.table)
        assert styled and unstyled, layer_def.key
        where = [s.split(" WHERE ", 1)[1] for s in (styled[0], unstyled[0])]
        assert len(where[0]) > len(where[1]), (layer_def.key, where)
        checked.append(layer_def.key)
    assert {"help_request", "help_request_critical", "volunteer", "facility", "assignment"} <= set(checked)
