"""A private QgsProject holding the styled store layers a print shows, never the user's project: a print
runs the same headless, in a Processing algorithm and in a background task (its layers are made in the
worker thread that renders them), and leaves the open project alone. Layers come from
layers/store_layers.py (the same definitions, URIs and styles as the map)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsMapLayer,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ..definitions.visuals import ADMIN_OUTLINES
from ..layers.store_layers import (
    LAYER_DEFS,
    LAYER_PROPERTY,
    build_layer,
    read_road_networks,
    road_layer_metadata,
    road_layer_title,
)
from ..layers.styles import apply_style
from ..store.qgis_connections import StoreLocation
from .print_icons import raster_icons

# What a printed map shows, first on top: requests (individual when zoomed in, the 5 km grid and critical
# discs at a province's scale), facilities, volunteers, service areas, roads, boundaries.
MAP_LAYERS = (
    "help_request",
    "help_request_critical",
    "help_request_grid",
    "facility",
    "volunteer",
    "service_area",
    "road_segment",
    "admin_tambon",
    "admin_amphoe",
    "admin_province",
)
OVERVIEW_LAYERS = ("admin_amphoe", "admin_province")


@dataclass
class PrintProject:
    project: QgsProject
    layers: dict[str, QgsVectorLayer]  # by layer key
    failed: list[str]  # titles of layers that did not load

    overview: list[QgsVectorLayer] = field(default_factory=list)  # plain outlines for the inset

    def shown(self, keys=MAP_LAYERS) -> list[QgsMapLayer]:
        return [self.layers[k] for k in keys if k in self.layers]

    def snapshot(self, keys, extent_4326: QgsRectangle, crs: QgsCoordinateReferenceSystem) -> None:
        """Replace the layers of `keys` by in-memory copies of their features inside
        `extent_4326`, in `crs` (the map's: no reprojection on every page), styled alike: every page of an
        atlas then draws from one moment of the store, and its renders (map, inset, legend) read memory
        instead of asking the server again each time. The inset's outlines are copied too."""
        for key in keys:
            layer = self.layers.get(key)
            copy = _copy(layer, extent_4326, crs, self.project) if layer is not None else None
            if copy is not None:
                self.layers[key] = copy
        overview = []
        for layer in self.overview:
            copy = _copy(layer, extent_4326, crs, self.project)
            overview.append(copy if copy is not None else layer)
        self.overview = overview

    def close(self) -> None:
        self.project.clear()


def _copy(layer, extent_4326, crs, project) -> Optional[QgsVectorLayer]:
    """An in-memory copy of `layer`'s features in `extent_4326`, in `crs`, with the layer's style, title,
    attribution and metadata; None when it cannot be made (the layer is then drawn from the store)."""
    request = QgsFeatureRequest()
    request.setDestinationCrs(crs, project.transformContext())  # the filter box is then in `crs` too
    to_crs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, project.transformContext())
    request.setFilterRect(to_crs.transformBoundingBox(extent_4326))
    copy = layer.materialize(request)
    if copy is None or not copy.isValid():
        return None
    style = QDomDocument()
    layer.exportNamedStyle(style)
    copy.importNamedStyle(style)
    copy.setName(layer.name())
    copy.setAttribution(layer.attribution())
    copy.setMetadata(layer.metadata())
    copy.setCustomProperty(LAYER_PROPERTY, layer.customProperty(LAYER_PROPERTY))
    copy.dataProvider().createSpatialIndex()
    project.addMapLayer(copy, False)
    return copy


def build_print_project(
    location: StoreLocation, road_networks=None, keys=MAP_LAYERS, overview: bool = True
) -> PrintProject:
    """A new project with the styled store layers of `keys` (only those: each postgres layer costs its own
    metadata queries), the road layer titled and attributed by the store's networks, and the inset's
    outlines (`overview`; an atlas makes them from its snapshot instead)."""
    project = QgsProject()
    if road_networks is None and "road_segment" in keys:
        road_networks = read_road_networks(location)
    layers, failed = {}, []
    for layer_def in LAYER_DEFS:
        if layer_def.key not in keys:
            continue
        layer = build_layer(location, layer_def)
        if layer_def.key == "road_segment":
            layer.setName(road_layer_title(road_networks or []))
            road_layer_metadata(layer, road_networks or [])
        if not layer.isValid():
            failed.append(layer.name())
            continue
        apply_style(layer, layer_def.style_name)
        raster_icons(layer)
        project.addMapLayer(layer, False)
        layers[layer_def.key] = layer
    return PrintProject(project, layers, failed, _overview_layers(location, project) if overview else [])


def _overview_layers(location: StoreLocation, project: QgsProject) -> list[QgsVectorLayer]:
    """The inset's amphoe and province outlines from the store (see _plain_outlines)."""
    made = []
    for key in OVERVIEW_LAYERS:
        layer = build_layer(location, next(d for d in LAYER_DEFS if d.key == key))
        if layer.isValid():
            made.append(_plain_outlines(layer, key, project))
    return made


def _plain_outlines(layer: QgsVectorLayer, key: str, project: QgsProject) -> QgsVectorLayer:
    """`layer` drawn as the inset draws boundaries: plain lines, no labels, no fill. The inset is drawn again
    on every atlas page, and the map's styled boundaries with their labels cost three times as much there."""
    colour, width, _dashed = ADMIN_OUTLINES[key.replace("admin_", "")]
    layer.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"style": "no", "outline_color": colour, "outline_width": str(width * 0.6), "outline_width_unit": "MM"}
            )
        )
    )
    layer.setLabelsEnabled(False)
    project.addMapLayer(layer, False)
    return layer
