"""A print's point icons as images made once, instead of SVG drawn again for every feature.

A layout map always renders as vector output, so QGIS draws each SVG marker by replaying the icon's
vector picture: in an atlas of the demo that is ~10,000 icon drawings, each written into the PDF as its
own paths (0.65 s and 1.3 MB of the 117-page tambon atlas for the requests alone). A raster marker instead
draws one image, which Qt's PDF engine embeds once per icon and size and then only references. The image
is rendered here from the same SVG with the symbol's colours, large enough to be sharp at PRINT_DPI;
side by side at 400 dpi the two cannot be told apart.

Only markers whose picture does not vary per feature are replaced (a data-defined size is fine: the raster
marker takes the same size property); an SVG with a data-defined file, fill or stroke, or with an outline
(whose width is relative to the drawn size), stays as it is.
"""

from __future__ import annotations

import base64
import math

from qgis.core import (
    QgsApplication,
    QgsRasterMarkerSymbolLayer,
    QgsRenderContext,
    QgsSvgMarkerSymbolLayer,
    QgsSymbolLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice
from qgis.PyQt.QtGui import QColor

from ..definitions.visuals import PRINT_DPI

# the icon's pixels are fixed once: enough for a marker of ICON_MAX_MM at PRINT_DPI (the largest a
# style draws, a critical request's icon, is 4.9 mm)
ICON_MAX_MM = 10.0
_PER_FEATURE = (
    QgsSymbolLayer.PropertyName,
    QgsSymbolLayer.PropertyFillColor,
    QgsSymbolLayer.PropertyStrokeColor,
    QgsSymbolLayer.PropertyStrokeWidth,
)


def raster_icons(layer: QgsVectorLayer) -> int:
    """Replace the SVG markers of `layer`'s renderer (the layer is a print's own) by raster markers of
    the same icon; the number replaced."""
    renderer = layer.renderer() if isinstance(layer, QgsVectorLayer) else None
    if renderer is None:
        return 0
    replaced = 0
    images: dict[tuple, str] = {}
    for symbol in renderer.symbols(QgsRenderContext()):  # the renderer's own symbols, not copies
        for index in range(symbol.symbolLayerCount()):
            svg = symbol.symbolLayer(index)
            if not isinstance(svg, QgsSvgMarkerSymbolLayer) or svg.strokeWidth() > 0 or _varies(svg):
                continue
            key = (svg.path(), svg.fillColor().name(QColor.HexArgb), svg.strokeColor().name(QColor.HexArgb))
            if key not in images:
                images[key] = _icon_image(svg)
            if images[key]:
                symbol.changeSymbolLayer(index, _raster_like(svg, images[key]))
                replaced += 1
    return replaced


def _varies(svg: QgsSvgMarkerSymbolLayer) -> bool:
    properties = svg.dataDefinedProperties()
    return any(properties.isActive(key) for key in _PER_FEATURE)


def _icon_image(svg: QgsSvgMarkerSymbolLayer) -> str:
    """The icon as a PNG image path ("base64:…", which QGIS's image cache reads); '' when QGIS cannot
    render the SVG (the marker then stays an SVG)."""
    pixels = int(math.ceil(ICON_MAX_MM / 25.4 * PRINT_DPI))
    image, _fits = QgsApplication.svgCache().svgAsImage(svg.path(), pixels, svg.fillColor(), svg.strokeColor(), 0, 1, 0)
    if image.isNull() or image.width() <= 1:
        return ""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return "base64:" + base64.b64encode(bytes(data)).decode("ascii")


def _raster_like(svg: QgsSvgMarkerSymbolLayer, image_path: str) -> QgsRasterMarkerSymbolLayer:
    raster = QgsRasterMarkerSymbolLayer(image_path, svg.size(), svg.angle(), svg.scaleMethod())
    raster.setSizeUnit(svg.sizeUnit())
    raster.setSizeMapUnitScale(svg.sizeMapUnitScale())
    raster.setOffset(svg.offset())
    raster.setOffsetUnit(svg.offsetUnit())
    raster.setOffsetMapUnitScale(svg.offsetMapUnitScale())
    raster.setHorizontalAnchorPoint(svg.horizontalAnchorPoint())
    raster.setVerticalAnchorPoint(svg.verticalAnchorPoint())
    raster.setPreservedAspectRatio(True)
    raster.setDataDefinedProperties(svg.dataDefinedProperties())
    raster.setEnabled(svg.enabled())
    return raster
