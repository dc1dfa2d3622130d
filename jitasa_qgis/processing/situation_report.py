"""jitasa:situationreport — the situation report of a province or amphoe as a PDF and as CSV / XLSX tables
(services/situation_report.py does the work)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..definitions import settings
from ..definitions.i18n import translate
from ..services.situation_report import SituationReportParams, make_situation_report
from .base import service_errors
from .feedback_progress import FeedbackProgress
from .print_map import PrintAlgorithm


class SituationReportAlgorithm(PrintAlgorithm):
    def name(self) -> str:
        return "situationreport"

    def displayName(self) -> str:
        return translate("SituationReportAlgorithm", "Situation report")

    def shortHelpString(self) -> str:
        return translate(
            "SituationReportAlgorithm",
            "Writes the situation report of a province or amphoe: open requests by tambon and category, waiting "
            "times and their distribution, assignments made today, facility capacity and open requests over time, "
            "as a PDF with charts (Thai, Buddhist-Era dates) and as tables (an XLSX workbook with a sheet per "
            "table, or one CSV per table). No personal data is read.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterString(
                "AREA",
                translate("SituationReportAlgorithm", "Province or amphoe: name or code (e.g. 67, 6710); empty: all"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "DAYS",
                translate("SituationReportAlgorithm", "Days of the open-requests chart"),
                type=QgsProcessingParameterNumber.Integer,
                minValue=1,
                maxValue=90,
                defaultValue=7,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "OFFICE",
                translate("SituationReportAlgorithm", "Producing office"),
                defaultValue=settings.get(settings.KEY_PRINT_OFFICE) or "",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", translate("SituationReportAlgorithm", "Report (PDF)"), fileFilter="PDF (*.pdf)", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "TABLES",
                translate("SituationReportAlgorithm", "Report tables (XLSX or CSV)"),
                fileFilter=translate("SituationReportAlgorithm", "Excel workbook (*.xlsx);;CSV (*.csv)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("PAGES", translate("SituationReportAlgorithm", "Pages")))
        self.addOutput(QgsProcessingOutputNumber("OPEN", translate("SituationReportAlgorithm", "Open requests")))

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        pdf = self.parameterAsFileOutput(parameters, "OUTPUT", context) if parameters.get("OUTPUT") else ""
        tables = self.parameterAsFileOutput(parameters, "TABLES", context) if parameters.get("TABLES") else ""
        params = SituationReportParams(
            path=pdf or None,
            tables_path=tables or None,
            area=(self.parameterAsString(parameters, "AREA", context) or "").strip(),
            days=self.parameterAsInt(parameters, "DAYS", context),
            office=(self.parameterAsString(parameters, "OFFICE", context) or "").strip(),
            use_thai_digits=bool(settings.get(settings.KEY_PRINT_THAI_DIGITS)),
        )
        with service_errors():
            result = make_situation_report(location, params, FeedbackProgress(feedback))
        for line in result.summary_lines():
            feedback.pushInfo(line)
        return {
            "OUTPUT": str(result.path) if result.path else None,
            "TABLES": ";".join(str(p) for p in result.table_paths),
            "PAGES": result.pages,
            "OPEN": result.open_requests,
        }
