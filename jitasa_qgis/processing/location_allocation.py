"""jitasa:locationallocation — choose K sites among candidates (a point layer, tambon centroids or road
junctions) for demand (open requests by urgency, tambon population, or a numeric field of a layer) within a
threshold: maximal covering, p-median or set covering, with existing facilities kept and an optional
capacitated variant (services.location_allocation). Outputs: the chosen sites (rank, demand added and
served, capacity, fixed), the allocation lines, and the report (objective, proven bound, gap, status,
reductions, travel model) in the log and as outputs. Loaded into the "Jitasa planning" group."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
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
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..definitions.i18n import translate
from ..layers.planning_group import load_into_planning_group
from ..services.location_allocation import (
    KM,
    MINUTES,
    MODELS,
    POINTS,
    POPULATION,
    REQUESTS,
    ROAD_NODES,
    TAMBON_CENTROIDS,
    CandidatePoints,
    DemandPoints,
    LocationAllocationParams,
    LocationAllocationResult,
    locate,
)
from .base import PlanningAlgorithm, service_errors
from .feedback_progress import FeedbackProgress

SITE_STYLE = "planning/plan_site"  # resources/styles/planning/plan_site.qml (h12b's, shared with the plan)
LINE_STYLE = "planning/allocation_line"
DEMANDS = (REQUESTS, POPULATION, POINTS)
CANDIDATE_SOURCES = (POINTS, TAMBON_CENTROIDS, ROAD_NODES)
UNITS = (MINUTES, KM)


def site_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (
        ("rank", QVariant.Int),
        ("name", QVariant.String),
        ("ref", QVariant.String),
        ("fixed", QVariant.Bool),
        ("capacity", QVariant.Double),
        ("demand_added", QVariant.Double),  # in the greedy reading's order (rank 1 adds the most)
        ("demand_served", QVariant.Double),
        ("facility_id", QVariant.Int),
        ("tambon_code", QVariant.String),
        ("model", QVariant.String),
        ("travel_model", QVariant.String),
        ("run_id", QVariant.Int),
    ):
        fields.append(QgsField(name, kind))
    return fields


def line_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (
        ("demand_ref", QVariant.String),
        ("site_rank", QVariant.Int),
        ("site_ref", QVariant.String),
        ("fraction", QVariant.Double),
        ("weight", QVariant.Double),
        ("cost", QVariant.Double),
        ("unit", QVariant.String),
        ("travel_model", QVariant.String),
    ):
        fields.append(QgsField(name, kind))
    return fields


def parse_weights(text: str) -> tuple[tuple[str, float], ...]:
    """ "critical=10,high=5" -> (("critical", 10.0), ("high", 5.0)); ValueError naming the bad part."""
    out = []
    for part in str(text or "").replace(";", ",").split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        try:
            if not sep:
                raise ValueError
            number = float(value)
            if number < 0:
                raise ValueError
        except ValueError:
            raise ValueError(
                translate(
                    "LocationAllocationAlgorithm", "'{0}' is not urgency=weight with a weight of 0 or more."
                ).format(part.strip())
            ) from None
        out.append((key.strip(), number))
    return tuple(out)


def _parse_list(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in str(text or "").replace(";", ",").split(",") if p.strip())


def _points_of(source, context, field_name=None, allow_null: bool = False):
    """(lon, lat, refs, names, values) of a layer's features in EPSG:4326 (a polygon: a point on its surface);
    names from a name_th or name field where the layer has one; `allow_null`: a NULL value is None."""
    names_in = [f.name() for f in source.fields()]
    label_field = next((n for n in ("name_th", "name") if n in names_in), None)
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    transform = QgsCoordinateTransform(source.sourceCrs(), wgs84, context.transformContext())
    lon, lat, refs, names, values = [], [], [], [], []
    for feature in source.getFeatures():
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        point = geometry if geometry.type() == QgsWkbTypes.PointGeometry else geometry.pointOnSurface()
        p = transform.transform(point.asPoint() if not point.isMultipart() else point.asMultiPoint()[0])
        lon.append(p.x())
        lat.append(p.y())
        refs.append(str(feature.id()))
        names.append(
            str(feature[label_field]) if label_field and feature[label_field] is not None else str(feature.id())
        )
        if field_name:
            value = feature[field_name]
            if allow_null and (value is None or str(value) in ("", "NULL")):
                values.append(None)
                continue
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise QgsProcessingException(
                    translate(
                        "LocationAllocationAlgorithm", "Feature {0} has no number in the field {1} ('{2}')."
                    ).format(feature.id(), field_name, value)
                ) from None
            values.append(number)
    return lon, lat, refs, names, values


class LocationAllocationAlgorithm(PlanningAlgorithm):
    def name(self) -> str:
        return "locationallocation"

    def displayName(self) -> str:
        return translate("LocationAllocationAlgorithm", "Location-allocation (choose sites)")

    def shortHelpString(self) -> str:
        return translate(
            "LocationAllocationAlgorithm",
            "Choose K sites among candidates for the demand within a threshold:\n"
            "- Maximal covering (MCLP): the most demand within the threshold of a chosen site.\n"
            "- p-median: the least demand-weighted travel, every demand point served by a site within the "
            "threshold.\n"
            "- Set covering (LSCP): the fewest sites that reach all demand within the threshold (K is ignored).\n"
            "Existing facilities (by kind or id) are kept in the plan and count towards K. Capacitated: a site "
            "serves at most its capacity (the candidate layer's field, a facility's daily capacity, or the "
            "default); split lets one demand point be served by several sites. The threshold is minutes on the "
            "road network covering the demand (the straight line where there is none, or when chosen) or "
            "kilometres in a straight line. Solved exactly (HiGHS) after a reduction that keeps the optimum; a "
            "time limit returns the best plan found with its proven bound and gap. The sites are ranked in the "
            "order a greedy reading adds them (rank 1 adds the most).",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterEnum(
                "MODEL",
                translate("LocationAllocationAlgorithm", "Model"),
                options=[
                    translate("LocationAllocationAlgorithm", "Maximal covering (MCLP)"),
                    translate("LocationAllocationAlgorithm", "p-median"),
                    translate("LocationAllocationAlgorithm", "Set covering (LSCP)"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "K",
                translate("LocationAllocationAlgorithm", "Number of sites (K)"),
                QgsProcessingParameterNumber.Integer,
                5,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "THRESHOLD",
                translate("LocationAllocationAlgorithm", "Threshold"),
                QgsProcessingParameterNumber.Double,
                30.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "UNIT",
                translate("LocationAllocationAlgorithm", "Threshold unit"),
                options=[
                    translate("LocationAllocationAlgorithm", "Minutes (road network where there is one)"),
                    translate("LocationAllocationAlgorithm", "Kilometres (straight line)"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "STRAIGHT_LINE",
                translate(
                    "LocationAllocationAlgorithm", "Minutes on the straight line even where a road network exists"
                ),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "DEMAND",
                translate("LocationAllocationAlgorithm", "Demand"),
                options=[
                    translate("LocationAllocationAlgorithm", "Open requests weighted by urgency"),
                    translate("LocationAllocationAlgorithm", "Tambon population"),
                    translate("LocationAllocationAlgorithm", "A numeric field of a layer"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "URGENCY_WEIGHTS",
                translate("LocationAllocationAlgorithm", "Urgency weights"),
                defaultValue="critical=10,high=5,normal=2,low=1",
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "DEMAND_LAYER",
                translate("LocationAllocationAlgorithm", "Demand layer"),
                [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "DEMAND_FIELD",
                translate("LocationAllocationAlgorithm", "Demand field (numeric)"),
                parentLayerParameterName="DEMAND_LAYER",
                type=QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "CANDIDATES",
                translate("LocationAllocationAlgorithm", "Candidates"),
                options=[
                    translate("LocationAllocationAlgorithm", "A point layer"),
                    translate("LocationAllocationAlgorithm", "Tambon centroids"),
                    translate("LocationAllocationAlgorithm", "Road junctions"),
                ],
                defaultValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "CANDIDATE_LAYER",
                translate("LocationAllocationAlgorithm", "Candidate layer"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "CAPACITY_FIELD",
                translate("LocationAllocationAlgorithm", "Capacity field of the candidates"),
                parentLayerParameterName="CANDIDATE_LAYER",
                type=QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "AREA",
                translate("LocationAllocationAlgorithm", "Only inside this province / amphoe / tambon code (e.g. 67)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "FIXED_KINDS",
                translate(
                    "LocationAllocationAlgorithm", "Keep existing facilities of these kinds (e.g. vaccination_point)"
                ),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "FIXED_IDS",
                translate("LocationAllocationAlgorithm", "Keep existing facilities with these ids"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "CAPACITATED", translate("LocationAllocationAlgorithm", "Capacitated"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "SPLIT",
                translate("LocationAllocationAlgorithm", "A demand point may be split between sites"),
                defaultValue=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "DEFAULT_CAPACITY",
                translate("LocationAllocationAlgorithm", "Capacity of a site that has none"),
                QgsProcessingParameterNumber.Double,
                optional=True,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TIME_LIMIT",
                translate("LocationAllocationAlgorithm", "Time limit (seconds)"),
                QgsProcessingParameterNumber.Double,
                60.0,
                minValue=0.1,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "WRITE_TO_STORE",
                translate("LocationAllocationAlgorithm", "Also store the plan (plan run and sites)"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterString("NAME", translate("LocationAllocationAlgorithm", "Plan name"), optional=True)
        )
        self.add_layer_output(
            "OUTPUT", translate("LocationAllocationAlgorithm", "Chosen sites"), QgsProcessing.TypeVectorPoint
        )
        self.add_layer_output(
            "LINES", translate("LocationAllocationAlgorithm", "Allocation lines"), QgsProcessing.TypeVectorLine
        )
        for key, label in (
            ("OBJECTIVE", translate("LocationAllocationAlgorithm", "Objective")),
            ("BOUND", translate("LocationAllocationAlgorithm", "Proven bound")),
            ("GAP", translate("LocationAllocationAlgorithm", "Relative gap (0: proven optimal)")),
            ("SITES", translate("LocationAllocationAlgorithm", "Sites chosen")),
            ("COVERED", translate("LocationAllocationAlgorithm", "Demand served")),
            ("RUN_ID", translate("LocationAllocationAlgorithm", "Plan run id")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        for key, label in (
            (
                "STATUS",
                translate(
                    "LocationAllocationAlgorithm", "Solver status (optimal, time_limit, no_solution, infeasible)"
                ),
            ),
            ("MODEL_CODE", translate("LocationAllocationAlgorithm", "Model (mclp, pmedian, lscp)")),
            ("TRAVEL_MODEL", translate("LocationAllocationAlgorithm", "Travel model (road_network, straight_line)")),
            ("REPORT", translate("LocationAllocationAlgorithm", "Report")),
        ):
            self.addOutput(QgsProcessingOutputString(key, label))

    def _params(self, parameters, context) -> LocationAllocationParams:
        text = self.parameterAsString
        demand_kind = DEMANDS[self.parameterAsEnum(parameters, "DEMAND", context)]
        candidate_kind = CANDIDATE_SOURCES[self.parameterAsEnum(parameters, "CANDIDATES", context)]
        demand_points = candidate_points = None
        if demand_kind == POINTS:
            source = self.parameterAsSource(parameters, "DEMAND_LAYER", context)
            field = text(parameters, "DEMAND_FIELD", context)
            if source is None or not field:
                raise QgsProcessingException(
                    translate("LocationAllocationAlgorithm", "Choose the demand layer and its numeric field.")
                )
            lon, lat, refs, names, values = _points_of(source, context, field)
            demand_points = DemandPoints(tuple(lon), tuple(lat), tuple(values), tuple(refs), tuple(names))
        if candidate_kind == POINTS:
            source = self.parameterAsSource(parameters, "CANDIDATE_LAYER", context)
            if source is None:
                raise QgsProcessingException(translate("LocationAllocationAlgorithm", "Choose the candidate layer."))
            cap_field = text(parameters, "CAPACITY_FIELD", context) or None
            lon, lat, refs, names, caps = _points_of(source, context, cap_field, allow_null=True)
            candidate_points = CandidatePoints(tuple(lon), tuple(lat), tuple(refs), tuple(names), tuple(caps))
        default_capacity = parameters.get("DEFAULT_CAPACITY")
        try:
            fixed_ids = tuple(int(p) for p in _parse_list(text(parameters, "FIXED_IDS", context)))
        except ValueError:
            raise QgsProcessingException(
                translate("LocationAllocationAlgorithm", "Facility ids must be whole numbers.")
            ) from None
        try:
            weights = parse_weights(text(parameters, "URGENCY_WEIGHTS", context))
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from None
        return LocationAllocationParams(
            model=MODELS[self.parameterAsEnum(parameters, "MODEL", context)],
            k=self.parameterAsInt(parameters, "K", context),
            threshold=self.parameterAsDouble(parameters, "THRESHOLD", context),
            unit=UNITS[self.parameterAsEnum(parameters, "UNIT", context)],
            capacitated=self.parameterAsBoolean(parameters, "CAPACITATED", context),
            split=self.parameterAsBoolean(parameters, "SPLIT", context),
            default_capacity=None
            if default_capacity in (None, "")
            else self.parameterAsDouble(parameters, "DEFAULT_CAPACITY", context),
            demand=demand_kind,
            demand_points=demand_points,
            urgency_weights=weights,
            candidates=candidate_kind,
            candidate_points=candidate_points,
            area_code=text(parameters, "AREA", context).strip() or None,
            fixed_kinds=_parse_list(text(parameters, "FIXED_KINDS", context)),
            fixed_ids=fixed_ids,
            time_limit=self.parameterAsDouble(parameters, "TIME_LIMIT", context),
            straight_line=self.parameterAsBoolean(parameters, "STRAIGHT_LINE", context),
            write=self.parameterAsBoolean(parameters, "WRITE_TO_STORE", context),
            name=text(parameters, "NAME", context).strip(),
        )

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        params = self._params(parameters, context)
        try:
            with service_errors():
                result = locate(location, params, FeedbackProgress(feedback))
        except QgsProcessingException:
            if feedback.isCanceled():
                return {}  # cancelled before the commit: nothing was written
            raise
        report = result.summary_lines()
        for line in report:
            feedback.pushInfo(line)
        dest = self._write_sites(parameters, context, result)
        lines_dest = self._write_lines(parameters, context, result)
        load_into_planning_group(context, dest, SITE_STYLE)
        load_into_planning_group(context, lines_dest, LINE_STYLE)
        return {
            "OUTPUT": dest,
            "LINES": lines_dest,
            "OBJECTIVE": result.objective,
            "BOUND": result.bound,
            "GAP": result.gap,
            "SITES": len(result.sites),
            "COVERED": result.covered_weight,
            "RUN_ID": result.run_id,
            "STATUS": result.status,
            "MODEL_CODE": result.model,
            "TRAVEL_MODEL": result.travel_model.value,
            "REPORT": "\n".join(report),
        }

    def _write_sites(self, parameters, context, result: LocationAllocationResult):
        fields = site_fields()
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Point, wgs84)
        for s in result.sites:
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(s.lon, s.lat)))
            feature.setAttributes(
                [
                    s.rank,
                    s.name,
                    s.ref,
                    s.fixed,
                    s.capacity,
                    s.demand_added,
                    s.demand_served,
                    s.facility_id,
                    s.tambon_code,
                    result.model,
                    result.travel_model.value,
                    result.run_id,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest

    def _write_lines(self, parameters, context, result: LocationAllocationResult):
        fields = line_fields()
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        sink, dest = self.parameterAsSink(parameters, "LINES", context, fields, QgsWkbTypes.LineString, wgs84)
        site_at = {s.rank: (s.lon, s.lat) for s in result.sites}
        for ln in result.lines:
            lon, lat = site_at[ln.site_rank]
            feature = QgsFeature(fields)
            feature.setGeometry(
                QgsGeometry.fromPolylineXY([QgsPointXY(ln.demand_lon, ln.demand_lat), QgsPointXY(lon, lat)])
            )
            feature.setAttributes(
                [
                    ln.demand_ref,
                    ln.site_rank,
                    ln.site_ref,
                    ln.fraction,
                    ln.weight,
                    ln.cost,
                    result.unit,
                    result.travel_model.value,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest
