"""A private QgsProject holding the styled store layers a print shows, never the user's project: a print
runs the same headless, in a Processing algorithm and in a background task, and leaves the open project
alone. Layers come from layers/store_layers.py (the same definitions, URIs and styles as the map)."""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsFillSymbol, QgsMapLayer, QgsProject, QgsSingleSymbolRenderer, QgsVectorLayer

from ..definitions.visuals import ADMIN_OUTLINES
from ..layers.store_layers import LAYER_DEFS, add_store_layers, build_layer
from ..layers.styles import apply_style
from ..store.qgis_connections import StoreLocation

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

    def close(self) -> None:
        self.project.clear()


def build_print_project(location: StoreLocation, road_networks=None) -> PrintProject:
    """A new project with the styled store layers (all of LAYER_DEFS; a print picks those it shows)."""
    project = QgsProject()
    layers, failed = add_store_layers(location, project, style=apply_style, road_networks=road_networks)
    return PrintProject(project, layers, failed, _overview_layers(location, project))


def _overview_layers(location: StoreLocation, project: QgsProject) -> list[QgsVectorLayer]:
    """The inset's amphoe and province outlines: plain lines, no labels, no fill. The inset is drawn again on
    every atlas page, and the map's styled boundaries with their labels cost three times as much there."""
    made = []
    for key in OVERVIEW_LAYERS:
        layer_def = next(d for d in LAYER_DEFS if d.key == key)
        layer = build_layer(location, layer_def)
        if not layer.isValid():
            continue
        colour, width, _dashed = ADMIN_OUTLINES[key.replace("admin_", "")]
        layer.setRenderer(
            QgsSingleSymbolRenderer(
                QgsFillSymbol.createSimple(
                    {
                        "style": "no",
                        "outline_color": colour,
                        "outline_width": str(width * 0.6),
                        "outline_width_unit": "MM",
                    }
                )
            )
        )
        layer.setLabelsEnabled(False)
        project.addMapLayer(layer, False)
        made.append(layer)
    return made
