"""A private QgsProject holding the styled store layers a print shows, never the user's project: a print
runs the same headless, in a Processing algorithm and in a background task, and leaves the open project
alone. Layers come from layers/store_layers.py (the same definitions, URIs and styles as the map)."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsMapLayer, QgsProject, QgsVectorLayer

from ..layers.store_layers import add_store_layers
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

    def shown(self, keys=MAP_LAYERS) -> list[QgsMapLayer]:
        return [self.layers[k] for k in keys if k in self.layers]

    def close(self) -> None:
        self.project.clear()


def build_print_project(location: StoreLocation, road_networks=None) -> PrintProject:
    """A new project with the styled store layers (all of LAYER_DEFS; a print picks those it shows)."""
    project = QgsProject()
    layers, failed = add_store_layers(location, project, style=apply_style, road_networks=road_networks)
    return PrintProject(project, layers, failed)
