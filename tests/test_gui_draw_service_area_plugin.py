"""The plugin's "Draw service area" action: it sets the drawing tool, a finished polygon opens the form on the
connected store (a pg_service of the test cluster), Save writes the area; unload removes the action, unsets
the tool and closes the form."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsRectangle, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt
from qgis.PyQt.QtGui import QKeyEvent
from qgis.PyQt.QtWidgets import QToolBar
from service_support import rows
from task_waiting import finish

import jitasa_qgis
from jitasa_qgis.definitions import settings
from jitasa_qgis.store.qgis_connections import from_service


def _draw_actions(iface):
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    return [
        a
        for t in iface.mainWindow().findChildren(QToolBar, "JitasaToolbar")
        for a in t.actions()
        if a.text() == "Draw service area"
    ]


@pytest.fixture
def current_store(store, tmp_path, monkeypatch):
    before = settings.current_store()
    name = f"jitasa_draw_{store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in store.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    settings.set_current_store(from_service(name).choice)
    yield store
    if before:
        settings.set_current_store(before)
    else:
        QgsSettings().remove(settings.PREFIX + "connection")


def test_draw_save_and_unload(qgis_iface, current_store):
    plugin = jitasa_qgis.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert len(_draw_actions(qgis_iface)) == 1
        canvas = qgis_iface.mapCanvas()
        canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        canvas.setExtent(QgsRectangle(100.0, 15.0, 102.0, 17.0))
        plugin.draw_area_action.trigger()
        assert canvas.mapTool() is plugin.draw_area_tool and plugin.draw_area_action.isChecked()
        tool = plugin.draw_area_tool
        for lon, lat in [(101.0, 16.0), (101.1, 16.0), (101.1, 16.1), (101.0, 16.1)]:
            tool.add_vertex(QgsPointXY(lon, lat))
        tool.keyPressEvent(QKeyEvent(QEvent.KeyPress, Qt.Key_Return, Qt.NoModifier))
        form = plugin.service_area_form
        assert form is not None and form.isVisible()
        form.name_edit.setText("เขตวาดใหม่")
        assert finish(form.save()).outcome == "inserted"
        assert rows(current_store, "SELECT name, method, kind FROM jitasa.service_area") == [
            ("เขตวาดใหม่", "drawn", "responsibility")
        ]
    finally:
        plugin.unload()
    assert _draw_actions(qgis_iface) == []
    assert canvas.mapTool() is None
    assert plugin.service_area_form is None and plugin.draw_area_tool is None


def test_edit_picks_an_area_and_deletes_it(qgis_iface, current_store):
    from jitasa_qgis.layers.store_layers import find_store_layers

    c = current_store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.service_area (name, method, geom) VALUES "
            "('ใหญ่', 'drawn', 'SRID=4326;MULTIPOLYGON(((100.5 15.5,101.5 15.5,101.5 16.5,100.5 16.5,100.5 15.5)))'),"
            "('เล็ก', 'drawn', 'SRID=4326;MULTIPOLYGON(((100.9 15.9,101.1 15.9,101.1 16.1,100.9 16.1,100.9 15.9)))')"
        )
        cur.execute("SELECT id FROM jitasa.service_area ORDER BY name")
        (small_id,), (big_id,) = cur.fetchall()  # เล็ก sorts before ใหญ่
    c.close()
    plugin = jitasa_qgis.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.load_layers()
        canvas = qgis_iface.mapCanvas()
        layers = find_store_layers("service_area")
        assert layers
        canvas.setLayers(layers)
        canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        canvas.setExtent(QgsRectangle(100.0, 15.0, 102.0, 17.0))
        plugin.edit_area_action.trigger()
        assert canvas.mapTool() is plugin.edit_area_tool
        tool = plugin.edit_area_tool
        assert tool.area_at(QgsPointXY(101.0, 16.0)) == small_id  # the smallest under the click
        assert tool.area_at(QgsPointXY(100.6, 15.6)) == big_id
        assert tool.area_at(QgsPointXY(101.9, 16.9)) is None
        picked = []
        tool.area_picked.connect(picked.append)
        form = plugin.open_service_area_for_edit(small_id)
        assert form.name_edit.text() == "เล็ก" and form.delete_button is not None
        assert finish(form.delete()).outcome == "deleted"
        assert rows(current_store, "SELECT name FROM jitasa.service_area") == [("ใหญ่",)]
        assert plugin.open_service_area_for_edit(small_id) is None  # gone: a message, no form
    finally:
        plugin.unload()
    assert plugin.edit_area_tool is None and canvas.mapTool() is None
