"""jitasa:callsheets — one PDF with a page per volunteer: a small map of their assigned requests and a table
of them (services/call_sheets.py does the work)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..definitions import settings
from ..definitions.i18n import translate
from ..services.call_sheets import CallSheetParams, print_call_sheets
from .base import service_errors
from .feedback_progress import FeedbackProgress
from .print_map import PrintAlgorithm


class CallSheetsAlgorithm(PrintAlgorithm):
    def name(self) -> str:
        return "callsheets"

    def displayName(self) -> str:
        return translate("CallSheetsAlgorithm", "Print call sheets for volunteers")

    def shortHelpString(self) -> str:
        return translate(
            "CallSheetsAlgorithm",
            "Writes one PDF with a page per volunteer of a province, amphoe or tambon: a small map of the requests "
            "assigned to them and a table (category, urgency, what is needed, tambon and amphoe, how to reach the "
            "requester). With one page per team, a team's page lists its members and all their requests on one "
            "map and table.\n\n"
            "Names and phone numbers are printed only when your role may read them (officers and admins); "
            "otherwise they are masked and the PDF holds none of them. The file is written whole or not at all.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterString(
                "AREA",
                translate("CallSheetsAlgorithm", "Province, amphoe or tambon: name or code; empty: all volunteers"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "VOLUNTEER_IDS",
                translate("CallSheetsAlgorithm", "Only these volunteers (ids, comma-separated; optional)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "PER_TEAM",
                translate("CallSheetsAlgorithm", "One page per team (volunteers in no team: a page each)"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "ONLY_ASSIGNED",
                translate("CallSheetsAlgorithm", "Leave out volunteers with no assigned request"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "INCLUDE_PROPOSED",
                translate("CallSheetsAlgorithm", "Also list proposed (not yet confirmed) assignments"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "INCLUDE_PERSONAL",
                translate("CallSheetsAlgorithm", "Print names and phone numbers (when your role may read them)"),
                defaultValue=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "OFFICE",
                translate("CallSheetsAlgorithm", "Producing office"),
                defaultValue=settings.get(settings.KEY_PRINT_OFFICE) or "",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", translate("CallSheetsAlgorithm", "Call sheets (PDF)"), fileFilter="PDF (*.pdf)"
            )
        )
        self.addOutput(QgsProcessingOutputNumber("PAGES", translate("CallSheetsAlgorithm", "Pages")))
        self.addOutput(
            QgsProcessingOutputNumber("PERSONAL_DATA", translate("CallSheetsAlgorithm", "Personal data printed (1/0)"))
        )

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        ids_text = (self.parameterAsString(parameters, "VOLUNTEER_IDS", context) or "").strip()
        try:
            ids = tuple(int(p) for p in ids_text.replace(" ", "").split(",") if p) if ids_text else None
        except ValueError:
            with service_errors():
                raise ValueError(
                    translate("CallSheetsAlgorithm", "Volunteer ids must be whole numbers, e.g. 12, 40: {0}").format(
                        ids_text
                    )
                ) from None
        params = CallSheetParams(
            path=self.parameterAsFileOutput(parameters, "OUTPUT", context),
            area=(self.parameterAsString(parameters, "AREA", context) or "").strip(),
            volunteer_ids=ids,
            only_assigned=self.parameterAsBool(parameters, "ONLY_ASSIGNED", context),
            include_proposed=self.parameterAsBool(parameters, "INCLUDE_PROPOSED", context),
            include_personal=self.parameterAsBool(parameters, "INCLUDE_PERSONAL", context),
            per_team=self.parameterAsBool(parameters, "PER_TEAM", context),
            office=(self.parameterAsString(parameters, "OFFICE", context) or "").strip(),
            use_thai_digits=bool(settings.get(settings.KEY_PRINT_THAI_DIGITS)),
        )
        with service_errors():
            result = print_call_sheets(location, params, FeedbackProgress(feedback))
        for line in result.summary_lines():
            feedback.pushInfo(line)
        return {
            "OUTPUT": str(result.path),
            "PAGES": result.pages,
            "PERSONAL_DATA": 1 if result.personal_data else 0,
        }
