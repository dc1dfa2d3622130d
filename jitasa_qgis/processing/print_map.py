"""jitasa:printmap — one PDF map of an extent, a province / amphoe / tambon, a service area or the whole
store, on a template (services/print_map.py does the work)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingAlgorithm,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..definitions import settings
from ..definitions.i18n import translate
from ..services.print_map import TEMPLATES, PrintMapParams, print_map
from .base import JitasaAlgorithm, service_errors
from .feedback_progress import FeedbackProgress

TEMPLATE_NAMES = TEMPLATES


def template_options() -> list[str]:
    words = {
        "a4_portrait": translate("PrintAlgorithms", "A4 portrait"),
        "a4_landscape": translate("PrintAlgorithms", "A4 landscape"),
        "a3_landscape": translate("PrintAlgorithms", "A3 landscape"),
    }
    return [words[name] for name in TEMPLATE_NAMES]


class PrintAlgorithm(JitasaAlgorithm):
    """Base of the print algorithms: the Print group, the main thread (layouts), office and digits."""

    def group(self) -> str:
        return translate("ProcessingGroups", "Print")

    def groupId(self) -> str:
        return "print"

    def flags(self):
        # QgsLayoutExporter and its fonts on the main thread: the toolbox must not run a print in a worker
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def add_page_parameters(self, default_template: str) -> None:
        self.addParameter(
            QgsProcessingParameterEnum(
                "TEMPLATE",
                translate("PrintAlgorithms", "Paper"),
                options=template_options(),
                defaultValue=TEMPLATE_NAMES.index(default_template),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "TITLE", translate("PrintAlgorithms", "Title (empty: made from the area)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "OFFICE",
                translate("PrintAlgorithms", "Producing office"),
                defaultValue=str(settings.get(settings.KEY_PRINT_OFFICE) or "") or None,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "THAI_DIGITS",
                translate("PrintAlgorithms", "Dates in Thai digits (๑ ธันวาคม ๒๕๖๙)"),
                defaultValue=bool(settings.get(settings.KEY_PRINT_THAI_DIGITS)),
            )
        )

    def add_output_parameters(self) -> None:
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT",
                translate("PrintAlgorithms", "PDF file"),
                fileFilter=translate("PrintAlgorithms", "PDF (*.pdf)"),
            )
        )
        self.addOutput(QgsProcessingOutputNumber("PAGES", translate("PrintAlgorithms", "Pages")))

    def page_values(self, parameters, context) -> dict:
        return {
            "template": TEMPLATE_NAMES[self.parameterAsEnum(parameters, "TEMPLATE", context)],
            "title": (self.parameterAsString(parameters, "TITLE", context) or "").strip(),
            "office": (self.parameterAsString(parameters, "OFFICE", context) or "").strip(),
            "thai_digits": self.parameterAsBool(parameters, "THAI_DIGITS", context),
            "output": self.parameterAsFileOutput(parameters, "OUTPUT", context),
        }


class PrintMapAlgorithm(PrintAlgorithm):
    def name(self) -> str:
        return "printmap"

    def displayName(self) -> str:
        return translate("PrintAlgorithms", "Print a map")

    def shortHelpString(self) -> str:
        return translate(
            "PrintAlgorithms",
            "Writes a PDF map of an area (a province, amphoe or tambon by name or code, or a service area by its id), "
            "of an extent, or of the whole store: open help requests, volunteers, facilities, service areas, roads and "
            "boundaries, with a legend of what the map shows, a scale bar, a north arrow, the date in the Buddhist "
            "Era, the data sources and the producing office.\n\nThe file is written whole or not at all.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterString(
                "AREA",
                translate("PrintAlgorithms", "Province, amphoe or tambon: name or code (empty: the whole store)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "SERVICE_AREA",
                translate("PrintAlgorithms", "…or a service area (its id)"),
                type=QgsProcessingParameterNumber.Integer,
                minValue=1,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterExtent("EXTENT", translate("PrintAlgorithms", "…or an extent"), optional=True)
        )
        self.add_page_parameters("a3_landscape")
        self.add_output_parameters()

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        extent = None
        if parameters.get("EXTENT") not in (None, ""):
            rect = self.parameterAsExtent(parameters, "EXTENT", context, QgsCoordinateReferenceSystem("EPSG:4326"))
            if not rect.isNull() and not rect.isEmpty():
                extent = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        service_area = None
        if parameters.get("SERVICE_AREA") not in (None, ""):
            service_area = self.parameterAsInt(parameters, "SERVICE_AREA", context)
        params = PrintMapParams(
            area=(self.parameterAsString(parameters, "AREA", context) or "").strip(),
            service_area_id=service_area,
            extent=extent,
            **self.page_values(parameters, context),
        )
        with service_errors():
            result = print_map(location, params, FeedbackProgress(feedback))
        for line in result.summary_lines():
            feedback.pushInfo(line)
        return {"OUTPUT": str(result.path), "PAGES": result.pages}
