"""jitasa:coveragegaps — per tambon: open requests by urgency and category, those outside every service area
and those beyond X minutes of an open facility with room, volunteers available per open request and per
1,000 people (services.coverage_gaps); a tambon layer styled as a choropleth of the requests not covered, a
point layer of those requests, and a CSV / XLSX report. Loaded into the "Jitasa planning" group."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..definitions.i18n import translate
from ..layers.planning_group import load_into_planning_group
from ..services.coverage_gaps import (
    CATEGORIES,
    URGENCIES,
    CoverageGapParams,
    CoverageGapResult,
    TambonGap,
    coverage_gaps,
    report_columns,
    report_row,
)
from .base import PlanningAlgorithm, service_errors
from .feedback_progress import FeedbackProgress

# resources/styles/planning/*.qml (tools/make_planning_styles.py)
GAP_STYLE, UNCOVERED_STYLE = "planning/coverage_gaps", "planning/uncovered_request"
VACCINATION_STYLE = "planning/vaccination_coverage"
_TYPES = {"text": QVariant.String, "integer": QVariant.Int, "real": QVariant.Double}


def tambon_fields() -> QgsFields:
    fields = QgsFields()
    for column in report_columns():
        fields.append(QgsField(column.name, _TYPES[column.type]))
    return fields


def uncovered_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (
        ("request_id", QVariant.Int),
        ("tambon_code", QVariant.String),
        ("urgency", QVariant.String),
        ("category", QVariant.String),
        ("reason", QVariant.String),  # outside / beyond / both
        ("minutes", QVariant.Double),  # to the nearest open facility with room; null beyond the limit
        ("max_minutes", QVariant.Double),
        ("travel_model", QVariant.String),
    ):
        fields.append(QgsField(name, kind))
    return fields


def parse_list(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in str(text or "").replace(";", ",").split(",") if p.strip())


def parse_ids(text: str) -> tuple[int, ...]:
    out = []
    for part in parse_list(text):
        try:
            out.append(int(part))
        except ValueError:
            raise QgsProcessingException(
                translate("CoverageGapsAlgorithm", "'{0}' is not a service area id.").format(part)
            ) from None
    return tuple(out)


class CoverageGapsAlgorithm(PlanningAlgorithm):
    def name(self) -> str:
        return "coveragegaps"

    def displayName(self) -> str:
        return translate("CoverageGapsAlgorithm", "Coverage gaps per tambon")

    def shortHelpString(self) -> str:
        return translate(
            "CoverageGapsAlgorithm",
            "For each tambon: open requests (new, assigned, in progress) by urgency and category; those outside "
            "every service area (a request on an area's edge is inside it, and one in overlapping areas counts "
            "once); those further than the limit from the nearest facility that is open or limited and has free "
            "beds (or no bed count); volunteers available (available and below capacity), per open request and "
            "per 1,000 people where the tambon has a population.\n"
            "Minutes are road minutes on the road network covering the area, else the straight line; the "
            "travel_model field and the log say which.\n"
            "Outputs: the tambons (styled by requests not covered), the uncovered requests (by reason) and, if a "
            "file is given, a CSV or XLSX report. From the toolbox they load into the 'Jitasa planning' group.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterString(
                "AREA",
                translate("CoverageGapsAlgorithm", "Province, amphoe or tambon code (empty: every tambon)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "MAX_MINUTES",
                translate("CoverageGapsAlgorithm", "Travel-time limit to an open facility with room (minutes)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=30.0,
                minValue=0.1,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "FACILITY_KINDS",
                translate("CoverageGapsAlgorithm", "Facility kinds that count (comma separated; empty: all)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SERVICE_AREA_KINDS",
                translate("CoverageGapsAlgorithm", "Service area kinds that count (comma separated; empty: all)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SERVICE_AREA_IDS",
                translate("CoverageGapsAlgorithm", "Service area ids that count (comma separated; empty: all)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "CAMPAIGN",
                translate("CoverageGapsAlgorithm", "Vaccination / screening campaign to show (e.g. covid19_dose2)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "STRAIGHT_LINE",
                translate("CoverageGapsAlgorithm", "Use the straight line even where a road network exists"),
                defaultValue=False,
            )
        )
        self.add_layer_output(
            "OUTPUT", translate("CoverageGapsAlgorithm", "Coverage gaps per tambon"), QgsProcessing.TypeVectorPolygon
        )
        self.add_layer_output(
            "UNCOVERED", translate("CoverageGapsAlgorithm", "Requests not covered"), QgsProcessing.TypeVectorPoint
        )
        self.add_report_output("REPORT", translate("CoverageGapsAlgorithm", "Report (CSV or XLSX)"))
        self.addOutput(QgsProcessingOutputNumber("REQUESTS", translate("CoverageGapsAlgorithm", "Open requests")))
        self.addOutput(
            QgsProcessingOutputNumber("UNCOVERED_COUNT", translate("CoverageGapsAlgorithm", "Requests not covered"))
        )
        self.addOutput(
            QgsProcessingOutputString(
                "TRAVEL_MODEL",
                translate("CoverageGapsAlgorithm", "Travel-time model (road_network or straight_line)"),
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        text = self.parameterAsString
        report = (self.parameterAsFileOutput(parameters, "REPORT", context) or "").strip() or None
        area_kinds = parse_list(text(parameters, "SERVICE_AREA_KINDS", context))
        area_ids = parse_ids(text(parameters, "SERVICE_AREA_IDS", context))
        params = CoverageGapParams(
            area_code=text(parameters, "AREA", context).strip() or None,
            max_minutes=self.parameterAsDouble(parameters, "MAX_MINUTES", context),
            facility_kinds=parse_list(text(parameters, "FACILITY_KINDS", context)),
            service_area_ids=area_ids or None,
            service_area_kinds=area_kinds or None,
            use_network=not self.parameterAsBoolean(parameters, "STRAIGHT_LINE", context),
            campaign=text(parameters, "CAMPAIGN", context).strip() or None,
            report_path=report,
        )
        with service_errors():
            result = coverage_gaps(location, params, FeedbackProgress(feedback))
        dest = self._tambon_sink(parameters, context, result)
        uncovered_dest = self._uncovered_sink(parameters, context, result)
        for line in result.summary_lines():
            feedback.pushInfo(line)
        load_into_planning_group(context, dest, VACCINATION_STYLE if params.campaign else GAP_STYLE)
        load_into_planning_group(context, uncovered_dest, UNCOVERED_STYLE)
        out = {
            "OUTPUT": dest,
            "UNCOVERED": uncovered_dest,
            "REQUESTS": result.requests,
            "UNCOVERED_COUNT": len(result.uncovered) if result.uncovered is not None else 0,
            "TRAVEL_MODEL": result.model.value,
        }
        if result.report_path is not None:
            out["REPORT"] = str(result.report_path)
        return out

    def _tambon_sink(self, parameters, context, result: CoverageGapResult) -> str:
        from .assign_base import _crs_4326

        fields = tambon_fields()
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.MultiPolygon, _crs_4326())
        for tambon in result.tambons:
            sink.addFeature(_tambon_feature(fields, tambon, result), QgsFeatureSink.FastInsert)
        return dest

    def _uncovered_sink(self, parameters, context, result: CoverageGapResult) -> str:
        from .assign_base import _crs_4326

        fields = uncovered_fields()
        sink, dest = self.parameterAsSink(parameters, "UNCOVERED", context, fields, QgsWkbTypes.Point, _crs_4326())
        un = result.uncovered
        codes = [t.counts.code for t in result.tambons]
        for i in range(len(un) if un is not None else 0):
            p = un.points
            reason = "both" if un.beyond[i] and un.outside[i] else ("beyond" if un.beyond[i] else "outside")
            minutes = float(un.minutes[i])
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(p.lon[i]), float(p.lat[i]))))
            feature.setAttributes(
                [
                    int(p.id[i]),
                    codes[int(p.tambon[i])],
                    URGENCIES[int(p.urgency[i])],
                    CATEGORIES[int(p.category[i])],
                    reason,
                    round(minutes, 1) if minutes != float("inf") else None,
                    result.max_minutes,
                    result.model.value,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest


def _tambon_feature(fields: QgsFields, tambon: TambonGap, result: CoverageGapResult) -> QgsFeature:
    feature = QgsFeature(fields)
    if tambon.counts.wkb is not None:
        geometry = QgsGeometry()
        geometry.fromWkb(tambon.counts.wkb)
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
    feature.setAttributes(report_row(tambon, result))
    return feature
