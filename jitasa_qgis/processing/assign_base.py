"""What jitasa:assignnearest and jitasa:assignoptimal share: scope, limits, mode, the line output, and the
run itself (read the scope from the store → solve with core.assignment → write proposals or confirm)."""

from __future__ import annotations

import json
from collections import Counter

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
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.assignment import AssignmentProblem, AssignmentResult, HelpRequests, Volunteers
from ..definitions.eligibility import DEFAULT_MAX_TRAVEL_MINUTES, DEFAULT_SPEED_KMH
from ..definitions.i18n import translate
from ..definitions.reasons import reason_text
from ..store.assignments import Outcome, Scope, assign_pairs, create_run, load_assignment_inputs, propose_assignments
from ..store.errors import StoreError
from .area_parameter import resolve_area
from .base import JitasaAlgorithm

SCOPE_KINDS = ("all", "amphoe", "tambon", "service_area", "polygon")
MODES = ("propose", "confirm")


def scope_from_values(
    kind: str, code: str = "", service_area_id: int | None = None, polygon_wkt: str | None = None
) -> Scope:
    """A store Scope from the algorithm's parameter values; a missing value for the chosen kind is an error."""
    if kind == "all":
        return Scope()
    if kind == "amphoe" and code:
        return Scope(amphoe_code=code)
    if kind == "tambon" and code:
        return Scope(tambon_code=code)
    if kind == "service_area" and service_area_id:
        return Scope(service_area_id=int(service_area_id))
    if kind == "polygon" and polygon_wkt:
        return Scope(polygon_wkt=polygon_wkt)
    # One message per kind, so a Thai message names the kind in Thai (not the English word 'amphoe').
    messages = {
        "amphoe": translate("AssignAlgorithm", "The scope 'one amphoe' needs the amphoe: its name or its code."),
        "tambon": translate("AssignAlgorithm", "The scope 'one tambon' needs the tambon: its name or its code."),
        "service_area": translate("AssignAlgorithm", "The scope 'a service area' needs the service area id."),
        "polygon": translate("AssignAlgorithm", "The scope 'inside polygons' needs a polygon layer."),
    }
    raise ValueError(messages.get(kind) or translate("AssignAlgorithm", "Unknown scope: {0}").format(kind))


def problem_from_inputs(inputs) -> AssignmentProblem:
    r, v = inputs.requests, inputs.volunteers
    return AssignmentProblem(
        HelpRequests(r.id, r.lon, r.lat, r.urgency, r.category, r.created_at),
        Volunteers(v.id, v.lon, v.lat, v.capacity, None, v.skills, v.vehicle),
    )


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
    ):  # reason: in words (translated); code: stable
        fields.append(QgsField(name, kind))
    return fields


class AssignAlgorithm(JitasaAlgorithm):
    """Base of the two assignment algorithms; subclasses choose the solver in `solve()`."""

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
                translate("AssignAlgorithm", "Amphoe or tambon: name or code (e.g. วังโป่ง, Wang Pong " "or 6710)"),
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

    def checkParameterValues(self, parameters, context):
        minutes = self.parameterAsDouble(parameters, "MAX_MINUTES", context)
        if not minutes > 0:
            return False, translate("AssignAlgorithm", "The maximum travel time must be more than 0 minutes.")
        return super().checkParameterValues(parameters, context)

    def solve(self, problem: AssignmentProblem, max_minutes: float, speed_kmh: float) -> AssignmentResult:
        raise NotImplementedError

    def _scope(self, parameters, context, conn, feedback) -> tuple[Scope, str]:
        kind = SCOPE_KINDS[self.parameterAsEnum(parameters, "SCOPE", context)]
        code = self.parameterAsString(parameters, "AREA_CODE", context).strip()
        if kind in ("amphoe", "tambon") and code:
            code = resolve_area(conn, kind, code, feedback).code  # a name (Thai or English) or a code
            conn.rollback()
        area = parameters.get("SERVICE_AREA")
        wkt = None
        if kind == "polygon":
            source = self.parameterAsSource(parameters, "SCOPE_LAYER", context)
            if source is None:
                raise QgsProcessingException(translate("AssignAlgorithm", "Choose a layer of scope polygons."))
            wkt = _union_wkt_4326(source, context)
        try:
            scope = scope_from_values(kind, code, int(area) if area not in (None, "") else None, wkt)
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from None
        label = {
            "all": "all",
            "amphoe": f"amphoe {code}",
            "tambon": f"tambon {code}",
            "service_area": f"service area {area}",
            "polygon": "polygon",
        }[kind]
        return scope, label

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        max_minutes = self.parameterAsDouble(parameters, "MAX_MINUTES", context)
        speed = self.parameterAsDouble(parameters, "SPEED_KMH", context)
        mode = MODES[self.parameterAsEnum(parameters, "MODE", context)]
        try:
            conn = location.spec.connect()
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from None
        try:
            scope, scope_label = self._scope(parameters, context, conn, feedback)
        except BaseException:
            conn.close()
            raise
        try:
            inputs = load_assignment_inputs(conn, scope, margin_km=max_minutes / 60.0 * speed)
            conn.rollback()
            feedback.pushInfo(
                translate("AssignAlgorithm", "{0} open requests and {1} volunteers in scope.").format(
                    len(inputs.requests.id), len(inputs.volunteers.id)
                )
            )
            result = self.solve(problem_from_inputs(inputs), max_minutes, speed)
            if feedback.isCanceled():
                return {}
            summary = _json_summary(result.summary.as_dict(), len(inputs.unlocated_request_ids))
            run_id = create_run(
                conn,
                self.method,
                scope_label,
                {"max_minutes": max_minutes, "speed_kmh": speed, "mode": mode},
                commit=False,
            )
            write = propose_assignments if mode == "propose" else assign_pairs
            batch = write(
                conn,
                run_id,
                result.request_id.tolist(),
                result.volunteer_id.tolist(),
                result.minutes.tolist(),
                True,
                commit=False,
            )
            conn.commit()
        except StoreError as exc:
            conn.rollback()
            raise QgsProcessingException(str(exc)) from None
        finally:
            conn.close()
        summary["refused_by_store"] = batch.refused_by_reason()
        sink, dest = self.parameterAsSink(
            parameters, "OUTPUT", context, output_fields(), QgsWkbTypes.LineString, _crs_4326()
        )
        coords = _coordinates(inputs)
        minutes = dict(zip(result.request_id.tolist(), result.minutes.tolist()))
        for row in batch.rows:
            feature = QgsFeature(output_fields())
            a = coords["request"].get(row.request_id)
            b = coords["volunteer"].get(row.volunteer_id)
            if a and b:
                feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*b), QgsPointXY(*a)]))
            feature.setAttributes(
                [
                    run_id,
                    row.assignment_id,
                    row.request_id,
                    row.volunteer_id,
                    minutes.get(row.request_id),
                    row.outcome.value,
                    reason_text(row.reason, row.detail) if row.reason else None,
                    row.reason,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        written = batch.count(Outcome.PROPOSED) + batch.count(Outcome.CONFIRMED)
        for line in _summary_lines(result.summary.as_dict(), written, batch, mode):
            feedback.pushInfo(line)
        return {
            "OUTPUT": dest,
            "RUN_ID": run_id,
            "ASSIGNED": written,
            "UNASSIGNED": int(result.summary.unassigned),
            "REFUSED": batch.refused,
            "TOTAL_MINUTES": float(result.summary.total_minutes or 0.0),
            "MEAN_MINUTES": float(result.summary.mean_minutes or 0.0),
            "SUMMARY": json.dumps(summary, ensure_ascii=False),
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


def _json_summary(summary: dict, unlocated: int) -> dict:
    out = {k: v for k, v in summary.items() if isinstance(v, (int, float, str, bool, dict, list, type(None)))}
    out["requests_without_location"] = unlocated
    return json.loads(json.dumps(out, default=str))


def _summary_lines(summary: dict, written: int, batch, mode: str) -> list[str]:
    lines = [
        translate("AssignAlgorithm", "Assigned {0} of {1} requests ({2}).").format(
            written,
            summary.get("requests", 0),
            translate("AssignAlgorithm", "proposals for review")
            if mode == "propose"
            else translate("AssignAlgorithm", "confirmed"),
        )
    ]
    if summary.get("mean_minutes") is not None:
        lines.append(
            translate(
                "AssignAlgorithm", "Travel: total {0:.0f} min, mean {1:.1f} min (straight-line " "estimate)."
            ).format(summary.get("total_minutes") or 0.0, summary["mean_minutes"])
        )
    for code, count in (summary.get("unassigned_by_reason") or {}).items():
        lines.append(translate("AssignAlgorithm", "Unassigned: {0} — {1}").format(count, reason_text(code)))
    # counted by text: the same code with different details (now active, now rejected) reads differently
    for text, count in Counter(reason_text(code, detail) for code, detail in batch.refusals()).most_common():
        lines.append(translate("AssignAlgorithm", "Refused by the store: {0} — {1}").format(count, text))
    return lines
