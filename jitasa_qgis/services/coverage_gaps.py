"""Coverage gaps (the workflow behind jitasa:coveragegaps): per tambon, the open requests by urgency and
category, those outside every service area, those beyond `max_minutes` of the nearest facility that is open
and has free capacity, the volunteers available, volunteers per open request and per 1,000 people (where the
tambon has a population); the uncovered requests themselves; optionally a CSV / XLSX report.

Each read is one set-based statement of store.coverage: the tambons (volunteers, population, campaign
counts), the open requests as arrays (one binary COPY), the service areas, the open facilities with room;
the per-tambon counts are array sums (core.coverage.per_group_sum) of the requests' tambon, urgency and
category indices. Outside every service area is core.coverage.intersects_polygons: ST_Intersects semantics,
a request on an area's boundary is inside it, and a request in several overlapping areas is covered once.
Minutes come from the one travel-time model (services.travel_times): road minutes on the network covering
the facilities and requests, else the straight line; `model` says which and every output carries it.
Reads only; the report file is written through core.table_export (a temporary file renamed at the end).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import numpy as np
import psycopg2

from ..core.coverage import intersects_polygons, nearest_minutes, per_group_sum
from ..core.table_export import Column, ExportCancelled, write_table
from ..core.travel_time import TravelTimeModel
from ..definitions.i18n import translate
from ..definitions.roads import TravelModelCode
from ..store.calls import read_only_snapshot, rollback_quietly, server_message
from ..store.coverage import (
    CATEGORIES,
    URGENCIES,
    CoverageScope,
    Facilities,
    RequestPoints,
    TambonRow,
    open_facilities,
    open_request_points,
    service_area_shapes,
    tambon_rows,
)
from ..store.errors import StoreError
from ..store.migrations import check_schema_current
from .progress import Cancelled, Progress, check_cancelled, progress_of
from .store_access import Store, connection, written_whole
from .travel_times import travel_time_model

PathLike = Union[str, Path]
MODEL_SAMPLE = 2_000  # requests (spread evenly) that, with the facilities, choose the covering network


@dataclass(frozen=True)
class CoverageGapParams:
    area_code: Optional[str] = None  # province / amphoe / tambon code; None: every tambon
    max_minutes: float = 30.0  # a request further than this from an open facility with room is a gap
    facility_kinds: tuple[str, ...] = ()  # which facilities count (empty: all kinds)
    service_area_ids: Optional[tuple[int, ...]] = None  # which service areas count (None: all)
    service_area_kinds: Optional[tuple[str, ...]] = None
    use_network: bool = True  # False: the straight line even where a road network covers the area
    campaign: Optional[str] = None  # join this campaign's vaccination / screening counts
    report_path: Optional[PathLike] = None  # .csv or .xlsx
    with_geometry: bool = True  # the tambon polygons (WKB) for a layer


@dataclass
class TambonGap:
    counts: TambonRow  # the tambon as the store has it (names, population, volunteers, campaign counts)
    open_total: int = 0
    by_urgency: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    outside_areas: int = 0  # open requests outside every chosen service area
    beyond_minutes: int = 0  # open requests beyond max_minutes of every open facility with room
    uncovered: int = 0  # outside every service area, or beyond max_minutes (either)

    @property
    def volunteers_per_request(self) -> Optional[float]:
        return self.counts.volunteers_available / self.open_total if self.open_total else None

    @property
    def volunteers_per_1000(self) -> Optional[float]:
        c = self.counts
        return c.volunteers_available * 1000.0 / c.population if c.population else None

    @property
    def coverage_share(self) -> Optional[float]:
        """Vaccinated / screened over the target population of the campaign's latest count (0..1)."""
        c = self.counts
        if c.target_population is None or not c.target_population:
            return None
        return min(1.0, c.covered_people / c.target_population)

    @property
    def unvaccinated(self) -> Optional[int]:
        c = self.counts
        if c.target_population is None:
            return None
        return max(0, c.target_population - c.covered_people)


@dataclass
class UncoveredRequests:
    points: RequestPoints
    minutes: np.ndarray  # to the nearest open facility with room (inf: beyond the limit / none)
    beyond: np.ndarray  # bool: minutes > max_minutes
    outside: np.ndarray  # bool: outside every chosen service area

    def __len__(self) -> int:
        return len(self.points)


@dataclass
class CoverageGapResult:
    model: TravelModelCode
    network: Optional[str]
    max_minutes: float
    facilities: int
    service_areas: int
    requests: int  # open located requests in scope
    tambons: list[TambonGap] = field(default_factory=list)
    uncovered: Optional[UncoveredRequests] = None
    report_path: Optional[Path] = None

    def summary_lines(self) -> list[str]:
        outside = sum(t.outside_areas for t in self.tambons)
        beyond = sum(t.beyond_minutes for t in self.tambons)
        lines = [
            translate(
                "CoverageGaps", "{0} open requests in {1} tambons; {2} service areas, {3} open facilities with room."
            ).format(self.requests, len(self.tambons), self.service_areas, self.facilities),
            translate("CoverageGaps", "{0} requests outside every service area.").format(outside),
            translate("CoverageGaps", "{0} requests beyond {1:g} minutes of an open facility with room.").format(
                beyond, self.max_minutes
            ),
            translate("CoverageGaps", "Travel model: {0}.").format(model_words(self.model)),
        ]
        if self.network:
            lines.append(translate("CoverageGaps", "Road network: {0}.").format(self.network))
        if self.report_path is not None:
            lines.append(translate("CoverageGaps", "Report written to {0}.").format(str(self.report_path)))
        return lines


def model_words(model: TravelModelCode) -> str:
    if model is TravelModelCode.ROAD_NETWORK:
        return translate("CoverageGaps", "road minutes on the road network")
    return translate("CoverageGaps", "straight line (no road network covers the area)")


def _check(params: CoverageGapParams) -> None:
    if not np.isfinite(params.max_minutes) or params.max_minutes <= 0:
        raise ValueError(translate("CoverageGaps", "The travel-time limit must be a positive number of minutes."))
    if params.report_path is not None and Path(params.report_path).suffix.lower() not in (".csv", ".xlsx"):
        raise ValueError(
            translate("CoverageGaps", "The report must be a .csv or .xlsx file, not '{0}'.").format(
                Path(params.report_path).name
            )
        )


def _model(conn, params: CoverageGapParams, facilities: Facilities, points: RequestPoints):
    if not params.use_network:
        return TravelTimeModel(None), None
    step = max(1, len(points) // MODEL_SAMPLE)
    lon = np.concatenate([facilities.lon, points.lon[::step]])
    lat = np.concatenate([facilities.lat, points.lat[::step]])
    return travel_time_model(conn, lon, lat)


def compute(conn, params: CoverageGapParams, progress: Optional[Progress] = None) -> CoverageGapResult:
    """The gaps of `params` on an open connection; reads only."""
    progress = progress_of(progress)
    _check(params)
    scope = CoverageScope(params.area_code, params.service_area_ids, params.service_area_kinds, params.campaign)
    rows = tambon_rows(conn, scope, params.with_geometry)
    if not rows:
        raise ValueError(
            translate("CoverageGaps", "No tambons in the store for the area code '{0}'.").format(params.area_code or "")
        )
    check_cancelled(progress)
    points = open_request_points(conn, scope)
    progress.report(0.3, translate("CoverageGaps", "{0} open requests in {1} tambons.").format(len(points), len(rows)))
    check_cancelled(progress)
    areas = service_area_shapes(conn, scope)
    facilities = open_facilities(conn, params.facility_kinds)
    model, info = _model(conn, params, facilities, points)
    progress.report(
        0.4,
        translate("CoverageGaps", "{0} service areas, {1} open facilities with room; travel model: {2}.").format(
            len(areas), len(facilities), model_words(model.code)
        ),
    )
    covered = intersects_polygons(points.lon, points.lat, areas)
    check_cancelled(progress)
    progress.report(0.55, "")
    near = nearest_minutes(model, facilities.lon, facilities.lat, points.lon, points.lat, params.max_minutes)
    check_cancelled(progress)
    beyond = ~np.isfinite(near.minutes)
    uncovered = beyond | ~covered
    n, nu, nc = len(rows), len(URGENCIES), len(CATEGORIES)
    total = per_group_sum(points.tambon, n)
    by_u = per_group_sum(points.tambon * nu + points.urgency, n * nu).reshape(n, nu)
    by_c = per_group_sum(points.tambon * nc + points.category, n * nc).reshape(n, nc)
    outside = per_group_sum(points.tambon[~covered], n)
    beyond_per = per_group_sum(points.tambon[beyond], n)
    uncovered_per = per_group_sum(points.tambon[uncovered], n)
    result = CoverageGapResult(
        model.code, info.name if info else None, params.max_minutes, len(facilities), len(areas), len(points)
    )
    result.tambons = [
        TambonGap(
            row,
            int(total[i]),
            dict(zip(URGENCIES, (int(x) for x in by_u[i]))),
            dict(zip(CATEGORIES, (int(x) for x in by_c[i]))),
            int(outside[i]),
            int(beyond_per[i]),
            int(uncovered_per[i]),
        )
        for i, row in enumerate(rows)
    ]
    result.uncovered = UncoveredRequests(
        points.take(uncovered), near.minutes[uncovered], beyond[uncovered], ~covered[uncovered]
    )
    progress.report(0.8, translate("CoverageGaps", "{0} requests not covered.").format(int(uncovered.sum())))
    return result


def report_columns() -> list[Column]:
    cols = [
        Column("tambon_code"),
        Column("name_th"),
        Column("name_en"),
        Column("amphoe_code"),
        Column("population", "integer"),
    ]
    cols.append(Column("open_requests", "integer"))
    cols += [Column(f"open_{u}", "integer") for u in URGENCIES]
    cols += [Column(f"open_{c}", "integer") for c in CATEGORIES]
    cols += [
        Column("outside_service_areas", "integer"),
        Column("beyond_minutes", "integer"),
        Column("uncovered", "integer"),
        Column("volunteers_available", "integer"),
        Column("volunteers_per_request", "real"),
        Column("volunteers_per_1000", "real"),
        Column("target_population", "integer"),
        Column("covered", "integer"),
        Column("coverage_pct", "real"),
        Column("max_minutes", "real"),
        Column("travel_model"),
    ]
    return cols


def report_row(t: TambonGap, result: CoverageGapResult) -> list:
    c = t.counts
    share = t.coverage_share
    return (
        [c.code, c.name_th, c.name_en, c.amphoe_code, c.population, t.open_total]
        + [t.by_urgency[u] for u in URGENCIES]
        + [t.by_category[k] for k in CATEGORIES]
        + [
            t.outside_areas,
            t.beyond_minutes,
            t.uncovered,
            c.volunteers_available,
            _round(t.volunteers_per_request),
            _round(t.volunteers_per_1000),
            c.target_population,
            c.covered_people,
            None if share is None else round(share * 100.0, 1),
            result.max_minutes,
            result.model.value,
        ]
    )


def _round(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(value, 3)


def write_report(path: PathLike, result: CoverageGapResult, progress: Optional[Progress] = None) -> Path:
    progress = progress_of(progress)
    try:
        write_table(
            path,
            report_columns(),
            (report_row(t, result) for t in result.tambons),
            layer_name="coverage_gaps",
            is_cancelled=progress.is_cancelled,
        )
    except ExportCancelled:
        raise Cancelled() from None
    return Path(path)


def coverage_gaps(store: Store, params: CoverageGapParams, progress: Optional[Progress] = None) -> CoverageGapResult:
    """Read the store once (one read-only snapshot), compute, and write the report if asked."""
    progress = progress_of(progress)
    with connection(store, progress) as conn:
        with written_whole(
            conn,
            progress,
            lambda message: translate("CoverageGaps", "Reading the coverage counts failed: {0}").format(message),
        ):
            check_schema_current(conn)
            conn.rollback()  # the snapshot starts with the first read below
            read_only_snapshot(conn, jit=False)  # compiling costs more than these short statements gain
            result = compute(conn, params, progress)
            conn.rollback()
    if params.report_path is not None:
        check_cancelled(progress)
        result.report_path = write_report(params.report_path, result, progress)
    progress.report(1.0, "")
    return result


def campaign_coverage(
    store: Store, campaign: str, area_code: Optional[str] = None, progress: Optional[Progress] = None
) -> list[TambonGap]:
    """Each tambon of the area with the campaign's latest count (target, covered, share); no request read."""
    progress = progress_of(progress)
    with connection(store, progress) as conn:
        try:
            check_schema_current(conn)
            rows = tambon_rows(conn, CoverageScope(area_code, campaign=campaign), True)
            conn.rollback()
        except psycopg2.Error as exc:
            rollback_quietly(conn)
            raise StoreError(
                translate("CoverageGaps", "Reading the coverage counts failed: {0}").format(server_message(exc))
            ) from None
    return [TambonGap(r) for r in rows]
