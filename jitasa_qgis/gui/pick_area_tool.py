"""The "Edit service area" map tool: a click picks the service area under the cursor.

It only emits `area_picked(id)`; the plugin reads the area with its version and opens the form. Where areas
overlap (a drive-time band inside a catchment, a drawn area inside another), the smallest one under the
click is picked: it is the one the user can see to click. Only the service-area layers the canvas draws are
looked at, so a click finds what the user sees.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsRectangle, QgsVectorLayer
from qgis.gui import QgsMapMouseEvent, QgsMapTool
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QCursor

from ..layers.store_layers import find_store_layers

AREA_LAYER_KEY = "service_area"
DEFAULT_TOLERANCE_PX = 3


class PickAreaTool(QgsMapTool):
    area_picked = pyqtSignal(int)

    def __init__(self, canvas, tolerance_px: int = DEFAULT_TOLERANCE_PX):
        super().__init__(canvas)
        self.tolerance_px = max(int(tolerance_px), 1)
        self.setCursor(QCursor(Qt.PointingHandCursor))

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API name
        if event.button() != Qt.LeftButton:
            return
        area_id = self.area_at(event.mapPoint())
        if area_id is not None:
            self.area_picked.emit(area_id)

    def area_at(self, map_point: QgsPointXY) -> Optional[int]:
        """The id of the smallest service area under `map_point` (canvas coordinates, a few pixels' slack
        so a click on an edge counts), or None."""
        canvas = self.canvas()
        tolerance = self.tolerance_px * canvas.mapUnitsPerPixel()
        search = QgsRectangle(
            map_point.x() - tolerance, map_point.y() - tolerance, map_point.x() + tolerance, map_point.y() + tolerance
        )
        best: Optional[tuple[float, int]] = None
        for layer in self._area_layers():
            layer_search = self.toLayerCoordinates(layer, search)
            probe = QgsGeometry.fromRect(layer_search)
            request = QgsFeatureRequest().setFilterRect(layer_search).setSubsetOfAttributes(["id"], layer.fields())
            for feature in layer.getFeatures(request):
                geometry = feature.geometry()
                if geometry.isNull() or not geometry.intersects(probe):
                    continue
                size = geometry.area()
                if best is None or size < best[0]:
                    best = (size, int(feature["id"]))
        return None if best is None else best[1]

    def _area_layers(self) -> list[QgsVectorLayer]:
        canvas = self.canvas()
        drawn = {layer.id() for layer in canvas.layers()}
        scale = canvas.scale()
        return [
            layer for layer in find_store_layers(AREA_LAYER_KEY) if layer.id() in drawn and layer.isInScaleRange(scale)
        ]
