"""What jitasa:assignnearest and jitasa:assignoptimal share: scope, limits, mode and the line output. The run
itself (read the scope → solve → write proposals or confirm) is services/batch_assignment.py; a subclass
only names its `method`."""

from __future__ import annotations

import json

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
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..definitions.eligibility import DEFAULT_MAX_TRAVEL_MINUTES, DEFAULT_SPEED_KMH
from ..definitions.i18n import translate
from ..definitions.reasons import reason_text
from ..services.batch_assignment import MODES, SCOPE_KINDS, BatchAssignmentParams, run_batch_assignment
from .base import JitasaAlgorithm, service_errors
from .feedback_progress import FeedbackProgress


def output_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (
        ("run_id", QVariant.Int),
        ("assignment_id", QVariant.Int),
        ("request_id", QVariant.Int),
        ("volunteer_id", QVariant.Int),
        ("minutes", QVariant.Double),
        ("outcome", QVariant.String),
        ("reason", QVariant.String),
        ("reason_code", QVariant.String),
        ("travel_model", QVariant.String),
    ):  # reason: in words (translated); code: stable; travel_model: road_network or straight_line
        fields.append(QgsField(name, kind))
    return fields


class AssignAlgorithm(JitasaAlgorithm):
    """Base of the two assignment algorithms; subclasses choose the solver by `method` (nearest, optimal)."""

    method = ""

    def group(self) -> str:
        return translate("AssignAlgorithm", "Assignment")

    def groupId(self) -> str:
        return "assignment"

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterEnum(
                "SCOPE",
                translate("AssignAlgorithm", "Scope"),
                options=[
                    translate("AssignAlgorithm", "All open requests"),
                    translate("AssignAlgorithm", "One amphoe"),
                    translate("AssignAlgorithm", "One tambon"),
                    translate("AssignAlgorithm", "A service area"),
                    translate("AssignAlgorithm", "Inside polygons of a layer"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "AREA_CODE",
                translate("AssignAlgorithm", "Amphoe or tambon: name or code (e.g. วังโป่ง, Wang Pong or 6710)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "SERVICE_AREA", translate("AssignAlgorithm", "Service area id"), optional=True, minValue=1
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "SCOPE_LAYER",
                translate("AssignAlgorithm", "Scope polygons"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "MAX_MINUTES",
                translate("AssignAlgorithm", "Maximum travel time (minutes)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=DEFAULT_MAX_TRAVEL_MINUTES,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "SPEED_KMH",
                translate("AssignAlgorithm", "Speed for straight-line estimates (km/h)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=DEFAULT_SPEED_KMH,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "STRAIGHT_LINE",
                translate(
                    "AssignAlgorithm", "Straight-line travel times even where a road network covers the requests"
                ),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "MODE",
                translate("AssignAlgorithm", "Mode"),
                options=[
                    translate("AssignAlgorithm", "Write proposals for review"),
                    translate("AssignAlgorithm", "Confirm directly"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", translate("AssignAlgorithm", "Assignments"), QgsProcessing.TypeVectorLine
            )
        )
        for name, title in (
            ("RUN_ID", translate("AssignAlgorithm", "Run id")),
            ("ASSIGNED", translate("AssignAlgorithm", "Assigned")),
            ("UNASSIGNED", translate("AssignAlgorithm", "Unassigned")),
            ("REFUSED", translate("AssignAlgorithm", "Refused by the store")),
            ("TOTAL_MINUTES", translate("AssignAlgorithm", "Total travel minutes")),
            ("MEAN_MINUTES", translate("AssignAlgorithm", "Mean travel minutes")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, title))
        self.addOutput(QgsProcessingOutputString("SUMMARY", translate("AssignAlgorithm", "Summary (JSON)")))
        self.addOutput(
            QgsProcessingOutputString(
                "TRAVEL_MODEL", translate("AssignAlgorithm", "Travel-time model (road_network or straight_line)")
            )
        )

    def checkParameterValues(self, parameters, context):
        minutes = self.parameterAsDouble(parameters, "MAX_MINUTES", context)
        if not minutes > 0:
            return False, translate("AssignAlgorithm", "The maximum travel time must be more than 0 minutes.")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        kind = SCOPE_KINDS[self.parameterAsEnum(parameters, "SCOPE", context)]
        area = parameters.get("SERVICE_AREA")
        wkt = None
        if kind == "polygon":
            source = self.parameterAsSource(parameters, "SCOPE_LAYER", context)
            if source is None:
                raise QgsProcessingException(translate("AssignAlgorithm", "Choose a layer of scope polygons."))
            wkt = _union_wkt_4326(source, context)
        params = BatchAssignmentParams(
            method=self.method,
            mode=MODES[self.parameterAsEnum(parameters, "MODE", context)],
            scope_kind=kind,
            area=self.parameterAsString(parameters, "AREA_CODE", context).strip(),
            service_area_id=int(area) if area not in (None, "") else None,
            polygon_wkt=wkt,
            max_minutes=self.parameterAsDouble(parameters, "MAX_MINUTES", context),
            speed_kmh=self.parameterAsDouble(parameters, "SPEED_KMH", context),
            straight_line=self.parameterAsBoolean(parameters, "STRAIGHT_LINE", context),
        )
        try:
            with service_errors():
                result = run_batch_assignment(location, params, FeedbackProgress(feedback))
        except QgsProcessingException:
            if feedback.isCanceled():
                return {}  # cancelled before the write: nothing was written
            raise
        sink, dest = self.parameterAsSink(
            parameters, "OUTPUT", context, output_fields(), QgsWkbTypes.LineString, _crs_4326()
        )
        coords = _coordinates(result.inputs)
        minutes = dict(zip(result.solution.request_id.tolist(), result.solution.minutes.tolist()))
        for row in result.batch.rows:
            feature = QgsFeature(output_fields())
            a = coords["request"].get(row.request_id)
            b = coords["volunteer"].get(row.volunteer_id)
            if a and b:
                feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*b), QgsPointXY(*a)]))
            feature.setAttributes(
                [
                    result.run_id,
                    row.assignment_id,
                    row.request_id,
                    row.volunteer_id,
                    minutes.get(row.request_id),
                    row.outcome.value,
                    reason_text(row.reason, row.detail) if row.reason else None,
                    row.reason,
                    result.travel_model.value,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        for line in result.summary_lines():
            feedback.pushInfo(line)
        return {
            "OUTPUT": dest,
            "RUN_ID": result.run_id,
            "ASSIGNED": result.written,
            "UNASSIGNED": result.unassigned,
            "REFUSED": result.refused,
            "TOTAL_MINUTES": result.total_minutes,
            "MEAN_MINUTES": result.mean_minutes,
            "SUMMARY": json.dumps(result.summary(), ensure_ascii=False, default=str),
            "TRAVEL_MODEL": result.travel_model.value,
        }


def _crs_4326():
    from qgis.core import QgsCoordinateReferenceSystem

    return QgsCoordinateReferenceSystem("EPSG:4326")


def _union_wkt_4326(source, context) -> str:
    from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsProcessingFeatureSource

    transform = QgsCoordinateTransform(source.sourceCrs(), _crs_4326(), context.transformContext())
    parts = []
    # Skip Processing's own validity check (in 3.22 its abort inside a Python loop crashes QGIS); the store
    # checks the polygon and names what is wrong with it.
    request = QgsFeatureRequest().setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    for feature in source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
        geometry = QgsGeometry(feature.geometry())
        if geometry.isEmpty():
            continue
        geometry.transform(transform)
        parts.append(geometry)
    if not parts:
        raise QgsProcessingException(translate("AssignAlgorithm", "The scope layer has no polygons."))
    return QgsGeometry.collectGeometry(parts).asWkt()  # the store checks validity and names the problem


def _coordinates(inputs) -> dict:
    r, v = inputs.requests, inputs.volunteers
    return {
        "request": {i: (x, y) for i, x, y in zip(r.id, r.lon, r.lat)},
        "volunteer": {i: (x, y) for i, x, y in zip(v.id, v.lon, v.lat)},
    }
