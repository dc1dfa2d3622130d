"""What a solver returns: assigned pairs, unassigned requests with a reason code each, and a summary."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np

from ...definitions.eligibility import CATEGORY_ORDER
from ...definitions.enums import Urgency
from ...definitions.reasons import UnassignedReason
from .costs import CandidateIndex
from .problem import AssignmentProblem

URGENCY_BY_RANK = (Urgency.CRITICAL, Urgency.HIGH, Urgency.NORMAL, Urgency.LOW)


def reason_detail(reason: UnassignedReason | str, category_code: int) -> Optional[dict[str, str]]:
    """The detail definitions.reasons.reason_text needs for an unassigned code: the category, for
    no_eligible_volunteer (its needs are read from definitions.eligibility); None for the others."""
    if UnassignedReason(reason) is UnassignedReason.NO_ELIGIBLE_VOLUNTEER:
        return {"category": CATEGORY_ORDER[category_code].value}
    return None


@dataclass(frozen=True)
class OptimalityProof:
    """What the optimal solver reports about its answer. `optimal`: proven optimal over every eligible pair
    within the maximum travel time (None when not checked: the pruned problem only). The rest is None when
    the solver had nothing to solve."""

    optimal: Optional[bool]
    rounds: int = 0
    solver: Optional[str] = None
    candidates: Optional[int] = None
    pairs_added: Optional[int] = None
    solver_calls: Optional[int] = None
    trivial_components: Optional[int] = None
    solved_components: Optional[int] = None
    largest_component: Optional[int] = None
    candidate_pairs: Optional[int] = None
    solve_seconds: Optional[float] = None
    objective: Optional[str] = None


@dataclass(frozen=True)
class AssignmentSummary:
    """Counts and travel of one solver run. `as_dict()` is the plain JSON the Processing algorithms output
    (the proof's fields at the top level, as before; those it does not have are left out)."""

    method: str
    requests: int
    volunteers: int
    assigned: int
    unassigned: int
    unassigned_by_reason: dict[str, int]  # UnassignedReason value -> count
    assigned_by_urgency: dict[str, int]
    unassigned_by_urgency: dict[str, int]
    total_minutes: float
    mean_minutes: Optional[float]  # None when nothing was assigned
    max_travel_minutes: float
    travel_estimate: str  # how minutes were estimated (English, for the log)
    message: str
    # definitions.roads.TravelModelCode: road_network (minutes, the maximum and the proof hold for road
    # minutes) or straight_line
    travel_model: str = "straight_line"
    proof: Optional[OptimalityProof] = None  # the optimal solver only

    def as_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        proof = out.pop("proof")
        if proof is not None:
            out.update({k: v for k, v in proof.items() if v is not None or k == "optimal"})
        return out


@dataclass(frozen=True)
class AssignmentResult:
    """Assigned pairs and unassigned requests as column arrays (ids, not indices), plus a summary."""

    request_id: np.ndarray
    volunteer_id: np.ndarray
    minutes: np.ndarray
    unassigned_id: np.ndarray
    unassigned_reason: np.ndarray  # `UnassignedReason` values (plain str codes; equal to the enum members)
    unassigned_detail: np.ndarray  # per unassigned request: its reason's detail (see `reason_detail`) or None
    summary: AssignmentSummary

    def pairs(self) -> list[tuple[int, int, float]]:
        """(request_id, volunteer_id, minutes) for every assignment."""
        return list(zip(self.request_id.tolist(), self.volunteer_id.tolist(), self.minutes.tolist()))

    def unassigned(self) -> list[tuple[int, str, Optional[dict]]]:
        """(request_id, reason code, detail) for every request left without a volunteer; in words with
        definitions.reasons.reason_text(code, detail)."""
        return list(zip(self.unassigned_id.tolist(), self.unassigned_reason.tolist(), self.unassigned_detail.tolist()))

    @property
    def total_minutes(self) -> float:
        return float(self.minutes.sum())


def explain_unassigned(index: CandidateIndex, req_idx: np.ndarray) -> np.ndarray:
    """Reason codes (object array of `UnassignedReason` values) for requests that got no volunteer."""
    req_idx = np.asarray(req_idx, np.int64)
    reasons = np.empty(len(req_idx), dtype=object)
    reasons[:] = UnassignedReason.NO_LOCATION.value
    pending = np.flatnonzero(index.req_located[req_idx])
    checks = (  # (usable only, any skills, reason when found)
        (True, False, UnassignedReason.TAKEN_BY_OTHER_REQUESTS),
        (False, False, UnassignedReason.ELIGIBLE_AT_CAPACITY),
        (False, True, UnassignedReason.NO_ELIGIBLE_VOLUNTEER),
    )
    for usable_only, any_skills, reason in checks:
        found = index.any_within(req_idx[pending], usable_only, any_skills)
        reasons[pending[found]] = reason.value
        pending = pending[~found]
    reasons[pending] = UnassignedReason.NO_VOLUNTEER_IN_RANGE.value
    return reasons


def build_result(
    problem: AssignmentProblem,
    index: CandidateIndex,
    assigned_vol: np.ndarray,
    minutes: np.ndarray,
    method: str,
    proof: Optional[OptimalityProof] = None,
) -> AssignmentResult:
    """Turn per-request volunteer indices (-1 = none) and minutes into a result with reasons and summary."""
    requests, volunteers = problem.requests, problem.volunteers
    n = len(requests)
    has = assigned_vol >= 0
    req_idx = np.flatnonzero(has)
    open_idx = np.flatnonzero(~has)
    reasons = explain_unassigned(index, open_idx)
    details = np.empty(len(open_idx), dtype=object)
    details[:] = [reason_detail(r, c) for r, c in zip(reasons, requests.category[open_idx].tolist())]
    pair_minutes = minutes[req_idx].astype(np.float64)
    total = float(pair_minutes.sum())
    ranks = requests.urgency_rank
    by_reason: dict[str, int] = {}
    for reason in UnassignedReason:
        count = int(np.count_nonzero(reasons == reason.value))
        if count:
            by_reason[reason.value] = count
    assigned = int(has.sum())
    if n == 0:
        message = "no open requests to assign"
    elif not index.vol_usable.any():
        message = "no available volunteer with capacity left"
    else:
        message = f"{assigned} of {n} requests assigned"
    summary = AssignmentSummary(
        method=method,
        requests=n,
        volunteers=len(volunteers),
        assigned=assigned,
        unassigned=n - assigned,
        unassigned_by_reason=by_reason,
        assigned_by_urgency={u.value: int(np.count_nonzero(has & (ranks == r))) for r, u in enumerate(URGENCY_BY_RANK)},
        unassigned_by_urgency={
            u.value: int(np.count_nonzero(~has & (ranks == r))) for r, u in enumerate(URGENCY_BY_RANK)
        },
        total_minutes=total,
        mean_minutes=total / len(req_idx) if len(req_idx) else None,
        max_travel_minutes=index.max_minutes,
        travel_estimate=index.description,
        travel_model=index.model_code.value,
        message=message,
        proof=proof,
    )
    return AssignmentResult(
        request_id=requests.id[req_idx],
        volunteer_id=volunteers.id[assigned_vol[req_idx]],
        minutes=pair_minutes,
        unassigned_id=requests.id[open_idx],
        unassigned_reason=reasons,
        unassigned_detail=details,
        summary=summary,
    )
