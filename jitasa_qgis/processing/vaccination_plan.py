"""jitasa:vaccinationplan — K mobile vaccination or screening units where people not yet covered are most
(services.vaccination_plan: MCLP on target - covered per tambon), as a sites layer numbered in the order of
benefit and the tambons' coverage, both styled in the "Jitasa planning" group, the plan stored as plan_run /
plan_site, and an optional CSV / XLSX of the sites."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..definitions.i18n import translate
from ..layers.planning_group import load_into_planning_group
from ..services.location_allocation import KM, MINUTES
from ..services.vaccination_plan import VaccinationPlanParams, VaccinationPlanResult, vaccination_plan
from .base import PlanningAlgorithm, service_errors
from .coverage_gaps import VACCINATION_STYLE, parse_list
from .feedback_progress import FeedbackProgress
from .import_coverage_counts import coverage_feature, coverage_fields

SITE_STYLE = "planning/plan_site"
UNITS = (MINUTES, KM)


def site_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (
        ("rank", QVariant.Int),
        ("name", QVariant.String),
        ("tambon_code", QVariant.String),
        ("fixed", QVariant.Bool),
        ("people_added", QVariant.Double),
        ("people_served", QVariant.Double),
        ("campaign", QVariant.String),
        ("threshold", QVariant.Double),
        ("unit", QVariant.String),
        ("travel_model", QVariant.String),
        ("status", QVariant.String),
        ("gap", QVariant.Double),
        ("run_id", QVariant.Int),
    ):
        fields.append(QgsField(name, kind))
    return fields


class VaccinationPlanAlgorithm(PlanningAlgorithm):
    def name(self) -> str:
        return "vaccinationplan"

    def displayName(self) -> str:
        return translate("VaccinationPlanAlgorithm", "Plan mobile vaccination / screening units")

    def shortHelpString(self) -> str:
        return translate(
            "VaccinationPlanAlgorithm",
            "Where should the next mobile vaccination or screening units go? Places K units (tambon centres as "
            "candidates) so that as many people not yet covered as possible are within the threshold of one: "
            "maximal covering, solved exactly (the log gives the solver's proven gap, 0 when optimal).\n"
            "Demand: each tambon's latest imported count of the campaign (target population minus vaccinated "
            "or screened) at a point inside the tambon. Import the counts first with 'Import vaccination / "
            "screening counts per tambon'.\n"
            "Minutes are road minutes where a road network covers the tambons, else the straight line (said in "
            "the output); or choose km on the map.\n"
            "Outputs: the units numbered in the order they add the most people, the tambons' coverage, and a "
            "CSV or XLSX of the units; the plan is stored (plan_run, plan_site) to print or compare.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterString(
                "CAMPAIGN", translate("VaccinationPlanAlgorithm", "Campaign (e.g. covid19_dose2)"), defaultValue=""
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "K",
                translate("VaccinationPlanAlgorithm", "Number of units"),
                QgsProcessingParameterNumber.Integer,
                defaultValue=3,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "THRESHOLD",
                translate("VaccinationPlanAlgorithm", "Reach of a unit"),
                QgsProcessingParameterNumber.Double,
                defaultValue=30.0,
                minValue=0.1,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "UNIT",
                translate("VaccinationPlanAlgorithm", "Reach in"),
                options=[
                    translate("VaccinationPlanAlgorithm", "Minutes of travel"),
                    translate("VaccinationPlanAlgorithm", "Kilometres (straight line)"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "AREA",
                translate("VaccinationPlanAlgorithm", "Province or amphoe code (empty: every tambon with counts)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "FIXED_KINDS",
                translate("VaccinationPlanAlgorithm", "Existing facility kinds kept as units (e.g. vaccination_point)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TIME_LIMIT",
                translate("VaccinationPlanAlgorithm", "Solver time limit (seconds)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=60.0,
                minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "STRAIGHT_LINE",
                translate("VaccinationPlanAlgorithm", "Use the straight line even where a road network exists"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "WRITE_TO_STORE", translate("VaccinationPlanAlgorithm", "Store the plan"), defaultValue=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "NAME", translate("VaccinationPlanAlgorithm", "Plan name"), optional=True, defaultValue=""
            )
        )
        self.add_layer_output(
            "OUTPUT", translate("VaccinationPlanAlgorithm", "Mobile units"), QgsProcessing.TypeVectorPoint
        )
        self.add_layer_output(
            "COVERAGE", translate("VaccinationPlanAlgorithm", "Coverage per tambon"), QgsProcessing.TypeVectorPolygon
        )
        self.add_report_output("REPORT", translate("VaccinationPlanAlgorithm", "Units report (CSV or XLSX)"))
        self.addOutput(QgsProcessingOutputNumber("RUN_ID", translate("VaccinationPlanAlgorithm", "Plan run id")))
        self.addOutput(
            QgsProcessingOutputNumber("PEOPLE_COVERED", translate("VaccinationPlanAlgorithm", "People within reach"))
        )
        self.addOutput(QgsProcessingOutputNumber("GAP", translate("VaccinationPlanAlgorithm", "Proven gap")))
        self.addOutput(
            QgsProcessingOutputString(
                "TRAVEL_MODEL",
                translate("VaccinationPlanAlgorithm", "Travel-time model (road_network or straight_line)"),
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        text = self.parameterAsString
        report = (self.parameterAsFileOutput(parameters, "REPORT", context) or "").strip() or None
        params = VaccinationPlanParams(
            campaign=(text(parameters, "CAMPAIGN", context) or "").strip(),
            k=self.parameterAsInt(parameters, "K", context),
            threshold=self.parameterAsDouble(parameters, "THRESHOLD", context),
            unit=UNITS[self.parameterAsEnum(parameters, "UNIT", context)],
            area_code=(text(parameters, "AREA", context) or "").strip() or None,
            fixed_kinds=parse_list(text(parameters, "FIXED_KINDS", context)),
            time_limit=self.parameterAsDouble(parameters, "TIME_LIMIT", context),
            straight_line=self.parameterAsBoolean(parameters, "STRAIGHT_LINE", context),
            write=self.parameterAsBoolean(parameters, "WRITE_TO_STORE", context),
            name=(text(parameters, "NAME", context) or "").strip(),
            report_path=report,
        )
        with service_errors():
            result = vaccination_plan(location, params, FeedbackProgress(feedback))
        for line in result.summary_lines():
            feedback.pushInfo(line)
        dest = self._sites(parameters, context, result)
        coverage_dest = self._coverage(parameters, context, result)
        load_into_planning_group(context, coverage_dest, VACCINATION_STYLE)
        load_into_planning_group(context, dest, SITE_STYLE)  # last: on top of the group
        plan = result.plan
        out = {
            "OUTPUT": dest,
            "COVERAGE": coverage_dest,
            "RUN_ID": plan.run_id,
            "PEOPLE_COVERED": plan.covered_weight,
            "GAP": plan.gap,
            "TRAVEL_MODEL": plan.travel_model.value if plan.unit == MINUTES else "straight_line",
        }
        if result.report_path is not None:
            out["REPORT"] = str(result.report_path)
        return out

    def _sites(self, parameters, context, result: VaccinationPlanResult) -> str:
        from .assign_base import _crs_4326

        fields = site_fields()
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Point, _crs_4326())
        plan = result.plan
        for s in plan.sites:
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(s.lon, s.lat)))
            feature.setAttributes(
                [
                    s.rank,
                    s.name,
                    s.tambon_code or s.ref,
                    s.fixed,
                    round(s.demand_added, 1),
                    round(s.demand_served, 1),
                    result.campaign,
                    plan.threshold,
                    plan.unit,
                    plan.travel_model.value if plan.unit == MINUTES else "straight_line",
                    plan.status,
                    plan.gap,
                    plan.run_id,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest

    def _coverage(self, parameters, context, result: VaccinationPlanResult) -> str:
        from .assign_base import _crs_4326

        fields = coverage_fields()
        sink, dest = self.parameterAsSink(
            parameters, "COVERAGE", context, fields, QgsWkbTypes.MultiPolygon, _crs_4326()
        )
        for t in result.tambons:
            feature = coverage_feature(fields, t, result.campaign)
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest
