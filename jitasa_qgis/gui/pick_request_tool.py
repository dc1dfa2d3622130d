"""The "Assign volunteer" map tool: a click picks the nearest help request drawn under the cursor.

It only emits `request_picked(id)`; whoever listens (the assign panel) does the rest. A click with no
request within the pixel tolerance emits nothing and shows nothing. Requests are looked for on the Jitasa
request layers the canvas draws at its current scale (the detail layer when zoomed in, the critical
overview when zoomed out), so a click finds what the officer sees.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsFeatureRequest, QgsPointXY, QgsRectangle, QgsVectorLayer
from qgis.gui import QgsMapMouseEvent, QgsMapTool
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QCursor

from ..layers.store_layers import find_store_layers

REQUEST_LAYER_KEYS = ("help_request", "help_request_critical")
DEFAULT_TOLERANCE_PX = 8


class PickRequestTool(QgsMapTool):
    request_picked = pyqtSignal(int)

    def __init__(self, canvas, tolerance_px: int = DEFAULT_TOLERANCE_PX):
        super().__init__(canvas)
        self.tolerance_px = max(int(tolerance_px), 1)
        self.setCursor(QCursor(Qt.CrossCursor))

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API name
        if event.button() != Qt.LeftButton:
            return
        request_id = self.request_at(event.mapPoint())
        if request_id is not None:
            self.request_picked.emit(request_id)

    def request_at(self, map_point: QgsPointXY) -> Optional[int]:
        """The id of the request nearest to `map_point` (canvas coordinates) within the tolerance, or None."""
        canvas = self.canvas()
        tolerance = self.tolerance_px * canvas.mapUnitsPerPixel()
        search = QgsRectangle(
            map_point.x() - tolerance, map_point.y() - tolerance, map_point.x() + tolerance, map_point.y() + tolerance
        )
        best: Optional[tuple[float, int]] = None
        for layer in self._request_layers():
            request = (
                QgsFeatureRequest()
                .setFilterRect(self.toLayerCoordinates(layer, search))
                .setSubsetOfAttributes(["id"], layer.fields())
                .setLimit(200)
            )
            for feature in layer.getFeatures(request):
                if not feature.hasGeometry():
                    continue
                point = self.toMapCoordinates(layer, feature.geometry().asPoint())
                distance = point.distance(map_point)
                if distance <= tolerance and (best is None or distance < best[0]):
                    best = (distance, int(feature["id"]))
        return None if best is None else best[1]

    def _request_layers(self) -> list[QgsVectorLayer]:
        canvas = self.canvas()
        drawn = {layer.id() for layer in canvas.layers()}
        scale = canvas.scale()
        return [
            layer
            for key in REQUEST_LAYER_KEYS
            for layer in find_store_layers(key)
            if layer.id() in drawn and layer.isInScaleRange(scale)
        ]
