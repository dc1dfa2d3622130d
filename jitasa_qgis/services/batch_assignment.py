"""Batch assignment (the workflow behind jitasa:assignnearest and jitasa:assignoptimal): read a scope's open
requests and the volunteers who could serve them, solve with core.assignment (nearest or optimal), then in
one transaction create the run and write its pairs as proposals for review or confirm them directly.

Travel minutes come from the one travel-time model (services.travel_times): road minutes on the network
covering the scope's requests, else (or with `straight_line`) the straight line. The maximum travel time
and the optimality proof then hold for those minutes; the result, the run's parameters and every written
pair (`cost_is_estimate` false for road minutes) say which model it was. On roads the volunteers are read
within the maximum travel time at the network's fastest speed around the scope (the pruning bound of
core.travel_time.StraightLineBound), so nobody the road could bring in time is left unread.

The store re-checks every pair and refuses stale ones with a reason code (the rest is written): those
refusals are part of the result, not errors. A cancel is honoured between the steps, before the write.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from ..core.assignment import (
    AssignmentProblem,
    AssignmentResult,
    HelpRequests,
    Volunteers,
    assign_nearest,
    assign_optimal,
)
from ..core.travel_time import StraightLineBound, TravelTimeModel
from ..definitions.eligibility import DEFAULT_MAX_TRAVEL_MINUTES, DEFAULT_SPEED_KMH
from ..definitions.i18n import translate
from ..definitions.reasons import reason_text
from ..definitions.roads import TravelModelCode
from ..store.area_lookup import AdminAreaMatch
from ..store.assignments import (
    AssignmentInputs,
    BatchResult,
    Outcome,
    Scope,
    assign_pairs,
    create_run,
    load_assignment_inputs,
    propose_assignments,
)
from ..store.calls import rollback_quietly
from ..store.roads import NetworkInfo
from .areas import describe_area, resolve_area
from .progress import Progress, check_cancelled, progress_of
from .store_access import Store, connection
from .travel_times import travel_time_model

METHODS = ("nearest", "optimal")
SCOPE_KINDS = ("all", "amphoe", "tambon", "service_area", "polygon")
MODES = ("propose", "confirm")
_SOLVERS = {"nearest": assign_nearest, "optimal": assign_optimal}
# Share of the progress for each step: reading and solving are most of it on a province.
_READ_DONE, _SOLVED, _WRITTEN = 0.3, 0.7, 1.0


@dataclass(frozen=True)
class BatchAssignmentParams:
    method: str  # one of METHODS
    mode: str = "propose"  # one of MODES: proposals for review, or confirm directly
    scope_kind: str = "all"  # one of SCOPE_KINDS
    area: str = ""  # amphoe / tambon: its code or its name (Thai or English), as typed
    service_area_id: Optional[int] = None
    polygon_wkt: Optional[str] = None  # WGS 84
    max_minutes: float = DEFAULT_MAX_TRAVEL_MINUTES
    speed_kmh: float = DEFAULT_SPEED_KMH  # the straight line's speed
    straight_line: bool = False  # force the straight line even where a road network covers the scope


@dataclass(frozen=True)
class BatchAssignmentResult:
    run_id: int
    mode: str
    scope_label: str  # the run's scope column: 'all', 'amphoe 6710', 'service area 3'...
    area: Optional[AdminAreaMatch]  # the amphoe / tambon the scope named, when it named one
    inputs: AssignmentInputs  # what was read (ids and coordinates of the requests and volunteers)
    solution: AssignmentResult  # the solver's pairs, unassigned requests and summary
    batch: BatchResult  # the store's outcome per pair (proposed / confirmed / refused with a reason)
    travel_model: TravelModelCode = TravelModelCode.STRAIGHT_LINE  # where the minutes came from
    network: Optional[NetworkInfo] = None  # the road network used, when road minutes

    @property
    def written(self) -> int:
        return self.batch.count(Outcome.PROPOSED) + self.batch.count(Outcome.CONFIRMED)

    @property
    def unassigned(self) -> int:
        return int(self.solution.summary.unassigned)

    @property
    def refused(self) -> int:
        return self.batch.refused

    @property
    def total_minutes(self) -> float:
        return float(self.solution.summary.total_minutes or 0.0)

    @property
    def mean_minutes(self) -> float:
        return float(self.solution.summary.mean_minutes or 0.0)

    def summary(self) -> dict:
        """The plain JSON summary (the solver's, with requests_without_location and refused_by_store)."""
        out = {
            k: v
            for k, v in self.solution.summary.as_dict().items()
            if isinstance(v, (int, float, str, bool, dict, list, type(None)))
        }
        out["requests_without_location"] = len(self.inputs.unlocated_request_ids)
        out["travel_model"] = self.travel_model.value
        if self.network is not None:
            out["road_network"] = {"id": self.network.id, "name": self.network.name, "version": self.network.version}
        out = json.loads(json.dumps(out, default=str))  # numpy numbers and the like as plain JSON
        out["refused_by_store"] = self.batch.refused_by_reason()
        return out

    def summary_lines(self) -> list[str]:
        """What happened, in words (translated), for a log."""
        summary = self.solution.summary.as_dict()
        lines = [
            translate("AssignAlgorithm", "Assigned {0} of {1} requests ({2}).").format(
                self.written,
                summary.get("requests", 0),
                translate("AssignAlgorithm", "proposals for review")
                if self.mode == "propose"
                else translate("AssignAlgorithm", "confirmed"),
            )
        ]
        if summary.get("mean_minutes") is not None and self.network is not None:
            lines.append(
                translate(
                    "AssignAlgorithm",
                    "Travel: total {0:.0f} min, mean {1:.1f} min by road (network '{2}', version {3}, with the "
                    "off-road leg to the nearest road).",
                ).format(
                    summary.get("total_minutes") or 0.0,
                    summary["mean_minutes"],
                    self.network.name,
                    self.network.version,
                )
            )
        elif summary.get("mean_minutes") is not None:
            lines.append(
                translate(
                    "AssignAlgorithm", "Travel: total {0:.0f} min, mean {1:.1f} min (straight-line estimate)."
                ).format(summary.get("total_minutes") or 0.0, summary["mean_minutes"])
            )
        for code, count in (summary.get("unassigned_by_reason") or {}).items():
            lines.append(translate("AssignAlgorithm", "Unassigned: {0} — {1}").format(count, reason_text(code)))
        # counted by text: the same code with different details (now active, now rejected) reads differently
        for text, count in Counter(reason_text(code, detail) for code, detail in self.batch.refusals()).most_common():
            lines.append(translate("AssignAlgorithm", "Refused by the store: {0} — {1}").format(count, text))
        return lines


def scope_from_values(
    kind: str, code: str = "", service_area_id: Optional[int] = None, polygon_wkt: Optional[str] = None
) -> Scope:
    """A store Scope from parameter values; ValueError naming what is missing for the chosen kind."""
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


def problem_from_inputs(inputs: AssignmentInputs) -> AssignmentProblem:
    r, v = inputs.requests, inputs.volunteers
    return AssignmentProblem(
        HelpRequests(r.id, r.lon, r.lat, r.urgency, r.category, r.created_at),
        Volunteers(v.id, v.lon, v.lat, v.capacity, None, v.skills, v.vehicle),
    )


def run_batch_assignment(
    store: Store, params: BatchAssignmentParams, progress: Optional[Progress] = None
) -> BatchAssignmentResult:
    """Read, solve, then create the run and write its pairs in one transaction (see the module docstring).

    Raises ValueError (AreaError among them) for a parameter that names nothing, before anything is read;
    Cancelled when cancelled before the write (nothing written); StoreError when reading or writing fails
    (rolled back: no run, no pair)."""
    progress = progress_of(progress)
    if params.method not in METHODS:
        raise ValueError(f"unknown assignment method {params.method!r}")
    if params.mode not in MODES:
        raise ValueError(f"unknown assignment mode {params.mode!r}")
    if not params.max_minutes > 0:
        raise ValueError(translate("AssignAlgorithm", "The maximum travel time must be more than 0 minutes."))
    check_cancelled(progress)
    with connection(store, progress) as conn:
        try:
            scope, label, area = _scope(conn, params, progress)
            margin_km = params.max_minutes / 60.0 * params.speed_kmh
            inputs = load_assignment_inputs(conn, scope, margin_km=margin_km)
            model, network = TravelTimeModel(None), None
            if not params.straight_line and len(inputs.requests.id):
                model, network = travel_time_model(conn, inputs.requests.lon, inputs.requests.lat)
            if model.graph is not None:
                bound = StraightLineBound.of(model.graph)
                road_km = params.max_minutes / 60.0 * max(bound.fastest_kmh, bound.off_road_kmh)
                if road_km > margin_km and scope != Scope():
                    # road minutes reach farther than the straight line's: read the volunteers that far
                    inputs = load_assignment_inputs(conn, scope, margin_km=road_km)
                progress.report(
                    0.25,
                    translate("AssignAlgorithm", "Travel times on the road network '{0}' (version {1}).").format(
                        network.name, network.version
                    ),
                )
            conn.rollback()  # end the read transaction: the solve can take a while
            progress.report(
                _READ_DONE,
                translate("AssignAlgorithm", "{0} open requests and {1} volunteers in scope.").format(
                    len(inputs.requests.id), len(inputs.volunteers.id)
                ),
            )
            check_cancelled(progress)
            solution = _SOLVERS[params.method](
                problem_from_inputs(inputs), params.max_minutes, speed_kmh=params.speed_kmh, travel_times=model
            )
            progress.report(_SOLVED)
            check_cancelled(progress)
            run_id = create_run(
                conn,
                params.method,
                label,
                _run_params(params, model, network),
                commit=False,
            )
            write = propose_assignments if params.mode == "propose" else assign_pairs
            batch = write(
                conn,
                run_id,
                solution.request_id.tolist(),
                solution.volunteer_id.tolist(),
                solution.minutes.tolist(),
                model.code is TravelModelCode.STRAIGHT_LINE,  # cost_is_estimate: not road minutes
                commit=False,
            )
            conn.commit()
        except BaseException:
            rollback_quietly(conn)
            raise
    progress.report(_WRITTEN)
    return BatchAssignmentResult(
        run_id=run_id,
        mode=params.mode,
        scope_label=label,
        area=area,
        inputs=inputs,
        solution=solution,
        batch=batch,
        travel_model=model.code,
        network=network,
    )


def _run_params(params: BatchAssignmentParams, model: TravelTimeModel, network: Optional[NetworkInfo]) -> dict:
    """What the run records of how it was made: limits, mode and the travel-time model (with its network)."""
    out = {
        "max_minutes": params.max_minutes,
        "speed_kmh": params.speed_kmh,
        "mode": params.mode,
        "travel_model": model.code.value,
    }
    if network is not None:
        out["road_network"] = {"id": network.id, "name": network.name, "version": network.version}
    return out


def _scope(conn, params: BatchAssignmentParams, progress: Progress) -> tuple[Scope, str, Optional[AdminAreaMatch]]:
    kind, code, area = params.scope_kind, (params.area or "").strip(), None
    if kind in ("amphoe", "tambon") and code:
        area = resolve_area(conn, kind, code)  # a name (Thai or English) or a code
        conn.rollback()
        code = area.code
        progress.report(0.05, translate("AreaParameter", "Scope: {0}").format(describe_area(area)))
    scope = scope_from_values(kind, code, params.service_area_id, params.polygon_wkt)
    label = {
        "all": "all",
        "amphoe": f"amphoe {code}",
        "tambon": f"tambon {code}",
        "service_area": f"service area {params.service_area_id}",
        "polygon": "polygon",
    }[kind]
    return scope, label, area
