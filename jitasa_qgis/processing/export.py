"""jitasa:export — requests, assignments, volunteers or facilities of an area to CSV, XLSX or GeoPackage
(services/export.py does the work)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..definitions.i18n import translate
from ..services.export import KINDS, STATUSES, ExportParams, export_table
from .base import ImportExportAlgorithm, service_errors
from .feedback_progress import FeedbackProgress


class ExportAlgorithm(ImportExportAlgorithm):
    def name(self) -> str:
        return "export"

    def displayName(self) -> str:
        return translate("ExportAlgorithm", "Export to CSV, XLSX or GeoPackage")

    def shortHelpString(self) -> str:
        return translate(
            "ExportAlgorithm",
            "Writes the help requests, assignments, volunteers or facilities of a province, amphoe or tambon "
            "(or of the whole store) to a CSV file (UTF-8, opens in Excel with Thai text), an XLSX workbook or "
            "a GeoPackage of points.\n\n"
            "Only the columns your role may read are written. Names, phone numbers and notes are written only "
            "when you tick 'Include personal data' and your role may read them (officers and admins; never "
            "analysts). The file is written whole or not at all.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterEnum(
                "WHAT",
                translate("ExportAlgorithm", "Export"),
                options=[
                    translate("ExportAlgorithm", "Help requests"),
                    translate("ExportAlgorithm", "Assignments"),
                    translate("ExportAlgorithm", "Volunteers"),
                    translate("ExportAlgorithm", "Facilities"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "AREA",
                translate(
                    "ExportAlgorithm", "Province, amphoe or tambon: name or code (e.g. 67, วังโป่ง or 6710); empty: all"
                ),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "STATUS",
                translate("ExportAlgorithm", "Status"),
                options=[
                    translate("ExportAlgorithm", "All"),
                    translate("ExportAlgorithm", "Open only (requests not done or cancelled, live assignments)"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterDateTime(
                "CREATED_SINCE",
                translate("ExportAlgorithm", "Created on or after (optional)"),
                type=QgsProcessingParameterDateTime.Date,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "INCLUDE_PERSONAL",
                translate("ExportAlgorithm", "Include personal data (names, phone numbers, notes)"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT",
                translate("ExportAlgorithm", "Output file"),
                fileFilter=translate("ExportAlgorithm", "CSV (*.csv);;Excel workbook (*.xlsx);;GeoPackage (*.gpkg)"),
            )
        )
        self.addOutput(QgsProcessingOutputNumber("ROWS", translate("ExportAlgorithm", "Rows written")))
        self.addOutput(QgsProcessingOutputString("COLUMNS", translate("ExportAlgorithm", "Columns")))
        self.addOutput(
            QgsProcessingOutputNumber("PERSONAL_DATA", translate("ExportAlgorithm", "Personal data included (1/0)"))
        )

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        since = None
        if parameters.get("CREATED_SINCE") not in (None, ""):
            value = self.parameterAsDateTime(parameters, "CREATED_SINCE", context)
            if value.isValid():
                since = value.date().toPyDate()
        params = ExportParams(
            what=KINDS[self.parameterAsEnum(parameters, "WHAT", context)],
            path=self.parameterAsFileOutput(parameters, "OUTPUT", context),
            area=self.parameterAsString(parameters, "AREA", context).strip(),
            status=STATUSES[self.parameterAsEnum(parameters, "STATUS", context)],
            created_since=since,
            include_personal=self.parameterAsBool(parameters, "INCLUDE_PERSONAL", context),
        )
        with service_errors():
            result = export_table(location, params, FeedbackProgress(feedback))
        for line in result.summary_lines():
            feedback.pushInfo(line)
        return {
            "OUTPUT": str(result.path),
            "ROWS": result.rows,
            "COLUMNS": ",".join(result.columns),
            "PERSONAL_DATA": 1 if result.personal_data else 0,
        }
