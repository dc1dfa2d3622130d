"""Jitasa layers from the store through QGIS's postgres provider, in one layer group.

Every layer uses the StoreLocation's layer URI (authcfg or service, never a password) and an int4 key.
The group's title is translated ("จิตอาสา" in Thai), so code finds the group by its custom property
(`find_store_group`), never by its title. The road layer is titled by the store's networks (the demo's:
"Roads — major roads only (OpenStreetMap)") and carries their attribution (ODbL for OpenStreetMap roads) in
its metadata, so it travels with the layer into layouts and exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional, Sequence

import psycopg2
from qgis.core import QgsLayerMetadata, QgsLayerTreeGroup, QgsProject, QgsVectorLayer, QgsWkbTypes

from ..definitions.i18n import translate
from ..definitions.roads import DEMO_ROAD_NETWORK
from ..store.migrations import check_schema_current
from ..store.qgis_connections import StoreLocation

if TYPE_CHECKING:  # store.roads brings numpy and shapely: imported where the networks are read
    from ..store.roads import NetworkInfo

CTX = "StoreLayers"
GROUP_NAME = "Jitasa"  # the untranslated title, which groups made before GROUP_PROPERTY existed carry
GROUP_PROPERTY = "jitasa/group"  # set on the group of store layers, whatever its (translated) title
LAYER_PROPERTY = "jitasa/layer"


# Scale tiers (denominators). Individual requests with full symbols are drawn when zoomed in past
# DETAIL_SCALE; between it and OVERVIEW_SCALE (a province) a 0.05° count grid plus plain discs for open
# critical requests; beyond OVERVIEW_SCALE (the country) a 0.25° grid. Measured: 25,000 points cost
# ~0.6 s to paint even with the plainest marker, a few thousand cells ~0.05 s (bench/live_layers.py).
DETAIL_SCALE = 150_000
OVERVIEW_SCALE = 2_500_000


@dataclass(frozen=True)
class LayerDef:
    key: str  # stable id
    table: str  # a table or a view in schema jitasa (views hide personal data)
    geometry: str | None
    sql: str = ""
    visible_beyond: int = 0  # 0: always; else the layer shows only at scales larger than 1:N
    hidden_before: int = 0  # 0: always; else the layer shows only when zoomed out past 1:N
    tables: tuple[str, ...] = ()  # store tables whose changes reload this layer
    style: str = ""  # the .qml name; defaults to key

    @property
    def style_name(self) -> str:
        return self.style or self.key


# is_open: the stored column the open-request indexes are partial on (status IN new, assigned, in_progress;
# 0020: a status change between open statuses then stays a HOT update)
OPEN = '"is_open"'

# Drawing order: first in the list is drawn on top.
LAYER_DEFS = (
    LayerDef("help_request", "help_request_map", "geom", OPEN, visible_beyond=DETAIL_SCALE, tables=("help_request",)),
    LayerDef(
        "help_request_critical",
        "help_request_map",
        "geom",
        OPEN + " AND \"urgency\" = 'critical'",
        visible_beyond=OVERVIEW_SCALE,
        hidden_before=DETAIL_SCALE,
        tables=("help_request",),
    ),
    LayerDef(
        "help_request_grid",
        "request_grid",
        "geom",
        '"n" > 0 AND "size_deg" < 0.25',
        visible_beyond=OVERVIEW_SCALE,
        hidden_before=DETAIL_SCALE,
        tables=("help_request",),
        style="help_request_aggregate",
    ),
    LayerDef(
        "help_request_aggregate",
        "request_grid",
        "geom",
        '"n" > 0 AND "size_deg" >= 0.25',
        hidden_before=OVERVIEW_SCALE,
        tables=("help_request",),
    ),
    # lines up to a province view; beyond it tens of thousands of lines would cost more than they show
    LayerDef(
        "assignment",
        "assignment_line",
        "geom",
        visible_beyond=OVERVIEW_SCALE,
        tables=("assignment", "help_request", "volunteer"),
    ),
    LayerDef("volunteer", "volunteer_map", "geom", tables=("volunteer",)),
    LayerDef("facility", "facility", "geom", tables=("facility",)),
    # every imported network's segments (islands too, drawn pale), under the points; the style's rules
    # keep to the tiers: major roads at every scale, smaller ones only zoomed in (definitions.visuals)
    LayerDef("road_segment", "road_segment", "geom", '"network_id" IS NOT NULL'),
    LayerDef("service_area", "service_area", "geom", tables=("service_area",)),
    LayerDef("admin_tambon", "admin_area", "geom", "\"level\" = 'tambon'", tables=("admin_area",)),
    LayerDef("admin_amphoe", "admin_area", "geom", "\"level\" = 'amphoe'", tables=("admin_area",)),
    LayerDef("admin_province", "admin_area", "geom", "\"level\" = 'province'", tables=("admin_area",)),
)


def layer_keys_for_table(table: str) -> list[str]:
    return [d.key for d in LAYER_DEFS if table in d.tables]


def layer_title(key: str) -> str:
    titles = {
        "help_request": translate("StoreLayers", "Help requests (open)"),
        "help_request_critical": translate("StoreLayers", "Critical requests (overview)"),
        "help_request_grid": translate("StoreLayers", "Open requests per 5 km cell"),
        "help_request_aggregate": translate("StoreLayers", "Open requests per 25 km cell"),
        "volunteer": translate("StoreLayers", "Volunteers"),
        "facility": translate("StoreLayers", "Facilities"),
        "service_area": translate("StoreLayers", "Service areas"),
        "road_segment": translate("StoreLayers", "Roads"),
        "assignment": translate("StoreLayers", "Assignments"),
        "admin_tambon": translate("StoreLayers", "Tambon"),
        "admin_amphoe": translate("StoreLayers", "Amphoe"),
        "admin_province": translate("StoreLayers", "Province"),
    }
    return titles[key]


def road_layer_title(road_networks: Sequence[NetworkInfo]) -> str:
    """The road layer's title: the demo network's says it holds major roads only; others give their names."""
    names = [n.name for n in road_networks]
    if names == [DEMO_ROAD_NETWORK]:
        return translate("StoreLayers", "Roads — major roads only (OpenStreetMap)")
    if not names:
        return layer_title("road_segment")
    return translate("StoreLayers", "Roads — {0}").format(", ".join(names))


def road_layer_metadata(layer: QgsVectorLayer, road_networks: Sequence[NetworkInfo]) -> None:
    """Title, abstract and the networks' attribution (rights and the layer's attribution) on the layer."""
    attributions = list(dict.fromkeys(n.attribution for n in road_networks if n.attribution))
    metadata = QgsLayerMetadata(layer.metadata())
    metadata.setTitle(layer.name())
    parts = [
        translate("StoreLayers", "{0}: version {1}, {2} segments, {3:.0f} km.").format(
            n.name, n.version, n.segment_count, n.length_km
        )
        for n in road_networks
    ]
    if any(n.name == DEMO_ROAD_NETWORK for n in road_networks):
        parts.append(
            translate(
                "StoreLayers",
                "The demo network holds major roads only (trunk and primary roads of OpenStreetMap, simplified): "
                "no secondary or local roads, so drive times on it are major roads plus an off-road leg.",
            )
        )
    metadata.setAbstract("\n".join(parts))
    metadata.setRights(attributions)
    layer.setMetadata(metadata)
    layer.setAttribution("; ".join(attributions))


def read_road_networks(location: StoreLocation) -> list[NetworkInfo]:
    """The store's road networks; none when they cannot be read (the layer then keeps its plain title)."""
    from ..store.roads import networks

    try:
        conn = location.spec.connect()
    except psycopg2.Error:
        return []
    try:
        return networks(conn)
    except psycopg2.Error:
        return []
    finally:
        conn.close()


def group_title() -> str:
    return translate("StoreLayers", "Jitasa")


def find_store_group(project: QgsProject | None = None) -> Optional[QgsLayerTreeGroup]:
    """The layer-tree group of store layers (at any depth; a user may have moved it), or None.

    Found by its custom property; a group from an older project without the property counts when it is
    titled "Jitasa" and holds store layers.
    """
    root = (project or QgsProject.instance()).layerTreeRoot()
    groups = root.findGroups(True)
    marked = next((g for g in groups if g.customProperty(GROUP_PROPERTY)), None)
    if marked is not None:
        return marked
    return next(
        (
            g
            for g in groups
            if g.name() == GROUP_NAME
            and any(node.layer() is not None and node.layer().customProperty(LAYER_PROPERTY) for node in g.findLayers())
        ),
        None,
    )


def build_layer(location: StoreLocation, layer_def: LayerDef) -> QgsVectorLayer:
    uri = location.table_uri(layer_def.table, layer_def.geometry, "id", layer_def.sql)
    uri.setParam("checkPrimaryKeyUnicity", "0")  # views: ids are the tables' keys; skip a full scan
    uri.setSrid("4326")
    uri.setWkbType(_WKB_TYPES.get(layer_def.key, QgsWkbTypes.Point))
    layer = QgsVectorLayer(uri.uri(False), layer_title(layer_def.key), "postgres")
    layer.setCustomProperty(LAYER_PROPERTY, layer_def.key)
    if layer_def.visible_beyond or layer_def.hidden_before:
        layer.setScaleBasedVisibility(True)
        layer.setMinimumScale(layer_def.visible_beyond or 1e12)  # most zoomed-out scale still drawn
        layer.setMaximumScale(layer_def.hidden_before or 0)  # most zoomed-in scale still drawn
    return layer


def find_store_layers(key: str, project: QgsProject | None = None) -> list[QgsVectorLayer]:
    """The project's layers built from the store for `key` (a user may have duplicated one)."""
    project = project or QgsProject.instance()
    return [layer for layer in project.mapLayers().values() if layer.customProperty(LAYER_PROPERTY) == key]


_WKB_TYPES = {
    "help_request_grid": QgsWkbTypes.Polygon,
    "help_request_aggregate": QgsWkbTypes.Polygon,
    "assignment": QgsWkbTypes.LineString,
    "road_segment": QgsWkbTypes.LineString,
    "service_area": QgsWkbTypes.MultiPolygon,
    "admin_tambon": QgsWkbTypes.MultiPolygon,
    "admin_amphoe": QgsWkbTypes.MultiPolygon,
    "admin_province": QgsWkbTypes.MultiPolygon,
}


def add_store_layers(
    location: StoreLocation,
    project: QgsProject | None = None,
    style: Callable[[QgsVectorLayer, str], None] | None = None,
    road_networks: Sequence[NetworkInfo] | None = None,
) -> tuple[dict[str, QgsVectorLayer], list[str]]:
    """Add (or replace) the Jitasa group in the project. `style(layer, key)` styles each layer if given;
    `road_networks` title the road layer (None: read from the store).

    Returns the layers by key and the titles of layers that failed to load (they are not added).
    """
    project = project or QgsProject.instance()
    if road_networks is None:
        road_networks = read_road_networks(location)
    parent, index = project.layerTreeRoot(), 0
    old = find_store_group(project)
    if old is not None:
        # the new group takes the old one's place
        parent = old.parent() or parent
        index = parent.children().index(old) if old in parent.children() else 0
        project.removeMapLayers([node.layerId() for node in old.findLayers()])
        parent.removeChildNode(old)
    group: QgsLayerTreeGroup = parent.insertGroup(index, group_title())
    group.setCustomProperty(GROUP_PROPERTY, True)
    layers, failed = {}, []
    for layer_def in LAYER_DEFS:
        layer = build_layer(location, layer_def)
        if layer_def.key == "road_segment":
            layer.setName(road_layer_title(road_networks))
            road_layer_metadata(layer, road_networks)
        if not layer.isValid():
            failed.append(layer.name())
            continue
        if style is not None:
            style(layer, layer_def.style_name)
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        layers[layer_def.key] = layer
    return layers, failed


def load_jitasa_layers(
    location: StoreLocation,
    project: QgsProject | None = None,
) -> tuple[dict[str, QgsVectorLayer], list[str]]:
    """Check the store's schema, then add the styled Jitasa group. Raises StoreError with a clear message."""
    from ..store.roads import networks
    from .styles import apply_style

    conn = location.spec.connect()
    try:
        check_schema_current(conn)
        road_networks = networks(conn)
    finally:
        conn.close()
    return add_store_layers(location, project, style=apply_style, road_networks=road_networks)
