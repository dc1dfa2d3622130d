"""The Draw service area tool on a real canvas (pytest-qgis): simulated clicks emit the polygon in EPSG:4326,
clicks near a real Phetchabun tambon's vertex snap onto it, Backspace / Esc / too few vertices behave as in
QGIS's digitizing, and the tool snaps only to the store's boundary and service-area layers."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt
from qgis.PyQt.QtGui import QKeyEvent

from jitasa_qgis.gui.draw_area_tool import DrawAreaTool
from jitasa_qgis.layers.store_layers import LAYER_PROPERTY

ADMIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "phetchabun" / "admin.gpkg"


@pytest.fixture
def project(qgis_new_project):
    yield QgsProject.instance()
    QgsProject.instance().clear()


@pytest.fixture
def canvas(qgis_canvas, project):
    window = qgis_canvas.window()
    was_visible = window.isVisible()
    window.show()
    QCoreApplication.processEvents()
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    yield qgis_canvas
    qgis_canvas.setLayers([])
    if not was_visible:
        window.hide()


@pytest.fixture
def tambon(project):
    """One real tambon (its boundary from the shared Phetchabun data), marked as the store's tambon layer."""
    layer = QgsVectorLayer(f"{ADMIN}|layername=tambon_codab", "tambon", "ogr")
    assert layer.isValid()
    first = next(layer.getFeatures(QgsFeatureRequest().setLimit(1)))
    layer.setSubsetString(f"fid = {first.id()}")
    layer.setCustomProperty(LAYER_PROPERTY, "admin_tambon")
    project.addMapLayer(layer)
    return layer


def _pixel(canvas, lon, lat) -> QPoint:
    p = canvas.getCoordinateTransform().transform(QgsPointXY(lon, lat))
    return QPoint(round(p.x()), round(p.y()))


def _release(tool, canvas, pixel: QPoint, button=Qt.LeftButton):
    tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.MouseButtonRelease, pixel, button, button, Qt.NoModifier))


def _key(tool, key):
    tool.keyPressEvent(QKeyEvent(QEvent.KeyPress, key, Qt.NoModifier))


def _drawn(tool):
    got = []
    tool.polygon_drawn.connect(got.append)
    return got


def test_clicks_then_right_click_emit_the_polygon_in_4326(canvas):
    canvas.setExtent(QgsRectangle(100.0, 15.0, 102.0, 17.0))
    tool = DrawAreaTool(canvas, snap_layers=[])
    got = _drawn(tool)
    for lon, lat in [(100.5, 15.5), (101.5, 15.5), (101.5, 16.5)]:
        _release(tool, canvas, _pixel(canvas, lon, lat))
    assert got == []  # nothing until finished
    _release(tool, canvas, _pixel(canvas, 101.0, 16.0), Qt.RightButton)
    assert len(got) == 1
    ring = got[0].asPolygon()[0]
    assert len(ring) == 4 and ring[0] == ring[-1]
    assert ring[1].x() == pytest.approx(101.5, abs=0.01) and ring[2].y() == pytest.approx(16.5, abs=0.01)
    assert tool.points == []  # ready for the next one


def test_a_canvas_in_utm_still_emits_4326(canvas):
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32647"))
    canvas.setExtent(QgsRectangle(700_000, 1_700_000, 800_000, 1_800_000))
    tool = DrawAreaTool(canvas, snap_layers=[])
    got = _drawn(tool)
    for x, y in [(710_000, 1_710_000), (790_000, 1_710_000), (790_000, 1_790_000)]:
        tool.add_vertex(QgsPointXY(x, y))
    _key(tool, Qt.Key_Return)
    box = got[0].boundingBox()
    assert 100.0 < box.xMinimum() < box.xMaximum() < 103.0 and 15.0 < box.yMinimum() < box.yMaximum() < 17.0


def test_backspace_escape_and_too_few_vertices(canvas):
    canvas.setExtent(QgsRectangle(100.0, 15.0, 102.0, 17.0))
    tool = DrawAreaTool(canvas, snap_layers=[])
    got = _drawn(tool)
    for lon, lat in [(100.5, 15.5), (101.5, 15.5), (101.5, 16.5)]:
        _release(tool, canvas, _pixel(canvas, lon, lat))
    _key(tool, Qt.Key_Backspace)
    assert len(tool.points) == 2
    _key(tool, Qt.Key_Enter)
    assert got == [] and tool.points == []  # two vertices are no polygon
    for lon, lat in [(100.5, 15.5), (101.5, 15.5), (101.5, 16.5)]:
        _release(tool, canvas, _pixel(canvas, lon, lat))
    _key(tool, Qt.Key_Escape)
    assert tool.points == []
    _release(tool, canvas, QPoint(10, 10), Qt.RightButton)
    assert got == []


def test_a_click_near_a_tambon_vertex_snaps_onto_it(canvas, tambon):
    feature = next(tambon.getFeatures())
    vertex = QgsPointXY(feature.geometry().vertexAt(0))
    canvas.setLayers([tambon])
    canvas.setExtent(QgsRectangle(vertex.x() - 0.02, vertex.y() - 0.02, vertex.x() + 0.02, vertex.y() + 0.02))
    QCoreApplication.processEvents()
    tool = DrawAreaTool(canvas)  # finds the store's boundary layers in the project
    assert tool.snap_layers() == [tambon]
    near = _pixel(canvas, vertex.x(), vertex.y()) + QPoint(5, -4)  # within 12 px
    off = tool.toMapCoordinates(near)
    assert off.distance(vertex) > 0  # the click itself is not on the vertex
    _release(tool, canvas, near)
    assert tool.points[-1].x() == pytest.approx(vertex.x(), abs=1e-9)
    assert tool.points[-1].y() == pytest.approx(vertex.y(), abs=1e-9)


def test_other_layers_are_not_snapped_to(canvas, tambon):
    tambon.setCustomProperty(LAYER_PROPERTY, "help_request")  # not a boundary
    feature = next(tambon.getFeatures())
    vertex = QgsPointXY(feature.geometry().vertexAt(0))
    canvas.setLayers([tambon])
    canvas.setExtent(QgsRectangle(vertex.x() - 0.02, vertex.y() - 0.02, vertex.x() + 0.02, vertex.y() + 0.02))
    tool = DrawAreaTool(canvas)
    near = _pixel(canvas, vertex.x(), vertex.y()) + QPoint(5, -4)
    _release(tool, canvas, near)
    assert tool.points[-1].distance(vertex) > 1e-6
