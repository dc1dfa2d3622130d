"""jitasa:printatlas — one PDF page per amphoe, tambon or service area of a scope, with an overview inset
and the page's figures (services/print_map.py does the work)."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterString

from ..definitions.i18n import translate
from ..services.print_map import ATLAS_LEVELS, PrintAtlasParams, print_atlas
from .base import service_errors
from .feedback_progress import FeedbackProgress
from .print_map import PrintAlgorithm


class PrintAtlasAlgorithm(PrintAlgorithm):
    def name(self) -> str:
        return "printatlas"

    def displayName(self) -> str:
        return translate("PrintAlgorithms", "Print an atlas (a page per amphoe, tambon or service area)")

    def shortHelpString(self) -> str:
        return translate(
            "PrintAlgorithms",
            "Writes one PDF with a page per amphoe, tambon or service area of a province or amphoe (or of the whole "
            "store). Each page has its map, an overview inset, a legend of what it shows and its figures: open "
            "requests by urgency and need, volunteers assigned, facilities with their beds and daily capacity. An area "
            "with no open request gets a page that says so.\n\nThe file is written whole or not at all; a cancel "
            "leaves no file.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterEnum(
                "LEVEL",
                translate("PrintAlgorithms", "One page per"),
                options=[
                    translate("PrintAlgorithms", "Amphoe"),
                    translate("PrintAlgorithms", "Tambon"),
                    translate("PrintAlgorithms", "Service area"),
                ],
                defaultValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SCOPE",
                translate("PrintAlgorithms", "Inside this province or amphoe: name or code (empty: the whole store)"),
                optional=True,
            )
        )
        self.add_page_parameters("a4_portrait")
        self.add_output_parameters()

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        params = PrintAtlasParams(
            level=ATLAS_LEVELS[self.parameterAsEnum(parameters, "LEVEL", context)],
            scope=(self.parameterAsString(parameters, "SCOPE", context) or "").strip(),
            **self.page_values(parameters, context),
        )
        with service_errors():
            result = print_atlas(location, params, FeedbackProgress(feedback))
        for line in result.summary_lines():
            feedback.pushInfo(line)
        return {"OUTPUT": str(result.path), "PAGES": result.pages}
