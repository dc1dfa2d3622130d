"""What the assign panel draws on the canvas: the picked request ringed in amber, the volunteers who can go as
numbered discs (their rank; the best one larger and orange), those who cannot as small grey crosses, and a
line from the chosen volunteer to the request.

Points are kept in WGS 84 and drawn in the canvas's CRS, redrawn when that changes. Nothing here reads the
store or touches the panel's widgets; `clear()` removes every item from the canvas.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.gui import QgsMapCanvasItem, QgsRubberBand
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QPen

from ..definitions import visuals

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
# Colours from definitions.visuals (orange best, blue the others, grey who cannot, amber the request).
BEST_COLOUR = QColor(visuals.CANDIDATE_BEST)
RANK_COLOUR = QColor(visuals.CANDIDATE_RANKED)
CANNOT_COLOUR = QColor(visuals.CANDIDATE_CANNOT)
CANNOT_COLOUR.setAlpha(visuals.CANDIDATE_CANNOT_ALPHA)
REQUEST_COLOUR = QColor(visuals.CANDIDATE_REQUEST)
RADIUS_PX = 10.0
BEST_RADIUS_PX = 13.0


@dataclass(frozen=True)
class MarkedCandidate:
    volunteer_id: int
    lon: float
    lat: float
    rank: Optional[int]  # None: cannot go


class _NumberedDiscs(QgsMapCanvasItem):
    """Discs with a number in them at map points (canvas CRS); the first with rank 1 drawn larger."""

    def __init__(self, canvas):
        super().__init__(canvas)
        self._discs: list[tuple[QgsPointXY, int]] = []
        self._extent = QgsRectangle()
        self.setZValue(1000)

    def set_discs(self, discs: list[tuple[QgsPointXY, int]]) -> None:
        # the best is painted last, on top
        self._discs = sorted(discs, key=lambda d: -d[1])
        if discs:
            xs = [p.x() for p, _ in discs]
            ys = [p.y() for p, _ in discs]
            self._extent = QgsRectangle(min(xs), min(ys), max(xs), max(ys))
        else:
            self._extent = QgsRectangle()
        self.updatePosition()
        self.update()

    def discs(self) -> list[tuple[QgsPointXY, int]]:
        return list(self._discs)

    def updatePosition(self) -> None:  # noqa: N802 - QGIS API name
        self.prepareGeometryChange()
        self.setRect(self._extent, False)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API name
        margin = BEST_RADIUS_PX + 3
        return super().boundingRect().adjusted(-margin, -margin, margin, margin)

    def paint(self, painter, option=None, widget=None) -> None:
        if not self._discs:
            return
        painter.setRenderHint(painter.Antialiasing, True)
        font = QFont(painter.font())
        font.setBold(True)
        origin = self.pos()
        for point, rank in self._discs:
            best = rank == 1
            radius = BEST_RADIUS_PX if best else RADIUS_PX
            font.setPointSizeF(9.0 if best else 7.5)
            painter.setFont(font)
            centre = self.toCanvasCoordinates(point) - origin
            painter.setPen(QPen(QColor(255, 255, 255), 2))
            painter.setBrush(QBrush(BEST_COLOUR if best else RANK_COLOUR))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QPen(QColor(255, 255, 255)))
            box = QRectF(centre - QPointF(radius, radius), centre + QPointF(radius, radius))
            painter.drawText(box, int(Qt.AlignCenter), str(rank))


class CandidateMarkers:
    def __init__(self, canvas):
        self.canvas = canvas
        self._request: Optional[tuple[float, float]] = None
        self._candidates: list[MarkedCandidate] = []
        self._line_from: Optional[int] = None
        self._discs: Optional[_NumberedDiscs] = None
        self._request_band: Optional[QgsRubberBand] = None
        self._cannot_band: Optional[QgsRubberBand] = None
        self._line_band: Optional[QgsRubberBand] = None
        canvas.destinationCrsChanged.connect(self._redraw)

    # --- what to show -------------------------------------------------------------------------------------

    def show(
        self,
        request_lon: float,
        request_lat: float,
        candidates: Sequence[MarkedCandidate],
        line_from: Optional[int] = None,
    ) -> None:
        """Draw a request and its candidates; the line goes from volunteer `line_from` (if among them)."""
        self._request = (float(request_lon), float(request_lat))
        self._candidates = list(candidates)
        self._line_from = line_from
        self._redraw()

    def set_line_from(self, volunteer_id: Optional[int]) -> None:
        self._line_from = volunteer_id
        self._draw_line()

    def clear(self) -> None:
        self._request = None
        self._candidates = []
        self._line_from = None
        self._remove_items()

    def unload(self) -> None:
        self.clear()
        try:
            self.canvas.destinationCrsChanged.disconnect(self._redraw)
        except (TypeError, RuntimeError):
            pass

    # --- for tests and the panel --------------------------------------------------------------------------

    @property
    def shown(self) -> bool:
        return self._request is not None

    def ranked_ids(self) -> list[int]:
        """Volunteers drawn as numbered discs, by rank."""
        return (
            [c.volunteer_id for c in sorted((c for c in self._candidates if c.rank is not None), key=lambda c: c.rank)]
            if self.shown
            else []
        )

    def line_from(self) -> Optional[int]:
        return self._line_from if self.shown and self._line_band is not None else None

    def extent(self, best: int = 5) -> Optional[QgsRectangle]:
        """A view centred on the request that holds its `best` ranked candidates (canvas coordinates);
        None when nothing is shown. With no candidate, an empty rectangle at the request."""
        if self._request is None:
            return None
        centre = self._to_map(*self._request)
        if centre is None:
            return None
        ranked = sorted((c for c in self._candidates if c.rank is not None), key=lambda c: c.rank)[: max(best, 1)]
        points = [p for p in (self._to_map(c.lon, c.lat) for c in ranked) if p is not None]
        half = max((max(abs(p.x() - centre.x()), abs(p.y() - centre.y())) for p in points), default=0.0)
        return QgsRectangle(centre.x() - half, centre.y() - half, centre.x() + half, centre.y() + half)

    # --- drawing ------------------------------------------------------------------------------------------

    def _redraw(self, *_args) -> None:
        self._remove_items()
        if self._request is None:
            return
        canvas = self.canvas
        request_point = self._to_map(*self._request)

        self._cannot_band = QgsRubberBand(canvas, QgsWkbTypes.PointGeometry)
        self._cannot_band.setIcon(QgsRubberBand.ICON_X)
        self._cannot_band.setIconSize(7)
        self._cannot_band.setColor(CANNOT_COLOUR)
        self._cannot_band.setWidth(2)
        for c in self._candidates:
            point = self._to_map(c.lon, c.lat) if c.rank is None else None
            if point is not None:
                self._cannot_band.addPoint(point, False)
        self._cannot_band.updatePosition()
        self._cannot_band.update()

        self._draw_line()

        if request_point is not None:
            self._request_band = QgsRubberBand(canvas, QgsWkbTypes.PointGeometry)
            self._request_band.setIcon(QgsRubberBand.ICON_CIRCLE)
            self._request_band.setIconSize(34)
            self._request_band.setColor(REQUEST_COLOUR)
            self._request_band.setFillColor(
                QColor(REQUEST_COLOUR.red(), REQUEST_COLOUR.green(), REQUEST_COLOUR.blue(), 50)
            )
            self._request_band.setWidth(3)
            self._request_band.addPoint(request_point)

        self._discs = _NumberedDiscs(canvas)
        discs = []
        for c in self._candidates:
            point = self._to_map(c.lon, c.lat) if c.rank is not None else None
            if point is not None:
                discs.append((point, c.rank))
        self._discs.set_discs(discs)

    def _draw_line(self) -> None:
        if self._line_band is not None:
            self._remove(self._line_band)
            self._line_band = None
        if self._request is None or self._line_from is None:
            return
        chosen = next((c for c in self._candidates if c.volunteer_id == self._line_from), None)
        if chosen is None:
            return
        start, end = self._to_map(chosen.lon, chosen.lat), self._to_map(*self._request)
        if start is None or end is None:
            return
        self._line_band = QgsRubberBand(self.canvas, QgsWkbTypes.LineGeometry)
        self._line_band.setColor(BEST_COLOUR)
        self._line_band.setWidth(4)
        self._line_band.setLineStyle(Qt.DashLine)
        self._line_band.setToGeometry(QgsGeometry.fromPolylineXY([start, end]), None)
        self._line_band.setZValue(900)

    def _to_map(self, lon: float, lat: float) -> Optional[QgsPointXY]:
        transform = QgsCoordinateTransform(WGS84, self.canvas.mapSettings().destinationCrs(), QgsProject.instance())
        try:
            return transform.transform(QgsPointXY(lon, lat))
        except QgsCsException:
            return None

    def _remove_items(self) -> None:
        for name in ("_discs", "_request_band", "_cannot_band", "_line_band"):
            item = getattr(self, name)
            if item is not None:
                self._remove(item)
                setattr(self, name, None)

    def _remove(self, item) -> None:
        """Off the canvas, and deleted: the canvas owns its items, so removing alone would leak them."""
        if sip.isdeleted(item):
            return
        scene = item.scene()
        if scene is not None:
            scene.removeItem(item)
        sip.delete(item)
