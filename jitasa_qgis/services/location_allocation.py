"""Location-allocation (the workflow behind jitasa:locationallocation and the vaccination plan): choose K sites
among candidates for demand within a threshold — maximal covering (MCLP), p-median, set covering (LSCP), each
with existing facilities kept fixed and a capacitated variant — solved exactly by core.location_allocation.

Demand: points the caller gives (a layer's numeric field, unvaccinated people per tambon), open requests
weighted by urgency, or tambon population. Candidates: points the caller gives, tambon centroids, or road
junctions of the network covering the demand. Travel: road minutes where a network covers the demand
(services.travel_times), else the straight line at the model's speed; or straight-line km on the WGS84
ellipsoid. Every result says which (`travel_model`, `unit`). With `write` the plan is stored as one
jitasa.plan_run and its plan_site rows in one transaction (a cancel or an error leaves nothing).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional

import numpy as np

from ..core import location_allocation as core
from ..core.location_reach import pairs_within_km, pairs_within_minutes
from ..core.travel_time import TravelTimeModel
from ..definitions.i18n import translate
from ..definitions.roads import TravelModelCode
from ..store import planning as store
from ..store.migrations import check_schema_current
from ..store.roads import network_covering
from .progress import Progress, check_cancelled, progress_of
from .store_access import Store, connection, written_whole
from .travel_times import travel_time_model

MODELS = tuple(m.value for m in core.Model)
MINUTES, KM = "minutes", "km"
UNITS = (MINUTES, KM)
POINTS, REQUESTS, POPULATION = "points", "requests", "population"
DEMANDS = (POINTS, REQUESTS, POPULATION)
TAMBON_CENTROIDS, ROAD_NODES = "tambon_centroids", "road_nodes"
CANDIDATES = (POINTS, TAMBON_CENTROIDS, ROAD_NODES)
DEFAULT_URGENCY_WEIGHTS = (("critical", 10.0), ("high", 5.0), ("normal", 2.0), ("low", 1.0))
MAX_ROAD_NODES = 3000  # junctions beyond this are thinned evenly (by node order)


@dataclass(frozen=True)
class DemandPoints:
    lon: tuple[float, ...]
    lat: tuple[float, ...]
    weight: tuple[float, ...]
    ref: tuple[str, ...]
    name: tuple[str, ...] = ()


@dataclass(frozen=True)
class CandidatePoints:
    lon: tuple[float, ...]
    lat: tuple[float, ...]
    ref: tuple[str, ...]
    name: tuple[str, ...] = ()
    capacity: tuple[Optional[float], ...] = ()  # () or one per candidate (None: the default capacity)


@dataclass(frozen=True)
class LocationAllocationParams:
    model: str = "mclp"  # one of MODELS
    k: Optional[int] = None  # sites to choose, fixed ones included; LSCP: ignored
    threshold: float = 30.0
    unit: str = MINUTES  # MINUTES: the travel-time model; KM: straight line on the ellipsoid
    capacitated: bool = False
    split: bool = True
    default_capacity: Optional[float] = None  # candidates (and fixed facilities) without a capacity of their own
    demand: str = POINTS  # one of DEMANDS
    demand_points: Optional[DemandPoints] = None
    urgency_weights: tuple[tuple[str, float], ...] = DEFAULT_URGENCY_WEIGHTS
    candidates: str = TAMBON_CENTROIDS  # one of CANDIDATES
    candidate_points: Optional[CandidatePoints] = None
    area_code: Optional[str] = None  # generated demand and candidates inside this province / amphoe / tambon
    fixed_kinds: tuple[str, ...] = ()
    fixed_ids: tuple[int, ...] = ()
    time_limit: Optional[float] = 60.0
    straight_line: bool = False  # minutes on the straight line even where a network covers the demand
    write: bool = False
    name: str = ""


@dataclass(frozen=True)
class PlanSite:
    rank: int
    lon: float
    lat: float
    ref: str
    name: str
    fixed: bool
    capacity: Optional[float]
    demand_served: float
    demand_added: float
    facility_id: Optional[int] = None
    tambon_code: Optional[str] = None


@dataclass(frozen=True)
class AllocationLine:
    demand_ref: str
    demand_lon: float
    demand_lat: float
    site_rank: int
    site_ref: str
    fraction: float
    weight: float  # the demand point's weight times the fraction
    cost: float  # minutes or km (`unit`)


@dataclass
class LocationAllocationResult:
    model: str
    capacitated: bool
    status: str  # core.SolveStatus value
    objective: Optional[float]
    bound: Optional[float]
    gap: Optional[float]
    travel_model: TravelModelCode
    unit: str
    threshold: float
    network: Optional[str]
    total_weight: float
    covered_weight: float
    unreachable_count: int
    unreachable_weight: float
    demand_count: int
    candidate_count: int
    reductions: core.Reductions
    method: str
    seconds: float
    sites: list[PlanSite] = field(default_factory=list)
    lines: list[AllocationLine] = field(default_factory=list)
    run_id: Optional[int] = None

    def summary_lines(self) -> list[str]:
        lines = [
            translate(
                "LocationAllocation", "Model: {0}{1}; {2} demand points, {3} candidates; {4} sites chosen."
            ).format(
                model_label(self.model),
                translate("LocationAllocation", ", capacitated") if self.capacitated else "",
                self.demand_count,
                self.candidate_count,
                len(self.sites),
            ),
            translate("LocationAllocation", "Solver status: {0}.").format(status_text(self.status)),
        ]
        if self.objective is not None:
            lines.append(
                translate("LocationAllocation", "Objective {0:,.2f}; proven bound {1}; gap {2}.").format(
                    self.objective,
                    "-" if self.bound is None else f"{self.bound:,.2f}",
                    "-" if self.gap is None else f"{100.0 * self.gap:.3f} %",
                )
            )
        share = 100.0 * self.covered_weight / self.total_weight if self.total_weight else 0.0
        lines.append(
            translate("LocationAllocation", "Demand served {0:,.1f} of {1:,.1f} ({2:.1f} %).").format(
                self.covered_weight, self.total_weight, share
            )
        )
        if self.unit == KM:
            text = translate("LocationAllocation", "Threshold {0:g} km, straight line on the WGS84 ellipsoid.")
            lines.append(text.format(self.threshold))
        elif self.travel_model == TravelModelCode.ROAD_NETWORK:
            lines.append(
                translate("LocationAllocation", "Threshold {0:g} minutes on the road network {1}.").format(
                    self.threshold, self.network
                )
            )
        else:
            text = translate(
                "LocationAllocation",
                "Threshold {0:g} minutes on the straight line (no road network covers the demand).",
            )
            lines.append(text.format(self.threshold))
        if self.unreachable_count:
            lines.append(
                translate(
                    "LocationAllocation",
                    "{0} demand points (weight {1:,.1f}) are beyond the threshold of every candidate.",
                ).format(self.unreachable_count, self.unreachable_weight)
            )
        r = self.reductions
        lines.append(
            translate(
                "LocationAllocation",
                "Reductions: {0} demand points merged, {1} dominated candidates removed, {2} dominated demand "
                "points, {3} variables fixed by reduced costs; the solver saw {4} demand rows and {5} candidates.",
            ).format(
                r.demand_merged,
                r.candidates_dominated,
                r.demand_dominated,
                r.variables_fixed,
                r.demand_rows,
                r.candidate_columns,
            )
        )
        if self.run_id is not None:
            lines.append(translate("LocationAllocation", "Stored as plan run {0}.").format(self.run_id))
        return lines


def model_label(model: str) -> str:
    return {
        "mclp": translate("LocationAllocation", "maximal covering (MCLP)"),
        "pmedian": translate("LocationAllocation", "p-median"),
        "lscp": translate("LocationAllocation", "set covering (LSCP)"),
    }.get(model, model)


def status_text(status: str) -> str:
    return {
        "optimal": translate("LocationAllocation", "proven optimal"),
        "time_limit": translate(
            "LocationAllocation", "time limit reached: the best solution found, with the solver's bound"
        ),
        "no_solution": translate("LocationAllocation", "time limit reached before any solution was found"),
        "infeasible": translate(
            "LocationAllocation",
            "infeasible: K sites (with these capacities) cannot serve all the demand within the threshold",
        ),
    }.get(status, status)


def error_text(code: str, detail: dict) -> str:
    """A core LocationError in words."""
    if code == "k_exceeds_candidates":
        return translate(
            "LocationAllocation", "K = {0} is more than the {1} candidates: give a smaller K or more candidates."
        ).format(detail.get("k"), detail.get("candidates"))
    if code == "no_candidate_in_reach":
        return translate(
            "LocationAllocation",
            "No candidate is within the threshold of any demand point ({0} demand points, {1} candidates).",
        ).format(detail.get("demand"), detail.get("candidates"))
    if code == "fixed_exceed_k":
        return translate("LocationAllocation", "{0} fixed facilities are more than K = {1}.").format(
            detail.get("fixed"), detail.get("k")
        )
    if code in ("k_required", "k_not_positive"):
        return translate("LocationAllocation", "Give K, the number of sites to choose (1 or more).")
    if code == "bad_weights":
        return translate("LocationAllocation", "Demand weights must be numbers of 0 or more.")
    if code == "bad_capacity":
        return translate("LocationAllocation", "Capacities must be numbers of 0 or more, one per candidate.")
    return translate("LocationAllocation", "The location-allocation input is not valid ({0}).").format(code)


def _check(params: LocationAllocationParams) -> None:
    if params.model not in MODELS:
        raise ValueError(
            translate("LocationAllocation", "Unknown model '{0}': use one of {1}.").format(
                params.model, ", ".join(MODELS)
            )
        )
    if params.unit not in UNITS:
        raise ValueError(translate("LocationAllocation", "Unknown unit '{0}': use minutes or km.").format(params.unit))
    if not np.isfinite(params.threshold) or params.threshold <= 0:
        raise ValueError(translate("LocationAllocation", "The threshold must be a positive number."))
    if params.model != "lscp" and (params.k is None or params.k < 1):
        raise ValueError(translate("LocationAllocation", "Give K, the number of sites to choose (1 or more)."))
    if params.demand not in DEMANDS:
        raise ValueError(translate("LocationAllocation", "Unknown demand source '{0}'.").format(params.demand))
    if params.candidates not in CANDIDATES:
        raise ValueError(translate("LocationAllocation", "Unknown candidate source '{0}'.").format(params.candidates))
    if params.demand == POINTS and params.demand_points is None:
        raise ValueError(translate("LocationAllocation", "Give the demand points."))
    if params.candidates == POINTS and params.candidate_points is None:
        raise ValueError(translate("LocationAllocation", "Give the candidate points."))
    if params.time_limit is not None and (not np.isfinite(params.time_limit) or params.time_limit <= 0):
        raise ValueError(translate("LocationAllocation", "The time limit must be a positive number of seconds."))
    if params.default_capacity is not None and (
        not np.isfinite(params.default_capacity) or params.default_capacity < 0
    ):
        raise ValueError(translate("LocationAllocation", "The default capacity must be 0 or more."))


@dataclass
class _Points:
    lon: np.ndarray
    lat: np.ndarray
    ref: list[str]
    name: list[str]
    weight: Optional[np.ndarray] = None
    capacity: Optional[list[Optional[float]]] = None
    fixed: Optional[np.ndarray] = None
    facility_id: Optional[list[Optional[int]]] = None
    tambon: Optional[list[Optional[str]]] = None


def _demand(conn, params: LocationAllocationParams) -> _Points:
    if params.demand == POINTS:
        d = params.demand_points
        n = len(d.lon)
        if not (len(d.lat) == len(d.weight) == len(d.ref) == n) or (d.name and len(d.name) != n):
            raise ValueError(
                translate(
                    "LocationAllocation", "The demand points' coordinates, weights and references differ in number."
                )
            )
        w = np.asarray(d.weight, np.float64)
        bad = np.nonzero(~np.isfinite(w) | (w < 0))[0]
        if len(bad):
            raise ValueError(
                translate("LocationAllocation", "Demand weight of '{0}' is not a number of 0 or more: {1}.").format(
                    d.ref[bad[0]], d.weight[bad[0]]
                )
            )
        names = list(d.name) if d.name else list(d.ref)
        return _Points(np.asarray(d.lon, np.float64), np.asarray(d.lat, np.float64), list(d.ref), names, w)
    if params.demand == REQUESTS:
        weights = dict(params.urgency_weights)
        rows = store.open_requests(conn, params.area_code)
        if not rows:
            raise ValueError(
                translate("LocationAllocation", "No open requests with a location in the area: no demand.")
            )
        w = np.array([float(weights.get(r.urgency, 1.0)) for r in rows])
        return _Points(
            np.array([r.lon for r in rows]),
            np.array([r.lat for r in rows]),
            [str(r.id) for r in rows],
            [f"#{r.id}" for r in rows],
            w,
            tambon=[r.tambon_code for r in rows],
        )
    rows = store.tambon_points(conn, params.area_code)
    if not rows:
        raise ValueError(translate("LocationAllocation", "No tambons in the area: no demand."))
    if all(r.population is None for r in rows):
        raise ValueError(
            translate(
                "LocationAllocation", "The tambons carry no population: import admin areas with population first."
            )
        )
    return _Points(
        np.array([r.lon for r in rows]),
        np.array([r.lat for r in rows]),
        [r.code for r in rows],
        [r.name for r in rows],
        np.array([float(r.population or 0) for r in rows]),
        tambon=[r.code for r in rows],
    )


def _candidates(conn, params: LocationAllocationParams, demand: _Points) -> tuple[_Points, Optional[str]]:
    network = None
    if params.candidates == POINTS:
        c = params.candidate_points
        n = len(c.lon)
        if len(c.lat) != n or len(c.ref) != n or (c.name and len(c.name) != n) or (c.capacity and len(c.capacity) != n):
            raise ValueError(
                translate("LocationAllocation", "The candidate points' coordinates and references differ in number.")
            )
        pts = _Points(
            np.asarray(c.lon, np.float64),
            np.asarray(c.lat, np.float64),
            list(c.ref),
            list(c.name) if c.name else list(c.ref),
            capacity=list(c.capacity) if c.capacity else [None] * n,
        )
    elif params.candidates == TAMBON_CENTROIDS:
        rows = store.tambon_points(conn, params.area_code)
        pts = _Points(
            np.array([r.lon for r in rows]),
            np.array([r.lat for r in rows]),
            [r.code for r in rows],
            [r.name for r in rows],
            capacity=[None] * len(rows),
            tambon=[r.code for r in rows],
        )
    else:
        info = network_covering(conn, demand.lon, demand.lat)
        if info is None:
            raise ValueError(
                translate(
                    "LocationAllocation", "No road network covers the demand: road junctions cannot be candidates."
                )
            )
        network = info.name
        nodes = store.road_junctions(conn, info.id, params.area_code)
        if len(nodes) > MAX_ROAD_NODES:
            keep = np.linspace(0, len(nodes) - 1, MAX_ROAD_NODES).round().astype(int)
            nodes = [nodes[i] for i in keep]
        pts = _Points(
            np.array([n[1] for n in nodes]),
            np.array([n[2] for n in nodes]),
            [f"node:{n[0]}" for n in nodes],
            [translate("LocationAllocation", "Junction {0}").format(n[0]) for n in nodes],
            capacity=[None] * len(nodes),
        )
    n = len(pts.lon)
    pts.fixed = np.zeros(n, bool)
    pts.facility_id = [None] * n
    if pts.tambon is None:
        pts.tambon = [None] * n
    if params.fixed_ids:
        unknown = store.unknown_facility_ids(conn, params.fixed_ids)
        if unknown:
            raise ValueError(
                translate("LocationAllocation", "No facility with id {0}: nothing computed.").format(
                    ", ".join(map(str, unknown))
                )
            )
    fixed = []
    if params.fixed_kinds or params.fixed_ids:
        fixed = store.facilities(conn, params.fixed_kinds, params.fixed_ids)
    if fixed:
        pts.lon = np.concatenate([pts.lon, [f.lon for f in fixed]])
        pts.lat = np.concatenate([pts.lat, [f.lat for f in fixed]])
        pts.ref += [f"facility:{f.id}" for f in fixed]
        pts.name += [f.name for f in fixed]
        pts.capacity += [None if f.daily_capacity is None else float(f.daily_capacity) for f in fixed]
        pts.fixed = np.concatenate([pts.fixed, np.ones(len(fixed), bool)])
        pts.facility_id += [f.id for f in fixed]
        pts.tambon += [f.tambon_code for f in fixed]
    if len(pts.lon) == 0:
        raise ValueError(translate("LocationAllocation", "No candidates: nothing to choose from."))
    return pts, network


def _capacities(params: LocationAllocationParams, cand: _Points) -> Optional[np.ndarray]:
    if not params.capacitated:
        return None
    caps = [params.default_capacity if c is None else c for c in cand.capacity]
    missing = [cand.ref[i] for i, c in enumerate(caps) if c is None]
    if missing:
        raise ValueError(
            translate(
                "LocationAllocation", "{0} candidates have no capacity (first: {1}): give a default capacity."
            ).format(len(missing), missing[0])
        )
    out = np.asarray(caps, np.float64)
    if not np.all(np.isfinite(out)) or np.any(out < 0):
        raise ValueError(error_text("bad_capacity", {}))
    return out


def locate_on(conn, params: LocationAllocationParams, progress: Optional[Progress] = None) -> LocationAllocationResult:
    """The plan of `params` on an open connection; writes nothing."""
    progress = progress_of(progress)
    _check(params)
    demand = _demand(conn, params)
    cand, network = _candidates(conn, params, demand)
    capacity = _capacities(params, cand)
    check_cancelled(progress)
    progress.report(
        0.1,
        translate("LocationAllocation", "{0} demand points, {1} candidates.").format(len(demand.lon), len(cand.lon)),
    )
    if params.unit == KM:
        reach = pairs_within_km(demand.lon, demand.lat, cand.lon, cand.lat, params.threshold)
        code = TravelModelCode.STRAIGHT_LINE
    else:
        if params.straight_line:
            model, info = TravelTimeModel(None), None
        else:  # the network covering the demand (road junctions came from the same one)
            model, info = travel_time_model(conn, demand.lon, demand.lat)
        network = info.name if info is not None and model.graph is not None else None
        code = model.code
        reach = pairs_within_minutes(
            model,
            demand.lon,
            demand.lat,
            cand.lon,
            cand.lat,
            params.threshold,
            lambda f: progress.report(0.1 + 0.4 * f, translate("LocationAllocation", "Travel times…")),
        )
    check_cancelled(progress)
    text = translate("LocationAllocation", "{0} demand-candidate pairs within the threshold; solving.")
    progress.report(0.5, text.format(len(reach.demand)))
    problem = core.Problem(
        core.Model(params.model),
        demand.weight,
        reach,
        k=params.k if params.model != "lscp" else None,
        fixed=tuple(np.nonzero(cand.fixed)[0]),
        capacity=capacity,
        split=params.split,
    )
    try:
        sol = core.solve(problem, time_limit=params.time_limit)
    except core.LocationError as exc:
        raise ValueError(error_text(exc.code, exc.detail)) from None
    check_cancelled(progress)
    rank_of = {int(s): i + 1 for i, s in enumerate(sol.sites)}
    sites = [
        PlanSite(
            rank_of[int(s)],
            float(cand.lon[s]),
            float(cand.lat[s]),
            cand.ref[s],
            cand.name[s],
            bool(cand.fixed[s]),
            None if capacity is None else float(capacity[s]),
            float(served),
            float(added),
            cand.facility_id[s],
            cand.tambon[s],
        )
        for s, added, served in zip(sol.sites, sol.added, sol.served)
    ]
    a = sol.allocation
    lines = [
        AllocationLine(
            demand.ref[d],
            float(demand.lon[d]),
            float(demand.lat[d]),
            rank_of[int(s)],
            cand.ref[s],
            float(f),
            float(demand.weight[d] * f),
            float(c),
        )
        for d, s, f, c in zip(a.demand, a.site, a.fraction, a.cost)
    ]
    progress.report(0.9, translate("LocationAllocation", "Solved: {0}.").format(status_text(sol.status.value)))
    return LocationAllocationResult(
        params.model,
        capacity is not None,
        sol.status.value,
        sol.objective,
        sol.bound,
        sol.gap,
        code,
        params.unit,
        float(params.threshold),
        network,
        sol.total_weight,
        sol.covered_weight,
        int(len(sol.unreachable)),
        float(sol.reductions.unreachable_weight),
        len(demand.lon),
        len(cand.lon),
        sol.reductions,
        sol.method,
        sol.seconds,
        sites,
        lines,
    )


def run_params_json(params: LocationAllocationParams, result: LocationAllocationResult) -> dict:
    out = asdict(params)
    for key in ("write", "demand_points", "candidate_points", "name"):
        out.pop(key, None)
    out["network"] = result.network
    out["unit"] = result.unit
    out["demand_count"] = result.demand_count
    out["candidate_count"] = result.candidate_count
    out["reductions"] = asdict(result.reductions)
    out["method"] = result.method
    out["seconds"] = round(result.seconds, 3)
    return out


def locate(
    store_: Store, params: LocationAllocationParams, progress: Optional[Progress] = None
) -> LocationAllocationResult:
    """Solve, and with `params.write` store the plan run and its sites in one transaction."""
    progress = progress_of(progress)
    with connection(store_, progress) as conn:
        with written_whole(
            conn,
            progress,
            lambda message: translate(
                "LocationAllocation", "Storing the plan failed and nothing was written: {0}"
            ).format(message),
        ):
            check_schema_current(conn)
            result = locate_on(conn, params, progress)
            if params.write and result.sites:
                rows = [
                    store.SiteRow(
                        s.rank,
                        s.name,
                        s.ref,
                        s.facility_id,
                        s.fixed,
                        s.capacity,
                        s.demand_served,
                        s.demand_added,
                        s.tambon_code,
                        s.lon,
                        s.lat,
                    )
                    for s in result.sites
                ]
                with conn.cursor() as cur:
                    run_id = store.write_plan(
                        cur,
                        params.name,
                        params.model,
                        result.capacitated,
                        run_params_json(params, result),
                        result.travel_model.value if result.unit == MINUTES else "straight_line",
                        result.objective,
                        result.bound,
                        result.gap,
                        result.status,
                        rows,
                    )
                check_cancelled(progress)
                conn.commit()
                result.run_id = run_id
            else:
                conn.rollback()
    progress.report(1.0, "")
    return result


__all__ = [
    "AllocationLine",
    "CandidatePoints",
    "DemandPoints",
    "LocationAllocationParams",
    "LocationAllocationResult",
    "PlanSite",
    "locate",
    "locate_on",
]
