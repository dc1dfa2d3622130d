"""jitasa:importcoveragecounts — per-tambon vaccination / screening counts (CSV or XLSX keyed by tambon code)
into the store (services.coverage_count_import), then the campaign's coverage per tambon as a layer styled
by percent covered, loaded into the "Jitasa planning" group."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.coverage_counts import FIELDS, parse_date
from ..definitions.i18n import translate
from ..layers.planning_group import load_into_planning_group
from ..services.coverage_count_import import CoverageCountImportParams, import_coverage_counts
from ..services.coverage_gaps import TambonGap, campaign_coverage
from .base import ImportExportAlgorithm, service_errors
from .coverage_gaps import VACCINATION_STYLE
from .feedback_progress import FeedbackProgress


def coverage_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (
        ("tambon_code", QVariant.String),
        ("name_th", QVariant.String),
        ("amphoe_code", QVariant.String),
        ("campaign", QVariant.String),
        ("as_of", QVariant.String),
        ("target_population", QVariant.Int),
        ("covered", QVariant.Int),
        ("unvaccinated", QVariant.Int),
        ("coverage_pct", QVariant.Double),
    ):
        fields.append(QgsField(name, kind))
    return fields


def coverage_feature(fields: QgsFields, t: TambonGap, campaign: str) -> QgsFeature:
    """A tambon with its campaign's latest count, as a feature of `coverage_fields()`."""
    c = t.counts
    feature = QgsFeature(fields)
    if c.wkb is not None:
        geometry = QgsGeometry()
        geometry.fromWkb(c.wkb)
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
    share = t.coverage_share
    feature.setAttributes(
        [
            c.code,
            c.name_th,
            c.amphoe_code,
            campaign if c.target_population is not None else None,
            c.counted_on.isoformat() if c.counted_on else None,
            c.target_population,
            c.covered_people,
            t.unvaccinated,
            None if share is None else round(share * 100.0, 1),
        ]
    )
    return feature


class ImportCoverageCountsAlgorithm(ImportExportAlgorithm):
    def name(self) -> str:
        return "importcoveragecounts"

    def displayName(self) -> str:
        return translate("ImportCoverageCountsAlgorithm", "Import vaccination / screening counts per tambon")

    def shortHelpString(self) -> str:
        return translate(
            "ImportCoverageCountsAlgorithm",
            "Imports per-tambon counts from a CSV or XLSX sheet: tambon code (รหัสตำบล), target population "
            "(ประชากรเป้าหมาย), vaccinated or screened (ได้รับวัคซีน), the date of the count (วันที่; "
            "Buddhist years are read) and the campaign (e.g. covid19_dose2), the last two as one value for the "
            "whole file when it has no such column. Counts are whole numbers of 0 or more.\n\n"
            "A tambon code the store does not know, a negative or non-numeric count, a bad date or a repeated "
            "row is refused, listed in the log and kept in the rejects; the other rows are imported, all in one "
            "transaction. Importing the same sheet again updates the same (campaign, tambon, date) in place.\n\n"
            "Output: the campaign's coverage per tambon (its latest count), styled by percent covered.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterFile(
                "FILE",
                translate("ImportCoverageCountsAlgorithm", "Counts file (CSV or XLSX)"),
                fileFilter=translate("ImportCoverageCountsAlgorithm", "Sheets (*.csv *.txt *.xlsx *.xlsm)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SHEET", translate("ImportCoverageCountsAlgorithm", "Sheet (XLSX; empty: the first)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "CAMPAIGN",
                translate("ImportCoverageCountsAlgorithm", "Campaign (when the file has no campaign column)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "AS_OF",
                translate("ImportCoverageCountsAlgorithm", "Date of the counts (when the file has none; 2021-08-15)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "FIELD_MAP",
                translate(
                    "ImportCoverageCountsAlgorithm", "Field mapping, field=column; … (empty: guessed). Fields: {0}"
                ).format(", ".join(FIELDS)),
                optional=True,
                multiLine=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT",
                translate("ImportCoverageCountsAlgorithm", "Coverage per tambon"),
                QgsProcessing.TypeVectorPolygon,
                createByDefault=True,
                defaultValue="TEMPORARY_OUTPUT",
            )
        )
        for name, title in (
            ("INSERTED", translate("ImportCoverageCountsAlgorithm", "New counts")),
            ("UPDATED", translate("ImportCoverageCountsAlgorithm", "Updated counts")),
            ("UNCHANGED", translate("ImportCoverageCountsAlgorithm", "Unchanged counts")),
            ("REJECTED", translate("ImportCoverageCountsAlgorithm", "Rejected rows")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, title))
        self.addOutput(
            QgsProcessingOutputString(
                "UNKNOWN_TAMBONS", translate("ImportCoverageCountsAlgorithm", "Tambon codes the store does not know")
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        text = self.parameterAsString
        path = (self.parameterAsFile(parameters, "FILE", context) or "").strip()
        if not path:
            raise QgsProcessingException(translate("ImportCoverageCountsAlgorithm", "Choose a counts file."))
        as_of_text = (text(parameters, "AS_OF", context) or "").strip()
        as_of = parse_date(as_of_text) if as_of_text else None
        if as_of_text and as_of is None:
            raise QgsProcessingException(
                translate("ImportCoverageCountsAlgorithm", "'{0}' is not a date (2021-08-15 or 15/08/2564).").format(
                    as_of_text
                )
            )
        params = CoverageCountImportParams(
            path=path,
            layer=(text(parameters, "SHEET", context) or "").strip() or None,
            mapping=text(parameters, "FIELD_MAP", context) or "",
            campaign=(text(parameters, "CAMPAIGN", context) or "").strip() or None,
            as_of=as_of,
        )
        with service_errors():
            result = import_coverage_counts(location, params, FeedbackProgress(feedback))
        for line in result.summary_lines():
            feedback.pushInfo(line)
        self.log_rejects(feedback, result.rejects)
        dest = None
        campaigns = sorted(result.campaigns) or ([params.campaign] if params.campaign else [])
        if campaigns:
            campaign = campaigns[0]
            with service_errors():
                tambons = campaign_coverage(location, campaign)
            from .assign_base import _crs_4326

            fields = coverage_fields()
            sink, dest = self.parameterAsSink(
                parameters, "OUTPUT", context, fields, QgsWkbTypes.MultiPolygon, _crs_4326()
            )
            for t in tambons:
                feature = coverage_feature(fields, t, campaign)
                sink.addFeature(feature, QgsFeatureSink.FastInsert)
            load_into_planning_group(context, dest, VACCINATION_STYLE)
        out = {
            "INSERTED": result.inserted,
            "UPDATED": result.updated,
            "UNCHANGED": result.unchanged,
            "REJECTED": result.rejected,
            "UNKNOWN_TAMBONS": ", ".join(result.unknown_tambons),
        }
        if dest is not None:
            out["OUTPUT"] = dest
        return out
