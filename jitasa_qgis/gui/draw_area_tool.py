"""The "Draw service area" map tool: click the vertices of a polygon, finish with a right click or Enter.

Like QGIS's own digitizing: a rubber band follows the cursor, Backspace / Delete removes the last vertex,
Esc drops the polygon being drawn. Clicks snap (vertex and segment, within a few pixels) to the admin boundary
layers and the service-area layer of the store, through a QgsSnappingUtils of the tool's own, so the user's
project snapping settings are left as they are.

It only emits `polygon_drawn(QgsGeometry)` in EPSG:4326; whoever listens (the attribute form) does the rest.
A polygon of fewer than three vertices emits nothing.
"""

from __future__ import annotations

from typing import Iterable, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsSnappingConfig,
    QgsSnappingUtils,
    QgsTolerance,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsMapMouseEvent, QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import QPoint, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QCursor, QKeyEvent

from ..layers.store_layers import find_store_layers

SNAP_LAYER_KEYS = ("admin_tambon", "admin_amphoe", "admin_province", "service_area")
DEFAULT_SNAP_TOLERANCE_PX = 12
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


class DrawAreaTool(QgsMapTool):
    polygon_drawn = pyqtSignal(QgsGeometry)

    def __init__(
        self,
        canvas,
        snap_layers: Optional[Iterable[QgsVectorLayer]] = None,
        tolerance_px: int = DEFAULT_SNAP_TOLERANCE_PX,
    ):
        super().__init__(canvas)
        self.setCursor(QCursor(Qt.CrossCursor))
        self.tolerance_px = max(int(tolerance_px), 1)
        self._fixed_layers = list(snap_layers) if snap_layers is not None else None
        self.points: list[QgsPointXY] = []  # in the canvas's CRS
        self._snapping = QgsSnappingUtils(self, enableSnappingForInvisibleFeature=False)
        self._snapping.setIndexingStrategy(QgsSnappingUtils.IndexAlwaysFull)
        self._band = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
        self._band.setStrokeColor(QColor(0, 110, 190))
        self._band.setFillColor(QColor(0, 110, 190, 50))
        self._band.setWidth(2)
        self._marker = QgsRubberBand(canvas, QgsWkbTypes.PointGeometry)  # where a click would snap
        self._marker.setIcon(QgsRubberBand.ICON_BOX)
        self._marker.setIconSize(10)
        self._marker.setColor(QColor(230, 0, 150))
        self._configure_snapping()

    # --- snapping ------------------------------------------------------------------------------------------
    def snap_layers(self) -> list[QgsVectorLayer]:
        if self._fixed_layers is not None:
            return [layer for layer in self._fixed_layers if layer is not None and layer.isValid()]
        return [layer for key in SNAP_LAYER_KEYS for layer in find_store_layers(key)]

    def _configure_snapping(self) -> None:
        config = QgsSnappingConfig(QgsProject.instance())
        config.setEnabled(True)
        config.setMode(QgsSnappingConfig.AdvancedConfiguration)
        config.setIntersectionSnapping(False)
        for layer in self.snap_layers():
            config.setIndividualLayerSettings(
                layer,
                QgsSnappingConfig.IndividualLayerSettings(
                    True,
                    QgsSnappingConfig.VertexFlag | QgsSnappingConfig.SegmentFlag,
                    float(self.tolerance_px),
                    QgsTolerance.Pixels,
                    0.0,
                    0.0,
                ),
            )
        self._snapping.setConfig(config)

    def snapped(self, pixel: QPoint, map_point: QgsPointXY) -> QgsPointXY:
        """`map_point` moved to the nearest boundary or service-area vertex (else segment) within the
        tolerance, or as it is."""
        self._snapping.setMapSettings(self.canvas().mapSettings())
        match = self._snapping.snapToMap(pixel)
        return QgsPointXY(match.point()) if match.isValid() else QgsPointXY(map_point)

    # --- events ----------------------------------------------------------------------------------------------
    def activate(self) -> None:
        super().activate()
        self._configure_snapping()  # layers may have been loaded since

    def deactivate(self) -> None:
        self.reset()
        super().deactivate()

    def canvasMoveEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API name
        point = self.snapped(event.pos(), event.mapPoint())
        self._marker.reset(QgsWkbTypes.PointGeometry)
        if point != event.mapPoint():
            self._marker.addPoint(point)
        self._redraw(point)

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API name
        if event.button() == Qt.LeftButton:
            self.add_vertex(self.snapped(event.pos(), event.mapPoint()))
        elif event.button() == Qt.RightButton:
            self.finish()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - QGIS API name
        key = event.key()
        if key in (Qt.Key_Return, Qt.Key_Enter):
            self.finish()
        elif key == Qt.Key_Escape:
            self.reset()
        elif key in (Qt.Key_Backspace, Qt.Key_Delete):
            self.remove_last_vertex()
        else:
            event.ignore()
            return
        event.accept()

    # --- drawing ---------------------------------------------------------------------------------------------
    def add_vertex(self, point: QgsPointXY) -> None:
        self.points.append(QgsPointXY(point))
        self._redraw()

    def remove_last_vertex(self) -> None:
        if self.points:
            self.points.pop()
        self._redraw()

    def reset(self) -> None:
        self.points = []
        self._band.reset(QgsWkbTypes.PolygonGeometry)
        self._marker.reset(QgsWkbTypes.PointGeometry)

    def finish(self) -> None:
        """Emit the polygon (in EPSG:4326) if it has three vertices or more; start afresh either way."""
        points = list(self.points)
        self.reset()
        if len(points) < 3:
            return
        geometry = QgsGeometry.fromPolygonXY([points + [points[0]]])
        crs = self.canvas().mapSettings().destinationCrs()
        if crs.isValid() and crs != WGS84:
            geometry.transform(QgsCoordinateTransform(crs, WGS84, QgsProject.instance()))
        self.polygon_drawn.emit(geometry)

    def _redraw(self, cursor: Optional[QgsPointXY] = None) -> None:
        self._band.reset(QgsWkbTypes.PolygonGeometry)
        for point in self.points + ([cursor] if cursor is not None and self.points else []):
            self._band.addPoint(point, False)
        self._band.show()
        self._band.updatePosition()
        self._band.update()

    def unload(self) -> None:
        """Take the rubber bands off the canvas (plugin unload)."""
        for band in (self._band, self._marker):
            self.canvas().scene().removeItem(band)
        self.points = []
