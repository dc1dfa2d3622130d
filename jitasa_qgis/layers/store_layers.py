"""Jitasa layers from the store through QGIS's postgres provider, in one layer group.

Every layer uses the StoreLocation's layer URI (authcfg or service, never a password) and an int4 key.
"""
from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer

from ..definitions.i18n import translate
from ..store.qgis_connections import StoreLocation

CTX = "StoreLayers"
GROUP_NAME = "Jitasa"


@dataclass(frozen=True)
class LayerDef:
    key: str  # stable id, also the style name
    table: str
    geometry: str | None
    sql: str = ""


# Drawing order: first in the list is drawn on top.
LAYER_DEFS = (
    LayerDef("help_request", "help_request", "geom"),
    LayerDef("volunteer", "volunteer", "geom"),
    LayerDef("facility", "facility", "geom"),
    LayerDef("service_area", "service_area", "geom"),
    LayerDef("admin_tambon", "admin_area", "geom", "\"level\" = 'tambon'"),
    LayerDef("admin_amphoe", "admin_area", "geom", "\"level\" = 'amphoe'"),
    LayerDef("admin_province", "admin_area", "geom", "\"level\" = 'province'"),
)


def layer_title(key: str) -> str:
    titles = {
        "help_request": translate("StoreLayers", "Help requests"),
        "volunteer": translate("StoreLayers", "Volunteers"),
        "facility": translate("StoreLayers", "Facilities"),
        "service_area": translate("StoreLayers", "Service areas"),
        "assignment": translate("StoreLayers", "Assignments"),
        "admin_tambon": translate("StoreLayers", "Tambon"),
        "admin_amphoe": translate("StoreLayers", "Amphoe"),
        "admin_province": translate("StoreLayers", "Province"),
    }
    return titles[key]


def build_layer(location: StoreLocation, layer_def: LayerDef) -> QgsVectorLayer:
    uri = location.table_uri(layer_def.table, layer_def.geometry, "id", layer_def.sql)
    layer = QgsVectorLayer(uri.uri(False), layer_title(layer_def.key), "postgres")
    layer.setCustomProperty("jitasa/layer", layer_def.key)
    return layer


def add_store_layers(location: StoreLocation, project: QgsProject | None = None,
                     style=None) -> dict[str, QgsVectorLayer]:
    """Add (or replace) the Jitasa group in the project. `style(layer, key)` styles each layer if given.

    Returns the layers by key; a layer that failed to load is not added and is reported by the caller.
    """
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    old = root.findGroup(GROUP_NAME)
    if old is not None:
        project.removeMapLayers([layer.layerId() for layer in old.findLayers()])
        root.removeChildNode(old)
    group: QgsLayerTreeGroup = root.insertGroup(0, GROUP_NAME)
    layers = {}
    for layer_def in LAYER_DEFS:
        layer = build_layer(location, layer_def)
        if not layer.isValid():
            continue
        if style is not None:
            style(layer, layer_def.key)
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        layers[layer_def.key] = layer
    return layers
