"""Vaccination / screening plan (the workflow behind jitasa:vaccinationplan): place K mobile units where the
people not yet vaccinated (or screened) are most, by maximal covering (MCLP) within a travel-time threshold.

Demand: each tambon's latest count of the campaign (jitasa:importcoveragecounts), target population minus
covered, at a point on the tambon's surface (store.coverage.tambon_rows). The sites are chosen by
services.location_allocation (h12a's solver: exact, with its proven gap; candidates the tambon centroids or
points given; existing facilities of some kinds kept); with `write` the plan is stored as one plan_run and
its plan_site rows. The result keeps the tambons' coverage for the map and an optional CSV / XLSX report of
the sites in the order a greedy reading adds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from ..core.table_export import Column, ExportCancelled, write_table
from ..definitions.i18n import translate
from .coverage_gaps import TambonGap, campaign_coverage
from .location_allocation import (
    MINUTES,
    TAMBON_CENTROIDS,
    CandidatePoints,
    DemandPoints,
    LocationAllocationParams,
    LocationAllocationResult,
    locate,
)
from .progress import Cancelled, Progress, check_cancelled, progress_of, scaled
from .store_access import Store

PathLike = Union[str, Path]


@dataclass(frozen=True)
class VaccinationPlanParams:
    campaign: str  # e.g. covid19_dose2: the counts imported for it
    k: int = 3  # mobile units to place (fixed facilities included)
    threshold: float = 30.0  # minutes (road where a network covers the tambons, else straight line) or km
    unit: str = MINUTES
    area_code: Optional[str] = None  # province / amphoe code: the tambons (and candidates) inside it
    candidates: str = TAMBON_CENTROIDS  # or "points" with candidate_points, or "road_nodes"
    candidate_points: Optional[CandidatePoints] = None
    fixed_kinds: tuple[str, ...] = ()  # existing facilities kept as sites (e.g. vaccination_point)
    time_limit: Optional[float] = 60.0
    straight_line: bool = False
    write: bool = True  # store plan_run / plan_site
    name: str = ""
    report_path: Optional[PathLike] = None  # .csv or .xlsx: the sites


@dataclass
class VaccinationPlanResult:
    campaign: str
    plan: LocationAllocationResult
    tambons: list[TambonGap] = field(default_factory=list)
    demand_tambons: int = 0  # tambons with people not covered
    unvaccinated: int = 0  # people not covered in them
    report_path: Optional[Path] = None

    def summary_lines(self) -> list[str]:
        lines = [
            translate(
                "VaccinationPlan", "Campaign {0}: {1:,} people not yet covered in {2} tambons (latest counts)."
            ).format(self.campaign, self.unvaccinated, self.demand_tambons)
        ]
        lines += self.plan.summary_lines()
        for site in self.plan.sites:
            lines.append(
                translate("VaccinationPlan", "Unit {0}: {1} — adds {2:,.0f} people, serves {3:,.0f}.").format(
                    site.rank, site.name or site.ref, site.demand_added, site.demand_served
                )
            )
        if self.report_path is not None:
            lines.append(translate("VaccinationPlan", "Report written to {0}.").format(str(self.report_path)))
        return lines


def demand_points(tambons: list[TambonGap]) -> DemandPoints:
    """People not covered per tambon with a count, at its point on the surface."""
    chosen = [t for t in tambons if t.unvaccinated and t.counts.lon is not None]
    return DemandPoints(
        tuple(float(t.counts.lon) for t in chosen),
        tuple(float(t.counts.lat) for t in chosen),
        tuple(float(t.unvaccinated) for t in chosen),
        tuple(t.counts.code for t in chosen),
        tuple(t.counts.name_th for t in chosen),
    )


def _check(params: VaccinationPlanParams) -> None:
    if params.report_path is not None and Path(params.report_path).suffix.lower() not in (".csv", ".xlsx"):
        raise ValueError(
            translate("VaccinationPlan", "The report must be a .csv or .xlsx file, not '{0}'.").format(
                Path(params.report_path).name
            )
        )


def vaccination_plan(
    store: Store, params: VaccinationPlanParams, progress: Optional[Progress] = None
) -> VaccinationPlanResult:
    """Read the campaign's coverage, choose the sites (stored with `write`), write the report if asked."""
    progress = progress_of(progress)
    _check(params)
    tambons = campaign_coverage(store, params.campaign, params.area_code, progress)
    counted = [t for t in tambons if t.counts.target_population is not None]
    if not counted:
        raise ValueError(
            translate(
                "VaccinationPlan",
                "No counts of campaign '{0}' in the area: import them with 'Import vaccination / screening "
                "counts per tambon' first.",
            ).format(params.campaign)
        )
    demand = demand_points(tambons)
    if not demand.weight:
        raise ValueError(
            translate(
                "VaccinationPlan", "Everyone in the target population of '{0}' is covered: nothing to plan."
            ).format(params.campaign)
        )
    progress.report(
        0.1,
        translate("VaccinationPlan", "{0:,} people not yet covered in {1} tambons.").format(
            int(sum(demand.weight)), len(demand.weight)
        ),
    )
    check_cancelled(progress)
    name = params.name or translate("VaccinationPlan", "Mobile units for {0}").format(params.campaign)
    plan = locate(
        store,
        LocationAllocationParams(
            model="mclp",
            k=params.k,
            threshold=params.threshold,
            unit=params.unit,
            demand="points",
            demand_points=demand,
            candidates=params.candidates,
            candidate_points=params.candidate_points,
            area_code=params.area_code,
            fixed_kinds=params.fixed_kinds,
            time_limit=params.time_limit,
            straight_line=params.straight_line,
            write=params.write,
            name=name,
        ),
        scaled(progress, 0.1, 0.9),
    )
    result = VaccinationPlanResult(params.campaign, plan, tambons, len(demand.weight), int(round(sum(demand.weight))))
    if params.report_path is not None:
        check_cancelled(progress)
        result.report_path = write_report(params.report_path, result, progress)
    progress.report(1.0, "")
    return result


def report_columns() -> list[Column]:
    return [
        Column("rank", "integer"),
        Column("name"),
        Column("tambon_code"),
        Column("fixed", "boolean"),
        Column("people_added", "real"),
        Column("people_served", "real"),
        Column("lon", "real"),
        Column("lat", "real"),
        Column("campaign"),
        Column("threshold", "real"),
        Column("unit"),
        Column("travel_model"),
        Column("solver_status"),
        Column("gap", "real"),
        Column("plan_run", "integer"),
    ]


def report_rows(result: VaccinationPlanResult) -> list[list]:
    p = result.plan
    return [
        [
            s.rank,
            s.name,
            s.tambon_code or s.ref,
            s.fixed,
            round(s.demand_added, 1),
            round(s.demand_served, 1),
            round(s.lon, 6),
            round(s.lat, 6),
            result.campaign,
            p.threshold,
            p.unit,
            p.travel_model.value,
            p.status,
            p.gap,
            p.run_id,
        ]
        for s in p.sites
    ]


def write_report(path: PathLike, result: VaccinationPlanResult, progress: Optional[Progress] = None) -> Path:
    progress = progress_of(progress)
    try:
        write_table(
            path,
            report_columns(),
            report_rows(result),
            layer_name="vaccination_plan",
            is_cancelled=progress.is_cancelled,
        )
    except ExportCancelled:
        raise Cancelled() from None
    return Path(path)
