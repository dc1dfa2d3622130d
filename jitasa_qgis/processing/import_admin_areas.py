"""jitasa:importadminareas — province, amphoe and tambon polygons from any polygon layer or file, by code.

Parameters in, one call of services.admin_import.import_admin_areas, the counts out; every reject in words
in the log (and kept in jitasa.import_reject)."""

from __future__ import annotations

import json

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ..definitions.i18n import translate
from ..services.admin_import import AdminImportParams, import_admin_areas
from .base import ImportExportAlgorithm, service_errors
from .feature_rows import table_of_source
from .feedback_progress import FeedbackProgress

LEVELS = ("", "province", "amphoe", "tambon")  # the LEVEL enum's options in order; '' = from the code
FIELD_PARAMETERS = (
    ("CODE_FIELD", "code"),
    ("NAME_TH_FIELD", "name_th"),
    ("NAME_EN_FIELD", "name_en"),
    ("POPULATION_FIELD", "population"),
)
COUNTS = (
    ("INSERTED", "inserted"),
    ("UPDATED", "updated"),
    ("UNCHANGED", "unchanged"),
    ("REJECTED", "rejected"),
    ("REPAIRED", "repaired"),
    ("CREATED_PARENTS", "created_parents"),
    ("KEPT_IN_USE", "kept_in_use"),
    ("REMOVED", "removed"),
)


class ImportAdminAreasAlgorithm(ImportExportAlgorithm):
    def name(self) -> str:
        return "importadminareas"

    def displayName(self) -> str:
        return translate("ImportAdminAreasAlgorithm", "Import admin areas")

    def shortHelpString(self) -> str:
        return translate(
            "ImportAdminAreasAlgorithm",
            "Imports province, amphoe and tambon polygons from any polygon layer or file: COD-AB layers "
            "(adm3_pcode = 'TH' + the DOPA code) or plain DOPA codes (2 digits a province, 4 an amphoe, 6 a "
            "tambon). The code, name and population fields are guessed from the field names unless you "
            "choose them.\n\n"
            "Codes are the keys: importing again updates names, shapes and population in place, and an "
            "unchanged area is not written at all. Parents come from the codes; a parent that neither the "
            "layer nor the store holds is made from its children, named from the layer's parent fields "
            "(adm2_th, adm1_th...). Invalid shapes are repaired.\n\n"
            "Rows that cannot be taken (bad code, not a polygon, a negative population...) are listed in "
            "the log and kept in the store's rejects. Areas are never removed unless you ask for it, and "
            "then only those nothing lies in. Everything is written in one transaction.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INPUT",
                translate("ImportAdminAreasAlgorithm", "Admin area polygons"),
                [QgsProcessing.TypeVectorPolygon],
            )
        )
        titles = {
            "CODE_FIELD": translate("ImportAdminAreasAlgorithm", "Code field (guessed when empty)"),
            "NAME_TH_FIELD": translate("ImportAdminAreasAlgorithm", "Thai name field (guessed when empty)"),
            "NAME_EN_FIELD": translate("ImportAdminAreasAlgorithm", "English name field (guessed when empty)"),
            "POPULATION_FIELD": translate("ImportAdminAreasAlgorithm", "Population field (guessed when empty)"),
        }
        for name, _ in FIELD_PARAMETERS:
            self.addParameter(
                QgsProcessingParameterField(name, titles[name], parentLayerParameterName="INPUT", optional=True)
            )
        self.addParameter(
            QgsProcessingParameterEnum(
                "LEVEL",
                translate("ImportAdminAreasAlgorithm", "Level"),
                options=[
                    translate("ImportAdminAreasAlgorithm", "From the code's length"),
                    translate("ImportAdminAreasAlgorithm", "Provinces"),
                    translate("ImportAdminAreasAlgorithm", "Amphoe"),
                    translate("ImportAdminAreasAlgorithm", "Tambons"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "PROVINCES",
                translate(
                    "ImportAdminAreasAlgorithm", "Only these provinces: codes or names, comma separated (empty: all)"
                ),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "REMOVE_MISSING",
                translate(
                    "ImportAdminAreasAlgorithm",
                    "Remove areas of the imported provinces that the layer does not hold (only where nothing "
                    "lies in them)",
                ),
                defaultValue=False,
            )
        )
        titles = {
            "INSERTED": translate("ImportAdminAreasAlgorithm", "New areas"),
            "UPDATED": translate("ImportAdminAreasAlgorithm", "Updated areas"),
            "UNCHANGED": translate("ImportAdminAreasAlgorithm", "Unchanged areas"),
            "REJECTED": translate("ImportAdminAreasAlgorithm", "Rejected rows"),
            "REPAIRED": translate("ImportAdminAreasAlgorithm", "Repaired shapes"),
            "CREATED_PARENTS": translate("ImportAdminAreasAlgorithm", "Parents made from their parts"),
            "KEPT_IN_USE": translate("ImportAdminAreasAlgorithm", "Areas kept because something lies in them"),
            "REMOVED": translate("ImportAdminAreasAlgorithm", "Removed areas"),
        }
        for name, _ in COUNTS:
            self.addOutput(QgsProcessingOutputNumber(name, titles[name]))
        self.addOutput(
            QgsProcessingOutputString("SUMMARY", translate("ImportAdminAreasAlgorithm", "Counts per level (JSON)"))
        )

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(translate("ImportAdminAreasAlgorithm", "Choose a layer of admin areas."))
        fields = tuple(
            (key, value)
            for name, key in FIELD_PARAMETERS
            if (value := (self.parameterAsString(parameters, name, context) or "").strip())
        )
        table = table_of_source(source, source.sourceName() or "layer", feedback)
        params = AdminImportParams(
            tables=(table,),
            fields=fields,
            level=LEVELS[self.parameterAsEnum(parameters, "LEVEL", context)],
            provinces=self.parameterAsString(parameters, "PROVINCES", context) or "",
            remove_missing=self.parameterAsBool(parameters, "REMOVE_MISSING", context),
        )
        try:
            with service_errors():
                result = import_admin_areas(location, params, FeedbackProgress(feedback))
        except QgsProcessingException:
            if feedback.isCanceled():
                return {}  # cancelled before the commit: nothing was written
            raise
        for line in result.summary_lines():
            feedback.pushInfo(line)
        out = {name: result.total(attr) for name, attr in COUNTS}
        out["SUMMARY"] = json.dumps(result.summary(), ensure_ascii=False)
        return out
