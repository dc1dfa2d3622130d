"""An atlas over the printed areas: a memory coverage layer (one feature per page: its code, title,
subtitle and figures text, made beforehand from one store query) drives the template's main map; the
title and subtitle labels show the page's fields; the figures label shows the page's figures fitted into its
box (printing/figures_fit.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsPrintLayout,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from .figures_fit import FiguresFit, figures_fit
from .layouts import ITEM_FIGURES, ITEM_SUBTITLE, ITEM_TITLE, main_map

FIELDS = ("code", "title", "subtitle", "figures")
ATLAS_MARGIN = 0.08  # of the page's area around it


@dataclass(frozen=True)
class AtlasPage:
    code: str
    title: str
    subtitle: str
    figures: str
    wkb: bytes  # the area's polygon in EPSG:4326


def coverage_layer(
    project: QgsProject,
    pages: Sequence[AtlasPage],
    name: str = "atlas",
    crs: Optional[QgsCoordinateReferenceSystem] = None,
) -> QgsVectorLayer:
    """A memory layer with one feature per page, in page order, added to `project` (not to its tree); in
    `crs` when given (the map's: the atlas then reprojects no page)."""
    target = crs if crs is not None and crs.isValid() else QgsCoordinateReferenceSystem("EPSG:4326")
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), target, project.transformContext())
    layer = QgsVectorLayer("MultiPolygon?crs=" + target.authid(), name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField("page", QVariant.Int)] + [QgsField(f, QVariant.String) for f in FIELDS])
    layer.updateFields()
    features = []
    for number, page in enumerate(pages, start=1):
        feature = QgsFeature(layer.fields())
        geometry = QgsGeometry()
        geometry.fromWkb(page.wkb)
        if target.authid() != "EPSG:4326":
            geometry.transform(transform)
        feature.setGeometry(geometry)
        feature.setAttributes([number, page.code, page.title, page.subtitle, page.figures])
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    project.addMapLayer(layer, False)
    return layer


def configure_atlas(layout: QgsPrintLayout, coverage: QgsVectorLayer) -> Optional[FiguresFit]:
    """The layout's atlas over `coverage` in page order; the main map follows each page's area; the title
    and subtitle labels show the page's fields, the figures label its figures fitted on every page. Returns
    the figures' FiguresFit, or None for a template without a figures label."""
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas.setHideCoverage(True)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"page"')
    atlas.setPageNameExpression('"code"')
    the_map: QgsLayoutItemMap = main_map(layout)
    the_map.setAtlasDriven(True)
    the_map.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    the_map.setAtlasMargin(ATLAS_MARGIN)
    for item_id, field in ((ITEM_TITLE, "title"), (ITEM_SUBTITLE, "subtitle")):
        label = layout.itemById(item_id)
        if label is not None:
            label.setText(f'[% "{field}" %]')
            label.setVisibility(True)
    label = layout.itemById(ITEM_FIGURES)
    if not isinstance(label, QgsLayoutItemLabel):
        return None
    # the text itself, not an expression: its size is chosen per page, and a fitted text may be shorter
    fit = figures_fit(label)
    fit.connect_atlas(atlas)
    return fit
