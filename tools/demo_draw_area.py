"""A demo action for screenshots (JITASA_DEMO_CODE=tools/demo_draw_area.py make run): zoom to amphoe
Lom Sak, draw a service area with the plugin's Draw service area tool, and fill in and save its form, so
the picture shows the drawn area on the map and the form saying what the store did."""

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

CORNERS = [(101.20, 16.74), (101.30, 16.73), (101.33, 16.80), (101.28, 16.87), (101.19, 16.84)]  # lon, lat


def _draw() -> None:
    plugin = plugins["jitasa_qgis"]
    canvas = iface.mapCanvas()
    to_map = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(), QgsProject.instance()
    )
    canvas.setExtent(to_map.transformBoundingBox(QgsRectangle(101.05, 16.60, 101.50, 17.00)))
    canvas.refresh()
    plugin.draw_area_action.trigger()
    for lon, lat in CORNERS:
        plugin.draw_area_tool.add_vertex(to_map.transform(QgsPointXY(lon, lat)))
    plugin.draw_area_tool.finish()
    form = plugin.service_area_form
    if form is None:
        return
    form.name_edit.setText("ทีมเคลื่อนที่เร็ว ตำบลหล่มสัก")
    form.facility_combo.setCurrentIndex(max(form.facility_combo.findText("โรงพยาบาลหล่มสัก"), 0))
    form.amphoe_combo.setCurrentIndex(max(form.amphoe_combo.findData("6703"), 0))
    form.move(canvas.mapToGlobal(canvas.rect().topRight()).x() - form.width() - 20, 160)
    form.save()


QTimer.singleShot(500, _draw)
