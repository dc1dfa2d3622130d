"""jitasa:importrequests — help requests from a hotline's CSV, XLSX or GeoJSON file, with the feed's checks.

The file is read by core.tabular (every cell as typed text: phone numbers keep their leading 0); columns are
guessed from English or Thai headers, a mapping given here wins. The run is services.request_import; the
records go through the feed's upsert (docs/FEED.md), so an assigned request keeps what officers work on.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..definitions.i18n import translate
from ..services.request_import import RequestImportParams, import_requests
from .base import ImportExportAlgorithm, service_errors
from .feedback_progress import FeedbackProgress

# Outputs: the page counts of store.request_feed under these names.
OUTPUTS = (
    ("NEW", "new"),
    ("UPDATED", "updated"),
    ("UNCHANGED", "unchanged"),
    ("STALE", "stale"),
    ("CLOSED", "closed"),
    ("KEPT_ASSIGNED", "kept_assigned"),
    ("CLOSED_LOCALLY", "closed_locally"),
    ("REJECTED", "rejected"),
)


class ImportRequestsAlgorithm(ImportExportAlgorithm):
    def name(self) -> str:
        return "importrequests"

    def displayName(self) -> str:
        return translate("ImportRequestsAlgorithm", "Import help requests")

    def shortHelpString(self) -> str:
        return translate(
            "ImportRequestsAlgorithm",
            "Imports help requests from a CSV, XLSX or GeoJSON file, such as a hotline's sheet, with the same "
            "checks as the public app's feed.\n\n"
            "Each request is keyed by the source (default: the file's name) and its id in the file (or its row "
            "number): importing the same file again changes nothing. Columns are guessed from the headers "
            "(id, category / ประเภท, urgency, people / จำนวนคน, note / หมายเหตุ, name / ชื่อ, phone / เบอร์โทร, "
            "lon / lat, tambon / ตำบล, created_at ...); a mapping field=column; ... given here wins. "
            "A row without coordinates is placed in its tambon (code or name).\n\n"
            "A request officers have already assigned keeps its category, urgency and location; one they "
            "closed is not changed. Rows that cannot be taken (unknown category, outside Thailand, no "
            "location, an unknown or ambiguous tambon, an id seen twice) are kept in the rejects table with "
            "their reason. Everything is written in one transaction.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterFile(
                "FILE",
                translate("ImportRequestsAlgorithm", "CSV, XLSX or GeoJSON file of requests"),
                fileFilter=translate(
                    "ImportRequestsAlgorithm", "Tables (*.csv *.txt *.xlsx *.xlsm *.geojson *.json *.gpkg)"
                ),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SHEET",
                translate("ImportRequestsAlgorithm", "Sheet or layer of the file (empty: the first)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SOURCE",
                translate("ImportRequestsAlgorithm", "Source (with the id, the key; empty: the file's name)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "MAPPING",
                translate("ImportRequestsAlgorithm", "Field mapping: field=column; ... (empty: guessed)"),
                optional=True,
            )
        )
        labels = {
            "new": translate("ImportRequestsAlgorithm", "New requests"),
            "updated": translate("ImportRequestsAlgorithm", "Updated requests"),
            "unchanged": translate("ImportRequestsAlgorithm", "Unchanged requests"),
            "stale": translate("ImportRequestsAlgorithm", "Older than the stored version"),
            "closed": translate("ImportRequestsAlgorithm", "Closed as expired"),
            "kept_assigned": translate("ImportRequestsAlgorithm", "Assigned: only the file's details updated"),
            "closed_locally": translate("ImportRequestsAlgorithm", "Already closed by officers"),
            "rejected": translate("ImportRequestsAlgorithm", "Rejected rows"),
        }
        for name, key in OUTPUTS:
            self.addOutput(QgsProcessingOutputNumber(name, labels[key]))
        self.addOutput(QgsProcessingOutputString("SOURCE", translate("ImportRequestsAlgorithm", "Source used")))
        self.addOutput(QgsProcessingOutputString("MAPPING", translate("ImportRequestsAlgorithm", "Field mapping used")))

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        path = (self.parameterAsFile(parameters, "FILE", context) or "").strip()
        if not path:
            raise QgsProcessingException(translate("ImportRequestsAlgorithm", "Give a file of requests to import."))
        params = RequestImportParams(
            path=path,
            layer=(self.parameterAsString(parameters, "SHEET", context) or "").strip() or None,
            source=(self.parameterAsString(parameters, "SOURCE", context) or "").strip() or None,
            mapping=self.parameterAsString(parameters, "MAPPING", context) or "",
        )
        try:
            with service_errors():
                result = import_requests(location, params, FeedbackProgress(feedback))
        except QgsProcessingException:
            if feedback.isCanceled():
                return {}  # cancelled before the write: nothing was written
            raise
        for line in result.summary_lines():
            feedback.pushInfo(line)
        self.log_rejects(feedback, result.rejects)
        outputs = {name: result.counts.get(key, 0) for name, key in OUTPUTS}
        outputs.update(SOURCE=result.source, MAPPING=result.mapping_text)
        return outputs
