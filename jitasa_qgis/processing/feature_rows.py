"""A Processing feature source (any layer QGIS can open) as a core Table: values as text, WKB in EPSG:4326.

The import services take a Table, so a layer chosen in the toolbox and a file read by core.tabular reach
them the same way.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProcessingFeedback,
    QgsProject,
    QgsWkbTypes,
)

from ..core.tabular import Table, cell_text


def _text(value) -> Optional[str]:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toString") and not isinstance(value, str):  # QDate, QDateTime
        value = value.toString(1)  # Qt.ISODate
    return cell_text(value)


def table_of_source(source, name: str, feedback: Optional[QgsProcessingFeedback] = None) -> Table:
    fields = [f.name() for f in source.fields()]
    has_geometry = QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.NullGeometry
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    request = QgsFeatureRequest()
    if has_geometry and source.sourceCrs().isValid() and source.sourceCrs() != wgs84:
        request.setDestinationCrs(wgs84, QgsProject.instance().transformContext())
    rows, geometries, numbers = [], [], []
    total = max(source.featureCount(), 1)
    for n, feature in enumerate(source.getFeatures(request), start=1):
        if feedback is not None and feedback.isCanceled():
            break
        attrs = feature.attributes()
        rows.append({h: _text(attrs[i]) for i, h in enumerate(fields)})
        numbers.append(n)
        if has_geometry:
            geom = feature.geometry()
            if geom is None or geom.isEmpty():
                geometries.append(None)
            else:
                geom.get().dropZValue()
                geom.get().dropMValue()
                geometries.append(bytes(geom.asWkb()))
        if feedback is not None and n % 1000 == 0:
            feedback.setProgress(5.0 * n / total)
    return Table(name, fields, rows, geometries if has_geometry else None, numbers)
