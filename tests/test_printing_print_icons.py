"""printing/print_icons.py: a print's SVG point icons become raster markers of the same picture."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import (
    QgsGeometry,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProperty,
    QgsRasterMarkerSymbolLayer,
    QgsRectangle,
    QgsRenderContext,
    QgsSvgMarkerSymbolLayer,
    QgsSymbolLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter
from test_layers_styles import feature, memory_layer, styled

from jitasa_qgis.definitions.paths import ICONS_DIR
from jitasa_qgis.definitions.visuals import PRINT_DPI
from jitasa_qgis.printing.print_icons import raster_icons


def _layers_of(layer, kind):
    return [
        sl
        for symbol in layer.renderer().symbols(QgsRenderContext())
        for sl in symbol.symbolLayers()
        if isinstance(sl, kind)
    ]


def _render(layer, dpi=PRINT_DPI) -> np.ndarray:
    """The layer around (100.0, 15.0) as a print draws it (vector output), 12 mm square, as RGB rows."""
    pixels = int(round(12 / 25.4 * dpi))
    image = QImage(QSize(pixels, pixels), QImage.Format_ARGB32)
    image.fill(QColor("white"))
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(image.size())
    settings.setOutputDpi(dpi)
    settings.setExtent(QgsRectangle(99.999, 14.999, 100.001, 15.001))
    settings.setFlag(QgsMapSettings.ForceVectorOutput, True)
    settings.setFlag(QgsMapSettings.DrawLabeling, False)
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()
    bits = image.constBits()
    bits.setsize(image.sizeInBytes())
    rows = np.frombuffer(bits, dtype=np.uint8).reshape(pixels, image.bytesPerLine() // 4, 4)
    return rows[:, :pixels, 2::-1].copy()  # BGRA in memory


def _one_request(layer, **values):
    f = feature(layer, **values)
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(100.0, 15.0)))
    assert layer.dataProvider().addFeature(f)
    layer.updateExtents()
    return layer


@pytest.mark.parametrize("name", ["help_request", "volunteer", "facility"])
def test_every_svg_icon_of_a_point_style_becomes_a_raster_marker_with_the_same_size_property(qgis_app, name):
    """(The facilities' stale-capacity badge has an outline, whose width is relative to the drawn size:
    it stays an SVG.)"""
    layer = styled(name)
    every_svg = _layers_of(layer, QgsSvgMarkerSymbolLayer)
    svgs = [sl for sl in every_svg if sl.strokeWidth() == 0]
    outlined = [sl.path() for sl in every_svg if sl.strokeWidth() > 0]
    assert svgs, f"the {name} style has SVG icons"
    sizes = [
        (sl.size(), sl.dataDefinedProperties().property(QgsSymbolLayer.PropertySize).expressionString()) for sl in svgs
    ]
    assert raster_icons(layer) == len(svgs)
    assert [sl.path() for sl in _layers_of(layer, QgsSvgMarkerSymbolLayer)] == outlined
    rasters = _layers_of(layer, QgsRasterMarkerSymbolLayer)
    assert len(rasters) == len(svgs)
    assert all(r.path().startswith("base64:") for r in rasters)
    assert [
        (r.size(), r.dataDefinedProperties().property(QgsSymbolLayer.PropertySize).expressionString()) for r in rasters
    ] == sizes


def test_a_printed_request_looks_as_its_svg_style_draws_it(qgis_app):
    """Drawn at print resolution, the raster icon's pixels are the SVG icon's (antialiased edges aside),
    and the white icon shows on the request's disc."""
    values = dict(id=1, category="patient_transport", urgency="critical", status="new")
    svg = _one_request(styled("help_request"), **values)
    raster = _one_request(styled("help_request"), **values)
    raster_icons(raster)
    a, b = _render(svg).astype(int), _render(raster).astype(int)
    disc = (np.abs(a - [211, 47, 47]).sum(axis=2) < 40).sum()
    icon = (a.min(axis=2) > 235) & (np.abs(a - 255).sum(axis=2) < 30)
    assert disc > 500 and icon.sum() > 50  # the test draws something: a red disc with white in it
    differs = np.abs(a - b).max(axis=2) > 64
    assert differs.sum() < 0.02 * differs.size, differs.sum()
    assert (b[icon].min(axis=1) > 200).mean() > 0.95  # the icon's white is where the SVG's is


def test_an_icon_whose_fill_varies_per_feature_stays_an_svg(qgis_app):
    layer = memory_layer("volunteer")
    from qgis.core import QgsMarkerSymbol, QgsSingleSymbolRenderer

    svg = QgsSvgMarkerSymbolLayer(str(ICONS_DIR / "volunteer_student.svg"), 4.0)
    svg.setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor, QgsProperty.fromExpression("'#ff0000'"))
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, svg)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    assert raster_icons(layer) == 0
    assert _layers_of(layer, QgsSvgMarkerSymbolLayer)
