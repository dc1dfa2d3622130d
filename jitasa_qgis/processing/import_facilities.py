"""jitasa:importfacilities — hospitals, รพ.สต., clinics and pharmacies from a point layer or a CSV/XLSX file.

Two inputs, one of them given: INPUT, any point layer QGIS opens (a GeoPackage layer, a Shapefile, a layer of
the project), and FILE, a CSV or XLSX with longitude/latitude columns read by core.tabular. A spreadsheet is
not asked for as a layer on purpose: QGIS's own CSV reader turns codes into numbers (0812 → 812) and needs
its X/Y fields set before it is a point layer, while core.tabular keeps every cell as typed and finds the
lon/lat columns itself. The run is services.facility_import.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProviderRegistry,
)

from ..core.facility_import import MOPH_SOURCE
from ..definitions.enums import FacilityKind
from ..definitions.i18n import translate
from ..definitions.labels import facility_kind_label
from ..services.facility_import import FacilityImportParams, import_facilities
from .base import ImportExportAlgorithm, service_errors
from .feature_rows import table_of_source
from .feedback_progress import FeedbackProgress

CTX = "ImportFacilitiesAlgorithm"
# Field parameters -> the mapping's fields (core.facility_import.FIELDS); empty: guessed from the headers.
FIELD_PARAMETERS = (
    ("ID_FIELD", "source_id"),
    ("NAME_FIELD", "name"),
    ("KIND_FIELD", "kind"),
    ("BEDS_FIELD", "beds"),
    ("CAPACITY_FIELD", "daily_capacity"),
    ("CONTACT_FIELD", "contact"),
    ("LON_FIELD", "lon"),
    ("LAT_FIELD", "lat"),
)
KINDS = [k.value for k in FacilityKind]


class ImportFacilitiesAlgorithm(ImportExportAlgorithm):
    def name(self) -> str:
        return "importfacilities"

    def displayName(self) -> str:
        return translate("ImportFacilitiesAlgorithm", "Import facilities")

    def shortHelpString(self) -> str:
        return translate(
            "ImportFacilitiesAlgorithm",
            "Imports hospitals, sub-district health promoting hospitals (รพ.สต.), clinics, pharmacies or any "
            "other facilities from a point layer, or from a CSV or XLSX file with longitude and latitude "
            "columns (give one of the two).\n\n"
            "Each facility is keyed by the source and its id in the file (for the MOPH lists the 5-digit "
            "hospital code, also kept as the facility's code): importing again updates the same rows, and a "
            "file imported twice changes nothing. Columns are guessed from the headers (main_code, hoscode, "
            "name, ชื่อ, type_desc, bed_total, เตียง, lon/lat, ลองจิจูด/ละติจูด ...); a field given here wins.\n\n"
            "The kind comes from the type column: the MOPH type descriptions are recognised (โรงพยาบาลชุมชน, "
            "คลินิก…, ร้านขายยา…, รพ.สต., hoslvl 1-Community ...); the kind map adds your own values "
            "(value=kind; ...); the default kind serves rows without a type. A type that matches nothing is "
            "rejected, never guessed. Rows that cannot be stored (no or bad coordinates, outside Thailand, "
            "negative beds, an id seen earlier in the file) are kept in the rejects table with their reason. "
            "Everything is written in one transaction.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INPUT",
                translate("ImportFacilitiesAlgorithm", "Facility points (a layer)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "FILE",
                translate("ImportFacilitiesAlgorithm", "…or a CSV / XLSX file with longitude and latitude columns"),
                fileFilter=translate("ImportFacilitiesAlgorithm", "Tables (*.csv *.txt *.xlsx *.xlsm)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SHEET",
                translate("ImportFacilitiesAlgorithm", "Sheet of the XLSX file (empty: the first)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SOURCE",
                translate("ImportFacilitiesAlgorithm", "Source (with the id, the key; moph: the MOPH lists)"),
                defaultValue=MOPH_SOURCE,
            )
        )
        labels = {
            "source_id": translate("ImportFacilitiesAlgorithm", "Id column (empty: guessed)"),
            "name": translate("ImportFacilitiesAlgorithm", "Name column (empty: guessed)"),
            "kind": translate("ImportFacilitiesAlgorithm", "Type column (empty: guessed)"),
            "beds": translate("ImportFacilitiesAlgorithm", "Beds column (empty: guessed)"),
            "daily_capacity": translate("ImportFacilitiesAlgorithm", "Daily capacity column (empty: guessed)"),
            "contact": translate("ImportFacilitiesAlgorithm", "Contact phone column (empty: guessed)"),
            "lon": translate("ImportFacilitiesAlgorithm", "Longitude column of a file (empty: guessed)"),
            "lat": translate("ImportFacilitiesAlgorithm", "Latitude column of a file (empty: guessed)"),
        }
        for parameter, field in FIELD_PARAMETERS:
            self.addParameter(QgsProcessingParameterString(parameter, labels[field], optional=True))
        self.addParameter(
            QgsProcessingParameterString(
                "KIND_MAP",
                translate("ImportFacilitiesAlgorithm", "Kind map: value=kind; ... (e.g. ศูนย์ฉีดวัคซีน=vaccination_point)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "DEFAULT_KIND",
                translate("ImportFacilitiesAlgorithm", "Kind of rows without a type"),
                options=[translate("ImportFacilitiesAlgorithm", "None: reject them")]
                + [facility_kind_label(k) for k in KINDS],
                defaultValue=0,
            )
        )
        for name, text in (
            ("INSERTED", translate("ImportFacilitiesAlgorithm", "New facilities")),
            ("UPDATED", translate("ImportFacilitiesAlgorithm", "Updated facilities")),
            ("UNCHANGED", translate("ImportFacilitiesAlgorithm", "Unchanged facilities")),
            ("REJECTED", translate("ImportFacilitiesAlgorithm", "Rejected rows")),
            ("NAMES_MADE", translate("ImportFacilitiesAlgorithm", "Names made from kind and id")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, text))
        self.addOutput(
            QgsProcessingOutputString("MAPPING", translate("ImportFacilitiesAlgorithm", "Field mapping used"))
        )

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        path = (self.parameterAsFile(parameters, "FILE", context) or "").strip()
        source = self.parameterAsSource(parameters, "INPUT", context) if parameters.get("INPUT") else None
        if (source is None) == (not path):
            raise QgsProcessingException(
                translate("ImportFacilitiesAlgorithm", "Give either a point layer or a CSV / XLSX file, not both.")
                if source is not None
                else translate("ImportFacilitiesAlgorithm", "Give a point layer or a CSV / XLSX file to import.")
            )
        table = None
        if source is not None:
            table = table_of_source(source, self._layer_name(parameters, context), feedback)
            if feedback.isCanceled():
                return {}
        mapping = "; ".join(
            f"{field}={value}"
            for parameter, field in FIELD_PARAMETERS
            if (value := (self.parameterAsString(parameters, parameter, context) or "").strip())
        )
        kind_index = self.parameterAsEnum(parameters, "DEFAULT_KIND", context)
        params = FacilityImportParams(
            table=table,
            path=path or None,
            layer=(self.parameterAsString(parameters, "SHEET", context) or "").strip() or None,
            source=(self.parameterAsString(parameters, "SOURCE", context) or "").strip(),
            mapping=mapping,
            kind_map=self.parameterAsString(parameters, "KIND_MAP", context) or "",
            default_kind=KINDS[kind_index - 1] if kind_index > 0 else None,
        )
        try:
            with service_errors():
                result = import_facilities(location, params, FeedbackProgress(feedback))
        except QgsProcessingException:
            if feedback.isCanceled():
                return {}  # cancelled before the write: nothing was written
            raise
        for line in result.summary_lines():
            feedback.pushInfo(line)
        self.log_rejects(feedback, result.rejects)
        return {
            "INSERTED": result.inserted,
            "UPDATED": result.updated,
            "UNCHANGED": result.unchanged,
            "REJECTED": result.rejected,
            "NAMES_MADE": result.names_made,
            "MAPPING": result.mapping_text,
        }

    def _layer_name(self, parameters, context) -> str:
        """'health.gpkg:clinics' for a file's layer (as core.tabular names a file), else the layer's name."""
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is None:
            return str(parameters.get("INPUT"))
        if layer.providerType() == "ogr":
            parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
            file_name = Path(parts.get("path") or "").name
            if file_name:
                return f"{file_name}:{parts['layerName']}" if parts.get("layerName") else file_name
        return layer.name()
