"""jitasa:loadlayers — add the styled Jitasa layer group from a store to the project."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProject,
)

from ..definitions.i18n import translate
from ..layers.store_layers import load_jitasa_layers
from ..store.errors import StoreError
from .base import JitasaAlgorithm


class LoadLayersAlgorithm(JitasaAlgorithm):
    def name(self) -> str:
        return "loadlayers"

    def displayName(self) -> str:
        return translate("LoadLayersAlgorithm", "Load Jitasa layers")

    def group(self) -> str:
        return translate("LoadLayersAlgorithm", "Map")

    def groupId(self) -> str:
        return "map"

    def shortHelpString(self) -> str:
        return translate(
            "LoadLayersAlgorithm",
            "Adds the Jitasa layer group (open help requests, a count grid for zoomed-out views, "
            "assignments, volunteers, facilities, service areas, tambon, amphoe and province) "
            "from the store, styled, through the same connection. No password is written to "
            "the project.",
        )

    def flags(self):
        # Touches the project, so it runs on the main thread.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addOutput(QgsProcessingOutputMultipleLayers("LAYERS", translate("LoadLayersAlgorithm", "Layers")))
        self.addOutput(QgsProcessingOutputNumber("FAILED", translate("LoadLayersAlgorithm", "Layers that failed")))

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        project = context.project() or QgsProject.instance()
        try:
            layers, failed = load_jitasa_layers(location, project)
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from None
        for title in failed:
            feedback.reportError(translate("LoadLayersAlgorithm", "Layer failed to load: {0}").format(title))
        return {"LAYERS": [layer.id() for layer in layers.values()], "FAILED": len(failed)}
