"""jitasa:importvolunteers — volunteer rosters (CSV or XLSX, Thai or English headers) into the store.

Parameters in, one call of services.volunteer_import.import_volunteers, the counts out; every reject in words
in the log (and kept in jitasa.import_reject). The file is read by core.tabular, not as a QGIS layer: QGIS's
own CSV reader turns 0812345678 into the integer 812345678."""

from __future__ import annotations

import json

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..core.volunteer_import import FIELDS
from ..definitions.enums import VolunteerKind
from ..definitions.i18n import translate
from ..definitions.labels import volunteer_kind_label
from ..services.volunteer_import import VolunteerImportParams, import_volunteers
from .base import ImportExportAlgorithm, service_errors
from .feedback_progress import FeedbackProgress

KINDS = tuple(VolunteerKind)  # the DEFAULT_KIND enum's options in order
COUNTS = (
    ("INSERTED", "inserted"),
    ("UPDATED", "updated"),
    ("UNCHANGED", "unchanged"),
    ("PLACED_IN_TAMBON", "placed_in_tambon"),
    ("REJECTED", "rejected"),
)
MAX_LOGGED_REJECTS = 200


class ImportVolunteersAlgorithm(ImportExportAlgorithm):
    def name(self) -> str:
        return "importvolunteers"

    def displayName(self) -> str:
        return translate("ImportVolunteersAlgorithm", "Import volunteers")

    def shortHelpString(self) -> str:
        return translate(
            "ImportVolunteersAlgorithm",
            "Imports a volunteer roster as offices keep it: a CSV or XLSX file with Thai or English headers "
            "(ชื่อ and นามสกุล or ชื่อ-สกุล, เบอร์โทร, หมู่ที่, ตำบล, อำเภอ, จังหวัด, รหัสตำบล, ประเภท, skills as "
            "yes/no columns or a list, ยานพาหนะ, lon/lat, รหัส). The columns are guessed from the headers; "
            "a field mapping such as 'name=ชื่อ อสม.; phone=โทร' overrides the guesses.\n\n"
            "The file is read directly, every cell as text, not as a QGIS layer: QGIS's own CSV reader turns "
            "the phone number 0812345678 into the number 812345678. Phone numbers in any common Thai form are "
            "stored as digits with the leading 0.\n\n"
            "A volunteer without coordinates is placed in their tambon (by its code, or by its name with the "
            "amphoe and province to tell apart tambons of the same name); the location accuracy is the "
            "tambon's size. A row with the same roster id as before (or, without an id, the same phone "
            "number as a volunteer in the store) updates that volunteer; an unchanged row is not written, "
            "so importing the same roster again changes nothing.\n\n"
            "Rows that cannot be taken (no name, a phone that is not Thai, an ambiguous or unknown tambon, an "
            "unknown kind, a capacity below the volunteer's current assignments...) are listed in the log and "
            "kept in the store's rejects. Everything is written in one transaction.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterFile(
                "FILE",
                translate("ImportVolunteersAlgorithm", "Roster file (CSV or XLSX)"),
                fileFilter=translate("ImportVolunteersAlgorithm", "Rosters (*.csv *.txt *.tsv *.xlsx *.xlsm)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SHEET", translate("ImportVolunteersAlgorithm", "Sheet (XLSX; empty: the first)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SOURCE",
                translate("ImportVolunteersAlgorithm", "Roster name in the store (empty: the file's name)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "FIELD_MAP",
                translate(
                    "ImportVolunteersAlgorithm", "Field mapping, field=column; … (empty: guessed). Fields: {0}"
                ).format(", ".join(FIELDS)),
                optional=True,
                multiLine=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "DEFAULT_KIND",
                translate("ImportVolunteersAlgorithm", "Kind for rows that give none"),
                options=[volunteer_kind_label(k) for k in KINDS],
                defaultValue=KINDS.index(VolunteerKind.VILLAGE_HEALTH_VOLUNTEER),
            )
        )
        titles = {
            "INSERTED": translate("ImportVolunteersAlgorithm", "New volunteers"),
            "UPDATED": translate("ImportVolunteersAlgorithm", "Updated volunteers"),
            "UNCHANGED": translate("ImportVolunteersAlgorithm", "Unchanged volunteers"),
            "PLACED_IN_TAMBON": translate("ImportVolunteersAlgorithm", "Placed in their tambon"),
            "REJECTED": translate("ImportVolunteersAlgorithm", "Rejected rows"),
        }
        for name, _ in COUNTS:
            self.addOutput(QgsProcessingOutputNumber(name, titles[name]))
        self.addOutput(QgsProcessingOutputString("SUMMARY", translate("ImportVolunteersAlgorithm", "Counts (JSON)")))

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        path = (self.parameterAsFile(parameters, "FILE", context) or "").strip()
        if not path:
            raise QgsProcessingException(translate("ImportVolunteersAlgorithm", "Choose a roster file."))
        params = VolunteerImportParams(
            path=path,
            sheet=(self.parameterAsString(parameters, "SHEET", context) or "").strip() or None,
            source=(self.parameterAsString(parameters, "SOURCE", context) or "").strip() or None,
            field_map=self.parameterAsString(parameters, "FIELD_MAP", context) or "",
            default_kind=KINDS[self.parameterAsEnum(parameters, "DEFAULT_KIND", context)].value,
        )
        try:
            with service_errors():
                result = import_volunteers(location, params, FeedbackProgress(feedback))
        except QgsProcessingException:
            if feedback.isCanceled():
                return {}  # cancelled before the commit: nothing was written
            raise
        for line in result.summary_lines():
            feedback.pushInfo(line)
        for line in result.reject_lines(MAX_LOGGED_REJECTS):
            feedback.pushWarning(line)
        out = {name: getattr(result, attr) for name, attr in COUNTS}
        out["SUMMARY"] = json.dumps({"source": result.source, **result.counts()}, ensure_ascii=False)
        return out
